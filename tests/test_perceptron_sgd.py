"""Tests for helpers.perceptron.loss_gradient and helpers.perceptron.sgd.

Expected numbers come from the lecture's worked example, from a trace worked out
by hand, from finite differences, from runs in exact fractions (``exact_run``), and
from the geometry of the data (a run has converged exactly when every sample ends up
with s y > 0).
"""

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers.data import logic_gate
from helpers.losses import perceptron_loss
from helpers.perceptron import Step, loss_gradient, misclassified, sgd, weighted_sum

TOL = 1e-12


def separable_blobs(n, seed):
    """Two clusters around (-1.5, -1.5) and (1.5, 1.5), kept only where |x1 + x2| > 0.5.

    The line x1 + x2 = 0 separates them with a margin, so the perceptron must converge.
    """
    rng = np.random.default_rng(seed)
    y = np.where(np.arange(n) % 2 == 0, 1.0, -1.0)
    X = y[:, None] * 1.5 + rng.normal(scale=0.7, size=(n, 2))
    keep = y * X.sum(axis=1) > 0.5
    return X[keep], y[keep]


# ---------------------------------------------------------------- the lecture's example

def test_lecture_worked_example_exactly():
    X, y = logic_gate("AND", labels="pm1")
    (i10,) = np.flatnonzero((X == [1, 0]).all(axis=1))
    (i11,) = np.flatnonzero((X == [1, 1]).all(axis=1))
    w_final, steps = sgd(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=1, order=[i10, i11])

    assert len(steps) == 2
    first, second = steps
    assert (first.epoch, first.index, second.epoch, second.index) == (1, i10, 1, i11)
    np.testing.assert_array_equal(first.x, [1, 0])
    assert first.y == -1 and second.y == 1
    # Step 1: s = 0.1 > 0 but y = -1, so s y < 0: gradient -y x = (1, 1, 0).
    assert first.s == pytest.approx(0.1, abs=TOL)
    np.testing.assert_allclose(first.gradient, [1, 1, 0], atol=TOL)
    np.testing.assert_allclose(first.w_after, [-0.2, 0.1, 0.0], atol=TOL)
    # Step 2: s = -0.1 < 0 but y = +1: gradient (-1, -1, -1).
    assert second.s == pytest.approx(-0.1, abs=TOL)
    np.testing.assert_allclose(second.gradient, [-1, -1, -1], atol=TOL)
    np.testing.assert_allclose(second.w_after, [-0.1, 0.2, 0.1], atol=TOL)
    np.testing.assert_allclose(w_final, [-0.1, 0.2, 0.1], atol=TOL)
    # Both points were misclassified, each with loss |s| = 0.1.
    assert first.loss == pytest.approx(0.1, abs=TOL) and second.loss == pytest.approx(0.1, abs=TOL)


def test_hand_traced_run_on_and_from_zero_weights():
    # Worked out by hand with lr = 1, visiting rows (0,0), (0,1), (1,0), (1,1) in turn;
    # s y == 0 counts as a mistake. Weights after each epoch:
    X, y = logic_gate("AND", labels="pm1")
    w, steps = sgd(X, y, [0.0, 0.0, 0.0], lr=1.0, epochs=50)
    after_epoch = [s.w_after for s in steps if s.index == 3]
    expected = [(0, 1, 1), (-1, 2, 1), (-2, 2, 1), (-2, 2, 2), (-2, 3, 2),
                (-3, 3, 2), (-3, 3, 3), (-4, 3, 2), (-4, 3, 2)]
    np.testing.assert_allclose(after_epoch, expected, atol=TOL)
    np.testing.assert_array_equal(steps.mistakes_per_epoch(), [2, 3, 3, 2, 2, 3, 2, 1, 0])
    assert steps.converged and steps.epochs_run == 9 and len(steps) == 36
    np.testing.assert_allclose(w, [-4, 3, 2], atol=TOL)


# ---------------------------------------------------------------- loss_gradient

@pytest.mark.parametrize("seed", range(5))
def test_gradient_matches_finite_differences(seed):
    rng = np.random.default_rng(seed)
    h = 1e-6
    for _ in range(20):
        w, x, y = rng.normal(size=3), rng.normal(size=2), rng.choice([-1.0, 1.0])
        if abs(weighted_sum(w, x)) < 1e-3:  # too close to the kink for a finite difference
            continue
        numeric = np.array([
            (perceptron_loss(weighted_sum(w + h * e, x), y) - perceptron_loss(weighted_sum(w - h * e, x), y)) / (2 * h)
            for e in np.eye(3)
        ])
        np.testing.assert_allclose(loss_gradient(w, x, y), numeric, atol=1e-6)


