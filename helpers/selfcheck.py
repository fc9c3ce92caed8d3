"""Check that this computer can run the notebooks, and say what is missing.

Run it from the folder of the course (or anywhere the course is installed)::

    python -m helpers.selfcheck          # about 5 seconds: starts a kernel once
    python -m helpers.selfcheck --quick  # skips starting a kernel

It checks, in order: the Python version; the packages and their versions; the four
JupyterLab extensions of the install (ipywidgets' manager, which draws every explorer;
ipympl's ``jupyter-matplotlib``, for ``canvas="ipympl"`` and ``%matplotlib widget``;
``anywidget``, which runs the explorers' slider labeller for screen readers; and ipyevents,
which brings clicks and drags on an explorer's picture to Python); the
``python3`` kernel (and that it can import the course's helpers); and a tiny explorer
built headless, moved once and redrawn. Each line says ``ok`` or ``MISSING`` with what to
do. The exit code is 0 when all is well.
"""

import argparse
import importlib
import importlib.metadata
import importlib.util
import json
import os
import pathlib
import subprocess
import sys
from typing import NamedTuple

MIN_PYTHON = (3, 10)
# Import name -> (distribution name, lowest version), as in requirements.txt.
PACKAGES = {
    "numpy": ("numpy", "2.0"),
    "matplotlib": ("matplotlib", "3.9"),
    "ipywidgets": ("ipywidgets", "8.1"),
    "ipympl": ("ipympl", "0.9.4"),
    "anywidget": ("anywidget", "0.9"),
    "ipyevents": ("ipyevents", "2.0"),
    "jupyterlab": ("jupyterlab", "4.2"),
    "ipykernel": ("ipykernel", "6.0"),
}
# JupyterLab extension -> the package that ships it.
LAB_EXTENSIONS = {
    "@jupyter-widgets/jupyterlab-manager": "ipywidgets (jupyterlab_widgets)",
    "jupyter-matplotlib": "ipympl",
    "anywidget": "anywidget",
    "ipyevents": "ipyevents",
}
INSTALL_HINT = "pip install -r requirements.txt (or: conda env update -f environment.yml)"


