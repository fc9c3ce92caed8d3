"""The perceptron: a weighted sum with a bias, passed through step or sign.

Weights follow the lecture: ``w = [w0, w1, ..., wm]`` where ``w0`` is the bias and
every input gets an extra ``x0 = 1``, so ``s = sum_i x_i w_i``. Inputs ``X`` never
carry that column themselves; :func:`add_bias` shows the trick explicitly.
"""

from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from . import activations
from ._validate import as_array, as_inputs, as_rng, check_choice, check_int, check_number, check_positive, labels_pm1

_ACTIVATIONS = {"sign": activations.sign, "step": activations.step}


def add_bias(X):
    """Prepend the constant input x0 = 1 to every sample.

    Parameters
    ----------
    X : (n, m) or (m,) ndarray

    Returns
    -------
    (n, m + 1) ndarray, first column all ones.

    >>> add_bias([[0, 1], [1, 1]])
    array([[1., 0., 1.],
           [1., 1., 1.]])
    """
    X = as_inputs(X)
    return np.hstack([np.ones((X.shape[0], 1)), X])


def _check_weights(w, n_features):
    w = as_array(w, "w", ndim=1)
    if w.shape[0] != n_features + 1:
        raise ValueError(
            f"w must have {n_features + 1} entries (bias w0 first, then one per feature) "
            f"for X with {n_features} features; got {w.shape[0]}"
        )
    return w


def weighted_sum(w, X):
    """Weighted sum s = w0 * 1 + w1 x1 + ... + wm xm for each sample.

    Parameters
    ----------
    w : (m + 1,) ndarray
        Bias w0 first, then one weight per feature.
    X : (n, m) ndarray, or (m,) for one sample

    Returns
    -------
    (n,) ndarray, or a float for a single sample.

    >>> weighted_sum([-1.5, 1, 1], [[0, 0], [1, 0], [1, 1]])
    array([-1.5, -0.5,  0.5])
    >>> weighted_sum([-0.1, 0.2, 0.0], [1, 0])
    0.1
    """
    X = as_array(X, "X", ndim=(1, 2))
    single = X.ndim == 1
    X = X.reshape(1, -1) if single else X
    w = _check_weights(w, X.shape[1])
    s = w[0] + X @ w[1:]
    return float(s[0]) if single else s


def predict(w, X, activation="sign"):
    """Class predictions f(s): sign gives -1/+1, step gives 0/1.

    >>> predict([-1.5, 1, 1], [[0, 0], [0, 1], [1, 0], [1, 1]], activation="step")
    array([0., 0., 0., 1.])
    """
    f = _ACTIVATIONS[check_choice(activation, "activation", tuple(_ACTIVATIONS))]
    return f(weighted_sum(w, X))


def loss_gradient(w, x, y):
    """Gradient of the perceptron loss L = max(0, -y s) with respect to w, for one sample.

    The lecture's rule: dL/dw_i = -y x_i when s y < 0 (the sample is on the wrong
    side) and 0 when s y > 0 (it is on the right side, the loss is flat there).

    At s y == 0 the sample lies exactly on the boundary and max(0, -y s) has a
    kink, so there is no single derivative. This function returns -y x there,
    that is, a sample on the boundary counts as a mistake. Two reasons:

    * with all-zero weights every sample has s = 0; calling that "no update"
      would leave w = 0 forever, and training could never start;
    * -y x is a legitimate choice at the kink: the slopes on the two sides are
      -y x and 0, and any mix of them is a valid subgradient.

    "Exactly 0" is judged up to rounding: an s no larger than ``BOUNDARY_RTOL``
    (1e-9) times the size of the terms that add up to it (|w0| + sum of |x_i w_i|)
    counts as 0. In floating point 0.3 - 0.1 - 0.2 comes out as 2.8e-17, and without
    this a sample that lies exactly on the boundary would count as "right" or "wrong"
    by the luck of the rounding.

    Parameters
    ----------
    w : (m + 1,) ndarray
        Bias w0 first.
    x : (m,) ndarray
        One sample, without the constant x0 = 1 (it is added here).
    y : {-1, +1}
        Its label.

    Returns
    -------
    (m + 1,) ndarray: [dL/dw0, dL/dw1, ..., dL/dwm].

    The lecture's first step: AND, w = (-0.1, 0.2, 0.0), x = (1, 0), y = -1,
    s = 0.1, so s y < 0 and the gradient is -y x = (1, 1, 0):

    >>> loss_gradient([-0.1, 0.2, 0.0], [1, 0], -1)
    array([1., 1., 0.])
    >>> loss_gradient([-0.1, 0.2, 0.0], [1, 0], +1)
    array([0., 0., 0.])
    >>> loss_gradient([0.0, 0.0, 0.0], [1, 0], +1)  # on the boundary: counts as a mistake
    array([-1., -1.,  0.])
    """
    x = as_array(x, "x", ndim=1)
    y = _check_label(y)
    w = _check_weights(w, x.shape[0])
    return _gradient(w, x, y)


