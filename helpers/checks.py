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


def _choose(answer, right, why_right, why_not):
    """A lettered multiple choice: ``right`` earns ``why_right``; a wrong letter, its ``why_not``.

    The letters on offer are ``right`` and the keys of ``why_not``; anything else is not an
    answer to the question and raises :class:`AnswerProblem` (the checker shows it).
    """
    choice = str(answer).strip().lower()
    letters = sorted([right, *why_not])
    if choice not in letters:
        listed = ", ".join(f'"{c}"' for c in letters[:-1]) + f' or "{letters[-1]}"'
        raise AnswerProblem(f"answer with {listed}; got {answer!r}")
    if choice == right:
        return correct(why_right)
    return not_yet(f'"{choice}" is not it', because=why_not[choice])


def _fmt(values):
    import numpy as np

    return "[" + ", ".join(f"{v:.4g}" for v in np.ravel(values)) + "]"


# --- Notebook 07: real birds ---------------------------------------------------------------


@checker
def check_separating_weights(w, X, y):
    """Do perceptron weights ``w = [w0, w1, w2]`` classify every bird correctly?

    ``X`` is ``(n, 2)`` (standardised measurements), ``y`` holds -1/+1 labels; a bird
    counts as correct when ``sign(s) == y`` with ``sign(0) = +1``.
    """
    import numpy as np

    w = _numbers(w, "w", shape=(3,))
    X = _numbers(X, "X")
    y = np.where(_numbers(y, "y") > 0, 1.0, -1.0)
    s = w[0] + X @ w[1:]
    wrong = int(np.sum(np.where(s >= 0, 1.0, -1.0) != y))
    if w[1] == 0 and w[2] == 0:
        return not_yet(f"w = {_fmt(w)}", because="with w1 = w2 = 0 there is no boundary line at all")
    if wrong:
        return not_yet(
            f"w = {_fmt(w)} misclassifies {wrong} of {len(y)} birds",
            because="a separating line puts every bird on its own species' side (try the sliders again)",
        )
    return correct(f"w = {_fmt(w)} puts all {len(y)} birds on the right side of the line.")


_SEPARABLE_CHOICES = ("Adelie-Gentoo", "Adelie-Chinstrap")


@checker
def check_separable_pair(answer):
    """Which pair of species can a straight line split on bill depth and body mass?"""
    if not isinstance(answer, str) or answer not in _SEPARABLE_CHOICES:
        return not_yet(f"answer = {answer!r}", because=f"answer must be one of {_SEPARABLE_CHOICES}")
    if answer == "Adelie-Chinstrap":
        return not_yet(
            "Adelie and Chinstrap overlap",
            because="their bill depths and body masses share the same range: no line gets them all",
        )
    return correct("Gentoo have shallower bills and more mass: one line splits them from Adelie.")


@checker
def check_test_standardization(X_test_std, X_train, X_test):
    """Was the test set scaled with the *training* mean and standard deviation?"""
    import numpy as np

    X_train = _numbers(X_train, "X_train")
    X_test = _numbers(X_test, "X_test")
    got = _numbers(X_test_std, "X_test_std", shape=X_test.shape)
    want = (X_test - X_train.mean(axis=0)) / X_train.std(axis=0)
    if _close(got, want):
        return correct("the test birds are measured in the training set's units.")
    leaky = (X_test - X_test.mean(axis=0)) / X_test.std(axis=0)
    if _close(got, leaky):
        return not_yet(
            "you used the test set's own mean and standard deviation",
            because="the test set stands for birds not seen yet: only training statistics may be used",
        )
    if _close(got, (X_test - X_train.mean(axis=0)) / X_train.var(axis=0)):
        return not_yet("you divided by the variance", because="standardising divides by the standard deviation")
    return not_yet("X_test_std differs from (X_test - mean) / std", because="use the training set's mean and std")


