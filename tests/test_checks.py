"""Tests for the checker infrastructure in helpers.checks and for every notebook checker in it."""

import math

import numpy as np
import pytest

from helpers import checks, data
from helpers.checks import CheckResult, checker, correct, not_yet, run_check


def test_result_truthiness_follows_passed():
    assert bool(CheckResult(True, "ok")) is True
    assert bool(CheckResult(False, "no")) is False


def test_repr_is_one_clear_line():
    assert repr(correct("w separates AND.")) == "Correct! w separates AND."
    assert repr(not_yet("w = [0, 1, 1]", because="(0, 0) is classified +1")) == (
        "Not yet: w = [0, 1, 1] because (0, 0) is classified +1"
    )
    assert "\n" not in repr(not_yet("a", because="b"))
    assert str(correct("x")) == repr(correct("x"))


def test_html_repr_is_deterministic_and_escaped():
    result = not_yet("x < 0 & y > 1", because="<script>")
    assert result._repr_html_() == result._repr_html_()
    assert "<script>" not in result._repr_html_()
    assert "&lt;script&gt;" in result._repr_html_()
    assert "Not yet:" in result._repr_html_()
    assert "Correct!" in correct("fine")._repr_html_()


def test_constructor_rejects_non_bool_and_non_str():
    with pytest.raises(TypeError, match="passed"):
        CheckResult(1, "x")
    with pytest.raises(TypeError, match="message"):
        CheckResult(True, 3)


def test_run_check_turns_any_exception_into_not_yet():
    def boom():
        raise KeyError("w")

    result = run_check(boom)
    assert isinstance(result, CheckResult)
    assert not result
    assert repr(result) == "Not yet: the check could not run because KeyError: 'w'"


def test_run_check_passes_arguments_and_keeps_results():
    assert run_check(lambda a, b=0: correct(f"{a + b}"), 2, b=3) == correct("5")
    assert run_check(lambda: False) == not_yet("That is not right yet.")
    result = run_check(lambda: 42)
    assert not result and "int" in result.message


def test_checker_decorator_never_raises_and_keeps_name():
    @checker
    def check_positive(x):
        """Docstring kept."""
        return correct("positive") if x > 0 else not_yet(f"x = {x}", because="x must be > 0")

    assert check_positive.__name__ == "check_positive"
    assert check_positive.__doc__ == "Docstring kept."
    assert check_positive(1)
    assert repr(check_positive(-1)) == "Not yet: x = -1 because x must be > 0"
    result = check_positive("a string")  # '>' between str and int raises TypeError
    assert not result and "TypeError" in result.message


def test_module_exports():
    for name in ("CheckResult", "correct", "not_yet", "checker", "run_check"):
        assert hasattr(checks, name)


def test_placeholder_answer_is_reported_without_running_the_body():
    calls = []
    result = run_check(lambda a: calls.append(a), ...)
    assert not result and "still ..." in result.message and calls == []
    assert not run_check(lambda a=1: True, a=...)


def test_answer_problem_reads_as_a_plain_hint():
    def body():
        raise checks.AnswerProblem("w is still empty")

    assert repr(run_check(body)) == "Not yet: w is still empty"


# --- The checkers of notebooks 07 and 08: accept the reference, reject a known wrong answer ---

ALL_CHECKERS_WITH_GARBAGE = [
    lambda a: checks.check_separating_weights(a, np.zeros((2, 2)), [1, -1]),
    checks.check_separable_pair,
    lambda a: checks.check_test_standardization(a, np.ones((3, 2)), np.ones((2, 2))),
    lambda a: checks.check_accuracy(a, [0, 1], [0, 1]),
    lambda a: checks.check_confusion_matrix(a, [0, 1], [0, 1], 2),
    checks.check_deep_learning_difference,
    checks.check_gradient_step,
    checks.check_perceptron_steps,
    checks.check_chain_rule,
    checks.check_last_layer_gradient,
]


@pytest.mark.parametrize("check", ALL_CHECKERS_WITH_GARBAGE)
@pytest.mark.parametrize("garbage", [None, ..., "text", object(), [1.0, float("nan")], np.zeros((7, 7))])
def test_checkers_never_raise_on_garbage(check, garbage):
    result = check(garbage)
    assert isinstance(result, CheckResult)
    assert not result
    assert repr(result).startswith("Not yet: ")


def _separable_birds():
    X, y, _, _ = data.load_penguins(["bill_depth_mm", "flipper_length_mm"], ["Adelie", "Gentoo"])
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, np.where(y == 1, 1.0, -1.0)


def test_check_separating_weights():
    X, y = _separable_birds()
    # An independent perceptron run (rows in file order, lr = 1) finds a separating line.
    w = np.zeros(3)
    for _ in range(100):
        mistakes = 0
        for x, t in zip(X, y):
            if t * (w[0] + x @ w[1:]) <= 0:
                w += t * np.r_[1.0, x]
                mistakes += 1
        if mistakes == 0:
            break
    assert mistakes == 0
    assert checks.check_separating_weights(w, X, y)
    result = checks.check_separating_weights(-w, X, y)
    assert not result and f"misclassifies {len(y)} of {len(y)}" in result.message
    assert not checks.check_separating_weights([1.0, 0.0, 0.0], X, y)


def test_check_separable_pair():
    # The fact behind the answer, checked independently: a plain perceptron loop on
    # standardised bill depth and body mass separates Adelie from Gentoo.
    X, y, _, _ = data.load_penguins(["bill_depth_mm", "body_mass_g"], ["Adelie", "Gentoo"])
    X = np.c_[np.ones(len(y)), (X - X.mean(axis=0)) / X.std(axis=0)]
    t = np.where(y == 1, 1.0, -1.0)
    w = np.zeros(3)
    for _ in range(200):
        wrong = [i for i in range(len(t)) if t[i] * (X[i] @ w) <= 0]
        if not wrong:
            break
        for i in wrong:
            w += t[i] * X[i]
    assert np.all(t * (X @ w) > 0)
    assert checks.check_separable_pair("Adelie-Gentoo")
    assert "overlap" in repr(checks.check_separable_pair("Adelie-Chinstrap"))
    assert not checks.check_separable_pair("Gentoo-Emperor")


