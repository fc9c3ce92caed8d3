"""Notebook 04's checkers: each accepts the reference answer and rejects known wrong ones."""

import numpy as np
import pytest

from helpers import checks


def reference_gradient(w, x, y):
    x_with_bias = np.concatenate(([1.0], x))
    s = x_with_bias @ np.asarray(w, dtype=float)
    return -y * x_with_bias if s * y <= 0 else np.zeros_like(x_with_bias)


def test_gradient_checker_accepts_the_reference():
    result = checks.check_loss_gradient(reference_gradient)
    assert result and result.message.startswith("-y x for mistakes")


def test_gradient_checker_rejects_no_update_on_the_boundary():
    def strict(w, x, y):  # the notebook's starting version: s * y < 0 only
        x_with_bias = np.concatenate(([1.0], x))
        s = x_with_bias @ np.asarray(w, dtype=float)
        return -y * x_with_bias if s * y < 0 else np.zeros_like(x_with_bias)

    result = checks.check_loss_gradient(strict)
    assert not result
    assert "s*y = 0: on the boundary" in result.message and "w = 0 never learns" in result.message


def test_gradient_checker_rejects_wrong_sign_and_forgotten_bias():
    flipped = checks.check_loss_gradient(lambda w, x, y: -reference_gradient(w, x, y))
    assert not flipped and "s*y < 0: a mistake" in flipped.message
    no_bias = checks.check_loss_gradient(lambda w, x, y: reference_gradient(w, x, y)[1:])
    assert not no_bias and "3 entries" in no_bias.message
    always = checks.check_loss_gradient(lambda w, x, y: -y * np.concatenate(([1.0], x)))
    assert not always and "correct" in always.message and "gradient is 0" in always.message


@pytest.mark.parametrize("answer", [None, ..., 3, lambda w, x: 0, lambda w, x, y: 1 / 0])
def test_gradient_checker_never_raises(answer):
    result = checks.check_loss_gradient(answer)
    assert isinstance(result, checks.CheckResult) and not result


def test_next_two_steps_reference_and_mistakes():
    # Worked by hand: (0,0) has s = -0.1, y = -1: right, no change; (0,1) has s = -0.1 + 0.1 = 0.
    assert checks.check_next_two_steps([-0.1, 0.2, 0.1], [-0.2, 0.2, 0.0])
    unchanged = checks.check_next_two_steps([-0.1, 0.2, 0.1], [-0.1, 0.2, 0.1])
    assert not unchanged and "on the boundary" in unchanged.message
    updated_3 = checks.check_next_two_steps([-0.2, 0.2, 0.1], [-0.3, 0.2, 0.0])
    assert not updated_3 and "do not change" in updated_3.message
    wrong_sign = checks.check_next_two_steps([-0.1, 0.2, 0.1], [0.0, 0.2, 0.2])
    assert not wrong_sign and "[1, 0, 1]" in wrong_sign.message
    assert not checks.check_next_two_steps([-0.1, 0.2], [-0.2, 0.2, 0.0])
    assert not checks.check_next_two_steps(..., ...)


def test_which_converge():
    assert checks.check_which_converge({"AND": True, "OR": True, "NAND": True, "XOR": False})
    assert checks.check_which_converge({"and": True, "or": True, "nand": True, "xor": False})
    xor_wrong = checks.check_which_converge({"AND": True, "OR": True, "NAND": True, "XOR": True})
    assert not xor_wrong and xor_wrong.message.startswith("XOR: True because no straight line")
    assert "NAND" in checks.check_which_converge({"AND": True, "OR": True, "NAND": False, "XOR": False}).message
    assert "give True or False for XOR" in checks.check_which_converge({"AND": True, "OR": True, "NAND": True}).message
    assert not checks.check_which_converge({"AND": "yes", "OR": True, "NAND": True, "XOR": False})
    assert not checks.check_which_converge(["AND"])


def test_lr_from_zero():
    assert checks.check_lr_from_zero("a") and checks.check_lr_from_zero(" A ")
    assert "scaling w does not move" in checks.check_lr_from_zero("b").message
    assert "nothing blows up" in checks.check_lr_from_zero("c").message
    assert not checks.check_lr_from_zero("d") and not checks.check_lr_from_zero(None)