@checker
def check_accuracy(accuracy, y_true, y_pred):
    """The fraction of birds whose predicted species is right (a number in [0, 1])."""
    import numpy as np

    value = float(_numbers(accuracy, "accuracy", shape=()))
    want = float(np.mean(np.asarray(y_true) == np.asarray(y_pred)))
    if abs(value - want) < 1e-9:
        return correct(f"accuracy = {want:.4f}.")
    if abs(value - 100 * want) < 1e-6:
        return not_yet(f"accuracy = {value:g}", because="give it as a fraction in [0, 1], not a percentage")
    if abs(value - (1 - want)) < 1e-9:
        return not_yet(f"accuracy = {value:.4f}", because="that is the error rate: count the correct predictions")
    return not_yet(f"accuracy = {value:.4f}", because="accuracy = (number of y_pred == y_true) / (number of birds)")


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
    return not_yet("some cells of cm are off", because="cm[t, p] += 1 for each bird with true t and predicted p")


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


# --- Notebook 08: review -------------------------------------------------------------------


@checker
def check_gradient_step(w_new):
    """One gradient descent step on L(w) = (w - 3)^2 from w = 1 with lr = 0.1."""
    value = float(_numbers(w_new, "w_new", shape=()))
    if abs(value - 1.4) < 1e-9:
        return correct("dL/dw = 2(1 - 3) = -4, so w moves to 1 - 0.1 * (-4) = 1.4, towards the minimum at 3.")
    if abs(value - 0.6) < 1e-9:
        return not_yet("w_new = 0.6", because="you stepped along the gradient; descent goes against it (w - lr * dL/dw)")
    if abs(value - 1.2) < 1e-9:
        return not_yet("w_new = 1.2", because="dL/dw of (w - 3)^2 is 2(w - 3): the factor 2 is missing")
    return not_yet(f"w_new = {value:g}", because="compute dL/dw = 2(w - 3) at w = 1, then w - lr * dL/dw")


@checker
def check_perceptron_steps(w):
    """The lecture's SGD run: weights [w0, w1, w2] after the points (1, 0) and then (1, 1)."""
    got = _numbers(w, "w", shape=(3,))
    if _close(got, [-0.1, 0.2, 0.1], tol=1e-9):
        return correct("w = [-0.1, 0.2, 0.1]: (1, 0) pulled the weights down, then (1, 1) pushed them up.")
    if _close(got, [-0.2, 0.1, 0.0], tol=1e-9):
        return not_yet("w = [-0.2, 0.1, 0]", because="that is after (1, 0) only: (1, 1) gives s = -0.1 < 0 with y = +1, another update")
    if _close(got, [0.2, 0.1, -0.1], tol=1e-9):
        return not_yet(f"w = {_fmt(got)}", because="w lists the bias first: [w0, w1, w2]")
    return not_yet(f"w = {_fmt(got)}", because="for a misclassified point each w_i changes by -lr * (-y x_i), with x_0 = 1")


@checker
def check_chain_rule(dz_dx):
    """dz/dx of z = sin(x^2) at x = 1.5."""
    import math

    value = float(_numbers(dz_dx, "dz_dx", shape=()))
    want = 2 * 1.5 * math.cos(1.5**2)
    if abs(value - want) < 1e-6:
        return correct(f"dz/dx = dz/du * du/dx = cos(2.25) * 3 = {want:.4f}.")
    if abs(value - math.cos(1.5**2)) < 1e-6:
        return not_yet(f"dz/dx = {value:.4f}", because="that is dz/du only: multiply by du/dx = 2x")
    if abs(value - 2 * 1.5 * math.cos(1.5)) < 1e-6:
        return not_yet(f"dz/dx = {value:.4f}", because="evaluate cos at u = x^2 = 2.25, not at x")
    return not_yet(f"dz/dx = {value:.4f}", because="with u = x^2, dz/dx = cos(u) * 2x")


_BACKPROP_U = (1.0, 0.5, 0.25)
_BACKPROP_W = (0.1, -0.2, 0.4)


