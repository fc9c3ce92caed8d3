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
