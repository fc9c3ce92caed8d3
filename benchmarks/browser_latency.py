"""Time, in a real browser, from a slider key press to the redrawn figure, per explorer.

Starts JupyterLab on 127.0.0.1 (as the browser tests do), opens every notebook in
Chromium, runs it, and for every explorer presses the arrow keys on its first slider
(or the slider named with --slider) at least ``--moves`` times. Inside the page:

- t0 is the ``keydown`` event's timestamp on the slider's handle;
- the figure is "redrawn" when ipympl next paints the explorer's visible canvas
  (a wrapped ``drawImage`` on it; for PNG-frame explorers, the <img>'s next ``load``),
  and t1 is the first animation frame after that paint, when the pixels reach the screen.

Between moves the page is left alone until no frame has arrived for 150 ms, so each
move is timed on its own. Prints median and p95 per explorer.

    python benchmarks/browser_latency.py                 # every notebook
    python benchmarks/browser_latency.py 01 --moves 60   # notebooks starting with 01

Target: median under 60 ms for the perceptron explorer (01_perceptron).
"""

import argparse
import pathlib
import statistics
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import labdriver  # noqa: E402

TARGET_MS = 60.0
TARGET_NOTEBOOK = "01_perceptron"

# Installed once per explorer: records when its figure element is painted.
_JS_INSTALL = """(figure) => {
  const canvas = figure.tagName === 'CANVAS' ? figure : figure.querySelector('canvas');
  const probe = {paints: [], keys: []};
  if (canvas) {
    const context = canvas.getContext('2d');
    const draw = context.drawImage.bind(context);
    context.drawImage = (...args) => { probe.paints.push(performance.now()); return draw(...args); };
  } else {
    figure.addEventListener('load', () => probe.paints.push(performance.now()), true);
  }
  window.__latencyProbe = probe;
}"""

_JS_LISTEN_KEYS = """(handle) => {
  handle.addEventListener('keydown', (event) => window.__latencyProbe.keys.push(event.timeStamp), true);
}"""

# Resolves with [key time, paint time, next animation frame] for the latest key press,
# or null if no paint follows within the timeout.
_JS_WAIT_PAINT = """(timeout) => new Promise((resolve) => {
  const probe = window.__latencyProbe;
  const t0 = probe.keys[probe.keys.length - 1];
  const start = performance.now();
  const poll = () => {
    const paint = probe.paints.find((t) => t >= t0);
    if (paint !== undefined) {
      requestAnimationFrame((frame) => resolve([t0, paint, Math.max(frame, paint)]));
    } else if (performance.now() - start > timeout) {
      resolve(null);
    } else {
      setTimeout(poll, 2);
    }
  };
  poll();
})"""

# Resolves once no paint has arrived for `quiet` ms.
_JS_WAIT_QUIET = """(quiet) => new Promise((resolve) => {
  const probe = window.__latencyProbe;
  const check = () => {
    const last = probe.paints.length ? probe.paints[probe.paints.length - 1] : 0;
    if (performance.now() - last >= quiet) resolve(); else setTimeout(check, 20);
  };
  check();
})"""


def percentile(values, q):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[rank]


def time_explorer(page, explorer, slider_label, moves):
    """Latencies in ms of ``moves`` key presses on one slider of ``explorer``."""
    sliders = explorer.sliders()
    if slider_label:
        sliders = [(label, s) for label, s in sliders if label == slider_label]
    if not sliders:
        return None, []
    label, slider = sliders[0]
    handle = slider.locator(".noUi-handle").first
    handle.scroll_into_view_if_needed()
    explorer.figure.evaluate(_JS_INSTALL)
    handle.evaluate(_JS_LISTEN_KEYS)
    handle.focus()
    low, high = float(handle.get_attribute("aria-valuemin")), float(handle.get_attribute("aria-valuemax"))
    latencies, misses = [], 0
    direction = "ArrowRight"
    page.evaluate(_JS_WAIT_QUIET, 300)
    for _ in range(moves):
        value = explorer.slider_value(slider)
        if value >= high - 1e-9:
            direction = "ArrowLeft"
        elif value <= low + 1e-9:
            direction = "ArrowRight"
        handle.press(direction)
        result = page.evaluate(_JS_WAIT_PAINT, 5000)
        if result is None:
            misses += 1
        else:
            t0, _, t1 = result
            latencies.append(t1 - t0)
        page.evaluate(_JS_WAIT_QUIET, 150)
    return label, latencies if not misses else latencies + [float("inf")] * misses


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("prefixes", nargs="*", help="only notebooks whose name starts with one of these")
    parser.add_argument("--moves", type=int, default=40, help="key presses per explorer (at least 30)")
    parser.add_argument("--slider", default="", help="label of the slider to press (default: the first)")
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
        for name in names:
            notebook = lab_page.open(name)
            notebook.run_all()
            for explorer in notebook.explorers():
                notebook.wait_for_ink(explorer.figure)
                explorer.wait_until_settled()
                label, latencies = time_explorer(notebook.page, explorer, args.slider, args.moves)
                if label is not None:
                    rows.append((notebook.stem, explorer.index, label, latencies))
                    print(f"  measured {notebook.stem} explorer {explorer.index} ({label}): "
                          f"{len(latencies)} moves", file=sys.stderr)
            notebook.close()
        lab_page.close()
        browser.close()

    print(f"Key press -> redrawn figure in JupyterLab/Chromium ({time.strftime('%Y-%m-%d %H:%M')})")
    print(f"{'notebook':<22} {'explorer':>8}  {'slider':<12} {'moves':>5} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}")
    verdicts = []
    for stem, index, label, latencies in rows:
        median, p95 = statistics.median(latencies), percentile(latencies, 95)
        print(f"{stem:<22} {index:>8}  {label:<12} {len(latencies):>5} {median:>10.1f} {p95:>8.1f} {max(latencies):>8.1f}")
        if stem == TARGET_NOTEBOOK:
            verdicts.append(median < TARGET_MS)
            print(f"  target: perceptron explorer median < {TARGET_MS:.0f} ms: "
                  f"{'met' if median < TARGET_MS else 'NOT met'}")
    if not rows:
        print("no explorers found")
    return 0 if all(verdicts) else 1


if __name__ == "__main__":
    sys.exit(main())
