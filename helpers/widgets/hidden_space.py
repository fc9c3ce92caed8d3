"""hidden_space_explorer: the data as the hidden layer sees it, and how training bends the plane.

Two panels. On the left, the data space (x1, x2): the points, each hidden unit's line
r_j = 0 and the output's shading z (its boundary z = 0.5 drawn black). On the right, the
same plane carried to the hidden space (u1, u2) by the morph slider t: every point and
every grid line of the plane sits at ``(1 - t) * x + t * u(x)``, a straight-line
interpolation from its input coordinates (t = 0) to its hidden activations u = sigmoid(r)
(t = 1). At t = 1 the output unit's boundary, curved in the data space, is a straight
line: the output unit is a perceptron on u.

Play / Step / Reset train the network live (as in the playground); ``train(epochs)``
does from code what Play does. Moving t redraws only the right panel: the left one
changes only when the network does.
"""

import functools
import itertools

import numpy as np

from .. import data
from .._validate import check_choice, check_int, check_number, check_setting
from ..mlp import MLP
from ..plots._style import number as fixed
from ..plots._style import percent
from . import _controls
from ._access import number
from ._base import Explorer
from ._training import TrainingControls
from ._views import ViewBackgrounds

DATASETS = ("XOR", "circles", "moons")
N_POINTS = 100  # circles and moons; XOR is the gate's four points
NOISE = {"circles": 0.05, "moons": 0.05}
# How each data set trains: lr, batch size, epochs per tick of Play. XOR is trained as
# notebook 06 trains xor_model (lr 2, one example per step, shuffled with rng = seed),
# so the explorer at epoch 2000 holds the same weights.
TRAINING = {"XOR": (2.0, 1, 10), "circles": (3.0, 10, 2), "moons": (3.0, 10, 2)}
VIEWS = {"XOR": 1.0, "circles": 1.5, "moons": 2.0}  # half-width of the data view around its centre
HIDDEN_VIEW = (-0.1, 1.1)  # sigmoid units: u lies in (0, 1)
UNITS = (2, 4)
EPOCH_LIMIT = 2000
MAP = 40  # the shading is MAP x MAP
MORPH_REGION = (0.5, 0.092, 1.0, 0.94)  # the right panel with its labels, in figure fractions
GRID_LINES = 9  # grid lines of the plane per direction
SAMPLES = 121  # points along each grid line: a saturated unit bends it within a few hundredths


@functools.lru_cache(maxsize=None)
def _points(dataset, seed):
    """The data set's points and labels (drawn once per seed: a new run of the same data reuses them)."""
    if dataset == "XOR":
        return data.logic_gate("XOR")
    return data.TOY_SETS[dataset](N_POINTS, noise=NOISE[dataset], seed=seed)


def pairs(units):
    """The pairs of hidden units a panel can show: (1, 2), (1, 3), ..."""
    return list(itertools.combinations(range(1, units + 1), 2))


def _pair_label(pair):
    return f"u{pair[0]}, u{pair[1]}"


def _sub(j):
    return "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089"[j]


def data_view(dataset):
    """The square view of the data space: XOR's corners in (-0.5, 1.5), the others about 0."""
    half = VIEWS[dataset]
    centre = 0.5 if dataset == "XOR" else 0.0
    return (centre - half, centre + half)


