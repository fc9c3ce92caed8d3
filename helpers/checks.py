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

__all__ = [
    "CheckResult", "AnswerProblem", "correct", "not_yet", "checker", "run_check", "PRINTED_TOL", "is_placeholder",
    "check_deep_learning_difference",
    "check_gate_weights",
    "check_xor_impossible",
    "check_sigmoid_slope",
    "check_combined_weights",
    "check_softmax",
    "check_slope_estimate",
    "check_update_rule",
    "check_learning_rates",
    "check_update_count",
    "check_loss_gradient",
    "check_next_two_steps",
    "check_which_converge",
    "check_lr_from_zero",
    "check_composition_derivative",
    "check_shared_node_gradient",
    "check_grad_before_backward",
    "check_backward",
    "check_backward_twice",
    "check_output_gradient",
    "check_hidden_gradient",
    "check_bce_with_sigmoid",
    "check_separating_weights",
    "check_separable_pair",
    "check_test_standardization",
    "check_accuracy",
    "check_confusion_matrix",
    "check_gradient_step",
    "check_perceptron_steps",
    "check_chain_rule",
    "check_last_layer_gradient",
    "check_tower_gradient",
]


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


def _stub():
    ...


def _is_stub(answer):
    """True for a function whose whole body is ``...`` (or ``pass``): the exercise is not done yet."""
    code = getattr(answer, "__code__", None)
    return (callable(answer) and code is not None and getattr(answer, "__name__", "") != "<lambda>"
            and code.co_code == _stub.__code__.co_code
            and code.co_consts[-1:] == (None,) and not code.co_names)


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
    >>> def my_function(x):
    ...     ...  # your code here
    >>> run_check(lambda answer: True, my_function)
    Not yet: your answer is still ...: replace the ... in my_function with your code and run the cell again
    """
    answers = (*args, *kwargs.values())
    if any(arg is Ellipsis for arg in answers):
        return not_yet("your answer is still ...: replace the ... with it and run the cell again")
    stubs = [arg.__name__ for arg in answers if _is_stub(arg)]
    if stubs:
        return not_yet(f"your answer is still ...: replace the ... in {stubs[0]} with your code "
                       f"and run the cell again")
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

PRINTED_TOL = 5e-5
"""A numeric answer passes when it is within half a unit of the fourth decimal of the right
value: the notebooks print four decimals, so an answer copied from a print, or rounded the
same way, passes, and one a digit further off does not."""


def _numbers(value, name, shape=None):
    """``value`` as a float array, or raise an AnswerProblem that reads well in a "Not yet"."""
    import numpy as np

    if value is None or value is Ellipsis:
        raise AnswerProblem(f"{name} is still empty: replace the ... with your answer")
    if isinstance(value, (bool, np.bool_)):
        raise AnswerProblem(f"{name} must be a number, not {value!r}")
    if isinstance(value, (str, bytes)):
        raise AnswerProblem(f"{name} must be a number or an array of numbers, not the text {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise AnswerProblem(f"{name} must be a number or an array of numbers; got {value!r}") from None
    if shape is not None and arr.shape != tuple(shape):
        if tuple(shape) == ():
            raise AnswerProblem(f"{name} must be one number; got an array of shape {arr.shape}")
        raise AnswerProblem(f"{name} must have shape {tuple(shape)}; got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise AnswerProblem(f"{name} contains NaN or infinity")
    return arr


def _within(got, want, tol=PRINTED_TOL):
    """True when every entry of ``got`` is within ``tol`` of ``want`` (shapes must match)."""
    import numpy as np

    got, want = np.asarray(got, dtype=float), np.asarray(want, dtype=float)
    # the 1e-12 absorbs the float error of a subtraction at exactly half a unit
    return got.shape == want.shape and bool(np.all(np.abs(got - want) <= tol + 1e-12))


def _how_far(value, want):
    """How far a number is from the right one, in words: "0.0123 too large"."""
    diff = value - want
    side = "too large" if diff > 0 else "too small"
    if abs(diff) < 100 * PRINTED_TOL:
        return (f"close but {abs(diff):.2g} {side}: more than rounding to four decimals allows "
                f"(check for a rounded intermediate value or a small slip)")
    return f"{abs(diff):.4g} {side}"


def _check_number(value, want, name, mistakes=(), how=""):
    """None if ``value`` is ``want`` at the printed precision, else the "Not yet" to return.

    ``mistakes`` lists typical wrong answers as (value, what, because[, tolerance]): an
    answer that matches one gets that targeted hint; any other gets how far off it is and
    ``how``.
    """
    got = float(_numbers(value, name, shape=()))
    if _within(got, want):
        return None
    for wrong, what, because, *tol in mistakes:
        if _within(got, wrong, *tol):
            return not_yet(what.format(got=got), because=because)
    return not_yet(f"{name} = {got:.6g} is {_how_far(got, want)}", because=how)


def _check_numbers(value, want, name, mistakes=(), how=""):
    """Like :func:`_check_number`, for a fixed-length list of numbers."""
    import numpy as np

    want = np.asarray(want, dtype=float)
    got = _numbers(value, name)
    if got.shape != want.shape:
        raise AnswerProblem(f"{name} must hold {want.size} numbers; got shape {got.shape}")
    if _within(got, want):
        return None
    for wrong, what, because, *tol in mistakes:
        if _within(got, wrong, *tol):
            return not_yet(what.format(got=_fmt(got)), because=because)
    worst = int(np.argmax(np.abs(got - want).ravel()))
    off = _how_far(got.ravel()[worst], want.ravel()[worst])
    return not_yet(f"{name} = {_fmt(got)}: entry {worst} is {off}", because=how)


def _or_correct(verdict, message):
    """The "Not yet" of a comparison helper if there is one, else ``correct(message)``."""
    return verdict if verdict is not None else correct(message)


def _choose(answer, right, why_right, why_not):
    """A lettered multiple choice: ``right`` earns ``why_right``; a wrong letter, its ``why_not``.

    The letters on offer are ``right`` and the keys of ``why_not``; anything else is not an
    answer to the question and raises :class:`AnswerProblem` (the checker shows it).
    Accepts "b", "B", " b ", "(b)" and "b)".
    """
    letters = sorted([right, *why_not])
    listed = ", ".join(f'"{c}"' for c in letters[:-1]) + f' or "{letters[-1]}"'
    if not isinstance(answer, str):
        raise AnswerProblem(f"answer with a letter in quotes, {listed}; got {answer!r}")
    choice = answer.strip().strip("()").strip().lower()
    if choice not in letters:
        raise AnswerProblem(f"answer with {listed}; got {answer!r}")
    if choice == right:
        return correct(why_right)
    return not_yet(f'"{choice}" is not it', because=why_not[choice])


def _fmt(values):
    import numpy as np

    return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(values)) + "]"


# --- Notebook 00 (and 08): what deep learning is ------------------------------------------


@checker
def check_deep_learning_difference(choice):
    """Multiple choice: what sets deep learning apart from traditional machine learning?

    >>> check_deep_learning_difference("b")
    Correct! Feature learning + classification in one network, trained end to end from raw input.
    """
    return _choose(choice, "b", "Feature learning + classification in one network, trained end to end from raw input.", {
        "a": "deep networks need more training data than traditional methods, not none",
        "c": "deep networks use activations with a useful slope (ReLU, sigmoid, tanh), because a step's "
             "slope is 0 and gradient descent could not train through it",
        "d": "traditional models such as logistic regression and the perceptron are trained by gradient "
             "descent too",
    })


# --- Notebook 01: the perceptron -----------------------------------------------------------


@checker
def check_gate_weights(w, gate="AND"):
    """Do weights ``w = (w0, w1, w2)`` make a sign perceptron compute ``gate`` exactly?

    A point exactly on the boundary (s = 0) is class A (+1), as sign(0) = +1.

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
    s = w[0] + X @ w[1:]
    for x, s_i, y_i in zip(X, s, y):
        f = 1.0 if s_i >= 0 else -1.0
        if f != y_i:
            side = ">= 0" if s_i >= 0 else "< 0"
            said = "class A (+1)" if f > 0 else "class B (-1)"
            want = "class A (+1)" if y_i > 0 else "class B (-1)"
            edge = " (s = 0 counts as class A, since sign(0) = +1)" if s_i == 0 else ""
            return not_yet(f"({x[0]:g}, {x[1]:g}) gives s = {s_i:.4g} {side}, so the perceptron says "
                           f"{said}, but {gate.upper()} says {want}{edge}")
    return correct(f"s = {w[0]:.4g} + {w[1]:.4g} x1 + {w[2]:.4g} x2 is >= 0 only where "
                   f"{gate.upper()} is 1.")


@checker
def check_xor_impossible(answer):
    """Which statement explains why no single perceptron computes XOR? Answer "a", "b" or "c"."""
    return _choose(answer, "b", "a perceptron's positive region is a half-plane, and no half-plane holds "
                                "(0, 1) and (1, 0) while leaving out (0, 0) and (1, 1).", {
        "a": "more training time does not help: no weights exist, so there is nothing to converge to",
        "c": "the step and sign functions give the same boundary s = 0; changing f does not move it",
    })


# --- Notebook 02: activation functions -----------------------------------------------------


@checker
def check_sigmoid_slope(slope):
    """The slope of the sigmoid at s = 2, sigmoid'(2) = sigmoid(2) (1 - sigmoid(2)) = 0.1050.

    >>> check_sigmoid_slope(0.1050)
    Correct! sigmoid(2) = 0.8808, so the slope is 0.8808 * 0.1192 = 0.1050.
    """
    import math

    z = 1 / (1 + math.exp(-2.0))
    verdict = _check_number(slope, z * (1 - z), "slope", mistakes=[
        (z, "slope = {got:.4f} is sigmoid(2) itself", "the slope is sigmoid(s) * (1 - sigmoid(s))"),
        (1 - z, "slope = {got:.4f} is 1 - sigmoid(2)", "multiply it by sigmoid(2) as well"),
        (0.25, "slope = 0.25 is the slope at s = 0", "evaluate sigmoid(s) (1 - sigmoid(s)) at s = 2"),
        (math.exp(-2) / (1 + math.exp(-2)), "slope = {got:.4f} is e^-2 / (1 + e^-2), which is 1 - sigmoid(2)",
         "the slope is z (1 - z) with z = 1 / (1 + e^-2)"),
        (1 / (1 + math.exp(2)) * (1 - 1 / (1 + math.exp(2))), "slope = {got:.4f}: the same as at s = 2, by symmetry, "
         "but computed with z = 1 / (1 + e^2)", "z = 1 / (1 + e^-s) has a minus sign in the exponent"),
    ], how="compute z = 1 / (1 + e^-2), then z * (1 - z)")
    return _or_correct(verdict, f"sigmoid(2) = {z:.4f}, so the slope is {z:.4f} * {1 - z:.4f} = {z * (1 - z):.4f}.")


