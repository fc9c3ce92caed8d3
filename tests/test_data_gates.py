import numpy as np
import pytest

from helpers import data


@pytest.mark.parametrize("name, truth", [
    ("AND", [0, 0, 0, 1]), ("OR", [0, 1, 1, 1]), ("NAND", [1, 1, 1, 0]), ("XOR", [0, 1, 1, 0]),
])
def test_truth_tables(name, truth):
    X, y = data.logic_gate(name)
    np.testing.assert_array_equal(X, [[0, 0], [0, 1], [1, 0], [1, 1]])
    np.testing.assert_array_equal(y, truth)
    _, y_pm1 = data.logic_gate(name.lower(), labels="pm1")
    np.testing.assert_array_equal(y_pm1, 2 * np.array(truth) - 1)


def test_gate_tables_are_copies():
    X, _ = data.logic_gate("AND")
    X[0, 0] = 99
    assert data.logic_gate("AND")[0][0, 0] == 0


def test_unknown_gate_and_labels():
    with pytest.raises(ValueError, match="name must be one of 'AND', 'OR', 'NAND', 'XOR'; got 'NOR'"):
        data.logic_gate("NOR")
    with pytest.raises(ValueError, match="labels must be one of"):
        data.logic_gate("AND", labels="+-")
    with pytest.raises(TypeError, match="name must be"):
        data.logic_gate(3)
