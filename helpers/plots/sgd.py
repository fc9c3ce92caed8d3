"""Pictures of a perceptron's training run: a boundary as a plain line, mistakes per epoch."""

import numpy as np

from .. import _validate as check
from .. import losses
from . import _style
from .boundary import _weights, boundary_segment


class BoundaryLine:
    """A line w0 + w1 x1 + w2 x2 = 0 clipped to the axes; ``.update(w)`` moves it."""

    def __init__(self, ax, w, **style):
        self.ax = check.check_ax(ax, optional=False)
        check.check_line_style(style)
        self.line = ax.plot([], [], **style)[0]
        self.dynamic = [self.line]
        self.update(w)

    def update(self, w):
        segment = boundary_segment(w, self.ax.get_xlim(), self.ax.get_ylim())
        self.line.set_data(*(segment.T if segment is not None else ([], [])))
        return self


def plot_boundary_line(w, ax=None, color=_style.MUTED, lw=1.5, ls="--", alpha=0.8, label=None, zorder=2):
    """Draw only the boundary line of weights ``w`` (no shading), e.g. an earlier boundary.

    Set the axes limits first: the line is clipped to them.

    Returns
    -------
    BoundaryLine
        ``.line`` is the Line2D; ``.update(w)`` moves it.
    """
    w = _weights(w)
    check.check_line_style({"color": color, "lw": lw, "ls": ls, "alpha": alpha, "label": label, "zorder": zorder})
    ax = _style.get_ax(check.check_ax(ax))
    return BoundaryLine(ax, w, color=color, lw=lw, ls=ls, alpha=alpha, label=label, zorder=zorder)


class MistakesChart:
    """Bars of mistakes per epoch, with an optional highlighted epoch; updatable in place.

    What a new run changes (bar heights, the "0" over an empty epoch, the note on
    convergence) is in ``layer``; the highlighted epoch, which moves with every step, is
    in ``dynamic``. Only new axis limits (see :meth:`update`) change the static part.
    """

    def __init__(self, ax, counts, max_epochs):
        from matplotlib.collections import PolyCollection
        from matplotlib.patches import Rectangle
        from matplotlib.ticker import MaxNLocator

        self.ax = check.check_ax(ax, optional=False)
        self.max_epochs = max_epochs = check.check_int(max_epochs, "max_epochs", minimum=1)
        # One collection, not a patch per bar: a new run redraws up to 30 bars in one call.
        self.bars = PolyCollection([], facecolors=_style.MUTED, edgecolors=_style.INK, linewidths=0.6, zorder=2)
        ax.add_collection(self.bars)
        self.heights = np.zeros(max_epochs)
        # The current epoch: a column as tall as the axes (so it cannot pass for a bar),
        # lightly filled in the colour of "where you are now".
        self.current = Rectangle((0.5, 0.0), 1.0, 1.0, transform=ax.get_xaxis_transform(), zorder=3,
                                 facecolor=_style.CURRENT, alpha=0.35, edgecolor=_style.INK, lw=1.2)
        ax.add_patch(self.current)
        self.done = ax.text(0.98, 0.95, "", transform=ax.transAxes, ha="right", va="top", fontsize=9,
                            color=_style.INK, zorder=2.6)  # under the highlighted epoch, which is drawn on top
        # A zero bar is invisible, yet it is the point of the chart: each epoch has a "0" ready.
        self.zero_labels = [ax.text(k + 1, 0.05, "0", ha="center", va="bottom", fontsize=9, fontweight="bold",
                                    color=_style.INK, visible=False) for k in range(max_epochs)]
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("epoch")
        ax.set_ylabel("mistakes (updates)")
        self.layer = [self.bars, self.done, *self.zero_labels]
        self.dynamic = [self.current]
        self.update(counts)

    def limits_for(self, counts):
        """Default view of ``counts``: at least 5 epochs (short runs' bars are no slivers), headroom for the note."""
        counts = _counts(counts)
        return min(self.max_epochs, max(len(counts), 5)), max(4.0, counts.max(initial=0)) * 1.4

    def update(self, counts, converged=None, limits=None):
        """Show ``counts`` (one per epoch run; later epochs stay empty).

        ``limits`` is ``(epochs shown, top of the y axis)``, by default :meth:`limits_for`
        ``(counts)``. Returns True when the limits changed (the static part needs redrawing).
        """
        counts = _counts(counts)
        if converged is not None:
            check.check_bool(converged, "converged")
        if limits is not None:
            limits = _limits(limits)
        shown = counts[:self.max_epochs]
        self.heights = np.concatenate([shown, np.zeros(self.max_epochs - len(shown))])
        # a bar 0.8 wide per epoch run; epochs not run have none
        self.bars.set_verts([[(k + 0.6, 0.0), (k + 0.6, h), (k + 1.4, h), (k + 1.4, 0.0)]
                             for k, h in enumerate(shown)])
        for k, zero in enumerate(self.zero_labels):
            zero.set_visible(k < len(shown) and shown[k] == 0)
        epochs, top = limits if limits is not None else self.limits_for(counts)
        new = ((0.4, epochs + 0.6), (0.0, top))
        changed = new != (tuple(self.ax.get_xlim()), tuple(self.ax.get_ylim()))
        if changed:
            self.ax.set_xlim(*new[0])
            self.ax.set_ylim(*new[1])
        if converged is None:
            self.done.set_text("")
        else:
            self.done.set_text(f"converged after {len(counts)} epochs" if converged
                               else f"not converged in {len(counts)} epochs")
        return changed

    def mark(self, epoch):
        """Highlight the column of ``epoch`` (1-based); None hides it."""
        if epoch is not None:
            epoch = check.check_int(epoch, "epoch", minimum=1)
        self.current.set_visible(epoch is not None)
        if epoch is not None:
            self.current.set_x(epoch - 0.5)
        return self