_STACK_V = ((1.0, -2.0, 0.5), (0.0, 1.0, 3.0))
_STACK_W = ((2.0,), (1.0,), (-1.0,))


@checker
def check_combined_weights(W_single):
    """Two linear layers x -> x V -> (x V) W are one layer x -> x (V W): the (2, 1) matrix V W."""
    import numpy as np

    V, W = np.array(_STACK_V), np.array(_STACK_W)
    got = _numbers(W_single, "W_single")
    if got.size != 2:
        raise AnswerProblem(f"W_single must be a (2, 1) array, one weight per input; got shape {got.shape}")
    want = V @ W
    verdict = _check_numbers(got.reshape(2, 1), want, "W_single", mistakes=[
        (want[::-1], "the two entries are swapped", "row i of V W belongs to input x_i"),
        (-want, "W_single = {got} has the wrong sign",
         "V @ W multiplies and adds, with every sign as it stands"),
        (V[:, :1] * W[0, 0], "W_single = {got} uses only the first hidden unit",
         "every hidden unit passes its share on: sum over all three, which V @ W does"),
    ], how="x V W = x (V W): multiply the matrices, V @ W")
    return _or_correct(verdict, f"V @ W = {_fmt(want)}: the two linear layers are one linear layer in disguise.")


@checker
def check_softmax(softmax_fn):
    """A learner's softmax(s) for a 1-D array: right values, sums to 1, no overflow at s = [1000, 0]."""
    import warnings

    import numpy as np

    if not callable(softmax_fn):
        raise AnswerProblem("pass your function itself: check_softmax(my_softmax)")
    s = np.array([1.0, 2.0, 3.0])
    want = np.exp(s) / np.exp(s).sum()
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        out = softmax_fn(s.copy())
    if out is None:
        raise AnswerProblem("my_softmax returned None: end it with return ...")
    got = _numbers(out, "my_softmax([1, 2, 3])", shape=(3,))
    if not _within(got, want, 1e-9):
        if _within(got, np.exp(s), 1e-9) or _within(got, np.exp(s - s.max()), 1e-9):
            return not_yet(f"my_softmax([1, 2, 3]) = {_fmt(got)}", because="the exponentials still have to be divided by their sum")
        if _within(got, s / s.sum(), 1e-9):
            return not_yet(f"my_softmax([1, 2, 3]) = {_fmt(got)} divides the scores themselves",
                           because="softmax divides the exponentials e^(s_i) by their sum")
        return not_yet(f"my_softmax([1, 2, 3]) = {_fmt(got)}", because=f"softmax gives {_fmt(want)}: e^(s_i) / sum_j e^(s_j)")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        big = np.asarray(softmax_fn(np.array([1000.0, 0.0])), dtype=float)
    if big.shape != (2,) or not np.all(np.isfinite(big)):
        return not_yet(
            f"my_softmax([1000, 0]) = {_fmt(big)}",
            because="e^1000 overflows to inf and inf / inf is NaN: subtract max(s) from s first (softmax does not change)",
        )
    if not _within(big, [1.0, 0.0], 1e-9):
        return not_yet(f"my_softmax([1000, 0]) = {_fmt(big)}", because="the answer is [1, 0]: the first score is far larger")
    return correct("right values, and subtracting max(s) keeps e^(s_i) from overflowing.")


# --- Notebook 03: gradient descent ---------------------------------------------------------


@checker
def check_slope_estimate(slope):
    """Central-difference slope of L(w) = w^2 - 2w at w = 3 with h = 0.001 (4, up to rounding)."""
    verdict = _check_number(slope, 4.0, "slope", mistakes=[
        (4.001, "slope = {got:.6f} is the one-sided estimate",
         "a central difference divides L(w + h) - L(w - h) by 2h"),
        (8.0, "slope = {got:g}", "L(w + h) - L(w - h) spans 2h, so divide by 2h, not h"),
        (2.0, "slope = {got:g}", "L(w + h) - L(w - h) spans 2h: divide by 2h, not by 4h"),
        (6.0, "slope = {got:g} is the slope of w^2 alone", "L(w) = w^2 - 2w: the -2w part has slope -2"),
        (0.008, "slope = {got:g} is L(3 + h) - L(3 - h)", "divide the difference by 2h = 0.002"),
    ], how="compute (L(3 + h) - L(3 - h)) / (2h) with L(w) = w^2 - 2w and h = 0.001")
    return _or_correct(verdict, "(L(3.001) - L(2.999)) / 0.002 = 4, the derivative 2w - 2 at w = 3.")


@checker
def check_update_rule(w_new):
    """One step on L = 0.2 w1^2 + w2^2 from w = (2, 1) with lr = 0.25: w - lr * (0.4 w1, 2 w2) = (1.8, 0.5)."""
    verdict = _check_numbers(w_new, [1.8, 0.5], "w_new", mistakes=[
        ([2.2, 1.5], "w_new = {got} climbs uphill", "the update subtracts: w - lr * gradient"),
        ([1.2, -1.0], "w_new = {got} takes the whole gradient", "multiply the gradient by lr = 0.25 first"),
        ([1.75, 0.5], "w_new = {got}", "dL/dw1 = 0.4 w1 (the 0.2 w1^2 term gives 2 * 0.2 w1), not 0.5 w1"),
        ([1.9, 0.75], "w_new = {got}", "the partial derivatives are dL/dw1 = 0.4 w1 and dL/dw2 = 2 w2 "
                                       "(you used 0.2 w1 and w2: the derivative of w^2 is 2w)"),
    ], how="compute the gradient (0.4 w1, 2 w2) at (2, 1), then w - 0.25 * gradient")
    return _or_correct(verdict, "the gradient is (0.8, 2.0); w moves against it to (1.8, 0.5), where the loss is lower.")


_REGIME_LRS = (0.01, 0.3, 0.9, 1.2)
_REGIME_STEPS = 20
_REGIME_NAMES = ("crawling", "converging", "zigzagging", "diverging")
# The forms a learner may write for each name: the notebook's words, their verbs, and the
# word an earlier version of the explorer used ("oscillating").
_REGIME_FORMS = {
    "crawling": ("crawl", "crawls", "crawling", "crawled"),
    "converging": ("converge", "converges", "converging", "converged"),
    "zigzagging": ("zigzag", "zigzags", "zigzagging", "zigzaging", "zigzagged",
                   "oscillate", "oscillates", "oscillating", "oscillated"),
    "diverging": ("diverge", "diverges", "diverging", "diverged"),
}


def _regime_word(word):
    """The notebook's name for a learner's word ("Zig-zag" -> "zigzagging"), or None."""
    if not isinstance(word, str):
        return None
    key = word.strip().lower().replace("-", "").replace(" ", "").replace("_", "")
    for name, forms in _REGIME_FORMS.items():
        if key in forms:
            return name
    return None


def _regime_of(lr):
    """What lr does on L = (w - 1)^2 in 20 steps, from the factor 1 - 2 lr alone."""
    factor = 1 - 2 * lr
    if abs(factor) > 1:
        return "diverging"
    if factor < 0:
        return "zigzagging"
    return "converging" if factor**_REGIME_STEPS < 0.02 else "crawling"


def _regime_hint(lr, got, want):
    factor = 1 - 2 * lr
    left = abs(factor) ** _REGIME_STEPS
    if want == "diverging":
        also = " (it does jump from side to side, but away from the minimum)" if got == "zigzagging" else ""
        return (f"1 - 2 lr = {factor:.2f} and |{factor:.2f}| > 1: every step lands further from the "
                f"minimum than the last{also}")
    if got == "diverging":
        return (f"|1 - 2 lr| = {abs(factor):.2f} < 1: every step shrinks the distance to the minimum, "
                f"so w does not move away")
    if want == "zigzagging":
        reached = (f"it does reach the minimum ({left:.2g} of the distance is left after 20 steps), but "
                   if got == "converging" else "")
        return (f"{reached}1 - 2 lr = {factor:.2f} is negative: w lands on the other side of the minimum "
                f"at every step")
    if got == "zigzagging":
        return f"1 - 2 lr = {factor:.2f} is positive: w stays on its starting side of the minimum"
    if want == "converging":
        return (f"after 20 steps only {factor:.2f}^20 = {left:.2g} of the distance is left: w has "
                f"reached the minimum")
    return (f"after 20 steps {factor:.2f}^20 = {left:.2f} of the distance is still left: w is on its way, "
            f"but far from the minimum")


