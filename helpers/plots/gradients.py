"""How large the gradient is at each layer of a deep network: bars on a log scale."""

import numpy as np

from . import _style
from ._style import get_ax

FLOOR = 1e-9  # the log axis starts here: a smaller gradient is drawn as a stub and flagged below its bar


def layer_names(n_layers):
    """Tick labels for ``n_layers`` weight matrices, input side first: v, then v(2), ..., w.

    >>> layer_names(3)
    ['1: v', '2', '3: w']
    """
    names = [str(k) for k in range(1, n_layers + 1)]
    names[0] += ": v"
    names[-1] += ": w"
    return names


class GradientBars:
    """The artists of :func:`plot_gradient_norms`, updatable in place.

    Attributes
    ----------
    bars : list of Rectangle, one per possible layer (unused ones hidden)
    start : Line2D, a short grey dash at each layer's size at the start of training
    below : Line2D, a marker under any bar whose size is below the axis (smaller than ``FLOOR``)
    dynamic : the artists :meth:`update` changes
    """

    def __init__(self, ax, max_layers, ylim):
        from matplotlib.patches import Rectangle

        self.ax, self.max_layers = ax, max_layers
        from matplotlib.ticker import LogLocator

        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(base=10, numticks=30))  # a tick and a grid line every power of 10
        ax.set_xlim(0.4, max_layers + 0.6)
        ax.set_ylim(*ylim)
        self.bars = []
        for k in range(1, max_layers + 1):
            bar = Rectangle((k - 0.32, FLOOR), 0.64, 0.0, facecolor=_style.DERIVATIVE, edgecolor=_style.INK,
                            linewidth=0.8, zorder=2)
            ax.add_patch(bar)
            self.bars.append(bar)
        self.start = ax.plot([], [], color=_style.MUTED, lw=3.0, solid_capstyle="butt", zorder=3,
                             label="at the start (epoch 0)")[0]
        self.below = ax.plot([], [], ls="none", marker="v", color=_style.INK, ms=7, zorder=4, clip_on=False)[0]
        ax.set_xticks(range(1, max_layers + 1))
        ax.set_xlabel("layer (1 = next to the input)")
        ax.set_ylabel("size of \u2202L/\u2202W (log scale)")
        ax.grid(axis="y", alpha=0.3, which="major")
        self.dynamic = [*self.bars, self.start, self.below]

    def update(self, norms, start=None):
        """Bars at ``norms`` (input side first); grey dashes at ``start`` (the same layers at epoch 0)."""
        norms = np.asarray(norms, dtype=float)
        if norms.ndim != 1 or not 1 <= norms.size <= self.max_layers:
            raise ValueError(f"norms must hold 1 to {self.max_layers} numbers; got shape {norms.shape}")
        for k, bar in enumerate(self.bars):
            bar.set_visible(k < norms.size)
            if k < norms.size:
                bar.set_height(max(norms[k], FLOOR) - FLOOR)
        low = self.ax.get_ylim()[0]
        tiny = [k + 1 for k, n in enumerate(norms) if n < low]
        self.below.set_data(tiny, [low] * len(tiny))
        if start is None:
            self.start.set_data([], [])
        else:
            xs, ys = [], []
            for k, n in enumerate(np.asarray(start, dtype=float), start=1):
                xs += [k - 0.42, k + 0.42, np.nan]
                ys += [max(n, low), max(n, low), np.nan]
            self.start.set_data(xs, ys)
        return self


def plot_gradient_norms(norms, start=None, ax=None, max_layers=None, ylim=(1e-7, 10.0)):
    """Bars of the gradient's size at each layer, input side first, on a log scale.

    Parameters
    ----------
    norms : sequence of float
        ``||dL/dW||`` of each weight matrix (e.g. ``np.linalg.norm`` of each entry of
        ``MLP.backward``), the input layer first.
    start : sequence of float, optional
        The same at the start of training, drawn as grey dashes.
    max_layers : int, optional
        Room for this many bars (default: as many as ``norms``).

    Returns
    -------
    GradientBars
    """
    norms = np.asarray(norms, dtype=float)
    bars = GradientBars(get_ax(ax), max_layers or norms.size, ylim)
    return bars.update(norms, start)
