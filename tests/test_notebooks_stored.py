"""The stored notebooks are the built, executed versions of their sources."""

import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_every_notebook_matches_its_source():
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_notebooks.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_every_notebook_has_a_source_and_is_stored_executed_in_order():
    sources = {p.stem for p in (ROOT / "tools" / "notebooks").glob("*.py")}
    for path in NOTEBOOKS:
        assert path.stem in sources, f"{path.name} has no source in tools/notebooks/"
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