@checker
def check_learning_rates(answers):
    """Name what each learning rate does on L = (w - 1)^2 in 20 steps.

    The four names of notebook 03, exactly one of which fits each run: "crawling",
    "converging", "zigzagging" or "diverging" (their verbs, such as "converges" or
    "zigzag", count too).

    >>> check_learning_rates({0.01: "crawling", 0.3: "converges", 0.9: "zigzag", 1.2: "diverged"})
    Correct! Factors 0.98 (crawling), 0.4 (converging), -0.8 (zigzagging), -1.4 (diverging).
    >>> check_learning_rates({0.01: "crawling", 0.3: "converging", 0.9: "converging", 1.2: "diverging"})
    Not yet: lr = 0.9 is not converging because it does reach the minimum (0.012 of the distance is left after 20 steps), but 1 - 2 lr = -0.80 is negative: w lands on the other side of the minimum at every step
    """
    if not isinstance(answers, dict):
        raise AnswerProblem(f"answers must be a dict like {{0.01: 'crawling', ...}}; got {type(answers).__name__}")
    missing = [lr for lr in _REGIME_LRS if lr not in answers]
    if missing:
        raise AnswerProblem(f"answers has no entry for lr = {', '.join(map(str, missing))}")
    names = ", ".join(f'"{name}"' for name in _REGIME_NAMES)
    wrong = []
    for lr in _REGIME_LRS:
        got = answers[lr]
        if got is Ellipsis:
            raise AnswerProblem(f"your answer is still ...: replace the ... for lr = {lr} with one of {names}")
        name = _regime_word(got)
        if name is None:
            raise AnswerProblem(f"answers[{lr}] = {got!r} is not one of the four words: use {names}")
        if name != _regime_of(lr):
            wrong.append((lr, name))
    if wrong:
        lr, got = wrong[0]
        more = f" ({len(wrong)} of 4 are not right yet)" if len(wrong) > 1 else ""
        return not_yet(f"lr = {lr} is not {got}{more}", because=_regime_hint(lr, got, _regime_of(lr)))
    return correct("Factors 0.98 (crawling), 0.4 (converging), -0.8 (zigzagging), -1.4 (diverging).")


_UPDATE_COUNT = (50, 8, 3)  # samples, batch size, epochs


@checker
def check_update_count(n_updates):
    """Weight updates for 50 samples, batch size 8, 3 epochs: 7 batches (six of 8, one of 2) per epoch, 21."""
    n, size, epochs = _UPDATE_COUNT
    verdict = _check_number(n_updates, 21, "n_updates", mistakes=[
        (18, "n_updates = 18 leaves out the short batch",
         "50 = 6 * 8 + 2: the last batch holds the 2 samples left over, and it makes an update too"),
        (n * epochs / size, "n_updates = {got:g} is not a whole number of batches",
         "a batch is whole samples: 50 samples make six batches of 8 and one of 2"),
        (n * epochs, "n_updates = 150 counts samples", "one update per batch, not per sample"),
        (7, "n_updates = 7 is one epoch", "there are 3 epochs"),
        (24, "n_updates = 24 counts 8 batches per epoch", "8 batches of 8 would be 64 samples; 50 need 7"),
    ], how="count the batches in one epoch (the last one may be short), times the number of epochs")
    return _or_correct(verdict, "each epoch has six batches of 8 and one of 2: 7 updates per epoch, 21 in all.")


# --- Notebook 04: training the perceptron with SGD -----------------------------------------

# (w, x, y) cases for check_loss_gradient: mistakes, correct points, and s*y == 0 exactly.
_GRADIENT_CASES = (
    ((-0.1, 0.2, 0.0), (1.0, 0.0), -1.0),   # the lecture's step 1: s = 0.1, mistake
    ((-0.2, 0.1, 0.0), (1.0, 1.0), 1.0),    # the lecture's step 2: s = -0.1, mistake
    ((-0.1, 0.2, 0.1), (0.0, 0.0), -1.0),   # correct: s = -0.1, y = -1
    ((0.5, 1.0, -1.0), (2.0, 1.0), 1.0),    # correct: s = 1.5
    ((0.0, 0.0, 0.0), (1.0, 1.0), 1.0),     # all-zero weights: s = 0, on the boundary
    ((-1.0, 1.0, 0.0), (1.0, 3.0), -1.0),   # s = 0 with non-zero weights
)


def _perceptron_gradient(w, x, y):
    """dL/dw of max(0, -y s), with s*y <= 0 counted as a mistake; written out, not imported."""
    import numpy as np

    x1 = np.concatenate(([1.0], np.asarray(x, dtype=float)))
    s = float(x1 @ np.asarray(w, dtype=float))
    return (-y * x1 if s * y <= 0 else np.zeros(3)), s


@checker
def check_loss_gradient(gradient):
    """Does ``gradient(w, x, y)`` return dL/dw of L = max(0, -y s), counting s*y == 0 as a mistake?

    >>> import numpy as np
    >>> check_loss_gradient(lambda w, x, y: np.zeros(3))
    Not yet: for w = [-0.1, 0.2, 0], x = [1, 0], y = -1 (s = 0.1, s*y < 0: a mistake) it returned [0, 0, 0] because the gradient of a mistake is -y [1, x1, x2] = [1, 1, 0]
    """
    import numpy as np

    if not callable(gradient):
        raise AnswerProblem(f"pass your function itself, e.g. check_loss_gradient(my_gradient); "
                            f"got {type(gradient).__name__}")
    for w, x, y in _GRADIENT_CASES:
        want, s = _perceptron_gradient(w, x, y)
        out = gradient(np.array(w), np.array(x), y)
        if out is None:
            raise AnswerProblem("your function returned None: every branch needs a return")
        got = _numbers(out, "the returned gradient")
        if got.shape != want.shape:
            raise AnswerProblem(f"the gradient must have 3 entries (dL/dw0, dL/dw1, dL/dw2), the bias first; "
                                f"got shape {got.shape}")
        if _within(got, want, 1e-9):
            continue
        sy = s * y
        kind = "s*y < 0: a mistake" if sy < 0 else "s*y = 0: on the boundary" if sy == 0 else "s*y > 0: correct"
        if sy <= 0 and _within(got, -want, 1e-9):
            because = "the slope of -y s with respect to w is -y [1, x1, x2]; the minus sign is missing"
        elif sy <= 0 and _within(got, want[1:].tolist() + [0.0], 1e-9):
            because = "x0 = 1 comes first: the gradient is -y [1, x1, x2], with dL/dw0 = -y"
        elif sy == 0:
            because = (f"a point on the boundary counts as a mistake, so the gradient is -y [1, x1, x2] = "
                       f"{_fmt(want)} (otherwise training from w = 0 never starts)")
        elif sy < 0:
            because = f"the gradient of a mistake is -y [1, x1, x2] = {_fmt(want)}"
        else:
            because = "a correctly classified point has zero loss around it, so its gradient is 0"
        return not_yet(f"for w = {_fmt(w)}, x = {_fmt(x)}, y = {y:+.0f} (s = {s:.4g}, {kind}) it returned "
                       f"{_fmt(got)}", because=because)
    return correct("-y x for mistakes and points on the boundary, 0 for correct points.")


@checker
def check_next_two_steps(w_after_step_3, w_after_step_4):
    """Weights after steps 3 and 4 of the lecture's example, visiting (0, 0) then (0, 1) with lr = 0.1.

    >>> check_next_two_steps([-0.1, 0.2, 0.1], [-0.2, 0.2, 0.0])
    Correct! (0, 0) is already right (s = -0.1), and (0, 1) sits exactly on the boundary (s = 0), which counts as a mistake.
    """
    start = [-0.1, 0.2, 0.1]
    verdict = _check_numbers(w_after_step_3, start, "w_after_step_3", mistakes=[
        ([-0.2, 0.2, 0.1], "w_after_step_3 = {got} updates at (0, 0)",
         "there s = w0 = -0.1 and y = -1, so s*y = 0.1 > 0: the point is right and the weights stay"),
    ], how="at (0, 0), s = w0 = -0.1 and y = -1: is that a mistake?")
    if verdict is not None:
        return verdict
    verdict = _check_numbers(w_after_step_4, [-0.2, 0.2, 0.0], "w_after_step_4", mistakes=[
        (start, "w_after_step_4 = {got} (no change)",
         "at (0, 1) s = w0 + w2 = -0.1 + 0.1 = 0: the point is on the boundary, which counts as a "
         "mistake, so the weights do change"),
        ([0.0, 0.2, 0.2], "w_after_step_4 = {got} moved the wrong way",
         "the gradient at (0, 1) with y = -1 is -y [1, 0, 1] = [1, 0, 1], and w <- w - 0.1 * gradient"),
        ([-0.2, 0.1, 0.0], "w_after_step_4 = {got} changed w1 too",
         "x1 = 0 at (0, 1), so w1 gets no update: the gradient is [1, 0, 1]"),
    ], how="the gradient at (0, 1) with y = -1 is -y [1, 0, 1], so w <- w - 0.1 * [1, 0, 1]")
    return _or_correct(verdict, "(0, 0) is already right (s = -0.1), and (0, 1) sits exactly on the boundary "
                              "(s = 0), which counts as a mistake.")


_TRUE_WORDS = {"true": True, "yes": True, "false": False, "no": False}


@checker
def check_which_converge(stops):
    """``stops`` maps each gate (AND, OR, NAND, XOR) to True if perceptron SGD stops on it.

    >>> check_which_converge({"AND": True, "OR": True, "NAND": True, "XOR": False})
    Correct! AND, OR and NAND are linearly separable, so training stops; no line separates XOR.
    """
    want = {"AND": True, "OR": True, "NAND": True, "XOR": False}
    if not isinstance(stops, dict):
        raise AnswerProblem(f"answer with a dict like {{'AND': True, ...}}; got {type(stops).__name__}")
    given = {str(k).strip().upper(): v for k, v in stops.items()}
    missing = [g for g in want if g not in given]
    if missing:
        raise AnswerProblem(f"give True or False for {', '.join(missing)} too")
    for gate, value in list(given.items()):
        if isinstance(value, str) and value.strip().lower() in _TRUE_WORDS:
            given[gate] = _TRUE_WORDS[value.strip().lower()]
        elif not isinstance(value, bool):
            raise AnswerProblem(f"{gate} must be True or False; got {value!r}")
    wrong = [gate for gate in want if given[gate] != want[gate]]
    if wrong:
        gate = wrong[0]
        if gate == "XOR":
            because = ("no straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the "
                       "other, so every epoch keeps at least one mistake")
        else:
            because = (f"one straight line separates {gate}'s classes, and on separable data the "
                       f"perceptron always reaches a clean epoch")
        more = f" ({len(wrong)} of 4 are not right yet)" if len(wrong) > 1 else ""
        return not_yet(f"{gate}: {given[gate]}{more}", because=because)
    return correct("AND, OR and NAND are linearly separable, so training stops; no line separates XOR.")


