"""Losses: values worked out by hand, stability at the edges, gradients against finite differences."""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers import losses
from helpers.activations import sigmoid, softmax
from helpers.optim import numerical_derivative, numerical_gradient

DETERMINISTIC = settings(derandomize=True, database=None, max_examples=150, deadline=None)
rng = np.random.default_rng(1)


# ---- perceptron loss --------------------------------------------------------------------------

def test_perceptron_loss_lecture_example():
    # lecture: w = (w0, w1, w2) = (-0.1, 0.2, 0.0); on (1, 0) s = 0.1 with y = -1
    assert losses.perceptron_loss(0.1, -1) == pytest.approx(0.1)
    assert losses.perceptron_loss(0.1, 1) == 0.0
    # gradient dL/dw_i = dL/ds * x_i = -y x_i = 1 * (1, 1, 0) for x = (x0, x1, x2) = (1, 1, 0)
    x = np.array([1.0, 1.0, 0.0])
    assert losses.perceptron_loss_grad(0.1, -1) * x == pytest.approx([1.0, 1.0, 0.0])
    # the lecture's update with eta = 0.1: w <- w - eta * grad gives (-0.2, 0.1, 0.0)
    w = np.array([-0.1, 0.2, 0.0]) - 0.1 * losses.perceptron_loss_grad(x @ [-0.1, 0.2, 0.0], -1) * x
    np.testing.assert_allclose(w, [-0.2, 0.1, 0.0])


def test_perceptron_grad_at_the_kink_counts_the_boundary_as_a_mistake():
    # s = 0 is on the boundary for either label: the training rule updates there (-y),
    # the same as helpers.perceptron.loss_gradient, so training can start from w = 0.
    assert losses.perceptron_loss_grad(0.0, -1) == 1.0
    assert losses.perceptron_loss_grad(0.0, 1) == -1.0
    from helpers import perceptron

    for y in (-1, 1):
        x = np.array([0.5, -2.0])
        np.testing.assert_array_equal(perceptron.loss_gradient([0.0, 0.0, 0.0], x, y),
                                      losses.perceptron_loss_grad(0.0, y) * np.r_[1.0, x])


def test_perceptron_grad_matches_finite_differences():
    s = rng.uniform(-3, 3, 200)
    s = s[np.abs(s) > 1e-3]
    y = rng.choice([-1.0, 1.0], s.size)
    slope = numerical_derivative(lambda t: losses.perceptron_loss(t, y), s)
    np.testing.assert_allclose(losses.perceptron_loss_grad(s, y), slope, atol=1e-8)


def test_perceptron_loss_rejects_bad_labels_and_shapes():
    with pytest.raises(ValueError, match="y must hold perceptron labels"):
        losses.perceptron_loss_grad([0.1], [0])
    with pytest.raises(ValueError, match="same shape"):
        losses.perceptron_loss_grad([0.1, 0.2], [1, 1, 1])


# ---- squared error ----------------------------------------------------------------------------

def test_squared_error_by_hand_and_gradient():
    np.testing.assert_allclose(losses.squared_error([3.0, -1.0], [1.0, -1.5]), [4.0, 0.25])
    z = rng.uniform(-5, 5, 50)
    y = rng.uniform(-5, 5, 50)
    np.testing.assert_allclose(losses.squared_error_grad(z, y), numerical_derivative(lambda t: losses.squared_error(t, y), z), atol=1e-7)
    with pytest.raises(ValueError, match="y must have the same shape as z"):
        losses.squared_error([1.0, 2.0], [1.0, 2.0, 3.0])


# ---- binary cross-entropy ---------------------------------------------------------------------

def test_bce_by_hand():
    assert losses.binary_cross_entropy(0.5, 1) == pytest.approx(math.log(2))
    assert losses.binary_cross_entropy(0.8, 1) == pytest.approx(-math.log(0.8))
    assert losses.binary_cross_entropy(0.8, 0) == pytest.approx(-math.log(0.2))
    # lecture: dL/dz = -y/z + (1-y)/(1-z)
    assert losses.binary_cross_entropy_grad(0.8, 1) == pytest.approx(-1 / 0.8)
    assert losses.binary_cross_entropy_grad(0.8, 0) == pytest.approx(1 / 0.2)


def test_documented_clip_constant():
    # losses.EPS's docstring: probabilities are kept at least 1e-12 from 0 inside a log.
    assert losses.EPS == 1e-12
    assert losses.binary_cross_entropy(1e-12, 1) == pytest.approx(12 * math.log(10), rel=1e-12)
    assert losses.binary_cross_entropy(1e-13, 1) == losses.binary_cross_entropy(0.0, 1)  # clipped
    assert losses.binary_cross_entropy(1e-11, 1) == pytest.approx(11 * math.log(10), rel=1e-12)  # not clipped