def test_check_test_standardization():
    X_train = np.array([[1.0, 10.0], [3.0, 30.0]])  # mean [2, 20], std [1, 10]
    X_test = np.array([[4.0, 0.0], [6.0, 20.0]])
    reference = np.array([[2.0, -2.0], [4.0, 0.0]])  # worked by hand
    assert checks.check_test_standardization(reference, X_train, X_test)
    leaky = np.array([[-1.0, -1.0], [1.0, 1.0]])  # the test set's own mean [5, 10], std [1, 10]
    result = checks.check_test_standardization(leaky, X_train, X_test)
    assert not result and "test set's own" in result.message
    assert not checks.check_test_standardization(reference + 0.1, X_train, X_test)


def test_check_accuracy():
    y_true, y_pred = [0, 1, 2, 2], [0, 2, 2, 2]
    assert checks.check_accuracy(0.75, y_true, y_pred)
    assert "percentage" in repr(checks.check_accuracy(75, y_true, y_pred))
    assert "error rate" in repr(checks.check_accuracy(0.25, y_true, y_pred))


def test_check_confusion_matrix():
    y_true, y_pred = [0, 1, 2, 2], [0, 2, 2, 2]
    reference = [[1, 0, 0], [0, 0, 1], [0, 0, 2]]
    assert checks.check_confusion_matrix(reference, y_true, y_pred, 3)
    transposed = np.array(reference).T
    assert "transposed" in repr(checks.check_confusion_matrix(transposed, y_true, y_pred, 3))
    assert not checks.check_confusion_matrix(np.eye(3), y_true, y_pred, 3)


def test_check_gradient_step():
    def loss(w):
        return (w - 3.0) ** 2

    h = 1e-6
    slope = (loss(1 + h) - loss(1 - h)) / (2 * h)  # finite difference at w = 1
    assert checks.check_gradient_step(1 - 0.1 * slope)
    assert "against" in repr(checks.check_gradient_step(1 + 0.1 * slope))
    assert not checks.check_gradient_step(1.0)


def test_check_perceptron_steps():
    # The lecture: start w = [w0, w1, w2] = [-0.1, 0.2, 0], lr = 0.1.
    # (1, 0), y = -1: s = 0.1 >= 0, wrong -> w = w - 0.1 * (+1) * [1, 1, 0] = [-0.2, 0.1, 0]
    # (1, 1), y = +1: s = -0.1 < 0, wrong -> w = w + 0.1 * [1, 1, 1] = [-0.1, 0.2, 0.1]
    assert checks.check_perceptron_steps([-0.1, 0.2, 0.1])
    assert "(1, 0) only" in repr(checks.check_perceptron_steps([-0.2, 0.1, 0.0]))
    assert not checks.check_perceptron_steps([0.2, 0.1, -0.1])


def test_check_chain_rule():
    h = 1e-6
    numeric = (math.sin((1.5 + h) ** 2) - math.sin((1.5 - h) ** 2)) / (2 * h)
    assert checks.check_chain_rule(numeric)
    assert "du/dx" in repr(checks.check_chain_rule(math.cos(2.25)))
    assert not checks.check_chain_rule(math.sin(2.25))


def test_check_last_layer_gradient():
    u = np.array([1.0, 0.5, 0.25])
    w = np.array([0.1, -0.2, 0.4])

    def bce(w):
        z = 1 / (1 + np.exp(-(u @ w)))
        return -np.log(z)  # y = 1

    h = 1e-6
    numeric = np.array([(bce(w + h * e) - bce(w - h * e)) / (2 * h) for e in np.eye(3)])
    assert checks.check_last_layer_gradient(numeric)
    z = 1 / (1 + np.exp(-(u @ w)))
    assert "z(1 - z)" in repr(checks.check_last_layer_gradient(numeric * z * (1 - z)))
    assert not checks.check_last_layer_gradient(-numeric)


# --- Notebook 01 --------------------------------------------------------------------------


def test_gate_checker_accepts_hand_made_weights():
    # AND: s = -1.5 + x1 + x2 is 0.5 only at (1, 1); OR and NAND by hand likewise.
    assert checks.check_gate_weights([-1.5, 1, 1])
    assert checks.check_gate_weights([-0.5, 1, 1], gate="OR")
    assert checks.check_gate_weights([1.5, -1, -1], gate="NAND")


def test_gate_checker_rejects_and_says_which_point():
    result = checks.check_gate_weights([-0.1, 0.2, 0.0])  # the lecture's starting weights
    assert not result
    assert result.message.startswith("(1, 0) gives s = 0.1 >= 0")
    assert not checks.check_gate_weights([-1.5, 1, 1], gate="XOR")


def test_gate_checker_never_raises_on_bad_answers():
    for answer in (None, ..., [1, 2], "abc", [[1, 2, 3]], [float("nan"), 1, 1]):
        result = checks.check_gate_weights(answer)
        assert not result and result.message


def test_xor_checker():
    assert checks.check_xor_impossible("b")
    assert not checks.check_xor_impossible("a")
    assert not checks.check_xor_impossible("z")


def test_deep_learning_checker():
    assert checks.check_deep_learning_difference("b")
    assert checks.check_deep_learning_difference(" B ")
    for wrong in ("a", "c", "d", "e", 3, None):
        assert not checks.check_deep_learning_difference(wrong)