@checker
def check_lr_from_zero(answer):
    """Multiple choice: what does the learning rate change when training starts from w = 0?"""
    return _choose(answer, "a", "from w = 0 every update adds lr * y x, so all weights scale with lr, every s "
                                "keeps its sign, and the boundary w . x = 0 is the same line.", {
        "b": "from w = 0 all weights are lr times those of an lr = 1 run, and scaling w does not move "
             "the line w . x = 0",
        "c": "the perceptron's weights grow only by lr * y x per mistake, and training stops after a "
             "clean epoch: nothing blows up",
    })


# --- Notebook 05: the chain rule -----------------------------------------------------------

_COMPOSITION_POINTS = (0.3, -1.2, 2.0, 2.9)


@checker
def check_composition_derivative(dz_dx):
    """Is ``dz_dx(x)`` the derivative of z = exp(cos(x))? Tried at four points.

    The reference is a central finite difference of z itself, so the checker does not
    depend on anyone's algebra.

    >>> import math
    >>> check_composition_derivative(lambda x: -math.sin(x) * math.exp(math.cos(x)))
    Correct! dz/dx = dz/du * du/dx = exp(cos x) * (-sin x).
    >>> check_composition_derivative(lambda x: math.sin(x) * math.exp(math.cos(x)))
    Not yet: at x = 0.3 your dz/dx is 0.7682 but z changes at a rate of -0.7682 because the derivative of cos(x) is -sin(x): mind the sign
    """
    import math

    if not callable(dz_dx):
        raise AnswerProblem(f"dz_dx must be a function of x (def dz_dx(x): ...); got {type(dz_dx).__name__}")

    def z(x):
        return math.exp(math.cos(x))

    def same(a, b):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-8)

    h = 1e-6
    for x in _COMPOSITION_POINTS:
        want = (z(x + h) - z(x - h)) / (2 * h)
        got = dz_dx(x)
        if got is Ellipsis:
            raise AnswerProblem("your answer is still ...: replace the ... in dz_dx with your formula "
                                "and run the cell again")
        if got is None:
            raise AnswerProblem(f"dz_dx({x:g}) returned None: end the function with return and your formula")
        got = float(_numbers(got, f"dz_dx({x:g})", shape=()))
        if not same(got, want):
            if same(got, -want):
                hint = "the derivative of cos(x) is -sin(x): mind the sign"
            elif same(got, -math.sin(x)):
                hint = "that is only du/dx; multiply by dz/du = exp(u) with u = cos(x)"
            elif same(got, z(x)):
                hint = "that is only dz/du = exp(u); multiply by du/dx"
            elif same(got, -math.sin(x) * math.exp(x)):
                hint = "dz/du = exp(u) is taken at u = cos(x), not at x"
            else:
                hint = "dz/dx = dz/du * du/dx with u = cos(x), z = exp(u)"
            return not_yet(f"at x = {x:g} your dz/dx is {got:.4f} but z changes at a rate of {want:.4f}",
                           because=hint)
    return correct("dz/dx = dz/du * du/dx = exp(cos x) * (-sin x).")


@checker
def check_shared_node_gradient(right, with_bug):
    """z = x * x + 3 * x at x = 2: x.grad from backward() (``right``), and with ``=`` instead of ``+=``.

    With ``=`` every path overwrites the one before: the last one visited wins. That is
    2 (x * x, whose two factors each set x.grad = 2) or 3 (the path through 3 * x),
    depending on the order; both are accepted.

    >>> check_shared_node_gradient(7, 2)
    Correct! The three paths add up to 2 + 2 + 3 = 7; with = the last path visited wins, leaving 2 (x * x) or 3 (3 * x).
    >>> check_shared_node_gradient(5, 2)
    Not yet: right = 5 counts x * x as if x appeared in it once because x is both factors of x * x, so that product contributes x + x = 4, not 2
    """
    verdict = _check_number(right, 7.0, "right", mistakes=[
        (3.0, "right = 3 is the contribution of the path through 3 * x alone",
         "the gradients of all paths add up: x * x contributes 2x = 4 as well"),
        (5.0, "right = 5 counts x * x as if x appeared in it once",
         "x is both factors of x * x, so that product contributes x + x = 4, not 2"),
        (4.0, "right = 4 is the contribution of x * x alone", "the path through 3 * x adds another 3"),
        (2.0, "right = 2 is what one factor of x * x contributes",
         "that is what overwriting leaves; backward() adds every path into x.grad"),
        (10.0, "right = 10 is z itself", "x.grad holds dz/dx = 2x + 3, not the value of z"),
    ], how="dz/dx = 2x + 3; evaluate it at x = 2")
    if verdict is not None:
        return verdict
    bug = float(_numbers(with_bug, "with_bug", shape=()))
    if _within(bug, 2.0) or _within(bug, 3.0):
        return correct("The three paths add up to 2 + 2 + 3 = 7; with = the last path visited wins, "
                       "leaving 2 (x * x) or 3 (3 * x).")
    wrong = {
        7.0: ("with_bug = 7 is the right value", "with = the paths do not add up: each one overwrites x.grad"),
        4.0: ("with_bug = 4 adds the two factors of x * x",
              "with = even those two overwrite each other: x * x leaves 2, not 2 + 2"),
        5.0: ("with_bug = 5 adds 2 and 3", "= never adds: whichever path comes last replaces the others"),
    }
    for value, (what, because) in wrong.items():
        if _within(bug, value):
            return not_yet(what, because=because)
    return not_yet(f"with_bug = {bug:g} is not a value any single path gives",
                   because="with = x.grad ends as the contribution of the last path: 2 from x * x, or 3 from 3 * x")


# --- Notebook 05: backward() written by the learner ----------------------------------------


def is_placeholder(answer):
    """True while an exercise is unanswered: ``...`` itself, or a function whose body is only ``...``.

    Cells that use a learner's function after its exercise ask this first, so that they
    print a clear message instead of failing while the exercise is still open.

    >>> def backward(root):
    ...     ...  # your code here
    >>> is_placeholder(backward), is_placeholder(...), is_placeholder(print)
    (True, True, False)
    """
    return answer is Ellipsis or _is_stub(answer)


def _call_learner(fn, *args):
    """Run the learner's ``fn(*args)``: ``(result, None)``, or ``(None, "NameError: ...")`` if it raised.

    Numpy's floating-point warnings are silenced here: a NaN or infinity the learner's code
    produces is reported by the checker in words, not as a warning above the verdict.
    """
    import warnings

    import numpy as np

    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return fn(*args), None
    except Exception as exc:  # the learner's code, whatever it raised: reported, never shown as a traceback
        return None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


class Node:
    """A number in a computation graph, the same small class notebook 05 defines.

    ``data`` is the forward value, ``grad`` the gradient (0.0 until a backward pass fills
    it in), ``parents`` the nodes it was computed from and ``local_grads`` the derivative
    of this node with respect to each parent. The checkers build their graphs from it, so
    that a learner's ``backward`` meets exactly the attributes it was written for.
    """

    def __init__(self, data, parents=(), local_grads=(), label=""):
        self.data = float(data)
        self.grad = 0.0
        self.parents = tuple(parents)
        self.local_grads = tuple(local_grads)
        self.label = label

    @staticmethod
    def _lift(other):
        return other if isinstance(other, Node) else Node(other)

    def __add__(self, other):
        other = self._lift(other)
        return Node(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):
        other = self._lift(other)
        return Node(self.data * other.data, (self, other), (other.data, self.data))

    __radd__ = __add__
    __rmul__ = __mul__

    def __pow__(self, k):
        return Node(self.data**k, (self,), (k * self.data ** (k - 1),))

    def sin(self):
        import math

        return Node(math.sin(self.data), (self,), (math.cos(self.data),))

    def sigmoid(self):
        import math

        out = 1.0 / (1.0 + math.exp(-self.data))
        return Node(out, (self,), (out * (1.0 - out),))

    def __repr__(self):
        return f"Node({self.label + '=' if self.label else ''}{self.data:.4g}, grad={self.grad:.4g})"


def _topological_order(root):
    """Every node ``root`` depends on, inputs first and ``root`` last (for Node and autodiff.Value)."""
    order, seen = [], set()

    def visit(node):
        if id(node) not in seen:
            seen.add(id(node))
            for parent in node.parents:
                visit(parent)
            order.append(node)

    visit(root)
    return order


# The graphs check_backward tries. Each takes a constructor for its input nodes (Node, or
# autodiff.Value for the reference) and returns its named nodes; the last one is the root.
def _graph_sin_square(leaf):
    x = leaf(1.5)
    u = x**2
    z = u.sin()
    return {"x": x, "u": u, "z": z}


def _graph_one_neuron(leaf):
    x, v0, v1, w0, w1 = leaf(0.4), leaf(-1.0), leaf(2.0), leaf(0.5), leaf(-1.5)
    v1x = v1 * x
    r = v0 + v1x
    u = r.sigmoid()
    w1u = w1 * u
    s = w0 + w1u
    z = s.sigmoid()
    return {"x": x, "v0": v0, "v1": v1, "w0": w0, "w1": w1, "v1*x": v1x, "r": r, "u": u, "w1*u": w1u, "s": s,
            "z": z}


def _graph_reused(leaf):
    x, y = leaf(2.0), leaf(-0.5)
    xx = x * x       # x used twice here ...
    xxx = xx * x     # ... and a third time here
    z = xxx + y
    return {"x": x, "y": y, "x*x": xx, "x*x*x": xxx, "z": z}


def _graph_diamond(leaf):
    x = leaf(0.8)
    c = x.sin()
    d = c.sigmoid()
    z = c * d        # c reaches z twice: directly, and through d
    return {"x": x, "c": c, "d": d, "z": z}


def _graph_deep_chain(leaf):
    x = leaf(0.5)
    nodes, t = {"x": x}, x
    for k in range(1, 31):  # chosen so that dz/dx stays of order 1 (0.49) over 30 steps
        t = t * -1.2 if k % 3 == 1 else (t + 0.5 if k % 3 == 2 else t.sin())
        nodes[f"t{k}"] = t
    return nodes


