"""The checkers of notebooks 05 and 06 accept the reference answers and reject known wrong ones."""

import math

from helpers import checks


def _sig(t):
    return 1 / (1 + math.exp(-t))


def test_composition_derivative():
    assert checks.check_composition_derivative(lambda x: -math.sin(x) * math.exp(math.cos(x)))
    for wrong, word in ((lambda x: math.sin(x) * math.exp(math.cos(x)), "sign"),
                        (lambda x: -math.sin(x), "multiply by dz/du"),
                        (lambda x: math.exp(math.cos(x)), "only dz/du"),
                        (lambda x: math.cos(x), "dz/du * du/dx")):
        result = checks.check_composition_derivative(wrong)
        assert not result and word in result.message
    assert "function" in checks.check_composition_derivative(3.0).message
    assert not checks.check_composition_derivative(...)


def test_shared_node_gradient():
    # z = x*x + 3x: dz/dx = 2x + 3 = 7 at x = 2
    assert checks.check_shared_node_gradient(7)
    assert checks.check_shared_node_gradient(7.0)
    for wrong in (2, 3, 4, 5, 11):
        assert not checks.check_shared_node_gradient(wrong)
    assert not checks.check_shared_node_gradient("seven")


def test_output_gradient_of_the_worked_example():
    # by hand: r = (0.6, 0.1), u = sigmoid(r), s = 0.2 + 0.6 u1 - 0.7 u2, z = sigmoid(s), y = 1
    u1, u2 = _sig(0.6), _sig(0.1)
    z = _sig(0.2 + 0.6 * u1 - 0.7 * u2)
    right = [(z - 1), (z - 1) * u1, (z - 1) * u2]
    assert checks.check_output_gradient(right)
    assert checks.check_output_gradient([[g] for g in right])  # a (3, 1) column like model.w
    flipped = checks.check_output_gradient([-g for g in right])
    assert not flipped and "sign" in flipped.message
    extra = checks.check_output_gradient([g * z * (1 - z) for g in right])
    assert not extra and "cancels" in extra.message
    short = checks.check_output_gradient(right[1:])
    assert not short and "bias" in short.message
    assert not checks.check_output_gradient([0.0, 0.0, 0.0])


def test_bce_with_sigmoid():
    assert checks.check_bce_with_sigmoid("b")
    assert checks.check_bce_with_sigmoid(" B ")
    assert not checks.check_bce_with_sigmoid("a")
    assert not checks.check_bce_with_sigmoid("c")
    assert not checks.check_bce_with_sigmoid("d")
