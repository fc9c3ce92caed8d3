"""Numerical derivatives, gradient descent paths and minibatches."""

import math

import numpy as np
import pytest

from helpers import optim


def test_numerical_derivative_known_values():
    assert optim.numerical_derivative(math.sin, 0.0) == pytest.approx(1.0, abs=1e-10)
    # the lecture's sin(x^2): derivative 2x cos(x^2)
    x = np.linspace(-2, 2, 9)
    np.testing.assert_allclose(optim.numerical_derivative(lambda t: np.sin(t**2), x), 2 * x * np.cos(x**2), atol=1e-8)


def test_central_difference_error_shrinks_like_h_squared():
    exact = math.exp(1.0)
    errors = [abs(optim.numerical_derivative(np.exp, 1.0, h=h) - exact) for h in (1e-1, 1e-2)]
    assert errors[1] < errors[0] / 50  # h^2: ten times smaller h, ~100 times smaller error


def test_numerical_gradient_known_values():
    f = lambda w: 3 * w[0] ** 2 + w[0] * w[1] - 2 * w[1]  # noqa: E731
    np.testing.assert_allclose(optim.numerical_gradient(f, [1.0, 2.0]), [6 * 1 + 2, 1 - 2], atol=1e-8)
    W = np.arange(6.0).reshape(2, 3)
    np.testing.assert_allclose(optim.numerical_gradient(lambda m: np.sum(m**2), W), 2 * W, atol=1e-8)


def test_numerical_gradient_leaves_input_untouched():
    w = np.array([1.0, 2.0])
    optim.numerical_gradient(lambda v: float(v @ v), w)
    np.testing.assert_array_equal(w, [1.0, 2.0])


def test_numerical_helpers_reject_bad_input():
    with pytest.raises(ValueError, match="h must"):
        optim.numerical_derivative(np.sin, 1.0, h=0)
    with pytest.raises(TypeError, match="f must be a function"):
        optim.numerical_gradient(3.0, [1.0])
    with pytest.raises(ValueError, match="single number"):
        optim.numerical_gradient(lambda w: w, [1.0, 2.0])
    with pytest.raises(ValueError, match="one value per entry"):
        optim.numerical_derivative(lambda t: np.sum(t), [1.0, 2.0])


def test_gradient_descent_on_parabola_by_hand():
    # L = (w - 1)^2, dL/dw = 2(w - 1); w = 3, lr = 0.25: each step halves the distance to 1
    path = optim.gradient_descent(lambda w: 2 * (w - 1), 3.0, lr=0.25, steps=3)
    assert path.shape == (4, 1)
    np.testing.assert_allclose(path[:, 0], [3.0, 2.0, 1.5, 1.25])


def test_gradient_descent_2d_shape_and_first_step():
    grad = optim.EXAMPLE_LOSSES["ravine"].grad  # (0.4 w1, 2 w2)
    path = optim.gradient_descent(grad, [2.0, 1.0], lr=0.1, steps=20)
    assert path.shape == (21, 2)
    np.testing.assert_allclose(path[1], [2.0 - 0.1 * 0.8, 1.0 - 0.1 * 2.0])
    np.testing.assert_allclose(path[20], [2.0 * 0.96**20, 1.0 * 0.8**20])


def test_zero_steps_is_just_the_start():
    path = optim.gradient_descent(lambda w: w, [1.0, 2.0], lr=0.1, steps=0)
    np.testing.assert_array_equal(path, [[1.0, 2.0]])