def test_gradient_is_zero_on_the_right_side_and_minus_yx_on_the_wrong_side():
    w = [0.5, 1.0, -1.0]  # s = 0.5 + x1 - x2
    np.testing.assert_array_equal(loss_gradient(w, [2.0, 1.0], +1), [0, 0, 0])  # s = 1.5
    np.testing.assert_array_equal(loss_gradient(w, [2.0, 1.0], -1), [1, 2, 1])  # -y x with x0 = 1
    np.testing.assert_array_equal(loss_gradient(w, [0.0, 3.0], +1), [-1, 0, -3])  # s = -2.5


@pytest.mark.parametrize("y", [-1, 1])
def test_on_the_boundary_counts_as_a_mistake(y):
    # s = 0 exactly: the convention is to update with -y x, whichever the label.
    np.testing.assert_array_equal(loss_gradient([-1.0, 1.0, 0.0], [1.0, 5.0], y), [-y, -y, -5 * y])
    np.testing.assert_array_equal(loss_gradient([0.0, 0.0], [3.0], y), [-y, -3 * y])


def test_training_starts_from_all_zero_weights():
    # If s y == 0 meant "no update", w = 0 would stay 0 forever (every s is 0).
    X, y = logic_gate("OR", labels="pm1")
    w, steps = sgd(X, y, np.zeros(3), lr=0.5, epochs=1)
    assert steps[0].s == 0.0 and steps[0].updated
    assert np.any(w != 0)


# ---------------------------------------------------------------- sgd bookkeeping

def test_records_are_consistent_with_the_update_rule():
    X, y = separable_blobs(30, seed=3)
    lr = 0.3
    w0 = np.array([0.2, -0.4, 0.1])
    w, steps = sgd(X, y, w0, lr=lr, epochs=5, rng=1)
    assert isinstance(steps[0], Step)
    np.testing.assert_array_equal(steps[0].w_before, w0)
    for prev, cur in zip(steps, steps[1:]):
        np.testing.assert_array_equal(prev.w_after, cur.w_before)
    for step in steps:
        np.testing.assert_array_equal(step.x, X[step.index])
        assert step.y == y[step.index]
        assert step.s == pytest.approx(weighted_sum(step.w_before, step.x), abs=TOL)
        assert step.loss == pytest.approx(perceptron_loss(step.s, step.y), abs=TOL)
        np.testing.assert_allclose(step.gradient, loss_gradient(step.w_before, step.x, step.y), atol=TOL)
        np.testing.assert_allclose(step.w_after, step.w_before - lr * step.gradient, atol=TOL)
        assert step.updated == (step.s * step.y <= 0)
    np.testing.assert_array_equal(w, steps[-1].w_after)


def test_starting_weights_are_not_modified():
    X, y = logic_gate("AND", labels="pm1")
    w0 = np.array([0.0, 0.0, 0.0])
    sgd(X, y, w0, lr=1.0, epochs=3)
    np.testing.assert_array_equal(w0, [0, 0, 0])


def test_order_fixes_the_visits_and_may_be_a_subset():
    X, y = logic_gate("XOR", labels="pm1")
    _, steps = sgd(X, y, [0.1, 0.0, 0.0], lr=0.1, epochs=3, order=[3, 0, 3])
    assert [s.index for s in steps] == [3, 0, 3] * steps.epochs_run
    assert [s.epoch for s in steps] == [e for e in range(1, steps.epochs_run + 1) for _ in range(3)]


def test_rng_shuffles_each_epoch_reproducibly():
    X, y = logic_gate("XOR", labels="pm1")
    runs = [sgd(X, y, [0.0, 0.0, 0.0], lr=1.0, epochs=20, rng=seed)[1] for seed in (7, 7, 8)]
    orders = [[s.index for s in steps] for steps in runs]
    assert orders[0] == orders[1]
    assert orders[0] != orders[2]
    per_epoch = [orders[0][i:i + 4] for i in range(0, len(orders[0]), 4)]
    assert all(sorted(e) == [0, 1, 2, 3] for e in per_epoch)
    assert len({tuple(e) for e in per_epoch}) > 1  # shuffled afresh, not once
    # A Generator works too and gives the same run as its seed.
    same = sgd(X, y, [0.0, 0.0, 0.0], lr=1.0, epochs=20, rng=np.random.default_rng(7))[1]
    assert [s.index for s in same] == orders[0]