def test_bce_is_finite_at_exact_zero_and_one():
    z = np.array([0.0, 0.0, 1.0, 1.0])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    loss = losses.binary_cross_entropy(z, y)
    assert np.all(np.isfinite(loss))
    assert loss[0] == 0.0 and loss[3] == 0.0  # confident and right costs nothing
    # clipped at the documented 1e-12: -log(1e-12) = 12 ln 10 ~ 27.63, finite
    assert loss[1] == pytest.approx(12 * math.log(10), rel=1e-12) and loss[2] == loss[1]
    assert np.all(np.isfinite(losses.binary_cross_entropy_grad(z, y)))


def test_bce_with_logits_equals_bce_of_sigmoid():
    s = np.linspace(-10, 10, 41)
    for y in (0.0, 1.0, 0.3):
        np.testing.assert_allclose(
            losses.binary_cross_entropy_with_logits(s, y), losses.binary_cross_entropy(sigmoid(s), y), rtol=1e-9, atol=1e-12
        )


def test_bce_with_logits_extremes_are_exact():
    # log(1 + e^s) - y s: for y = 1, s = 1000 it is log(1 + e^-1000) ~ 0; for y = 0 it is ~ 1000
    assert losses.binary_cross_entropy_with_logits(1000.0, 1) == 0.0
    assert losses.binary_cross_entropy_with_logits(1000.0, 0) == 1000.0
    assert losses.binary_cross_entropy_with_logits(-1000.0, 1) == 1000.0
    # a small loss keeps its digits instead of rounding to zero: log(1 + e^-40) ~ e^-40
    # (abs=0: approx's default absolute tolerance, 1e-12, would let 0.0 pass for 4e-18)
    assert losses.binary_cross_entropy_with_logits(40.0, 1) == pytest.approx(math.exp(-40), rel=1e-12, abs=0)
    assert losses.binary_cross_entropy_with_logits(-40.0, 0) == pytest.approx(math.exp(-40), rel=1e-12, abs=0)


def test_bce_gradients_match_finite_differences():
    z = np.concatenate([np.linspace(0.02, 0.98, 49), rng.uniform(0.01, 0.99, 50)])
    s = np.concatenate([np.linspace(-8, 8, 49), rng.uniform(-10, 10, 50)])
    for y in (0.0, 1.0):
        dz = numerical_derivative(lambda t: losses.binary_cross_entropy(t, y), z, h=1e-6)
        np.testing.assert_allclose(losses.binary_cross_entropy_grad(z, y), dz, rtol=1e-6)
        ds = numerical_derivative(lambda t: losses.binary_cross_entropy_with_logits(t, y), s)
        np.testing.assert_allclose(losses.binary_cross_entropy_with_logits_grad(s, y), ds, atol=1e-8)


def test_bce_chain_rule_z_minus_y():
    # lecture: dL/ds = dL/dz * dz/ds = z - y
    s = np.linspace(-4, 4, 9)
    z = sigmoid(s)
    for y in (0.0, 1.0):
        chained = losses.binary_cross_entropy_grad(z, y) * z * (1 - z)
        np.testing.assert_allclose(chained, z - y, atol=1e-12)
        np.testing.assert_allclose(losses.binary_cross_entropy_with_logits_grad(s, y), z - y, atol=1e-15)


def test_bce_rejects_bad_input():
    with pytest.raises(ValueError, match="z must hold probabilities"):
        losses.binary_cross_entropy(1.5, 1)
    with pytest.raises(ValueError, match="y must hold labels between 0 and 1"):
        losses.binary_cross_entropy(0.5, -1)
    with pytest.raises(ValueError, match="y must have the same shape as s"):
        losses.binary_cross_entropy_with_logits([0.0, 1.0], [1, 0, 1])
    with pytest.raises(ValueError, match="s must not contain NaN"):
        losses.binary_cross_entropy_with_logits(np.nan, 1)
    with pytest.raises(ValueError, match=r"y must hold labels between 0 and 1; got -1/\+1 labels"):
        losses.binary_cross_entropy_with_logits([0.5, 1.0], [-1, 1])


# ---- cross-entropy ----------------------------------------------------------------------------

def test_cross_entropy_by_hand():
    assert losses.cross_entropy([0.25, 0.25, 0.5], 2) == pytest.approx(math.log(2))
    np.testing.assert_allclose(losses.cross_entropy([[0.1, 0.9], [0.1, 0.9]], [0, 1]), [-math.log(0.1), -math.log(0.9)])
    assert losses.cross_entropy([1.0, 0.0], 1) == pytest.approx(12 * math.log(10), rel=1e-12)  # -log(1e-12)
    assert losses.cross_entropy([1.0, 0.0], 0) == 0.0


