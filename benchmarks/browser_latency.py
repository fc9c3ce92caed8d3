"""Time, in a real browser, from a slider key press to the redrawn figure, per explorer.

Starts JupyterLab on 127.0.0.1 (as the browser tests do), opens every notebook in
Chromium, runs it, and for every explorer presses the arrow keys on its first slider
(or the slider named with --slider) at least ``--moves`` times. Inside the page:

- t0 is the ``keydown`` event's timestamp on the slider's handle;
- the figure is "redrawn" when its new picture reaches the page: for an explorer's
  image (an ``ipywidgets.Image``, the default) or an inline figure, when the new picture
  has loaded; for an ipympl canvas, when ipympl paints the visible canvas (a wrapped
  ``drawImage``, which decodes the picture there and then);
- t1 is the first animation frame after that, when the pixels go to the screen.

"readout median" is the time from the key press to the readout's change, for explorers
with a readout; explorers send it right after the frame. "no new picture" counts moves
after which no new frame arrived within 2 s: an explorer whose picture did not change
sends none, so those moves are left out of the figures rather than counted as slow.

Between moves the page is left alone until no frame has arrived for 150 ms, so each
move is timed on its own. Prints median and p95 per explorer.

Baselines (unless --no-baseline), on the perceptron explorer's figure in one scratch
notebook (in the server's temporary copy, never in notebooks/): the explorer as shipped;
the same explorer on ipympl's canvas (blitting, diff frames: what ``canvas="ipympl"``
gives); that one made to redraw its whole figure on every move (ipympl in-place, no
blitting); the figure rebuilt from scratch on every move; and the naive
``ipywidgets.interact`` with an inline figure. They take turns, move by move, so that the
machine's ups and downs weigh on all of them alike, and the ratios against the shipped
explorer come from those turns.

    python benchmarks/browser_latency.py                 # every notebook
    python benchmarks/browser_latency.py 01 --moves 60   # notebooks starting with 01
    python benchmarks/browser_latency.py --mouse         # clicks: ipyevents vs ipympl vs a key press

``--mouse`` (issue 14) clicks the perceptron explorer's picture, one click adding a point and
the next removing it, through ipyevents on the explorer's ``ipywidgets.Image`` and through
ipympl's canvas events (``canvas="ipympl"``), and presses a key on its w1 slider, taking turns
move by move. t0 is then the ``mousedown`` on the picture.

Target: median under 60 ms for the perceptron explorer (01_perceptron).
"""

import argparse
import pathlib
import re
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import labdriver  # noqa: E402

TARGET_MS = 60.0
TARGET_NOTEBOOK = "01_perceptron"

# Installed once per explorer box: records when its figure is painted. An ipympl canvas
# is painted by drawImage. An explorer's ipywidgets.Image changes the src of its <img>;
# an inline figure (interact's Output) arrives as a new <img>. Either is painted once the
# new picture has loaded.
_JS_INSTALL = """(box, id) => {
  const probe = {paints: [], keys: [], readouts: []};
  // A mouse button pressed on the picture (an <img> or ipympl's canvas) starts a move too.
  box.addEventListener('mousedown', (event) => {
    if (['IMG', 'CANVAS'].includes(event.target.tagName)) probe.keys.push(event.timeStamp);
  }, true);
  // Key presses on any slider handle of the box. Listening on the box, not on the handle,
  // survives a widget view that re-renders its slider.
  box.addEventListener('keydown', (event) => {
    if (event.target.closest && event.target.closest('.noUi-handle')) probe.keys.push(event.timeStamp);
  }, true);
  // The readout (an HTML widget) changes as soon as the kernel's update reaches the page:
  // the part of the latency that is not the figure's image.
  const stamp = () => probe.readouts.push(performance.now());
  box.querySelectorAll('.widget-html-content').forEach((node) =>
      new MutationObserver(stamp).observe(node, {childList: true, subtree: true, characterData: true}));
  const canvas = box.querySelector('.jupyter-matplotlib-canvas-div canvas');
  if (canvas) {
    const context = canvas.getContext('2d');
    const draw = context.drawImage.bind(context);
    context.drawImage = (...args) => { probe.paints.push(performance.now()); return draw(...args); };
  } else {
    // load does not bubble, but a capturing listener on the box sees it.
    box.addEventListener('load', (event) => {
      if (event.target.tagName === 'IMG') probe.paints.push(performance.now());
    }, true);
    const seen = (img) => {
      if (img.complete && img.naturalWidth) probe.paints.push(performance.now());
      else img.addEventListener('load', () => probe.paints.push(performance.now()), {once: true});
    };
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node.nodeType !== 1) continue;
          if (node.tagName === 'IMG') seen(node);
          node.querySelectorAll('img').forEach(seen);
        }
      }
    }).observe(box, {childList: true, subtree: true});
  }
  (window.__latencyProbes = window.__latencyProbes || {})[id] = probe;
}"""


