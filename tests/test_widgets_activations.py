"""activation_explorer driven from Python: every control moves what the figure shows."""

import math

import ipywidgets
import numpy as np
import pytest

from helpers import widgets
from helpers.activations import ACTIVATIONS


@pytest.fixture
def explorer():
    return widgets.activation_explorer("sigmoid", s=1.0, logits=(2.0, 1.0, 0.1), canvas="agg")


def central(f, s, h=1e-6):
    return (f(s + h) - f(s - h)) / (2 * h)


def test_controls_and_figure(explorer):
    assert list(explorer.controls) == ["activation", "s", "s1", "s2", "s3"]
    assert isinstance(explorer.controls["activation"], ipywidgets.Dropdown)
    assert set(explorer.controls["activation"].options) >= {"sigmoid", "tanh", "relu"}
    assert len(explorer.figure.axes) == 3
    rows = [[c.description for c in row.children] for row in explorer.widget.children[:-1]]
    assert rows == [["f", "s"], ["logit s1", "logit s2", "logit s3"]]  # the softmax sliders together
    assert "error" not in explorer.state


def test_point_tangent_and_slope_on_sigmoid(explorer):
    f = 1 / (1 + math.exp(-1.0))
    assert explorer.state["f"] == pytest.approx(f)
    assert explorer.state["slope"] == pytest.approx(f * (1 - f))
    xs, ys = explorer.tangent.point.get_data()
    assert list(xs) == [1.0] and ys[0] == pytest.approx(f)
    (x0, x1), (y0, y1) = explorer.tangent.line.get_data()
    # the drawn tangent's slope is the derivative, by finite differences of the formula
    slope = central(lambda s: 1 / (1 + math.exp(-s)), 1.0)
    assert (y1 - y0) / (x1 - x0) == pytest.approx(slope, rel=1e-6)
    assert x0 < 1.0 < x1
    # sigmoid'(1) = 0.19661..., printed with the readout's four decimals
    assert explorer.slope_text.get_text() == "slope f'(1.0) = 0.1966"
    assert "f'(s) = 0.1966" in explorer.readout.value
    # the point on the derivative panel sits at height f'(s)
    assert explorer.grad_point.get_data()[1][0] == pytest.approx(slope, rel=1e-6)


def test_moving_s_moves_point_and_changes_pixels(explorer):
    before = explorer.pixels()
    blits = explorer.redraws["blit"]
    explorer.controls["s"].value = -2.0
    f = 1 / (1 + math.exp(2.0))
    assert explorer.tangent.point.get_data()[1][0] == pytest.approx(f)
    assert explorer.state["s"] == -2.0
    assert explorer.slope_text.get_text() == "slope f'(\u22122.0) = 0.1050"  # 0.10499... by hand
    assert not np.array_equal(before, explorer.pixels())
    assert explorer.redraws["blit"] == blits + 1  # only the moving parts were redrawn
    explorer.controls["s"].value = 0.0
    assert explorer.state["slope"] == 0.25  # sigmoid is steepest at 0


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu", "linear", "step", "sign"])
def test_every_activation_choice_redraws_curves(explorer, name):
    explorer.set(activation=name, s=1.3)
    a = ACTIVATIONS[name]
    grid = explorer.f_line.get_xdata()
    np.testing.assert_allclose(explorer.f_line.get_ydata(), a.fn(grid))
    np.testing.assert_allclose(explorer.grad_line.get_ydata(), a.grad(grid))
    assert name in explorer.ax_f.get_title()
    # the derivative curve agrees with finite differences away from kinks
    smooth = np.abs(grid) > 1e-2
    np.testing.assert_allclose(explorer.grad_line.get_ydata()[smooth], central(a.fn, grid[smooth]), atol=1e-6)
    lo, hi = explorer.ax_f.get_ylim()
    assert lo <= explorer.f_line.get_ydata().min() and explorer.f_line.get_ydata().max() <= hi


