"""weight_space_explorer: the data and the weights side by side, linked both ways.

Left, the data space: the points and the boundary s = w0 + w1 x1 + w2 x2 = 0. Right, the
weight space: the total loss over (w1, w2) for the current w0 (a slider), as a map of
bands (darker is lower; the darkest band of the perceptron loss is exactly 0), with the
current weights as a star.

- Drag (or click) in the weight space: (w1, w2) go there and the boundary follows.
- Drag the boundary's handle (the diamond, the point of the boundary nearest the
  origin) in the data space: the boundary goes through the mouse, square to the line from
  the origin, so (w1, w2) = -w0 p / |p|^2 for the mouse at p; the star moves with it.
  (With w0 = 0 the boundary runs through the origin and the handle turns it.)
- Step and Play take gradient-descent steps on (w1, w2), w0 held at its slider: on
  all points (GD) or one point per step (SGD, in the lecture's order), and draw the path
  in both panels: the stars' trail on the map, earlier boundaries in grey.

The sliders stay for the keyboard. The weights themselves are kept exactly; a slider
shows each to its 0.05 grid (what a browser slider can hold), and the rounded copy the
browser sends back is not taken for a move.
"""

import numpy as np

from .. import activations, data, losses, perceptron
from .._validate import as_array, check_choice, check_int, check_setting
from ..plots._style import number as fixed, percent
from . import _controls
from ._access import number, numbers
from ._base import Explorer, atomic
from ._presets import with_presets

GATES = ("AND", "OR", "NAND", "XOR")
LOSSES = ("perceptron", "BCE")
UPDATES = (("all points (GD)", "GD"), ("one point (SGD)", "SGD"))
W_RANGE = (-3.0, 3.0)
STEP = 0.05  # the sliders' grid
GRID = 81  # the map is GRID x GRID over W_RANGE^2: 0.075 apart
DATA_VIEW = (-0.5, 1.5)
GATE_ORDER = (2, 3, 0, 1)  # SGD visits (1,0), (1,1), (0,0), (0,1), as in the lecture
PATH_MAX = 200  # steps drawn; a longer run keeps its latest steps
HANDLE_PX = 14.0  # a press this close to the handle grabs it
BANDS = 12
TRAIL = 12  # earlier boundaries drawn in the data space


def _near(w, X):
    """s = w0 + w1 x1 + w2 x2, with an s that is 0 up to rounding made exactly 0 (the lecture's f(0) = +1)."""
    s = w[0] + X @ w[1:]
    return np.where(perceptron._near_zero(s, w, X), 0.0, s)


def total_loss(w, X, y, loss):
    """Total loss over the points: perceptron (labels +1/-1) or BCE of a logistic unit (labels 1/0)."""
    s = _near(np.asarray(w, dtype=float), X)
    if loss == "perceptron":
        return float(losses.perceptron_loss(s, y).sum())
    return float(losses.binary_cross_entropy_with_logits(s, (y > 0).astype(float)).sum())


def total_gradient(w, X, y, loss):
    """dL/dw of :func:`total_loss`, (3,): each point's dL/ds times its (1, x1, x2), added up."""
    s = _near(np.asarray(w, dtype=float), X)
    if loss == "perceptron":
        dL_ds = losses.perceptron_loss_grad(s, y)  # -y where s y <= 0: on the boundary counts as a mistake
    else:
        dL_ds = losses.binary_cross_entropy_with_logits_grad(s, (y > 0).astype(float))
    return perceptron.add_bias(X).T @ dL_ds


def loss_map(w0, X, y, loss, size=GRID):
    """Total loss on a size x size grid of (w1, w2) over W_RANGE, for bias w0: (size, size), rows = w2."""
    w = np.linspace(*W_RANGE, size)
    W1, W2 = np.meshgrid(w, w)
    S = w0 + W1[..., None] * X[:, 0] + W2[..., None] * X[:, 1]
    Y = np.broadcast_to(y, S.shape)
    if loss == "perceptron":
        return losses.perceptron_loss(S, Y).sum(axis=-1)
    return losses.binary_cross_entropy_with_logits(S, (Y > 0).astype(float)).sum(axis=-1)


