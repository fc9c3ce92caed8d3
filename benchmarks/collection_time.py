"""Run every notebook top to bottom in a fresh kernel and print how long each takes.

Each notebook gets its own kernel (started fresh, working directory notebooks/), as
nbval and a learner's "Restart and Run All" do. Kernel start-up is printed apart from
the run, and the total is what a whole-collection check costs.

    python benchmarks/collection_time.py          # every notebook
    python benchmarks/collection_time.py 03 04    # those whose name starts with 03 or 04

Targets: the whole collection under 30 s on a 2-core machine, no notebook over 8 s.
The stored notebooks are not modified.
"""

import argparse
import os
import pathlib
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
TOTAL_TARGET_S = 30.0
NOTEBOOK_TARGET_S = 8.0


def run_notebook(path):
    """(kernel start seconds, execution seconds) of one fresh run of ``path``."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    # The kernel's own start-up chatter (a transport warning) would cut through the table;
    # failures still surface as exceptions from execute_cell.
    with client.setup_kernel(stderr=subprocess.DEVNULL):
        started = time.perf_counter()
        for index, cell in enumerate(nb.cells):
            client.execute_cell(cell, index)
        finished = time.perf_counter()
    return started - start, finished - started


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="only notebooks whose name starts with one of these")
    args = parser.parse_args(argv)
    paths = sorted(NOTEBOOKS.glob("*.ipynb"))
    if args.prefixes:
        paths = [p for p in paths if p.name.startswith(tuple(args.prefixes))]
    if not paths:
        print("no notebooks matched", file=sys.stderr)
        return 2
    # Kernels import this checkout's helpers, whatever is installed.
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

    print(f"Fresh-kernel run of each notebook ({os.cpu_count()} cores, {time.strftime('%Y-%m-%d %H:%M')})")
    print(f"{'notebook':<32} {'kernel s':>9} {'run s':>7} {'total s':>8}")
    total, slow = 0.0, []
    for path in paths:
        kernel_s, run_s = run_notebook(path)
        seconds = kernel_s + run_s
        total += seconds
        flag = "" if seconds <= NOTEBOOK_TARGET_S else f"  over {NOTEBOOK_TARGET_S:.0f} s"
        if flag:
            slow.append(path.name)
        print(f"{path.name:<32} {kernel_s:>9.2f} {run_s:>7.2f} {seconds:>8.2f}{flag}")
    print(f"{'total':<32} {'':>9} {'':>7} {total:>8.2f}")
    print(f"targets: total < {TOTAL_TARGET_S:.0f} s: {'met' if total < TOTAL_TARGET_S else 'NOT met'}; "
          f"every notebook <= {NOTEBOOK_TARGET_S:.0f} s: {'met' if not slow else 'NOT met (' + ', '.join(slow) + ')'}")
    return 0 if total < TOTAL_TARGET_S and not slow else 1


if __name__ == "__main__":
    sys.exit(main())
