"""How long one control move takes in each explorer, kernel side: every slider of every explorer.

Each explorer is built on a plain Agg canvas (no browser). Every control that has a value
is moved ``--moves`` times from Python, back and forth over its whole range (a slider
through its grid, a dropdown or toggle through its options), and the time from setting
``control.value`` to the redrawn figure is recorded. The controls are read from the
explorers themselves, so a new slider cannot be left out.

Targets (issue 16, DESIGN.md): every continuous slider moves in at most 15 ms (median), and
so does every mouse event on a picture (issue 14: a click that adds or removes a point, a
move of a drag in the weight space or of the boundary's handle);
the playground's layers and units sliders, which change the network's shape, in at most
40 ms. Dropdowns and toggle buttons are timed too, for information (no target). The
training speed of every explorer that trains is printed last (target >= 30 frames/s).

    python benchmarks/widget_latency.py                 # every explorer
    python benchmarks/widget_latency.py perceptron      # the explorers whose name contains it
    python benchmarks/widget_latency.py --naive         # also the naive rebuild of each move
    python benchmarks/widget_latency.py --canvas image  # also encode each frame as the browser gets it
    python benchmarks/widget_latency.py --json out.json # also write the figures as JSON

``--naive`` adds what ``ipywidgets.interact`` would cost: clear the figure, build it again
from scratch and draw it all, for the same moves in the same run. ``--canvas image`` shows
each explorer (as in JupyterLab), so every move also encodes the new frame as the PNG
data URL its ``ipywidgets.Image`` sends to the browser.
"""

import argparse
import itertools
import json
import math
import statistics
import time

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

from helpers import widgets  # noqa: E402
from helpers.widgets import _mouse  # noqa: E402
from helpers.widgets._base import png_data_url  # noqa: E402

SLIDER_TARGET_MS = 15.0
# The playground's shape sliders change the network's shape and may redraw its diagram.
SHAPE_TARGET_MS = 40.0
SHAPE_SLIDERS = {(case, name) for case in ("mlp_playground", "mlp_playground trained") for name in ("layers", "units")}
FPS_TARGET = 30.0
SLIDERS = (ipywidgets.FloatSlider, ipywidgets.FloatLogSlider, ipywidgets.IntSlider)

# name -> factory(canvas); every control of each is timed.
EXPLORERS = {
    "perceptron_explorer": lambda canvas: widgets.perceptron_explorer("AND", canvas=canvas),
    "activation_explorer": lambda canvas: widgets.activation_explorer("sigmoid", canvas=canvas),
    "gradient_descent_explorer": lambda canvas: widgets.gradient_descent_explorer(canvas=canvas),
    "sgd_stepper": lambda canvas: widgets.sgd_stepper(canvas=canvas),
    "sgd_stepper blobs": lambda canvas: widgets.sgd_stepper("blobs", canvas=canvas),
    "chain_rule_explorer": lambda canvas: widgets.chain_rule_explorer(canvas=canvas),
    "mlp_playground": lambda canvas: widgets.mlp_playground("XOR", canvas=canvas),
    # trained 100 epochs, so that the history scrubber has epochs to go back to
    "mlp_playground trained": lambda canvas: widgets.mlp_playground("XOR", canvas=canvas).train(100),
    # issue 13: trained a while, so that the hidden space is bent and the gradients have moved
    "hidden_space_explorer": lambda canvas: widgets.hidden_space_explorer("XOR", epochs=450, canvas=canvas),
    "hidden_space moons": lambda canvas: widgets.hidden_space_explorer("moons", units=3, epochs=150, canvas=canvas),
    "backprop_stepper": lambda canvas: widgets.backprop_stepper(canvas=canvas),
    "gradient_flow_explorer": lambda canvas: widgets.gradient_flow_explorer(epochs=20, canvas=canvas),
    "weight_space_explorer": lambda canvas: widgets.weight_space_explorer("AND", canvas=canvas),
}
# Explorers that train: frames per second while Play ticks (a tick trains, updates, blits).
TRAINERS = {
    "mlp_playground": ("2-8-1 on 200 points, 1 epoch per frame",
                       lambda canvas: widgets.mlp_playground("XOR", units=8, epochs_per_frame=1, canvas=canvas)),
    "hidden_space_explorer": ("XOR, 2-2-1, 10 epochs (40 steps) per frame",
                              lambda canvas: widgets.hidden_space_explorer("XOR", canvas=canvas)),
    "hidden_space moons": ("moons, 2-4-1 on 100 points, 2 epochs per frame",
                           lambda canvas: widgets.hidden_space_explorer("moons", units=4, canvas=canvas)),
    "gradient_flow_explorer": ("2-8-8-8-8-8-8-1 on 200 points, 2 epochs per frame",
                               lambda canvas: widgets.gradient_flow_explorer(depth=6, activation="relu", canvas=canvas)),
}
MOUSE_TARGET_MS = 15.0