def _clip(v):
    """Inside the sliders' range (for weights set by the mouse)."""
    return float(np.clip(v, *W_RANGE)) + 0.0


class WeightSpaceExplorer(Explorer):
    """Data space and weight space, linked. Use :func:`weight_space_explorer` to make one."""

    control_rows = [["dataset", "loss", "update"], ["w0", "w1", "w2"], ["lr", "step", "play", "reset"]]
    control_help = {
        "step": "one gradient-descent step on (w1, w2), w0 held; the path is drawn in both panels",
        "reset": "forget the path: it starts again at the current weights",
    }
    factory = "weight_space_explorer"

    def __init__(self, dataset="AND", w=(-0.1, 0.2, 0.0), loss="perceptron", update="GD", lr=0.1, path=None,
                 canvas="auto"):
        import ipywidgets as widgets

        dataset = check_choice(dataset.upper() if isinstance(dataset, str) else dataset, "dataset", GATES)
        loss = check_choice(loss, "loss", LOSSES)
        update = check_choice(update, "update", tuple(v for _, v in UPDATES))
        lr = check_setting(lr, "lr", 10**-2, 10**1)
        self.w = np.array([check_setting(v, f"w[{i}]", *W_RANGE)
                           for i, v in enumerate(as_array(w, "w", shape=(3,)))])
        self.path = [tuple(self.w[1:])]
        self._context = None  # (dataset, loss, w0) the path belongs to
        if path is not None:
            points = as_array(path, "path", shape=(None, 2))
            if np.abs(points).max() > W_RANGE[1]:
                raise ValueError(f"path must stay inside the map, |w| <= {W_RANGE[1]:g}; got {np.abs(points).max():g}")
            if not np.allclose(points[-1], self.w[1:], rtol=0, atol=1e-12):
                raise ValueError(f"path must end at the current (w1, w2) = {tuple(self.w[1:])}; got {tuple(points[-1])}")
            self.path = [tuple(p) for p in points.tolist()]
            self._context = (dataset, loss, float(self.w[0]))
        self._maps = {}
        self._dragging = None
        self.note = ""
        slider = dict(min=W_RANGE[0], max=W_RANGE[1], step=STEP, continuous_update=True, readout_format=".2f",
                      layout=widgets.Layout(width="410px"))  # 2 px per step: a mouse lands on 0
        controls = {
            "dataset": widgets.Dropdown(options=GATES, value=dataset, description="data",
                                        layout=widgets.Layout(width="150px")),
            "loss": widgets.ToggleButtons(options=LOSSES, value=loss, description="loss",
                                          tooltips=["perceptron loss max(0, \u2212y s), summed over the points",
                                                    "binary cross-entropy of a logistic unit z = sigmoid(s), summed"]),
            "update": widgets.ToggleButtons(options=UPDATES, value=update, description="a step uses",
                                            tooltips=["each step follows the gradient of the total loss",
                                                      "each step follows one point's gradient, in turn"]),
            "w0": widgets.FloatSlider(value=self.w[0], description="w0 (bias)", **slider),
            "w1": widgets.FloatSlider(value=self.w[1], description="w1", **slider),
            "w2": widgets.FloatSlider(value=self.w[2], description="w2", **slider),
            "lr": _controls.lr_slider(lr, -2, 1, 0.1, continuous_update=True),
            "step": _controls.button(_controls.STEP_LABEL, "", width="70px"),
            "play": _controls.play(value=0, min=0, max=10**9, interval=350, description="descend"),
            "reset": _controls.button(_controls.RESET_LABEL, "", width="70px"),
        }
        controls["step"].tooltip = self.control_help["step"]
        controls["reset"].tooltip = self.control_help["reset"]
        for i, name in enumerate(("w0", "w1", "w2")):  # before the base's observer: the weight first
            controls[name].observe(self._weight_moved(i), names="value")
        controls["step"].on_click(lambda _: self.step())
        controls["reset"].on_click(lambda _: self.reset())
        controls["play"].observe(self._on_tick, names="value")
        super().__init__(controls, figsize=(9.0, 4.4), canvas=canvas)

    # ----- the weights --------------------------------------------------------------------
    def _weight_moved(self, i):
        def moved(change):
            control = self.controls[("w0", "w1", "w2")[i]]
            from_browser = "value" in control._property_lock
            if from_browser and abs(change["new"] - self.w[i]) < STEP / 2:
                return  # the browser's copy of a weight it shows rounded: not a move
            self.w[i] = change["new"]
        return moved

    def _set_weights(self, w):
        """Set the weights exactly, the sliders to show them, without a redraw."""
        self.w = np.array(w, dtype=float)
        with self._quietly():
            for name, v in zip(("w0", "w1", "w2"), self.w):
                self.controls[name].value = float(v)

    def _data(self, dataset):
        X, y = data.logic_gate(dataset, labels="pm1")
        return X, y

    # ----- steps ---------------------------------------------------------------------------
    @atomic
    def step(self):
        """One step w <- w - lr * dL/dw on (w1, w2), w0 held (the Step button); returns the explorer."""
        values = self.values
        X, y = self._data(values["dataset"])
        self._sync_path(values)
        if values["update"] == "SGD":
            k = GATE_ORDER[(len(self.path) - 1) % len(y)]
            g = total_gradient(self.w, X[k:k + 1], y[k:k + 1], values["loss"])
        else:
            g = total_gradient(self.w, X, y, values["loss"])
        new = self.w - values["lr"] * np.array([0.0, g[1], g[2]])
        if np.abs(new[1:]).max() > W_RANGE[1]:
            self.note = "the next step leaves the map (|w| > 3): a smaller lr, or Reset"
            self._stop_play()
        else:
            self.note = ""
            self._set_weights(new)
            self.path.append(tuple(new[1:]))
        self.refresh()
        return self

    @atomic
    def reset(self):
        """Forget the path: it starts again at the current weights (the Reset button)."""
        self._stop_play()
        self.path = [tuple(self.w[1:])]
        self.note = ""
        self.refresh()
        return self

    def _stop_play(self):
        if self.controls["play"].playing:
            self.controls["play"].playing = False

    @atomic
    def _on_tick(self, change):
        if change["new"] != change["old"] and self.controls["play"].playing:
            self.step()

    def _sync_path(self, values):
        """A path belongs to one map: new data, loss, w0, or weights moved by hand start it again."""
        context = (values["dataset"], values["loss"], float(self.w[0]))
        if context != self._context or not np.allclose(self.path[-1], self.w[1:], rtol=0, atol=1e-12):
            self.path = [tuple(self.w[1:])]
            self.note = "" if context == self._context else self.note
        self._context = context

    # ----- the mouse -------------------------------------------------------------------------
    def mouse_axes(self):
        return [self.weight_ax, self.data_ax]

    def _handle(self, w):
        """Where the handle sits: the boundary's point nearest the origin (w0 = 0: one unit along the line)."""
        normal = w[1:]
        norm2 = float(normal @ normal)
        if norm2 == 0:
            return None
        if w[0] == 0:
            return np.array([-normal[1], normal[0]]) / np.sqrt(norm2)
        return -w[0] * normal / norm2

    def _on_pointer(self, kind, ax, xy, shift):
        p = np.array(xy)
        if ax is self.weight_ax:
            if kind == "up":
                return False
            w = [self.w[0], _clip(p[0]), _clip(p[1])]
        else:
            if kind == "down":
                handle = self._handle(self.w)
                near = handle is not None and np.hypot(*(ax.transData.transform(handle) - ax.transData.transform(p))) <= HANDLE_PX
                self._dragging = near
                if not near:
                    return False
            if not self._dragging:
                return False
            if kind == "up":
                self._dragging = False
            w = self._weights_through(p)
            if w is None:
                return False
        if np.allclose(w, self.w, rtol=0, atol=1e-12):
            return False
        self._set_weights(w)
        return True

    def _weights_through(self, p):
        """(w0, w1, w2) whose boundary passes through p, square to p (w0 held); None at the origin."""
        norm2 = float(p @ p)
        if norm2 < 1e-12:
            return None
        w0 = self.w[0]
        if w0 != 0:
            normal = -w0 * p / norm2
        else:  # the line through the origin and p, turned from the current one
            size = float(np.hypot(*self.w[1:]))
            normal = size * np.array([p[1], -p[0]]) / np.sqrt(norm2)
            if normal @ self.w[1:] < 0:
                normal = -normal
        return [w0, _clip(normal[0]), _clip(normal[1])]

    # ----- figure ------------------------------------------------------------------------------
    def _build(self, fig):
        from matplotlib.collections import LineCollection
        from matplotlib.lines import Line2D

        from .. import plots
        from ..plots import _style

        self._shown = None
        X, y = self._data("AND")
        self.data_ax = fig.add_axes([0.065, 0.2, 0.34, 0.7])
        self.weight_ax = fig.add_axes([0.5, 0.2, 0.34, 0.7])
        self.boundary = plots.plot_decision_boundary(self.w, X, y, ax=self.data_ax, xlim=DATA_VIEW,
                                                     ylim=DATA_VIEW, legend=False)
        self.data_ax.set_title("data: drag \u25c6 to move the boundary", fontsize=10)
        self.trail = LineCollection([], colors=_style.MUTED, linewidths=1.0, linestyles="--", zorder=1)
        self.data_ax.add_collection(self.trail)
        self.handle = self.data_ax.plot([], [], "D", color="white", mec=_style.INK, mew=1.8, ms=10, zorder=7,
                                        label="handle: drag it")[0]
        self.sample = self.data_ax.scatter([], [], s=420, marker="s", facecolors="none", edgecolors=_style.INK,
                                           linewidths=2.2, zorder=6, label="point of the last SGD step")
        ax = self.weight_ax
        # One grey per band, lower darker, over white at 70 % (as the other loss surfaces' alpha does).
        import matplotlib

        greys = matplotlib.colormaps[_style.LANDSCAPE_CMAP](np.linspace(0.0, 1.0, BANDS))
        self._band_colours = 0.7 * greys + 0.3 * np.array([1.0, 1.0, 1.0, 1.0])
        self.map = ax.imshow(np.ones((GRID, GRID, 4)), origin="lower", extent=(*W_RANGE, *W_RANGE),
                             interpolation="nearest", zorder=0)
        ax.set_xlim(W_RANGE)
        ax.set_ylim(W_RANGE)
        ax.set_aspect("equal", adjustable="box")
        ax.set_xlabel("$w_1$")
        ax.set_ylabel("$w_2$")
        axes_lines = [ax.axhline(0, color=_style.MUTED, lw=0.6, zorder=0.5),
                      ax.axvline(0, color=_style.MUTED, lw=0.6, zorder=0.5)]
        self.path_artists = plots.DescentPathArtists(ax)
        self.path_artists.line.set_label("path of the steps")
        self.path_artists.current.set_label("current weights")
        self.path_artists.current.set_clip_on(False)  # a star on the map's edge is shown whole
        ax.set_title("total loss over (w1, w2), at the slider's w0", fontsize=10)
        self.loss_text = ax.text(1.03, 0.0, "", transform=ax.transAxes, fontsize=9.5, va="bottom", linespacing=1.4)
        self.note_text = fig.text(0.5, 0.955, "", ha="center", va="center", fontsize=9.5,
                                  bbox={"facecolor": "white", "edgecolor": _style.INK, "boxstyle": "round,pad=0.3"})
        handles = [*self.boundary.points, self.boundary.errors, self.boundary.line,
                   Line2D([], [], color=_style.MUTED, lw=1.0, ls="--", label="earlier boundaries"),
                   self.handle, self.path_artists.line, self.path_artists.current]
        fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=8, frameon=False,
                   bbox_to_anchor=(0.47, 0.0), markerscale=0.7, handlelength=1.8, columnspacing=1.2)
        self.dynamic += [*self.boundary.dynamic, self.trail, self.handle, self.sample,
                         *self.path_artists.dynamic, self.loss_text, self.note_text]
        # The map changes with w0, the data and the loss, not with (w1, w2): drawn once per map.
        self.layer += [self.map, *axes_lines]

    def _levels(self, dataset, loss):
        """Band edges for (dataset, loss), the same for every w0, so a band keeps its loss as w0 moves.

        Quantiles of the loss over the whole box of weights, so that every band gets its
        share of the map; for the perceptron loss the darkest band is loss 0 exactly.
        """
        key = (dataset, loss)
        if key not in self._maps:
            X, y = self._data(dataset)
            sample = np.concatenate([loss_map(w0, X, y, loss, size=31).ravel() for w0 in np.linspace(*W_RANGE, 7)])
            edges = np.quantile(sample[sample > 1e-9], np.linspace(0.0, 1.0, BANDS))
            edges[0] = 1e-9 if loss == "perceptron" else edges[0]
            edges[-1] = np.inf
            self._maps[key] = np.concatenate([[-1.0], np.unique(edges)])
        return self._maps[key]

    def _show_map(self, dataset, loss, w0):
        """The bands of the loss at bias w0, as colours computed here (cheaper than the image's own colour mapping)."""
        X, y = self._data(dataset)
        self.map_loss = loss_map(w0, X, y, loss)
        band = np.digitize(self.map_loss, self._levels(dataset, loss)[1:-1])
        self.map.set_data(self._band_colours[np.minimum(band, len(self._band_colours) - 1)])
        self.request_layer_redraw()

    def _update(self, dataset, loss, update, w0, w1, w2, lr, play=None):
        values = {"dataset": dataset, "loss": loss, "update": update}
        self._sync_path(values)
        X, y = self._data(dataset)
        w = self.w
        shown = (dataset, loss, float(w[0]))
        if shown != self._shown:
            self._show_map(*shown)
            self._shown = shown
        self.boundary.update(w, X, y)
        handle = self._handle(w)
        inside = handle is not None and all(DATA_VIEW[0] <= v <= DATA_VIEW[1] for v in handle)
        self.handle.set_data(*(([handle[0]], [handle[1]]) if inside else ([], [])))
        path = np.array(self.path[-PATH_MAX - 1:])
        self.path_artists.update(path[:, 0], path[:, 1])
        from ..plots.boundary import boundary_segment

        segments = [boundary_segment([w[0], *p], DATA_VIEW, DATA_VIEW) for p in path[-TRAIL - 1:-1]]
        self.trail.set_segments([seg for seg in segments if seg is not None])
        steps = len(self.path) - 1
        if update == "SGD" and steps:
            k = GATE_ORDER[(steps - 1) % len(y)]
            self.sample.set_offsets(X[k:k + 1])
        else:
            self.sample.set_offsets(np.empty((0, 2)))
        L = total_loss(w, X, y, loss)
        g = total_gradient(w, X, y, loss)
        s = _near(w, X)
        wrong = activations.sign(s) != y
        self.loss_text.set_text(f"{loss}:\nL = {fixed(L, 3)}\n{len(y) - int(wrong.sum())} of {len(y)} right")
        self.note_text.set_text(self.note)
        self.note_text.set_visible(bool(self.note))
        self.state = {"dataset": dataset, "loss_kind": loss, "update": update, "lr": lr, "w": w.copy(),
                      "loss": L, "gradient": g, "misclassified": int(wrong.sum()), "accuracy": float(np.mean(~wrong)),
                      "path": np.array(self.path), "steps": steps, "handle": handle, "s": s, "note": self.note}
        self.set_readout(self._readout_html())

    def _readout_html(self):
        st = self.state
        w0, w1, w2 = st["w"]
        g = st["gradient"]
        formula = ("L = &sum; max(0, &minus;y&middot;s)" if st["loss_kind"] == "perceptron"
                   else "L = &sum; BCE(sigmoid(s), y)")
        return ("<div style='font-size:13px; line-height:1.5'>"
                f"<div><b>w = ({fixed(w0, 3)}, {fixed(w1, 3)}, {fixed(w2, 3)})</b></div>"
                f"<div>{formula} = <b>{fixed(st['loss'], 3)}</b></div>"
                f"<div>&part;L/&part;(w1, w2) = ({fixed(g[1], 3)}, {fixed(g[2], 3)})</div>"
                f"<div>accuracy: <b>{percent(st['accuracy'])}</b> ({st['misclassified']} misclassified)</div>"
                f"<div>path: {st['steps']} step{'s' if st['steps'] != 1 else ''} of {st['update']}, "
                f"lr (&eta;) = {st['lr']:.3g}, w0 held</div>"
                + (f"<div><b>{st['note']}</b></div>" if st["note"] else "") + "</div>")

    def _describe(self):
        st = self.state
        right = len(st["s"]) - st["misclassified"]
        return (f"Weights w = {numbers(st['w'])} on {st['dataset']}: the boundary gets {right} of {len(st['s'])} "
                f"points right; the map shows the total {st['loss_kind']} loss over (w1, w2) at w0 = "
                f"{number(st['w'][0])}, here {number(st['loss'], 3)}; the path has {st['steps']} "
                f"{st['update']} step{'s' if st['steps'] != 1 else ''}")

    def _code_args(self):
        values = self.values
        args = {"dataset": values["dataset"], "w": tuple(self.w), "loss": values["loss"],
                "update": values["update"], "lr": values["lr"]}
        if len(self.path) > 1:
            args["path"] = [list(p) for p in self.path]
        return args


