"""Run the notebooks from their jupytext sources and store the executed results.

Each notebook ``notebooks/NN_name.ipynb`` is paired by jupytext (``notebooks/jupytext.toml``)
with a readable, diffable percent-format source ``notebooks/sources/NN_name.py``. Editing
either side in JupyterLab (with jupytext installed) or ``jupytext --sync`` keeps them equal.
This script adds what jupytext does not do: it runs a notebook top to bottom in a fresh
kernel (working directory ``notebooks/``) and stores the outputs, so that nbval can compare
a later fresh run against them.

    python tools/build_notebooks.py              # every notebook
    python tools/build_notebooks.py 01 04        # those whose name starts with 01 or 04
    python tools/build_notebooks.py --check      # sources and stored notebooks agree?
"""

import argparse
import pathlib
import sys
import time

import jupytext
import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "sources"
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def read_source(source):
    """The notebook a source describes, with stable cell ids (jupytext draws random ones)."""
    nb = jupytext.read(source)
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    return nb


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
    """Write ``notebooks/<source stem>.ipynb`` from a source, executed unless told otherwise."""
    nb = read_source(source)
    target = NOTEBOOKS / (source.stem + ".ipynb")
    if execute:
        from nbclient import NotebookClient

        start = time.perf_counter()
        # No timing metadata: a rebuild that changes nothing should leave the file unchanged.
        client = NotebookClient(nb, timeout=300, kernel_name="python3", record_timing=False,
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        client.execute()
        _drop_widget_views(nb)
        _coalesce_streams(nb)
        print(f"{target.relative_to(ROOT)}: executed in {time.perf_counter() - start:.1f} s")
    # Widget state is large and only meaningful live; nbclient's language_info carries versions.
    nb.metadata = {"kernelspec": dict(KERNELSPEC), "language_info": {"name": "python"}}
    nbformat.write(nb, target)
    return target


def _inputs(nb):
    return [(c.cell_type, c.source, c.metadata.get("tags", [])) for c in nb.cells]


def check():
    """Problems, one line each, where a source and its stored notebook disagree (none: [])."""
    def rel(path):
        return path.relative_to(NOTEBOOKS.parent)

    problems = []
    sources = {p.stem for p in SOURCES.glob("*.py")}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        if path.stem not in sources:
            problems.append(f"{rel(path)} has no source in {rel(SOURCES)}/")
    for source in sorted(SOURCES.glob("*.py")):
        target = NOTEBOOKS / (source.stem + ".ipynb")
        if not target.exists():
            problems.append(f"{rel(target)} is missing; build it from {source.name}")
        elif _inputs(read_source(source)) != _inputs(jupytext.read(target)):
            problems.append(f"{rel(target)} differs from {rel(source)}; "
                            f"rebuild it (python tools/build_notebooks.py {source.stem[:2]})")
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