@pytest.mark.parametrize(
    "lr, regime",
    [(0.01, "crawling"), (0.3, "converging"), (0.9, "zigzagging"), (1.1, "diverging")],
)
def test_learning_rate_regimes_on_parabola(lr, regime):
    loss = optim.EXAMPLE_LOSSES["parabola"]
    info = optim.gradient_descent(loss.grad, 3.0, lr=lr, steps=30, return_info=True)
    distance = info.path[:, 0] - 1.0
    # every step multiplies the distance to the minimum by (1 - 2 lr)
    np.testing.assert_allclose(distance, 2.0 * (1 - 2 * lr) ** np.arange(31), rtol=1e-9, atol=1e-14)
    assert info.diverged is False and info.steps_taken == 30
    if regime == "crawling":
        assert abs(distance[-1]) > 1.0
    elif regime == "converging":
        assert abs(distance[-1]) < 1e-6
    elif regime == "zigzagging":
        assert np.all(np.sign(distance[1:]) != np.sign(distance[:-1])) and abs(distance[-1]) < 0.1
    else:
        assert abs(distance[-1]) > abs(distance[0]) * 100


def test_divergence_stops_path_and_flags_it():
    # lr = 10 on L = w^2: w -> -19 w, reaching inf after about 240 steps
    info = optim.gradient_descent(lambda w: 2 * w, 1.0, lr=10.0, steps=1000, return_info=True)
    assert info.diverged is True and info.steps == 1000
    assert np.all(np.isfinite(info.path))
    assert 1 <= info.steps_taken < 1000 and info.path.shape == (info.steps_taken + 1, 1)
    np.testing.assert_allclose(info.path[:4, 0], [1.0, -19.0, 361.0, -6859.0])
    assert "diverged" in repr(info)
    # the default return is the same path, still plottable
    path = optim.gradient_descent(lambda w: 2 * w, 1.0, lr=10.0, steps=1000)
    np.testing.assert_array_equal(path, info.path)


def test_divergence_limit():
    info = optim.gradient_descent(lambda w: 2 * w, 1.0, lr=1.5, steps=50, limit=100.0, return_info=True)
    np.testing.assert_allclose(info.path[:, 0], [1.0, -2.0, 4.0, -8.0, 16.0, -32.0, 64.0])
    assert info.diverged


def test_nan_gradient_counts_as_divergence():
    # grad sqrt(w) is NaN for w < 0: from w = 1 with lr = 4 the first step lands on -3
    info = optim.gradient_descent(np.sqrt, 1.0, lr=4.0, steps=5, return_info=True)
    assert info.diverged
    np.testing.assert_array_equal(info.path[:, 0], [1.0, -3.0])


def test_limit_stops_at_the_first_point_beyond_it():
    # x <- x - 1.5 * 2x = -2x visits 1, -2, 4, -8: a limit of 3.5 keeps 1 and -2 ...
    info = optim.gradient_descent(lambda x: 2 * x, 1.0, lr=1.5, steps=10, limit=3.5, return_info=True)
    assert info.path[:, 0].tolist() == [1.0, -2.0] and info.diverged and info.steps_taken == 1
    # ... and a point exactly at the limit is still inside it ("exceeds" means >)
    info = optim.gradient_descent(lambda x: 2 * x, 1.0, lr=1.5, steps=10, limit=4.0, return_info=True)
    assert info.path[:, 0].tolist() == [1.0, -2.0, 4.0] and info.diverged


def test_gradient_descent_rejects_bad_input():
    g = lambda w: 2 * w  # noqa: E731
    with pytest.raises(ValueError, match="lr must be > 0"):
        optim.gradient_descent(g, 1.0, lr=0.0, steps=5)
    with pytest.raises(ValueError, match="lr must"):
        optim.gradient_descent(g, 1.0, lr=-0.1, steps=5)
    with pytest.raises(ValueError, match="steps must be >= 0"):
        optim.gradient_descent(g, 1.0, lr=0.1, steps=-1)
    with pytest.raises(TypeError, match="steps must be a whole number"):
        optim.gradient_descent(g, 1.0, lr=0.1, steps=2.5)
    with pytest.raises(ValueError, match="shaped like x0"):
        optim.gradient_descent(lambda w: np.zeros(3), [1.0, 2.0], lr=0.1, steps=1)
    with pytest.raises(ValueError, match="x0 must be a 1-D"):
        optim.gradient_descent(g, [[1.0, 2.0]], lr=0.1, steps=1)
    with pytest.raises(ValueError, match="x0 must not contain NaN"):
        optim.gradient_descent(g, np.nan, lr=0.1, steps=1)
    with pytest.raises(TypeError, match="grad must be a function"):
        optim.gradient_descent(None, 1.0, lr=0.1, steps=1)


