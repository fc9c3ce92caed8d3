"""Gradient descent pictures: a loss curve or surface, a path on it, gradient arrows, batches."""

import numpy as np

from . import _style


def plot_loss_curve(fn, w=None, ax=None, **style):
    """Draw a 1-D loss L(w) over ``w`` (default 400 points on [-3, 3]).

    ``fn`` takes an (n, 1) array of weights and returns n losses, like the entries of
    :data:`helpers.optim.EXAMPLE_LOSSES`. Returns the Line2D.
    """
    ax = _style.get_ax(ax)
    w = np.linspace(-3.0, 3.0, 400) if w is None else np.asarray(w, dtype=float)
    style = {"color": _style.MUTED, "lw": 2.0, "zorder": 1, **style}  # the landscape: grey
    line = ax.plot(w, fn(w[:, None]), **style)[0]
    ax.set_xlabel("weight $w$")
    ax.set_ylabel("loss $L(w)$")
    return line


def loss_grid(fn, w1_range, w2_range, n=120):
    """Evaluate a 2-D loss on an n x n grid: returns (W1, W2, L), each (n, n)."""
    W1, W2 = np.meshgrid(np.linspace(*w1_range, n), np.linspace(*w2_range, n))
    return W1, W2, np.asarray(fn(np.stack([W1, W2], axis=-1)), dtype=float)


def plot_loss_surface(fn, w1_range=(-3.0, 3.0), w2_range=(-3.0, 3.0), ax=None, levels=12, labels=("w_1", "w_2")):
    """Draw a 2-D loss L(w1, w2) as filled contours with contour lines ("a map of the valley").

    ``fn`` takes a (..., 2) array of weights and returns the loss for each. Levels are
    spaced by square root so the bottom of the valley keeps some rings. Returns the
    ContourSet of the lines.
    """
    ax = _style.get_ax(ax)
    W1, W2, L = loss_grid(fn, w1_range, w2_range)
    lo, hi = float(L.min()), float(L.max())
    levels = lo + (hi - lo) * np.linspace(0.0, 1.0, levels) ** 2
    ax.contourf(W1, W2, L, levels=levels, cmap=_style.LANDSCAPE_CMAP, alpha=0.45, zorder=0)
    lines = ax.contour(W1, W2, L, levels=levels, colors=_style.GREY, linewidths=0.7, zorder=1)
    ax.set_xlim(w1_range)
    ax.set_ylim(w2_range)
    ax.set_xlabel(f"${labels[0]}$")
    ax.set_ylabel(f"${labels[1]}$")
    return lines


class DescentPathArtists:
    """A descent path drawn as connected dots, with its start and current point marked.

    ``update(x, y)`` takes the path's coordinates in the axes: (w, L(w)) on a loss
    curve, (w1, w2) on a loss surface.
    """

    def __init__(self, ax, color=_style.INK):
        self.line = ax.plot([], [], "-o", color=color, lw=1.2, ms=4, zorder=4, label="path")[0]
        self.start = ax.plot([], [], "s", color=_style.INK, mfc="white", mew=1.8, ms=7, zorder=5, label="start")[0]
        self.current = ax.plot([], [], zorder=6, label="current point", **_style.CURRENT_MARKER)[0]
        self.dynamic = [self.line, self.start, self.current]

    def update(self, x, y):
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self.line.set_data(x, y)
        self.start.set_data(x[:1], y[:1])
        self.current.set_data(x[-1:], y[-1:])
        return self


def plot_descent_path(path, ax=None, fn=None):
    """Draw a path from :func:`helpers.optim.gradient_descent`.

    A (k, 1) path is drawn on a loss curve, at heights ``fn(path)`` (``fn`` required);
    a (k, 2) path is drawn in the (w1, w2) plane. Returns :class:`DescentPathArtists`.
    """
    path = np.asarray(path, dtype=float)
    artists = DescentPathArtists(_style.get_ax(ax))
    if path.shape[1] == 1:
        if fn is None:
            raise ValueError("fn is needed to draw a 1-D path on its loss curve")
        return artists.update(path[:, 0], fn(path))
    return artists.update(path[:, 0], path[:, 1])


class Arrow:
    """An arrow from a point along a vector, movable in place; hidden when it has no length.

    ``origin`` and ``vector`` hold what was last drawn.
    """

    def __init__(self, ax, color, label=None, lw=2.2):
        from matplotlib.patches import FancyArrowPatch

        self.patch = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", mutation_scale=16, color=color,
                                     lw=lw, zorder=7, shrinkA=0, shrinkB=0)
        ax.add_patch(self.patch)
        self.patch.set_label(label)
        self.dynamic = [self.patch]

    def update(self, origin, vector, visible=True, dashed=False):
        """Draw from ``origin`` along ``vector``; ``dashed`` marks an arrow drawn shorter than it is."""
        origin, vector = np.asarray(origin, dtype=float), np.asarray(vector, dtype=float)
        self.origin, self.vector = origin, vector
        visible = bool(visible and np.all(np.isfinite(vector)) and np.linalg.norm(vector) > 1e-9)
        for artist in self.dynamic:
            artist.set_visible(visible)
        if visible:
            self.patch.set_positions(tuple(origin), tuple(origin + vector))
            self.patch.set_linestyle("--" if dashed else "-")
        return self


def plot_batches(X, y, batches, ax=None):
    """Scatter the points (x, y) of a 1-D regression problem, one marker and fill per batch.

    Batches are not classes, so they are told apart by :data:`_style.SERIES_STYLES`
    (black and grey, different markers), never by the class colours.

    Parameters
    ----------
    X : (n,) or (n, 1) ndarray
    y : (n,) ndarray
    batches : list of index arrays, from :func:`helpers.optim.minibatches`

    Returns the list of PathCollections, one per batch.
    """
    ax = _style.get_ax(ax)
    x = np.asarray(X, dtype=float).reshape(-1)
    y = np.asarray(y, dtype=float)
    out = []
    for k, idx in enumerate(batches):
        style = _style.series_style(k)
        out.append(ax.scatter(x[idx], y[idx], s=50, marker=style["marker"], c=style["mfc"], edgecolors=style["color"],
                              linewidths=1.2, zorder=3, label=f"batch {k + 1}"))
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    return out
