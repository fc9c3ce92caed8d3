"""Drive a real JupyterLab in a real Chromium, the way a learner does.

The browser tests and ``benchmarks/browser_latency.py`` share this module:

- :class:`LabServer` starts JupyterLab on 127.0.0.1 with a free port, no token, and
  every per-user directory (settings, workspaces, runtime) in a temporary folder. Its
  root is a mirror of the repository whose ``notebooks/`` is a *copy*, so running the
  notebooks in the browser never touches the stored ones.
- :func:`launch_browser` starts Debian's Chromium through Playwright (never a
  downloaded browser).
- :class:`LabPage` is JupyterLab open in one page; :class:`NotebookPage` opens a notebook
  from its file browser, runs it with the menu (Run > Run All Cells), waits for the
  kernel, reports error outputs, finds the figures and explorers, and reads the
  explorers' control values from the kernel; :class:`Explorer` moves an explorer's
  controls by keyboard and mouse and watches its figure and readout.

Playwright is imported lazily so that this module imports on a machine without it
(pytest imports it to look for doctests).
"""

import io
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = pathlib.Path(os.environ.get("BROWSER_TEST_NOTEBOOKS", ROOT / "notebooks"))
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = os.environ.get("BROWSER_TEST_CHROMIUM", "/usr/bin/chromium")
# Without the background-networking flags Chromium keeps dialling out (updates, sync,
# QUIC probes); on a closed network those attempts fail noisily and slow start-up.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# A roomy screen, for the latency benchmark.
VIEWPORT = {"width": 1600, "height": 1000}
# A 13-inch laptop: the browser tests run at this width, with the file browser open, so
# their screenshots show what a learner on a laptop sees; they also check 1400 and 1920.
LAPTOP = {"width": 1000, "height": 800}
WIDTHS = (1000, 1400, 1920)
# JupyterLab's themes, as its theme menu names them.
LIGHT, DARK = "JupyterLab Light", "JupyterLab Dark"

# JupyterLab user settings that keep the page quiet and predictable: no news or update
# pop-ups over the notebook, no autosave, and every cell kept in the DOM (the default
# windowing hides off-screen cells, which would hide off-screen figures from the checks).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}

# Directories of the repository that the mirror leaves out: notebooks is copied instead
# of linked, the rest are big or irrelevant to a kernel.
_NOT_MIRRORED = {".git", "notebooks", "screenshots", "venv", ".venv", "build", "__pycache__"}


def notebook_names():
    """Every notebook in notebooks/ (or $BROWSER_TEST_NOTEBOOKS), sorted."""
    return sorted(path.name for path in NOTEBOOKS.glob("*.ipynb"))


def browser_missing_reason():
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright's Python package is not installed (pip install -r requirements-test.txt)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    return None


def free_port():
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_settings(settings_dir):
    import json

    for name, values in LAB_SETTINGS.items():
        path = settings_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def _mirror_repository(target, notebooks):
    """Lay out ``target`` like the repository: links to everything, a copy of notebooks."""
    target.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in _NOT_MIRRORED:
            (target / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    shutil.copytree(notebooks, target / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))


class LabServer:
    """A JupyterLab server in a subprocess, isolated in ``workdir``.

    Use it as a context manager; it stops the server (and its kernels) on exit.
    """

    def __init__(self, workdir, notebooks=NOTEBOOKS, startup_timeout=90):
        self.workdir = pathlib.Path(workdir)
        self.notebooks = pathlib.Path(notebooks)
        self.startup_timeout = startup_timeout
        self.root = self.workdir / "repo"
        self.port = None
        self.process = None
        self.log_path = self.workdir / "jupyterlab.log"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        _mirror_repository(self.root, self.notebooks)
        settings = self.workdir / "lab-settings"
        _write_settings(settings)
        env = dict(os.environ)
        env.update(
            JUPYTERLAB_SETTINGS_DIR=str(settings),
            JUPYTERLAB_WORKSPACES_DIR=str(self.workdir / "lab-workspaces"),
            JUPYTER_RUNTIME_DIR=str(self.workdir / "jupyter-runtime"),
            # The kernelspec says "python": make that the interpreter running these tests.
            PATH=os.pathsep.join([os.path.dirname(sys.executable), os.environ.get("PATH", "")]),
            # Kernels import the helpers of the repository under test, not an installed copy.
            PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        )
        env.pop("MPLBACKEND", None)  # the notebooks choose their backend (ipympl) themselves
        self.port = free_port()
        command = [
            sys.executable, "-m", "jupyter", "lab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={self.port}",
            "--ServerApp.port_retries=0",
            f"--ServerApp.root_dir={self.root}",
            "--IdentityProvider.token=",
            "--PasswordIdentityProvider.hashed_password=",
            # Nothing may leave the machine: no extension index, news feed or update check.
            "--LabApp.extension_manager=readonly",
            "--LabApp.news_url=",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            # window.jupyterapp lets the tests read the kernel state instead of guessing it.
            "--LabApp.expose_app_in_browser=True",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.append("--allow-root")  # CI containers run as root
        self._log = open(self.log_path, "wb")
        self.process = subprocess.Popen(
            command, cwd=self.root, env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self._wait_until_up()
        return self

    def _wait_until_up(self):
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/api/status", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {self.startup_timeout} s:\n{self.log_tail()}")

    def log_tail(self, lines=30):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def api(self, path, method="GET"):
        import json

        request = urllib.request.Request(f"{self.url}{path}", method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self):
        """Stop every running kernel, so that finished notebooks free their CPU and memory."""
        for kernel in self.api("/api/kernels"):
            try:
                self.api(f"/api/kernels/{kernel['id']}", method="DELETE")
            except urllib.error.HTTPError:
                pass  # it stopped on its own meanwhile

    def stop(self):
        if self.process is None:
            return
        if self.process.poll() is None:
            try:
                self.shutdown_kernels()
            except (urllib.error.URLError, OSError):
                pass
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._log.close()
        self.process = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc_info):
        self.stop()