_BACKWARD_GRAPHS = (
    ("z = sin(x²)", _graph_sin_square),
    ("the one-neuron chain z = sigmoid(w0 + w1 sigmoid(v0 + v1 x))", _graph_one_neuron),
    ("z = x·x·x + y (x used three times)", _graph_reused),
    ("the diamond c = sin(x), d = sigmoid(c), z = c·d", _graph_diamond),
    ("a chain 30 steps deep", _graph_deep_chain),
)


def _simulate_backward(root, mistake=None):
    """A backward pass, right (``mistake=None``) or with one typical mistake, for the checkers' hints."""
    order = _topological_order(root)
    if mistake != "no reset":
        for node in order:
            node.grad = 0.0
    if mistake != "no seed":
        root.grad = 1.0
    if mistake == "inputs first":
        visit = order
    elif mistake == "breadth first":
        visit, seen = [root], {id(root)}
        for node in visit:  # the list grows while it is walked: a queue
            for parent in node.parents:
                if id(parent) not in seen:
                    seen.add(id(parent))
                    visit.append(parent)
    else:
        visit = reversed(order)
    for node in visit:
        for parent, local in zip(node.parents, node.local_grads):
            share = local if mistake == "no product" else local * node.grad
            if mistake == "=":
                parent.grad = share
            else:
                parent.grad += share


_BACKWARD_HINTS = {
    "no seed": "every gradient stayed 0, the root's too: nothing starts the chain. Set root.grad = 1.0 "
               "(d root / d root = 1) after resetting the gradients and before the loop",
    "=": "a node used more than once kept only the share of the last path: with = each path overwrites "
         "the one before. Add every path's share: parent.grad += local * node.grad",
    "inputs first": "the nodes were visited inputs first, so each passed its gradient back before it had "
                    "received any. Visit the root first: for node in reversed(topological_order(root))",
    "breadth first": "a node passed its gradient back before every node that uses it had passed back its "
                     "share. Visit the nodes in reverse topological order, reversed(topological_order(root)), "
                     "which puts every node after all the nodes that use it",
    "no product": "each parent got only the local derivative of its edge. The chain rule multiplies it by "
                  "the gradient that has arrived at the node: parent.grad += local * node.grad",
    "no reset": "the gradients of the first call were still there when the second call added to them. "
                "Set every node's grad to 0.0 at the start of backward, before the seed",
}


def _read_grads(nodes, what):
    """The ``grad`` of every named node as floats, or raise an AnswerProblem naming the first bad one."""
    import math
    import numbers

    grads = {}
    for name, node in nodes.items():
        g = getattr(node, "grad", None)
        if isinstance(g, bool) or not isinstance(g, numbers.Real):
            raise AnswerProblem(f"after your backward on {what}, {name}.grad is {g!r}, not a number: "
                                f"each grad must be a float, d root / d {name}")
        if not math.isfinite(g):
            raise AnswerProblem(f"after your backward on {what}, {name}.grad is {g}: the gradients must be "
                                f"finite numbers (is a division or a huge product in your code?)")
        grads[name] = float(g)
    return grads


def _same_grads(got, want):
    return all(abs(got[k] - want[k]) <= 1e-9 * (1.0 + abs(want[k])) for k in want)


def _finite_difference_gaps(build, grads, h=1e-6):
    """|grad - central difference| for every input node of the graph ``build`` makes."""
    from . import autodiff

    gaps = []
    n_inputs = sum(1 for node in build(Node).values() if not node.parents)
    for k in range(n_inputs):
        def root_with(shift, k=k):
            made = iter(range(n_inputs))
            nodes = build(lambda value: autodiff.Value(value + (shift if next(made) == k else 0.0)))
            return list(nodes.values())[-1].data
        name = [n for n, node in build(Node).items() if not node.parents][k]
        slope = (root_with(h) - root_with(-h)) / (2 * h)
        gaps.append(abs(grads[name] - slope))
    return gaps


@checker
def check_backward(backward):
    """Does ``backward(root)`` fill every node's ``grad`` with d root / d node?

    It runs the learner's function on five graphs made of :class:`Node` (sin(x²), the
    one-neuron chain, a node used three times, a diamond, a chain 30 steps deep), compares
    every named node's gradient with ``helpers.autodiff`` and the inputs' gradients with
    central finite differences, and calls it a second time on each graph, which must give
    the same gradients again. A wrong answer is compared, graph by graph, with each typical
    mistake simulated here; the mistake that explains every graph gets its hint.
    """
    from . import autodiff

    if not callable(backward):
        raise AnswerProblem(f"backward must be a function of the root node (def backward(root): ...); "
                            f"got {type(backward).__name__}")
    runs = []  # (what, build, right grads, grads after the first call, after the second)
    for what, build in _BACKWARD_GRAPHS:
        nodes = build(Node)
        for name, node in nodes.items():
            node.label = name
        reference = build(autodiff.Value)
        list(reference.values())[-1].backward()
        calls = []
        for call in ("", ", the second time it was called on the same graph"):
            _, error = _call_learner(backward, list(nodes.values())[-1])
            if error:
                raise AnswerProblem(f"your backward raised {error} (graph: {what}{call})")
            calls.append(_read_grads(nodes, what))
        runs.append((what, build, {name: node.grad for name, node in reference.items()}, *calls))
    wrong = [run for run in runs if not _same_grads(run[3], run[2])]
    if wrong:
        what, _, want, got, _ = wrong[0]
        for mistake in ("no seed", "=", "inputs first", "breadth first", "no product"):
            simulated = []
            for _, build, _, _, _ in runs:
                nodes = build(Node)
                _simulate_backward(list(nodes.values())[-1], mistake)
                simulated.append({name: node.grad for name, node in nodes.items()})
            if all(_same_grads(run[3], as_if) for run, as_if in zip(runs, simulated)):
                return not_yet(_wrong_grads(what, got, want), because=_BACKWARD_HINTS[mistake])
        return not_yet(_wrong_grads(what, got, want),
                       because="every grad must end as d root / d node: reset every grad to 0, set "
                               "root.grad = 1, then visit the nodes root first (reversed topological "
                               "order) and add local * node.grad into each parent's grad")
    for what, _, want, _, again in runs:
        if not _same_grads(again, want):
            first = ", ".join(f"{n}.grad = {want[n]:.4g}" for n in list(want)[:2])
            second = ", ".join(f"{n}.grad = {again[n]:.4g}" for n in list(want)[:2])
            return not_yet(f"on {what} the first call was right ({first}), but a second call on the same "
                           f"graph gave {second}", because=_BACKWARD_HINTS["no reset"])
    fd_gap = max(max(_finite_difference_gaps(build, want)) for _, build, want, _, _ in runs)
    n_nodes = sum(len(want) for _, _, want, _, _ in runs)
    return correct(f"Every node's gradient, {n_nodes} nodes in five graphs, agrees with helpers.autodiff, "
                   f"also after a second call; at the inputs it agrees with finite differences to "
                   f"{fd_gap:.1e}.")


def _wrong_grads(what, got, want):
    """ "on <graph>, wrong grads at 1 of 5 nodes: x.grad = 4 (should be 12)" """
    wrong = [n for n in want if abs(got[n] - want[n]) > 1e-9 * (1.0 + abs(want[n]))]
    shown = ", ".join(f"{n}.grad = {got[n] + 0.0:.4g} (should be {want[n] + 0.0:.4g})" for n in wrong[:3])
    more = f" and {len(wrong) - 3} more" if len(wrong) > 3 else ""
    return f"on {what}, wrong grads at {len(wrong)} of {len(want)} nodes: {shown}{more}"


@checker
def check_backward_twice(x_grad):
    """x = Node(3.0), y = Node(-2.0), z = x * y; a backward that never resets, called twice: x.grad = -4."""
    verdict = _check_number(x_grad, -4.0, "x.grad", mistakes=[
        (-2.0, "x.grad = -2 is what one call leaves",
         "this backward never sets the gradients back to 0, so the second call adds its dz/dx = y = -2 "
         "on top of the first one's: += keeps what is already there"),
        (6.0, "x.grad = 6 is y.grad after the two calls", "x.grad collects dz/dx = y = -2, once per call"),
        (3.0, "x.grad = 3 is dz/dy = x", "x.grad collects dz/dx = y = -2, once per call"),
        (4.0, "x.grad = 4 has the wrong sign", "dz/dx = y = -2, and each call adds one of them"),
        (0.0, "x.grad = 0 would need a reset", "nothing in this backward sets a gradient back to 0: each call "
                                               "adds to what is there"),
    ], how="each call adds dz/dx = y into x.grad")
    return _or_correct(verdict, "Each call adds dz/dx = y = -2 into x.grad: two calls, -4, twice the gradient.")


@checker
def check_grad_before_backward(x_grad):
    """z = sin(x²) built from Nodes at x = 1.5, before any backward: x.grad is still 0."""
    import math

    why = ("building the graph computes each value and its local derivatives (stored in the child's "
           "local_grads), but no gradient: every grad starts at 0.0 and stays there until backward runs")
    verdict = _check_number(x_grad, 0.0, "x.grad", mistakes=[
        (2 * 1.5 * math.cos(1.5**2), "x.grad = {got:.4f} is dz/dx, what backward will put there", why),
        (2 * 1.5, "x.grad = 3 is du/dx = 2x, the local derivative stored in u.local_grads", why),
        (math.cos(1.5**2), "x.grad = {got:.4f} is dz/du = cos(u), stored in z.local_grads", why),
        (1.0, "x.grad = 1 is the seed", "backward puts 1.0 on the root, z, when it starts; before that "
                                        "every grad, z's included, is 0.0"),
    ], how="Node.__init__ sets grad = 0.0, and only backward changes it")
    return _or_correct(verdict, "Nothing has run backward yet: every grad is still the 0.0 that Node.__init__ "
                                "set. Building the graph computed values and local derivatives, no gradients.")


# --- Notebook 06: the MLP and backpropagation ----------------------------------------------

