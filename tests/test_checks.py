"""Tests for the checker infrastructure in helpers.checks and for every notebook checker in it."""

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


def test_module_exports_the_tools_and_every_checker_and_nothing_else():
    defined = {name for name, obj in vars(checks).items()
               if name.startswith("check_") and callable(obj) and obj.__module__ == checks.__name__}
    tools = {"CheckResult", "AnswerProblem", "correct", "not_yet", "checker", "run_check", "PRINTED_TOL",
             "is_placeholder"}
    assert set(checks.__all__) == tools | defined
    assert len(checks.__all__) == len(set(checks.__all__))
    namespace = {}
    exec("from helpers.checks import *", namespace)
    assert set(namespace) - {"__builtins__"} == set(checks.__all__)
    assert checks.PRINTED_TOL == 5e-5  # half a unit of the fourth decimal, the precision the notebooks print


def test_every_checker_is_wrapped_and_used_by_a_notebook_and_every_used_checker_exists():
    import pathlib
    import re

    sources = "".join(p.read_text() for p in sorted(
        (pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "sources").glob("*.py")))
    used = set(re.findall(r"checks\.(check_\w+)", sources))
    defined = {name for name in checks.__all__ if name.startswith("check_")}
    assert used == defined, f"unused: {defined - used}, missing: {used - defined}"
    for name in defined:
        assert getattr(checks, name).__wrapped__, f"{name} is not wrapped by @checker"


def test_placeholder_answer_is_reported_without_running_the_body():
    calls = []
    result = run_check(lambda a: calls.append(a), ...)
    assert not result and "still ..." in result.message and calls == []
    assert not run_check(lambda a=1: True, a=...)


def test_answer_problem_reads_as_a_plain_hint():
    def body():
        raise checks.AnswerProblem("w is still empty")

    assert repr(run_check(body)) == "Not yet: w is still empty"
