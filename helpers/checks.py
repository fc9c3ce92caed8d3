"""Checkers for the "Check your understanding" exercises.

A checker takes the learner's answer and returns a :class:`CheckResult`, which
prints as one clear line: ``Correct! ...`` or ``Not yet: ... because ...``. A
checker never raises: a wrong shape, a ``None`` left in a cell or a typo comes
back as a "Not yet" that says what went wrong, so a learner is never shown a
traceback for an exercise.

Write a checker with the :func:`checker` decorator and the two constructors
:func:`correct` and :func:`not_yet`:

>>> @checker
... def check_double(f):
...     if f(3) != 6:
...         return not_yet(f"f(3) returned {f(3)!r}", because="doubling 3 gives 6")
...     return correct("f doubles its input.")
>>> check_double(lambda x: 2 * x)
Correct! f doubles its input.
>>> check_double(lambda x: x + 2)
Not yet: f(3) returned 5 because doubling 3 gives 6
>>> check_double(None)
Not yet: the check could not run because TypeError: 'NoneType' object is not callable
>>> bool(check_double(lambda x: x * 2))
True
"""

import functools
import html

__all__ = ["CheckResult", "correct", "not_yet", "checker", "run_check"]


class CheckResult:
    """The outcome of a checker: ``passed`` (bool) and a ``message`` (str).

    It is truthy when the answer passed, so tests can ``assert check_x(...)``.
    Its repr is a single deterministic line, which notebooks show as the cell
    output.

    >>> CheckResult(False, "w has 2 entries because the bias w0 is missing")
    Not yet: w has 2 entries because the bias w0 is missing
    """

    __slots__ = ("passed", "message")

    def __init__(self, passed, message):
        if not isinstance(passed, bool):
            raise TypeError(f"passed must be True or False; got {type(passed).__name__}")
        if not isinstance(message, str):
            raise TypeError(f"message must be a string; got {type(message).__name__}")
        self.passed = passed
        self.message = message

    def __bool__(self):
        return self.passed

    def __eq__(self, other):
        if not isinstance(other, CheckResult):
            return NotImplemented
        return (self.passed, self.message) == (other.passed, other.message)

    __hash__ = None

    def __repr__(self):
        prefix = "Correct!" if self.passed else "Not yet:"
        return f"{prefix} {self.message}".rstrip()

    __str__ = __repr__

    def _repr_html_(self):
        # Colour is a help, not the signal: the words "Correct!" / "Not yet:" carry it.
        colour = "#009E73" if self.passed else "#D55E00"
        prefix = "Correct!" if self.passed else "Not yet:"
        return (
            f'<div style="border-left: 4px solid {colour}; padding: 0.2em 0.6em;">'
            f"<b>{prefix}</b> {html.escape(self.message)}</div>"
        )


def correct(message=""):
    """A passing result; ``message`` says what the learner got right."""
    return CheckResult(True, str(message))


def not_yet(what, because=None):
    """A failing result: ``what`` was found, ``because`` says why it is not right yet.

    >>> not_yet("the loss went up", because="the learning rate is too large")
    Not yet: the loss went up because the learning rate is too large
    """
    message = str(what) if because is None else f"{what} because {because}"
    return CheckResult(False, message)


def run_check(body, *args, **kwargs):
    """Call ``body(*args, **kwargs)`` and always return a :class:`CheckResult`.

    An exception raised by the learner's code (or by the checker tripping over an
    unexpected answer) becomes a "Not yet" naming the exception. A body that
    returns a bare bool gets a generic message.

    >>> run_check(lambda: 1 / 0)
    Not yet: the check could not run because ZeroDivisionError: division by zero
    >>> run_check(lambda: True)
    Correct! That is right.
    """
    try:
        result = body(*args, **kwargs)
    except Exception as exc:  # a checker must never raise, whatever the answer was
        detail = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        return not_yet("the check could not run", because=detail)
    if isinstance(result, CheckResult):
        return result
    if isinstance(result, bool):
        return correct("That is right.") if result else not_yet("That is not right yet.")
    return not_yet(
        "the checker gave no verdict",
        because=f"it returned {type(result).__name__} instead of a CheckResult",
    )


def checker(body):
    """Decorator: make ``body`` a checker that returns a CheckResult and never raises."""

    @functools.wraps(body)
    def wrapped(*args, **kwargs):
        return run_check(body, *args, **kwargs)

    return wrapped