@checker
def check_last_layer_gradient(dL_dw):
    """dL/dw_j for a sigmoid output with BCE: u = [1, 0.5, 0.25], w = [0.1, -0.2, 0.4], y = 1."""
    import math

    got = _numbers(dL_dw, "dL_dw", shape=(3,))
    s = sum(u * w for u, w in zip(_BACKPROP_U, _BACKPROP_W))
    z = 1 / (1 + math.exp(-s))
    want = [(z - 1.0) * u for u in _BACKPROP_U]
    if _close(got, want, tol=1e-6):
        return correct(f"s = {s:.2f}, z = {z:.4f}, dL/ds = z - y = {z - 1:.4f}, dL/dw_j = (z - y) u_j.")
    if _close(got, [g * z * (1 - z) for g in want], tol=1e-6):
        return not_yet("an extra factor z(1 - z)", because="with binary cross-entropy dL/ds = z - y already: z(1 - z) cancels")
    if _close(got, [-g for g in want], tol=1e-6):
        return not_yet("the signs are flipped", because="dL/ds = z - y, not y - z")
    return not_yet(f"dL_dw = {_fmt(got)}", because="compute s = sum u_j w_j, z = sigmoid(s), then (z - y) * u_j")


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
    return _choose(answer, "b", "a perceptron's positive region is a half-plane, and no half-plane holds "
                                "(0, 1) and (1, 0) while leaving out (0, 0) and (1, 1).", {
        "a": "more training time does not help: no weights exist, so there is nothing to converge to",
        "c": "the step and sign functions give the same boundary s = 0; changing f does not move it",
    })


# --- Notebooks 02 and 03: activations and gradient descent (issue 3) ----------------------


@checker
def check_sigmoid_slope(slope):
    """The slope of the sigmoid at s = 2, sigmoid'(2) = sigmoid(2) (1 - sigmoid(2))."""
    import math

    value = float(_numbers(slope, "slope", shape=()))
    z = 1 / (1 + math.exp(-2.0))
    if abs(value - z * (1 - z)) < 1e-4:
        return correct(f"sigmoid(2) = {z:.4f}, so the slope is {z:.4f} * {1 - z:.4f} = {z * (1 - z):.4f}.")
    if abs(value - z) < 1e-4:
        return not_yet(f"slope = {value:.4f} is sigmoid(2) itself", because="the slope is sigmoid(s) * (1 - sigmoid(s))")
    if abs(value - 0.25) < 1e-4:
        return not_yet("slope = 0.25 is the slope at s = 0", because="evaluate sigmoid(s) (1 - sigmoid(s)) at s = 2")
    if abs(value - (1 - z)) < 1e-4:
        return not_yet(f"slope = {value:.4f} is 1 - sigmoid(2)", because="multiply it by sigmoid(2) as well")
    return not_yet(f"slope = {value:.4f}", because="compute z = 1 / (1 + e^-2), then z * (1 - z)")


@checker
def check_softmax(softmax_fn):
    """A learner's softmax(s) for a 1-D array: right values, sums to 1, no overflow at s = [1000, 0]."""
    import warnings

    import numpy as np

    if softmax_fn is None or softmax_fn is Ellipsis or not callable(softmax_fn):
        raise AnswerProblem("softmax_fn must be your function (write def my_softmax(s): ... above)")
    s = np.array([1.0, 2.0, 3.0])
    want = np.exp(s) / np.exp(s).sum()
    got = _numbers(softmax_fn(s.copy()), "my_softmax([1, 2, 3])", shape=(3,))
    if not _close(got, want, tol=1e-6):
        if _close(got, np.exp(s), tol=1e-6):
            return not_yet(f"my_softmax([1, 2, 3]) = {_fmt(got)}", because="the exponentials still have to be divided by their sum")
        return not_yet(f"my_softmax([1, 2, 3]) = {_fmt(got)}", because=f"softmax gives {_fmt(want)}: e^(s_i) / sum_j e^(s_j)")
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        big = np.asarray(softmax_fn(np.array([1000.0, 0.0])), dtype=float)
    if big.shape != (2,) or not np.all(np.isfinite(big)):
        return not_yet(
            f"my_softmax([1000, 0]) = {_fmt(big)}",
            because="e^1000 overflows to inf and inf / inf is NaN: subtract max(s) from s first (softmax does not change)",
        )
    if not _close(big, [1.0, 0.0], tol=1e-9):
        return not_yet(f"my_softmax([1000, 0]) = {_fmt(big)}", because="the answer is [1, 0]: the first score is far larger")
    return correct("right values, and subtracting max(s) keeps e^(s_i) from overflowing.")