def launch_browser(playwright):
    """Debian's Chromium, headless, through Playwright (no browser download)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)


def image_of(png_bytes):
    """Decode PNG bytes into an ``(h, w, 3)`` uint8 array."""
    import numpy as np
    from PIL import Image

    return np.asarray(Image.open(io.BytesIO(png_bytes)).convert("RGB"))


def ink_fraction(png_bytes):
    """Fraction of pixels that differ clearly from the most common (background) colour."""
    import numpy as np

    pixels = image_of(png_bytes).reshape(-1, 3).astype(int)
    colours, counts = np.unique(pixels, axis=0, return_counts=True)
    background = colours[counts.argmax()]
    return float((np.abs(pixels - background).sum(axis=1) > 30).mean())


def pixels_differ(png_a, png_b):
    """Number of pixels that differ between two screenshots of the same element."""
    import numpy as np

    a, b = image_of(png_a), image_of(png_b)
    if a.shape != b.shape:
        return a.size  # a resized figure certainly changed
    return int((np.abs(a.astype(int) - b.astype(int)).sum(axis=2) > 0).sum())


# --- in-page JavaScript -------------------------------------------------------------

# The notebook's panel as JupyterLab's application knows it (exposed as window.jupyterapp).
_JS_PANEL = """(path) => {
  const app = window.jupyterapp;
  if (!app) return null;
  for (const widget of app.shell.widgets('main')) {
    if (widget.context && widget.context.path === path && widget.sessionContext) return widget;
  }
  return null;
}"""

# Loaded with all its cells and a kernel that is connected and idle.
_JS_READY = """([path, cells]) => {
  const panel = (""" + _JS_PANEL + """)(path);
  return !!panel && panel.context.isReady && panel.content.widgets.length === cells
      && panel.sessionContext.kernelDisplayStatus === 'idle';
}"""

# True once Run All has finished: the kernel is idle and every non-empty code cell has
# an execution count, or a cell failed (Run All stops at the first error).
_JS_RUN_FINISHED = """(path) => {
  const panel = (""" + _JS_PANEL + """)(path);
  if (!panel || panel.sessionContext.kernelDisplayStatus !== 'idle') return false;
  const code = panel.content.widgets.filter(cell => cell.model.type === 'code' && cell.model.sharedModel.getSource().trim());
  if (code.some(cell => cell.promptNode.innerText.includes('*'))) return false;
  const failed = code.some(cell => cell.model.outputs.toJSON().some(o => o.output_type === 'error'));
  return failed || code.every(cell => cell.model.executionCount !== null);
}"""

# Every cell in document order: its kind, prompt, the first line of its source, and
# anything in its outputs that a learner would read as a failure.
_JS_CELL_REPORT = """(path) => {
  const panel = (""" + _JS_PANEL + """)(path);
  const bad = /Traceback \\(most recent call last\\)|Error displaying widget|Failed to (load|create) (model|view)|Error rendering output/;
  return panel.content.widgets.map((cell, index) => {
    const source = cell.model.sharedModel.getSource();
    const report = {index, code: cell.model.type === 'code', source: source.trim().split('\\n')[0].slice(0, 80),
                    empty: !source.trim(), count: null, errors: [], stderr: [], suspicious: []};
    if (!report.code) return report;
    report.count = cell.model.executionCount;
    for (const output of cell.model.outputs.toJSON()) {
      if (output.output_type === 'error') report.errors.push(output.ename + ': ' + output.evalue);
      if (output.output_type === 'stream' && output.name === 'stderr') report.stderr.push(String(output.text));
    }
    report.suspicious = [...cell.node.querySelectorAll('.jp-OutputArea-output')]
        .map(o => o.innerText).filter(text => bad.test(text));
    return report;
  });
}"""

# The explorers: widget outputs that contain a figure (an ipympl canvas or an image).
_JS_MARK_EXPLORERS = """(path) => {
  const panel = (""" + _JS_PANEL + """)(path).node;
  const outputs = [...panel.querySelectorAll('.jp-OutputArea-output')].filter(o =>
      o.querySelector('.widget-box') && o.querySelector('.jupyter-matplotlib, .widget-image, img'));
  outputs.forEach((o, i) => o.setAttribute('data-explorer', String(i)));
  return outputs.length;
}"""

# Every figure shown in the notebook (static images and ipympl canvases; not icons or
# hidden fallbacks), marked for screenshots.
_JS_MARK_FIGURES = """(path) => {
  const panel = (""" + _JS_PANEL + """)(path).node;
  const figures = [...panel.querySelectorAll(
      '.jp-OutputArea-output img, .jupyter-matplotlib-canvas-div, .jp-OutputArea-output svg.jp-RenderedSVG')]
      .filter(f => f.getBoundingClientRect().width > 20 && f.getBoundingClientRect().height > 20);
  figures.forEach((f, i) => f.setAttribute('data-figure', String(i)));
  return figures.length;
}"""


# Close a notebook without the "unsaved changes" dialog and stop its kernel.
_JS_CLOSE = """async (path) => {
  const panel = (""" + _JS_PANEL + """)(path);
  if (!panel) return;
  await panel.sessionContext.shutdown();
  panel.context.model.dirty = false;
  panel.close();
}"""


# Runs code in the notebook's kernel (outside any cell) and returns what it printed.
_JS_KERNEL_PRINT = """async ([path, code]) => {
  const panel = (""" + _JS_PANEL + """)(path);
  const future = panel.sessionContext.session.kernel.requestExecute(
      {code, silent: false, store_history: false, allow_stdin: false});
  let text = '';
  future.onIOPub = (msg) => {
    if (msg.header.msg_type === 'stream') text += msg.content.text;
    if (msg.header.msg_type === 'error') text += msg.content.ename + ': ' + msg.content.evalue;
  };
  await future.done;
  return text;
}"""

# The widget models shown by the notebook's outputs, in document order.
_JS_WIDGET_OUTPUTS = """(path) => {
  const panel = (""" + _JS_PANEL + """)(path);
  const ids = [];
  for (const cell of panel.content.widgets) {
    if (cell.model.type !== 'code') continue;
    for (const output of cell.model.outputs.toJSON()) {
      const view = output.data && output.data['application/vnd.jupyter.widget-view+json'];
      if (view) ids.push(view.model_id);
    }
  }
  return ids;
}"""

# Kernel side: every live explorer's widget model id -> {control description: value}.
# A dropdown gives the label of its choice, what the page shows (its value may be a number
# or a pair behind a label such as "9 · ∂L/∂s (backward)").
# Runs in a throwaway namespace so the learner's variables are untouched.
_PY_EXPLORER_VALUES = r'''exec("""
import gc, json
import ipywidgets
from helpers.widgets import Explorer
found = {}
for e in gc.get_objects():
    if isinstance(e, Explorer):
        shown = {c.description: (c.label if isinstance(c, ipywidgets.Dropdown) else c.value)
                 for c in e.controls.values() if 'value' in c.traits()}
        found[e.widget.model_id] = {k: v for k, v in shown.items() if isinstance(v, (int, float, str))}
