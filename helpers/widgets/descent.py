"""gradient_descent_explorer: pick a learning rate, a start and a number of steps; watch the path."""

import numpy as np

from .. import optim
from .._validate import check_choice, check_setting
from ..plots._style import number as fixed
from . import _controls
from ._access import number, numbers
from ._base import Explorer
from ._presets import with_presets
from ._views import ViewBackgrounds

CURVES = ("parabola", "two valleys")
SURFACE = "ravine"
W_RANGE = (-3.0, 3.0)
LIMIT = 1e3  # a path that leaves |w| <= LIMIT counts as diverging (it is far off the plot by then)
ARROW_MAX = 1.2  # a gradient arrow longer than this is shortened (never below the step's length)

# Text is the costliest thing to redraw (each glyph is rasterised again), so the figure
# says what happened in a few words and the readout beside it holds the numbers.
VERDICTS = {
    "not started": "no steps yet",
    "crawling": "crawling (still far from the bottom)",
    "converging": "converging",
    "zigzagging": "zigzagging",
    "diverging": "diverging",
}


def _num(x):
    """Four decimals for numbers a learner compares; powers of ten once a run has blown up."""
    return fixed(x, 4) if abs(x) < 1e4 else f"{x:.3g}".replace("-", "\u2212")


def _arrow_vector(g, lr):
    """The gradient as drawn, and whether it is drawn shorter than it is.

    Its true direction; its true length up to ARROW_MAX, so that it fits the view. A
    longer gradient is shortened, but never below the length of the step -lr * g drawn
    beside it: with lr < 1 the gradient must not look shorter than the step it makes.

    >>> _arrow_vector(np.array([0.5, 0.0]), 0.1)
    (array([0.5, 0. ]), False)
    >>> _arrow_vector(np.array([4.0, 0.0]), 0.1)       # shortened to ARROW_MAX
    (array([1.2, 0. ]), True)
    >>> _arrow_vector(np.array([4.0, 0.0]), 0.5)       # the step is 2 long: so is the arrow
    (array([2., 0.]), True)
    """
    norm = float(np.linalg.norm(g))
    length = min(norm, max(ARROW_MAX, abs(lr) * norm))
    if length >= norm:
        return g, False
    return g * (length / norm), True