def test_rng_shuffles_within_a_given_order():
    X, y = logic_gate("XOR", labels="pm1")
    _, steps = sgd(X, y, [0.0, 0.0, 0.0], lr=1.0, epochs=10, order=[1, 2], rng=0)
    assert {s.index for s in steps} == {1, 2}


# ---------------------------------------------------------------- convergence

def _all_correct(w, X, y):
    return bool(np.all(y * weighted_sum(w, X) > 0))


@pytest.mark.parametrize("gate", ["AND", "OR"])
@pytest.mark.parametrize("seed", range(5))
def test_converges_on_separable_gates(gate, seed):
    X, y = logic_gate(gate, labels="pm1")
    w0 = np.random.default_rng(seed).normal(scale=0.5, size=3)
    w, steps = sgd(X, y, w0, lr=0.1, epochs=1000, rng=seed)
    assert steps.converged
    assert steps.epochs_run < 1000
    assert _all_correct(w, X, y)
    assert steps.mistakes_per_epoch()[-1] == 0
    assert all(not s.updated for s in steps if s.epoch == steps.epochs_run)


@pytest.mark.parametrize("seed", range(6))
def test_converges_on_separable_blobs(seed):
    X, y = separable_blobs(40, seed=seed)
    w, steps = sgd(X, y, [0.0, 0.0, 0.0], lr=0.5, epochs=1000, rng=seed)
    assert steps.converged
    assert _all_correct(w, X, y)


def test_not_converged_when_epochs_run_out():
    X, y = logic_gate("AND", labels="pm1")
    _, steps = sgd(X, y, [0.0, 0.0, 0.0], lr=1.0, epochs=2)  # the hand trace needs 9
    assert not steps.converged and steps.epochs_run == 2 and len(steps) == 8


@pytest.mark.parametrize("seed", range(8))
def test_xor_never_converges(seed):
    # No line separates XOR: summing the conditions s y > 0 for (0,1) and (1,0) gives
    # 2 w0 + w1 + w2 > 0, for (0,0) and (1,1) gives 2 w0 + w1 + w2 < 0. So every
    # epoch holds at least one mistake, whatever the weights and the order.
    X, y = logic_gate("XOR", labels="pm1")
    rng = np.random.default_rng(seed)
    lr = float(rng.uniform(0.01, 2.0))
    _, steps = sgd(X, y, rng.normal(size=3), lr=lr, epochs=300, rng=seed)
    assert not steps.converged
    assert steps.epochs_run == 300 and len(steps) == 1200
    assert steps.mistakes_per_epoch().min() >= 1


# ---------------------------------------------------------------- bad input

AND_X, AND_Y = logic_gate("AND", labels="pm1")


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        ({"X": [1, 0]}, ValueError, "X must be a 2-D"),
        ({"X": [[0, 0], [0, np.nan], [1, 0], [1, 1]]}, ValueError, "X must not contain NaN"),
        ({"X": np.zeros((0, 2)), "y": []}, ValueError, "X must hold at least one number"),
        ({"y": [0, 0, 0, 1]}, ValueError, r"y must hold perceptron labels -1 or \+1"),
        ({"y": [-1, 1]}, ValueError, "one label per row"),
        ({"w": [0.0, 0.0]}, ValueError, "w must have 3 entries"),
        ({"w": "zeros"}, TypeError, "w must be a number or an array of numbers"),
        ({"lr": 0.0}, ValueError, "lr must be > 0"),
        ({"lr": -0.1}, ValueError, "lr must be"),
        ({"lr": float("inf")}, ValueError, "lr must be"),
        ({"lr": "0.1"}, TypeError, "lr must be a number"),
        ({"epochs": 0}, ValueError, "epochs must be >= 1"),
        ({"epochs": 2.5}, TypeError, "epochs must be a whole number"),
        ({"order": [0, 4]}, ValueError, "order must hold row indices from 0 to 3"),
        ({"order": [-1]}, ValueError, "order must hold row indices"),
        ({"order": []}, ValueError, "order must be a non-empty"),
        ({"order": [[0, 1]]}, ValueError, "order must be a non-empty 1-D"),
        ({"order": [0.0, 1.0]}, TypeError, "order must hold integer"),
        ({"order": "0123"}, TypeError, "order must be a sequence"),
        ({"rng": "seed"}, TypeError, "rng must be an integer >= 0 or a numpy Generator"),
    ],
)
def test_sgd_rejects_bad_input_naming_the_argument(kwargs, error, words):
    args = {"X": AND_X, "y": AND_Y, "w": [0.0, 0.0, 0.0], "lr": 0.1, "epochs": 3}
    args.update(kwargs)
    with pytest.raises(error, match=words):
        sgd(**args)


