"""Decision boundaries of a linear classifier: w0 + w1 x1 + w2 x2 = 0."""

import numpy as np

from .. import _validate as check
from . import _style


def _weights(w, name="w"):
    """A boundary's weights: (w0, w1, w2), the bias first."""
    w = check.as_array(w, name, ndim=1)
    if w.shape != (3,):
        raise ValueError(f"{name} must have 3 entries (bias w0 first, then w1, w2); got {len(w)}")
    return w


def _clip_halfplane(polygon, w):
    """Clip a convex polygon to the half-plane w0 + w1 x1 + w2 x2 >= 0 (Sutherland-Hodgman)."""
    out = []
    n = len(polygon)
    for i in range(n):
        p, q = polygon[i], polygon[(i + 1) % n]
        sp = w[0] + w[1] * p[0] + w[2] * p[1]
        sq = w[0] + w[1] * q[0] + w[2] * q[1]
        if sp >= 0:
            out.append(p)
        if (sp >= 0) != (sq >= 0):
            t = sp / (sp - sq)
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return np.array(out) if out else np.empty((0, 2))


def boundary_segment(w, xlim, ylim):
    """End points of the line w0 + w1 x1 + w2 x2 = 0 inside the box, or None if it misses it.

    >>> boundary_segment([-1.0, 1.0, 1.0], (0, 1), (0, 1)).round(6).tolist()
    [[0.0, 1.0], [1.0, 0.0]]
    """
    w = _weights(w)
    xlim, ylim = check.check_limits(xlim, "xlim"), check.check_limits(ylim, "ylim")
    if w[1] == 0 and w[2] == 0:
        return None
    box = [(xlim[0], ylim[0]), (xlim[1], ylim[0]), (xlim[1], ylim[1]), (xlim[0], ylim[1])]
    # The clipped polygon's vertices that lie on the line are the segment's end points.
    poly = _clip_halfplane(box, w)
    if len(poly) == 0:
        return None
    on_line = np.abs(w[0] + poly @ w[1:]) <= 1e-9 * (1 + np.abs(w).max())
    pts = np.unique(poly[on_line].round(12), axis=0)
    if len(pts) < 2:
        return None
    return pts[[0, -1]]


def default_limits(X):
    """The view :func:`plot_decision_boundary` picks for points ``X``: their range and a quarter more.

    >>> default_limits([[0, 0], [2, 1]])
    ((-0.5, 2.5), (-0.25, 1.25))
    """
    X = np.asarray(X, dtype=float)
    lo, hi = X.min(axis=0), X.max(axis=0)
    margin = 0.25 * np.maximum(hi - lo, 1.0)
    return (float(lo[0] - margin[0]), float(hi[0] + margin[0])), (float(lo[1] - margin[1]), float(hi[1] + margin[1]))


