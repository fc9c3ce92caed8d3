"""sgd_stepper: replay a perceptron's SGD run one sample at a time.

Training happens once per (dataset, learning rate) with :func:`helpers.perceptron.sgd`;
stepping only looks up the recorded steps, so Step, Back, Play and the step slider
never re-train.

A new learning rate re-trains (a fraction of a millisecond on a gate) and changes
only the bars of the mistakes chart: its axes span the longest run seen on the data
so far, so they stay put while lr moves, and widen (a redraw of the chart alone)
only for a longer run than any before.
"""

import numpy as np

from .. import data, perceptron
from .._validate import as_array, check_choice, check_int, check_number, check_setting
from ..plots._style import number as fixed
from . import _controls
from ._access import number, numbers
from . import _points
from ._base import Explorer, atomic
from ._presets import with_presets
from ._views import ViewBackgrounds

DATASETS = ("AND", "OR", "XOR", "blobs")
LECTURE_W = (-0.1, 0.2, 0.0)
# Gates are visited (1,0), (1,1), (0,0), (0,1): the lecture's first two steps come first.
GATE_ORDER = (2, 3, 0, 1)
# 30 points, separable (SGD converges on them; tested), and a run of a dozen epochs.
BLOBS = {"n": 30, "noise": 0.7, "seed": 0}
# Wide enough on the right for the lecture's first update, which moves the boundary
# from x1 = 0.5 to x1 = 2: a learner should see it jump past every point.
GATE_LIMITS = ((-0.5, 2.5), (-0.5, 1.5))
RUNS_KEPT = 32  # recorded runs kept, so moving lr back to a value seen does not train again
# The part of the figure that the mistakes chart, with its labels, has to itself.
CHART_REGION = (0.665, 0.0, 1.0, 1.0)


def _num(v, digits=2):
    """A number for display: rounded, no '-0.00', a real minus sign."""
    return fixed(v, digits)


def _vec(v, digits=2):
    return "(" + ", ".join(_num(x, digits) for x in v) + ")"


def _point(x):
    return "(" + ", ".join(f"{float(v):g}" if float(v).is_integer() else _num(v) for v in x) + ")"