print(json.dumps(found))
""", {})'''


class LabPage:
    """JupyterLab open in one browser page, showing the notebooks folder.

    Booting JupyterLab takes seconds, so one page serves every notebook: each is opened
    from the file browser and closed again, as a learner would.
    """

    def __init__(self, browser, server, timeout=90, viewport=VIEWPORT):
        self.server = server
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.errors = []  # uncaught JavaScript errors, in order
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(f"{server.url}/lab/tree/notebooks?reset", timeout=timeout * 1000)
        self.page.wait_for_selector(".jp-DirListing-item", timeout=timeout * 1000)

    def set_width(self, width, settle_ms=600):
        """Resize the window to ``width`` px (height kept) and let the page lay itself out."""
        self.page.set_viewport_size({"width": width, "height": self.page.viewport_size["height"]})
        self.page.wait_for_timeout(settle_ms)

    def set_theme(self, theme, timeout=30):
        """Switch JupyterLab's theme (its Settings > Theme menu) and wait until it applies."""
        self.page.evaluate("(theme) => window.jupyterapp.commands.execute('apputils:change-theme', {theme})", theme)
        self.page.wait_for_function(
            "(theme) => document.body.dataset.jpThemeName === theme && !document.body.classList.contains('lm-mod-override-cursor')",
            arg=theme, timeout=timeout * 1000)
        self.page.wait_for_timeout(800)  # the theme's stylesheet finishes loading

    def open(self, name, screenshots=SCREENSHOTS, timeout=90):
        """Double-click ``name`` in the file browser; return the ready NotebookPage."""
        return NotebookPage(self, name, screenshots).open(timeout)

    def close(self):
        self.context.close()