class DecisionBoundary:
    """The artists of :func:`plot_decision_boundary`, updatable in place.

    Attributes
    ----------
    ax : matplotlib Axes
    dynamic : list of the artists that change with the weights (for blitting).
    """

    def __init__(self, ax, w, X, y, activation, show_normal, show_errors):
        self.ax = check.check_ax(ax, optional=False)
        self.activation = check.check_choice(activation, "activation", ("sign", "step"))
        self.show_normal = check.check_bool(show_normal, "show_normal")
        self.show_errors = check.check_bool(show_errors, "show_errors")
        tints = _style.REGION_TINTS
        self.region_neg = ax.fill([], [], color=tints[0], zorder=0, lw=0)[0]
        self.region_pos = ax.fill([], [], color=tints[1], zorder=0, lw=0)[0]
        self.line = ax.plot([], [], color=_style.INK, lw=2, zorder=2, label="boundary s = 0")[0]
        from matplotlib.patches import FancyArrowPatch

        self.arrow = FancyArrowPatch((0, 0), (0, 0), arrowstyle="-|>", mutation_scale=14,
                                     color=_style.INK, lw=2, zorder=3)
        ax.add_patch(self.arrow)
        self.arrow_label = ax.text(0, 0, "w", color=_style.INK, fontsize=11,
                                   fontweight="bold", zorder=3)
        names = ("y = -1" if activation == "sign" else "y = 0", "y = +1" if activation == "sign" else "y = 1")
        self.points = [
            ax.scatter([], [], s=70, edgecolors=_style.INK, linewidths=0.8, zorder=4,
                       label=names[k], **_style.class_style(k))
            for k in (0, 1)
        ]
        self.errors = ax.scatter([], [], s=260, zorder=5, label="misclassified", **_style.MISTAKE_RING)
        self.dynamic = [self.region_neg, self.region_pos, self.line, self.arrow, self.arrow_label,
                        *self.points, self.errors]
        self.update(w, X, y)

    def update(self, w, X=None, y=None):
        """Move the boundary to weights ``w`` (and optionally show new points)."""
        w = _weights(w)
        if X is not None or y is not None:
            self.X, self.y = _points(X, y, allow_empty=True)  # an explorer's plane may be cleared
            positive = self.y > 0
            self.points[0].set_offsets(self.X[~positive].reshape(-1, 2))
            self.points[1].set_offsets(self.X[positive].reshape(-1, 2))
            # Big markers suit a four-point truth table; a few hundred birds need small ones.
            dot, ring = (70, 260) if len(self.y) <= 20 else (28, 110)
            for points in self.points:
                points.set_sizes([dot])
            self.errors.set_sizes([ring])
            self.errors.set_linewidths(2.0 if len(self.y) <= 20 else 1.3)
        xlim, ylim = self.ax.get_xlim(), self.ax.get_ylim()
        box = np.array([(xlim[0], ylim[0]), (xlim[1], ylim[0]), (xlim[1], ylim[1]), (xlim[0], ylim[1])])
        self.region_pos.set_xy(_clip_halfplane(box, w).reshape(-1, 2) if len(box) else box)
        self.region_neg.set_xy(_clip_halfplane(box, -w).reshape(-1, 2))
        segment = boundary_segment(w, xlim, ylim)
        self.line.set_data(*(segment.T if segment is not None else ([], [])))
        self._update_arrow(w, xlim, ylim, visible=self.show_normal and segment is not None)
        from .. import perceptron

        s = w[0] + self.X @ w[1:]
        s = np.where(perceptron._near_zero(s, w, self.X), 0.0, s)  # on the boundary up to rounding: s = 0
        wrong = (s >= 0) != (self.y > 0)  # f(0) = +1, as in the lecture
        self.errors.set_offsets(self.X[wrong].reshape(-1, 2) if self.show_errors else np.empty((0, 2)))
        return self

    def _update_arrow(self, w, xlim, ylim, visible):
        self.arrow.set_visible(visible)
        self.arrow_label.set_visible(visible)
        if not visible:
            return
        centre = np.array([np.mean(xlim), np.mean(ylim)])
        normal = w[1:]
        foot = centre - (w[0] + normal @ centre) / (normal @ normal) * normal
        length = 0.18 * min(xlim[1] - xlim[0], ylim[1] - ylim[0])
        tip = foot + length * normal / np.linalg.norm(normal)
        self.arrow.set_positions(tuple(foot), tuple(tip))
        self.arrow_label.set_position(tuple(tip + 0.25 * (tip - foot)))


def _points(X, y, allow_empty=False):
    """Checked points ``(n, 2)`` and their two-class labels, one per point."""
    X = check.as_array(X, "X", shape=(None, 2), allow_empty=allow_empty)
    y = check.labels_binary(y, "y", ndim=1, allow_empty=allow_empty)
    check.check_same_length(X, "X", y, "y")
    return X, y


def plot_decision_boundary(w, X, y, ax=None, activation="sign", xlim=None, ylim=None,
                           show_normal=True, show_errors=True, legend=True):
    """Draw points, the boundary w0 + w1 x1 + w2 x2 = 0, the shaded half-planes and the normal w.

    Parameters
    ----------
    w : (3,) array
        Bias w0, then w1, w2.
    X : (n, 2) array
        Inputs (no bias column).
    y : (n,) array
        Labels; values > 0 are the positive class (works for 0/1 and -1/+1).
    ax : matplotlib Axes, optional
        Defaults to the current axes.
    activation : {"sign", "step"}
        Only changes how the classes are named in the legend.
    xlim, ylim : (float, float), optional
        View box; defaults to the data's range with a margin.
    show_normal, show_errors : bool
        Draw the weight vector (normal to the boundary, pointing to the positive side) and
        ring the misclassified points.

    Returns
    -------
    DecisionBoundary
        Holds the artists; ``.update(w)`` moves them in place.
    """
    w = _weights(w)
    X, y = _points(X, y)
    auto_x, auto_y = default_limits(X)
    xlim = check.check_limits(xlim, "xlim") if xlim is not None else auto_x
    ylim = check.check_limits(ylim, "ylim") if ylim is not None else auto_y
    check.check_bool(legend, "legend")
    ax = _style.get_ax(check.check_ax(ax))
    ax.set_xlim(xlim)
    ax.set_ylim(ylim)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_aspect("equal", adjustable="box")
    artists = DecisionBoundary(ax, w, X, y, activation, show_normal, show_errors)
    if legend:
        # Outside the axes, so that it never hides a data point.
        ax.legend(handles=[*artists.points, artists.errors, artists.line], loc="upper left",
                  bbox_to_anchor=(1.02, 1.0), borderaxespad=0, fontsize=8, frameon=False,
                  markerscale=0.8)
    return artists