_STACK_V = ((1.0, -2.0, 0.5), (0.0, 1.0, 3.0))
_STACK_W = ((2.0,), (1.0,), (-1.0,))


@checker
def check_combined_weights(W_single):
    """Two linear layers x -> x V -> (x V) W are one layer x -> x (V W): the (2, 1) matrix V W."""
    import numpy as np

    V, W = np.array(_STACK_V), np.array(_STACK_W)
    got = _numbers(W_single, "W_single", shape=(2, 1))
    want = V @ W
    if _close(got, want, tol=1e-9):
        return correct(f"V @ W = {_fmt(want)}: the two linear layers are one linear layer in disguise.")
    if np.ravel(got).size == 2 and _close(np.ravel(got)[::-1], np.ravel(want), tol=1e-9):
        return not_yet("the two entries are swapped", because="row i of V W belongs to input x_i")
    return not_yet(f"W_single = {_fmt(got)}", because="x V W = x (V W): multiply the matrices, V @ W")


@checker
def check_slope_estimate(slope):
    """Central-difference slope of L(w) = w^2 - 2w at w = 3 with h = 0.001 (exactly 4 up to rounding)."""
    value = float(_numbers(slope, "slope", shape=()))
    if abs(value - 4.0) < 1e-6:
        return correct("(L(3.001) - L(2.999)) / 0.002 = 4, the derivative 2w - 2 at w = 3.")
    if abs(value - 4.001) < 1e-6:
        return not_yet(f"slope = {value:.6f} is the one-sided estimate",
                       because="a central difference divides L(w + h) - L(w - h) by 2h")
    if abs(value - 8.0) < 1e-6:
        return not_yet("slope = 8", because="L(w + h) - L(w - h) spans 2h, so divide by 2h, not h")
    return not_yet(f"slope = {value:.6f}", because="compute (L(3 + h) - L(3 - h)) / (2h) with L(w) = w^2 - 2w")


@checker
def check_update_rule(w_new):
    """One step on L = 0.2 w1^2 + w2^2 from w = (2, 1) with lr = 0.25: w - lr * (0.4 w1, 2 w2) = (1.8, 0.5)."""
    got = _numbers(w_new, "w_new", shape=(2,))
    if _close(got, [1.8, 0.5], tol=1e-9):
        return correct("the gradient is (0.8, 2.0); w moves against it to (1.8, 0.5), where the loss is lower.")
    if _close(got, [2.2, 1.5], tol=1e-9):
        return not_yet("w_new = [2.2, 1.5] climbs uphill", because="the update subtracts: w - lr * gradient")
    if _close(got, [1.75, 0.5], tol=1e-9) or _close(got, [1.9, 0.75], tol=1e-9):
        return not_yet(f"w_new = {_fmt(got)}", because="the partial derivatives are dL/dw1 = 0.4 w1 and dL/dw2 = 2 w2")
    return not_yet(f"w_new = {_fmt(got)}", because="compute the gradient (0.4 w1, 2 w2) at (2, 1), then w - 0.25 * gradient")


