"""Widget tests for helpers.widgets.sgd_stepper, driven from Python with the Agg canvas.

Each test moves a control (or presses a button) and asserts what the figure shows:
the outlined sample, the boundary lines, the numbers printed in the figure and the
bars of the mistakes chart.
"""

import numpy as np
import pytest

from helpers.widgets import sgd_stepper
from drawing import full_draw_pixels as _full_draw_pixels

TOL = 1e-12


@pytest.fixture
def stepper():
    return sgd_stepper(canvas="agg")


def on_line(line, w):
    """True when the drawn line is non-empty and every end point satisfies w0 + w1 x1 + w2 x2 = 0."""
    xs, ys = (np.asarray(v, dtype=float) for v in line.get_data())
    return len(xs) == 2 and np.allclose(w[0] + w[1] * xs + w[2] * ys, 0, atol=1e-9)


def shown_sample(st):
    return tuple(st.current.get_offsets()[0])


def bar_heights(st):
    return list(st.chart.heights)


def test_defaults_show_the_lectures_first_step(stepper):
    st = stepper.state
    assert (st["dataset"], st["lr"], st["step"], st["epoch"]) == ("AND", 0.1, 1, 1)
    assert shown_sample(stepper) == (1.0, 0.0)
    assert st["y"] == -1 and st["s"] == pytest.approx(0.1, abs=TOL)
    assert st["misclassified"] and not st["on_boundary"]
    np.testing.assert_allclose(st["gradient"], [1, 1, 0], atol=TOL)
    np.testing.assert_allclose(st["w_before"], [-0.1, 0.2, 0.0], atol=TOL)
    np.testing.assert_allclose(st["w_after"], [-0.2, 0.1, 0.0], atol=TOL)
    # Before: -0.1 + 0.2 x1 = 0 is the vertical line x1 = 0.5, drawn dashed.
    assert on_line(stepper.before.line, [-0.1, 0.2, 0.0])
    np.testing.assert_allclose(stepper.before.line.get_xdata(), [0.5, 0.5])
    # After: -0.2 + 0.1 x1 = 0 is x1 = 2, right of every point and still in view.
    np.testing.assert_allclose(stepper.boundary.line.get_xdata(), [2.0, 2.0])
    assert stepper.offview.get_text() == ""
    heading = stepper.heading.get_text()
    assert heading == "step 1, epoch 1: update"
    readout = stepper.readout.value
    assert "s&middot;y &lt; 0" in readout and "misclassified" in readout
    assert "<td>w0</td><td>\u22120.100</td><td>1.000</td><td>\u22120.200</td>" in readout
    assert stepper.controls["back"].disabled and not stepper.controls["next"].disabled


def test_step_button_shows_the_lectures_second_step(stepper):
    before = stepper.pixels()
    stepper.controls["next"].click()
    st = stepper.state
    assert st["step"] == 2 and stepper.controls["step"].value == 2
    assert shown_sample(stepper) == (1.0, 1.0)
    assert st["y"] == 1 and st["s"] == pytest.approx(-0.1, abs=TOL)
    np.testing.assert_allclose(st["w_after"], [-0.1, 0.2, 0.1], atol=TOL)
    assert on_line(stepper.boundary.line, [-0.1, 0.2, 0.1])
    np.testing.assert_allclose(stepper.before.line.get_xdata(), [2.0, 2.0])  # before: x1 = 2
    assert stepper.heading.get_text() == "step 2, epoch 1: update"
    assert "<td>w2</td><td>0.000</td><td>\u22121.000</td><td>0.100</td>" in stepper.readout.value
    assert not np.array_equal(before, stepper.pixels())
    assert not stepper.controls["back"].disabled


def test_back_returns_to_the_same_picture(stepper):
    first = stepper.pixels()
    stepper.controls["next"].click()
    stepper.controls["back"].click()
    assert stepper.state["step"] == 1
    np.testing.assert_array_equal(stepper.pixels(), first)
    stepper.controls["back"].click()  # already at the start: stays there
    assert stepper.state["step"] == 1


def test_play_moves_the_step(stepper):
    play, slider = stepper.controls["play"], stepper.controls["step"]
    assert play.max == slider.max == stepper.state["n_steps"]
    play.value = 3  # what the browser does on each tick
    assert slider.value == 3 and stepper.state["step"] == 3
    # Third visit of the lecture's order is (0, 0), y = -1, with w = (-0.1, 0.2, 0.1): s = -0.1, correct.
    assert shown_sample(stepper) == (0.0, 0.0)
    assert stepper.state["s"] == pytest.approx(-0.1, abs=TOL) and not stepper.state["misclassified"]
    np.testing.assert_allclose(stepper.state["gradient"], 0, atol=TOL)
    assert stepper.heading.get_text() == "step 3, epoch 1: no change"
    slider.value = 2
    assert play.value == 2


def test_every_step_of_the_slider_agrees_with_the_figure(stepper):
    slider = stepper.controls["step"]
    X, y = stepper.X, stepper.y
    for k in range(slider.min, slider.max + 1):
        slider.value = k
        st = stepper.state
        assert st["step"] == k
        np.testing.assert_array_equal(shown_sample(stepper), X[st["index"]])
        assert st["y"] == y[st["index"]]
        assert st["s"] == pytest.approx(st["w_before"][0] + X[st["index"]] @ st["w_before"][1:], abs=TOL)
        for line, w in ((stepper.boundary.line, st["w_after"]), (stepper.before.line, st["w_before"])):
            assert len(line.get_xdata()) == 0 or on_line(line, w)
        assert stepper.chart.current.get_x() == st["epoch"] - 0.5
    assert stepper.controls["next"].disabled  # at the last step