# The worked example of notebook 06: x = (1, 0), y = 1, v and w as in mlp.worked_example().
_WORKED_V = ((0.1, -0.2), (0.5, 0.3), (-0.4, 0.8))
_WORKED_W = (0.2, 0.6, -0.7)


def _worked_example_values():
    """(u with u0 = 1, z) of the worked example, computed here from the table, not from mlp."""
    import math

    x = (1.0, 1.0, 0.0)  # x0 = 1, x1, x2
    r = [sum(x[i] * _WORKED_V[i][j] for i in range(3)) for j in range(2)]
    u = [1.0] + [1 / (1 + math.exp(-rj)) for rj in r]
    s = sum(uj * wj for uj, wj in zip(u, _WORKED_W))
    return u, 1 / (1 + math.exp(-s))


@checker
def check_output_gradient(dL_dw):
    """dL/dw for the worked example of notebook 06: (w0, w1, w2), bias first; (-0.4452, -0.2875, -0.2337).

    >>> check_output_gradient([-0.4452, -0.2875, -0.2337])
    Correct! dL/dw_j = (z - y) u_j, with u_0 = 1 for the bias.
    """
    import numpy as np

    got = _numbers(dL_dw, "dL_dw")
    if got.size == 2:
        raise AnswerProblem("dL_dw has 2 entries, but w has 3: the bias w_0 (whose input is u_0 = 1) is missing")
    u, z = _worked_example_values()
    u = np.array(u)
    want = (z - 1.0) * u
    verdict = _check_numbers(got.ravel(), want, "dL_dw", mistakes=[
        (-want, "dL_dw = {got}: the right numbers with the wrong sign",
         "dL/ds = z - y (not y - z): z is too small here, so the loss falls as w grows"),
        (want * z * (1 - z), "dL_dw = {got} includes an extra z(1 - z)",
         "with binary cross-entropy dL/dz * dz/ds simplifies to z - y; the z(1 - z) cancels"),
        (z * u, "dL_dw = {got} uses z instead of z - y", "dL/ds = z - y with y = 1"),
        (np.full(3, z - 1.0), "dL_dw = {got} is dL/ds three times", "multiply dL/ds by each u_j (u_0 = 1)"),
    ], how="dL/dw_j = dL/ds * u_j with dL/ds = z - y and u = (1, u_1, u_2)")
    return _or_correct(verdict, "dL/dw_j = (z - y) u_j, with u_0 = 1 for the bias.")


@checker
def check_bce_with_sigmoid(choice):
    """Why is binary cross-entropy the loss of choice for a sigmoid output? Answer "a", "b" or "c"."""
    return _choose(choice, "b", "dL/ds = z - y: a confidently wrong output gets a large push, while squared "
                                "error's (z - y) z (1 - z) almost vanishes there.", {
        "a": "the size of a loss says nothing on its own: what training uses is its gradient",
        "c": "the sigmoid never reaches 0 or 1 exactly, whatever the loss; BCE only punishes being far from y",
    })


# --- Notebook 06: the hidden layer's gradient, written by the learner ---------------------


def _hidden_cases():
    """(description, model, X, y) for check_hidden_gradient: the worked example, then random networks.

    The sizes are chosen so that the shapes of the typical wrong results (bias row missing,
    transposed, u in place of x, one column per w_j, one row per example) differ from each
    other and from the right shape (m + 1, p) wherever that tells them apart.
    """
    import numpy as np

    from . import mlp

    cases = [("the worked example (1 row, 2 inputs, 2 hidden units)", *mlp.worked_example())]
    rng = np.random.default_rng(2024)
    for m, p, n, v_scale, extra in ((3, 5, 7, 1.0, ""), (2, 4, 6, 1.5, ""),
                                    (3, 3, 7, 6.0, ", large weights: some hidden units saturate")):
        model = mlp.MLP([m, p, 1], seed=0)
        model.params[0][:] = rng.normal(0.0, v_scale, model.params[0].shape)
        model.params[1][:] = rng.normal(0.0, 1.5, model.params[1].shape)
        X = rng.normal(0.0, 1.0, (n, m))
        y = np.arange(n) % 2 * 1.0  # both labels
        cases.append((f"a random network ({n} rows, {m} inputs, {p} hidden units{extra})", model, X, y))
    return cases


def _hidden_gradients(model, X, y):
    """dL/dv from the lecture's equations, and the typical wrong versions of it (name -> array)."""
    import numpy as np

    from . import activations

    v, w = model.params[0], model.params[1][:, 0]
    n = X.shape[0]
    x = np.c_[np.ones(n), X]                           # x_0 = 1
    u = activations.sigmoid(x @ v)
    u1 = np.c_[np.ones(n), u]                          # u_0 = 1
    z = activations.sigmoid(u1 @ w)
    dL_ds = (z - y) / n                                # the loss is the mean over the n rows

    def dL_dv(w_hidden, slope=True, inputs=x):
        dL_dr = np.outer(dL_ds, w_hidden) * (u * (1 - u) if slope else 1.0)
        return inputs.T @ dL_dr

    right = dL_dv(w[1:])
    no_bias = right.copy()
    no_bias[0] = 0.0
    return right, {
        "sign": -right,
        "no slope": dL_dv(w[1:], slope=False),
        "u for x": dL_dv(w[1:], inputs=u1),
        "bias row zero": no_bias,
        "bias row last": dL_dv(w[1:], inputs=np.c_[X, np.ones(n)]),
        "sum": right * n,
        "w0 as hidden": dL_dv(w[:-1]),
    }


_HIDDEN_HINTS = {
    "sign": "every entry has the right size but the wrong sign: dL/ds = z - y, not y - z (gradient descent "
            "subtracts the gradient, it is not already subtracted)",
    "no slope": "the factor g'(r_j) = u_j (1 - u_j) is missing: dL/dr_j = dL/du_j * u_j (1 - u_j), and only "
                "then dL/dv_ij = dL/dr_j * x_i",
    "u for x": "these are dL/dr_j * u_i: the weight v_ij multiplies the input x_i (with x_0 = 1), so "
               "dL/dv_ij = dL/dr_j * x_i; u_i belongs to the output weights w",
    "bias row zero": "row 0, the biases v_0j, is 0: their input is x_0 = 1, so dL/dv_0j = dL/dr_j * 1, "
                     "averaged over the rows like every other entry",
    "bias row last": "the bias row came out last: row 0 of v holds the biases v_0j, so put the column of "
                     "ones for x_0 = 1 in front of X, not behind it",
    "sum": "every entry is n times too large ({n} rows here): the loss is the mean over the rows of X, "
           "so divide the sum over the rows by n",
    "w0 as hidden": "dL/du_j used the weight one row up: w_0 is the output's bias, multiplied by u_0 = 1, "
                    "which is no hidden unit. dL/du_j = dL/ds * w_j for j = 1..p, that is w[1:]",
    "bias row": "rows 1 and up are right, but row 0, the biases v_0j, is not: their input is x_0 = 1, so "
                "row 0 holds dL/dr_j itself, averaged over the rows",
    "batch": "it is right on the worked example (one row) but not on several rows: check that z and y "
             "both have shape (n,) (z - y of shapes (n, 1) and (n,) is an (n, n) table) and that the "
             "rows are averaged",
    "generic": "follow the equations for every row, then average over the rows: dL/ds = z - y, "
               "dL/du_j = dL/ds * w_j, dL/dr_j = dL/du_j * u_j (1 - u_j), dL/dv_ij = dL/dr_j * x_i "
               "with x_0 = 1",
}


class _BackwardNotAllowed(Exception):
    pass


def _refuse_backward(*args, **kwargs):
    raise _BackwardNotAllowed


def _finite_difference_dv(model, X, y, h=1e-5):
    """dL/dv by central differences of model.loss, one entry of v at a time."""
    from .mlp import _numerical_gradient

    return _numerical_gradient(model, X, y, model.params[0], h)


def _shape_problem(shape, m, p, n, what):
    """A "Not yet" for an array of the wrong shape that names the likely cause."""
    want = (m + 1, p)
    causes = [
        ((m, p), "the bias row is missing: row 0 holds the biases v_0j (input x_0 = 1), so dL/dv has "
                 "one row more than X has columns"),
        ((p, m + 1), "it is the transpose: row i belongs to input x_i (i = 0..m), column j to hidden unit j"),
        ((p + 1, p), "one row per hidden output u_i: the weight v_ij multiplies x_i, so dL/dv_ij = "
                     "dL/dr_j * x_i, not * u_i"),
        ((m + 1, p + 1), "one column per output weight w_j, w_0 included: w_0 is the output's bias, "
                         "multiplied by u_0 = 1, which is no hidden unit; use w[1:]"),
        ((n, p), "one row per example: that looks like dL/dr; multiply by x_i and average over the rows"),
        ((n, m + 1, p), "one gradient per example: the loss is their mean, so average over the rows"),
    ]
    for wrong, because in causes:
        if tuple(shape) == wrong and wrong != want:
            return not_yet(f"on {what} your dL/dv has shape {tuple(shape)}, but v = model.params[0] has "
                           f"shape {want}", because=because)
    return not_yet(f"on {what} your dL/dv has shape {tuple(shape)}, but v = model.params[0] has shape {want}",
                   because="return one array shaped like model.params[0]: one row per input x_0..x_m, "
                           "one column per hidden unit")


def _wrong_entries(got, want, tol):
    """ "4 of 6 entries are wrong: v_01 = 0.0573 (should be -0.0573), ..." with v_ij as the lecture writes it."""
    import numpy as np

    wrong = [idx for idx in np.ndindex(want.shape) if abs(got[idx] - want[idx]) > tol]
    shown = ", ".join(f"v_{i}{j + 1} = {got[i, j] + 0.0:.4g} (should be {want[i, j] + 0.0:.4g})"
                      for i, j in wrong[:3])
    more = f" and {len(wrong) - 3} more" if len(wrong) > 3 else ""
    return f"{len(wrong)} of {want.size} entries are wrong: {shown}{more}"