def test_cross_entropy_with_logits_matches_softmax_then_log():
    s = rng.normal(0, 3, size=(20, 4))
    y = rng.integers(0, 4, 20)
    np.testing.assert_allclose(losses.cross_entropy_with_logits(s, y), losses.cross_entropy(softmax(s), y), rtol=1e-10)
    # with two classes it is binary cross-entropy of the score difference
    assert losses.cross_entropy_with_logits([2.0, 0.5], 0) == pytest.approx(losses.binary_cross_entropy_with_logits(1.5, 1))
    assert losses.cross_entropy_with_logits([1000.0, 0.0], 0) == 0.0


def test_cross_entropy_gradients_match_finite_differences():
    for _ in range(20):
        s = rng.normal(0, 2, 4)
        p = softmax(s)
        y = int(rng.integers(0, 4))
        np.testing.assert_allclose(
            losses.cross_entropy_with_logits_grad(s, y),
            numerical_gradient(lambda t: losses.cross_entropy_with_logits(t, y), s),
            atol=1e-8,
        )
        # dL/dp checked on the true class only: moving p_y alone leaves the simplex,
        # so perturb the function -log p_y directly
        g = losses.cross_entropy_grad(p, y)
        assert g[y] == pytest.approx(numerical_derivative(lambda t: -math.log(t), p[y], h=1e-7), rel=1e-6)
        assert np.count_nonzero(g) == 1


def test_cross_entropy_chain_rule_gives_p_minus_onehot():
    s = np.array([0.5, -1.0, 2.0])
    p = softmax(s)
    jacobian = np.diag(p) - np.outer(p, p)  # dp_i/ds_j
    np.testing.assert_allclose(losses.cross_entropy_grad(p, 1) @ jacobian, p - [0, 1, 0], atol=1e-12)


def test_cross_entropy_rejects_bad_input():
    with pytest.raises(ValueError, match="p must hold probabilities"):
        losses.cross_entropy([2.0, -1.0], 0)  # raw scores by mistake
    with pytest.raises(ValueError, match=r"y must hold class ids 0\.\.2; got 3"):
        losses.cross_entropy([0.2, 0.3, 0.5], 3)
    with pytest.raises(ValueError, match="whole class ids"):
        losses.cross_entropy([0.2, 0.3, 0.5], 0.5)
    with pytest.raises(ValueError, match=r"s must hold at least one number; got an empty array of shape \(2, 0\)"):
        losses.cross_entropy_with_logits(np.zeros((2, 0)), [0, 0])
    with pytest.raises(ValueError, match="one class id per row"):
        losses.cross_entropy_with_logits([[0.0, 1.0], [1.0, 0.0]], [0])


# ---- properties for any finite input ----------------------------------------------------------

finite_vectors = hnp.arrays(np.float64, st.integers(1, 10), elements=st.floats(allow_nan=False, allow_infinity=False))
probabilities = hnp.arrays(np.float64, st.integers(1, 10), elements=st.floats(0.0, 1.0))


@DETERMINISTIC
@given(finite_vectors, st.sampled_from([0.0, 1.0]))
def test_logit_losses_finite_nonnegative_for_any_finite_scores(s, y):
    loss = losses.binary_cross_entropy_with_logits(s, y)
    grad = losses.binary_cross_entropy_with_logits_grad(s, y)
    assert np.all(np.isfinite(loss)) and np.all(loss >= 0)
    assert np.all(np.isfinite(grad)) and np.all(np.abs(grad) <= 1)
    hinge = losses.perceptron_loss(s, 2 * y - 1)
    assert np.all(np.isfinite(hinge)) and np.all(hinge >= 0)


@DETERMINISTIC
@given(probabilities, st.sampled_from([0.0, 1.0]))
def test_bce_finite_nonnegative_for_any_probability(z, y):
    loss = losses.binary_cross_entropy(z, y)
    assert np.all(np.isfinite(loss)) and np.all((loss >= 0) & (loss <= 12 * math.log(10) + 1e-9))
    assert np.all(np.isfinite(losses.binary_cross_entropy_grad(z, y)))


@DETERMINISTIC
@given(hnp.arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 5)), elements=st.floats(-1e300, 1e300)), st.data())
def test_cross_entropy_finite_nonnegative_for_any_scores(s, data):
    y = data.draw(hnp.arrays(np.int64, s.shape[0], elements=st.integers(0, s.shape[1] - 1)))
    loss = losses.cross_entropy_with_logits(s, y)
    assert np.all(np.isfinite(loss)) and np.all(loss >= 0)
    grad = losses.cross_entropy_with_logits_grad(s, y)
    np.testing.assert_allclose(grad.sum(axis=1), 0.0, atol=1e-12)
    p_loss = losses.cross_entropy(softmax(s), y)
    assert np.all(np.isfinite(p_loss)) and np.all(p_loss >= 0)