def _clicks(axes_name, spots):
    """Clicks at data points ``spots`` of the explorer's axes ``axes_name``: each adds a point, the next
    click there removes it again, so the data stay the same size."""
    def events(explorer):
        ax = getattr(explorer, axes_name)
        for x, y in spots:
            px, py = _mouse.to_pixel(ax, x, y)
            yield "down", px, py
            yield "up", px, py
    return events


def _weight_drag(explorer):
    """A drag across the weight space: press, then moves along a circle."""
    ax = explorer.weight_ax
    yield "down", *_mouse.to_pixel(ax, 1.0, 0.0)
    for t in range(200):
        yield "move", *_mouse.to_pixel(ax, 1.5 * math.cos(t / 15), 1.5 * math.sin(t / 15))
    yield "up", *_mouse.to_pixel(ax, 1.0, 0.0)


def _handle_drag(explorer):
    """A drag of the boundary's handle in the data space, back and forth."""
    explorer.set(w0=-1.0, w1=1.0, w2=1.0)
    ax = explorer.data_ax
    yield "down", *_mouse.to_pixel(ax, *explorer.state["handle"])
    for t in range(200):
        yield "move", *_mouse.to_pixel(ax, 0.5 + 0.4 * math.cos(t / 15), 0.5 + 0.4 * math.sin(t / 15))
    yield "up", *_mouse.to_pixel(ax, 0.5, 0.5)


SPOTS = [(0.25 + 0.1 * k, 1.25 - 0.07 * k) for k in range(8)]
# case -> (factory, events): the mouse's way into each explorer, timed from the event to the new figure.
MOUSE = {
    "perceptron_explorer click": (EXPLORERS["perceptron_explorer"], _clicks("ax", SPOTS * 8)),
    "sgd_stepper click": (EXPLORERS["sgd_stepper"], _clicks("ax", [(x + 0.8, y) for x, y in SPOTS] * 8)),
    "mlp_playground click": (EXPLORERS["mlp_playground"], _clicks("map_ax", [(x - 0.6, y - 0.3) for x, y in SPOTS] * 8)),
    "weight_space drag (weights)": (EXPLORERS["weight_space_explorer"], _weight_drag),
    "weight_space drag (handle)": (EXPLORERS["weight_space_explorer"], _handle_drag),
}
# Controls not worth timing as moves: Play is a ticker (timed as frames/s below).
SKIP = (ipywidgets.Play, ipywidgets.Button)


def slider_values(control):
    """The grid of a slider, in the slider's own arithmetic."""
    if isinstance(control, ipywidgets.FloatLogSlider):
        n = int(round((control.max - control.min) / control.step))
        return [round(control.base ** (control.min + k * control.step), 12) for k in range(n + 1)]
    n = int(round((control.max - control.min) / control.step))
    values = [control.min + k * control.step for k in range(n + 1)]
    if isinstance(control, ipywidgets.IntSlider):
        return [int(v) for v in values]
    digits = max(0, -math.floor(math.log10(control.step))) + 1
    return [round(v, digits) for v in values]


def control_values(control):
    if isinstance(control, SLIDERS):
        return slider_values(control)
    options = control.options
    return [o[1] if isinstance(o, tuple) else o for o in options]


def moves(values, count, start):
    """``count`` values a learner would step through, back and forth, starting next to ``start``."""
    values = list(values)
    k = values.index(start) if start in values else 0
    sweep = values[k + 1:] + values[::-1] + values[1:k + 1] if len(values) > 1 else values
    return list(itertools.islice(itertools.cycle(sweep), count))


def target(case, name, control):
    if (case, name) in SHAPE_SLIDERS:
        return SHAPE_TARGET_MS
    if isinstance(control, SLIDERS):
        return SLIDER_TARGET_MS
    return None


def _time_moves(explorer, name, values, naive):
    control = explorer.controls[name]
    times = []
    for value in values:
        start = time.perf_counter()
        if naive:
            explorer._holding = True
            control.value = value
            explorer._holding = False
            explorer.figure.clear()
            explorer._build_all()
            explorer._update(**explorer.values)
            FigureCanvasAgg.draw(explorer.figure.canvas)
            if explorer.canvas_kind == "image":
                explorer._image.value = png_data_url(explorer.figure)
        else:
            control.value = value
        times.append(time.perf_counter() - start)
    return times