# Resolves with [key time, paint time, next animation frame] for the latest key press,
# null if no paint follows within the timeout, or 'no key' if the key press never reached
# the slider's handle (then the harness, not the explorer, is at fault).
_JS_WAIT_PAINT = """([id, timeout]) => new Promise((resolve) => {
  const probe = window.__latencyProbes[id];
  const t0 = probe.keys[probe.keys.length - 1];
  if (t0 === undefined || probe.keys.length === probe.seenKeys) { resolve('no key'); return; }
  probe.seenKeys = probe.keys.length;
  const start = performance.now();
  const poll = () => {
    const paint = probe.paints.find((t) => t >= t0);
    if (paint !== undefined) {
      const readout = probe.readouts.find((t) => t >= t0);
      requestAnimationFrame((frame) => resolve([t0, paint, Math.max(frame, paint), readout === undefined ? null : readout]));
    } else if (performance.now() - start > timeout) {
      resolve(null);
    } else {
      setTimeout(poll, 2);
    }
  };
  poll();
})"""

# Resolves once no paint has arrived for `quiet` ms.
_JS_WAIT_QUIET = """([id, quiet]) => new Promise((resolve) => {
  const probe = window.__latencyProbes[id];
  const check = () => {
    const last = probe.paints.length ? probe.paints[probe.paints.length - 1] : 0;
    if (performance.now() - last >= quiet) resolve(); else setTimeout(check, 20);
  };
  check();
})"""


BASELINE_NOTEBOOK = "zz_latency_baselines.ipynb"
SHIPPED = "the explorer as shipped"
_SLIDERS = """dict(min=-3.0, max=3.0, step=0.05, continuous_update=True, readout_format=".2f")"""
BASELINE_CELLS = [
    ("setup", """import ipywidgets
import matplotlib.pyplot as plt
from helpers import data, plots, widgets
%matplotlib inline"""),
    (SHIPPED, """shipped = widgets.perceptron_explorer("AND")
shipped"""),
    ("ipympl canvas, blitting", """on_ipympl = widgets.perceptron_explorer("AND", canvas="ipympl")
on_ipympl"""),
    ("ipympl, full redraw per move", """full = widgets.perceptron_explorer("AND", canvas="ipympl")
for name in ("w0", "w1", "w2"):
    control = full.controls[name]
    control.unobserve(full._on_control, names="value")
    control.observe(lambda change: full.refresh(full=True), names="value")
full"""),
    ("figure rebuilt per move", """rebuilt = widgets.perceptron_explorer("AND")
for name in ("w0", "w1", "w2"):
    control = rebuilt.controls[name]
    control.unobserve(rebuilt._on_control, names="value")
    control.observe(lambda change: rebuilt.rebuild(), names="value")
rebuilt"""),
    ("interact + inline figure", """X, y = data.logic_gate("AND", labels="pm1")

def show(w0, w1, w2):
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=90)
    plots.plot_decision_boundary([w0, w1, w2], X, y, ax=ax, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
    plt.show()

ipywidgets.interact(show, w0=ipywidgets.FloatSlider(value=-0.1, description="w0 (bias)", **""" + _SLIDERS + """),
                    w1=ipywidgets.FloatSlider(value=0.2, description="w1", **""" + _SLIDERS + """),
                    w2=ipywidgets.FloatSlider(value=0.0, description="w2", **""" + _SLIDERS + """));"""),
]