@pytest.mark.parametrize(
    "args, error, words",
    [
        (([0, 0, 0], [1, 0], 0), ValueError, "y must be a perceptron label"),
        (([0, 0, 0], [1, 0], "+1"), TypeError, "y must be a number"),
        (([0, 0, 0], [[1, 0]], 1), ValueError, "x must be a 1-D"),
        (([0, 0], [1, 0], 1), ValueError, "w must have 3 entries"),
    ],
)
def test_loss_gradient_rejects_bad_input(args, error, words):
    with pytest.raises(error, match=words):
        loss_gradient(*args)


@pytest.mark.parametrize("seed", range(4))
def test_from_zero_the_learning_rate_only_scales_the_weights(seed):
    # From w = 0 every weight vector is lr times the lr = 1 one, so the same samples are
    # mistakes. Powers of two keep the arithmetic exact, so the runs match bit for bit.
    X, y = separable_blobs(30, seed=seed)
    w1, steps1 = sgd(X, y, np.zeros(3), lr=1.0, epochs=200, rng=seed)
    for lr in (0.25, 8.0):
        w, steps = sgd(X, y, np.zeros(3), lr=lr, epochs=200, rng=seed)
        assert [s.updated for s in steps] == [s.updated for s in steps1]
        np.testing.assert_array_equal(w, lr * w1)


def exact_run(X, y, w, lr, epochs, order=None, rng=None):
    """The same algorithm in exact rational arithmetic, written independently of helpers.

    Every number means the decimal Python prints for it (0.1 is 1/10). Returns one record
    per visit: (epoch, index, s, updated, weights after), and whether the run converged.
    """
    from fractions import Fraction

    def exact(v):
        return Fraction(repr(float(v)))

    X = [[exact(v) for v in row] for row in np.asarray(X, dtype=float)]
    w, lr = [exact(v) for v in w], exact(lr)
    visit = list(range(len(X))) if order is None else list(order)
    shuffle = None if rng is None else np.random.default_rng(rng)  # the same orders as sgd's
    records = []
    for epoch in range(1, epochs + 1):
        if shuffle is not None:
            visit = [int(j) for j in shuffle.permutation(visit)]
        mistakes = 0
        for j in visit:
            x, label = [1] + X[j], int(y[j])
            s = sum(a * b for a, b in zip(x, w))
            if label * s <= 0:
                w = [wi + lr * label * xi for wi, xi in zip(w, x)]
                mistakes += 1
            records.append((epoch, j, s, label * s <= 0, [float(v) for v in w]))
        if mistakes == 0:
            return records, True
    return records, False


def assert_follows_exact_arithmetic(X, y, w, lr, epochs, **order):
    w_final, steps = sgd(X, y, w, lr=lr, epochs=epochs, **order)
    records, converged = exact_run(X, y, w, lr, epochs, **order)
    assert len(steps) == len(records) and steps.converged == converged
    for step, (epoch, index, s, updated, w_after) in zip(steps, records):
        assert (step.epoch, step.index, step.updated) == (epoch, index, updated)  # the same decisions
        assert step.on_boundary == (s == 0)
        assert step.w_after.tolist() == w_after  # the float nearest the exact weight, bit for bit
    assert w_final.tolist() == records[-1][4]
    return steps


GATE_STARTS = [(-0.1, 0.2, 0.0), (0.0, 0.0, 0.0), (0.3, -0.5, 0.7), (0.15, -0.35, 0.05), (-0.25, 0.1, 0.45),
               (0.7, -0.2, -0.6)]
