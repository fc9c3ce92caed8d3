"""Shared look: one meaning per colour and marker, the same in every figure of the collection.

The palette is Okabe & Ito's, distinguishable with the common colour-vision
deficiencies; wherever a colour carries meaning, a marker shape or a line style
carries it too. Each colour has one job:

=============  ==========================================================================
BLUE, circle   class 0 (y = -1 for the perceptron, class B)
ORANGE, tri.   class 1 (y = +1, class A)
SKY, square    class 2 (a third class: the third penguin species, the third softmax bar)
GREEN, solid   a positive weight (or a positive dL/dw on a weight); width grows with |w|
PINK, dashed   a negative weight (or a negative dL/dw); width grows with |w|
VERMILLION     a derivative: a slope or tangent, f'(s), a gradient arrow (uphill), the
               local derivatives and dz/d(node) of the chain rule
YELLOW star    where you are now: the current point of a curve or a descent path
BLACK          what is being computed: a function's curve, the boundary s = 0, a descent
               path and its next step, outlines (misclassified ring, current sample,
               current epoch), text
GREY           background and reference: a loss landscape, an earlier boundary, bias
               nodes, contour lines, counts that are not classes
=============  ==========================================================================

Several things that are *not* classes (runs, batches, guesses) are told apart by
:data:`SERIES_STYLES`: black and grey with different markers and dashes, never class
colours.
"""

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
BLUE = "#0072B2"
ORANGE = "#E69F00"
GREEN = "#009E73"
PINK = "#CC79A7"
SKY = "#56B4E9"
VERMILLION = "#D55E00"
YELLOW = "#F0E442"
BLACK = "#000000"
GREY = "#7F7F7F"
WHITE = "#FFFFFF"

# ----- meanings (use these names, not the colours above) ------------------------------
CLASS_COLORS = (BLUE, ORANGE, SKY)
POSITIVE = GREEN          # a positive weight: solid line
NEGATIVE = PINK           # a negative weight: dashed line
POSITIVE_STYLE = "solid"
NEGATIVE_STYLE = (0, (4.0, 2.0))  # dashes, in multiples of the line width
DERIVATIVE = VERMILLION   # slopes, tangents, gradients, local derivatives
CURRENT = YELLOW          # face of the star that marks the current point
INK = BLACK               # curves, boundaries, paths, outlines, text
MUTED = GREY              # landscapes, earlier states, reference lines
MISTAKE_EDGE = BLACK      # the ring around a misclassified point

# The current point: a yellow star with a black edge (visible on white and on dark shading).
CURRENT_MARKER = {"marker": "*", "color": CURRENT, "mec": BLACK, "mew": 1.0, "ms": 15, "ls": "none"}
# Misclassified points: a black ring, wider than the point it surrounds.
MISTAKE_RING = {"facecolors": "none", "edgecolors": MISTAKE_EDGE, "linewidths": 2.0}

# Class k is drawn with CLASS_STYLES[k]: colour AND marker differ, never colour alone.
CLASS_STYLES = (
    {"color": BLUE, "marker": "o"},
    {"color": ORANGE, "marker": "^"},
    {"color": SKY, "marker": "s"},
)

# Light tints of the class colours, for shading predicted regions.
REGION_TINTS = ("#CCE3F0", "#FAEBC7", "#E4F3FC")

# Several runs, batches or guesses (not classes): black and grey, marker and dash differ.
SERIES_STYLES = (
    {"color": BLACK, "marker": "o", "ls": "-", "mfc": BLACK},
    {"color": GREY, "marker": "s", "ls": "--", "mfc": WHITE},
    {"color": BLACK, "marker": "D", "ls": ":", "mfc": WHITE},
    {"color": GREY, "marker": "v", "ls": "-.", "mfc": GREY},
    {"color": BLACK, "marker": "P", "ls": (0, (5, 1, 1, 1)), "mfc": GREY},
    {"color": GREY, "marker": "X", "ls": (0, (1, 1)), "mfc": BLACK},
)

# Counts (confusion matrices, activations) and landscapes (loss surfaces) are grey, so that
# blue and orange keep meaning classes: more is darker; on a loss surface, lower is darker.
SEQUENTIAL_CMAP = "Greys"
LANDSCAPE_CMAP = "Greys_r"


def weight_cmap():
    """Pink (negative) through white (zero) to green (positive): for weight matrices."""
    from matplotlib.colors import LinearSegmentedColormap

    return LinearSegmentedColormap.from_list("weights", [NEGATIVE, WHITE, POSITIVE])


def class_style(k):
    """Colour and marker of class ``k`` (there are three: 0, 1 and 2)."""
    from .. import _validate

    return CLASS_STYLES[_validate.check_int(k, "k", maximum=len(CLASS_STYLES) - 1, what="a class id")]


def series_style(k):
    """Line colour, marker and dash of the ``k``-th of several runs (wraps around)."""
    from .. import _validate

    return SERIES_STYLES[_validate.check_int(k, "k") % len(SERIES_STYLES)]


def number(x, digits):
    """``x`` with ``digits`` decimals for display: a real minus sign and never "-0.000".

    Figures and readouts format a quantity with the same call, so they agree digit for digit.

    >>> number(-0.00004, 3), number(-1.5, 2), number(2, 1)
    ('0.000', '−1.50', '2.0')
    """
    value = round(float(x), digits) + 0.0  # + 0.0 turns -0.0 into 0.0
    return f"{value:.{digits}f}".replace("-", "\u2212")


def percent(fraction):
    """A share as a percentage: whole percents, unless that would round a miss to 100 % (or a hit to 0 %).

    >>> percent(0.75), percent(273 / 274), percent(1.0), percent(1 / 300)
    ('75%', '99.6%', '100%', '0.3%')
    """
    text = f"{fraction:.0%}"
    if (text == "100%" and fraction < 1) or (text == "0%" and fraction > 0):
        text = f"{fraction:.1%}"
    return text


def get_ax(ax=None, figsize=(4.2, 4.0)):
    """Return ``ax`` or, if None, the current axes (a new figure when there is none)."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax
    if plt.get_fignums():
        return plt.gca()
    return plt.figure(figsize=figsize).add_subplot()
