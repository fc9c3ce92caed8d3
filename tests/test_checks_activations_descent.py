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


def test_check_learning_rates():
    right = {0.01: "crawl", 0.3: "converge", 0.9: "oscillate", 1.2: "diverge"}
    assert verdict(checks.check_learning_rates(right))
    swapped = {**right, 0.9: "diverge", 1.2: "oscillate"}
    assert not verdict(checks.check_learning_rates(swapped))
    assert "-0.80" in repr(checks.check_learning_rates(swapped))
    assert not verdict(checks.check_learning_rates({0.01: ..., 0.3: ..., 0.9: ..., 1.2: ...}))
    assert not verdict(checks.check_learning_rates({0.01: "crawl"}))
    assert not verdict(checks.check_learning_rates([1, 2]))


@pytest.mark.parametrize("wrong", [7.2, 6, 36, 3, 10])
def test_check_update_count(wrong):
    assert verdict(checks.check_update_count(math.ceil(12 / 5) * 3))
    assert not verdict(checks.check_update_count(wrong))
