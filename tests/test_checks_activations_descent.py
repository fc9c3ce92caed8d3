"""Checkers of notebooks 02 and 03: each accepts the reference answer and rejects known wrong ones."""

import math

import numpy as np
import pytest

from helpers import checks


def verdict(result):
    assert isinstance(result, checks.CheckResult)
    return result.passed


def test_check_sigmoid_slope():
    z = 1 / (1 + math.exp(-2))
    assert verdict(checks.check_sigmoid_slope(z * (1 - z)))
    assert not verdict(checks.check_sigmoid_slope(z))
    assert "sigmoid(s) * (1 - sigmoid(s))" in repr(checks.check_sigmoid_slope(z))
    assert not verdict(checks.check_sigmoid_slope(0.25))
    assert not verdict(checks.check_sigmoid_slope("abc"))
    assert not verdict(checks.check_sigmoid_slope(...))


def reference_softmax(s):
    e = np.exp(s - np.max(s))
    return e / e.sum()


def naive_softmax(s):
    return np.exp(s) / np.exp(s).sum()


def test_check_softmax():
    assert verdict(checks.check_softmax(reference_softmax))
    naive = checks.check_softmax(naive_softmax)  # must not warn (filterwarnings=error) nor raise
    assert not verdict(naive) and "subtract max(s)" in repr(naive)
    assert not verdict(checks.check_softmax(np.exp))
    assert "divided by their sum" in repr(checks.check_softmax(np.exp))
    assert not verdict(checks.check_softmax(lambda s: ...))
    assert not verdict(checks.check_softmax(lambda s: 1 / 0))
    assert not verdict(checks.check_softmax(None))


def test_check_combined_weights():
    # by hand: row i of V W is sum_j V[i, j] W[j]: 1*2 - 2*1 + 0.5*(-1) = -0.5 and 0*2 + 1*1 + 3*(-1) = -2
    assert verdict(checks.check_combined_weights([[-0.5], [-2.0]]))
    swapped = checks.check_combined_weights([[-2.0], [-0.5]])
    assert not verdict(swapped) and "swapped" in repr(swapped)
    assert not verdict(checks.check_combined_weights([[2.0], [1.0]]))
    assert not verdict(checks.check_combined_weights([[2.0], [1.0], [-1.0]]))  # W alone, wrong shape


def test_check_slope_estimate():
    L = lambda w: w**2 - 2 * w  # noqa: E731
    h = 0.001
    assert verdict(checks.check_slope_estimate((L(3 + h) - L(3 - h)) / (2 * h)))
    assert not verdict(checks.check_slope_estimate((L(3 + h) - L(3)) / h))
    assert not verdict(checks.check_slope_estimate((L(3 + h) - L(3 - h)) / h))


def test_check_update_rule():
    assert verdict(checks.check_update_rule(np.array([2.0, 1.0]) - 0.25 * np.array([0.8, 2.0])))
    wrong = checks.check_update_rule([2.2, 1.5])
    assert not verdict(wrong) and "subtracts" in repr(wrong)
    assert not verdict(checks.check_update_rule([1.8]))


RIGHT_REGIMES = {0.01: "crawling", 0.3: "converging", 0.9: "zigzagging", 1.2: "diverging"}


@pytest.mark.parametrize("forms", [
    RIGHT_REGIMES,
    {0.01: "crawl", 0.3: "converge", 0.9: "zigzag", 1.2: "diverge"},  # the verbs
    {0.01: "crawls", 0.3: "converges", 0.9: "Zig-zags", 1.2: "diverged"},
    {0.01: " Crawling ", 0.3: "converged", 0.9: "oscillating", 1.2: "DIVERGES"},  # the explorer's old words
])
def test_check_learning_rates_accepts_the_notebooks_words_and_their_forms(forms):
    assert verdict(checks.check_learning_rates(forms))


@pytest.mark.parametrize("lr, got, hint", [
    # 0.9: 1 - 2 lr = -0.8 reaches the minimum, but from alternating sides
    (0.9, "converging", "it does reach the minimum (0.012 of the distance is left"),
    (0.9, "crawling", "-0.80 is negative: w lands on the other side"),
    (0.9, "diverging", "|1 - 2 lr| = 0.80 < 1"),
    # 1.2: 1 - 2 lr = -1.4 jumps sides too, but further out each time
    (1.2, "zigzagging", "it does jump from side to side, but away from the minimum"),
    (1.2, "converging", "|-1.40| > 1"),
    # 0.01: 0.98^20 = 0.67 of the distance left: on the way, not there
    (0.01, "converging", "0.98^20 = 0.67 of the distance is still left"),
    (0.01, "zigzagging", "0.98 is positive: w stays on its starting side"),
    # 0.3: 0.4^20 = 1.1e-8 left: there
    (0.3, "crawling", "0.40^20 = 1.1e-08 of the distance is left: w has reached the minimum"),
])
def test_check_learning_rates_explains_each_typical_mistake(lr, got, hint):
    result = checks.check_learning_rates({**RIGHT_REGIMES, lr: got})
    assert not verdict(result)
    assert f"lr = {lr} is not {got} because" in repr(result) and hint in repr(result), repr(result)


def test_check_learning_rates_counts_the_mistakes_and_refuses_other_words():
    swapped = checks.check_learning_rates({**RIGHT_REGIMES, 0.9: "diverging", 1.2: "zigzagging"})
    assert not verdict(swapped) and "(2 of 4 are not right yet)" in repr(swapped)
    unknown = checks.check_learning_rates({**RIGHT_REGIMES, 0.3: "fast"})
    assert not verdict(unknown) and "'fast' is not one of the four words" in repr(unknown)
    assert "still ..." in repr(checks.check_learning_rates({0.01: ..., 0.3: ..., 0.9: ..., 1.2: ...}))
    assert "no entry for lr = 0.3, 0.9, 1.2" in repr(checks.check_learning_rates({0.01: "crawling"}))
    assert not verdict(checks.check_learning_rates([1, 2]))
    assert not verdict(checks.check_learning_rates({**RIGHT_REGIMES, 0.3: 3}))


def test_check_learning_rates_agrees_with_the_explorer():
    """The checker's words are the names describe_descent gives the same runs."""
    from helpers import optim

    loss = optim.EXAMPLE_LOSSES["parabola"]
    for lr, name in RIGHT_REGIMES.items():
        info = optim.gradient_descent(loss.grad, -2.5, lr, 20, limit=1e3, return_info=True)
        assert optim.describe_descent(info.path, loss.grad, loss.fn, diverged=info.diverged) == name


@pytest.mark.parametrize("wrong", [7.2, 6, 36, 3, 10])
def test_check_update_count(wrong):
    assert verdict(checks.check_update_count(math.ceil(12 / 5) * 3))
    assert not verdict(checks.check_update_count(wrong))
