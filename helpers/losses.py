"""Loss functions L and their gradients.

Each loss sits next to its gradient. Losses are per sample (an array with one
entry per sample, or a float for one sample); take ``.mean()`` for a batch.

Labels follow the lecture: the perceptron loss uses y in {-1, +1}, binary
cross-entropy uses y in {0, 1} (values in between are accepted as soft labels),
cross-entropy uses integer class ids 0..C-1. The squared error, for fitting a line
in notebook 03, takes any numbers.
"""

import numpy as np

from ._validate import as_array, class_ids, labels_01, labels_pm1
from .activations import sigmoid, softmax

EPS = 1e-12
"""Probabilities are kept at least this far from 0 inside a log, so the loss of a
confident wrong answer is large (-log(1e-12) ~ 27.6) but finite."""


def _out(a):
    return a if a.ndim else float(a)


def _same_shape(y, shape, other):
    if y.shape != shape and y.ndim != 0:
        raise ValueError(f"y must have the same shape as {other} {shape}; got {y.shape}")
    return y


def _labels_pm1(y, shape):
    return _same_shape(labels_pm1(y, "y"), shape, "s")


def _labels_01(y, shape, other="z"):
    return _same_shape(labels_01(y, "y", soft=True), shape, other)


def _probabilities(z):
    z = as_array(z, "z")
    if np.any((z < 0) | (z > 1)):
        raise ValueError("z must hold probabilities between 0 and 1; for raw scores s use the *_with_logits form")
    return z


def perceptron_loss(s, y):
    """Perceptron loss L(s, y) = max(0, -y s), per sample.

    Zero when the sample is on the right side (y s > 0), and grows linearly with
    how far a misclassified sample sits on the wrong side.

    Parameters
    ----------
    s : float or (n,) ndarray
        Weighted sums.
    y : float or (n,) ndarray
        Labels in {-1, +1}.

    >>> perceptron_loss([0.1, -0.1, 2.0], [-1, 1, 1])
    array([0.1, 0.1, 0. ])
    """
    s = as_array(s, "s")
    y = _labels_pm1(y, s.shape)
    out = np.maximum(0.0, -y * s)
    return _out(out)


def perceptron_loss_grad(s, y):
    """Derivative dL/ds of the perceptron loss: -y where s y <= 0, else 0.

    Away from the kink this is the plain derivative of max(0, -y s): -y on the
    wrong side (s y < 0), 0 on the right side (s y > 0). At s = 0 there is no single
    derivative; this returns -y there, the same rule as perceptron training
    (:func:`helpers.perceptron.loss_gradient`): a sample on the boundary counts as a
    mistake, which lets training start from all-zero weights. Any value between -y
    and 0 is a valid subgradient there. By the chain rule dL/dw_i = dL/ds * x_i,
    the lecture's -y x_i.

    >>> perceptron_loss_grad([0.1, -0.1, 2.0, 0.0], [-1, 1, 1, 1])
    array([ 1., -1.,  0., -1.])
    """
    s = as_array(s, "s")
    y = _labels_pm1(y, s.shape)
    return _out(np.where(s * y <= 0, -y, 0.0))


def squared_error(z, y):
    """Squared error L = (z - y)^2 per sample, for fitting numbers (regression).

    Parameters
    ----------
    z : float or (n,) ndarray
        Predictions.
    y : float or (n,) ndarray
        Targets, any finite numbers.

    >>> squared_error([1.0, 2.5], [1.0, 2.0])
    array([0.  , 0.25])
    """
    z = as_array(z, "z")
    y = _same_shape(as_array(y, "y"), z.shape, "z")
    return _out((z - y) ** 2)


def squared_error_grad(z, y):
    """Derivative dL/dz = 2 (z - y) of the squared error.

    >>> squared_error_grad([1.0, 2.5], [1.0, 2.0])
    array([0., 1.])
    """
    z = as_array(z, "z")
    y = _same_shape(as_array(y, "y"), z.shape, "z")
    return _out(2.0 * (z - y))


def binary_cross_entropy(z, y):
    """Binary cross-entropy L = -[y log z + (1 - y) log(1 - z)], per sample.

    ``z`` is the predicted probability of the positive class (a sigmoid output).
    Inside the logs z and 1 - z are kept >= ``EPS``, so the loss stays finite even
    when z is exactly 0 or 1; a right answer given with full confidence costs
    exactly 0. For raw scores use :func:`binary_cross_entropy_with_logits`,
    which needs no such guard.

    Parameters
    ----------
    z : float or (n,) ndarray
        Probabilities in [0, 1].
    y : float or (n,) ndarray
        Labels in {0, 1}.

    >>> binary_cross_entropy([0.9, 0.9, 1.0], [1, 0, 1])
    array([0.10536052, 2.30258509, 0.        ])
    """
    z = _probabilities(z)
    y = _labels_01(y, z.shape)
    out = -(y * np.log(np.maximum(z, EPS)) + (1.0 - y) * np.log(np.maximum(1.0 - z, EPS)))
    return _out(out + 0.0)  # + 0.0 turns the -0.0 of a perfect answer into 0.0


def binary_cross_entropy_grad(z, y):
    """Derivative dL/dz = -y / z + (1 - y) / (1 - z) of binary cross-entropy.

    The same ``EPS`` guard as the loss keeps it finite at z = 0 and z = 1.

    >>> binary_cross_entropy_grad([0.5, 0.5], [1, 0])
    array([-2.,  2.])
    """
    z = _probabilities(z)
    y = _labels_01(y, z.shape)
    return _out(-y / np.maximum(z, EPS) + (1.0 - y) / np.maximum(1.0 - z, EPS))