class GradientDescentExplorer(ViewBackgrounds, Explorer):
    """Gradient descent on a 1-D loss curve and a 2-D loss surface, side by side.

    Use :func:`gradient_descent_explorer` to make one.
    """

    factory = "gradient_descent_explorer"

    control_rows = [["curve", "lr", "steps"], ["w_start", "w1_start", "w2_start"]]

    def __init__(self, lr=0.1, steps=20, curve="parabola", w_start=-2.5, w1_start=-2.5, w2_start=2.0,
                 canvas="auto"):
        import ipywidgets as widgets

        curve = check_choice(curve, "curve", CURVES)
        lr = check_setting(lr, "lr", 10**-3, 10**0.5)
        steps = check_setting(steps, "steps", 0, 60, integer=True)
        w_start, w1_start, w2_start = (check_setting(v, name, -2.8, 2.8) for v, name in
                                       ((w_start, "w_start"), (w1_start, "w1_start"), (w2_start, "w2_start")))
        start = dict(min=-2.8, max=2.8, step=0.1, continuous_update=True, readout_format=".1f",
                     layout=widgets.Layout(width="290px"))  # 2 px per step
        controls = {
            "curve": widgets.Dropdown(options=CURVES, value=curve, description="1-D loss",
                                      layout=widgets.Layout(width="210px")),
            "lr": _controls.lr_slider(lr, -3, 0.5, 0.05, readout_format=".3g", width="330px",
                                      continuous_update=True),
            "steps": widgets.IntSlider(value=steps, min=0, max=60, description="steps", continuous_update=True,
                                       layout=widgets.Layout(width="300px")),
            "w_start": widgets.FloatSlider(value=w_start, description="start w", **start),
            "w1_start": widgets.FloatSlider(value=w1_start, description="start w1", **start),
            "w2_start": widgets.FloatSlider(value=w2_start, description="start w2", **start),
        }
        super().__init__(controls, figsize=(8.4, 3.8), canvas=canvas)

    def _build(self, fig):
        from .. import plots
        from ..plots import _style

        self._shown_curve = None  # which 1-D loss the curve shows; set by the first update
        self._reset_views()
        self.grid = np.linspace(*W_RANGE, 400)
        self.ax1 = fig.add_axes([0.09, 0.21, 0.385, 0.62])
        self.ax2 = fig.add_axes([0.585, 0.21, 0.385, 0.62])
        first = optim.EXAMPLE_LOSSES[self.controls["curve"].value]
        self.curve_line = plots.plot_loss_curve(first.fn, self.grid, ax=self.ax1)
        self.ax1.set_xlim(W_RANGE)
        surface = optim.EXAMPLE_LOSSES[SURFACE]
        plots.plot_loss_surface(surface.fn, W_RANGE, W_RANGE, ax=self.ax2)
        self.ax2.plot(*surface.minimum, "+", color=_style.INK, ms=12, mew=2, zorder=2)
        self.ax2.set_aspect("equal", adjustable="box")
        self.ax2.set_title(f"2-D: {surface.formula}", fontsize=10)
        self.paths, self.grads, self.steps_, self.notes = [], [], [], []
        for ax in (self.ax1, self.ax2):
            self.paths.append(plots.DescentPathArtists(ax))
            self.grads.append(plots.Arrow(ax, _style.DERIVATIVE))
            self.steps_.append(plots.Arrow(ax, _style.INK))
            left = ax.get_position().x0
            self.notes.append(fig.text(left, 0.925, "", va="bottom", ha="left", fontsize=9.5))
        from matplotlib.lines import Line2D

        handles = [self.paths[0].start, self.paths[0].line, self.paths[0].current,
                   Line2D([], [], color=_style.DERIVATIVE, lw=2, marker=">", label="gradient (uphill; dashed: shortened)"),
                   Line2D([], [], color=_style.INK, lw=2, marker="<", label="next step: \u2212lr \u00d7 gradient")]
        fig.legend(handles=handles, loc="lower center", ncol=5, fontsize=8, frameon=False,
                   bbox_to_anchor=(0.5, 0.0), handlelength=1.6, columnspacing=1.2)
        for k in range(2):
            self.dynamic += [*self.paths[k].dynamic, *self.grads[k].dynamic, *self.steps_[k].dynamic, self.notes[k]]

    def _show_curve(self, loss):
        values = loss.fn(self.grid[:, None])
        self.curve_line.set_ydata(values)
        span = values.max() - values.min()
        self.ax1.set_ylim(values.min() - 0.08 * span, values.max() + 0.08 * span)
        self.ax1.set_title(f"1-D: {loss.formula}", fontsize=10)
        self._switch_view(self._shown_curve, loss.name)
        self._shown_curve = loss.name

    def _run(self, loss, start, lr, steps):
        info = optim.gradient_descent(loss.grad, start, lr, steps, limit=LIMIT, return_info=True)
        regime = optim.describe_descent(info.path, loss.grad, loss.fn, diverged=info.diverged)
        current = info.path[-1]
        return info, regime, current, np.atleast_1d(loss.grad(current)).astype(float), float(loss.fn(current))

    def _draw(self, k, ax, xy_path, origin, g, lr, regime, info):
        self.paths[k].update(*xy_path)
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        inside = x0 <= origin[0] <= x1 and y0 <= origin[1] <= y1
        drawn, shortened = _arrow_vector(g, lr)
        self.grads[k].update(origin, drawn, visible=inside, dashed=shortened)
        self.steps_[k].update(origin, -lr * g, visible=inside and regime != "diverging")
        if info.diverged:
            self.notes[k].set_text(f"diverging: stopped after {info.steps_taken} of {info.steps} steps")
        else:
            self.notes[k].set_text(f"{info.steps} steps: {VERDICTS[regime]}")

    def _update(self, curve, lr, steps, w_start, w1_start, w2_start):
        loss1 = optim.EXAMPLE_LOSSES[curve]
        if self._shown_curve != curve:
            self._show_curve(loss1)
        info1, regime1, w, g1, L1 = self._run(loss1, w_start, lr, steps)
        path1 = info1.path[:, 0]
        self._draw(0, self.ax1, (path1, loss1.fn(info1.path)), np.array([w[0], L1]), np.array([g1[0], 0.0]), lr,
                   regime1, info1)

        loss2 = optim.EXAMPLE_LOSSES[SURFACE]
        info2, regime2, w2, g2, L2 = self._run(loss2, [w1_start, w2_start], lr, steps)
        self._draw(1, self.ax2, info2.path.T, w2, g2, lr, regime2, info2)

        self.state = {
            "curve": curve, "lr": lr, "steps": steps,
            "path_1d": info1.path, "regime_1d": regime1, "diverged_1d": info1.diverged,
            "w_1d": float(w[0]), "loss_1d": L1, "grad_1d": float(g1[0]),
            "path_2d": info2.path, "regime_2d": regime2, "diverged_2d": info2.diverged,
            "w_2d": w2, "loss_2d": L2, "grad_2d": g2,
        }
        blown = [name for name, r in (("1-D", regime1), ("2-D", regime2)) if r == "diverging"]
        if blown:
            self.show_message(
                f"lr = {lr:.3g} is too large: every step overshoots the bottom by more than the last,\n"
                f"so the loss grows instead of shrinking ({' and '.join(blown)} diverging).\n"
                "Move the lr slider to the left."
            )
        self.set_readout(self._readout_html())

    def _describe(self):
        st = self.state

        def at(w):
            return numbers(w) if len(w) > 1 else number(w[0])

        def run(path, regime, diverged):
            if diverged:
                return f"from {at(path[0])} and diverges"
            return f"from {at(path[0])} to {at(path[-1])} ({regime})"

        return (f"Gradient descent with lr = {st['lr']:.3g}, {st['steps']} steps. "
                f"On the {st['curve']} curve w goes {run(st['path_1d'], st['regime_1d'], st['diverged_1d'])}; "
                f"on the ravine (w1, w2) goes {run(st['path_2d'], st['regime_2d'], st['diverged_2d'])}")

    def _readout_html(self):
        st = self.state
        w2, g2 = st["w_2d"], st["grad_2d"]
        parts = [
            "<b>w<sub>new</sub> = w<sub>old</sub> &minus; η &middot; dL/dw</b>",
            f"lr (η) = {st['lr']:.3g}, {st['steps']} steps",
            "",
            f"<b>1-D: {st['regime_1d']}</b>",
            f"w = {_num(st['w_1d'])}",
            f"L(w) = {_num(st['loss_1d'])}",
            f"dL/dw = {_num(st['grad_1d'])}",
            "",
            f"<b>2-D: {st['regime_2d']}</b>",
            f"w = ({_num(w2[0])}, {_num(w2[1])})",
            f"L(w) = {_num(st['loss_2d'])}",
            f"gradient = ({_num(g2[0])}, {_num(g2[1])})",
        ]
        return "<div style='font-size:13px; line-height:1.4'>" + "<br>".join(parts) + "</div>"


