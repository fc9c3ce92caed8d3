"""Browser copies of slider values: late copies never undo what later cells set.

``control.set_state({...})`` is how ipywidgets applies a message from the browser,
so these tests replay what a browser sends during Run All.
"""

import ipywidgets as widgets
import pytest

from helpers.widgets import perceptron_explorer
from helpers.widgets._sync import browser_value, guard_slider


def _from_browser(control, value):
    control.set_state({"value": value})


def test_browser_arithmetic_matches_what_the_browser_sent():
    # Seen in Chromium with a -3..3, step 0.05 slider: -0.5 came back as -0.49999999999999956.
    assert browser_value(-0.5, -3.0, 3.0, 0.05) == -0.49999999999999956
    assert browser_value(0.2, -3.0, 3.0, 0.05) == 0.20000000000000018
    assert browser_value(1.0, -3.0, 3.0, 0.05) == 1.0
    assert browser_value(3.0, -3.0, 3.0, 0.05) == 3.0
    # It snaps to the grid, and its own output is a fixed point.
    v = browser_value(0.26, -3.0, 3.0, 0.05)
    assert v == pytest.approx(0.25) and browser_value(v, -3.0, 3.0, 0.05) == v


def test_late_copy_of_the_first_value_does_not_undo_later_cells():
    e = perceptron_explorer(canvas="agg")  # w1 starts at 0.2, which the browser holds as 0.2000...18
    e.set(dataset="XOR", w0=-0.5, w1=1.0, w2=1.0)  # what the last cell of a Run All sets
    _from_browser(e.controls["w1"], browser_value(0.2, -3.0, 3.0, 0.05))  # arrives afterwards
    assert e.controls["w1"].value == 1.0
    assert list(e.state["w"]) == [-0.5, 1.0, 1.0]


def test_copy_of_the_current_value_is_taken_as_sent():
    # Answering with 0.2 instead would make the browser round and send it again, forever.
    e = perceptron_explorer(canvas="agg")
    _from_browser(e.controls["w1"], 0.20000000000000018)
    assert e.controls["w1"].value == 0.20000000000000018
    assert e.state["w"][1] == pytest.approx(0.2)


def test_a_learners_moves_are_taken():
    e = perceptron_explorer(canvas="agg")
    _from_browser(e.controls["w0"], browser_value(-1.5, -3.0, 3.0, 0.05))
    _from_browser(e.controls["w1"], browser_value(0.7, -3.0, 3.0, 0.05))
    assert e.state["w"][0] == -1.5 and e.state["w"][1] == pytest.approx(0.7)


def test_a_pending_copy_is_ignored_once_only():
    e = perceptron_explorer(canvas="agg")
    s = e.controls["w1"]
    s.value = 1.0
    _from_browser(s, browser_value(0.2, -3.0, 3.0, 0.05))  # the first value's late copy
    assert s.value == 1.0
    _from_browser(s, browser_value(0.2, -3.0, 3.0, 0.05))  # the same again is the learner
    assert s.value == pytest.approx(0.2) and e.state["w"][1] == pytest.approx(0.2)


def test_exact_values_expect_no_copy():
    e = perceptron_explorer(canvas="agg")
    s = e.controls["w0"]
    s.value = -1.5  # the browser holds -1.5 exactly: no copy will come
    s.value = 1.0
    _from_browser(s, -1.5)  # so this is a learner's move
    assert s.value == -1.5


def test_values_set_from_python_are_clamped_not_snapped():
    s = guard_slider(widgets.FloatSlider(min=-1, max=1, step=0.1))
    s.value = 0.123
    assert s.value == 0.123
    s.value = 5
    assert s.value == 1


def test_log_slider_late_copy():
    s = guard_slider(widgets.FloatLogSlider(value=0.1, base=10, min=-3, max=1, step=0.1))
    s.value = 0.5
    _from_browser(s, 0.10000000000000002)  # late copy of the first value
    assert s.value == 0.5
    _from_browser(s, 0.010000000000000002)  # learner drags to 0.01
    assert s.value == 0.010000000000000002


def test_log_slider_still_clamps_to_its_value_range():
    s = guard_slider(widgets.FloatLogSlider(value=0.1, base=10, min=-3, max=0.5, step=0.05))
    s.value = 1.2  # inside 10**-3 .. 10**0.5
    assert s.value == 1.2
    s.value = 100
    assert s.value == pytest.approx(10 ** 0.5)
    s.value = 1e-9
    assert s.value == pytest.approx(1e-3)