class SGDStepper(ViewBackgrounds, Explorer):
    """Step through a recorded perceptron SGD run. Use :func:`sgd_stepper` to make one."""

    control_rows = [["dataset", "lr"], ["back", "next", "play", "step"], ["add", "clear"]]
    control_help = {"add": _points.ADD_TOOLTIP}
    factory = "sgd_stepper"

    def __init__(self, dataset="AND", lr=0.1, w=LECTURE_W, epochs=30, X=None, y=None, view=None, step=1,
                 chart=None, canvas="auto"):
        import ipywidgets as widgets

        dataset = check_choice(dataset, "dataset", DATASETS)
        lr = check_setting(lr, "lr", 10**-2, 10**1)
        self.w_start = as_array(w, "w", shape=(3,))
        self.epochs = check_int(epochs, "epochs", minimum=1)
        self.custom = None  # your points: {"X", "y" (+1/-1), "view", "version"}
        self._versions = 0
        if X is not None or y is not None:
            X, y = _points.as_points(X, y)
            self._set_custom(X, y, self._view_of(X, view))
            dataset = _points.YOUR_POINTS
        elif view is not None:
            raise ValueError("view sets the axes of your own points: give it with X and y")
        self._train(dataset, lr)
        n = max(len(self.steps), 1)
        step = check_setting(step, "step", 1, n, integer=True)
        controls = {
            "dataset": widgets.Dropdown(options=self._options(), value=dataset, description="data",
                                        layout=widgets.Layout(width="160px")),
            "lr": _controls.lr_slider(lr, -2, 1, 0.1, readout_format=".3g", continuous_update=True),
            "back": _controls.button(_controls.BACK_LABEL, "one step back: the previous sample"),
            "next": _controls.button(_controls.STEP_LABEL, "one step forward: the next sample"),
            "play": _controls.play(value=1, min=1, max=n, interval=700, description="play"),
            "step": widgets.IntSlider(value=step, min=1, max=n, description="step",
                                      layout=widgets.Layout(width="320px")),
            "add": _points.class_toggle([("A (+1) \u25b2", 1.0), ("B (\u22121) \u25cf", -1.0)], 1.0),
            "clear": _points.clear_button(),
        }
        controls["play"].value = step
        # A Python-side link: the browser ticks Play, the kernel moves the slider, the
        # slider's observer redraws. Tests set play.value and get the same path.
        widgets.link((controls["play"], "value"), (controls["step"], "value"))
        widgets.link((controls["play"], "max"), (controls["step"], "max"))
        controls["back"].on_click(lambda _: self._move(-1))
        controls["next"].on_click(lambda _: self._move(+1))
        controls["clear"].on_click(lambda _: self.clear_points())
        self._chart_limits = {}  # dataset -> (epochs, top): the widest chart any run on it needed
        if chart is not None:
            if isinstance(chart, (str, bytes, dict)) or np.ndim(chart) != 1 or len(chart) != 2:
                raise TypeError(f"chart must be (epochs shown, top of the axis); got {chart!r}")
            epochs_shown, top = chart
            self._chart_limits[self._chart_key(dataset)] = (check_int(epochs_shown, "chart[0]", minimum=1),
                                                            check_number(top, "chart[1]", low=0, low_open=True))
        super().__init__(controls, figsize=(8.8, 4.0), canvas=canvas)
        controls["add"].unobserve(self._on_control, names="value")  # it chooses what a click adds: nothing to redraw

    # ----- your own points --------------------------------------------------------------
    def _options(self):
        return [_points.YOUR_POINTS, *DATASETS] if self.custom is not None else list(DATASETS)

    def _view_of(self, X, view):
        if view is not None:
            box = as_array(view, "view", shape=(2, 2))
            if not (box[0, 0] < box[0, 1] and box[1, 0] < box[1, 1]):
                raise ValueError(f"view must be ((x_low, x_high), (y_low, y_high)) with low < high; got {view!r}")
            return tuple(box[0].tolist()), tuple(box[1].tolist())
        if len(X) == 0:
            return GATE_LIMITS
        lo, hi = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
        return (float(min(lo)), float(max(hi))), (float(min(lo)), float(max(hi)))

    def _set_custom(self, X, y, view):
        self._versions += 1
        self.custom = {"X": X, "y": np.where(y > 0, 1.0, -1.0), "view": view, "version": self._versions}

    def mouse_axes(self):
        return [self.ax]

    def _on_pointer(self, kind, ax, xy, shift):
        if kind != "down":
            return False
        label = -self.controls["add"].value if shift else self.controls["add"].value
        X, y, _ = _points.edit(ax, self.X, self.y, xy, label)
        self._use_points(X, y)
        return True

    def _use_points(self, X, y):
        """Train on (X, y) as "your points" in the axes shown; the step shown stays (as far as the run goes)."""
        self._set_custom(X, y, (tuple(self.ax.get_xlim()), tuple(self.ax.get_ylim())))
        _points.choose_your_points(self)

    def points(self):
        """The points trained on, as (X, y) with y = +1 / -1."""
        with self.lock:
            return np.array(self.X, dtype=float).reshape(-1, 2), np.array(self.y, dtype=float)

    def clear_points(self):
        """Empty the plane (the Clear button); click to add points and SGD trains on them at once."""
        with self.lock:
            self._use_points(np.empty((0, 2)), np.empty(0))
            self.refresh()
        return self

    def _code_args(self):
        values = self.values
        args = {"dataset": values["dataset"], "lr": values["lr"], "w": tuple(self.w_start)}
        if self.epochs != 30:
            args["epochs"] = self.epochs
        if values["dataset"] == _points.YOUR_POINTS:
            del args["dataset"]
            args.update(X=self.custom["X"], y=self.custom["y"], view=self.custom["view"])
        if values["step"] != 1:
            args["step"] = values["step"]
        if self.steps and self.chart.limits_for(self.mistakes) != self._chart_limits[self._chart_key(values["dataset"])]:
            args["chart"] = self._chart_limits[self._chart_key(values["dataset"])]  # widened by earlier runs
        return args

    # ----- training -------------------------------------------------------------------
    def _data(self, dataset):
        if dataset == _points.YOUR_POINTS:
            return self.custom["X"], self.custom["y"]
        if dataset == "blobs":
            return data.make_blobs(**BLOBS, labels="pm1")
        return data.logic_gate(dataset, labels="pm1")

    def _train(self, dataset, lr):
        """The run for (dataset, lr): trained once, then kept for when the slider comes back."""
        runs = self.__dict__.setdefault("_runs", {})
        key = (dataset, lr, self.custom["version"] if dataset == _points.YOUR_POINTS else 0)
        if key not in runs:
            X, y = self._data(dataset)
            if len(y) == 0:  # an empty plane: nothing to train on
                runs[key] = (X, y, self.w_start, perceptron.Steps(), [])
            else:
                order = GATE_ORDER if dataset in ("AND", "OR", "XOR") else None
                w_final, steps = perceptron.sgd(X, y, self.w_start, lr=lr, epochs=self.epochs, order=order)
                runs[key] = (X, y, w_final, steps, steps.mistakes_per_epoch())
            while len(runs) > RUNS_KEPT:
                runs.pop(next(iter(runs)))
        self.X, self.y, self.w_final, self.steps, self.mistakes = runs[key]
        self.trained_on = key

    @atomic
    def _move(self, delta):
        slider = self.controls["step"]
        if not self.steps:
            return
        slider.value = int(np.clip(slider.value + delta, slider.min, slider.max))

    # ----- figure ---------------------------------------------------------------------
    def _limits(self, dataset):
        if dataset == _points.YOUR_POINTS:
            return self.custom["view"]
        if dataset != "blobs":
            return GATE_LIMITS
        lo, hi = self.X.min(axis=0) - 0.4, self.X.max(axis=0) + 0.4
        lo, hi = min(lo), max(hi)
        return (lo, hi), (lo, hi)

    def _build(self, fig):
        from .. import plots
        from ..plots import _style

        dataset = self.trained_on[0]
        ax = fig.add_axes([0.075, 0.12, 0.36, 0.74])
        xlim, ylim = self._limits(dataset)
        w_first = self.steps[0].w_after if self.steps else self.w_start
        shown = (self.X, self.y) if len(self.y) else data.logic_gate("AND", labels="pm1")  # the update shows the data
        self.boundary = plots.plot_decision_boundary(w_first, *shown, ax=ax, xlim=xlim, ylim=ylim, legend=False)
        self.boundary.update(w_first, self.X, self.y)
        self.before = plots.plot_boundary_line(self.steps[0].w_before if self.steps else self.w_start, ax=ax,
                                               label="boundary before the step")
        self.boundary.line.set_label("boundary after the step")
        self.current = ax.scatter([], [], s=420, marker="s", facecolors="none", edgecolors=_style.INK,
                                  linewidths=2.6, zorder=6, label="sample of this step")
        self.offview = ax.text(0.02, 0.02, "", transform=ax.transAxes, fontsize=8, va="bottom",
                               bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8}, zorder=7)
        self.heading = ax.text(0.0, 1.03, "", transform=ax.transAxes, fontsize=10, va="bottom")
        self.ax = ax
        fig.legend(handles=[*self.boundary.points, self.current, self.boundary.errors,
                            self.before.line, self.boundary.line],
                   loc="upper left", bbox_to_anchor=(0.445, 0.86), fontsize=8, frameon=False,
                   markerscale=0.6)

        chart_ax = fig.add_axes([0.725, 0.16, 0.255, 0.66])
        self.chart = plots.plot_mistakes_per_epoch(self.mistakes, ax=chart_ax, max_epochs=self.epochs,
                                                   converged=self.steps.converged)
        self.chart.update(self.mistakes, self.steps.converged, limits=self._chart_view(dataset))
        chart_ax.set_title("Mistakes per epoch", fontsize=10)
        chart_ax.tick_params(labelsize=8)
        self._reset_views()
        self._view = self._view_key(dataset)

        self.dynamic += [*self.boundary.dynamic, *self.before.dynamic, self.current, self.heading,
                         self.offview, *self.chart.dynamic]
        self.layer += self.chart.layer  # the bars change with the run, not with the step

    def _chart_view(self, dataset):
        """Chart limits for the current run: never narrower than for any earlier run on ``dataset``."""
        epochs, top = self.chart.limits_for(self.mistakes) if hasattr(self, "chart") else (5, 5.6)
        key = self._chart_key(dataset)
        seen = self._chart_limits.get(key, (0, 0.0))
        self._chart_limits[key] = limits = (max(epochs, seen[0]), max(top, seen[1]))
        return limits

    def _chart_key(self, dataset):
        """Your points start a new chart with every edit; a data set keeps its widest chart."""
        return (dataset, self.custom["version"]) if dataset == _points.YOUR_POINTS else dataset

    def _view_key(self, dataset):
        return dataset, self._limits(dataset), self._chart_limits[self._chart_key(dataset)]

    def _run_key(self, dataset, lr):
        return dataset, lr, self.custom["version"] if dataset == _points.YOUR_POINTS else 0

    def _retrain(self, dataset, lr):
        new_data = dataset != self.trained_on[0]
        self._train(dataset, lr)
        slider = self.controls["step"]
        with self._quietly():
            slider.max = max(len(self.steps), 1)
            if new_data:
                slider.value = 1
        if new_data:
            xlim, ylim = self._limits(dataset)
            self.ax.set_xlim(xlim)
            self.ax.set_ylim(ylim)
        self.boundary.update(self.steps[0].w_after if self.steps else self.w_start, self.X, self.y)
        self.chart.update(self.mistakes, self.steps.converged if self.steps else None,
                          limits=self._chart_view(dataset))
        self.request_layer_redraw()
        old, self._view = self._view, self._view_key(dataset)
        if self._view != old:
            self._switch_view(old, self._view,
                              None if new_data else lambda: self.redraw_static(self.chart.ax, CHART_REGION))

    def _update(self, dataset, lr, step, play=None, add=None):
        if self._run_key(dataset, lr) != self.trained_on:
            self._retrain(dataset, lr)
            step = self.controls["step"].value
        if not self.steps:
            self._show_empty(dataset, lr)
            return
        for artist in (self.before.line, self.current, self.heading):
            artist.set_visible(True)
        k = int(np.clip(step, 1, len(self.steps)))
        rec = self.steps[k - 1]
        sy = rec.s * rec.y
        self.boundary.update(rec.w_after)
        self.before.update(rec.w_before)
        self.current.set_offsets(rec.x.reshape(1, 2))
        hidden = [name for name, line in (("before", self.before.line), ("after", self.boundary.line))
                  if len(line.get_xdata()) == 0]
        self.offview.set_text(f"boundary {' and '.join(hidden)} the step: outside this view" if hidden else "")
        self.chart.mark(rec.epoch)
        self.controls["back"].disabled = k == 1
        self.controls["next"].disabled = k == len(self.steps)

        wrong_after = int(np.sum(perceptron.misclassified(rec.w_after, self.X, self.y)))
        self.state = {
            "dataset": dataset, "lr": lr, "step": k, "n_steps": len(self.steps),
            "epoch": rec.epoch, "index": rec.index, "x": rec.x, "y": rec.y, "s": rec.s, "sy": sy,
            "misclassified": rec.updated, "on_boundary": rec.on_boundary, "loss": rec.loss,
            "gradient": rec.gradient, "w_before": rec.w_before, "w_after": rec.w_after,
            "mistakes_after": wrong_after, "mistakes_per_epoch": self.mistakes,
            "converged": self.steps.converged, "epochs_run": self.steps.epochs_run, "n_points": len(self.y),
        }
        # Kept short: drawing text costs more than moving every line and point of the figure.
        self.heading.set_text(f"step {k}, epoch {rec.epoch}: {'update' if rec.updated else 'no change'}")
        self.set_readout(self._readout_html())

    def _show_empty(self, dataset, lr):
        """An empty plane: the starting boundary, no step, and what to do."""
        self.boundary.update(self.w_start)
        for artist in (self.before.line, self.current, self.heading):
            artist.set_visible(False)
        self.offview.set_text("")
        self.chart.mark(None)
        self.controls["back"].disabled = self.controls["next"].disabled = True
        self.state = {"dataset": dataset, "lr": lr, "step": 0, "n_steps": 0, "n_points": 0,
                      "w_after": self.w_start, "mistakes_per_epoch": [], "converged": False, "epochs_run": 0}
        self.show_message("No points: click the picture to add some")
        self.set_readout("<div style='font-size:13px'><b>no points</b>: click the picture to add one of the "
                         "class chosen under &ldquo;click adds&rdquo;; SGD trains on them at once</div>")

    def _describe(self):
        st = self.state
        if not st.get("n_points", 1):
            return f"An empty plane on {st['dataset']}: no points, so no SGD steps yet; the starting boundary is shown"
        verdict = ("on the boundary, a mistake" if st["on_boundary"] else "a mistake" if st["misclassified"]
                   else "correct, no change")
        return (f"Step {st['step']} of {st['n_steps']} (epoch {st['epoch']}) on {st['dataset']}: "
                f"sample x = {numbers(st['x'])} with y = {number(st['y'], 0) if st['y'] < 0 else '+1'} has s = {number(st['s'], 3)}, {verdict}; "
                f"w moves from {numbers(st['w_before'], 3)} to {numbers(st['w_after'], 3)}, "
                f"which misclassifies {st['mistakes_after']} of {len(self.y)} points")

    def _readout_html(self):
        st = self.state
        rows = "".join(
            f"<tr><td>w{i}</td><td>{_num(b, 3)}</td><td>{_num(g, 3)}</td><td>{_num(a, 3)}</td></tr>"
            for i, (b, g, a) in enumerate(zip(st["w_before"], st["gradient"], st["w_after"]))
        )
        status = ("<b>&#10007; misclassified</b>" if st["misclassified"] and not st["on_boundary"]
                  else "<b>&#10007; on the boundary (counts as a mistake)</b>" if st["on_boundary"]
                  else "<b>&#10003; correct</b>")
        run = (f"converged after {st['epochs_run']} epochs" if st["converged"]
               else f"not converged in {st['epochs_run']} epochs")
        sy = st["sy"]
        sign = "= 0" if st["on_boundary"] else "&lt; 0" if sy < 0 else "&gt; 0"
        return (f"<div style='font-size:13px; line-height:1.5'><div>step <b>{st['step']}</b> of {st['n_steps']}, "
                f"epoch {st['epoch']}</div><div>x = {_point(st['x'])}, y = {st['y']:+.0f}</div>"
                f"<div>s = w&middot;x = {_num(st['s'], 3)}, s&middot;y {sign}: {status}</div>"
                f"<div>loss = max(0, &minus;y&middot;s) = {_num(st['loss'], 3)}</div>"
                f"<div>update w &larr; w &minus; lr&middot;&nabla;L with lr (&eta;) = {st['lr']:.3g}</div>"
                f"<table style='font-family:monospace'><tr><th></th><th>before</th><th>&part;L/&part;w</th>"
                f"<th>after</th></tr>{rows}</table><div>run: {run}</div></div>")


