"""Tests for helpers.autodiff.Value: every gradient is compared with an independent computation."""

import math

import numpy as np
import pytest

from helpers.autodiff import Value


def finite_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def test_sin_of_square_matches_the_lecture():
    # z = sin(x^2): dz/dx = 2x cos(x^2), worked out by hand in the lecture
    for x0 in (-2.0, -0.3, 0.0, 0.7, 1.5):
        x = Value(x0)
        z = (x**2).sin()
        z.backward()
        assert z.data == pytest.approx(math.sin(x0**2))
        assert x.grad == pytest.approx(2 * x0 * math.cos(x0**2), abs=1e-12)


def test_shared_node_accumulates_gradients():
    # x is used twice in x * x: the two paths must add up to 2x, not overwrite each other
    x = Value(3.0)
    y = x * x
    y.backward()
    assert x.grad == pytest.approx(6.0)
    # a node reused further down the graph: u = x + 1 feeds both factors of u * u and an extra + u
    x = Value(2.0)
    u = x + 1
    z = u * u + u  # dz/dx = 2u + 1 = 7 at x = 2
    z.backward()
    assert u.grad == pytest.approx(7.0)
    assert x.grad == pytest.approx(7.0)


def test_backward_twice_gives_the_same_gradient():
    x = Value(0.5)
    z = (x * x.exp()).tanh()
    z.backward()
    first = x.grad
    z.backward()
    assert x.grad == pytest.approx(first)


@pytest.mark.parametrize(
    "op, f, df",
    [
        ("sin", math.sin, math.cos),
        ("cos", math.cos, lambda a: -math.sin(a)),
        ("exp", math.exp, math.exp),
        ("log", math.log, lambda a: 1 / a),
        ("tanh", math.tanh, lambda a: 1 - math.tanh(a) ** 2),
        ("sigmoid", lambda a: 1 / (1 + math.exp(-a)), lambda a: math.exp(-a) / (1 + math.exp(-a)) ** 2),
    ],
)
def test_each_function_against_its_textbook_derivative(op, f, df):
    for a0 in (0.3, 1.1, 2.5):
        a = Value(a0)
        out = getattr(a, op)()
        out.backward()
        assert out.data == pytest.approx(f(a0))
        assert a.grad == pytest.approx(df(a0))


def test_relu_and_its_kink():
    for a0, want_value, want_grad in ((-1.5, 0.0, 0.0), (0.0, 0.0, 0.0), (2.0, 2.0, 1.0)):
        a = Value(a0)
        out = a.relu()
        out.backward()
        assert (out.data, a.grad) == (want_value, want_grad)


def test_sigmoid_does_not_overflow_for_large_inputs():
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0


def test_arithmetic_with_plain_numbers_on_either_side():
    x = Value(2.0)
    z = 3 - x / 4 + 1 / x * 2 - 2 * x + x**3
    z.backward()
    # z = 3 - x/4 + 2/x - 2x + x^3; dz/dx = -1/4 - 2/x^2 - 2 + 3x^2
    assert z.data == pytest.approx(3 - 0.5 + 1 - 4 + 8)
    assert x.grad == pytest.approx(-0.25 - 0.5 - 2 + 12)


def _random_expression(rng, x, depth):
    """A random expression of x built from every operation (evaluated on Values or floats)."""
    if depth == 0:
        return x * float(rng.uniform(-2.0, 2.0)) + float(rng.uniform(-1.0, 1.0))
    a = _random_expression(rng, x, depth - 1)
    b = _random_expression(rng, x, depth - 1)
    choice = rng.integers(9)
    ops = [
        lambda a, b: a + b,
        lambda a, b: a - b,
        lambda a, b: a * b,
        lambda a, b: a / (b * b + 1.0),
        lambda a, b: _call(a, "sin"),
        lambda a, b: _call(a, "tanh") * b,
        lambda a, b: _call(a * 0.1, "exp") + b,
        lambda a, b: _call(a * a + 1.0, "log"),
        lambda a, b: _call(a, "sigmoid") - (b * b + 1.0) ** 0.5,
    ]
    return ops[choice](a, b)


def _call(a, name):
    if isinstance(a, Value):
        return getattr(a, name)()
    table = {"sin": math.sin, "tanh": math.tanh, "exp": math.exp, "log": math.log,
             "sigmoid": lambda t: 1 / (1 + math.exp(-t))}
    return table[name](a)


@pytest.mark.parametrize("seed", range(20))
def test_random_expressions_against_finite_differences(seed):
    x0 = float(np.random.default_rng(100 + seed).uniform(-1.5, 1.5))

    def build(x):
        return _random_expression(np.random.default_rng(seed), x, depth=3)

    x = Value(x0)
    z = build(x)
    assert isinstance(z, Value), "the expression should depend on x"
    z.backward()
    numeric = finite_difference(lambda t: float(build(t)), x0)
    assert z.data == pytest.approx(float(build(x0)))
    assert x.grad == pytest.approx(numeric, rel=1e-6, abs=1e-8)


@pytest.mark.parametrize("seed", range(20, 30))
def test_random_expressions_against_optim_numerical_derivative(seed):
    from helpers import optim

    x0 = float(np.random.default_rng(100 + seed).uniform(-1.5, 1.5))

    def build(x):
        return _random_expression(np.random.default_rng(seed), x, depth=3)

    x = Value(x0)
    build(x).backward()
    assert x.grad == pytest.approx(optim.numerical_derivative(lambda t: float(build(t)), x0), rel=1e-6, abs=1e-8)


def test_deep_chain_does_not_hit_the_recursion_limit():
    x = Value(0.001)
    z = x
    for _ in range(5000):
        z = z * 1.0 + 0.0
    z.backward()
    assert x.grad == pytest.approx(1.0)


@pytest.mark.parametrize(
    "make, error",
    [
        (lambda: Value("1"), TypeError),
        (lambda: Value(True), TypeError),
        (lambda: Value(1.0) + "a", TypeError),
        (lambda: Value(1.0) ** Value(2.0), TypeError),
        (lambda: Value(-1.0).log(), ValueError),
        (lambda: Value(-2.0) ** 0.5, ValueError),
        (lambda: Value(1.0) / 0, ZeroDivisionError),
    ],
)
def test_bad_inputs_raise_clear_errors(make, error):
    with pytest.raises(error):
        make()


def test_repr_shows_label_value_and_grad():
    assert repr(Value(2.0, "x")) == "Value(x=2, grad=0)"
