"""The stored notebooks are the built, executed versions of their sources."""

import importlib.util
import json
import pathlib
import shutil
import subprocess
import sys

import jupytext

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_every_notebook_matches_its_source():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_notebooks.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def _builder():
    spec = importlib.util.spec_from_file_location("build_notebooks", ROOT / "tools" / "build_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_check_reports_a_source_edited_after_the_build(tmp_path, monkeypatch):
    builder = _builder()
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    monkeypatch.setattr(builder, "NOTEBOOKS", tmp_path / "notebooks")
    monkeypatch.setattr(builder, "SOURCES", tmp_path / "notebooks" / "sources")
    assert builder.check() == []
    source = tmp_path / "notebooks" / "sources" / "01_perceptron.py"
    source.write_text(source.read_text().replace("# %%\nimport numpy as np", "# %%\nimport numpy  as np", 1))
    problems = builder.check()
    assert len(problems) == 1 and "01_perceptron.ipynb differs" in problems[0], problems


def test_jupytext_sync_leaves_every_pair_unchanged(tmp_path):
    """The sources are in jupytext's own form, so syncing either side is a no-op."""
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    paths = sorted((tmp_path / "notebooks").glob("*.ipynb")) + sorted((tmp_path / "notebooks" / "sources").glob("*.py"))
    before = {p: p.read_bytes() for p in paths}
    out = subprocess.run([sys.executable, "-m", "jupytext", "--sync", *map(str, paths)],
                         capture_output=True, text=True, cwd=tmp_path / "notebooks")
    assert out.returncode == 0, out.stdout + out.stderr
    changed = [p.name for p in paths if p.read_bytes() != before[p]]
    assert changed == [], f"jupytext --sync rewrote {changed}"


def test_sources_pair_through_the_jupytext_config():
    config = jupytext.config.load_jupytext_config(str(ROOT / "notebooks"))
    assert config is not None and config.formats in ("ipynb,sources//py:percent", ["ipynb,sources//py:percent"])


def test_every_notebook_has_a_source_and_is_stored_executed_in_order():
    sources = {p.stem for p in (ROOT / "notebooks" / "sources").glob("*.py")}
    for path in NOTEBOOKS:
        assert path.stem in sources, f"{path.name} has no source in notebooks/sources/"
        cells = [c for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "code"]
        counts = [c["execution_count"] for c in cells]
        assert counts == list(range(1, len(cells) + 1)), f"{path.name}: {counts}"
        for cell in cells:
            for output in cell["outputs"]:
                assert output["output_type"] != "error", f"{path.name} stores an error"
                assert output.get("name") != "stderr", f"{path.name} stores stderr: {output.get('text')}"


def test_notebooks_link_to_the_next_one():
    names = [p.name for p in NOTEBOOKS]
    for this, following in zip(names, names[1:]):
        text = (ROOT / "notebooks" / this).read_text()
        assert f"]({following})" in text, f"{this} does not link to {following}"
