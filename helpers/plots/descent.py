"""Gradient descent pictures: a loss curve or surface, a path on it, gradient arrows, batches."""

import numpy as np

from .. import _validate as check
from . import _style


def _losses(values, name, count):
    """What a loss function returned for ``count`` weights: ``count`` real numbers (inf allowed)."""
    values = check.as_array(values, f"the values {name} returned", finite=False)
    if values.size != count:
        raise ValueError(f"{name} must return one loss per weight ({count}); got {values.size} values")
    return values.reshape(-1)


def plot_loss_curve(fn, w=None, ax=None, **style):
    """Draw a 1-D loss L(w) over ``w`` (default 400 points on [-3, 3]).

    ``fn`` takes an (n, 1) array of weights and returns n losses, like the entries of
    :data:`helpers.optim.EXAMPLE_LOSSES`. Returns the Line2D.
    """
    check.check_callable(fn, "fn", "a loss function of an (n, 1) array of weights")
    w = np.linspace(-3.0, 3.0, 400) if w is None else check.as_array(w, "w", ndim=1)
    check.check_line_style(style)
    loss = _losses(fn(w[:, None]), "fn", len(w))
    ax = _style.get_ax(check.check_ax(ax))
    style = {"color": _style.MUTED, "lw": 2.0, "zorder": 1, **style}  # the landscape: grey
    line = ax.plot(w, loss, **style)[0]
    ax.set_xlabel("weight $w$")
    ax.set_ylabel("loss $L(w)$")
    return line


def loss_grid(fn, w1_range, w2_range, n=120):
    """Evaluate a 2-D loss on an n x n grid: returns (W1, W2, L), each (n, n)."""
    W1, W2 = np.meshgrid(np.linspace(*w1_range, n), np.linspace(*w2_range, n))
    return W1, W2, _losses(fn(np.stack([W1, W2], axis=-1)), "fn", W1.size).reshape(W1.shape)


def plot_loss_surface(fn, w1_range=(-3.0, 3.0), w2_range=(-3.0, 3.0), ax=None, levels=12, labels=("w_1", "w_2")):
    """Draw a 2-D loss L(w1, w2) as filled contours with contour lines ("a map of the valley").

    ``fn`` takes a (..., 2) array of weights and returns the loss for each. Levels are
    spaced by square root so the bottom of the valley keeps some rings. Returns the
    ContourSet of the lines.
    """
    check.check_callable(fn, "fn", "a loss function of a (..., 2) array of weights")
    w1_range, w2_range = check.check_limits(w1_range, "w1_range"), check.check_limits(w2_range, "w2_range")
    levels = check.check_int(levels, "levels", minimum=2)
    labels = check.check_texts(labels, "labels", 2)
    W1, W2, L = loss_grid(fn, w1_range, w2_range)
    if not np.isfinite(L).all():
        raise ValueError("fn must return finite losses over w1_range and w2_range; got inf")
    ax = _style.get_ax(check.check_ax(ax))
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
        check.check_ax(ax, optional=False)
        check.check_line_style({"color": color})
        self.line = ax.plot([], [], "-o", color=color, lw=1.2, ms=4, zorder=4, label="path")[0]
        self.start = ax.plot([], [], "s", color=_style.INK, mfc="white", mew=1.8, ms=7, zorder=5, label="start")[0]
        self.current = ax.plot([], [], zorder=6, label="current point", **_style.CURRENT_MARKER)[0]
        self.dynamic = [self.line, self.start, self.current]

    def update(self, x, y):
        # inf allowed: a diverging run's loss may overflow (matplotlib leaves it out)
        x, y = check.as_array(x, "x", ndim=1, finite=False), check.as_array(y, "y", ndim=1, finite=False)
        check.check_same_length(x, "x", y, "y")
        self.line.set_data(x, y)
        self.start.set_data(x[:1], y[:1])
        self.current.set_data(x[-1:], y[-1:])
        return self


