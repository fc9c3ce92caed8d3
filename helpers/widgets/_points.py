"""Your own points: a click adds a point of the chosen class, a click on a point removes it.

Shared by the explorers that show data (perceptron_explorer, sgd_stepper, mlp_playground):
the class toggle, the Clear button, and the rule that decides what a click does.
"""

import numpy as np

from .._validate import as_array

# A click within this many pixels of a point's centre removes it (a marker is about 10 px wide).
HIT_PX = 9.0
YOUR_POINTS = "your points"
CLEAR_TOOLTIP = "remove every point: start from an empty plane, then click to add points"
ADD_TOOLTIP = "the class a click on the picture adds (Shift+click adds the other one); a click on a point removes it"


def choose_your_points(explorer):
    """Put "your points" into the explorer's data menu and choose it, without a redraw."""
    dataset = explorer.controls["dataset"]
    with explorer._quietly():
        if list(dataset.options) != explorer._options():
            dataset.options = explorer._options()
        dataset.value = YOUR_POINTS


def class_toggle(options, value):
    """The "click adds" toggle: ``options`` are (label, class) pairs."""
    import ipywidgets as widgets

    return widgets.ToggleButtons(options=options, value=value, description="click adds",
                                 tooltips=[f"a click adds a point of {label}" for label, _ in options],
                                 style={"button_width": "initial"})


def clear_button():
    from . import _controls

    return _controls.button("Clear", CLEAR_TOOLTIP, width="70px")


def hit(ax, X, xy, radius_px=HIT_PX):
    """Index of the point of ``X`` drawn nearest to data point ``xy`` of ``ax``, if within ``radius_px``."""
    if len(X) == 0:
        return None
    drawn = ax.transData.transform(np.asarray(X, dtype=float).reshape(-1, 2))
    at = ax.transData.transform(np.asarray(xy, dtype=float).reshape(1, 2))
    distance = np.hypot(*(drawn - at).T)
    k = int(np.argmin(distance))
    return k if distance[k] <= radius_px else None


def edit(ax, X, y, xy, label):
    """The points after a click at ``xy``: the point hit removed, or a point of class ``label`` added.

    Returns (X, y, what) with what "removed" or "added".
    """
    X = np.asarray(X, dtype=float).reshape(-1, 2)
    y = np.asarray(y, dtype=float).reshape(-1)
    k = hit(ax, X, xy)
    if k is not None:
        return np.delete(X, k, axis=0), np.delete(y, k), "removed"
    return np.vstack([X, np.asarray(xy, dtype=float).reshape(1, 2)]), np.append(y, float(label)), "added"


def _empty(value):
    return (isinstance(value, (list, tuple)) and len(value) == 0) or (isinstance(value, np.ndarray) and value.size == 0)


def as_points(X, y, name_X="X", name_y="y"):
    """A learner's (X, y): X of shape (n, 2), y of shape (n,); n = 0 (an empty plane) is allowed."""
    if X is None or y is None:
        raise TypeError(f"{name_X} and {name_y} go together: give both (or neither); "
                        f"got {name_X}={'None' if X is None else '...'}, {name_y}={'None' if y is None else '...'}")
    if _empty(X) and _empty(y):
        return np.empty((0, 2)), np.empty(0)
    X = as_array(X, name_X, shape=(None, 2))
    y = as_array(y, name_y, shape=(X.shape[0],))
    return X, y
