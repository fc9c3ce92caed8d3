"""The perceptron: a weighted sum with a bias, passed through step or sign.

Weights follow the lecture: ``w = [w0, w1, ..., wm]`` where ``w0`` is the bias and
every input gets an extra ``x0 = 1``, so ``s = sum_i x_i w_i``. Inputs ``X`` never
carry that column themselves; :func:`add_bias` shows the trick explicitly.
"""

import numpy as np

from . import activations
from ._validate import as_array, as_inputs, check_choice

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
    single = np.ndim(X) == 1
    X = as_inputs(X)
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
