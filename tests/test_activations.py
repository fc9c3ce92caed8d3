"""Activation functions: known values, stability, derivatives against finite differences."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers import activations as act
from helpers.optim import numerical_derivative

DETERMINISTIC = settings(derandomize=True, database=None, max_examples=150, deadline=None)
finite_floats = st.floats(allow_nan=False, allow_infinity=False, width=64)
finite_arrays = hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=3, max_side=6), elements=finite_floats)

GRID = np.linspace(-6.0, 6.0, 121)
RANDOM_POINTS = np.random.default_rng(0).uniform(-8.0, 8.0, size=50)


def away_from_zero(s):
    # ReLU, step and sign have a kink at 0 where finite differences straddle it.
    return s[np.abs(s) > 1e-3]


def test_values_by_hand():
    assert act.relu(-2.0) == 0.0 and act.relu(3.5) == 3.5
    assert act.sigmoid(0.0) == 0.5
    assert act.sigmoid(math.log(3.0)) == pytest.approx(0.75)  # 1 / (1 + 1/3)
    assert act.tanh(0.0) == 0.0
    assert act.tanh(math.log(2.0)) == pytest.approx(0.6)  # (4 - 1) / (4 + 1)
    # the lecture's forms agree: tanh(s) = 2 / (1 + e^(-2s)) - 1 = 2 sigmoid(2s) - 1
    s = np.linspace(-3, 3, 13)
    np.testing.assert_allclose(act.tanh(s), 2.0 / (1.0 + np.exp(-2 * s)) - 1.0, atol=1e-15)
    np.testing.assert_allclose(act.sigmoid(s), np.exp(s) / (np.exp(s) + 1.0), rtol=1e-15)


def test_derivative_values_by_hand():
    assert act.sigmoid_grad(0.0) == 0.25
    assert act.tanh_grad(0.0) == 1.0
    assert act.relu_grad(2.0) == 1.0 and act.relu_grad(-2.0) == 0.0
    assert act.relu_grad(0.0) == 0.0  # documented choice at the kink
    assert act.sigmoid_grad(math.log(3.0)) == pytest.approx(0.75 * 0.25)


def test_step_and_sign_keep_lecture_convention():
    assert act.step(0.0) == 1.0 and act.sign(0.0) == 1.0
    np.testing.assert_array_equal(act.sign([-0.1, 0.0, 0.1]), [-1.0, 1.0, 1.0])


def test_sigmoid_tails_are_exact_and_silent():
    # filterwarnings=error turns any overflow warning into a failure
    assert act.sigmoid(-1000.0) == 0.0
    assert act.sigmoid(1000.0) == 1.0
    assert act.sigmoid(-1e308) == 0.0 and act.sigmoid(1e308) == 1.0
    assert act.sigmoid(-np.inf) == 0.0 and act.sigmoid(np.inf) == 1.0
    assert act.sigmoid_grad(1000.0) == 0.0
    # symmetric: sigmoid(-s) = 1 - sigmoid(s)
    s = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(act.sigmoid(-s), 1.0 - act.sigmoid(s), atol=1e-15)


def test_softmax_values_and_extremes():
    np.testing.assert_array_equal(act.softmax([1000.0, 0.0]), [1.0, 0.0])
    np.testing.assert_array_equal(act.softmax([0.0, 0.0, 0.0, 0.0]), [0.25] * 4)
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(act.softmax([1.0, 2.0, 3.0]), e / e.sum(), rtol=1e-15)
    np.testing.assert_array_equal(act.softmax([1e308, -1e308]), [1.0, 0.0])
    # two classes: softmax is the sigmoid of the difference
    assert act.softmax([2.5, 0.0])[0] == pytest.approx(act.sigmoid(2.5))


def test_softmax_axis():
    s = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 10.0]])
    rows = act.softmax(s)
    np.testing.assert_allclose(rows.sum(axis=1), 1.0)
    np.testing.assert_allclose(rows[1], act.softmax(s[1]))
    cols = act.softmax(s, axis=0)
    np.testing.assert_allclose(cols.sum(axis=0), 1.0)
    np.testing.assert_allclose(cols[:, 2], act.softmax(s[:, 2]))


def test_softmax_rejects_bad_input():
    with pytest.raises(ValueError, match="s must"):
        act.softmax(3.0)
    with pytest.raises(ValueError, match="finite"):
        act.softmax([np.inf, 0.0])
    with pytest.raises(ValueError, match="axis"):
        act.softmax([1.0, 2.0], axis=1)
    with pytest.raises(TypeError, match="s must"):
        act.softmax("abc")


@pytest.mark.parametrize("name", ["relu", "sigmoid", "tanh", "linear", "step", "sign"])
def test_derivatives_match_central_differences(name):
    a = act.ACTIVATIONS[name]
    for points in (GRID, RANDOM_POINTS):
        s = away_from_zero(points) if name in ("relu", "step", "sign") else points
        np.testing.assert_allclose(a.grad(s), numerical_derivative(a.fn, s), atol=1e-8)


def test_activation_table():
    assert set(act.ACTIVATIONS) >= {"relu", "sigmoid", "tanh"}
    for name, a in act.ACTIVATIONS.items():
        assert a.name == name
        assert callable(a.fn) and callable(a.grad)
        assert a(0.5) == a.fn(0.5)
        lo, hi = a.output_range
        out = a.fn(np.linspace(-50, 50, 201))
        assert np.all((out >= lo) & (out <= hi))
    assert act.ACTIVATIONS["sigmoid"].grad(0.0) == 0.25


def test_scalar_in_scalar_out_array_in_array_out():
    for a in act.ACTIVATIONS.values():
        assert isinstance(a.fn(0.3), float) and isinstance(a.grad(0.3), float)
        assert a.fn(np.zeros((2, 3))).shape == (2, 3)
        assert a.grad(np.zeros((2, 3))).shape == (2, 3)


def test_bad_input_names_argument():
    with pytest.raises(TypeError, match="s must"):
        act.sigmoid("1.0")
    with pytest.raises(TypeError, match="s must"):
        act.relu([1.0, None, object()])


@DETERMINISTIC
@given(finite_arrays)
def test_elementwise_outputs_finite_and_in_range(s):
    for a in act.ACTIVATIONS.values():
        out, slope = a.fn(s), a.grad(s)
        assert out.shape == s.shape and slope.shape == s.shape
        assert np.all(np.isfinite(out)) and np.all(np.isfinite(slope))
        lo, hi = a.output_range
        assert np.all((out >= lo) & (out <= hi))
    assert np.all((act.sigmoid_grad(s) >= 0) & (act.sigmoid_grad(s) <= 0.25))
    assert np.all((act.tanh_grad(s) >= 0) & (act.tanh_grad(s) <= 1))


@DETERMINISTIC
@given(finite_arrays, st.integers(0, 2))
def test_softmax_is_a_distribution_for_any_finite_input(s, axis):
    axis = axis % s.ndim
    p = act.softmax(s, axis=axis)
    assert np.all(np.isfinite(p)) and np.all((p >= 0) & (p <= 1))
    np.testing.assert_allclose(p.sum(axis=axis), 1.0, rtol=1e-12)
    # the largest score along the axis gets the largest probability
    top = np.expand_dims(np.argmax(s, axis=axis), axis)
    np.testing.assert_array_equal(np.take_along_axis(p, top, axis=axis), p.max(axis=axis, keepdims=True))


@DETERMINISTIC
@given(
    hnp.arrays(np.float64, st.integers(1, 8), elements=st.floats(-1e3, 1e3)),
    st.floats(-1e3, 1e3),
)
def test_softmax_is_shift_invariant(s, shift):
    np.testing.assert_allclose(act.softmax(s + shift), act.softmax(s), atol=1e-12)
