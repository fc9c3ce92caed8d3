"""Data sets: logic-gate tables, 2-D toy sets and the real penguins."""

import numbers

import numpy as np

from ._validate import as_rng, check_choice, check_int

_GATE_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_GATE_OUTPUTS = {
    "AND": [0, 0, 0, 1],
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "XOR": [0, 1, 1, 0],
}


def logic_gate(name, labels="01"):
    """The truth table of a two-input logic gate.

    Parameters
    ----------
    name : {"AND", "OR", "NAND", "XOR"}
        Case does not matter.
    labels : {"01", "pm1"}
        "01" gives y in {0, 1} (step, cross-entropy); "pm1" gives y in {-1, +1}
        (sign, perceptron loss), the lecture's "A: +1, B: -1".

    Returns
    -------
    X : (4, 2) ndarray
        Rows (0,0), (0,1), (1,0), (1,1).
    y : (4,) ndarray

    >>> X, y = logic_gate("AND", labels="pm1")
    >>> y
    array([-1., -1., -1.,  1.])
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a gate name string; got {type(name).__name__}")
    key = check_choice(name.upper(), "gate name", tuple(_GATE_OUTPUTS))
    check_choice(labels, "labels", ("01", "pm1"))
    y = np.array(_GATE_OUTPUTS[key], dtype=float)
    if labels == "pm1":
        y = 2.0 * y - 1.0
    return _GATE_INPUTS.copy(), y


def make_blobs(n=40, noise=0.5, seed=0, labels="01"):
    """Two round clouds of 2-D points, one per class, around (-1, -1) and (+1, +1).

    With small ``noise`` the classes are linearly separable (the line x1 + x2 = 0
    lies between the centres); as ``noise`` grows the clouds overlap.

    Parameters
    ----------
    n : int >= 2
        Number of points; the classes get n // 2 and n - n // 2, in shuffled order.
    noise : float >= 0
        Standard deviation of each cloud around its centre.
    seed : int or numpy Generator
    labels : {"01", "pm1"}
        Class of the (+1, +1) cloud is 1 (or +1); the other is 0 (or -1).

    Returns
    -------
    X : (n, 2) ndarray
    y : (n,) ndarray

    >>> X, y = make_blobs(6, noise=0.0, seed=0, labels="pm1")
    >>> bool(np.all(X == y[:, None]))
    True
    """
    n = check_int(n, "n", minimum=2)
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real) or not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0; got {noise!r}")
    check_choice(labels, "labels", ("01", "pm1"))
    rng = as_rng(seed)
    y01 = rng.permutation(np.arange(n) >= n // 2).astype(float)
    X = (2.0 * y01 - 1.0)[:, None] + rng.normal(scale=float(noise), size=(n, 2))
    return X, (2.0 * y01 - 1.0 if labels == "pm1" else y01)


# -- 2-D toy sets for the MLP (issue 5) -----------------------------------------------------
# Each returns X of shape (n, 2) and labels y in {0, 1} of shape (n,), is fully
# determined by ``seed``, and adds Gaussian noise of standard deviation ``noise``.


def _toy_args(n, noise, seed):
    from ._validate import as_rng, check_int

    n = check_int(n, "n", minimum=2)
    if isinstance(noise, bool) or not isinstance(noise, (int, float, np.integer, np.floating)):
        raise TypeError(f"noise must be a number; got {type(noise).__name__}")
    if not np.isfinite(noise) or noise < 0:
        raise ValueError(f"noise must be a finite number >= 0; got {noise}")
    return n, float(noise), as_rng(seed=seed)


def _halves(n):
    """Sizes of class 0 and class 1: as equal as possible."""
    return n - n // 2, n // 2


def _with_noise(X, y, noise, rng):
    X = X + noise * rng.normal(size=X.shape)  # drawn even for noise 0: same seed, same points
    order = rng.permutation(len(y))  # mix the classes so that any slice holds both
    return X[order], y[order].astype(float)


def make_moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles: class 0 the upper moon, class 1 the lower.

    >>> X, y = make_moons(6, noise=0.0, seed=0)
    >>> X.shape, sorted(y.tolist())
    ((6, 2), [0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    """
    n, noise, rng = _toy_args(n, noise, seed)
    n0, n1 = _halves(n)
    a0, a1 = np.linspace(0, np.pi, n0), np.linspace(0, np.pi, n1)
    upper = np.column_stack([np.cos(a0), np.sin(a0)])
    lower = np.column_stack([1 - np.cos(a1), 0.5 - np.sin(a1)])
    X = np.vstack([upper, lower]) - [0.5, 0.25]  # centre the pair on the origin
    return _with_noise(X, np.r_[np.zeros(n0), np.ones(n1)], noise, rng)


def make_circles(n=200, noise=0.05, seed=0, factor=0.5):
    """A small circle (class 1, radius ``factor``) inside a large one (class 0, radius 1)."""
    n, noise, rng = _toy_args(n, noise, seed)
    if not 0 < factor < 1:
        raise ValueError(f"factor must be between 0 and 1; got {factor}")
    n0, n1 = _halves(n)
    a0 = np.linspace(0, 2 * np.pi, n0, endpoint=False)
    a1 = np.linspace(0, 2 * np.pi, n1, endpoint=False)
    outer = np.column_stack([np.cos(a0), np.sin(a0)])
    inner = factor * np.column_stack([np.cos(a1), np.sin(a1)])
    return _with_noise(np.vstack([outer, inner]), np.r_[np.zeros(n0), np.ones(n1)], noise, rng)


def make_xor(n=200, noise=0.1, seed=0):
    """Points near the four corners (+-1, +-1); class 1 where the signs of x1 and x2 differ.

    The continuous version of the XOR gate: no straight line separates the classes.
    """
    n, noise, rng = _toy_args(n, noise, seed)
    corners = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
    labels = np.array([0.0, 1.0, 1.0, 0.0])
    which = np.arange(n) % 4
    X = corners[which] * rng.uniform(0.3, 1.0, size=(n, 1))  # spread points towards the centre
    return _with_noise(X, labels[which], noise, rng)


def make_spiral(n=200, noise=0.1, seed=0, turns=1.5):
    """Two interleaved spiral arms, class 0 and class 1 (one arm rotated by 180 degrees)."""
    n, noise, rng = _toy_args(n, noise, seed)
    n0, n1 = _halves(n)
    arms = []
    for count, offset in ((n0, 0.0), (n1, np.pi)):
        t = np.linspace(0.05, 1.0, count)
        angle = 2 * np.pi * turns * t + offset
        arms.append(np.column_stack([t * np.cos(angle), t * np.sin(angle)]))
    return _with_noise(np.vstack(arms), np.r_[np.zeros(n0), np.ones(n1)], noise, rng)


TOY_SETS = {
    "XOR": make_xor,
    "moons": make_moons,
    "circles": make_circles,
    "spiral": make_spiral,
    "blobs": make_blobs,  # main's, above: two clouds around (-1, -1) and (1, 1)
}
