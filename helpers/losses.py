"""Loss functions L and their gradients."""

import numpy as np

from ._validate import as_array


def _labels_pm1(y, shape):
    y = as_array(y, "y")
    if y.shape != shape and y.ndim != 0:
        raise ValueError(f"y must have the same shape as s {shape}; got {y.shape}")
    if not np.all(np.isin(y, (-1.0, 1.0))):
        raise ValueError("y must hold perceptron labels -1 or +1")
    return y


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
    return out if out.ndim else float(out)
