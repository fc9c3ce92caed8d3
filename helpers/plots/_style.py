"""Shared look: a colour-blind-safe palette (Okabe & Ito) and a marker per class."""

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

# Class k is drawn with CLASS_STYLES[k]: colour AND marker differ, never colour alone.
CLASS_STYLES = (
    {"color": BLUE, "marker": "o"},
    {"color": ORANGE, "marker": "^"},
    {"color": GREEN, "marker": "s"},
    {"color": PINK, "marker": "D"},
    {"color": SKY, "marker": "v"},
)

# Light tints of the first two class colours, for shading predicted regions.
REGION_TINTS = ("#CCE3F0", "#FAEBC7", "#CCEBE2", "#F5E4EE", "#DDF0FB")


def class_style(k):
    """Colour and marker of class ``k`` (wraps around after five classes)."""
    return CLASS_STYLES[int(k) % len(CLASS_STYLES)]


def get_ax(ax=None, figsize=(4.2, 4.0)):
    """Return ``ax`` or, if None, the current axes (a new figure when there is none)."""
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax
    if plt.get_fignums():
        return plt.gca()
    return plt.figure(figsize=figsize).add_subplot()