_REGIME_LRS = (0.01, 0.3, 0.9, 1.2)
_REGIME_STEPS = 20
_REGIME_NAMES = ("crawling", "converging", "zigzagging", "diverging")
# The forms a learner may write for each name: the notebook's words, their verbs, and the
# words an earlier version of the explorer used ("oscillating").
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
            raise AnswerProblem(f"answers[{lr}] is still ...: fill in one of {names}")
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


@checker
def check_update_count(n_updates):
    """How many weight updates: 12 samples, batch size 5, 3 epochs -> 3 batches (5, 5, 2) per epoch, 9 updates."""
    value = float(_numbers(n_updates, "n_updates", shape=()))
    if value == 9:
        return correct("each epoch has batches of 5, 5 and 2 samples: 3 updates per epoch, 9 in all.")
    if abs(value - 7.2) < 1e-9 or value == 6:
        return not_yet(f"n_updates = {value:g}", because="the last batch may be short (2 samples) but it still makes an update")
    if value == 36:
        return not_yet("n_updates = 36 counts samples", because="one update per batch, not per sample")
    if value == 3:
        return not_yet("n_updates = 3 is one epoch", because="there are 3 epochs")
    return not_yet(f"n_updates = {value:g}", because="count the batches per epoch (the last may be short), times the epochs")


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


@checker
def check_loss_gradient(gradient):
    """Does ``gradient(w, x, y)`` return dL/dw of L = max(0, -y s), counting s*y == 0 as a mistake?

    >>> import numpy as np
    >>> check_loss_gradient(lambda w, x, y: np.zeros(3))
    Not yet: for w = [-0.1, 0.2, 0], x = [1, 0], y = -1 (s = 0.1, s*y < 0: a mistake) it returned [0, 0, 0] because the gradient of a mistake is -y [1, x1, x2] = [1, 1, 0]
    """
    import numpy as np

    from . import perceptron

    if not callable(gradient):
        raise AnswerProblem(f"pass your function itself, e.g. check_loss_gradient(my_gradient); "
                            f"got {type(gradient).__name__}")
    for w, x, y in _GRADIENT_CASES:
        want = perceptron.loss_gradient(w, x, y)
        got = _numbers(gradient(np.array(w), np.array(x), y), "the returned gradient")
        if got.shape != want.shape:
            raise AnswerProblem(f"the gradient must have 3 entries (dL/dw0, dL/dw1, dL/dw2); got shape {got.shape}")
        if not _close(got, want, tol=1e-9):
            s = perceptron.weighted_sum(w, x)
            sy = s * y
            kind = ("s*y < 0: a mistake" if sy < 0 else "s*y = 0: on the boundary" if sy == 0
                    else "s*y > 0: correct")
            why = {"s*y < 0: a mistake": f"the gradient of a mistake is -y [1, x1, x2] = {_fmt(want)}",
                   "s*y = 0: on the boundary": f"a point on the boundary counts as a mistake, so the gradient "
                                               f"is -y [1, x1, x2] = {_fmt(want)} (otherwise w = 0 never learns)",
                   "s*y > 0: correct": "a correctly classified point has zero loss around it, so its gradient is 0"}
            return not_yet(f"for w = {_fmt(w)}, x = {_fmt(x)}, y = {y:+.0f} (s = {s:.4g}, {kind}) it returned "
                           f"{_fmt(got)}", because=why[kind])
    return correct("-y x for mistakes and points on the boundary, 0 for correct points.")


