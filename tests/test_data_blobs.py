"""Tests for helpers.data.make_blobs (the separable toy set of notebook 04)."""

import numpy as np
import pytest

from helpers.data import make_blobs


def test_shapes_balance_and_labels():
    X, y = make_blobs(41, noise=0.3, seed=1)
    assert X.shape == (41, 2) and y.shape == (41,)
    assert set(np.unique(y)) == {0.0, 1.0}
    assert (y == 0).sum() == 20 and (y == 1).sum() == 21
    _, y_pm = make_blobs(41, noise=0.3, seed=1, labels="pm1")
    np.testing.assert_array_equal(y_pm, 2 * y - 1)


def test_classes_come_in_shuffled_order():
    # The docstring promises shuffled order: any slice, e.g. the first ten points, holds both
    # classes, and the order differs from seed to seed.
    orders = [make_blobs(40, noise=0.3, seed=seed)[1] for seed in range(5)]
    for y in orders:
        assert 0 < y[:10].sum() < 10
        assert np.count_nonzero(np.diff(y)) > 5  # far from the 1 change of sorted labels
    assert len({tuple(y) for y in orders}) == 5


def test_clouds_sit_around_their_centres():
    X, y = make_blobs(4000, noise=0.5, seed=0)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [1, 1], atol=0.05)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [-1, -1], atol=0.05)
    np.testing.assert_allclose(X[y == 1].std(axis=0), [0.5, 0.5], atol=0.05)


def test_seed_reproduces_and_differs():
    a, b, c = (make_blobs(20, 0.4, seed=s)[0] for s in (3, 3, 4))
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_small_noise_is_separable_by_x1_plus_x2():
    X, y = make_blobs(200, noise=0.2, seed=5, labels="pm1")
    assert np.all(y * X.sum(axis=1) > 0)


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"n": 1}, ValueError, "n must be >= 2"),
        ({"n": 4.0}, TypeError, "n must be a whole number"),
        ({"noise": -0.1}, ValueError, "noise must be >= 0; got -0.1"),
        ({"noise": float("nan")}, ValueError, "noise must be"),
        ({"labels": "+-"}, ValueError, "labels must be one of"),
    ],
)
def test_bad_input(kwargs, error, words):
    with pytest.raises(error, match=words):
        make_blobs(**kwargs)