def test_minibatches_cover_every_index_once():
    for n, size in [(10, 3), (10, 5), (7, 1), (4, 10), (1, 1)]:
        batches = optim.minibatches(n, size, rng=0)
        assert len(batches) == math.ceil(n / size)
        np.testing.assert_array_equal(np.sort(np.concatenate(batches)), np.arange(n))
        assert all(len(b) == size for b in batches[:-1])
        assert 1 <= len(batches[-1]) <= size


def test_minibatches_shuffle_is_seeded_and_changes_per_epoch():
    np.testing.assert_array_equal(np.concatenate(optim.minibatches(8, 3, rng=5)), np.concatenate(optim.minibatches(8, 3, rng=5)))
    rng = np.random.default_rng(0)
    first, second = (np.concatenate(optim.minibatches(20, 4, rng)) for _ in range(2))
    assert not np.array_equal(first, second)
    np.testing.assert_array_equal(np.concatenate(optim.minibatches(6, 4, shuffle=False)), np.arange(6))


def test_minibatches_reject_bad_input():
    with pytest.raises(ValueError, match="batch_size must be >= 1"):
        optim.minibatches(10, 0, rng=0)
    with pytest.raises(ValueError, match="n must be >= 1"):
        optim.minibatches(0, 2, rng=0)
    with pytest.raises(TypeError, match="batch_size must be a whole number"):
        optim.minibatches(10, 2.0, rng=0)


@pytest.mark.parametrize("name", list(optim.EXAMPLE_LOSSES))
def test_example_losses_gradients_and_minima(name):
    loss = optim.EXAMPLE_LOSSES[name]
    rng = np.random.default_rng(3)
    for w in rng.uniform(-2, 2, size=(10, loss.dim)):
        np.testing.assert_allclose(loss.grad(w), optim.numerical_gradient(loss.fn, w), atol=1e-7)
    np.testing.assert_allclose(loss.grad(loss.minimum), 0.0, atol=1e-6)
    # the minimum is the lowest point on a grid around it
    grid = loss.minimum + rng.uniform(-3, 3, size=(500, loss.dim))
    assert np.all(loss.fn(grid) >= loss.fn(loss.minimum))
    assert loss.fn(loss.minimum) >= 0


def test_describe_descent_names_each_regime():
    loss = optim.EXAMPLE_LOSSES["parabola"]

    def name(lr, steps, **kw):
        info = optim.gradient_descent(loss.grad, 3.0, lr=lr, steps=steps, return_info=True, **kw)
        return optim.describe_descent(info.path, loss.grad, loss.fn, diverged=info.diverged)

    assert name(0.3, 0) == "not started"
    assert name(0.01, 20) == "crawling"  # distance 2 * 0.98^20 = 1.3 left
    assert name(0.3, 20) == "converging"  # 2 * 0.4^20 ~ 2e-8 left, always on the start's side
    assert name(0.5, 20) == "converging"  # lands on the minimum in one step and stays
    assert name(0.9, 20) == "zigzagging"  # 2 * 0.8^20 = 0.02 left, on alternating sides
    assert name(0.95, 5) == "zigzagging"  # still 2 * 0.9^5 = 1.2 away: closing in while jumping
    assert name(1.2, 20) == "diverging"  # |1 - 2.4| > 1: the loss grew, though still finite
    assert name(1.2, 20, limit=5.0) == "diverging"
    assert name(1.0, 20) == "zigzagging"  # factor -1: jumps between 3 and -1 forever, loss unchanged
    # the gradient must shrink below 2% of its starting size to count as converging
    assert name(0.1, 17) == "crawling" and name(0.1, 18) == "converging"  # 0.8^17 = 0.0225, 0.8^18 = 0.018
    assert set(optim.REGIMES) == {"not started", "diverging", "zigzagging", "converging", "crawling"}
