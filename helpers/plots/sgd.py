"""Pictures of a perceptron's training run: a boundary as a plain line, mistakes per epoch."""

import numpy as np

from .. import losses
from . import _style
from .boundary import boundary_segment


class BoundaryLine:
    """A line w0 + w1 x1 + w2 x2 = 0 clipped to the axes; ``.update(w)`` moves it."""

    def __init__(self, ax, w, **style):
        self.ax = ax
        self.line = ax.plot([], [], **style)[0]
        self.dynamic = [self.line]
        self.update(w)

    def update(self, w):
        segment = boundary_segment(w, self.ax.get_xlim(), self.ax.get_ylim())
        self.line.set_data(*(segment.T if segment is not None else ([], [])))
        return self


def plot_boundary_line(w, ax=None, color=_style.GREY, lw=1.5, ls="--", alpha=0.8, label=None, zorder=2):
    """Draw only the boundary line of weights ``w`` (no shading), e.g. an earlier boundary.

    Set the axes limits first: the line is clipped to them.

    Returns
    -------
    BoundaryLine
        ``.line`` is the Line2D; ``.update(w)`` moves it.
    """
    ax = _style.get_ax(ax)
    return BoundaryLine(ax, w, color=color, lw=lw, ls=ls, alpha=alpha, label=label, zorder=zorder)


class MistakesChart:
    """Bars of mistakes per epoch, with an optional outlined epoch; updatable in place.

    Only the outline changes from step to step, so ``dynamic`` holds just that; after
    :meth:`update` (new bars, new y limits) the whole figure needs a full redraw.
    """

    def __init__(self, ax, counts, max_epochs):
        self.ax = ax
        self.max_epochs = max_epochs
        self.bars = ax.bar(np.arange(1, max_epochs + 1), np.zeros(max_epochs), width=0.8,
                           color=_style.SKY, edgecolor=_style.BLUE, lw=0.6, zorder=2)
        self.current = ax.axvspan(0.5, 1.5, ymax=0.72, fill=False, edgecolor=_style.VERMILLION, lw=2, zorder=3)
        self.done = ax.text(0.98, 0.95, "", transform=ax.transAxes, ha="right", va="top",
                            fontsize=9, color=_style.BLACK)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlabel("epoch")
        ax.set_ylabel("mistakes (updates)")
        self.zero_labels = []
        self.dynamic = [self.current]
        self.update(counts)

    def update(self, counts, converged=None):
        """Show ``counts`` (one per epoch run; later epochs stay empty)."""
        counts = np.asarray(counts, dtype=float)
        for k, bar in enumerate(self.bars):
            bar.set_height(counts[k] if k < len(counts) else 0.0)
        self.ax.set_ylim(0, max(4.0, counts.max(initial=0)) * 1.4)  # headroom for the note
        # A zero bar is invisible, yet it is the point of the chart: label it.
        for label in self.zero_labels:
            label.remove()
        self.zero_labels = [self.ax.text(k + 1, 0.05, "0", ha="center", va="bottom", fontsize=9, fontweight="bold",
                                         color=_style.BLUE)
                            for k in np.flatnonzero(counts[:self.max_epochs] == 0)]
        # Show at least 5 epochs so that a short run's bars are not slivers.
        self.ax.set_xlim(0.4, min(self.max_epochs, max(len(counts), 5)) + 0.6)
        if converged is None:
            self.done.set_text("")
        else:
            self.done.set_text(f"converged after {len(counts)} epochs" if converged
                               else f"not converged in {len(counts)} epochs")
        return self

    def mark(self, epoch):
        """Outline the column of ``epoch`` (1-based); None hides the outline."""
        self.current.set_visible(epoch is not None)
        if epoch is not None:
            self.current.set_x(epoch - 0.5)
        return self


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
        ``.update(counts)`` redraws the bars, ``.mark(epoch)`` outlines one epoch.
    """
    ax = _style.get_ax(ax, figsize=(4.2, 2.8))
    counts = np.asarray(counts)
    chart = MistakesChart(ax, counts, max_epochs or max(len(counts), 1))
    chart.update(counts, converged)
    chart.mark(None)
    return chart


def plot_perceptron_loss(ax=None, s_range=(-2.0, 2.0)):
    """Draw L(s, y) = max(0, -y s) against s for y = +1 and y = -1, the kink at s = 0 marked.

    Returns the Axes.
    """
    ax = _style.get_ax(ax, figsize=(5.0, 3.0))
    s = np.linspace(*s_range, 201)
    for k, y in ((1, +1), (0, -1)):
        style = _style.class_style(k)
        ax.plot(s, losses.perceptron_loss(s, np.full_like(s, y)), color=style["color"], lw=2.2,
                ls="-" if y > 0 else "--", label=f"y = {y:+d}: L = max(0, {'-' if y > 0 else ''}s)")
    ax.axvline(0, color=_style.GREY, lw=0.8, zorder=0)
    ax.plot([0], [0], "o", color=_style.BLACK, ms=6, zorder=3)
    ax.annotate("kink at s = 0", (0, 0), xytext=(-1.9, 0.45), fontsize=9,
                arrowprops={"arrowstyle": "->", "color": _style.BLACK})
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
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    ax = _style.get_ax(ax)
    lo, hi = X.min(axis=0) - 0.5, X.max(axis=0) + 0.5
    ax.set_xlim(xlim if xlim is not None else (lo[0], hi[0]))
    ax.set_ylim(ylim if ylim is not None else (lo[1], hi[1]))
    ax.set_aspect("equal", adjustable="box")
    colours = (_style.BLACK, _style.VERMILLION, _style.GREEN, _style.PINK, _style.SKY, _style.GREY)
    dashes = ("-", "--", "-.", ":", (0, (5, 1, 1, 1)), (0, (1, 1)))
    labels = list(labels) if labels is not None else [None] * len(ws)
    for k, (w, label) in enumerate(zip(ws, labels)):
        plot_boundary_line(w, ax=ax, color=colours[k % len(colours)], ls=dashes[k % len(dashes)],
                           lw=2, alpha=1.0, label=label)
    for k, positive in ((0, False), (1, True)):
        ax.scatter(*X[(y > 0) == positive].T, s=70, edgecolors=_style.BLACK, linewidths=0.8, zorder=4,
                   label=f"y = {'+1' if positive else '-1'}", **_style.class_style(k))
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.legend(fontsize=7.5, loc="upper left", bbox_to_anchor=(1.02, 1.0), frameon=False)
    return ax
