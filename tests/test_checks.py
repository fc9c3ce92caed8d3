"""Tests for the checker infrastructure in helpers.checks and the checkers of notebooks 07-08."""


import pytest

from helpers import checks
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