class NotebookPage:
    """One notebook open in JupyterLab, with its kernel."""

    def __init__(self, lab_page, name, screenshots=SCREENSHOTS):
        self.lab_page = lab_page
        self.page = lab_page.page
        self.server = lab_page.server
        self.name = name  # file name inside notebooks/, e.g. "01_perceptron.ipynb"
        self.stem = pathlib.Path(name).stem
        self.path = f"notebooks/{name}"  # as the server sees it
        self.panel = self.page.locator(f".jp-NotebookPanel[data-test-path='{self.path}']")
        self.screenshots = pathlib.Path(screenshots)
        self._first_error = len(lab_page.errors)

    @property
    def page_errors(self):
        return self.lab_page.errors[self._first_error:]

    def open(self, timeout=90):
        """Open the notebook from the file browser and wait until its kernel is idle."""
        import json

        cells = len(json.loads((self.server.root / "notebooks" / self.name).read_text())["cells"])
        item = self.page.locator(".jp-DirListing-item", has=self.page.locator(f".jp-DirListing-itemText >> text='{self.name}'"))
        item.first.dblclick(timeout=timeout * 1000)
        self.page.wait_for_function(_JS_READY, arg=[self.path, cells], timeout=timeout * 1000, polling=100)
        # A handle for locators that must stay inside this notebook.
        self.page.evaluate("(path) => { (" + _JS_PANEL + ")(path).node.dataset.testPath = path; }", self.path)
        return self

    def close(self):
        """Close the notebook, discarding the run, and shut its kernel down."""
        self.page.evaluate(_JS_CLOSE, self.path)

    # --- running ---------------------------------------------------------------------

    def run_all(self, timeout=180):
        """Run > Run All Cells from the menu bar, then wait until nothing is left to run.

        Returns the seconds from the click to an idle kernel.
        """
        start = time.perf_counter()
        self.page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        self.page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        self.page.wait_for_function(_JS_RUN_FINISHED, arg=self.path, timeout=timeout * 1000, polling=200)
        return time.perf_counter() - start

    def cell_report(self):
        return self.page.evaluate(_JS_CELL_REPORT, self.path)

    def problems(self):
        """Every cell that did not run or that shows an error, as readable lines."""
        lines = []
        for cell in self.cell_report():
            if not cell["code"]:
                continue
            where = f"cell {cell['index']} ({cell['source']!r})"
            if not cell["empty"] and cell["count"] is None:
                lines.append(f"{where} did not run")
            lines += [f"{where} raised {error}" for error in cell["errors"]]
            lines += [f"{where} wrote to stderr:\n{text[:2000]}" for text in cell["stderr"]]
            lines += [f"{where} shows a failure message:\n{text[:2000]}" for text in cell["suspicious"]]
        lines += [f"uncaught error in the page: {error}" for error in self.page_errors]
        return lines

    def run_in_kernel(self, code):
        """Run ``code`` in the notebook's kernel, outside any cell; return what it printed."""
        return self.page.evaluate(_JS_KERNEL_PRINT, [self.path, code])

    def kernel_explorer_values(self):
        """For each explorer shown, in page order: its controls' values as the kernel has them."""
        import json

        printed = self.run_in_kernel(_PY_EXPLORER_VALUES)
        try:
            by_model = json.loads(printed)
        except ValueError:
            raise RuntimeError(f"could not read the explorers from the kernel: {printed!r}") from None
        return [by_model[i] for i in self.page.evaluate(_JS_WIDGET_OUTPUTS, self.path) if i in by_model]

    def kernel_explorer_access(self):
        """For each explorer shown, in page order: its sliders' ranges and its picture's text."""
        import json

        printed = self.run_in_kernel(_PY_EXPLORER_ACCESS)
        try:
            by_model = json.loads(printed)
        except ValueError:
            raise RuntimeError(f"could not read the explorers from the kernel: {printed!r}") from None
        return [by_model[i] for i in self.page.evaluate(_JS_WIDGET_OUTPUTS, self.path) if i in by_model]

    # --- what a learner on a laptop, with a keyboard or a screen reader, meets ---------
    @property
    def outputs_selector(self):
        return f".jp-NotebookPanel[data-test-path='{self.path}'] .jp-OutputArea-output"

    def widget_outputs_selector(self):
        """A selector for this notebook's outputs that show widgets (the explorers), marked now."""
        self.panel.evaluate("""p => p.querySelectorAll('.jp-OutputArea-output').forEach(o =>
            o.toggleAttribute('data-widget-output', !!o.querySelector('.jupyter-widgets')))""")
        return f"{self.outputs_selector}[data-widget-output]"

    def layout_problems(self):
        """Sideways scrolling, widgets past the edge, cut labels and "null" tooltips in the outputs."""
        return self.panel.evaluate(_JS_LAYOUT_PROBLEMS)

    def accessibility_violations(self, impacts=("serious", "critical"), widgets_only=True):
        """axe-core's violations of these impacts inside this notebook's widget outputs (or all outputs)."""
        selector = self.widget_outputs_selector() if widgets_only else self.outputs_selector
        return axe_violations(self.page, selector, impacts)

    def wait_for_labeller(self, timeout=10):
        """Wait until the explorers' labeller has named every slider handle and picture.

        It runs in the page shortly after the widgets are drawn. True when it has; on a
        time-out (a broken labeller) False, and the tests' own checks say what is missing.
        """
        try:
            self.page.wait_for_function(_JS_LABELLED, arg=self.path, timeout=timeout * 1000)
            return True
        except Exception:
            return False

    # --- figures and explorers -------------------------------------------------------

    def figures(self):
        count = self.page.evaluate(_JS_MARK_FIGURES, self.path)
        return [self.panel.locator(f"[data-figure='{i}']") for i in range(count)]

    def explorers(self):
        count = self.page.evaluate(_JS_MARK_EXPLORERS, self.path)
        return [Explorer(self, self.panel.locator(f"[data-explorer='{i}']"), i) for i in range(count)]

    def wait_for_ink(self, locator, minimum=0.005, timeout=20):
        """Screenshot ``locator`` until it is drawn (not blank); return the last PNG."""
        deadline = time.monotonic() + timeout
        while True:
            png = locator.screenshot()
            if ink_fraction(png) >= minimum or time.monotonic() > deadline:
                return png
            self.page.wait_for_timeout(200)

    def screenshot(self, suffix, locator=None, png=None):
        """Save a screenshot as ``screenshots/<notebook>-<suffix>.png``; return its path."""
        self.screenshots.mkdir(parents=True, exist_ok=True)
        path = self.screenshots / f"{self.stem}-{suffix}.png"
        if png is not None:
            path.write_bytes(png)
        elif locator is not None:
            locator.screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path))
        return path