ORDERS = [{}, {"order": [3, 2, 1, 0]}, {"order": [2, 3, 0, 1]}, {"order": [1, 3, 1, 0, 2]}, {"rng": 0}, {"rng": 1}]


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "XOR"])
@pytest.mark.parametrize("lr", [0.1, 0.2, 0.25, 0.3, 0.5, 1])
def test_decimal_learning_rates_follow_exact_arithmetic(gate, lr):
    # The promise of sgd's docstring, for every gate, start, learning rate and order here:
    # the same updates as exact arithmetic and weights equal to the exact ones, rounded.
    # In plain floating point 0.3 - 0.1 - 0.2 is 2.8e-17, and a point exactly on the
    # boundary would count as right by the luck of the rounding.
    X, y = logic_gate(gate, labels="pm1")
    for w, order in itertools.product(GATE_STARTS, ORDERS):
        assert_follows_exact_arithmetic(X, y, w, lr, 25 if gate == "XOR" else 200, **order)


def test_the_issues_run_ends_where_exact_arithmetic_does():
    # AND from (0.3, -0.5, 0.7), lr 0.1: at step 9 the bias is exactly 0, so (0, 0) lies on the
    # boundary and is a mistake. Exact fractions (exact_run) end at (-0.4, 0.2, 0.3) after 12 epochs.
    X, y = logic_gate("AND", labels="pm1")
    steps = assert_follows_exact_arithmetic(X, y, [0.3, -0.5, 0.7], 0.1, 300)
    assert steps[8].w_before[0] == 0.0 and steps[8].on_boundary and steps[8].updated
    assert steps.epochs_run == 12 and steps[-1].w_after.tolist() == [-0.4, 0.2, 0.3]
    # OR from there: every converged run leaves no point on the boundary
    X, y = logic_gate("OR", labels="pm1")
    steps = assert_follows_exact_arithmetic(X, y, [0.3, -0.5, 0.7], 0.1, 300)
    assert steps.converged and not misclassified(steps[-1].w_after, X, y).any()


decimals = st.integers(-100, 100).map(lambda k: k / 20)  # -5.0, -4.95, ..., 5.0


@settings(derandomize=True, database=None, max_examples=60, deadline=None)
@given(w=st.tuples(decimals, decimals, decimals), lr=st.sampled_from([0.1, 0.2, 0.25, 0.3, 0.5, 1, 0.05, 1.5]),
       X=hnp.arrays(np.float64, (6, 2), elements=st.integers(-20, 20).map(lambda k: k / 10)),
       y=hnp.arrays(np.float64, 6, elements=st.sampled_from([-1.0, 1.0])), rng=st.integers(0, 3))
def test_decimal_inputs_follow_exact_arithmetic(w, lr, X, y, rng):
    # Inputs with one decimal too (x = 0.3, -1.7, ...): the weights get lr's decimals plus X's.
    assert_follows_exact_arithmetic(X, y, w, lr, 15, rng=rng)


def test_lecture_run_to_convergence():
    # Worked out with exact fractions (exact_run): 7 epochs, ending at (-0.4, 0.3, 0.2).
    X, y = logic_gate("AND", labels="pm1")
    w, steps = sgd(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=100, order=[2, 3, 0, 1])
    np.testing.assert_array_equal(steps.mistakes_per_epoch(), [3, 2, 3, 2, 2, 3, 0])
    np.testing.assert_allclose(w, [-0.4, 0.3, 0.2], atol=1e-12)
    # Step 4 visits (0, 1) with w = (-0.1, 0.2, 0.1): s = 0 exactly, a boundary update.
    assert steps[3].on_boundary and steps[3].updated
    assert not steps[0].on_boundary


def test_misclassified_matches_the_update_rule():
    X, y = logic_gate("AND", labels="pm1")
    np.testing.assert_array_equal(misclassified([-0.1, 0.2, 0.0], X, y), [False, False, True, False])
    np.testing.assert_array_equal(misclassified([0.0, 0.0, 0.0], X, y), [True] * 4)
    # (1, 1) with w = (-0.3, 0.1, 0.2) has s = -0.3 + (0.1 + 0.2) = 5.6e-17 in floating point,
    # 0 in exact arithmetic: on the boundary, so a mistake, although s y > 0 as computed.
    w = [-0.3, 0.1, 0.2]
    assert weighted_sum(w, X)[3] * y[3] > 0
    assert misclassified(w, X, y)[3]
    np.testing.assert_array_equal(loss_gradient(w, X[3], y[3]), [-1, -1, -1])
    with pytest.raises(ValueError, match="one label per row"):
        misclassified([0, 0, 0], X, y[:2])