def write_baseline_notebook(folder):
    import nbformat

    cells = [nbformat.v4.new_code_cell(source) for _, source in BASELINE_CELLS]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, folder / BASELINE_NOTEBOOK)
    return [label for label, _ in BASELINE_CELLS[1:]]


def percentile(values, q):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[rank]


# The slider timed per notebook when --slider is not given: the first one, except where a
# learner mostly moves another. In 04 that is the step; its first slider, the learning rate,
# retrains the whole run (time it with --slider "η (lr)"), and at step 1 the picture does
# not depend on it.
SLIDER_FOR = {"04_perceptron_sgd": "step"}
# A move whose picture is the same as before sends no new frame (an Image widget only
# sends a changed value); after this long without one, the move counts as "no new picture".
NO_PICTURE_MS = 2000


class TimedSlider:
    """One explorer's slider with the probe installed: ``move()`` presses a key and times it."""

    def __init__(self, page, explorer, slider_label, key):
        self.page, self.explorer, self.key = page, explorer, key
        sliders = explorer.sliders()
        if slider_label:
            sliders = [(label, s) for label, s in sliders if label == slider_label]
        self.label = None
        self.latencies, self.readouts, self.unchanged = [], [], 0
        if not sliders:
            return
        self.label, self.slider = sliders[0]
        self.handle = self.slider.locator(".noUi-handle").first
        self.handle.scroll_into_view_if_needed()
        explorer.box.evaluate(_JS_INSTALL, key)
        self.low = float(self.handle.get_attribute("aria-valuemin"))
        self.high = float(self.handle.get_attribute("aria-valuemax"))
        self.direction = "ArrowRight"

    def focus(self):
        """Bring the slider into view and focus it, then let the page settle."""
        self.handle.scroll_into_view_if_needed()
        self.handle.focus()
        self.page.evaluate(_JS_WAIT_QUIET, [self.key, 300])

    def move(self):
        value = self.explorer.slider_value(self.slider)
        if value >= self.high - 1e-9:
            self.direction = "ArrowLeft"
        elif value <= self.low + 1e-9:
            self.direction = "ArrowRight"
        self.handle.press(self.direction)
        result = self.page.evaluate(_JS_WAIT_PAINT, [self.key, NO_PICTURE_MS])
        if result == "no key":
            shot = labdriver.SCREENSHOTS / f"latency-no-key-{re.sub(r'[^A-Za-z0-9]+', '-', self.key)}.png"
            shot.parent.mkdir(exist_ok=True)
            self.page.screenshot(path=str(shot))
            active = self.page.evaluate("document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : null")
            raise RuntimeError(f"{self.key}: the key press never reached the {self.label!r} slider "
                               f"(focused: {active}); screenshot: {shot}")
        _record(self, result)


def _record(timer, result):
    """Count one move's timings (key press or click to new frame, and to the readout), then wait
    until the page is quiet before the next move."""
    if result in (None, "no key"):
        timer.unchanged += 1
    else:
        t0, _, t1, readout = result
        timer.latencies.append(t1 - t0)
        if readout is not None:
            timer.readouts.append(readout - t0)
    timer.page.evaluate(_JS_WAIT_QUIET, [timer.key, 150])


MOUSE_NOTEBOOK = "zz_mouse_latency.ipynb"
MOUSE_CELLS = [
    ("setup", "from helpers import widgets"),
    ("click: ipyevents on the Image", """on_image = widgets.perceptron_explorer("AND")
on_image"""),
    ("click: ipympl's canvas events", """on_ipympl = widgets.perceptron_explorer("AND", canvas="ipympl")
on_ipympl"""),
]
# Where the clicks land, as fractions of the picture (left, top): inside the perceptron's axes.
CLICK_AT = (0.3, 0.42)


