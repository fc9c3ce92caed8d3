"""Build the notebooks from their percent-format sources and execute them.

Each notebook has a readable, diffable source ``tools/notebooks/NN_name.py`` in the
"percent" format::

    # %% [markdown]
    # # A title
    # Some *markdown*.

    # %%
    x = 1 + 1

    # %% tags=["nbval-ignore-output"]
    explorer

The script turns a source into ``notebooks/NN_name.ipynb``, runs it top to bottom
in a fresh kernel (working directory ``notebooks/``) and stores the outputs, so
that nbval can later compare a fresh run against them.

    python tools/build_notebooks.py              # every notebook
    python tools/build_notebooks.py 01 04        # those whose name starts with 01 or 04
    python tools/build_notebooks.py --check      # sources and stored notebooks agree?
"""

import argparse
import ast
import pathlib
import sys
import time

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCES = ROOT / "tools" / "notebooks"
NOTEBOOKS = ROOT / "notebooks"


def parse_source(text):
    """Split percent-format text into a list of nbformat cells."""
    cells = []
    kind, tags, lines = None, [], []

    def flush():
        if kind is None:
            return
        while lines and not lines[-1].strip():
            lines.pop()
        while lines and not lines[0].strip():
            lines.pop(0)
        if kind == "markdown":
            body = "\n".join(line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines)
            cell = nbformat.v4.new_markdown_cell(body)
        else:
            cell = nbformat.v4.new_code_cell("\n".join(lines))
        if tags:
            cell.metadata["tags"] = list(tags)
        cells.append(cell)

    for line in text.splitlines():
        if line.startswith("# %%"):
            flush()
            header = line[4:].strip()
            kind = "markdown" if header.startswith("[markdown]") else "code"
            tags = []
            if "tags=" in header:
                tags = ast.literal_eval(header.split("tags=", 1)[1].strip())
            lines = []
        elif kind is not None:
            lines.append(line)
    flush()
    for i, cell in enumerate(cells):
        cell["id"] = f"cell-{i:02d}"
    return cells


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _drop_widget_views(nb):
    """Keep an explorer's PNG and text, not its live-widget reference.

    A stored reference points at a widget that exists only while the kernel runs: a
    freshly opened notebook would show "Error displaying widget: model not found"
    where the PNG of the explorer can show instead, until the cell is run.
    """
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if WIDGET_VIEW in output.get("data", {}) and len(output["data"]) > 1:
                del output["data"][WIDGET_VIEW]


def _coalesce_streams(nb):
    """Join consecutive prints into one output: how the kernel chunks them varies by run."""
    for cell in nb.cells:
        merged = []
        for output in cell.get("outputs", []):
            last = merged[-1] if merged else None
            if (output.output_type == "stream" and last is not None and last.output_type == "stream"
                    and last.name == output.name):
                last.text += output.text
            else:
                merged.append(output)
        if "outputs" in cell:
            cell.outputs = merged


def build(source, execute=True):
    cells = parse_source(source.read_text())
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    target = NOTEBOOKS / (source.stem + ".ipynb")
    if execute:
        from nbclient import NotebookClient

        start = time.perf_counter()
        # No timing metadata: a rebuild that changes nothing should leave the file unchanged.
        client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
        nb.metadata.pop("widgets", None)  # widget state is large and only meaningful live
        _drop_widget_views(nb)
        _coalesce_streams(nb)
        print(f"{target.relative_to(ROOT)}: executed in {time.perf_counter() - start:.1f} s")
    nb.metadata["language_info"] = {"name": "python"}
    nbformat.write(nb, target)
    return target


def check():
    problems = []
    for source in sorted(SOURCES.glob("*.py")):
        target = NOTEBOOKS / (source.stem + ".ipynb")
        if not target.exists():
            problems.append(f"{target.relative_to(ROOT)} is missing; build it from {source.name}")
            continue
        want = [(c.cell_type, c.source) for c in parse_source(source.read_text())]
        have = [(c.cell_type, c.source) for c in nbformat.read(target, as_version=4).cells]
        if want != have:
            problems.append(f"{target.relative_to(ROOT)} differs from {source.relative_to(ROOT)}; rebuild it")
    return problems


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="build only notebooks whose name starts with one of these")
    parser.add_argument("--check", action="store_true", help="only check that sources and notebooks agree")
    parser.add_argument("--no-execute", action="store_true", help="write the notebook without running it")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        print("\n".join(problems) or "all notebooks match their sources")
        return 1 if problems else 0
    sources = sorted(SOURCES.glob("*.py"))
    if args.prefixes:
        sources = [s for s in sources if s.name.startswith(tuple(args.prefixes))]
    if not sources:
        print("no notebook sources matched", file=sys.stderr)
        return 1
    for source in sources:
        build(source, execute=not args.no_execute)
    return 0


if __name__ == "__main__":
    sys.exit(main())