@checker
def check_hidden_gradient(hidden_gradient):
    """Is ``hidden_gradient(model, X, y)`` dL/dv, the mean loss's gradient for the input weights?

    It runs the learner's function on the worked example of notebook 06 and on three random
    one-hidden-layer networks (batches of 6 and 7 rows, other sizes, one with weights large
    enough to saturate hidden units) and compares with central finite differences of
    ``model.loss``. A wrong answer is compared with each typical mistake, computed here from
    the equations with that mistake made; the mistake that explains every network gets its
    hint. The function gets a copy of each network whose ``backward`` refuses to run.
    """
    import numpy as np

    from . import mlp

    if not callable(hidden_gradient):
        raise AnswerProblem(f"hidden_gradient must be a function of (model, X, y); "
                            f"got {type(hidden_gradient).__name__}")
    def close(a, b, tol):
        return a.shape == b.shape and float(np.max(np.abs(a - b))) <= tol

    runs = []  # (what, n, answer, finite differences, tolerance, right, variants)
    for what, model, X, y in _hidden_cases():
        m, p, n = X.shape[1], model.params[0].shape[1], X.shape[0]
        copy = mlp.MLP(model.layer_sizes, seed=0)
        for mine, theirs in zip(copy.params, model.params):
            mine[:] = theirs
        copy.backward = copy._backward = _refuse_backward
        got, error = _call_learner(hidden_gradient, copy, X.copy(), y.copy())
        if error == _BackwardNotAllowed.__name__:
            raise AnswerProblem("hidden_gradient called model.backward, which computes the answer for you: "
                                "write the lecture's equations with model.params and helpers.activations")
        if error:
            if runs and close(runs[0][2], runs[0][3], runs[0][4]):
                why = "; " + _HIDDEN_HINTS["batch"]
            elif "shape" in error or "broadcast" in error or "dimension" in error:
                why = ("; check the shapes: X is (n, m), v is (m + 1, p), w is (p + 1, 1), and the bias rows "
                       "v_0j and w_0 go with the constant inputs x_0 = u_0 = 1")
            else:
                why = ""
            raise AnswerProblem(f"hidden_gradient raised {error} (on {what}){why}")
        if got is None:
            raise AnswerProblem("hidden_gradient returned None: end it with return and your dL/dv")
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            raise AnswerProblem("hidden_gradient must return one array of numbers, dL/dv, shaped like "
                                "model.params[0]") from None
        if got.shape == (m + 1, p) and not np.all(np.isfinite(got)):
            raise AnswerProblem(f"on {what} your dL/dv contains NaN or infinity: a saturated sigmoid gives "
                                f"exactly 0 or 1 in floating point, so use dL/ds = z - y directly (not dL/dz "
                                f"times z(1 - z), which divides by zero there) and helpers.activations.sigmoid, "
                                f"which never overflows")
        numeric = _finite_difference_dv(model, X, y)
        tol = 1e-7 + 1e-6 * float(np.max(np.abs(numeric)))
        runs.append((what, n, got, numeric, tol, *_hidden_gradients(model, X, y)))


    wrong = [run for run in runs if not close(run[2], run[3], run[4])]
    if not wrong:
        largest = max(float(np.max(np.abs(got - numeric))) for _, _, got, numeric, _, _, _ in runs)
        return correct(f"dL/dv agrees with finite differences on the worked example and on three random "
                       f"networks (batches of 6 and 7 rows, saturated hidden units among them); largest error "
                       f"{largest:.1e}.")
    what, n, got, numeric, tol, right, variants = wrong[0]
    if got.shape != numeric.shape:
        m, p = numeric.shape[0] - 1, numeric.shape[1]
        return _shape_problem(got.shape, m, p, n, what)
    for name, as_if in variants.items():
        if close(got, as_if, tol) and not close(as_if, right, 100 * tol) and \
                all(close(run[2], run[6][name], run[4]) for run in runs):
            return not_yet(f"on {what}, {_wrong_entries(got, numeric, tol)}", because=_HIDDEN_HINTS[name].format(n=n))
    for name, as_if in variants.items():  # two mistakes at once: name the one this network shows alone
        if close(got, as_if, tol) and not close(as_if, right, 100 * tol):
            return not_yet(f"on {what}, {_wrong_entries(got, numeric, tol)}",
                           because="there may be more than one mistake; fix this one first: "
                                   + _HIDDEN_HINTS[name].format(n=n))
    if close(got[1:], numeric[1:], tol):
        hint = _HIDDEN_HINTS["bias row"]
    elif n > 1 and close(runs[0][2], runs[0][3], runs[0][4]):
        hint = _HIDDEN_HINTS["batch"]
    else:
        hint = _HIDDEN_HINTS["generic"]
    return not_yet(f"on {what}, {_wrong_entries(got, numeric, tol)}", because=hint)

# --- Notebook 07: real birds ---------------------------------------------------------------


@checker
def check_separating_weights(w, X, y):
    """Do perceptron weights ``w = [w0, w1, w2]`` classify every bird correctly?

    ``X`` is ``(n, 2)`` (standardised measurements), ``y`` holds -1/+1 labels; a bird
    counts as correct when ``sign(s) == y`` with ``sign(0) = +1``.
    """
    import numpy as np

    w = _numbers(w, "w")
    if w.size != 3:
        raise AnswerProblem(f"w must hold three numbers [w0, w1, w2], the bias first; got {w.size}")
    w = w.ravel()
    X = _numbers(X, "X")
    y = np.where(_numbers(y, "y") > 0, 1.0, -1.0)
    if w[1] == 0 and w[2] == 0:
        return not_yet(f"w = {_fmt(w)}", because="with w1 = w2 = 0 there is no boundary line at all")
    s = w[0] + X @ w[1:]
    wrong = int(np.sum(np.where(s >= 0, 1.0, -1.0) != y))
    if wrong:
        flipped = int(np.sum(np.where(-s >= 0, 1.0, -1.0) != y))
        because = ("the line is in a good place but the sides are swapped: multiply all three weights by -1"
                   if flipped == 0 else
                   "a separating line puts every bird on its own species' side (try the sliders again)")
        return not_yet(f"w = {_fmt(w)} misclassifies {wrong} of {len(y)} birds", because=because)
    return correct(f"w = {_fmt(w)} puts all {len(y)} birds on the right side of the line.")


_PAIRS = {frozenset({"adelie", "gentoo"}): "Adelie-Gentoo", frozenset({"adelie", "chinstrap"}): "Adelie-Chinstrap"}


@checker
def check_separable_pair(answer):
    """Which pair of species can a straight line split on bill depth and body mass?

    Accepts the pair in either order, written with "-", "/", "and" or spaces.
    """
    import re

    if not isinstance(answer, str):
        raise AnswerProblem(f'answer with "Adelie-Gentoo" or "Adelie-Chinstrap"; got {answer!r}')
    words = frozenset(w for w in re.split(r"[^a-z]+", answer.lower()) if w and w != "and")
    if words not in _PAIRS:
        raise AnswerProblem(f'answer with one of the two pairs offered, "Adelie-Gentoo" or "Adelie-Chinstrap"; '
                            f'got {answer!r}')
    if _PAIRS[words] == "Adelie-Chinstrap":
        return not_yet(
            "Adelie and Chinstrap overlap",
            because="their bill depths and body masses share the same range: no line gets them all",
        )
    return correct("Gentoo have shallower bills and more mass: one line splits them from Adelie.")


@checker
def check_test_standardization(X_test_std, X_train, X_test):
    """Was the test set scaled with the *training* mean and standard deviation?"""
    X_train = _numbers(X_train, "X_train")
    X_test = _numbers(X_test, "X_test")
    got = _numbers(X_test_std, "X_test_by_hand", shape=X_test.shape)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    want = (X_test - mean) / std
    if _within(got, want):
        return correct("the test birds are measured in the training set's units.")
    mistakes = [
        ((X_test - X_test.mean(axis=0)) / X_test.std(axis=0), "you used the test set's own mean and standard deviation",
         "the test set stands for birds not seen yet: only training statistics may be used"),
        ((X_test - mean) / X_train.var(axis=0), "you divided by the variance",
         "standardising divides by the standard deviation"),
        (X_test - mean, "you subtracted the mean but did not divide", "divide by the training standard deviation too"),
        (X_test / std - mean, "the mean was subtracted after dividing", "subtract the mean first: (X_test - mean) / std"),
        ((X_test - mean) / X_train.std(axis=0, ddof=1), "you used the sample standard deviation (ddof=1)",
         "standardize() and the notebook use X_train.std(axis=0), which divides by n"),
    ]
    for wrong, what, because in mistakes:
        if _within(got, wrong):
            return not_yet(what, because=because)
    import numpy as np

    off = float(np.max(np.abs(got - want)))
    return not_yet(f"X_test_by_hand differs from (X_test - mean) / std by up to {off:.4g}",
                   because="use the training set's mean and std: (X_test - X_train.mean(axis=0)) / X_train.std(axis=0)")


@checker
def check_accuracy(accuracy, y_true, y_pred):
    """The fraction of birds whose predicted species is right (a number in [0, 1]), to four decimals."""
    import numpy as np

    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    n_right = int(np.sum(y_true == y_pred))
    want = n_right / len(y_true)
    verdict = _check_number(accuracy, want, "accuracy", mistakes=[
        (100 * want, "accuracy = {got:g} is a percentage", "give it as a fraction in [0, 1]", 100 * PRINTED_TOL),
        (1 - want, "accuracy = {got:.4f} is the error rate", "count the correct predictions, not the wrong ones"),
        (n_right, "accuracy = {got:g} is the number of birds predicted right",
         f"divide by the number of birds, {len(y_true)}"),
    ], how="accuracy = (number of birds with y_pred == y_true) / (number of birds)")
    return _or_correct(verdict, f"accuracy = {n_right} / {len(y_true)} = {want:.4f}.")