def plot_descent_path(path, ax=None, fn=None):
    """Draw a path from :func:`helpers.optim.gradient_descent`.

    A (k, 1) path is drawn on a loss curve, at heights ``fn(path)`` (``fn`` required);
    a (k, 2) path is drawn in the (w1, w2) plane. Returns :class:`DescentPathArtists`.
    """
    path = check.as_array(path, "path", shape=(None, None), finite=False)
    if path.shape[1] not in (1, 2):
        raise ValueError(f"path must have shape (k, 1) or (k, 2) (from gradient_descent); got {path.shape}")
    if path.shape[1] == 1:
        if fn is None:
            raise ValueError("fn is needed to draw a 1-D path on its loss curve")
        check.check_callable(fn, "fn", "the loss function of the path")
        x, y = path[:, 0], _losses(fn(path), "fn", len(path))
    else:
        x, y = path[:, 0], path[:, 1]
    return DescentPathArtists(_style.get_ax(check.check_ax(ax))).update(x, y)


class Arrow:
    """An arrow from a point along a vector, movable in place; hidden when it has no length.

    ``origin`` and ``vector`` hold what was last drawn.
    """

    def __init__(self, ax, color, label=None, lw=2.2):
        from matplotlib.patches import FancyArrowPatch

        check.check_ax(ax, optional=False)
        check.check_line_style({"color": color, "label": label, "lw": lw})

        self.patch = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", mutation_scale=16, color=color,
                                     lw=lw, zorder=7, shrinkA=0, shrinkB=0)
        ax.add_patch(self.patch)
        self.patch.set_label(label)
        self.dynamic = [self.patch]

    def update(self, origin, vector, visible=True, dashed=False):
        """Draw from ``origin`` along ``vector``; ``dashed`` marks an arrow drawn shorter than it is."""
        origin = check.as_array(origin, "origin", shape=(2,))
        visible, dashed = check.check_bool(visible, "visible"), check.check_bool(dashed, "dashed")
        # a vector that is not finite (a diverging step) is hidden, not refused
        vector = check.as_array(vector, "vector", shape=(2,), finite=False, allow_nan=True)
        self.origin, self.vector = origin, vector
        visible = bool(visible and np.all(np.isfinite(vector)) and np.linalg.norm(vector) > 1e-9)
        for artist in self.dynamic:
            artist.set_visible(visible)
        if visible:
            self.patch.set_positions(tuple(origin), tuple(origin + vector))
            self.patch.set_linestyle("--" if dashed else "-")
        return self


def _batches(batches, n):
    """Lists of point indices, each in 0..n-1 (what :func:`helpers.optim.minibatches` yields)."""
    if batches is None or isinstance(batches, (str, bytes)) or not hasattr(batches, "__iter__"):
        raise TypeError(f"batches must be a list of index arrays; got {check._given(batches)}")
    checked = [check.indices(idx, n, f"batches[{k}]", ndim=1) for k, idx in enumerate(batches)]
    if not checked:
        raise ValueError("batches must hold at least one batch; got none")
    return checked


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
    X = check.as_array(X, "X", ndim=(1, 2))
    if X.ndim == 2 and X.shape[1] != 1:
        raise ValueError(f"X must have shape (n,) or (n, 1) (one input per point); got {X.shape}")
    x = X.reshape(-1)
    y = check.as_array(y, "y", ndim=1)
    check.check_same_length(x, "X", y, "y")
    batches = _batches(batches, len(x))
    ax = _style.get_ax(check.check_ax(ax))
    out = []
    for k, idx in enumerate(batches):
        style = _style.series_style(k)
        out.append(ax.scatter(x[idx], y[idx], s=50, marker=style["marker"], c=style["mfc"], edgecolors=style["color"],
                              linewidths=1.2, zorder=3, label=f"batch {k + 1}"))
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    return out