def _counts(counts):
    """Mistakes per epoch: whole numbers >= 0, one per epoch run (none yet is allowed)."""
    counts = check.as_array(counts, "counts", ndim=1, allow_empty=True)
    bad = (counts < 0) | (counts != np.round(counts))
    if bad.any():
        raise ValueError(f"counts must hold whole numbers >= 0 (mistakes per epoch); got {counts[bad][0]:g}"
                         f"{check._where(bad)}")
    return counts


def _limits(limits):
    if limits is None or isinstance(limits, (str, bytes)) or not hasattr(limits, "__len__") or len(limits) != 2:
        raise TypeError(f"limits must be (epochs shown, top of the y axis); got {check._given(limits)}")
    return check.check_int(limits[0], "limits", minimum=1), check.check_positive(limits[1], "limits")


def plot_mistakes_per_epoch(counts, ax=None, max_epochs=None, converged=None):
    """Bar chart of mistakes (weight updates) in each epoch: training has converged at a zero bar.

    Parameters
    ----------
    counts : (epochs_run,) array of int
        E.g. ``steps.mistakes_per_epoch()`` from :func:`helpers.perceptron.sgd`.
    ax : matplotlib Axes, optional
    max_epochs : int, optional
        Width of the x axis (default: len(counts)), so runs of different length compare.
    converged : bool, optional
        When given, a note says whether the run converged.

    Returns
    -------
    MistakesChart
        ``.heights`` are the bars' heights (0 past the epochs run), ``.update(counts)``
        shows new counts, ``.mark(epoch)`` highlights one epoch.
    """
    counts = _counts(counts)
    if max_epochs is not None:
        max_epochs = check.check_int(max_epochs, "max_epochs", minimum=1)
    if converged is not None:
        check.check_bool(converged, "converged")
    ax = _style.get_ax(check.check_ax(ax), figsize=(4.2, 2.8))
    chart = MistakesChart(ax, counts, max_epochs or max(len(counts), 1))
    chart.update(counts, converged)
    chart.mark(None)
    return chart


def plot_perceptron_loss(ax=None, s_range=(-2.0, 2.0)):
    """Draw L(s, y) = max(0, -y s) against s for y = +1 and y = -1, the kink at s = 0 marked.

    Returns the Axes.
    """
    s_range = check.check_limits(s_range, "s_range")
    ax = _style.get_ax(check.check_ax(ax), figsize=(5.0, 3.0))
    s = np.linspace(*s_range, 201)
    for k, y in ((1, +1), (0, -1)):
        style = _style.class_style(k)
        ax.plot(s, losses.perceptron_loss(s, np.full_like(s, y)), color=style["color"], lw=2.2,
                ls="-" if y > 0 else "--", label=f"y = {y:+d}: L = max(0, {'-' if y > 0 else ''}s)")
    ax.axvline(0, color=_style.GREY, lw=0.8, zorder=0)
    ax.plot([0], [0], "o", color=_style.INK, ms=6, zorder=3)
    ax.annotate("kink at s = 0", (0, 0), xytext=(-1.9, 0.45), fontsize=9,
                arrowprops={"arrowstyle": "->", "color": _style.INK})
    ax.set_xlabel("weighted sum $s$")
    ax.set_ylabel("loss $L(s, y)$")
    ax.set_title("Zero on the correct side, growing on the wrong side", fontsize=10)
    ax.legend(fontsize=8, loc="upper center")
    return ax


def plot_boundaries(ws, X, y, labels=None, ax=None, xlim=None, ylim=None):
    """Draw the points and several boundaries w0 + w1 x1 + w2 x2 = 0, one line style each.

    Parameters
    ----------
    ws : sequence of (3,) arrays
        Weights of each boundary (bias w0 first).
    X : (n, 2) array
    y : (n,) array
        Labels; values > 0 are the positive class.
    labels : sequence of str, optional
        Legend entry of each boundary.
    ax : matplotlib Axes, optional
    xlim, ylim : (float, float), optional
        View box; defaults to the data's range with a margin.

    Returns the Axes.
    """
    from .boundary import _points

    X, y = _points(X, y)
    if ws is None or isinstance(ws, (str, bytes)) or not hasattr(ws, "__len__"):
        raise TypeError(f"ws must be a list of weight vectors (w0, w1, w2); got {check._given(ws)}")
    ws = [_weights(w, f"ws[{k}]") for k, w in enumerate(ws)]
    if not ws:
        raise ValueError("ws must hold at least one weight vector; got none")
    labels = check.check_texts(labels, "labels", len(ws)) if labels is not None else [None] * len(ws)
    lo, hi = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
    xlim = check.check_limits(xlim, "xlim") if xlim is not None else (lo[0], hi[0])
    ylim = check.check_limits(ylim, "ylim") if ylim is not None else (lo[1], hi[1])
    ax = _style.get_ax(check.check_ax(ax))
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_aspect("equal", adjustable="box")
    for k, (w, label) in enumerate(zip(ws, labels)):
        style = _style.series_style(k)  # runs are not classes: black and grey, told apart by dashes
        plot_boundary_line(w, ax=ax, color=style["color"], ls=style["ls"], lw=2, alpha=1.0, label=label)
    for k, positive in ((0, False), (1, True)):
        ax.scatter(*X[(y > 0) == positive].T, s=70, edgecolors=_style.INK, linewidths=0.8, zorder=4,
                   label=f"y = {'+1' if positive else '-1'}", **_style.class_style(k))
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend(fontsize=7.5, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
    return ax