@checker
def check_confusion_matrix(cm, y_true, y_pred, n_classes):
    """``cm[t, p]`` must count the birds of true class ``t`` predicted as class ``p``."""
    import numpy as np

    got = _numbers(cm, "cm", shape=(n_classes, n_classes))
    want = np.zeros((n_classes, n_classes))
    for t, p in zip(np.asarray(y_true), np.asarray(y_pred)):
        want[int(t), int(p)] += 1
    if np.array_equal(got, want):
        return correct(f"the diagonal holds the {int(np.trace(want))} correct predictions.")
    if np.array_equal(got, want.T):
        return not_yet("cm is transposed", because="rows are the true species and columns the predicted ones")
    if got.sum() != want.sum():
        return not_yet(f"cm counts {got.sum():g} birds", because=f"every one of the {len(y_true)} test birds is counted once")
    if np.array_equal(np.diag(np.diag(got)), got) and np.trace(got) == want.sum():
        return not_yet("cm puts every bird on the diagonal", because="count the pair (true t, predicted p), not t twice")
    return not_yet("some cells of cm are off", because="cm[t, p] += 1 for each bird with true t and predicted p")


# --- Notebook 08: review -------------------------------------------------------------------


@checker
def check_gradient_step(w_new):
    """One gradient descent step on L(w) = (w - 3)^2 from w = 1 with lr = 0.1: 1.4."""
    verdict = _check_number(w_new, 1.4, "w_new", mistakes=[
        (0.6, "w_new = 0.6 moved away from the minimum at 3",
         "you stepped along the gradient; descent goes against it (w - lr * dL/dw)"),
        (1.2, "w_new = 1.2", "dL/dw of (w - 3)^2 is 2(w - 3): the factor 2 is missing"),
        (5.0, "w_new = 5 took the whole gradient", "multiply dL/dw = -4 by lr = 0.1 first"),
        (-4.0, "w_new = -4 is the gradient dL/dw", "the step is w_new = w - lr * dL/dw"),
    ], how="compute dL/dw = 2(w - 3) at w = 1, then w - lr * dL/dw")
    return _or_correct(verdict, "dL/dw = 2(1 - 3) = -4, so w moves to 1 - 0.1 * (-4) = 1.4, towards the minimum at 3.")


@checker
def check_perceptron_steps(w):
    """The lecture's SGD run: weights [w0, w1, w2] after the points (1, 0) and then (1, 1)."""
    verdict = _check_numbers(w, [-0.1, 0.2, 0.1], "w", mistakes=[
        ([-0.2, 0.1, 0.0], "w = {got} is after (1, 0) only",
         "(1, 1) then gives s = -0.1 < 0 with y = +1: another mistake, another update"),
        ([0.2, 0.1, -0.1], "w = {got}", "w lists the bias first: [w0, w1, w2]"),
        ([0.0, 0.3, 0.0], "w = {got} moved with the gradient",
         "a mistake updates w <- w - lr * (-y x): at (1, 0), y = -1, so w goes down by lr * [1, 1, 0]"),
    ], how="for a misclassified point each w_i changes by -lr * (-y x_i), with x_0 = 1")
    return _or_correct(verdict, "w = [-0.1, 0.2, 0.1]: (1, 0) pulled the weights down, then (1, 1) pushed them up.")


@checker
def check_chain_rule(dz_dx):
    """dz/dx of z = sin(x^2) at x = 1.5: 2x cos(x^2) = -1.8845."""
    import math

    want = 2 * 1.5 * math.cos(1.5**2)
    verdict = _check_number(dz_dx, want, "dz_dx", mistakes=[
        (math.cos(1.5**2), "dz_dx = {got:.4f} is dz/du only", "multiply by du/dx = 2x = 3"),
        (2 * 1.5 * math.cos(1.5), "dz_dx = {got:.4f} takes cos at x", "evaluate cos at u = x^2 = 2.25, not at x"),
        (1.5 * math.cos(1.5**2), "dz_dx = {got:.4f} has du/dx = x", "the derivative of x^2 is 2x"),
        (2 * 1.5 * math.sin(1.5**2), "dz_dx = {got:.4f} uses sin", "the derivative of sin(u) is cos(u)"),
        (-want, "dz_dx = {got:.4f} has the wrong sign", "cos(2.25) is negative, and 2x = 3 is positive"),
    ], how="with u = x^2, dz/dx = cos(u) * 2x")
    return _or_correct(verdict, f"dz/dx = dz/du * du/dx = cos(2.25) * 3 = {want:.4f}.")


_BACKPROP_U = (1.0, 0.5, 0.25)
_BACKPROP_W = (0.1, -0.2, 0.4)


@checker
def check_last_layer_gradient(dL_dw):
    """dL/dw_j for a sigmoid output with BCE: u = [1, 0.5, 0.25], w = [0.1, -0.2, 0.4], y = 1."""
    import math

    s = sum(u * w for u, w in zip(_BACKPROP_U, _BACKPROP_W))
    z = 1 / (1 + math.exp(-s))
    want = [(z - 1.0) * u for u in _BACKPROP_U]
    verdict = _check_numbers(dL_dw, want, "dL_dw", mistakes=[
        ([g * z * (1 - z) for g in want], "dL_dw = {got} has an extra factor z(1 - z)",
         "with binary cross-entropy dL/ds = z - y already: z(1 - z) cancels"),
        ([-g for g in want], "dL_dw = {got}: the signs are flipped", "dL/ds = z - y, not y - z"),
        ([z * u for u in _BACKPROP_U], "dL_dw = {got} uses z instead of z - y", "dL/ds = z - y with y = 1"),
        ([(z - 1.0) * w for w in _BACKPROP_W], "dL_dw = {got} multiplies by w_j",
         "dL/dw_j = dL/ds * u_j; (dL/ds) w_j is dL/du_j, the next step back"),
    ], how="compute s = sum u_j w_j, z = sigmoid(s), then (z - y) * u_j")
    return _or_correct(verdict, f"s = {s:.2f}, z = {z:.4f}, dL/ds = z - y = {z - 1:.4f}, dL/dw_j = (z - y) u_j.")


# --- Notebook 09: the gradient through a tower of sigmoid units ------------------------------


def _tower_slopes(depth, x):
    """The outputs u_k and local slopes u_k (1 - u_k) of x -> sigmoid -> ... -> sigmoid (``depth`` units,
    weights 1, biases 0)."""
    import math

    us, u = [], float(x)
    for _ in range(depth):
        u = 1.0 / (1.0 + math.exp(-u))
        us.append(u)
    return us, [u * (1.0 - u) for u in us]


_TOWER_CASES = ((1, 0.0), (2, 0.0), (6, 0.0), (3, 2.0), (5, -1.5))


@checker
def check_tower_gradient(tower_gradient):
    """``tower_gradient(depth, x)``: du/dx of a tower of ``depth`` sigmoid units, each one's input the last one's output.

    Tried on several depths and inputs and compared with the product of the local slopes,
    worked out here; each typical slip (the 1/4 bound, a sum, one factor too few, the slope
    taken at x every time, u instead of u(1 - u)) gets its own hint.

    >>> import math
    >>> def tower_gradient(depth, x):
    ...     slope, u = 1.0, x
    ...     for _ in range(depth):
    ...         u = 1 / (1 + math.exp(-u))
    ...         slope *= u * (1 - u)
    ...     return slope
    >>> check_tower_gradient(tower_gradient)
    Correct! du/dx is the product of the slopes u_k (1 - u_k), one per unit: 0.25 for one unit at x = 0, 0.00015 for six.
    """
    import math

    if not callable(tower_gradient):
        raise AnswerProblem(f"tower_gradient must be a function of (depth, x); got {tower_gradient!r}")
    got = {}
    for depth, x in _TOWER_CASES:
        value, error = _call_learner(tower_gradient, depth, x)
        call = f"tower_gradient({depth}, {x:g})"
        if error:
            return not_yet(f"{call} raised {error}")
        if value is None:
            return not_yet(f"{call} returned None", because="the function must end with return and the slope")
        got[depth, x] = float(_numbers(value, call, shape=()))

    def same(a, b):
        return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-15)

    def slopes_at_x(depth, x):
        sigma = 1.0 / (1.0 + math.exp(-x))
        return (sigma * (1 - sigma)) ** depth

    # each typical slip, as the value it gives for (depth, x); its hint is given when it explains every case
    mistakes = [
        (lambda d, x: 0.25**d, "is 1/4 to the power of the depth",
         "1/4 is only the largest slope, at r = 0; each unit's slope is u(1 - u) at its own input"),
        (lambda d, x: sum(_tower_slopes(d, x)[1]), "adds the slopes up",
         "the chain rule multiplies the local derivatives along the chain"),
        (lambda d, x: _tower_slopes(d, x)[1][-1], "is the last unit's slope alone",
         "du/dx multiplies the slopes of every unit in the tower"),
        (lambda d, x: math.prod(_tower_slopes(d, x)[1][:-1]), "has one factor too few",
         "a tower of n units has n slopes, one per sigmoid (is the loop one short?)"),
        (slopes_at_x, "takes every slope at the input x",
         "each unit's slope is taken at its own input, which is the previous unit's output"),
        (lambda d, x: math.prod(_tower_slopes(d, x)[0]), "multiplies the outputs u_k",
         "the local derivative of u = sigmoid(r) is u(1 - u), not u"),
        (lambda d, x: _tower_slopes(d, x)[0][-1], "is the tower's output u, not its slope",
         "the exercise asks for du/dx, the product of the local slopes du_k/dr_k"),
    ]
    wrong = [(d, x) for (d, x), value in got.items() if not same(value, math.prod(_tower_slopes(d, x)[1]))]
    if not wrong:
        return correct(f"du/dx is the product of the slopes u_k (1 - u_k), one per unit: 0.25 for one unit at "
                       f"x = 0, {math.prod(_tower_slopes(6, 0.0)[1]):.2g} for six.")
    depth, x = wrong[0]
    call = f"tower_gradient({depth}, {x:g}) = {got[depth, x]:.6g}"
    for slip, what, because in mistakes:
        if all(same(value, slip(d, t)) for (d, t), value in got.items()):
            return not_yet(f"{call} {what}", because=because)
    want = math.prod(_tower_slopes(depth, x)[1])
    return not_yet(f"{call}, but the slope is {want:.6g}",
                   because="du/dx is the product of u_k (1 - u_k) over the units, where u_k = sigmoid(previous u) "
                           "and u_0 = x")