BOUNDARY_RTOL = 1e-9
"""Relative size below which a weighted sum counts as exactly 0 (see :func:`loss_gradient`)."""

SNAP_DIGITS = 12
"""The most decimals :func:`sgd` rounds its weights to (see there); beyond, it does not round."""


def _near_zero(s, w, X):
    """True where |s| is within rounding error of 0, given the terms x_i w_i that sum to it."""
    scale = np.abs(w[0]) + np.abs(X) @ np.abs(w[1:])
    return np.abs(s) <= BOUNDARY_RTOL * scale


def misclassified(w, X, y):
    """Where SGD would update: s y < 0, or s on the boundary (0 up to rounding).

    Parameters
    ----------
    w : (m + 1,) ndarray
    X : (n, m) ndarray
    y : (n,) ndarray of -1/+1 labels

    Returns
    -------
    (n,) bool ndarray

    >>> misclassified([-0.2, 0.2, 0.1], [[0, 0], [0, 1], [1, 0], [1, 1]], [-1, -1, -1, 1])
    array([False, False,  True, False])
    """
    X = as_inputs(X)
    w = _check_weights(w, X.shape[1])
    y = labels_pm1(y, "y", ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"y must have one label per row of X ({X.shape[0]}); got {y.shape[0]}")
    s = w[0] + X @ w[1:]
    return (s * y < 0) | _near_zero(s, w, X)


def _gradient(w, x, y):
    s = w[0] + x @ w[1:]
    if s * y > 0 and not _near_zero(s, w, x):
        return np.zeros(x.shape[0] + 1)
    # 0.0 - ... rather than -(...) so that zero inputs give 0.0, not -0.0.
    return 0.0 - y * np.concatenate(([1.0], x))


def _check_label(y):
    y = check_number(y, "y")
    if y not in (-1.0, 1.0):
        hint = " (0/1 labels: use 2 * y - 1)" if y == 0 else ""
        raise ValueError(f"y must be a perceptron label -1 or +1; got {y:g}{hint}")
    return y


@dataclass(frozen=True)
class Step:
    """One visit of one sample during :func:`sgd`.

    ``epoch`` counts from 1, as in the lecture ("epoch 1, data point 1");
    ``index`` is the row of ``X`` that was visited (0-based, like Python).
    ``x`` is that row without the bias input; ``gradient`` and the weights
    have the bias entry first.
    """

    epoch: int
    index: int
    x: np.ndarray
    y: float
    s: float
    loss: float
    gradient: np.ndarray
    w_before: np.ndarray
    w_after: np.ndarray

    @property
    def updated(self):
        """True when this visit changed the weights (s y < 0, or on the boundary)."""
        return bool(np.any(self.gradient != 0))

    @property
    def on_boundary(self):
        """True when the sample lay on the boundary before the step (s = 0 up to rounding)."""
        return bool(_near_zero(self.s, self.w_before, self.x))


class Steps(list):
    """The list of :class:`Step` records returned by :func:`sgd`, plus how it ended.

    Attributes
    ----------
    converged : bool
        True when sgd stopped early because a whole epoch made no update:
        every visited sample has s y > 0, so further epochs would change nothing.
    epochs_run : int
        How many epochs were run (fewer than asked for when converged).
    """

    def __init__(self, records=(), converged=False, epochs_run=0):
        super().__init__(records)
        self.converged = converged
        self.epochs_run = epochs_run

    def mistakes_per_epoch(self):
        """Number of updates (mistakes, s y <= 0) in each epoch, as an ``(epochs_run,)`` int array."""
        counts = np.zeros(self.epochs_run, dtype=int)
        for step in self:
            counts[step.epoch - 1] += step.updated
        return counts


def _check_order(order, n):
    if isinstance(order, (str, bytes)):
        raise TypeError(f"order must be a sequence of row indices into X; got {order!r}")
    arr = np.asarray(order)
    if arr.ndim != 1 or arr.size == 0:
        raise ValueError(f"order must be a non-empty 1-D sequence of row indices; got shape {arr.shape}")
    if arr.dtype.kind not in "iu":
        raise TypeError(f"order must hold integer row indices; got dtype {arr.dtype}")
    if arr.min() < 0 or arr.max() >= n:
        raise ValueError(f"order must hold row indices from 0 to {n - 1} (X has {n} rows); got {arr.tolist()}")
    return arr.astype(int)


def _decimals(values):
    """The most digits after the decimal point among ``values`` (as Python prints them).

    >>> _decimals([0.25, 3.0, 1e-05])
    5
    """
    digits = 0
    for v in np.unique(np.asarray(values, dtype=float)).tolist():
        digits = max(digits, -Decimal(repr(v)).as_tuple().exponent)
        if digits > SNAP_DIGITS:
            break
    return digits


