"""Every exercise checker, on right and wrong answers.

For each checker: the right answer at full precision and rounded as the notebook prints it,
typical wrong answers that must each get their own hint, near misses just outside the
printed precision (half a unit of the fourth decimal), and garbage that must come back as a
"Not yet" instead of an exception. Right values are worked out here by hand or by finite
differences, never with the checker's own constants.
"""

import inspect
import math
import pathlib
import re

import numpy as np
import pytest

from helpers import checks
from helpers.checks import CheckResult

TOL = 5e-5  # half a unit of the fourth decimal: what the notebooks print


def passes(result):
    assert isinstance(result, CheckResult), result
    return result.passed


def says(result, *parts):
    """The result is a "Not yet" whose message contains every one of ``parts``."""
    assert isinstance(result, CheckResult) and not result.passed, repr(result)
    text = repr(result)
    assert text.startswith("Not yet: ")
    for part in parts:
        assert part in text, f"{part!r} not in {text!r}"
    return text


def fd(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


def sigmoid(t):
    return 1 / (1 + math.exp(-t))


# --- Numeric answers: one table ------------------------------------------------------------------
# name -> (call, right at full precision, the values the notebook prints, [(wrong, hint), ...])

Z_08 = sigmoid(0.1 * 1 + (-0.2) * 0.5 + 0.4 * 0.25)  # notebook 08: s = 0.1, y = 1
U1, U2 = sigmoid(0.1 + 0.5), sigmoid(-0.2 + 0.3)  # notebook 06's worked example, x = (1, 0)
Z_06 = sigmoid(0.2 + 0.6 * U1 - 0.7 * U2)
Y_TRUE_86 = np.array([0] * 38 + [1] * 17 + [2] * 31)  # 86 birds, three of them predicted wrong
Y_PRED_86 = Y_TRUE_86.copy()
Y_PRED_86[[0, 40, 41]] = [1, 0, 0]

NUMERIC = {
    "check_sigmoid_slope": (
        checks.check_sigmoid_slope, fd(sigmoid, 2.0), [0.1050, 0.105],
        [(sigmoid(2), "is sigmoid(2) itself"), (1 - sigmoid(2), "is 1 - sigmoid(2)"),
         (0.25, "the slope at s = 0"), (0.2, "0.09501 too large")]),
    "check_slope_estimate": (
        checks.check_slope_estimate, fd(lambda w: w**2 - 2 * w, 3.0, 1e-3), [4.0, 4],
        [(((3.001**2 - 2 * 3.001) - (3**2 - 2 * 3)) / 0.001, "one-sided estimate"), (8.0, "divide by 2h, not h"),
         (6.0, "slope of w^2 alone"), (3.0, "1 too small")]),
    "check_update_count": (
        checks.check_update_count, 7 * 3, [21, 21.0],  # ceil(50 / 8) = 7 batches per epoch, 3 epochs
        [(18, "leaves out the short batch"), (150, "counts samples"), (7, "one epoch"),
         (18.75, "not a whole number of batches"), (30, "9 too large")]),
    "check_gradient_step": (
        checks.check_gradient_step, 1 - 0.1 * fd(lambda w: (w - 3) ** 2, 1.0), [1.4],
        [(0.6, "against it"), (1.2, "the factor 2 is missing"), (5.0, "multiply dL/dw = -4 by lr"),
         (2.0, "0.6 too large")]),
    "check_chain_rule": (
        checks.check_chain_rule, fd(lambda x: math.sin(x**2), 1.5), [-1.8845],
        [(math.cos(2.25), "dz/du only"), (3 * math.cos(1.5), "takes cos at x"),
         (1.5 * math.cos(2.25), "has du/dx = x"), (1.8845, "wrong sign"), (-2.0, "0.1155 too small")]),
    "check_accuracy": (
        lambda a: checks.check_accuracy(a, Y_TRUE_86, Y_PRED_86), 83 / 86, [0.9651],
        [(96.51, "percentage"), (3 / 86, "error rate"), (83, "divide by the number of birds, 86"),
         (0.9, "0.06512 too small")]),
    "check_output_gradient": (
        checks.check_output_gradient, [Z_06 - 1, (Z_06 - 1) * U1, (Z_06 - 1) * U2],
        [[-0.4452, -0.2875, -0.2337]],
        [([0.4452, 0.2875, 0.2337], "wrong sign"),
         ([(Z_06 - 1) * Z_06 * (1 - Z_06) * u for u in (1, U1, U2)], "extra z(1 - z)"),
         ([Z_06, Z_06 * U1, Z_06 * U2], "uses z instead of z - y"),
         ([Z_06 - 1] * 3, "dL/ds three times"),
         ([-0.4452, -0.2875, -0.3], "entry 2 is 0.06626 too small")]),
    "check_last_layer_gradient": (
        checks.check_last_layer_gradient, [(Z_08 - 1) * u for u in (1, 0.5, 0.25)],
        [[-0.4750, -0.2375, -0.1188]],
        [([(Z_08 - 1) * Z_08 * (1 - Z_08) * u for u in (1, 0.5, 0.25)], "extra factor z(1 - z)"),
         ([(1 - Z_08) * u for u in (1, 0.5, 0.25)], "signs are flipped"),
         ([Z_08 * u for u in (1, 0.5, 0.25)], "uses z instead of z - y"),
         ([(Z_08 - 1) * w for w in (0.1, -0.2, 0.4)], "multiplies by w_j"),
         ([-0.4750, -0.2375, -0.2], "entry 2 is 0.08124 too small")]),
    "check_update_rule": (
        checks.check_update_rule, [2 - 0.25 * 0.4 * 2, 1 - 0.25 * 2 * 1], [[1.8, 0.5]],
        [([2.2, 1.5], "climbs uphill"), ([1.2, -1.0], "multiply the gradient by lr"),
         ([1.9, 0.75], "the derivative of w^2 is 2w"), ([1.8, 0.6], "entry 1 is 0.1 too large")]),
    "check_combined_weights": (
        checks.check_combined_weights, [[1 * 2 - 2 * 1 + 0.5 * -1], [0 * 2 + 1 * 1 + 3 * -1]],
        [[[-0.5], [-2.0]], [-0.5, -2.0]],
        [([[-2.0], [-0.5]], "swapped"), ([[0.5], [2.0]], "wrong sign"), ([[2.0], [0.0]], "first hidden unit"),
         ([[-0.5], [-1.0]], "entry 1 is 1 too large")]),
    "check_backward_twice": (  # z = x * y, x = 3, y = -2: each call adds dz/dx = y
        checks.check_backward_twice, 2 * -2.0, [-4, -4.0],
        [(-2.0, "what one call leaves"), (6.0, "y.grad after the two calls"), (3.0, "is dz/dy = x"),
         (4.0, "wrong sign"), (0.0, "would need a reset"), (-5.0, "1 too small")]),
    "check_grad_before_backward": (  # nothing has run backward: grad is still what __init__ set
        checks.check_grad_before_backward, 0.0, [0, 0.0],
        [(fd(lambda x: math.sin(x**2), 1.5), "what backward will put there"),
         (3.0, "stored in u.local_grads"), (math.cos(2.25), "stored in z.local_grads"), (1.0, "is the seed"),
         (0.5, "0.5 too large")]),
    "check_perceptron_steps": (
        checks.check_perceptron_steps, [-0.1, 0.2, 0.1], [[-0.1, 0.2, 0.1]],
        [([-0.2, 0.1, 0.0], "after (1, 0) only"), ([0.2, 0.1, -0.1], "bias first"),
         ([0.0, 0.3, 0.0], "moved with the gradient"), ([-0.1, 0.2, 0.3], "entry 2 is 0.2 too large")]),
}


def _nudged(value, by):
    """``value`` with its last entry moved by ``by`` (a number for scalars)."""
    arr = np.array(value, dtype=float)
    arr.reshape(-1)[-1] += by
    return float(arr) if arr.ndim == 0 else arr.tolist()


@pytest.mark.parametrize("name", NUMERIC)
def test_numeric_checker_accepts_the_right_answer_full_and_as_printed(name):
    call, right, printed, _ = NUMERIC[name]
    assert passes(call(right)), repr(call(right))
    for shown in printed:
        assert passes(call(shown)), (shown, repr(call(shown)))
    assert passes(call(_nudged(right, 0.9 * TOL))) and passes(call(_nudged(right, -0.9 * TOL)))


def test_output_gradient_accepts_a_column_like_model_w():
    right = [Z_06 - 1, (Z_06 - 1) * U1, (Z_06 - 1) * U2]
    assert passes(checks.check_output_gradient([[g] for g in right]))
    says(checks.check_output_gradient(right[1:]), "the bias w_0")


@pytest.mark.parametrize("name", NUMERIC)
def test_numeric_checker_rejects_near_misses_and_says_how_close(name):
    call, right, _, _ = NUMERIC[name]
    for by in (1.2 * TOL, -1.2 * TOL, 7e-4):
        says(call(_nudged(right, by)), "close but", "too large" if by > 0 else "too small")


@pytest.mark.parametrize("name", NUMERIC)
def test_numeric_checker_gives_each_typical_mistake_its_own_hint(name):
    call, _, _, wrong = NUMERIC[name]
    assert len(wrong) >= 3  # at least two targeted hints, plus a generic "how far off"
    messages = [says(call(answer), hint) for answer, hint in wrong]
    assert len(set(messages)) == len(messages)


# --- Multiple choice -----------------------------------------------------------------------------

CHOICES = {
    "check_deep_learning_difference": ("b", {"a": "more training data", "c": "useful slope",
                                             "d": "logistic regression"}),
    "check_xor_impossible": ("b", {"a": "nothing to converge to", "c": "same boundary"}),
    "check_lr_from_zero": ("a", {"b": "scaling w does not move", "c": "nothing blows up"}),
    "check_bce_with_sigmoid": ("b", {"a": "gradient", "c": "never reaches 0 or 1"}),
}


@pytest.mark.parametrize("name", CHOICES)
def test_choice_checker(name):
    check = getattr(checks, name)
    right, wrong = CHOICES[name]
    for form in (right, right.upper(), f" {right} ", f"({right})"):
        assert passes(check(form)), form
    for letter, hint in wrong.items():
        says(check(letter), f'"{letter}" is not it', hint)
    says(check("z"), "answer with")
    says(check(2), "a letter in quotes")


def test_deep_learning_checker_does_not_call_relu_smooth():
    assert "smooth" not in repr(checks.check_deep_learning_difference("c"))


# --- Word answers --------------------------------------------------------------------------------

RIGHT_REGIMES = {0.01: "crawling", 0.3: "converging", 0.9: "zigzagging", 1.2: "diverging"}


@pytest.mark.parametrize("forms", [
    RIGHT_REGIMES,
    {0.01: "crawl", 0.3: "converge", 0.9: "zigzag", 1.2: "diverge"},  # the verbs
    {0.01: "crawls", 0.3: "converges", 0.9: "Zig-zags", 1.2: "diverged"},
    {0.01: " Crawling ", 0.3: "converged", 0.9: "oscillating", 1.2: "DIVERGES"},  # the explorer's old words
])
def test_check_learning_rates_accepts_the_notebooks_words_and_their_forms(forms):
    assert passes(checks.check_learning_rates(forms))


@pytest.mark.parametrize("lr, got, hint", [
    # 0.9: 1 - 2 lr = -0.8 reaches the minimum (0.8^20 = 0.012 left), from alternating sides
    (0.9, "converging", "it does reach the minimum (0.012 of the distance is left"),
    (0.9, "crawling", "-0.80 is negative: w lands on the other side"),
    (0.9, "diverging", "|1 - 2 lr| = 0.80 < 1"),
    # 1.2: 1 - 2 lr = -1.4 jumps sides too, but further out each time
    (1.2, "zigzagging", "it does jump from side to side, but away from the minimum"),
    (1.2, "converging", "|-1.40| > 1"),
    # 0.01: 0.98^20 = 0.67 of the distance left: on the way, not there
    (0.01, "converging", "0.98^20 = 0.67 of the distance is still left"),
    (0.01, "zigzagging", "0.98 is positive: w stays on its starting side"),
    # 0.3: 0.4^20 = 1.1e-8 left: there
    (0.3, "crawling", "0.40^20 = 1.1e-08 of the distance is left: w has reached the minimum"),
])
def test_check_learning_rates_explains_each_typical_mistake(lr, got, hint):
    says(checks.check_learning_rates({**RIGHT_REGIMES, lr: got}), f"lr = {lr} is not {got} because", hint)


def test_check_learning_rates_counts_the_mistakes_and_refuses_other_words():
    says(checks.check_learning_rates({**RIGHT_REGIMES, 0.9: "diverging", 1.2: "zigzagging"}),
         "(2 of 4 are not right yet)")
    says(checks.check_learning_rates({**RIGHT_REGIMES, 0.3: "fast"}), "'fast' is not one of the four words")
    says(checks.check_learning_rates({0.01: ..., 0.3: ..., 0.9: ..., 1.2: ...}), "your answer is still ...: replace the ... for lr = 0.01")
    says(checks.check_learning_rates({0.01: "crawling"}), "no entry for lr = 0.3, 0.9, 1.2")
    says(checks.check_learning_rates([1, 2]), "must be a dict")
    says(checks.check_learning_rates({**RIGHT_REGIMES, 0.3: 3}), "3 is not one of the four words")


def test_check_learning_rates_agrees_with_the_explorer():
    """The checker's words are the names describe_descent gives the same runs."""
    from helpers import optim

    loss = optim.EXAMPLE_LOSSES["parabola"]
    for lr, name in RIGHT_REGIMES.items():
        info = optim.gradient_descent(loss.grad, -2.5, lr, 20, limit=1e3, return_info=True)
        assert optim.describe_descent(info.path, loss.grad, loss.fn, diverged=info.diverged) == name


def test_check_which_converge():
    right = {"AND": True, "OR": True, "NAND": True, "XOR": False}
    assert passes(checks.check_which_converge(right))
    assert passes(checks.check_which_converge({"and": True, "or": "yes", "nand": "True", "xor": "no"}))
    says(checks.check_which_converge({**right, "XOR": True}), "XOR: True because no straight line")
    says(checks.check_which_converge({**right, "NAND": False}), "NAND: False because one straight line separates NAND")
    says(checks.check_which_converge({"AND": False, "OR": False, "NAND": True, "XOR": False}),
         "AND: False (2 of 4 are not right yet)")
    says(checks.check_which_converge({"AND": True, "OR": True, "NAND": True}), "give True or False for XOR")
    says(checks.check_which_converge({**right, "AND": "maybe"}), "AND must be True or False")
    says(checks.check_which_converge(["AND"]), "a dict like")


@pytest.mark.parametrize("form", ["Adelie-Gentoo", "Gentoo-Adelie", "adelie/gentoo", "Adelie and Gentoo",
                                  " ADELIE GENTOO "])
def test_check_separable_pair_accepts_the_pair_written_any_way(form):
    assert passes(checks.check_separable_pair(form))


def test_check_separable_pair_rejects():
    says(checks.check_separable_pair("Adelie-Chinstrap"), "overlap")
    says(checks.check_separable_pair("Chinstrap/Adelie"), "overlap")
    says(checks.check_separable_pair("Gentoo-Emperor"), "one of the two pairs offered")
    says(checks.check_separable_pair(["Adelie", "Gentoo"]), "answer with")


def test_the_fact_behind_check_separable_pair():
    """A plain perceptron loop on standardised bill depth and body mass separates Adelie from Gentoo."""
    from helpers import data

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


# --- Answers that are functions ------------------------------------------------------------------


def reference_softmax(s):
    e = np.exp(s - np.max(s))
    return e / e.sum()


def test_check_softmax():
    assert passes(checks.check_softmax(reference_softmax))
    assert passes(checks.check_softmax(lambda s: list(reference_softmax(s))))
    says(checks.check_softmax(lambda s: np.exp(s) / np.exp(s).sum()), "subtract max(s)")  # must not warn either
    says(checks.check_softmax(np.exp), "divided by their sum")
    says(checks.check_softmax(lambda s: s / s.sum()), "divides the scores themselves")
    says(checks.check_softmax(lambda s: reference_softmax(s)[::-1]), "softmax gives [0.09003, 0.2447, 0.6652]")
    near = checks.check_softmax(lambda s: reference_softmax(s) * (1 + 1e-6))
    says(near, "softmax gives")
    says(checks.check_softmax(lambda s: None), "returned None")


def reference_gradient(w, x, y):
    x1 = np.concatenate(([1.0], x))  # by hand: -y x on a mistake or on the boundary, else 0
    return -y * x1 if (x1 @ w) * y <= 0 else np.zeros(3)


def test_check_loss_gradient():
    assert passes(checks.check_loss_gradient(reference_gradient))
    assert passes(checks.check_loss_gradient(lambda w, x, y: list(reference_gradient(w, x, y))))

    def strict(w, x, y):  # the tempting version: s * y < 0 only
        x1 = np.concatenate(([1.0], x))
        return -y * x1 if (x1 @ w) * y < 0 else np.zeros(3)

    says(checks.check_loss_gradient(strict), "s*y = 0: on the boundary", "training from w = 0 never starts")
    says(checks.check_loss_gradient(lambda w, x, y: -reference_gradient(w, x, y)), "the minus sign is missing")
    says(checks.check_loss_gradient(lambda w, x, y: np.zeros(3)), "the gradient of a mistake is -y [1, x1, x2]")
    says(checks.check_loss_gradient(lambda w, x, y: -y * np.concatenate(([1.0], x))), "s*y > 0: correct",
         "its gradient is 0")
    says(checks.check_loss_gradient(lambda w, x, y: np.r_[-y * np.asarray(x), 0.0]
                                    if (w[0] + np.dot(w[1:], x)) * y <= 0 else np.zeros(3)), "x0 = 1 comes first")
    says(checks.check_loss_gradient(lambda w, x, y: reference_gradient(w, x, y)[1:]), "3 entries")


def test_check_loss_gradient_tries_the_boundary_with_non_zero_weights():
    """A function right everywhere except s = 0 with w != 0 (the case w = 0 alone would miss it)."""
    def zero_weights_only(w, x, y):
        x1 = np.concatenate(([1.0], x))
        s = x1 @ w
        wrong = s * y < 0 or (s == 0 and not np.any(w))
        return -y * x1 if wrong else np.zeros(3)

    says(checks.check_loss_gradient(zero_weights_only), "w = [-1, 1, 0]", "on the boundary")


def right_derivative(x):
    return -math.sin(x) * math.exp(math.cos(x))


def test_check_composition_derivative():
    assert passes(checks.check_composition_derivative(right_derivative))
    assert passes(checks.check_composition_derivative(lambda x: np.float64(right_derivative(x))))
    says(checks.check_composition_derivative(lambda x: -right_derivative(x)), "mind the sign")
    says(checks.check_composition_derivative(lambda x: -math.sin(x)), "only du/dx")
    says(checks.check_composition_derivative(lambda x: math.exp(math.cos(x))), "only dz/du")
    says(checks.check_composition_derivative(lambda x: -math.sin(x) * math.exp(x)), "taken at u = cos(x)")
    says(checks.check_composition_derivative(math.cos), "dz/du * du/dx")
    says(checks.check_composition_derivative(lambda x: right_derivative(x) * (1 + 1e-4)), "z changes at a rate of")
    says(checks.check_composition_derivative(lambda x: ...), "your answer is still ...")
    says(checks.check_composition_derivative(lambda x: None), "returned None")
    says(checks.check_composition_derivative(3.0), "must be a function")


@pytest.mark.parametrize("x_bad", [0.3, -1.2, 2.0, 2.9])
def test_check_composition_derivative_tries_all_four_points(x_bad):
    """A formula wrong at one point only is caught, whichever point it is."""
    def wrong_at_one_point(x):
        return 0.0 if x == x_bad else right_derivative(x)

    says(checks.check_composition_derivative(wrong_at_one_point), f"at x = {x_bad:g}")


# --- Answers with several parts, arrays and data -------------------------------------------------


def test_check_next_two_steps():
    # by hand from (-0.1, 0.2, 0.1), lr = 0.1: (0, 0) has s = -0.1, y = -1: right, no change;
    # (0, 1) has s = -0.1 + 0.1 = 0, on the boundary: a mistake, w - 0.1 * (1, 0, 1)
    assert passes(checks.check_next_two_steps([-0.1, 0.2, 0.1], [-0.2, 0.2, 0.0]))
    assert passes(checks.check_next_two_steps((-0.1, 0.2, 0.1), np.array([-0.2, 0.2, 0.0]) + 4e-5))
    says(checks.check_next_two_steps([-0.1, 0.2, 0.1], [-0.1, 0.2, 0.1]), "(no change)", "on the boundary")
    says(checks.check_next_two_steps([-0.2, 0.2, 0.1], [-0.3, 0.2, 0.0]), "updates at (0, 0)", "s*y = 0.1 > 0")
    says(checks.check_next_two_steps([-0.1, 0.2, 0.1], [0.0, 0.2, 0.2]), "moved the wrong way")
    says(checks.check_next_two_steps([-0.1, 0.2, 0.1], [-0.2, 0.1, 0.0]), "changed w1 too")
    says(checks.check_next_two_steps([-0.1, 0.2, 0.1], [-0.2, 0.2, 6e-5]), "close but")
    says(checks.check_next_two_steps([-0.1, 0.2], [-0.2, 0.2, 0.0]), "must hold 3 numbers")


def test_check_shared_node_gradient():
    # z = x*x + 3x: dz/dx = 2x + 3 = 7 at x = 2; with = the last path visited wins: 2 (x*x) or 3 (3x)
    for bug in (2, 3, 2.0):
        assert passes(checks.check_shared_node_gradient(7, bug))
    says(checks.check_shared_node_gradient(3, 2), "path through 3 * x alone")
    says(checks.check_shared_node_gradient(5, 2), "as if x appeared in it once")
    says(checks.check_shared_node_gradient(4, 2), "x * x alone")
    says(checks.check_shared_node_gradient(10, 2), "z itself")
    says(checks.check_shared_node_gradient(7.0001, 2), "close but")
    says(checks.check_shared_node_gradient(7, 7), "is the right value", "overwrites")
    says(checks.check_shared_node_gradient(7, 4), "adds the two factors")
    says(checks.check_shared_node_gradient(7, 5), "adds 2 and 3")
    says(checks.check_shared_node_gradient(7, 2.5), "not a value any single path gives")
    says(checks.check_shared_node_gradient(7, ...), "still ...")


def _separable_birds():
    from helpers import data

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
    assert passes(checks.check_separating_weights(w, X, y))
    assert passes(checks.check_separating_weights([0.0, -1.0, 1.0], X, y))  # the notebook's solution
    says(checks.check_separating_weights(-w, X, y), f"misclassifies {len(y)} of {len(y)}", "sides are swapped")
    says(checks.check_separating_weights([0.0, -1.0, 0.0], X, y), "try the sliders again")
    says(checks.check_separating_weights([1.0, 0.0, 0.0], X, y), "no boundary line at all")
    says(checks.check_separating_weights([1.0, 0.0], X, y), "three numbers")


def test_check_separating_weights_counts_a_point_on_the_line_as_plus_one():
    """sign(0) = +1: on the line, a +1 point is right and a -1 point is wrong."""
    X = np.array([[0.0, 0.0], [1.0, 1.0], [-1.0, -1.0]])  # w = (0, 1, 1): s = 0, 2, -2
    assert passes(checks.check_separating_weights([0.0, 1.0, 1.0], X, [1, 1, -1]))
    says(checks.check_separating_weights([0.0, 1.0, 1.0], X, [-1, 1, -1]), "misclassifies 1 of 3")


def test_check_test_standardization():
    X_train = np.array([[1.0, 10.0], [3.0, 30.0]])  # mean [2, 20], std [1, 10]
    X_test = np.array([[4.0, 0.0], [6.0, 20.0]])
    by_hand = np.array([[2.0, -2.0], [4.0, 0.0]])
    assert passes(checks.check_test_standardization(by_hand, X_train, X_test))
    assert passes(checks.check_test_standardization(by_hand.round(4) + 4e-5, X_train, X_test))
    says(checks.check_test_standardization(by_hand + 1e-4, X_train, X_test), "by up to 0.0001")
    leaky = np.array([[-1.0, -1.0], [1.0, 1.0]])  # the test set's own mean [5, 10], std [1, 10]
    says(checks.check_test_standardization(leaky, X_train, X_test), "test set's own")
    says(checks.check_test_standardization(np.array([[2.0, -0.2], [4.0, 0.0]]), X_train, X_test),
         "divided by the variance")
    says(checks.check_test_standardization(X_test - [2.0, 20.0], X_train, X_test), "did not divide")
    says(checks.check_test_standardization(by_hand[:1], X_train, X_test), "shape (2, 2)")


def test_check_confusion_matrix():
    y_true, y_pred = [0, 1, 2, 2], [0, 2, 2, 2]
    by_hand = [[1, 0, 0], [0, 0, 1], [0, 0, 2]]
    assert passes(checks.check_confusion_matrix(by_hand, y_true, y_pred, 3))
    says(checks.check_confusion_matrix(np.array(by_hand).T, y_true, y_pred, 3), "transposed")
    says(checks.check_confusion_matrix(np.eye(3), y_true, y_pred, 3), "counts 3 birds")
    says(checks.check_confusion_matrix(np.diag([1, 1, 2]), y_true, y_pred, 3), "every bird on the diagonal")
    says(checks.check_confusion_matrix([[1, 0, 0], [0, 1, 0], [0, 0, 2]][::-1], y_true, y_pred, 3),
         "some cells of cm are off")


def test_check_gate_weights():
    # AND: s = -1.5 + x1 + x2 is 0.5 only at (1, 1); OR and NAND by hand likewise.
    assert passes(checks.check_gate_weights([-1.5, 1, 1]))
    assert passes(checks.check_gate_weights((-0.5, 1, 1), gate="OR"))
    assert passes(checks.check_gate_weights(np.array([1.5, -1, -1]), gate="NAND"))
    # on the boundary: w0 = -2 puts (1, 1) at s = 0, which sign(0) = +1 calls class A: right
    assert passes(checks.check_gate_weights([-2.0, 1, 1]))
    says(checks.check_gate_weights([-1.0, 1, 1]), "(0, 1) gives s = 0 >= 0", "sign(0) = +1")
    says(checks.check_gate_weights([-0.1, 0.2, 0.0]), "(1, 0) gives s = 0.1 >= 0")
    says(checks.check_gate_weights([-1.5, 1, 1], gate="XOR"), "but XOR says class A")
    says(checks.check_gate_weights([1, 2]), "three numbers")


# --- Backpropagation written by the learner: notebook 05's backward, notebook 06's hidden_gradient ----

SOURCES = pathlib.Path(__file__).resolve().parents[1] / "notebooks" / "sources"


def notebook_cell(notebook, starts):
    """The source of the code cell of ``notebook`` that starts with ``starts``."""
    text = (SOURCES / f"{notebook}.py").read_text()
    found = [cell.strip("\n") for cell in re.split(r"^# %%.*$", text, flags=re.M) if cell.lstrip("\n").startswith(starts)]
    assert len(found) == 1, f"{notebook}: {len(found)} cells start with {starts!r}"
    return found[0]


def notebook_solution(notebook, defines):
    """The code of the collapsed Solution in ``notebook`` that contains ``defines``."""
    text = (SOURCES / f"{notebook}.py").read_text()
    for block in re.findall(r"<details><summary>Solution</summary>(.*?)</details>", text, flags=re.S):
        lines = [line[2:] if line.startswith("# ") else line[1:] for line in block.splitlines()]
        code = re.search(r"```python\n(.*?)```", "\n".join(lines), flags=re.S)
        if code and defines in code.group(1):
            return code.group(1)
    raise AssertionError(f"{notebook} has no solution with {defines!r}")


@pytest.fixture(scope="module")
def notebook_05():
    """Notebook 05's Node and topological_order, and its solution's backward, as the notebook runs them."""
    namespace = {"math": math, "np": np}
    for starts in ("class Node", "x = Node(1.5, label", "def topological_order"):
        exec(notebook_cell("05_chain_rule", starts), namespace)
    exec(notebook_solution("05_chain_rule", "def backward(root)"), namespace)
    return namespace


def test_the_notebooks_backward_solution_passes_and_is_right_by_hand(notebook_05):
    Node, backward = notebook_05["Node"], notebook_05["backward"]
    result = checks.check_backward(backward)
    assert passes(result) and "54 nodes in five graphs" in result.message, repr(result)
    x = Node(1.5)
    u = x**2
    z = u.sin()
    backward(z)
    assert (z.grad, u.grad) == (1.0, math.cos(2.25)) and x.grad == pytest.approx(2 * 1.5 * math.cos(2.25), abs=1e-15)
    x = Node(2.0)
    z = x * x + 3 * x
    backward(z)
    backward(z)  # twice: the same
    assert x.grad == 2 * 2.0 + 3


def test_check_backward_graphs_have_gradients_worth_comparing():
    from helpers import autodiff

    for what, build in checks._BACKWARD_GRAPHS:
        nodes = build(autodiff.Value)
        list(nodes.values())[-1].backward()
        assert all(abs(node.grad) > 0.03 for node in nodes.values() if not node.parents), what
    deep = checks._graph_deep_chain(autodiff.Value)
    assert len(deep) == 31 and len(checks._topological_order(deep["t30"])) == 51  # x, 30 steps, 20 constants


def test_check_backward_builds_its_graphs_from_the_notebooks_node(notebook_05):
    """The checker's Node is the notebook's: same values and local derivatives, node for node."""
    for _, build in checks._BACKWARD_GRAPHS:
        mine = checks._topological_order(list(build(checks.Node).values())[-1])
        theirs = checks._topological_order(list(build(notebook_05["Node"]).values())[-1])
        assert [n.data for n in mine] == [n.data for n in theirs]
        assert [n.local_grads for n in mine] == [tuple(n.local_grads) for n in theirs]


def test_check_backward(notebook_05):
    order = notebook_05["topological_order"]

    def written(reset=True, seed=True, visit="reversed", add=True, product=True):
        """backward as a learner might write it, with one thing changed."""
        def backward(root):
            nodes = order(root)
            if reset:
                for node in nodes:
                    node.grad = 0.0
            if seed:
                root.grad = 1.0
            if visit == "reversed":
                walk = reversed(nodes)
            elif visit == "forward":
                walk = nodes
            else:  # breadth first from the root, each node once, as soon as it is seen
                walk, seen = [root], {root}
                for node in walk:
                    for parent in node.parents:
                        if parent not in seen:
                            seen.add(parent)
                            walk.append(parent)
            for node in walk:
                for parent, local in zip(node.parents, node.local_grads):
                    share = local * node.grad if product else local
                    if add:
                        parent.grad += share
                    else:
                        parent.grad = share
        return backward

    assert passes(checks.check_backward(written()))
    says(checks.check_backward(written(add=False)), "x used three times", "x.grad = 4 (should be 12)",
         "with = each path overwrites")
    says(checks.check_backward(written(visit="forward")), "visited inputs first")
    says(checks.check_backward(written(visit="breadth first")), "the diamond", "before every node that uses it")
    says(checks.check_backward(written(seed=False)), "nothing starts the chain", "root.grad = 1.0")
    says(checks.check_backward(written(reset=False, seed=False)), "nothing starts the chain")
    says(checks.check_backward(written(product=False)), "only the local derivative of its edge")
    says(checks.check_backward(written(reset=False)), "the first call was right", "x.grad = -5.654",
         "still there", "Set every node's grad to 0.0")
    hints = [repr(checks.check_backward(written(**change))).split(" because ")[-1] for change in (
        {"add": False}, {"visit": "forward"}, {"visit": "breadth first"}, {"seed": False}, {"product": False},
        {"reset": False})]
    assert len(set(hints)) == 6  # each mistake its own hint

    def crashes(root):
        return root.children

    def nan(root):
        written()(root)
        root.parents[0].grad = float("nan")

    def text(root):
        root.grad = "one"

    says(checks.check_backward(crashes), "your backward raised AttributeError", "'Node' object has no attribute")
    says(checks.check_backward(nan), "is nan", "finite numbers")
    says(checks.check_backward(text), "z.grad is 'one', not a number")
    says(checks.check_backward(lambda root: root.backward()), "raised AttributeError")
    says(checks.check_backward(3), "must be a function of the root node")

    def backward(root):
        ...  # your code here

    says(checks.check_backward(backward), "your answer is still ...: replace the ... in backward")


def test_check_backward_catches_what_only_a_second_call_shows(notebook_05):
    order = notebook_05["topological_order"]

    def seeds_by_adding(root):  # no reset, and the seed added: right once, wrong the second time
        root.grad += 1.0
        for node in reversed(order(root)):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad

    says(checks.check_backward(seeds_by_adding), "the first call was right", "still there")


@pytest.fixture(scope="module")
def hidden_solution():
    from helpers import activations

    namespace = {"np": np, "activations": activations}
    exec(notebook_solution("06_mlp_backprop", "def hidden_gradient(model, X, y)"), namespace)
    return namespace["hidden_gradient"]


def by_rows(model, X, y, sign=1.0, slope=True, use_u=False, w_rows=slice(1, None), mean=True):
    """dL/dv one row at a time, as notebook 06's hint describes it; the options make the typical mistakes."""
    v, w = model.params
    total = np.zeros((len(v) if not use_u else v.shape[1] + 1, v.shape[1]))
    for x_row, y_row in zip(X, y):
        x1 = np.r_[1.0, x_row]
        u = 1 / (1 + np.exp(-(x1 @ v)))
        z = 1 / (1 + np.exp(-(np.r_[1.0, u] @ w[:, 0])))
        dL_dr = sign * (z - y_row) * w[w_rows, 0] * (u * (1 - u) if slope else 1.0)
        total += np.outer(np.r_[1.0, u] if use_u else x1, dL_dr)
    return total / len(X) if mean else total


def test_the_notebooks_hidden_gradient_solution_passes(hidden_solution):
    result = checks.check_hidden_gradient(hidden_solution)
    assert passes(result) and "largest error" in result.message, repr(result)
    assert float(result.message.split("largest error ")[1].rstrip(".")) < 1e-8
    assert passes(checks.check_hidden_gradient(by_rows))
    # on the worked example, by hand: dL/dr_j = (z - 1) w_j u_j (1 - u_j), rows x = (1, 1, 0)
    from helpers import mlp

    model, x, y = mlp.worked_example()
    dL_dr = np.array([(Z_06 - 1) * 0.6 * U1 * (1 - U1), (Z_06 - 1) * -0.7 * U2 * (1 - U2)])
    assert np.allclose(hidden_solution(model, x, y), np.outer([1.0, 1.0, 0.0], dL_dr), atol=1e-15)


def test_your_gradient_trains_xor_step_for_step_like_fit(hidden_solution):
    """Notebook 06's sgd_on_xor with the solution's dL/dv gives MLP.fit's loss curve, epoch by epoch."""
    from helpers import data, mlp, optim

    X_xor, y_xor = data.logic_gate("XOR")
    namespace = {"np": np, "mlp": mlp, "optim": optim, "X_xor": X_xor, "y_xor": y_xor}
    exec(notebook_cell("06_mlp_backprop", "def sgd_on_xor"), namespace)
    fitted = mlp.MLP([2, 2, 1], hidden="sigmoid", seed=0).fit(X_xor, y_xor, lr=2.0, epochs=2000, batch_size=1, rng=0)
    losses = namespace["sgd_on_xor"](hidden_solution)
    gap = np.max(np.abs(losses - fitted["loss"]))
    assert len(losses) == 2000 and gap < 1e-12  # the notebook says "about 1e-13"
    wrong = namespace["sgd_on_xor"](lambda model, X, y: hidden_solution(model, X, y) * len(X) * 3, epochs=50)
    assert np.max(np.abs(wrong - fitted["loss"][:50])) > 1e-3  # a wrong gradient does not match


def test_check_hidden_gradient(hidden_solution):
    def shifted(change):
        return lambda model, X, y: change(hidden_solution(model, X, y), model, X)

    def bias_last(model, X, y):
        right = hidden_solution(model, X, y)
        return np.r_[right[1:], right[:1]]

    cases = {  # answer -> words its hint must contain
        "sign": (lambda m, X, y: by_rows(m, X, y, sign=-1.0), "the wrong sign: dL/ds = z - y"),
        "no slope": (lambda m, X, y: by_rows(m, X, y, slope=False), "g'(r_j) = u_j (1 - u_j) is missing"),
        "u for x": (lambda m, X, y: by_rows(m, X, y, use_u=True), "dL/dr_j * u_i"),
        "bias zero": (shifted(lambda g, m, X: g * np.r_[0.0, np.ones(len(g) - 1)][:, None]), "row 0, the biases v_0j, is 0"),
        "bias last": (bias_last, "the bias row came out last"),
        "sum": (lambda m, X, y: by_rows(m, X, y, mean=False), "n times too large (7 rows here)", "mean over the rows"),
        "w0": (lambda m, X, y: by_rows(m, X, y, w_rows=slice(None, -1)), "w_0 is the output's bias"),
        "bias row": (shifted(lambda g, m, X: g + np.r_[0.01, np.zeros(len(g) - 1)][:, None]), "rows 1 and up are right"),
    }
    messages = []
    for name, (answer, *hint) in cases.items():
        messages.append(says(checks.check_hidden_gradient(answer), *hint, "entries are wrong: v_"))
    assert len({m.split(" because ")[-1] for m in messages}) == len(cases)
    says(checks.check_hidden_gradient(lambda m, X, y: by_rows(m, X, y, use_u=True)), "the worked example")
    says(checks.check_hidden_gradient(lambda m, X, y: by_rows(m, X, y, sign=-1.0, mean=False)),
         "more than one mistake; fix this one first: every entry has the right size but the wrong sign")


def test_check_hidden_gradient_names_wrong_shapes(hidden_solution):
    says(checks.check_hidden_gradient(lambda m, X, y: hidden_solution(m, X, y)[1:]), "shape (2, 2)", "(3, 2)",
         "the bias row is missing")
    says(checks.check_hidden_gradient(lambda m, X, y: hidden_solution(m, X, y).T), "shape (2, 3)", "the transpose")
    says(checks.check_hidden_gradient(lambda m, X, y: np.zeros((len(X), m.params[0].shape[1]))), "looks like dL/dr")
    says(checks.check_hidden_gradient(lambda m, X, y: np.zeros((m.params[0].shape[0], m.params[1].shape[0]))),
         "one column per output weight w_j, w_0 included")
    says(checks.check_hidden_gradient(lambda m, X, y: np.zeros(3)), "shape (3,)", "shaped like model.params[0]")


def test_check_hidden_gradient_never_shows_a_traceback(hidden_solution):
    def column_z(model, X, y):  # z kept as an (n, 1) column: fine for one row, an (n, n) table for more
        v, w = model.params
        x = np.c_[np.ones(len(X)), X]
        u = 1 / (1 + np.exp(-(x @ v)))
        z = 1 / (1 + np.exp(-(np.c_[np.ones(len(X)), u] @ w)))
        return x.T @ (((z - y) / len(X)) @ w[1:].T * u * (1 - u))

    says(checks.check_hidden_gradient(column_z), "right on the worked example (one row) but not on several rows")
    says(checks.check_hidden_gradient(lambda m, X, y: m.backward(X, y)[0]), "called model.backward")
    says(checks.check_hidden_gradient(lambda m, X, y: hidden_solution(m, X, y) * np.nan), "NaN or infinity",
         "z - y directly")
    says(checks.check_hidden_gradient(lambda m, X, y: undefined), "raised NameError", "the worked example")
    says(checks.check_hidden_gradient(lambda m, X, y: m.params[0] @ np.ones((3, 3))), "raised ValueError",
         "check the shapes")
    says(checks.check_hidden_gradient(lambda m, X, y: None), "returned None")
    says(checks.check_hidden_gradient(lambda m, X, y: [hidden_solution(m, X, y), np.zeros((3, 1))]),
         "must return one array")
    says(checks.check_hidden_gradient("dL/dv"), "must be a function of (model, X, y)")

    def hidden_gradient(model, X, y):
        ...  # your code

    says(checks.check_hidden_gradient(hidden_gradient), "your answer is still ...: replace the ... in hidden_gradient")


def test_check_hidden_gradient_leaves_the_learners_model_alone():
    seen = []

    def spoils(model, X, y):
        seen.append(model)
        model.params[0][:] = 0.0
        return np.zeros_like(model.params[0])

    says(checks.check_hidden_gradient(spoils), "entries are wrong")
    from helpers import mlp

    assert np.array_equal(mlp.worked_example()[0].params[0], [[0.1, -0.2], [0.5, 0.3], [-0.4, 0.8]])
    assert all(not np.any(m.params[0]) for m in seen)


def test_the_hidden_gradient_cases_tell_every_mistake_apart():
    """In each network the wrong variants differ from the truth and from each other, the shapes of the
    wrong-shaped answers differ from the right one, the truth is model.backward's and finite differences',
    and the large-weight network really saturates."""
    from helpers import activations

    cases = checks._hidden_cases()
    assert [c[0].split(" (")[0] for c in cases] == ["the worked example"] + ["a random network"] * 3
    for k, (what, model, X, y) in enumerate(cases):
        right, variants = checks._hidden_gradients(model, X, y)
        numeric = checks._finite_difference_dv(model, X, y)
        assert np.allclose(right, model.backward(X, y)[0], atol=1e-15) and np.allclose(right, numeric, atol=1e-9)
        arrays = [right] + [a for name, a in variants.items() if a.shape == right.shape
                            and not (name == "sum" and len(X) == 1)]
        for i in range(len(arrays)):
            for j in range(i):
                assert np.max(np.abs(arrays[i] - arrays[j])) > 1e-3, (what, i, j)
        m, p, n = X.shape[1], right.shape[1], len(X)
        shapes = {(m + 1, p), (m, p), (p, m + 1), (m + 1, p + 1), (n, p)} | ({(p + 1, p)} if p != m else set())
        assert len(shapes) == 5 + (p != m), what
    u = activations.sigmoid(np.c_[np.ones(len(cases[3][2])), cases[3][2]] @ cases[3][1].params[0])
    assert np.min(u * (1 - u)) < 1e-3 and "saturate" in cases[3][0]


def test_is_placeholder():
    def backward(root):
        ...  # your code

    def done(root):
        return root

    assert checks.is_placeholder(...) and checks.is_placeholder(backward)
    assert not checks.is_placeholder(done) and not checks.is_placeholder(None) and not checks.is_placeholder(0)


# --- Every checker: placeholders and garbage -----------------------------------------------------

PLACEHOLDER_CALLS = {
    "check_separating_weights": lambda a: checks.check_separating_weights(a, np.zeros((2, 2)), [1, -1]),
    "check_test_standardization": lambda a: checks.check_test_standardization(a, np.ones((3, 2)), np.ones((2, 2))),
    "check_accuracy": lambda a: checks.check_accuracy(a, [0, 1], [0, 1]),
    "check_confusion_matrix": lambda a: checks.check_confusion_matrix(a, [0, 1], [0, 1], 2),
    "check_gate_weights": lambda a: checks.check_gate_weights(a, gate="OR"),
    "check_next_two_steps": lambda a: checks.check_next_two_steps(a, a),
    "check_shared_node_gradient": lambda a: checks.check_shared_node_gradient(a, a),
}
CHECKERS = sorted(name for name in checks.__all__ if name.startswith("check_"))


def _call(name):
    return PLACEHOLDER_CALLS.get(name, getattr(checks, name))


@pytest.mark.parametrize("name", CHECKERS)
def test_every_checker_says_still_for_the_placeholder(name):
    assert repr(_call(name)(...)).startswith("Not yet: your answer is still ...")


@pytest.mark.parametrize("name", CHECKERS)
@pytest.mark.parametrize("garbage", [None, "text", object(), [1.0, float("nan")], np.zeros((7, 7)),
                                     lambda *a: 1 / 0, lambda *a: "x", True])
def test_every_checker_never_raises(name, garbage):
    result = _call(name)(garbage)
    assert isinstance(result, CheckResult)
    assert not result.passed and repr(result).startswith("Not yet: ") and len(result.message) > 10


def test_a_function_left_with_its_placeholder_body_is_still_unanswered():
    def my_softmax(s):
        ...  # your code here

    def my_gradient(w, x, y):
        ...

    assert repr(checks.check_softmax(my_softmax)).startswith(
        "Not yet: your answer is still ...: replace the ... in my_softmax")
    assert repr(checks.check_loss_gradient(my_gradient)).startswith(
        "Not yet: your answer is still ...: replace the ... in my_gradient")


def _tower_by_finite_differences(depth, x, h=1e-6):
    """du/dx of the tower sigmoid(sigmoid(...(x))), by a central difference: independent of the chain rule."""
    def out(t):
        for _ in range(depth):
            t = 1 / (1 + math.exp(-t))
        return t
    return (out(x + h) - out(x - h)) / (2 * h)


def test_check_tower_gradient():
    def right(depth, x):  # the notebook's solution
        slope, u = 1.0, x
        for _ in range(depth):
            u = 1 / (1 + math.exp(-u))
            slope *= u * (1 - u)
        return slope

    for depth, x in ((1, 0.0), (6, 0.0), (3, 2.0)):
        assert right(depth, x) == pytest.approx(_tower_by_finite_differences(depth, x), rel=1e-6)
    assert right(1, 0.0) == 0.25 and right(6, 0.0) == pytest.approx(1.52e-4, rel=1e-3)  # by hand, notebook 09
    assert passes(checks.check_tower_gradient(right))
    assert passes(checks.check_tower_gradient(lambda d, x: _tower_by_finite_differences(d, x, h=1e-5)))

    def sigmoid(t):
        return 1 / (1 + math.exp(-t))

    def outputs(depth, x):
        us = []
        for _ in range(depth):
            x = sigmoid(x)
            us.append(x)
        return us

    slips = [
        (lambda d, x: 0.25**d, "1/4 to the power of the depth"),
        (lambda d, x: sum(u * (1 - u) for u in outputs(d, x)), "adds the slopes up"),
        (lambda d, x: outputs(d, x)[-1] * (1 - outputs(d, x)[-1]), "the last unit's slope alone"),
        (lambda d, x: math.prod(u * (1 - u) for u in outputs(d, x)[:-1]), "one factor too few"),
        (lambda d, x: (sigmoid(x) * (1 - sigmoid(x))) ** d, "every slope at the input x"),
        (lambda d, x: math.prod(outputs(d, x)), "multiplies the outputs u_k"),
        (lambda d, x: outputs(d, x)[-1], "the tower's output u, not its slope"),
        (lambda d, x: 1.001 * right(d, x), "but the slope is 0.25"),
    ]
    messages = [says(checks.check_tower_gradient(fn), hint) for fn, hint in slips]
    assert len(set(messages)) == len(messages)

    def no_return(depth, x):
        right(depth, x)

    says(checks.check_tower_gradient(no_return), "returned None", "must end with return")
    says(checks.check_tower_gradient(lambda d, x: 1 / 0), "raised ZeroDivisionError")


def test_every_checker_is_covered_by_a_test_here():
    """A new checker fails this until it has a table entry or its own test above."""
    source = inspect.getsource(inspect.getmodule(test_every_checker_is_covered_by_a_test_here))
    covered = set(NUMERIC) | set(CHOICES) | {
        "check_learning_rates", "check_which_converge", "check_separable_pair", "check_softmax",
        "check_loss_gradient", "check_composition_derivative", "check_next_two_steps",
        "check_shared_node_gradient", "check_separating_weights", "check_test_standardization",
        "check_confusion_matrix", "check_gate_weights", "check_backward", "check_hidden_gradient",
        "check_tower_gradient"}
    assert covered == set(CHECKERS)
    for name in covered - set(NUMERIC) - set(CHOICES):
        assert f"def test_{name}" in source