@with_presets
def gradient_descent_explorer(lr=0.1, steps=20, curve="parabola", w_start=-2.5, w1_start=-2.5, w2_start=2.0,
                              canvas="auto"):
    """An explorer for gradient descent and its learning rate.

    Left: a loss curve L(w) with the path of ``steps`` updates w <- w - lr * dL/dw.
    Right: a 2-D loss surface (contours of a long, narrow valley) with the same rule
    applied to (w1, w2). At the current point (the star) the vermillion arrow is the
    gradient (uphill) and the black arrow the next step, -lr times the gradient:
    against the gradient, downhill. A gradient too long for the view is drawn dashed and
    shortened, never shorter than the step.

    On both losses the steepest curvature is 2, so a step multiplies the distance to
    the bottom along it by (1 - 2 lr): lr = 0.01 is crawling, 0.3 converging, 0.9
    zigzagging, above 1 diverging, which is shown as a message in the figure.

    Parameters
    ----------
    lr : float in [0.001, 3.16]
        Learning rate (η); the slider is on a log scale.
    steps : int in [0, 60]
    curve : {"parabola", "two valleys"}
        The 1-D loss; "two valleys" has a deeper valley on the left and a shallower one on
        the right, so where you end depends on where you start.
    w_start, w1_start, w2_start : float in [-2.8, 2.8]
        Start of the 1-D path and of the 2-D path.
    preset : {"crawling", "converging", "zigzagging", "diverging"}, optional
        The learning-rate regimes of notebook 03 (see :func:`helpers.widgets.presets`).
    canvas : {"auto", "ipympl", "image", "agg"}
        See :class:`helpers.widgets._base.Explorer`.

    Returns
    -------
    GradientDescentExplorer
        ``.controls`` (curve, lr, steps, w_start, w1_start, w2_start), ``.figure``,
        ``.state`` (path_1d, regime_1d, w_1d, loss_1d, grad_1d and the same for 2-D).

    Examples
    --------
    >>> explorer = gradient_descent_explorer(lr=0.25, steps=2, w_start=3.0 - 0.2, canvas="agg")
    >>> explorer.state["path_1d"][:, 0].round(3).tolist()
    [2.8, 1.9, 1.45]
    >>> explorer.set(lr=1.5, steps=30).state["regime_1d"]
    'diverging'
    """
    return GradientDescentExplorer(lr=lr, steps=steps, curve=curve, w_start=w_start, w1_start=w1_start,
                                   w2_start=w2_start, canvas=canvas)