def binary_cross_entropy_with_logits(s, y):
    """Binary cross-entropy of z = sigmoid(s), computed from the score s directly.

    Substituting z = sigmoid(s) gives L = log(1 + e^s) - y s. The first term is a
    log-sum-exp, log(e^0 + e^s), evaluated the stable way as
    max(s, 0) + log(1 + e^(-|s|)): the exponent is never positive, so nothing
    overflows, and no clipping is needed. It equals
    ``binary_cross_entropy(sigmoid(s), y)`` wherever that one is not clipped.

    Parameters
    ----------
    s : float or (n,) ndarray
        Scores (logits), any finite numbers.
    y : float or (n,) ndarray
        Labels in {0, 1}.

    >>> binary_cross_entropy_with_logits([0.0, 1000.0, 1000.0], [1, 1, 0])
    array([6.93147181e-01, 0.00000000e+00, 1.00000000e+03])
    """
    s = as_array(s, "s")
    return _out(_bce_logits(s, _labels_01(y, s.shape, other="s")))


def _bce_logits(s, y):
    """The loss above for float arrays, unchecked (for :mod:`helpers.mlp`'s training loop)."""
    return np.maximum(s, 0.0) - y * s + np.log1p(np.exp(-np.abs(s)))


def binary_cross_entropy_with_logits_grad(s, y):
    """Derivative dL/ds = sigmoid(s) - y, the lecture's z - y.

    >>> binary_cross_entropy_with_logits_grad([0.0, 0.0], [1, 0])
    array([-0.5,  0.5])
    """
    s = as_array(s, "s")
    y = _labels_01(y, s.shape, other="s")
    return _out(sigmoid(s) - y)


def _class_ids(y, n_samples, n_classes, single):
    want = () if single else (n_samples,)
    y = class_ids(y, n_classes, "y")
    if y.shape != want:
        raise ValueError(f"y must have shape {want} (one class id per row of scores); got {y.shape}")
    return y.reshape(-1)


def _class_scores(values, name):
    values = as_array(values, name, ndim=(1, 2))
    single = values.ndim == 1
    return values.reshape(1, -1) if single else values, single


def cross_entropy(p, y):
    """Cross-entropy L = -log p_y of softmax probabilities, per sample.

    Only the probability given to the true class counts. It is kept >= ``EPS``
    inside the log, so a zero probability costs about 27.6, not infinity.

    Parameters
    ----------
    p : (C,) or (n, C) ndarray
        Probabilities, each row summing to 1 (a softmax output).
    y : int or (n,) int ndarray
        True class ids, 0..C-1.

    Returns
    -------
    float for one sample, (n,) ndarray for n samples.

    >>> cross_entropy([0.2, 0.7, 0.1], 1)
    0.35667494393873245
    >>> cross_entropy([[0.5, 0.5], [0.0, 1.0]], [0, 1])
    array([0.69314718, 0.        ])
    """
    p, single = _class_scores(p, "p")
    if np.any((p < 0) | (p > 1)) or not np.allclose(p.sum(axis=1), 1.0, atol=1e-6):
        raise ValueError("p must hold probabilities in [0, 1] with each row summing to 1; for raw scores use softmax first, or cross_entropy_with_logits")
    y = _class_ids(y, p.shape[0], p.shape[1], single)
    out = -np.log(np.maximum(p[np.arange(p.shape[0]), y], EPS))
    return float(out[0]) if single else out + 0.0


def cross_entropy_grad(p, y):
    """Derivative dL/dp of cross-entropy: -1 / p_y for the true class, 0 for the others.

    >>> cross_entropy_grad([0.2, 0.5, 0.3], 1)
    array([ 0., -2.,  0.])
    """
    p_arr, single = _class_scores(p, "p")
    cross_entropy(p, y)  # the same checks as the loss
    y = _class_ids(y, p_arr.shape[0], p_arr.shape[1], single)
    grad = np.zeros_like(p_arr)
    rows = np.arange(p_arr.shape[0])
    grad[rows, y] = -1.0 / np.maximum(p_arr[rows, y], EPS)
    return grad[0] if single else grad


def cross_entropy_with_logits(s, y):
    """Cross-entropy of softmax(s), computed from the scores s directly.

    L = -s_y + log(sum_j e^(s_j)), with the log-sum-exp shifted by max(s) so no
    exponent is positive.

    >>> cross_entropy_with_logits([1000.0, 0.0], 1)
    1000.0
    """
    s, single = _class_scores(s, "s")
    out = _ce_logits(s, _class_ids(y, s.shape[0], s.shape[1], single))
    return float(out[0]) if single else out


def _ce_logits(s, y):
    """The loss above for an (n, C) float array and n int class ids, unchecked."""
    with np.errstate(over="ignore"):  # a gap beyond 1e308 gives exp(-inf) = 0, correctly
        shifted = s - np.max(s, axis=1, keepdims=True)
    # -s_y + log sum_j e^(s_j) is unchanged when every s_j is shifted by the same amount.
    return -shifted[np.arange(s.shape[0]), y] + np.log(np.sum(np.exp(shifted), axis=1))


def cross_entropy_with_logits_grad(s, y):
    """Derivative dL/ds = softmax(s) - onehot(y): predicted minus true probabilities.

    >>> cross_entropy_with_logits_grad([0.0, 0.0], 0)
    array([-0.5,  0.5])
    """
    s_arr, single = _class_scores(s, "s")
    y = _class_ids(y, s_arr.shape[0], s_arr.shape[1], single)
    grad = softmax(s_arr, axis=1)
    grad[np.arange(s_arr.shape[0]), y] -= 1.0
    return grad[0] if single else grad