def _summary(times):
    ms = sorted(t * 1000 for t in times)
    return statistics.median(ms), ms[int(0.95 * (len(ms) - 1))]


def _make(factory, canvas):
    explorer = factory(canvas)
    if canvas == "image":
        explorer._repr_mimebundle_()  # shown: from now on every redraw sends a frame
    return explorer


def main(selected=(), canvas="agg", count=60, naive=False, json_path=None):
    print(f"canvas: {canvas}, {count} moves per control, medians (p95) in ms")
    head = f"{'explorer':26} {'control':17} {'median':>7} {'p95':>7} {'target':>7}  met"
    print(head + ("  naive median" if naive else ""))
    results, missed = [], []
    for case, factory in EXPLORERS.items():
        if selected and not any(s in case for s in selected):
            continue
        names = [n for n, c in factory("agg").controls.items() if not isinstance(c, SKIP)]
        for name in names:
            explorer = _make(factory, canvas)
            control = explorer.controls[name]
            values = moves(control_values(control), count, control.value)
            med, p95 = _summary(_time_moves(explorer, name, values, naive=False))
            goal = target(case, name, control)
            met = "-" if goal is None else ("yes" if med <= goal else "NO")
            if met == "NO":
                missed.append(f"{case}.{name}")
            row = {"explorer": case, "control": name, "kind": type(control).__name__, "median_ms": med,
                   "p95_ms": p95, "target_ms": goal, "moves": len(values)}
            line = f"{case:26} {name:17} {med:7.1f} {p95:7.1f} {('-' if goal is None else f'{goal:.0f}'):>7}  {met:3}"
            if naive:
                naive_med, _ = _summary(_time_moves(_make(factory, canvas), name, values, naive=True))
                row["naive_median_ms"] = naive_med
                line += f"  {naive_med:12.1f}"
            results.append(row)
            print(line, flush=True)
    print(f"mouse events (down, or move while dragging), medians (p95) in ms; target {MOUSE_TARGET_MS:.0f} ms")
    for case, (factory, events) in MOUSE.items():
        if selected and not any(s in case for s in selected):
            continue
        explorer = _make(factory, canvas)
        times = []
        for kind, px, py in events(explorer):
            start = time.perf_counter()
            explorer.pointer(kind, px, py)
            if kind != "up":
                times.append(time.perf_counter() - start)
        med, p95 = _summary(times)
        met = "yes" if med <= MOUSE_TARGET_MS else "NO"
        if met == "NO":
            missed.append(case)
        results.append({"explorer": case, "control": "mouse", "kind": "pointer", "median_ms": med, "p95_ms": p95,
                        "target_ms": MOUSE_TARGET_MS, "moves": len(times)})
        print(f"{case:44} {med:7.1f} {p95:7.1f} {MOUSE_TARGET_MS:7.0f}  {met:3}", flush=True)
    fps = {}
    for case, (what, factory) in TRAINERS.items():
        if not selected or any(s in case for s in selected):
            fps[case] = _training_fps(case, what, factory, canvas=canvas)
            if fps[case] < FPS_TARGET:
                missed.append(f"{case} training")
    if missed:
        print(f"targets NOT met: {', '.join(missed)}")
    else:
        print("every slider and mouse event meets its target")
    if json_path:
        with open(json_path, "w") as f:
            json.dump({"canvas": canvas, "moves": count, "controls": results, "training_fps": fps}, f, indent=1)


def _training_fps(case, what, factory, frames=150, canvas="agg"):
    """Frames per second while an explorer trains: Play ticks from Python."""
    explorer = _make(factory, canvas)
    play = explorer.controls["play"]
    play.playing = True
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        play.value += 1  # one tick: train a frame's epochs, update the artists, blit
        times.append(time.perf_counter() - start)
    med, p95 = _summary(times)
    fps = 1000 / med
    print(f"{case} training {what}: {fps:.0f} frames/s at the median "
          f"({med:.1f} ms per frame, p95 {p95:.1f} ms; target >= {FPS_TARGET:.0f} frames/s: "
          f"{'met' if fps >= FPS_TARGET else 'NOT met'}), epoch {explorer.state['epoch']}")
    return fps


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("selected", nargs="*", help="only the explorers whose name contains one of these")
    parser.add_argument("--canvas", choices=["agg", "image"], default="agg",
                        help="agg: the figure only (default); image: also encode each frame for the browser")
    parser.add_argument("--moves", type=int, default=60, help="moves per control (default 60)")
    parser.add_argument("--naive", action="store_true", help="also time a naive rebuild of every move")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    main(args.selected, args.canvas, args.moves, args.naive, args.json)