class HiddenSpaceExplorer(TrainingControls, ViewBackgrounds, Explorer):
    """Data space and hidden space side by side, linked by a morph slider. Use :func:`hidden_space_explorer`."""

    control_rows = [["play", "step", "reset"], ["t", "dataset", "units", "pair"]]
    control_help = {
        "play": "train: every tick trains a few epochs; press again to pause",
        "t": "slide the plane from the input coordinates x (t = 0) to the hidden ones u (t = 1)",
        "units": "hidden units; a new number starts a new run at epoch 0",
        "pair": "which two hidden units the right panel shows",
        "dataset": "the data; a new choice starts a new run at epoch 0",
    }
    epoch_limit = EPOCH_LIMIT

    def __init__(self, dataset="XOR", units=2, t=1.0, pair=(1, 2), epochs=0, seed=0, lr=None, canvas="auto"):
        import ipywidgets as widgets

        dataset = check_choice(dataset, "dataset", DATASETS)
        units = check_setting(units, "units", *UNITS, integer=True)
        t = check_setting(t, "t", 0.0, 1.0)
        if isinstance(pair, list):
            pair = tuple(pair)
        pair = check_choice(pair, "pair", pairs(units))
        self._start_epochs = check_int(epochs, "epochs", maximum=EPOCH_LIMIT)
        self.seed = check_int(seed, "seed")
        self.lr = None if lr is None else check_number(lr, "lr", low=1e-3, high=1e2)
        options = [(_pair_label(p), p) for p in pairs(units)]
        controls = {
            "play": _controls.play(value=0, min=0, max=10**9, interval=40, description="train"),
            "step": _controls.button(_controls.STEP_LABEL, "train one frame's epochs, then stop", width="70px"),
            "reset": _controls.button(_controls.RESET_LABEL, "back to epoch 0: the same initial weights (from the seed)",
                                      width="70px"),
            "t": widgets.FloatSlider(value=t, min=0.0, max=1.0, step=0.05, description="morph t",
                                     readout_format=".2f", layout=widgets.Layout(width="300px")),
            "dataset": widgets.Dropdown(options=DATASETS, value=dataset, description="data"),
            "units": widgets.IntSlider(value=units, min=UNITS[0], max=UNITS[1], description="hidden units",
                                       layout=widgets.Layout(width="240px")),
            "pair": widgets.Dropdown(options=options, value=pair, description="right panel shows"),
        }
        self._run_key = None
        self._model_key = None
        self._error = ""
        super().__init__(controls, figsize=(9.4, 4.7), canvas=canvas)
        self._wire_training()

    # ----- training -------------------------------------------------------------------
    @property
    def epoch(self):
        return self.model.epoch

    @property
    def epochs_per_frame(self):
        return TRAINING[self.dataset][2]

    def _train_epochs(self, epochs):
        lr, batch, _ = TRAINING[self.dataset]
        self.model.fit(self.X, self.y, lr=self.lr or lr, epochs=epochs, batch_size=batch, rng=self.rng)

    def _restart(self):
        self._run_key = None

    def _new_run(self, dataset, units):
        self.dataset = dataset
        X, y = _points(dataset, self.seed)
        self.X, self.y = X.copy(), y.copy()  # the cache's own arrays stay untouched
        self.model = MLP([2, units, 1], hidden="sigmoid", output="sigmoid", seed=self.seed)
        self.rng = np.random.default_rng(self.seed)
        self._new_run_controls()
        lim = data_view(dataset)
        if lim != self.view:
            self.view = lim
            self.map_grid = self._plots.grid_points(lim, lim, MAP)
            self.plane = self._hidden.grid_lines(lim, lim, GRID_LINES, SAMPLES)
            self.data_ax.set_xlim(*lim)
            self.data_ax.set_ylim(*lim)
            self.map.image.set_extent((*lim, *lim))
            # the same grid, straight in the data space: two points a line will do
            self.grid_static.set_data(*self._hidden.grid_lines(lim, lim, GRID_LINES, 2).T)
        for k, marks in enumerate(self.data_points):
            marks.set_data(*self.X[self.y == k].T)
        size = 8.5 if dataset == "XOR" else 4.8
        for marks in (*self.data_points, *self.points):
            marks.set_markersize(size)
        self._model_key = None
        if self._start_epochs:
            epochs, self._start_epochs = self._start_epochs, 0
            self._advance(epochs)

    # ----- figure ---------------------------------------------------------------------
    def _build(self, fig):
        from .. import plots
        from ..plots import _style
        from ..plots import hidden as hidden_plots

        self._plots = plots
        self._hidden = hidden_plots
        self._ink = _style.INK
        self.view = None
        self._shown_view = None
        self._reset_views()
        ax = self.data_ax = fig.add_axes([0.08, 0.2, 0.33, 0.66])
        self.map = plots.plot_probability_map(np.full(MAP * MAP, 0.5), (0, 1), (0, 1), ax=ax)
        ax.set_title("data space: shading z, lines r\u2c7c = 0", fontsize=10)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$", labelpad=1)
        self.grid_static = ax.plot([], [], color=_style.MUTED, lw=0.5, alpha=0.5, zorder=0.5)[0]
        self.data_points = [self._marks(ax, k) for k in (0, 1)]
        self.unit_lines = [ax.plot([], [], zorder=3, **hidden_plots.unit_style(j))[0] for j in range(1, UNITS[1] + 1)]
        # Labels drawn as glyph markers: a text costs a millisecond or two per frame, a marker a fraction
        self.unit_labels = [self._glyph(ax, f"r_{j}", 9, zorder=5) for j in range(1, UNITS[1] + 1)]

        ax = self.morph_ax = fig.add_axes([0.585, 0.2, 0.335, 0.66])
        ax.set_xticks([])
        ax.set_yticks([])
        # at t = 1 with two units: the output's z over the hidden square, and its straight boundary
        self.hidden_map = ax.imshow(np.full((MAP, MAP), 0.5), origin="lower", extent=(*HIDDEN_VIEW, *HIDDEN_VIEW),
                                    cmap=plots.probability.probability_cmap(), vmin=0, vmax=1,
                                    interpolation="bilinear", aspect="auto", zorder=0)
        self.hidden_line = ax.plot([], [], color=_style.INK, lw=2.2, zorder=3)[0]
        self.grid = ax.plot([], [], color=_style.MUTED, lw=0.7, zorder=1)[0]
        self.curve = ax.plot([], [], color=_style.INK, lw=2.2, zorder=3)[0]
        self.pair_lines = [ax.plot([], [], zorder=2, **hidden_plots.unit_style(j))[0] for j in (1, 2)]
        self.points = [self._marks(ax, k) for k in (0, 1)]
        # XOR's four points by name: (0, 1) and (1, 0) land on one spot once trained
        self.point_names = [self._glyph(ax, f"({int(a)},{int(b)})", 21, zorder=5)
                            for a, b in data.logic_gate("XOR")[0]]
        # Ticks at 0 and 1 that follow the view as it slides (the axes' own ticks would be static)
        xaxis, yaxis = ax.get_xaxis_transform(), ax.get_yaxis_transform()
        self.xticks = ax.plot([], [], color=_style.INK, lw=1, transform=xaxis, clip_on=False)[0]
        self.yticks = ax.plot([], [], color=_style.INK, lw=1, transform=yaxis, clip_on=False)[0]
        self.tick_labels = [self._glyph(ax, str(v), 6.5, halo=False, clip_on=False) for v in (0, 1)]
        # What the panel shows (static: each combination is cached as a view of its own)
        self.xlabel = ax.text(0.5, -0.09, "", transform=ax.transAxes, ha="center", va="top", fontsize=10)
        self.ylabel = ax.text(-0.1, 0.5, "", transform=ax.transAxes, ha="right", va="center", fontsize=10,
                              rotation=90)
        self.title = ax.text(0.5, 1.02, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=10)
        self.heading = fig.text(0.5, 0.965, "", ha="center", va="center", fontsize=11)
        ax.set_xlim(*HIDDEN_VIEW)  # turns autoscaling off: _update moves the view itself
        ax.set_ylim(*HIDDEN_VIEW)

        from matplotlib.lines import Line2D

        handles = [
            *[Line2D([], [], ls="none", color=_style.INK, mec=_style.INK, mew=0.6, ms=7, label=f"class {k}",
                     marker=_style.class_style(k)["marker"], mfc=_style.class_style(k)["color"]) for k in (0, 1)],
            Line2D([], [], color=_style.INK, lw=2.2, label="output boundary z = 0.5"),
            Line2D([], [], label="unit 1: r\u2081 = 0", **hidden_plots.unit_style(1)),
            Line2D([], [], label="unit 2: r\u2082 = 0", **hidden_plots.unit_style(2)),
            Line2D([], [], color=_style.MUTED, lw=0.7, label="grid lines of the plane"),
        ]
        fig.legend(handles=handles, loc="lower center", ncol=6, fontsize=8, frameon=False,
                   bbox_to_anchor=(0.5, 0.0), handlelength=2.2, columnspacing=1.2)
        fig.text(0.5, 0.062, "right panel: every point at (1 \u2212 t)\u00b7x + t\u00b7u(x), a straight line "
                 "from its input x to its hidden activations u = sigmoid(r)", ha="center", fontsize=8,
                 color=_style.INK)
        # the left panel changes with the weights only: a layer, redrawn when they change
        self.layer += [self.map.image, self.grid_static, *self.data_points, *self.unit_lines, *self.unit_labels]
        self.dynamic += [self.hidden_map, self.hidden_line, self.grid, self.curve, *self.pair_lines, *self.points,
                         *self.point_names, self.xticks, self.yticks, *self.tick_labels, self.heading]

    def _marks(self, ax, k):
        """Class ``k``'s points as one Line2D of markers (drawn faster than a scatter)."""
        style = self._plots.class_style(k)
        return ax.plot([], [], ls="none", marker=style["marker"], color=self._ink, mfc=style["color"], mec=self._ink,
                       mew=0.6, zorder=4)[0]

    def _glyph(self, ax, text, size, halo=True, **kwargs):
        """A label drawn as a marker (mathtext): moved with set_data, drawn about ten times faster than a Text.

        ``halo``: a white outline, so that it reads on the shading, lines and points under it.
        """
        from matplotlib import patheffects

        if halo:
            kwargs["path_effects"] = [patheffects.withStroke(linewidth=2.5, foreground="white")]
        return ax.plot([], [], ls="none", marker=f"${text}$", ms=size, color=self._ink, mfc=self._ink, mec="none",
                       **kwargs)[0]

    def _show_model(self):
        """Recompute what depends on the weights: shading, lines, hidden activations (the left panel)."""
        model, lim = self.model, self.view
        hidden_plots = self._hidden
        z = model.forward(self.map_grid)
        # a diverged network's z is NaN: the map shows 0.5 (no answer) under the message that says so
        self.map.update(np.nan_to_num(z, nan=0.5))
        xs = np.linspace(*lim, MAP)
        self.data_boundary = hidden_plots.level_curve(xs, xs, z.reshape(MAP, MAP), 0.5)
        v = model.v
        self.unit_segments = []
        for j, (line, label) in enumerate(zip(self.unit_lines, self.unit_labels)):
            drawn = j < v.shape[1] and np.all(np.isfinite(v[:, j]))  # a diverged unit has no line
            points = hidden_plots.line_through_box(v[:, j], lim, lim) if drawn else np.empty((0, 2))
            self.unit_segments.append(points)
            line.set_data(*points.T) if len(points) else line.set_data([], [])
            if len(points):
                # along the line at a place of its own: lines through one point keep their labels apart
                spot = points[int((0.82, 0.18, 0.66, 0.34)[j] * (len(points) - 1))]
                normal = v[1:, j] / np.linalg.norm(v[1:, j])
                spot = spot + 0.06 * (lim[1] - lim[0]) * normal  # beside the line, on its r > 0 side
                label.set_data([spot[0]], [spot[1]])
            else:
                label.set_data([], [])
        # hidden activations of everything the right panel carries
        self.U = model.hidden_outputs(self.X)[0]
        self.plane_u = self._hidden_of(self.plane)
        self.boundary_u = self._hidden_of(self.data_boundary)
        self.unit_u = [self._hidden_of(seg) for seg in self.unit_segments]
        self.request_layer_redraw()

    def _hidden_of(self, points):
        """Hidden activations of ``points`` (NaN rows kept as NaN)."""
        out = np.full((len(points), self.model.layer_sizes[1]), np.nan)
        ok = ~np.isnan(points).any(axis=1)
        if ok.any():
            out[ok] = self.model.hidden_outputs(points[ok])[0]
        return out

    def _update(self, play, t, dataset, units, pair):
        # A diverged network's weights overflow: its numbers come out inf or NaN, and say so, quietly
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self._show(t, dataset, units, pair)

    def _show(self, t, dataset, units, pair):
        key = (dataset, units)
        if key != self._run_key:
            self._new_run(dataset, units)
            self._run_key = key
            self._sync_pairs(units)
            pair = self.controls["pair"].value
        model_key = (key, self.model.epoch)
        if model_key != self._model_key:
            self._show_model()
            self._model_key = model_key
        hidden_plots = self._hidden
        a, b = pair[0] - 1, pair[1] - 1
        points = hidden_plots.morph(self.X, self.U[:, [a, b]], t)
        for k, marks in enumerate(self.points):
            marks.set_data(*points[self.y == k].T)
        xor = dataset == "XOR"
        lo, hi = lim = hidden_plots.morph(np.array([self.view]), np.array([HIDDEN_VIEW]), t)[0]
        gap = 0.085 * (hi - lo)
        # (0, 0) and (0, 1) to the left of their point, (1, 0) and (1, 1) to the right
        for name, x, p in zip(self.point_names, self.X, points):
            name.set_data(([p[0] + (gap if x[0] else -gap)], [p[1] + (0.5 * gap if x[1] else -0.5 * gap)])
                          if xor else ([], []))
        self.grid.set_data(*hidden_plots.morph(self.plane, self.plane_u[:, [a, b]], t).T)
        curve = hidden_plots.morph(self.data_boundary, self.boundary_u[:, [a, b]], t)
        self.curve.set_data(*curve.T) if len(curve) else self.curve.set_data([], [])
        for line, j in zip(self.pair_lines, (a, b)):
            seg = hidden_plots.morph(self.unit_segments[j], self.unit_u[j][:, [a, b]], t)
            line.set_data(*seg.T) if len(seg) else line.set_data([], [])
            line.set_linestyle(hidden_plots.unit_style(j + 1)["ls"])
        straight = t == 1 and units == 2
        self.hidden_map.set_visible(straight)
        self.hidden_line.set_visible(straight)
        self.curve.set_visible(not straight)
        if straight:
            w = self.model.w[:, 0]
            line = hidden_plots.line_through_box(w, HIDDEN_VIEW, HIDDEN_VIEW)
            self.hidden_line.set_data(*line.T) if len(line) else self.hidden_line.set_data([], [])
            self.hidden_map.set_data(self._hidden_z())
        # Straight into the view box: set_xlim's callbacks cost more than the whole frame's lines
        self.morph_ax.viewLim.intervalx = lim
        self.morph_ax.viewLim.intervaly = lim
        self._draw_ticks(lim)
        where = ("t = 0: data space (x\u2081, x\u2082)" if t == 0 else
                 f"t = 1: hidden space (u{_sub(a + 1)}, u{_sub(b + 1)})" if t == 1 else "on the way from x to u")
        self._show_labels(self._axis_name(a, 1, t), self._axis_name(b, 2, t), where)
        self.heading.set_text(f"epoch {self.model.epoch}")

        s = self._output_scores()
        separable = bool(np.all((s >= 0) == (self.y == 1)))
        on_side = int(np.sum((s >= 0) == (self.y == 1)))
        loss = model_loss = self.model.loss(self.X, self.y)
        if self._error:
            self.show_message(self._error)
        self.state = {
            "dataset": dataset, "units": units, "pair": tuple(pair), "t": float(t), "epoch": self.model.epoch,
            "points": points, "X": self.X, "y": self.y, "hidden": self.U, "scores": s,
            "hidden_separable": separable, "on_their_side": on_side, "loss": model_loss,
            "accuracy": on_side / len(self.y), "view": tuple(float(v) for v in lim),
            "weights": [p.copy() for p in self.model.params], "seed": self.seed,
        }
        if self._error:
            self.state["error"] = self._error
        self.set_readout(self._readout_html(loss))

    def _hidden_z(self):
        """The output z over the hidden square (two units): sigmoid(w0 + w1 u1 + w2 u2)."""
        from ..activations import sigmoid

        w = self.model.w[:, 0]
        u = self._plots.grid_points(HIDDEN_VIEW, HIDDEN_VIEW, MAP)
        return sigmoid(w[0] + u @ w[1:]).reshape(MAP, MAP)

    def _output_scores(self):
        w = self.model.w[:, 0]
        return w[0] + self.U @ w[1:]

    def _show_labels(self, *texts):
        """The right panel's title and axis names: static, one cached view per (data set, names)."""
        view = (self.dataset, texts)
        if view == self._shown_view:
            return
        old, self._shown_view = self._shown_view, view
        for artist, text in zip((self.xlabel, self.ylabel, self.title), texts):
            artist.set_text(text)
        same_data = old is not None and old[0] == self.dataset
        self._switch_view(old, view, (lambda: self.redraw_static(self.morph_ax, MORPH_REGION)) if same_data else None)

    def _axis_name(self, j, i, t):
        u, x = f"u{_sub(j + 1)}", f"x{_sub(i)}"
        return x if t == 0 else u if t == 1 else f"(1 \u2212 t)\u00b7{x} + t\u00b7{u}"

    def _draw_ticks(self, lim):
        lo, hi = lim
        shown = [v for v in (0.0, 1.0) if lo <= v <= hi]
        size = 0.02  # in axes fractions
        xs, ys = [], []
        for v in shown:
            xs += [[v, 0.0], [v, -size], [np.nan, np.nan]]
            ys += [[0.0, v], [-size, v], [np.nan, np.nan]]
        self.xticks.set_data(*np.array(xs).T) if xs else self.xticks.set_data([], [])
        self.yticks.set_data(*np.array(ys).T) if ys else self.yticks.set_data([], [])
        below = lo - 0.055 * (hi - lo)  # the labels sit under the x ticks and left of the y ticks
        for label, v in zip(self.tick_labels, (0.0, 1.0)):
            label.set_data(([v, below], [below, v]) if lo <= v <= hi else ([], []))

    def _sync_pairs(self, units):
        control = self.controls["pair"]
        options = [(_pair_label(p), p) for p in pairs(units)]
        if [o[1] for o in control.options] != [o[1] for o in options]:
            keep = control.value if control.value in pairs(units) else (1, 2)
            with self._quietly():
                control.options = options
                control.value = keep

    def _readout_html(self, loss):
        st = self.state
        a, b = st["pair"]
        verdict = ("<b>yes</b>: one straight line (a plane, with more than 2 units) has every point on its side"
                   if st["hidden_separable"] else
                   f"<b>not yet</b>: {len(st['y']) - st['on_their_side']} of {len(st['y'])} points on the wrong side")
        lr, batch, per_frame = TRAINING[st["dataset"]]
        pair_note = ("" if st["units"] == 2 else
                     f"<div>the right panel shows units {a} and {b} of {st['units']}: the output's boundary is a "
                     f"plane in {st['units']}-D, so its trace here need not be straight</div>")
        return (
            f"<div style='font-size:13px; line-height:1.5'>"
            f"<div>network 2-{st['units']}-1 (sigmoid) on <b>{st['dataset']}</b> ({len(st['y'])} points), "
            f"epoch <b>{st['epoch']}</b></div>"
            f"<div>loss {fixed(loss, 3)}, accuracy <b>{percent(st['accuracy'])}</b></div>"
            f"<div>t = {st['t']:.2f}</div>"
            f"<div>does the output's line separate the classes in hidden space? {verdict}</div>{pair_note}"
            f"<div>training: lr (&eta;) {self.lr or lr:g}, batch size {batch}, "
            f"{per_frame} epochs per frame</div></div>")

    def _describe(self):
        st = self.state
        a, b = st["pair"]
        where = ("at their inputs (x1, x2)" if st["t"] == 0 else f"at their hidden activations (u{a}, u{b})"
                 if st["t"] == 1 else f"{number(st['t'])} of the way from their inputs to their hidden activations")
        verdict = ("yes" if st["hidden_separable"]
                   else f"no, {len(st['y']) - st['on_their_side']} points on the wrong side")
        text = (f"{st['dataset']} with {st['units']} hidden units, epoch {st['epoch']}: the right panel shows the "
                f"{len(st['y'])} points {where}; does the output's line separate the classes in hidden space: "
                f"{verdict}")
        return text + (f". {st['error']}" if st.get("error") else "")

    factory = "hidden_space_explorer"

    def _code_args(self):
        """Data, units, t, pair and the epochs trained: retraining them from the seed gives the same weights."""
        st = self.state
        args = {"dataset": st["dataset"], "units": st["units"], "t": st["t"], "pair": tuple(st["pair"]),
                "epochs": st["epoch"], "seed": self.seed}
        if self.lr is not None:
            args["lr"] = self.lr
        return args