def test_relu_and_tanh_values_by_hand(explorer):
    explorer.set(activation="relu", s=-1.5)
    assert explorer.state["f"] == 0.0 and explorer.state["slope"] == 0.0
    explorer.controls["s"].value = 2.0
    assert explorer.state["f"] == 2.0 and explorer.state["slope"] == 1.0
    explorer.controls["activation"].value = "tanh"
    t = (math.exp(4) - 1) / (math.exp(4) + 1)
    assert explorer.state["f"] == pytest.approx(t)
    assert explorer.state["slope"] == pytest.approx(1 - t * t)


def test_activation_change_draws_fully_once_then_reuses_its_background(explorer):
    full = explorer.redraws["full"]
    explorer.set(activation="relu", s=2.0)
    assert explorer.redraws["full"] == full + 1  # new limits and title: one full draw
    relu_pixels = explorer.pixels()
    explorer.controls["activation"].value = "tanh"
    explorer.controls["activation"].value = "relu"
    assert explorer.redraws["full"] == full + 2  # tanh was new; relu came from its cache
    np.testing.assert_array_equal(explorer.pixels(), relu_pixels)
    explorer.figure.canvas.draw()  # an outside draw (as after a resize) drops every cache
    explorer.controls["activation"].value = "sigmoid"
    assert explorer.redraws["full"] == full + 3


def test_softmax_bars_follow_logits(explorer):
    e = np.exp([2.0, 1.0, 0.1])
    want = e / e.sum()
    heights = [bar.get_height() for bar in explorer.bars.bars]
    np.testing.assert_allclose(heights, want)
    # softmax(2, 1, 0.1) = (0.6590, 0.2424, 0.0986): bars and readout print the same digits
    assert [t.get_text() for t in explorer.bars.values] == ["0.6590", "0.2424", "0.0986"]
    assert "p1 = 0.6590" in explorer.readout.value and "p3 = 0.0986" in explorer.readout.value
    assert "p1 + p2 + p3 = 1" in explorer.readout.value  # 0.6590 + 0.2424 + 0.0986 = 1.0000
    for name, value in (("s1", -1.0), ("s2", 3.0), ("s3", 3.0)):
        explorer.controls[name].value = value
    e = np.exp([-1.0, 3.0, 3.0])
    np.testing.assert_allclose([bar.get_height() for bar in explorer.bars.bars], e / e.sum())
    assert explorer.bars.bars[1].get_height() == explorer.bars.bars[2].get_height()
    assert explorer.state["probabilities"].sum() == pytest.approx(1.0)
    # 0.0091 + 0.4955 + 0.4955 = 1.0001: the printed probabilities add up to 1 only approximately
    assert "p1 + p2 + p3 &asymp; 1" in explorer.readout.value


def test_equal_logits_give_equal_bars_and_shift_changes_nothing(explorer):
    explorer.set(s1=4.0, s2=4.0, s3=4.0)
    np.testing.assert_allclose([b.get_height() for b in explorer.bars.bars], [1 / 3] * 3)
    explorer.set(s1=1.0, s2=0.0, s3=-1.0)
    first = explorer.state["probabilities"].copy()
    explorer.set(s1=3.0, s2=2.0, s3=1.0)  # every logit + 2
    np.testing.assert_allclose(explorer.state["probabilities"], first)


def test_readout_lists_numbers(explorer):
    explorer.set(activation="sigmoid", s=0.0)
    assert "f(s) = 0.5000" in explorer.readout.value and "f'(s) = 0.2500" in explorer.readout.value


def test_bad_arguments():
    with pytest.raises(ValueError, match="activation must be one of 'sigmoid', 'tanh', 'relu', 'linear', 'step', 'sign'; got 'softplus'"):
        widgets.activation_explorer("softplus", canvas="agg")
    with pytest.raises(ValueError, match=r"logits must have shape \(3\); got \(2,\)"):
        widgets.activation_explorer(logits=(1.0, 2.0), canvas="agg")


def test_repr_is_deterministic(explorer):
    assert repr(explorer) == "ActivationExplorer(activation='sigmoid', s=1.0, s1=2.0, s2=1.0, s3=0.1)"
