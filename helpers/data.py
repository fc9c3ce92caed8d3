"""Data sets: logic-gate tables, 2-D toy sets and the real penguins."""

import numpy as np

from ._validate import check_choice

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