def sgd(X, y, w, lr, epochs, order=None, rng=None):
    """Train a perceptron with stochastic gradient descent, recording every step.

    The lecture's algorithm: for each epoch, for each sample (x_j, y_j) in turn,
    compute s = sum_i x_i w_i and update ``w <- w - lr * dL/dw`` with the gradient
    of :func:`loss_gradient` (-y x on a mistake, 0 otherwise). A sample with
    s y == 0 (on the boundary, judged up to rounding) counts as a mistake, so
    training can start from all-zero weights. Training stops early when one whole
    epoch makes no update: then every visited sample has s y > 0 and nothing would
    ever change again.

    Exact arithmetic: when ``lr``, ``X`` and ``w`` are written with few decimals
    (at most ``SNAP_DIGITS`` = 12 after the point in all, such as lr = 0.1 on the
    logic gates), every weight after every step is the number nearest to what
    exact arithmetic with those decimals gives, and every update is the one exact
    arithmetic makes. The exact weights then have at most k decimals (k = the most
    decimals of w, or of lr plus those of X), so after each update the weights are
    rounded to k decimals, which removes the rounding error of the update (0.3 - 0.1
    - 0.2 becomes 0, not 2.8e-17); a weighted sum that is 0 exactly is then judged 0
    as well. Rounding is safe, and done, while every weight stays below 10^(14 - k) in
    size (the update's rounding error is then far below half the last decimal). With longer
    decimals (standardised data, random weights) nothing is rounded and the run is
    plain floating point, decided up to ``BOUNDARY_RTOL`` as in :func:`loss_gradient`.

    Parameters
    ----------
    X : (n, m) ndarray
        Inputs, without the bias column.
    y : (n,) ndarray
        Labels in {-1, +1}.
    w : (m + 1,) ndarray
        Starting weights, bias w0 first. Not modified.
    lr : float > 0
        Learning rate eta.
    epochs : int >= 1
        Maximum number of passes.
    order : sequence of int, optional
        Rows of ``X`` to visit in each epoch, in this order (may be a subset, or
        repeat rows). Default: every row, top to bottom.
    rng : numpy Generator or int seed, optional
        When given, the visiting order is shuffled afresh at the start of each
        epoch with it, so a seed reproduces the run.

    Returns
    -------
    w_final : (m + 1,) ndarray
    steps : Steps
        A list with one :class:`Step` per visit, plus ``steps.converged`` and
        ``steps.epochs_run``.

    The lecture's worked example: AND with A = +1, B = -1, visiting (1, 0) then (1, 1).

    >>> X = [[0, 0], [0, 1], [1, 0], [1, 1]]
    >>> w, steps = sgd(X, [-1, -1, -1, 1], [-0.1, 0.2, 0.0], lr=0.1, epochs=1, order=[2, 3])
    >>> [round(step.s, 10) for step in steps]
    [0.1, -0.1]
    >>> steps[0].w_after.round(10), steps[1].w_after.round(10)
    (array([-0.2,  0.1,  0. ]), array([-0.1,  0.2,  0.1]))
    """
    X = as_array(X, "X", ndim=2)
    n, m = X.shape
    y = labels_pm1(y, "y", ndim=1)
    if y.shape[0] != n:
        raise ValueError(f"y must have one label per row of X ({n}); got {y.shape[0]}")
    w = _check_weights(w, m).copy()
    lr = check_positive(lr, "lr")
    epochs = check_int(epochs, "epochs", minimum=1)
    visit = np.arange(n) if order is None else _check_order(order, n)
    shuffle = None if rng is None else as_rng(rng)
    digits = max(_decimals(w), _decimals([lr]) + _decimals(X))
    snap = digits if digits <= SNAP_DIGITS else None
    safe = 10.0 ** (14 - digits)  # weights below this: the update's error is < 0.05 of the last decimal

    steps = Steps()
    for epoch in range(1, epochs + 1):
        if shuffle is not None:
            visit = shuffle.permutation(visit)
        mistakes = 0
        for j in visit:
            s = float(w[0] + X[j] @ w[1:])
            gradient = _gradient(w, X[j], y[j])
            w_after = w - lr * gradient
            if snap is not None and gradient.any() and max(np.abs(w).max(), np.abs(w_after).max()) < safe:
                w_after = np.array([round(v, snap) + 0.0 for v in w_after.tolist()])  # + 0.0: no -0.0
            steps.append(Step(epoch, int(j), X[j].copy(), float(y[j]), s,
                              max(0.0, -y[j] * s), gradient, w, w_after))
            mistakes += steps[-1].updated
            w = w_after
        steps.epochs_run = epoch
        if mistakes == 0:
            steps.converged = True
            break
    return w.copy(), steps