@with_presets
def sgd_stepper(dataset="AND", lr=0.1, w=LECTURE_W, epochs=30, X=None, y=None, view=None, step=1, chart=None,
                canvas="auto"):
    """Replay a perceptron's SGD training one sample at a time.

    Step, Back, Play and the step slider walk through the recorded steps: the sample
    of the step is outlined, the boundary before the step is dashed and the boundary
    after it is solid (with its shaded half-planes), and the numbers of the step (s,
    y, s·y, loss, gradient, weights before and after) are printed beside it. A bar
    chart shows the mistakes in each epoch. Changing the learning rate or the data
    re-runs the training.

    The defaults are the lecture's example: AND with A = +1, B = -1, starting weights
    (-0.1, 0.2, 0.0), lr = 0.1, visiting (1, 0) then (1, 1) first (then (0, 0), (0, 1)).

    Parameters
    ----------
    dataset : {"AND", "OR", "XOR", "blobs"}
        "blobs" is 30 separable points from :func:`helpers.data.make_blobs`.
    lr : float > 0
        Starting learning rate (the slider spans 0.01 to 10 on a log scale).
    w : (3,) sequence
        Starting weights (w0, w1, w2).
    epochs : int
        Most epochs per run (fewer when it converges).
    X, y : (n, 2) and (n,) arrays, optional
        Your own points (labels > 0 are class A, +1); ``X=[], y=[]`` is an empty plane.
        A click on the picture adds a point of the class chosen under "click adds"
        (Shift+click: the other), a click on a point removes it, Clear empties the plane;
        SGD trains again at once. ``.points()`` returns them.
    view : ((float, float), (float, float)), optional
        Axes limits for your points (default: their range).
    step : int
        The step shown first (1 to the run's length).
    chart : (int, float), optional
        The mistakes chart's axes (epochs shown, top). By default the run's own; the
        chart widens for a longer run and keeps that width when lr moves back, and
        ``to_code()`` passes it on so that the figure comes back as it was.
    preset : str, optional
        A named start from :func:`helpers.widgets.presets`.
    canvas : {"auto", "ipympl", "image", "agg"}
        See :class:`helpers.widgets._base.Explorer`.

    Returns
    -------
    SGDStepper
        ``.controls`` (dataset, lr, back, next, play, step), ``.figure``, ``.steps``
        (the run's records), ``.state`` (the shown step's numbers).

    Examples
    --------
    >>> stepper = sgd_stepper(canvas="agg")
    >>> round(stepper.state["s"], 10), stepper.state["w_after"].round(10).tolist()
    (0.1, [-0.2, 0.1, 0.0])
    >>> stepper.controls["next"].click()
    >>> round(stepper.state["s"], 10), stepper.state["w_after"].round(10).tolist()
    (-0.1, [-0.1, 0.2, 0.1])
    """
    return SGDStepper(dataset=dataset, lr=lr, w=w, epochs=epochs, X=X, y=y, view=view, step=step, chart=chart,
                      canvas=canvas)