# A fingerprint of a figure element's pixels: a hash over the visible canvas (ipympl) or
# over the picture an <img> shows (an explorer's frames), or null while a new picture is
# still loading into the <img>.
_JS_SIGNATURE = """(element) => {
  let canvas = element.tagName === 'CANVAS' ? element : element.querySelector('canvas');
  if (!canvas) {
    if (element.tagName !== 'IMG') return '';
    if (!element.complete || !element.naturalWidth) return null;
    canvas = document.createElement('canvas');
    canvas.width = element.naturalWidth;
    canvas.height = element.naturalHeight;
    canvas.getContext('2d').drawImage(element, 0, 0);
  }
  if (!canvas.width || !canvas.height) return 'empty';
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let hash = 0;
  for (let i = 0; i < data.length; i += 4) hash = (Math.imul(hash, 31) + data[i] + 3 * data[i + 1] + 7 * data[i + 2]) | 0;
  return canvas.width + 'x' + canvas.height + ':' + hash;
}"""


class Explorer:
    """An explorer's widget box in the page: its controls, figure and readouts."""

    def __init__(self, notebook, box, index):
        self.notebook = notebook
        self.page = notebook.page
        self.box = box
        self.index = index
        self.figure = box.locator(".jupyter-matplotlib-canvas-div, .widget-image, img").first
        self.readouts = box.locator(".widget-html .widget-html-content, .widget-htmlmath .widget-htmlmath-content")

    # Controls are found by the label a learner reads beside them.
    def sliders(self):
        return self._labelled(".widget-slider")

    def dropdowns(self):
        return self._labelled(".widget-dropdown")

    def buttons(self):
        """Visible buttons by their text (a Play shows as a "Play"/"Pause" toggle)."""
        found = self.box.locator("button:visible")
        return [(found.nth(i).inner_text().strip(), found.nth(i)) for i in range(found.count())]

    def _labelled(self, selector):
        found = self.box.locator(selector)
        controls = []
        for i in range(found.count()):
            control = found.nth(i)
            label = control.locator(".widget-label").first
            controls.append((label.inner_text().strip() if label.count() else "", control))
        return controls

    def figure_point(self, px, py):
        """Page coordinates of pixel (px, py) of the picture: its own pixels, origin at its top left.

        The picture is scrolled into view first: a mouse cannot click what the window does not show.
        """
        self.figure.scroll_into_view_if_needed()
        box = self.figure.bounding_box()
        width, height = self.figure.evaluate("e => [e.naturalWidth || e.width, e.naturalHeight || e.height]")
        return box["x"] + px * box["width"] / width, box["y"] + py * box["height"] / height

    def kernel_pixel(self, axes, x, y):
        """Where the kernel draws data point (x, y) of the explorer's axes ``axes`` (an attribute name)."""
        import json

        model = self.notebook.kernel_explorer_access()[self.index]["id"]
        code = _PY_PIXEL.replace("MODEL", repr(model)).replace("AXES", repr(axes)).replace("POINT", repr((x, y)))
        printed = self.notebook.run_in_kernel(code)
        try:
            return tuple(json.loads(printed))
        except ValueError:
            raise RuntimeError(f"could not read the pixel from the kernel: {printed!r}") from None

    def click_data(self, axes, x, y, shift=False):
        """Click the picture where data point (x, y) of ``axes`` is drawn, as a learner's mouse does."""
        page_x, page_y = self.figure_point(*self.kernel_pixel(axes, x, y))
        if shift:
            self.page.keyboard.down("Shift")
        try:
            self.page.mouse.click(page_x, page_y)
        finally:
            if shift:
                self.page.keyboard.up("Shift")

    def drag_data(self, axes, start, end, steps=8):
        """Press at data point ``start`` of ``axes``, move to ``end`` in ``steps`` moves, release."""
        a = self.figure_point(*self.kernel_pixel(axes, *start))
        b = self.figure_point(*self.kernel_pixel(axes, *end))
        self.page.mouse.move(*a)
        self.page.mouse.down()
        self.page.mouse.move(*b, steps=steps)
        self.page.wait_for_timeout(200)  # the throttled last move arrives
        self.page.mouse.up()

    def slider_tracks(self):
        """[(label, track width in px)] for each slider of this explorer."""
        return [tuple(t) for t in self.box.evaluate(_JS_SLIDER_TRACKS)]

    def slider_handle_names(self):
        """[(label beside a slider, its handle's accessible name (aria-label))], spaces made plain."""
        return [tuple(pair) for pair in self.box.evaluate(_JS_HANDLE_NAMES)]

    def picture_text(self):
        """The text alternative of the explorer's picture, as a screen reader gets it."""
        return self.figure.evaluate("e => e.getAttribute('alt') || e.getAttribute('title') || e.getAttribute('aria-label')")

    def tab_through(self, limit=80):
        """Focus the explorer's first focusable element, then press Tab until focus leaves it.

        Returns the focusable elements (index, control?, name) and the indices Tab reached,
        in order.
        """
        focusable = self.box.evaluate(_JS_MARK_FOCUSABLE)
        if not focusable:
            return focusable, []
        self.box.locator("[data-kb='0']").focus()
        reached = [self.box.evaluate(_JS_ACTIVE_KB)]
        for _ in range(limit):
            self.page.keyboard.press("Tab")
            now = self.box.evaluate(_JS_ACTIVE_KB)
            if now is None:
                break
            reached.append(now)
        return focusable, [i for i in reached if i >= 0]

    def focusable(self, index):
        return self.box.locator(f"[data-kb='{index}']")

    def readout_text(self):
        return " | ".join(t.strip() for t in self.readouts.all_inner_texts())

    def figure_png(self):
        return self.figure.screenshot()

    def figure_signature(self):
        """A cheap fingerprint of the figure's current pixels, read inside the page.

        None while a new picture is still loading.
        """
        return self.figure.evaluate(_JS_SIGNATURE)

    def wait_for_redraw(self, before, timeout=15):
        """Wait until the figure shows pixels other than ``before``'s; True if it did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            signature = self.figure_signature()
            if signature is not None and signature != before:
                return True
            self.page.wait_for_timeout(30)
        return False

    def wait_until_settled(self, quiet=0.3, timeout=15):
        """Wait until figure and readouts have not changed for ``quiet`` seconds."""
        deadline = time.monotonic() + timeout
        last = (self.figure_signature(), self.readout_text())
        stable_since = time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - stable_since < quiet:
            self.page.wait_for_timeout(50)
            now = (self.figure_signature(), self.readout_text())
            if now != last or now[0] is None:
                last, stable_since = now, time.monotonic()
        return last

    # --- moving controls like a learner ---------------------------------------------

    @staticmethod
    def slider_value(slider):
        # aria-valuenow is rounded to one decimal; aria-valuetext has the full value.
        handle = slider.locator(".noUi-handle").first
        return float(handle.get_attribute("aria-valuetext") or handle.get_attribute("aria-valuenow"))

    def press_slider(self, slider, key="ArrowRight", times=1):
        handle = slider.locator(".noUi-handle").first
        handle.focus()
        for _ in range(times):
            handle.press(key)

    def drag_slider(self, slider, fraction):
        """Drag the slider's handle by ``fraction`` of the track's width (negative: left)."""
        handle = slider.locator(".noUi-handle").first
        track = slider.locator(".noUi-base").first
        handle.scroll_into_view_if_needed()
        hbox, tbox = handle.bounding_box(), track.bounding_box()
        x, y = hbox["x"] + hbox["width"] / 2, hbox["y"] + hbox["height"] / 2
        target = min(max(x + fraction * tbox["width"], tbox["x"]), tbox["x"] + tbox["width"])
        self.page.mouse.move(x, y)
        self.page.mouse.down()
        for step in range(1, 6):
            self.page.mouse.move(x + (target - x) * step / 5, y)
        self.page.mouse.up()

    @staticmethod
    def dropdown_value(dropdown):
        return dropdown.locator("select").first.evaluate("s => s.options[s.selectedIndex].text")

    def choose(self, dropdown, option_text):
        dropdown.locator("select").first.select_option(label=option_text)


# --- laptop widths, accessibility, keyboard ----------------------------------------

# Everything in the notebook's outputs that a learner cannot read at the current width:
# a region that scrolls sideways, a widget past the output's right edge, a label, button
# or menu whose text is cut, and labels whose tooltip is the text "null".
_JS_LAYOUT_PROBLEMS = """(panel) => {
  const problems = [];
  const ctx = document.createElement('canvas').getContext('2d');
  const shown = e => e.getClientRects().length > 0;
  const text = e => e.textContent.replace(/\\s+/g, ' ').trim().slice(0, 40);
  [...panel.querySelectorAll('.jp-OutputArea-output')].filter(shown).forEach((output, i) => {
    const right = output.getBoundingClientRect().right;
    for (const e of [output, ...output.querySelectorAll('*')]) {
      if (!shown(e)) continue;
      const style = getComputedStyle(e);
      if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll'].includes(style.overflowX))
        problems.push(`output ${i}: <${e.tagName.toLowerCase()} class="${e.className}"> scrolls sideways (${e.scrollWidth} px in ${e.clientWidth} px)`);
      if (e.classList.contains('jupyter-widgets') && e.getBoundingClientRect().right > right + 1)
        problems.push(`output ${i}: <${e.tagName.toLowerCase()} class="${e.className}"> "${text(e)}" reaches past the output's right edge`);
    }
    for (const e of output.querySelectorAll('.widget-label, button, .widget-readout')) {
      if (shown(e) && text(e) && e.scrollWidth > e.clientWidth + 1)
        problems.push(`output ${i}: ${e.tagName.toLowerCase()} "${text(e)}" is cut (${e.scrollWidth} px of text in ${e.clientWidth} px)`);
    }
    for (const select of output.querySelectorAll('select')) {
      if (!shown(select) || select.selectedIndex < 0) continue;
      const style = getComputedStyle(select);
      ctx.font = style.font;
      const option = select.options[select.selectedIndex].text;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      if (ctx.measureText(option).width > room + 1)
        problems.push(`output ${i}: menu option "${option}" is cut (${Math.round(ctx.measureText(option).width)} px of text in ${Math.round(room)} px)`);
    }
    for (const e of output.querySelectorAll('[title="null"]'))
      problems.push(`output ${i}: <${e.tagName.toLowerCase()}> "${text(e)}" has the tooltip "null"`);
  });
  return problems;
}"""

# Each slider of an explorer box: its label and the width of its track in px.
_JS_SLIDER_TRACKS = """(box) => [...box.querySelectorAll('.widget-slider')].map(s => {
  const label = s.querySelector('.widget-label');
  return [label ? label.textContent.trim() : '', s.querySelector('.noUi-base').getBoundingClientRect().width];
})"""

# Kernel side: every live explorer's widget model id -> what its controls and picture say:
# sliders as description -> [min, max, step, log?], and the picture's text alternative.
_PY_EXPLORER_ACCESS = r'''exec("""
import gc, json
import ipywidgets as widgets
from helpers.widgets import Explorer
found = {}
for e in gc.get_objects():
    if isinstance(e, Explorer):
        sliders = {c.description: [c.min, c.max, c.step, isinstance(c, widgets.FloatLogSlider)]
                   for c in e.controls.values() if isinstance(c, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider))}
        found[e.widget.model_id] = {"id": e.widget.model_id, "sliders": sliders, "alt": e.alt_text}
