"""Keep late browser copies of slider values from undoing what later cells set.

The browser's slider (noUiSlider inside ipywidgets) stores a value as a percentage
of its range and converts it back, so a value set from Python such as 0.2 on a
-3..3 slider becomes 0.20000000000000018 there, and the browser sends that copy
to the kernel when its view draws the value. During *Run All* those copies arrive
only after every queued cell has run, so the copy of an *earlier* value (the one a
slider had when the explorer was first shown, say) would overwrite what the last
cell set, and the explorer would show a state no cell asked for.

:func:`guard_slider` gives a slider a validator that ignores a browser copy of a
value that Python set before and has since changed: it is an echo, not a learner's
move. Only values the browser cannot hold exactly produce such copies; for a linear
slider the browser's arithmetic is replicated to know which. Any other value from
the browser is taken as it comes, even with its rounding: answering with a
"cleaner" value would make the browser round it again and send it back, forever.
"""

import math
import time

# How long a log slider waits for a browser copy of a value set from Python (for a
# linear slider it is known exactly whether a copy will come).
ECHO_WINDOW_S = 20.0


def _js_round(x):
    """JavaScript's Math.round: halves go up."""
    return math.floor(x + 0.5)


def browser_value(value, lo, hi, step):
    """The value a linear ipywidgets slider in the browser makes of ``value``.

    The arithmetic of noUiSlider 15 as ipywidgets 8 bundles it: to a percentage of
    the range, snapped to the step (also a percentage), and back.

    >>> browser_value(0.2, -3.0, 3.0, 0.05)
    0.20000000000000018
    >>> browser_value(1.0, -3.0, 3.0, 0.05)
    1.0
    """
    span = hi - lo
    if value >= hi:
        return hi
    shifted = value + abs(lo) if lo < 0 else value - lo
    pct = 100 * shifted / span
    step_pct = 100 * step / span
    pct = _js_round(pct / step_pct) * step_pct
    pct = max(min(pct, 100.0), 0.0)
    if pct >= 100:
        return hi
    return pct * (100 / 100) * span / 100 + lo


def _index(control, value):
    """Which point of the slider's grid ``value`` is."""
    import ipywidgets as widgets

    if isinstance(control, widgets.FloatLogSlider):
        value = math.log(value) / math.log(control.base) if value > 0 else control.min
    return _js_round((value - control.min) / control.step)


def guard_slider(control):
    """Install the validator described in the module docstring on a float slider."""
    import ipywidgets as widgets

    linear = not isinstance(control, widgets.FloatLogSlider)
    pending = {}  # grid index -> time a copy of it became expected

    def expect_echo(value):
        if linear:
            if browser_value(value, control.min, control.max, control.step) != value:
                pending[_index(control, value)] = math.inf
        elif value > 0:
            pending[_index(control, value)] = time.monotonic() + ECHO_WINDOW_S

    def validate(_owner, proposal):
        # This replaces the slider's own validator, so clamp as it would (a log slider's
        # min and max are exponents).
        lo, hi = (control.min, control.max) if linear else (control.base ** control.min, control.base ** control.max)
        value = min(max(proposal["value"], lo), hi)
        if "value" not in control._property_lock:  # set from Python
            expect_echo(value)
            return value
        # Not control.value: ipywidgets applies a browser message under
        # hold_trait_notifications, so by now control.value already holds the copy.
        current = held["value"]
        k = _index(control, value)
        if k != _index(control, current) and pending.get(k, -math.inf) >= time.monotonic():
            del pending[k]
            return current  # a late copy of an earlier value: not a learner's move
        return value

    held = {"value": control.value}

    def remember(change):
        held["value"] = change["new"]

    control._register_validator(validate, names=["value"])
    control.observe(remember, names="value")
    expect_echo(control.value)  # the copy sent when the view first draws
    return control