@checker
def check_next_two_steps(w_after_step_3, w_after_step_4):
    """Weights after steps 3 and 4 of the lecture's example, visiting (0, 0) then (0, 1) with lr = 0.1.

    >>> check_next_two_steps([-0.1, 0.2, 0.1], [-0.2, 0.2, 0.0])
    Correct! (0, 0) is already right (s = -0.1), and (0, 1) sits exactly on the boundary (s = 0), which counts as a mistake.
    """
    w3 = _numbers(w_after_step_3, "w_after_step_3", shape=(3,))
    w4 = _numbers(w_after_step_4, "w_after_step_4", shape=(3,))
    start = [-0.1, 0.2, 0.1]
    if not _close(w3, start, tol=1e-6):
        return not_yet(f"w_after_step_3 = {_fmt(w3)}",
                       because="at (0, 0) s = w0 = -0.1 and y = -1, so s*y > 0: the point is right "
                               "and the weights do not change")
    if _close(w4, start, tol=1e-6):
        return not_yet(f"w_after_step_4 = {_fmt(w4)} (no change)",
                       because="at (0, 1) s = w0 + w2 = -0.1 + 0.1 = 0: the point is on the boundary, "
                               "which counts as a mistake, so the weights do change")
    if not _close(w4, [-0.2, 0.2, 0.0], tol=1e-6):
        return not_yet(f"w_after_step_4 = {_fmt(w4)}",
                       because="the gradient at (0, 1) with y = -1 is -y [1, 0, 1] = [1, 0, 1], "
                               "so w <- w - 0.1 * [1, 0, 1]")
    return correct("(0, 0) is already right (s = -0.1), and (0, 1) sits exactly on the boundary "
                   "(s = 0), which counts as a mistake.")


@checker
def check_which_converge(stops):
    """``stops`` maps each gate (AND, OR, NAND, XOR) to True if perceptron SGD stops on it.

    >>> check_which_converge({"AND": True, "OR": True, "NAND": True, "XOR": False})
    Correct! AND, OR and NAND are linearly separable, so training stops; no line separates XOR.
    """
    want = {"AND": True, "OR": True, "NAND": True, "XOR": False}
    if not isinstance(stops, dict):
        raise AnswerProblem(f"answer with a dict like {{'AND': True, ...}}; got {type(stops).__name__}")
    given = {str(k).upper(): v for k, v in stops.items()}
    missing = [g for g in want if g not in given]
    if missing:
        raise AnswerProblem(f"give True or False for {', '.join(missing)} too")
    for gate, value in given.items():
        if not isinstance(value, bool):
            raise AnswerProblem(f"{gate} must be True or False; got {value!r}")
    for gate, value in want.items():
        if given[gate] != value:
            because = ("no straight line puts (0, 1) and (1, 0) on one side and (0, 0) and (1, 1) on the "
                       "other, so every epoch keeps at least one mistake" if gate == "XOR" else
                       f"one straight line separates {gate}'s classes, and on separable data the "
                       f"perceptron always reaches a clean epoch")
            return not_yet(f"{gate}: {given[gate]}", because=because)
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


# --- Notebooks 05 and 06: the chain rule and backpropagation (issue 5) -------------------


