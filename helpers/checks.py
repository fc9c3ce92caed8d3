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

__all__ = ["CheckResult", "AnswerProblem", "correct", "not_yet", "checker", "run_check"]


class AnswerProblem(ValueError):
    """Raise inside a checker when the answer has the wrong form (empty, wrong shape).

    :func:`run_check` shows its message as a plain "Not yet: ..." hint rather than as
    a failed check.
    """


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

    An answer left as ``...`` (the placeholder in exercise cells) is reported as
    such without calling ``body``. An :class:`AnswerProblem` becomes a "Not yet" with its message. Any other
    exception, raised by the learner's code or by the checker tripping over an
    unexpected answer, becomes a "Not yet" naming the exception. A body that
    returns a bare bool gets a generic message.

    >>> run_check(lambda: 1 / 0)
    Not yet: the check could not run because ZeroDivisionError: division by zero
    >>> run_check(lambda: True)
    Correct! That is right.
    >>> run_check(lambda answer: True, ...)
    Not yet: your answer is still ...: replace the ... with it and run the cell again
    """
    if any(arg is Ellipsis for arg in (*args, *kwargs.values())):
        return not_yet("your answer is still ...: replace the ... with it and run the cell again")
    try:
        result = body(*args, **kwargs)
    except AnswerProblem as exc:
        return not_yet(str(exc))
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


# --- Shared helpers for checkers -----------------------------------------------------------


def _numbers(value, name, shape=None):
    """``value`` as a float array, or raise a ValueError that reads well in a "Not yet"."""
    import numpy as np

    if value is None or value is Ellipsis:
        raise AnswerProblem(f"{name} is still empty: replace the ... with your answer")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AnswerProblem(f"{name} must be a number or an array of numbers; got {value!r}") from None
    if shape is not None and arr.shape != tuple(shape):
        raise AnswerProblem(f"{name} must have shape {tuple(shape)}; got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise AnswerProblem(f"{name} contains NaN or infinity")
    return arr


def _close(a, b, tol=1e-3):
    import numpy as np

    return bool(np.allclose(a, b, rtol=tol, atol=tol))


def _fmt(values):
    import numpy as np

    return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(values)) + "]"




# --- Notebook 00 (and 08): what deep learning is ------------------------------------------

_DEEP_LEARNING_CHOICES = {
    "a": "deep learning needs no training data",
    "b": "a deep network learns the features from raw input as well as the classifier",
    "c": "deep learning uses a step activation instead of a sigmoid",
    "d": "traditional machine learning cannot use gradient descent",
}


@checker
def check_deep_learning_difference(choice):
    """Multiple choice: what sets deep learning apart from traditional machine learning?"""
    if not isinstance(choice, str) or choice.strip().lower() not in _DEEP_LEARNING_CHOICES:
        return not_yet(f"choice = {choice!r}", because="choose one of 'a', 'b', 'c', 'd'")
    choice = choice.strip().lower()
    if choice == "b":
        return correct("feature learning + classification in one network, trained end to end.")
    reasons = {
        "a": "deep networks need *more* data than traditional methods, not none",
        "c": "deep networks use smooth activations (ReLU, sigmoid) so that gradients exist",
        "d": "many traditional models (logistic regression, the perceptron) are trained by gradient descent",
    }
    return not_yet(f"({choice}) {_DEEP_LEARNING_CHOICES[choice]}", because=reasons[choice])


# --- Notebook 01: the perceptron -----------------------------------------------------------


@checker
def check_gate_weights(w, gate="AND"):
    """Do weights ``w = (w0, w1, w2)`` make a sign perceptron compute ``gate`` exactly?

    >>> check_gate_weights([-1.5, 1, 1])
    Correct! s = -1.5 + 1 x1 + 1 x2 is >= 0 only where AND is 1.
    >>> check_gate_weights([-0.5, 1, 1])
    Not yet: (0, 1) gives s = 0.5 >= 0, so the perceptron says class A (+1), but AND says class B (-1)
    """
    from . import data, perceptron

    w = _numbers(w, "w")
    if w.shape != (3,):
        raise AnswerProblem(f"w must hold three numbers (w0, w1, w2), bias first; got shape {w.shape}")
    X, y = data.logic_gate(gate, labels="pm1")
    s = perceptron.weighted_sum(w, X)
    for x, s_i, y_i, f in zip(X, s, y, perceptron.predict(w, X)):
        if f != y_i:
            side = ">= 0" if s_i >= 0 else "< 0"
            said = "class A (+1)" if f > 0 else "class B (-1)"
            want = "class A (+1)" if y_i > 0 else "class B (-1)"
            return not_yet(f"({x[0]:g}, {x[1]:g}) gives s = {s_i:.4g} {side}, so the perceptron says "
                           f"{said}, but {gate.upper()} says {want}")
    return correct(f"s = {w[0]:.4g} + {w[1]:.4g} x1 + {w[2]:.4g} x2 is >= 0 only where "
                   f"{gate.upper()} is 1.")


@checker
def check_xor_impossible(answer):
    """Which statement explains why no single perceptron computes XOR? Answer "a", "b" or "c"."""
    choice = str(answer).strip().lower()
    if choice not in ("a", "b", "c"):
        raise AnswerProblem(f'answer with "a", "b" or "c"; got {answer!r}')
    if choice == "b":
        return correct("a perceptron's positive region is a half-plane, and no half-plane holds "
                       "(0, 1) and (1, 0) while leaving out (0, 0) and (1, 1).")
    reasons = {
        "a": "more training time does not help: no weights exist, so there is nothing to converge to",
        "c": "the step and sign functions give the same boundary s = 0; changing f does not move it",
    }
    return not_yet(f'"{choice}" is not it', because=reasons[choice])
