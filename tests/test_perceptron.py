"""The perceptron's building blocks, against values worked out by hand."""

import numpy as np
import pytest

from helpers import activations, data, perceptron


def test_sign_and_step_follow_the_lecture_at_zero():
    # The lecture: f(s) = 1 if s >= 0 (numpy's np.sign(0) would give 0).
    assert activations.sign(0.0) == 1.0
    assert activations.step(0.0) == 1.0
    assert activations.sign(-0.0) == 1.0


def test_sign_and_step_values():
    s = np.array([-3.0, -1e-12, 0.0, 1e-12, 2.5])
    np.testing.assert_array_equal(activations.sign(s), [-1, -1, 1, 1, 1])
    np.testing.assert_array_equal(activations.step(s), [0, 0, 1, 1, 1])


def test_sign_keeps_shape():
    s = np.zeros((2, 3))
    assert activations.sign(s).shape == (2, 3)


def test_add_bias_prepends_ones():
    np.testing.assert_array_equal(perceptron.add_bias([[2, 3], [4, 5]]), [[1, 2, 3], [1, 4, 5]])
    np.testing.assert_array_equal(perceptron.add_bias([7, 8]), [[1, 7, 8]])


def test_weighted_sum_by_hand():
    # Lecture, epoch 1, data point 1: w = (w0, w1, w2) = (-0.1, 0.2, 0.0) on (1, 0): s = 0.1
    assert perceptron.weighted_sum([-0.1, 0.2, 0.0], [1, 0]) == pytest.approx(0.1)
    # After the first update, w = (-0.2, 0.1, 0.0) on (1, 1): s = -0.1
    assert perceptron.weighted_sum([-0.2, 0.1, 0.0], [1, 1]) == pytest.approx(-0.1)
    # 0.5 + 2*3 - 1*4 = 2.5
    assert perceptron.weighted_sum([0.5, 2, -1], [[3, 4]]) == pytest.approx([2.5])


def test_weighted_sum_equals_bias_trick():
    rng = np.random.default_rng(0)
    X, w = rng.normal(size=(5, 3)), rng.normal(size=4)
    np.testing.assert_allclose(perceptron.weighted_sum(w, X), perceptron.add_bias(X) @ w)


def test_and_weights_from_the_exercise_classify_perfectly():
    X, y = data.logic_gate("AND", labels="pm1")
    np.testing.assert_array_equal(perceptron.predict([-1.5, 1, 1], X), y)
    X, y01 = data.logic_gate("AND", labels="01")
    np.testing.assert_array_equal(perceptron.predict([-1.5, 1, 1], X, activation="step"), y01)


@pytest.mark.parametrize("gate, w", [("OR", [-0.5, 1, 1]), ("NAND", [1.5, -1, -1])])
def test_or_and_nand_have_hand_made_weights(gate, w):
    X, y = data.logic_gate(gate, labels="pm1")
    np.testing.assert_array_equal(perceptron.predict(w, X), y)


def test_no_weights_on_a_grid_solve_xor():
    # A brute-force search over a fine grid finds no line that separates XOR.
    X, y = data.logic_gate("XOR", labels="pm1")
    grid = np.linspace(-2, 2, 41)
    W = np.array(np.meshgrid(grid, grid, grid)).reshape(3, -1).T
    S = W[:, :1] + W[:, 1:] @ X.T
    predictions = np.where(S >= 0, 1, -1)
    best = (predictions == y).sum(axis=1).max()
    assert best == 3


def test_boundary_tolerance_is_rounding_only():
    # BOUNDARY_RTOL, documented as 1e-9: an s within 1e-9 of the terms' size counts as 0 ...
    assert perceptron.BOUNDARY_RTOL == 1e-9
    X = [[1.0, 1.0]]
    w = [-0.3, 0.1, 0.2]  # s = 5.6e-17 in floats, 0 exactly
    assert perceptron.misclassified(w, X, [1])[0] and perceptron.misclassified(w, X, [-1])[0]
    # ... and a real, small s does not: s = 0.005 against terms of size 1.995 (ratio 2.5e-3)
    w = [-0.995, 1.0, 0.0]
    np.testing.assert_array_equal(perceptron.loss_gradient(w, [1.0, 0.0], 1), [0.0, 0.0, 0.0])
    assert not perceptron.misclassified(w, [[1.0, 0.0]], [1])[0]
    # s = 1e-6 of terms of size 2: a millionth is not rounding either
    assert not perceptron.misclassified([-1.0, 1.000002, 0.0], [[1.0, 0.0]], [1])[0]


def test_bad_inputs_name_the_argument():
    with pytest.raises(ValueError, match="w must have 3 entries"):
        perceptron.weighted_sum([1, 2], [[0, 1]])
    with pytest.raises(ValueError, match="X must be a 1-D or 2-D array"):
        perceptron.weighted_sum([1, 2, 3], np.zeros((2, 2, 2)))
    with pytest.raises(ValueError, match="X must not contain NaN"):
        perceptron.weighted_sum([1, 2, 3], [[np.nan, 1]])
    with pytest.raises(ValueError, match="w must hold finite numbers"):
        perceptron.weighted_sum([1, np.inf, 3], [[0, 1]])
    with pytest.raises(ValueError, match="activation must be one of 'sign', 'step'; got 'relu'"):
        perceptron.predict([1, 2, 3], [[0, 1]], activation="relu")
    with pytest.raises(TypeError, match="X must be a number or an array of numbers"):
        perceptron.weighted_sum([1, 2, 3], "ab")