@with_presets
def weight_space_explorer(dataset="AND", w=(-0.1, 0.2, 0.0), loss="perceptron", update="GD", lr=0.1, path=None,
                          canvas="auto"):
    """An explorer that links the data space and the weight space of a two-input perceptron.

    Left: the points and the boundary w0 + w1 x1 + w2 x2 = 0 with a handle (◆). Right: the
    total loss over (w1, w2) for the current w0, as bands (darker is lower) with the
    current weights as a star. Drag in the weight space to move the weights, drag the
    handle in the data space to move the boundary; each follows the other. Step and Play
    take gradient-descent steps on (w1, w2) (w0 held at its slider) and draw the path in
    both panels.

    Parameters
    ----------
    dataset : {"AND", "OR", "NAND", "XOR"}
    w : (3,) sequence
        Starting weights (w0, w1, w2), each in [-3, 3]; the default is the lecture's start.
    loss : {"perceptron", "BCE"}
        The perceptron loss max(0, -y s), or the binary cross-entropy of a logistic unit
        z = sigmoid(s) (labels 1/0), summed over the points.
    update : {"GD", "SGD"}
        A step follows the gradient of the total loss, or of one point in turn (the
        lecture's order (1,0), (1,1), (0,0), (0,1)).
    lr : float in [0.01, 10]
        Learning rate (η) of the steps.
    path : list of (w1, w2), optional
        Steps already taken, ending at (w1, w2) of ``w`` (``to_code()`` writes it).
    preset : str, optional
        A named start from :func:`helpers.widgets.presets`.
    canvas : {"auto", "ipympl", "image", "agg"}
        See :class:`helpers.widgets._base.Explorer`.

    Returns
    -------
    WeightSpaceExplorer
        ``.controls`` (dataset, loss, update, w0, w1, w2, lr, step, play, reset), ``.w``
        (the exact weights), ``.state`` (loss, gradient, misclassified, path, steps,
        handle), ``.step()``, ``.reset()``, ``.click(w1, w2, ax=explorer.weight_ax)``.

    Examples
    --------
    >>> e = weight_space_explorer("AND", w=(-0.1, 0.2, 0.0), canvas="agg")
    >>> round(e.state["loss"], 10), e.state["gradient"].round(10).tolist()   # (1, 0) is wrong: -y x
    (0.1, [1.0, 1.0, 0.0])
    >>> e.step().state["w"].round(10).tolist()                # w1 <- 0.2 - 0.1 * 1
    [-0.1, 0.1, 0.0]
    """
    return WeightSpaceExplorer(dataset=dataset, w=w, loss=loss, update=update, lr=lr, path=path, canvas=canvas)
