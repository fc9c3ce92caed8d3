"""How long one control move takes in each explorer, against a naive rebuild.

Each explorer is built on a plain Agg canvas (no browser); every control is moved
200 times from Python, and the time from setting ``control.value`` to the redrawn
figure is recorded. The baseline is what ``ipywidgets.interact`` does: clear the
figure, build it again from scratch and draw it all, for the same moves in the same
run. Targets (issue 2): median <= 15 ms per update, at least 3x faster than the
baseline.

    python benchmarks/widget_latency.py            # every explorer
    python benchmarks/widget_latency.py perceptron # the cases whose name contains it
    python benchmarks/widget_latency.py --canvas image perceptron

``--canvas image`` adds what a move costs in a notebook: each explorer is shown (as in
JupyterLab) and every move also encodes the new frame as the PNG data URL its
``ipywidgets.Image`` sends to the browser; the naive rebuild encodes its frame too.
"""

import argparse
import itertools
import statistics
import time

import matplotlib

matplotlib.use("Agg")

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402

from helpers import widgets  # noqa: E402
from helpers.widgets._base import png_data_url  # noqa: E402

MOVES = int(__import__("os").environ.get("MOVES", 200))


def _cycle(values):
    """Values a learner would step through, back and forth."""
    values = list(values)
    return itertools.islice(itertools.cycle(values + values[-2:0:-1]), MOVES)


# name -> (factory, {control: values to cycle through}). Add a case per explorer.
CASES = {
    "perceptron_explorer": (
        lambda canvas: widgets.perceptron_explorer("AND", canvas=canvas),
        {
            "w0": [round(-2 + 0.05 * i, 2) for i in range(60)],
            "w1": [round(-1 + 0.05 * i, 2) for i in range(60)],
            "w2": [round(-1 + 0.05 * i, 2) for i in range(60)],
            "dataset": ["AND", "OR", "NAND", "XOR"],
            "activation": ["sign", "step"],
        },
    ),
    "activation_explorer": (
        lambda canvas: widgets.activation_explorer("sigmoid", canvas=canvas),
        {
            "s": [round(-5 + 0.1 * i, 1) for i in range(101)],
            "s1": [round(-3 + 0.1 * i, 1) for i in range(61)],
            "activation": ["sigmoid", "tanh", "relu", "linear", "step", "sign"],
        },
    ),
    "gradient_descent_explorer": (
        lambda canvas: widgets.gradient_descent_explorer(canvas=canvas),
        {
            "lr": [round(10 ** (-3 + 0.05 * i), 6) for i in range(71)],
            "steps": list(range(61)),
            "w_start": [round(-2.8 + 0.1 * i, 1) for i in range(57)],
            "w1_start": [round(-2.8 + 0.1 * i, 1) for i in range(57)],
            "curve": ["parabola", "two valleys"],
        },
    ),
    # Step and play replay recorded steps (the per-step target); lr and dataset re-train.
    "sgd_stepper": (
        lambda canvas: widgets.sgd_stepper(canvas=canvas),
        {
            "step": list(range(1, 13)),
            "play": list(range(1, 13)),
            "lr": [0.01, 0.03, 0.1, 0.3, 1.0, 3.0],
            "dataset": ["AND", "OR", "XOR", "blobs"],
        },
    ),
    "sgd_stepper blobs": (
        lambda canvas: widgets.sgd_stepper("blobs", canvas=canvas),
        {"step": list(range(1, 361, 7))},
    ),
    "chain_rule_explorer": (
        lambda canvas: widgets.chain_rule_explorer(canvas=canvas),
        {
            "x": [round(-3 + 0.05 * i, 2) for i in range(120)],
            "expression": ["z = sin(x²)", "one neuron"],
        },
    ),
    "mlp_playground": (
        lambda canvas: widgets.mlp_playground("XOR", units=16, canvas=canvas),
        {
            "lr": [0.01, 0.03, 0.1, 0.3, 1.0],
            "batch_size": [1, 8, 32, 0],
            "show": ["weights", "dL/dw"],
            "units": [2, 4, 8, 16],
        },
    ),
}


def _time_moves(explorer, name, values, naive):
    control = explorer.controls[name]
    times = []
    for value in _cycle(values):
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


def main(selected=(), canvas="agg"):
    print(f"canvas: {canvas}")
    print(f"{'explorer':24} {'control':10} {'median ms':>9} {'p95 ms':>7} {'naive median':>12} {'speed-up':>8}")
    worst = 0.0
    for case, (factory, moves) in CASES.items():
        if selected and not any(s in case for s in selected):
            continue
        for name, values in moves.items():
            fast = _time_moves(_make(factory, canvas), name, values, naive=False)
            slow = _time_moves(_make(factory, canvas), name, values, naive=True)
            (med, p95), (naive_med, _) = _summary(fast), _summary(slow)
            worst = max(worst, med)
            print(f"{case:24} {name:10} {med:9.1f} {p95:7.1f} {naive_med:12.1f} {naive_med / med:7.1f}x")
    print(f"slowest median: {worst:.1f} ms per update (target <= 15 ms)")
    if not selected or any(s in "mlp_playground" for s in selected):
        _playground_fps(canvas=canvas)


def _playground_fps(frames=300, canvas="agg"):
    """Frames per second while the playground trains (2-16-1, 200 points): Play ticks from Python."""
    explorer = _make(lambda c: widgets.mlp_playground("XOR", units=16, epochs_per_frame=1, canvas=c), canvas)
    play = explorer.controls["play"]
    times = []
    for _ in range(frames):
        start = time.perf_counter()
        play.value += 1  # one tick: train an epoch, update the artists, blit
        times.append(time.perf_counter() - start)
    med, p95 = _summary(times)
    print(f"mlp_playground training 2-16-1 on 200 points: {1000 / med:.0f} frames/s at the median "
          f"({med:.1f} ms per frame, p95 {p95:.1f} ms; target >= 30 frames/s), epoch {explorer.state['epoch']}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("selected", nargs="*", help="only the cases whose name contains one of these")
    parser.add_argument("--canvas", choices=["agg", "image"], default="agg",
                        help="agg: the figure only (default); image: also encode each frame for the browser")
    args = parser.parse_args()
    main(args.selected, args.canvas)