class TimedClick:
    """One explorer's picture with the probe installed: ``move()`` clicks it and times the new frame.

    Every click lands on the same spot: the first adds a point there, the next removes it.
    """

    def __init__(self, page, explorer, key):
        self.page, self.explorer, self.key = page, explorer, key
        self.label = "click"
        self.latencies, self.readouts, self.unchanged = [], [], 0
        explorer.figure.scroll_into_view_if_needed()
        explorer.box.evaluate(_JS_INSTALL, key)

    def focus(self):
        self.explorer.figure.scroll_into_view_if_needed()
        self.page.evaluate(_JS_WAIT_QUIET, [self.key, 300])

    def move(self):
        box = self.explorer.figure.bounding_box()
        self.page.mouse.click(box["x"] + CLICK_AT[0] * box["width"], box["y"] + CLICK_AT[1] * box["height"])
        _record(self, self.page.evaluate(_JS_WAIT_PAINT, [self.key, NO_PICTURE_MS]))


def measure_mouse(lab_page, server, moves):
    """Clicks on the picture through ipyevents and through ipympl, and a slider's key press, in turns."""
    import nbformat

    cells = [nbformat.v4.new_code_cell(source) for _, source in MOUSE_CELLS]
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, server.root / "notebooks" / MOUSE_NOTEBOOK)
    notebook = lab_page.open(MOUSE_NOTEBOOK)
    notebook.run_all()
    problems = notebook.problems()
    if problems:
        raise RuntimeError("the mouse notebook failed:\n" + "\n".join(problems))
    explorers = notebook.explorers()
    for explorer in explorers:
        notebook.wait_for_ink(explorer.figure)
        explorer.wait_until_settled()
    timed = [(label, TimedClick(notebook.page, explorer, f"mouse-{k}"))
             for k, ((label, _), explorer) in enumerate(zip(MOUSE_CELLS[1:], explorers))]
    timed.append(("key press: w1 slider of the same explorer", TimedSlider(notebook.page, explorers[0], "w1",
                                                                           "mouse-slider")))
    time_round_robin([t for _, t in timed], moves)
    notebook.close()
    return timed


def time_explorer(page, explorer, slider_label, moves, key):
    """``moves`` key presses on one slider of ``explorer``, one after the other."""
    timed = TimedSlider(page, explorer, slider_label, key)
    if timed.label is not None:
        timed.focus()
        for _ in range(moves):
            timed.move()
    return timed