class Check(NamedTuple):
    """One line of the report: what was checked, whether it passed, and what to do."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


def _version_tuple(text):
    """'3.10.1' -> (3, 10, 1); stops at the first part that is not a plain number ('2.0rc1' -> (2, 0))."""
    parts = []
    for part in text.split("."):
        digits = len(part) - len(part.lstrip("0123456789"))
        if digits == 0:
            break
        parts.append(int(part[:digits]))
        if digits < len(part):
            break
    return tuple(parts)


def check_python(version_info=sys.version_info, minimum=MIN_PYTHON):
    """Python is new enough.

    >>> check_python((3, 9, 18)).ok, check_python((3, 12, 1)).ok
    (False, True)
    """
    shown = ".".join(map(str, version_info[:3]))
    if tuple(version_info[:2]) >= minimum:
        return Check("Python", True, shown)
    wanted = ".".join(map(str, minimum))
    return Check("Python", False, f"{shown} is older than {wanted}", f"install Python {wanted} or newer")


def check_packages(packages=PACKAGES):
    """One Check per package: importable and at least the version the course needs."""
    results = []
    for module, (distribution, minimum) in packages.items():
        if importlib.util.find_spec(module) is None:
            results.append(Check(module, False, "not installed", INSTALL_HINT))
            continue
        try:
            version = importlib.metadata.version(distribution)
        except importlib.metadata.PackageNotFoundError:
            version = "unknown version"
        if _version_tuple(version) and _version_tuple(version) < _version_tuple(minimum):
            results.append(Check(module, False, f"{version} is older than {minimum}", INSTALL_HINT))
        else:
            results.append(Check(module, True, version))
    return results


def _labextension_dirs():
    try:
        from jupyter_core.paths import jupyter_path
    except ImportError:
        return []
    return [pathlib.Path(p) for p in jupyter_path("labextensions")]


def check_lab_extensions(search_dirs=None, extensions=LAB_EXTENSIONS):
    """One Check per JupyterLab extension: found (with a package.json) in a labextensions dir.

    Without these, JupyterLab prints the widget's text instead of drawing sliders or a
    live figure.
    """
    dirs = _labextension_dirs() if search_dirs is None else [pathlib.Path(d) for d in search_dirs]
    results = []
    for name, shipped_by in extensions.items():
        found = None
        for base in dirs:
            manifest = base / name / "package.json"
            if manifest.is_file():
                try:
                    found = json.loads(manifest.read_text()).get("version", "?")
                except (OSError, ValueError):
                    found = "?"
                break
        label = f"JupyterLab extension {name}"
        if found is None:
            results.append(Check(label, False, f"not found (it comes with {shipped_by})", INSTALL_HINT))
        else:
            results.append(Check(label, True, found))
    return results


def check_kernel(name="python3", start=True, timeout=60):
    """The kernel the notebooks ask for exists and, if ``start``, imports the helpers."""
    try:
        from jupyter_client.kernelspec import KernelSpecManager
    except ImportError:
        return Check(f"kernel {name}", False, "jupyter_client is not installed", INSTALL_HINT)
    specs = KernelSpecManager().find_kernel_specs()
    if name not in specs:
        return Check(f"kernel {name}", False, f"no kernel named {name!r} (found: {', '.join(sorted(specs)) or 'none'})",
                     "python -m ipykernel install --user --name python3")
    if not start:
        return Check(f"kernel {name}", True, f"found at {specs[name]} (not started: --quick)")
    from jupyter_client.manager import start_new_kernel

    root = str(pathlib.Path(__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    try:
        # The kernel's own start-up warnings would interleave with the report.
        manager, client = start_new_kernel(kernel_name=name, startup_timeout=timeout, env=env,
                                           stderr=subprocess.DEVNULL)
    except Exception as error:  # any failure to start is what the learner needs to see
        return Check(f"kernel {name}", False, f"does not start: {error}", "python -m ipykernel install --user --name python3")
    try:
        reply = client.execute_interactive(
            "import helpers, helpers.widgets, matplotlib, ipywidgets", timeout=timeout, output_hook=lambda msg: None
        )
        status = reply["content"]["status"]
        if status != "ok":
            error = f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}"
            return Check(f"kernel {name}", False, f"cannot import the course's helpers ({error})",
                         "start Jupyter from the course folder, or pip install -e .")
        return Check(f"kernel {name}", True, "starts and imports the course's helpers")
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def check_explorer():
    """Build a perceptron explorer without a browser, move a slider, see it redraw.

    On the AND gate the lecture's weights w = (-1.5, 1, 1) get every point right;
    moving the bias to -0.5 puts (0, 1) and (1, 0) on the wrong side.
    """
    try:
        from helpers import widgets

        explorer = widgets.perceptron_explorer("AND", w=(-1.5, 1.0, 1.0), canvas="agg")
        before = explorer.pixels()
        right_at_start = explorer.state["misclassified"] == 0
        explorer.controls["w0"].value = -0.5
        moved = explorer.state["misclassified"] == 2
        redrawn = (explorer.pixels() != before).any()
    except Exception as error:  # report, never crash: this is a diagnostic
        return Check("explorer", False, f"could not build one: {type(error).__name__}: {error}", INSTALL_HINT)
    if not (right_at_start and moved and redrawn):
        return Check("explorer", False, "built, but it did not compute or redraw as expected",
                     "pip install -e . again, then ask your instructor")
    return Check("explorer", True, "built headless, answered a slider move and redrew")


def run_checks(start_kernel=True):
    checks = [check_python()]
    checks += check_packages()
    checks += check_lab_extensions()
    checks.append(check_kernel(start=start_kernel))
    checks.append(check_explorer())
    return checks


def report(checks, out=sys.stdout):
    """Print one line per check and a verdict; return the exit code (0 when all passed)."""
    width = max(len(c.name) for c in checks)
    for check in checks:
        status = "ok" if check.ok else "MISSING"
        line = f"  {status:<8} {check.name:<{width}}  {check.detail}"
        if not check.ok and check.fix:
            line += f"\n  {'':<8} {'':<{width}}  -> {check.fix}"
        print(line, file=out)
    problems = [c for c in checks if not c.ok]
    if problems:
        print(f"{len(problems)} problem(s) found: fix them, then run `python -m helpers.selfcheck` again.", file=out)
        return 1
    print(f"All {len(checks)} checks passed: run `jupyter lab` and open notebooks/00_introduction.ipynb.", file=out)
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="do not start a kernel")
    args = parser.parse_args(argv)
    print("Checking this computer for the neural-network notebooks")
    return report(run_checks(start_kernel=not args.quick))


if __name__ == "__main__":
    sys.exit(main())