def test_default_run_converges_and_the_chart_shows_it(stepper):
    st = stepper.state
    assert st["converged"]
    heights = bar_heights(stepper)
    assert heights[st["epochs_run"] - 1] == 0  # the last epoch made no update
    assert all(h > 0 for h in heights[:st["epochs_run"] - 1])
    assert sum(heights) == sum(s.updated for s in stepper.steps)
    assert stepper.chart.done.get_text() == f"converged after {st['epochs_run']} epochs"


def test_learning_rate_slider_retrains(stepper):
    stepper.controls["next"].click()
    stepper.controls["lr"].value = 1.0
    st = stepper.state
    assert st["lr"] == 1.0 and st["step"] == 2  # same step, new run
    # Step 1 with lr = 1: (-0.1, 0.2, 0) - 1 * (1, 1, 0) = (-1.1, -0.8, 0);
    # step 2 on (1, 1): s = -1.1 - 0.8 = -1.9, y = +1, so w += (1, 1, 1).
    np.testing.assert_allclose(stepper.steps[0].w_after, [-1.1, -0.8, 0.0], atol=TOL)
    assert st["s"] == pytest.approx(-1.9, abs=TOL)
    np.testing.assert_allclose(st["w_after"], [-0.1, 0.2, 1.0], atol=TOL)
    assert on_line(stepper.boundary.line, [-0.1, 0.2, 1.0])
    assert stepper.controls["step"].max == len(stepper.steps) == 4 * st["epochs_run"]
    # The smallest rate on the slider still converges on AND (it just takes other steps).
    stepper.controls["lr"].value = 0.01
    assert stepper.state["converged"]
    np.testing.assert_allclose(stepper.steps[0].w_after, [-0.11, 0.19, 0.0], atol=TOL)


def test_xor_never_converges_and_every_bar_is_above_zero(stepper):
    stepper.controls["dataset"].value = "XOR"
    st = stepper.state
    assert st["step"] == 1 and not st["converged"] and st["epochs_run"] == stepper.epochs
    assert min(bar_heights(stepper)) >= 1
    assert stepper.chart.done.get_text() == f"not converged in {stepper.epochs} epochs"
    assert stepper.controls["step"].max == 4 * stepper.epochs
    # Some point stays misclassified after every single step: no line separates XOR.
    for k in range(1, stepper.controls["step"].max + 1, 7):
        stepper.controls["step"].value = k
        assert stepper.state["mistakes_after"] >= 1


@pytest.mark.parametrize("name", ["OR", "blobs"])
def test_separable_data_converge(stepper, name):
    stepper.controls["dataset"].value = name
    st = stepper.state
    assert st["dataset"] == name and st["converged"]
    X, y = stepper.X, stepper.y
    shown = np.vstack([p.get_offsets() for p in stepper.boundary.points])
    assert sorted(map(tuple, shown)) == sorted(map(tuple, X))
    xlim, ylim = stepper.ax.get_xlim(), stepper.ax.get_ylim()
    assert xlim[0] < X[:, 0].min() and X[:, 0].max() < xlim[1]
    assert ylim[0] < X[:, 1].min() and X[:, 1].max() < ylim[1]
    stepper.controls["step"].value = stepper.controls["step"].max
    assert stepper.state["mistakes_after"] == 0
    assert np.all(y * (stepper.state["w_after"][0] + X @ stepper.state["w_after"][1:]) > 0)


def test_changing_data_redraws_the_points_and_resets_the_step(stepper):
    stepper.controls["step"].value = 5
    before = stepper.pixels()
    stepper.controls["dataset"].value = "blobs"
    assert stepper.state["step"] == 1 and len(stepper.y) == 30
    assert not np.array_equal(before, stepper.pixels())
    stepper.controls["dataset"].value = "AND"
    assert shown_sample(stepper) == (1.0, 0.0)


def test_no_update_error_message_in_normal_use(stepper):
    for name in ("AND", "OR", "XOR", "blobs"):
        stepper.set(dataset=name, lr=10.0)
        assert "error" not in stepper.state and stepper.message.get_text() == ""


def test_bad_arguments():
    with pytest.raises(ValueError, match="dataset must be one of 'AND', 'OR', 'XOR', 'blobs'; got 'NAND'"):
        sgd_stepper("NAND", canvas="agg")
    with pytest.raises(ValueError, match=r"lr must be between 0.01 and 10 \(the slider's range\); got 0"):
        sgd_stepper(lr=0, canvas="agg")
    with pytest.raises(ValueError, match=r"w must have shape \(3\)"):
        sgd_stepper(w=(0, 0), canvas="agg")


def test_every_kind_of_move_draws_what_a_full_draw_draws(stepper):
    # Steps blit over a cached background that holds the run's bars; lr moves redraw the
    # bars alone (and the chart alone when it widens); a new data set redraws everything.
    moves = [("step", 3), ("lr", 1.0), ("step", 2), ("lr", 0.01), ("lr", 3.16228), ("dataset", "XOR"),
             ("step", 40), ("lr", 0.3), ("dataset", "blobs"), ("lr", 0.05), ("dataset", "AND")]
    for name, value in moves:
        stepper.controls[name].value = value
        assert np.array_equal(stepper.pixels(), _full_draw_pixels(stepper)), (name, value)