def hidden_space_explorer(dataset="XOR", units=2, t=1.0, pair=(1, 2), epochs=0, seed=0, lr=None, canvas="auto"):
    """Watch the hidden layer move the data into a space where one straight line separates it.

    Left: the data space (x1, x2) with the points, each hidden unit's line r_j = 0 and the
    output's shading z. Right: the plane carried to the hidden space by the morph slider
    t: every point, grid line and boundary sits at ``(1 - t) * x + t * u(x)``, a
    straight-line interpolation from the input coordinates (t = 0) to the hidden
    activations u = sigmoid(r) (t = 1). There the output's boundary is a straight line
    (with two hidden units; with more it is a plane, shown through the pair of units the
    ``pair`` menu picks). Play / Step / Reset train the network; ``train(epochs)`` does
    what Play does.

    Parameters
    ----------
    dataset : {"XOR", "circles", "moons"}
        XOR is the gate's four points; circles and moons have 100 points.
    units : int in [2, 4]
        Hidden units (sigmoid); the output is one sigmoid unit.
    t : float in [0, 1]
        Where the right panel starts between the data space (0) and the hidden space (1).
    pair : (int, int)
        The two hidden units the right panel shows, e.g. ``(1, 3)``.
    epochs : int
        Epochs to train before showing (rebuilds a state that ``to_code`` printed).
    seed : int
        Seeds the data, the initial weights and the shuffling.
    lr : float, optional
        Learning rate; by default XOR trains with 2 (as in notebook 06), the others with 3.
    canvas : {"auto", "ipympl", "image", "agg"}

    Returns
    -------
    HiddenSpaceExplorer
        ``.controls``, ``.figure``, ``.state`` (``points``: the drawn (n, 2) coordinates at
        t; ``hidden``: the (n, units) activations; ``hidden_separable``; ``epoch``; ...),
        ``.train(epochs)``, ``.step()``, ``.reset()``, ``.to_code()``.

    Examples
    --------
    >>> e = hidden_space_explorer("XOR", t=0.0, canvas="agg")
    >>> e.state["points"].tolist() == e.state["X"].tolist()   # t = 0: the inputs themselves
    True
    >>> e.train(2000).set(t=1.0).state["hidden_separable"]
    True
    """
    return HiddenSpaceExplorer(dataset=dataset, units=units, t=t, pair=pair, epochs=epochs, seed=seed, lr=lr,
                               canvas=canvas)
