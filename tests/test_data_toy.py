"""Tests for the 2-D toy sets in helpers.data (make_moons, make_circles, make_xor, make_spiral, make_blobs)."""

import numpy as np
import pytest

from helpers import data

MAKERS = [data.make_moons, data.make_circles, data.make_xor, data.make_spiral, data.make_blobs]


@pytest.mark.parametrize("make", MAKERS)
@pytest.mark.parametrize("n", [2, 7, 200])
def test_shapes_labels_and_balance(make, n):
    X, y = make(n, noise=0.1, seed=0)
    assert X.shape == (n, 2) and y.shape == (n,)
    assert set(np.unique(y)) <= {0.0, 1.0}
    assert abs(np.sum(y == 1) - np.sum(y == 0)) <= 1
    assert np.all(np.isfinite(X))


@pytest.mark.parametrize("make", MAKERS)
def test_same_seed_same_data_other_seed_other_data(make):
    X1, y1 = make(50, noise=0.2, seed=3)
    X2, y2 = make(50, noise=0.2, seed=3)
    X3, _ = make(50, noise=0.2, seed=4)
    assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


def test_circles_without_noise_lie_on_their_radii():
    X, y = data.make_circles(40, noise=0.0, seed=0, factor=0.4)
    radius = np.hypot(X[:, 0], X[:, 1])
    assert radius[y == 0] == pytest.approx(1.0)
    assert radius[y == 1] == pytest.approx(0.4)


def test_xor_without_noise_follows_the_gate():
    X, y = data.make_xor(100, noise=0.0, seed=0)
    # class 1 exactly where x1 and x2 have different signs
    assert np.array_equal(y == 1, np.sign(X[:, 0]) != np.sign(X[:, 1]))


def test_moons_without_noise_lie_on_two_unit_half_circles():
    X, y = data.make_moons(60, noise=0.0, seed=0)
    # the upper moon is centred at (0, 0) - shift and the lower one at (1, 0.5) - shift
    shift = np.array([0.5, 0.25])
    upper = X[y == 0] + shift
    lower = X[y == 1] + shift - [1.0, 0.5]
    assert np.hypot(*upper.T) == pytest.approx(1.0)
    assert np.hypot(*lower.T) == pytest.approx(1.0)
    assert np.all(upper[:, 1] >= -1e-12) and np.all(lower[:, 1] <= 1e-12)


def test_spiral_arms_are_point_symmetric():
    X, y = data.make_spiral(40, noise=0.0, seed=0)
    arm0 = X[y == 0][np.argsort(np.hypot(*X[y == 0].T))]
    arm1 = X[y == 1][np.argsort(np.hypot(*X[y == 1].T))]
    assert arm1 == pytest.approx(-arm0)  # class 1 is class 0 turned by 180 degrees


def test_blobs_gather_around_their_centres_and_noise_sets_the_spread():
    # make_blobs is the one on main (notebook 04); the playground uses it as its "blobs"
    X, y = data.make_blobs(4000, noise=0.3, seed=0)
    assert X[y == 0].mean(axis=0) == pytest.approx([-1.0, -1.0], abs=0.03)
    assert X[y == 1].mean(axis=0) == pytest.approx([1.0, 1.0], abs=0.03)
    assert X[y == 1].std(axis=0) == pytest.approx([0.3, 0.3], abs=0.02)


def test_noise_moves_points_by_about_its_standard_deviation():
    X0, y0 = data.make_xor(2000, noise=0.0, seed=1)
    X1, y1 = data.make_xor(2000, noise=0.25, seed=1)
    assert np.array_equal(y0, y1)
    assert np.std(X1 - X0) == pytest.approx(0.25, rel=0.05)


@pytest.mark.parametrize("make", MAKERS)
@pytest.mark.parametrize(
    "kwargs, error",
    [
        ({"n": 1}, ValueError),
        ({"n": 10.5}, TypeError),
        ({"noise": -0.1}, ValueError),
        ({"noise": float("nan")}, ValueError),
        ({"noise": "a lot"}, (TypeError, ValueError)),
        ({"seed": "zero"}, TypeError),
        ({"seed": -1}, ValueError),  # numpy would say "expected non-negative integer"
    ],
)
def test_bad_arguments_are_named(make, kwargs, error):
    args = {"n": 10, "noise": 0.1, "seed": 0} | kwargs
    with pytest.raises(error, match=rf"^{list(kwargs)[0]} must be"):
        make(**args)


def test_toy_sets_table_lists_every_maker():
    assert set(data.TOY_SETS.values()) == set(MAKERS)
