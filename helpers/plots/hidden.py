"""The plane as a hidden layer sees it: points and grid lines carried from x to u = g(r).

A network with one hidden layer first moves every input x to its hidden activations
u(x) = g(x v) and then draws one straight boundary there. :func:`morph` slides the
plane from one to the other in a straight line, so a picture at t between 0 and 1 shows
the grid lines of the input plane bending on their way.
"""

import numpy as np

from . import _style
from ._style import get_ax

# Line styles of hidden units 1, 2, 3, 4 (boundaries r_j = 0): black, told apart by dashes.
UNIT_DASHES = ((0, (5.0, 2.0)), (0, (1.0, 1.5)), (0, (6.0, 1.5, 1.0, 1.5)), (0, (2.5, 2.5)))


def unit_style(j):
    """Colour, width and dash of hidden unit ``j``'s line (j = 1, 2, ...)."""
    return {"color": _style.INK, "lw": 1.6, "ls": UNIT_DASHES[(int(j) - 1) % len(UNIT_DASHES)]}


def morph(points, hidden, t):
    """Where the plane's points sit at ``t``: ``(1 - t) * points + t * hidden``.

    A straight-line interpolation from the input coordinates (t = 0) to the hidden ones
    (t = 1). NaN rows (the gaps between grid lines) stay NaN.

    >>> morph([[0.0, 2.0]], [[1.0, 0.0]], 0.25).tolist()
    [[0.25, 1.5]]
    """
    points = np.asarray(points, dtype=float)
    return (1.0 - t) * points + t * np.asarray(hidden, dtype=float)


def grid_lines(xlim, ylim, lines=9, samples=41):
    """Points along ``lines`` vertical and ``lines`` horizontal lines of the box, NaN between lines.

    Returns an ``(2 * lines * (samples + 1), 2)`` array: each line's ``samples`` points
    followed by a NaN row, ready for one ``Line2D`` (or to be carried by :func:`morph`).

    >>> grid_lines((0, 1), (0, 1), lines=2, samples=2).tolist()[:3]
    [[0.0, 0.0], [0.0, 1.0], [nan, nan]]
    """
    xs, ys = np.linspace(*xlim, lines), np.linspace(*ylim, lines)
    along_y, along_x = np.linspace(*ylim, samples), np.linspace(*xlim, samples)
    pieces = []
    for x in xs:
        pieces += [np.column_stack([np.full(samples, x), along_y]), np.full((1, 2), np.nan)]
    for y in ys:
        pieces += [np.column_stack([along_x, np.full(samples, y)]), np.full((1, 2), np.nan)]
    return np.vstack(pieces)


def level_curve(xs, ys, values, level=0.0):
    """The curve ``values == level`` of a grid of values, as points with NaN between pieces.

    ``values`` has shape ``(len(ys), len(xs))`` (rows along y, as :func:`grid_points`
    orders them). Returns an ``(m, 2)`` array, empty when the level is not reached.
    """
    import contourpy

    generator = contourpy.contour_generator(np.asarray(xs, float), np.asarray(ys, float),
                                            np.asarray(values, float), line_type="Separate")
    pieces = []
    for piece in generator.lines(level):
        pieces += [piece, np.full((1, 2), np.nan)]
    return np.vstack(pieces) if pieces else np.empty((0, 2))


def line_through_box(w, xlim, ylim, samples=60):
    """Points along the line ``w0 + w1 x1 + w2 x2 = 0`` inside the box (empty if it misses it)."""
    from .boundary import boundary_segment

    ends = boundary_segment(w, xlim, ylim)
    if ends is None:
        return np.empty((0, 2))
    share = np.linspace(0.0, 1.0, samples)[:, None]
    return ends[0] + share * (ends[1] - ends[0])