def time_round_robin(timed_sliders, moves):
    """``moves`` key presses on each slider, taking turns move by move.

    Whatever the machine is doing at a given moment then weighs on every candidate alike,
    which makes their ratios far steadier than timing them one after the other.
    """
    for _ in range(moves):
        for timed in timed_sliders:
            timed.focus()
            timed.move()
    return timed_sliders


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="only notebooks whose name starts with one of these")
    parser.add_argument("--moves", type=int, default=40, help="key presses per explorer (at least 30)")
    parser.add_argument("--slider", default="", help="label of the slider to press (default: the first)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the baseline figures")
    parser.add_argument("--mouse", action="store_true",
                        help="only the mouse: clicks through ipyevents and through ipympl, against a key press")
    args = parser.parse_args(argv)
    if args.moves < 30:
        parser.error("--moves must be at least 30 for a stable p95")
    reason = labdriver.browser_missing_reason()
    if reason:
        print(f"cannot measure: {reason}", file=sys.stderr)
        return 2
    names = [n for n in labdriver.notebook_names() if not args.prefixes or n.startswith(tuple(args.prefixes))]
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as workdir, labdriver.LabServer(workdir) as server, sync_playwright() as pw:
        browser = labdriver.launch_browser(pw)
        lab_page = labdriver.LabPage(browser, server)
        if args.mouse:
            names = []
            args.no_baseline = True
            for label, timed in measure_mouse(lab_page, server, args.moves):
                rows.append((f"same page, in turns: {label}", "", timed))
            print(f"  measured the mouse in turns: {args.moves} clicks each", file=sys.stderr)
        for name in names:
            notebook = lab_page.open(name)
            notebook.run_all()
            for explorer in notebook.explorers():
                notebook.wait_for_ink(explorer.figure)
                explorer.wait_until_settled()
                slider = args.slider or SLIDER_FOR.get(notebook.stem, "")
                key = f"{notebook.stem}-{explorer.index}"
                timed = time_explorer(notebook.page, explorer, slider, args.moves, key)
                if timed.label is not None:
                    rows.append((notebook.stem, explorer.index, timed))
                    print(f"  measured {key} ({timed.label}): {len(timed.latencies)} moves", file=sys.stderr)
            notebook.close()
        if not args.no_baseline:
            labels = write_baseline_notebook(server.root / "notebooks")
            notebook = lab_page.open(BASELINE_NOTEBOOK)
            notebook.run_all()
            problems = notebook.problems()
            if problems:
                raise RuntimeError("the baseline notebook failed:\n" + "\n".join(problems))
            candidates = []
            for explorer, label in zip(notebook.explorers(), labels):
                notebook.wait_for_ink(explorer.figure)
                explorer.wait_until_settled()
                candidates.append((label, TimedSlider(notebook.page, explorer, args.slider, f"baseline-{label}")))
            time_round_robin([timed for _, timed in candidates], args.moves)
            for label, timed in candidates:
                rows.append((f"same page, in turns: {label}", "", timed))
            print(f"  measured the baselines in turns: {args.moves} moves each", file=sys.stderr)
            notebook.close()
        lab_page.close()
        browser.close()

    print(f"Key press -> redrawn figure in JupyterLab/Chromium ({time.strftime('%Y-%m-%d %H:%M')})")
    print(f"{'notebook':<50} {'explorer':>8}  {'slider':<10} {'moves':>5} {'median ms':>10} {'p95 ms':>8} "
          f"{'max ms':>8} {'readout median ms':>18} {'no new picture':>15}")
    verdicts = []
    for stem, index, timed in rows:
        label, latencies, readouts, unchanged = timed.label, timed.latencies, timed.readouts, timed.unchanged
        readout = f"{statistics.median(readouts):>18.1f}" if readouts else f"{'-':>18}"
        if latencies:
            median = statistics.median(latencies)
            figures = f"{median:>10.1f} {percentile(latencies, 95):>8.1f} {max(latencies):>8.1f}"
        else:
            median, figures = float("inf"), f"{'-':>10} {'-':>8} {'-':>8}"
        print(f"{stem:<50} {index:>8}  {label:<10} {len(latencies):>5} {figures} {readout} {unchanged:>15}")
        if stem == TARGET_NOTEBOOK:
            verdicts.append(median < TARGET_MS and not unchanged)
            print(f"  target: perceptron explorer median < {TARGET_MS:.0f} ms: "
                  f"{'met' if verdicts[-1] else 'NOT met'}")
    turns = {stem.split(": ", 1)[1]: statistics.median(timed.latencies)
             for stem, _, timed in rows if stem.startswith("same page, in turns") and timed.latencies}
    if SHIPPED in turns:
        print("taking turns on one page, the shipped perceptron explorer's median as a fraction of each "
              "baseline's: " + ", ".join(f"{name} {turns[SHIPPED] / median:.2f}"
                                         for name, median in turns.items() if name != SHIPPED))
    if args.mouse and len(turns) == 3:
        (image, ipympl, key) = (turns[label] for label, _ in MOUSE_CELLS[1:] + [("key press: w1 slider of the same explorer", None)])
        print(f"click -> new picture: ipyevents on the Image {image:.1f} ms, ipympl's canvas {ipympl:.1f} ms "
              f"(ipyevents / ipympl = {image / ipympl:.2f}); a key press on a slider {key:.1f} ms; "
              f"the faster click path / key press = {min(image, ipympl) / key:.2f} (target <= 1.5)")
    if not rows:
        print("no explorers found")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