@checker
def check_composition_derivative(dz_dx):
    """Is ``dz_dx(x)`` the derivative of z = exp(cos(x))?

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

    h = 1e-6
    for x in (0.3, -1.2, 2.0, 2.9):
        want = (z(x + h) - z(x - h)) / (2 * h)
        got = dz_dx(x)
        if got is Ellipsis or got is None:
            raise AnswerProblem(f"dz_dx({x:g}) returned {got!r}: replace the ... in the function with your formula")
        got = float(got)
        if not math.isclose(got, want, rel_tol=1e-4, abs_tol=1e-6):
            if math.isclose(got, -want, rel_tol=1e-4, abs_tol=1e-6):
                hint = "the derivative of cos(x) is -sin(x): mind the sign"
            elif math.isclose(got, -math.sin(x), rel_tol=1e-4, abs_tol=1e-6):
                hint = "that is only du/dx; multiply by dz/du = exp(u) with u = cos(x)"
            elif math.isclose(got, z(x), rel_tol=1e-4, abs_tol=1e-6):
                hint = "that is only dz/du = exp(u); multiply by du/dx"
            else:
                hint = "dz/dx = dz/du * du/dx with u = cos(x), z = exp(u)"
            return not_yet(f"at x = {x:g} your dz/dx is {got:.4f} but z changes at a rate of {want:.4f}",
                           because=hint)
    return correct("dz/dx = dz/du * du/dx = exp(cos x) * (-sin x).")


@checker
def check_shared_node_gradient(grad):
    """For z = x * x + 3 * x at x = 2, what does backward() put in x.grad?

    >>> check_shared_node_gradient(7)
    Correct! x reaches z along three paths (two through x * x, one through 3 * x): 2 + 2 + 3 = 7.
    >>> check_shared_node_gradient(3)
    Not yet: 3 is the contribution of the path through 3 * x alone because the gradients of all paths add up: x * x contributes 2x = 4 as well
    """
    g = float(_numbers(grad, "grad", shape=()))
    if _close(g, 7.0, 1e-9):
        return correct("x reaches z along three paths (two through x * x, one through 3 * x): 2 + 2 + 3 = 7.")
    wrong = {
        3.0: ("3 is the contribution of the path through 3 * x alone",
              "the gradients of all paths add up: x * x contributes 2x = 4 as well"),
        5.0: ("5 counts x * x as if x appeared in it once",
              "x is both factors of x * x, so that product contributes x + x = 4, not 2"),
        4.0: ("4 is the contribution of x * x alone", "the path through 3 * x adds another 3"),
        2.0: ("2 is what one factor of x * x contributes",
              "overwriting instead of adding is the classic bug: every path adds to x.grad"),
    }
    what, because = wrong.get(g, (f"{g:g} is not it", "dz/dx = 2x + 3; evaluate it at x = 2"))
    return not_yet(what, because=because)


@checker
def check_output_gradient(dL_dw):
    """dL/dw for the worked example of notebook 06: (w0, w1, w2), bias first.

    >>> from helpers import mlp
    >>> model, x, y = mlp.worked_example()
    >>> u = model.hidden_outputs(x)[0][0]
    >>> z = model.forward(x)[0]
    >>> check_output_gradient([(z - 1) * 1, (z - 1) * u[0], (z - 1) * u[1]])
    Correct! dL/dw_j = (z - y) u_j, with u_0 = 1 for the bias.
    """
    import numpy as np

    from . import mlp

    got = _numbers(dL_dw, "dL_dw")
    if got.shape == (2,):
        raise AnswerProblem("dL_dw has 2 entries, but w has 3: the bias w_0 (whose input is u_0 = 1) is missing")
    got = _numbers(got.ravel(), "dL_dw", shape=(3,))
    model, x, y = mlp.worked_example()
    u = np.r_[1.0, model.hidden_outputs(x)[0][0]]
    z = float(model.forward(x)[0])
    want = (z - y[0]) * u
    if _close(got, want, 1e-4):
        return correct("dL/dw_j = (z - y) u_j, with u_0 = 1 for the bias.")
    if _close(got, -want, 1e-4):
        return not_yet(f"you have {_fmt(got)}, the right numbers with the wrong sign",
                       because="dL/ds = z - y (not y - z): z is too small here, so the loss falls as w grows")
    if _close(got, want * z * (1 - z), 1e-4):
        return not_yet(f"you have {_fmt(got)}, which includes an extra z(1 - z)",
                       because="with binary cross-entropy dL/dz * dz/ds simplifies to z - y; the z(1 - z) cancels")
    return not_yet(f"you have {_fmt(got)}", because="dL/dw_j = dL/ds * u_j with dL/ds = z - y and u = (1, u_1, u_2)")


@checker
def check_bce_with_sigmoid(choice):
    """Why is binary cross-entropy the loss of choice for a sigmoid output? Answer "a", "b" or "c"."""
    return _choose(choice, "b", "dL/ds = z - y: a confidently wrong output gets a large push, while squared "
                                "error's (z - y) z (1 - z) almost vanishes there.", {
        "a": "the size of a loss says nothing on its own: what training uses is its gradient",
        "c": "the sigmoid never reaches 0 or 1 exactly, whatever the loss; BCE only punishes being far from y",
    })