print(json.dumps(found))
""", {})'''

# Kernel side: the pixel (origin top left) where an explorer draws a data point of one of its axes.
_PY_PIXEL = r'''exec("""
import gc, json
from helpers.widgets import Explorer, _mouse
for e in gc.get_objects():
    if isinstance(e, Explorer) and e.widget.model_id == MODEL:
        print(json.dumps(_mouse.to_pixel(getattr(e, AXES), *POINT)))
""", {})'''

# Focusable things of an explorer box, numbered in document order, and which of them
# are controls a learner must reach (slider handles, menus, visible buttons).
_JS_MARK_FOCUSABLE = """(box) => {
  const all = [...box.querySelectorAll('button, select, input, [tabindex], [contenteditable="true"]')]
      .filter(e => e.getClientRects().length && !e.disabled && e.tabIndex >= 0);
  all.forEach((e, i) => e.setAttribute('data-kb', String(i)));
  return all.map(e => ({index: all.indexOf(e), control: e.matches('.noUi-handle, select, button'),
                        name: (e.getAttribute('aria-valuetext') !== null ? 'slider ' : '') +
                              ((e.closest('.widget-inline-hbox, .widget-toggle-buttons') || e).querySelector('.widget-label')?.textContent || e.textContent || '').trim()}));
}"""

# Where the focus is: the number of a marked element, -1 elsewhere inside the box (a
# slider's editable readout), null once it has left the box.
_JS_ACTIVE_KB = """(box) => { const a = document.activeElement;
  if (!a || !box.contains(a)) return null;
  return a.hasAttribute('data-kb') ? Number(a.getAttribute('data-kb')) : -1; }"""


def plain(text):
    """Text as compared here: no-break spaces made plain, ends stripped."""
    return (text or "").replace("\u00a0", " ").strip()


# Every slider handle in the notebook's widget outputs has an aria-label, and every
# explorer picture with a title has an alt: the labeller has run.
_JS_LABELLED = """(path) => {
  const panel = document.querySelector(`.jp-NotebookPanel[data-test-path='${path}']`);
  if (!panel) return false;
  const handles = [...panel.querySelectorAll('.jp-OutputArea-output [role="slider"]')];
  const pictures = [...panel.querySelectorAll('.jp-OutputArea-output .nn-explorer img[title]')];
  return handles.every(h => h.getAttribute('aria-label')) && pictures.every(p => p.getAttribute('alt'));
}"""

_JS_HANDLE_NAMES = """(box) => [...box.querySelectorAll('.widget-slider')].map(s => {
  const plain = t => (t || '').replace(/\u00a0/g, ' ').trim();
  const handle = s.querySelector('[role="slider"]');
  return [plain(s.querySelector('.widget-label')?.textContent), plain(handle?.getAttribute('aria-label'))];
})"""


def _axe_script():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def axe_violations(page, selector, impacts=("serious", "critical")):
    """axe-core's violations inside the elements matching ``selector``, of the given impacts.

    axe-playwright-python ships axe-core and injects it into the page; ``selector`` scopes
    the run (axe's context), so the rest of JupyterLab is not judged here.
    """
    results = _axe_script().run(page, context=selector, options={"resultTypes": ["violations"]})
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [{"target": " ".join(map(str, n["target"])), "html": n["html"][:160]} for n in v["nodes"]]}
        for v in results.response["violations"] if v["impact"] in impacts
    ]
