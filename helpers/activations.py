"""Activation functions f(s), each with its derivative right beside it.

The lecture's convention holds throughout: ``step(0) == 1`` and ``sign(0) == 1``
(numpy's ``np.sign(0)`` is 0, which is why it is not used here).
"""

import numpy as np

from ._validate import as_array, check_int


def step(s):
    """Step function: 1 where s >= 0, else 0.

    Parameters
    ----------
    s : float or ndarray
        Weighted sum(s).

    Returns
    -------
    float or ndarray of the same shape, values in {0, 1}.

    >>> step([-0.5, 0.0, 2.0])
    array([0., 1., 1.])
    """
    s = as_array(s, "s", finite=False)
    out = np.where(s >= 0, 1.0, 0.0)
    return out if out.ndim else float(out)


def sign(s):
    """Sign function: +1 where s >= 0, else -1 (so ``sign(0) == 1``).

    >>> sign([-0.5, 0.0, 2.0])
    array([-1.,  1.,  1.])
    """
    s = as_array(s, "s", finite=False)
    out = np.where(s >= 0, 1.0, -1.0)
    return out if out.ndim else float(out)


def relu(s):
    """Rectified linear unit: f(s) = max(0, s).

    >>> relu([-2.0, 0.0, 3.0])
    array([0., 0., 3.])
    """
    s = as_array(s, "s", finite=False)
    out = np.maximum(0.0, s)
    return out if out.ndim else float(out)


def relu_grad(s):
    """Derivative of ReLU: 1 where s > 0, else 0.

    At the kink s = 0 ReLU has no derivative; 0 is used there (any value in
    [0, 1] is a valid subgradient, 0 is the common choice).

    >>> relu_grad([-2.0, 0.0, 3.0])
    array([0., 0., 1.])
    """
    s = as_array(s, "s", finite=False)
    out = np.where(s > 0, 1.0, 0.0)
    return out if out.ndim else float(out)


def sigmoid(s):
    """Logistic sigmoid: f(s) = 1 / (1 + e^(-s)), squashes s into (0, 1).

    Computed without overflow for any input: only ``exp(-|s|)`` is ever taken,
    which lies in (0, 1], and the two algebraically equal forms
    ``1 / (1 + e^(-s))`` (for s >= 0) and ``e^s / (1 + e^s)`` (for s < 0) are
    picked by sign. Far in the tails the result rounds to exactly 0.0 or 1.0.

    Parameters
    ----------
    s : float or ndarray

    Returns
    -------
    float or ndarray of the same shape, values in [0, 1].

    >>> sigmoid([0.0, 2.0])
    array([0.5       , 0.88079708])
    >>> sigmoid(-1000.0), sigmoid(1000.0)
    (0.0, 1.0)
    """
    s = as_array(s, "s", finite=False)
    e = np.exp(-np.abs(s))
    out = np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    return out if out.ndim else float(out)


def _sigmoid(s, out=None):
    """The sigmoid of a float array, unchecked, written into ``out`` if given (may be ``s``).

    For :mod:`helpers.mlp`'s training loop: the same numbers as :func:`sigmoid`, with
    two new arrays instead of six (fresh memory is a large part of the cost).
    """
    positive = s >= 0
    e = np.abs(s, out=np.empty_like(s))
    np.negative(e, out=e)
    np.exp(e, out=e)  # e = exp(-|s|), in (0, 1]
    out = np.add(e, 1.0, out=np.empty_like(s) if out is None else out)  # the denominator 1 + e
    np.copyto(e, 1.0, where=positive)  # the numerator: 1 for s >= 0, e for s < 0
    return np.divide(e, out, out=out)


def sigmoid_grad(s):
    """Derivative of the sigmoid: f'(s) = f(s) (1 - f(s)), largest (0.25) at s = 0.

    >>> sigmoid_grad([0.0])
    array([0.25])
    """
    z = sigmoid(s)
    return z * (1.0 - z)


def tanh(s):
    """Hyperbolic tangent: f(s) = 2 / (1 + e^(-2s)) - 1, squashes s into (-1, 1).

    It is a stretched and shifted sigmoid: tanh(s) = 2 sigmoid(2s) - 1.

    >>> tanh([0.0, 1.0])
    array([0.        , 0.76159416])
    """
    s = as_array(s, "s", finite=False)
    out = np.tanh(s)
    return out if out.ndim else float(out)


def tanh_grad(s):
    """Derivative of tanh: f'(s) = 1 - tanh(s)^2, largest (1) at s = 0.

    >>> tanh_grad([0.0])
    array([1.])
    """
    t = tanh(s)
    return 1.0 - t * t


def linear(s):
    """Identity f(s) = s: what a layer computes with no activation at all.

    >>> linear([-1.0, 2.0])
    array([-1.,  2.])
    """
    s = as_array(s, "s", finite=False)
    out = s.copy()
    return out if out.ndim else float(out)


def linear_grad(s):
    """Derivative of the identity: 1 everywhere."""
    s = as_array(s, "s", finite=False)
    out = np.ones_like(s)
    return out if out.ndim else float(out)


def step_grad(s):
    """Derivative of step (and of sign, up to a factor 2): 0 wherever it exists.

    The jump at s = 0 has no derivative; 0 is returned there too. A zero
    derivative everywhere is why gradient descent cannot train through step.

    >>> step_grad([-1.0, 0.0, 1.0])
    array([0., 0., 0.])
    """
    s = as_array(s, "s", finite=False)
    out = np.zeros_like(s)
    return out if out.ndim else float(out)


def softmax(s, axis=-1):
    """Softmax: turn scores s_1..s_C into probabilities e^(s_i) / sum_j e^(s_j).

    Computed as ``exp(s - max(s))``: subtracting the largest score changes
    nothing mathematically (softmax is shift-invariant) but keeps every
    exponent <= 0, so nothing overflows and the largest entry's term is exactly 1.

    Parameters
    ----------
    s : (..., C, ...) ndarray of finite numbers
        Scores (logits); ``axis`` runs over the C classes.
    axis : int
        The class axis, the last one by default.

    Returns
    -------
    ndarray of the same shape: entries in [0, 1] that sum to 1 along ``axis``.

    >>> softmax([1.0, 2.0, 3.0])
    array([0.09003057, 0.24472847, 0.66524096])
    >>> softmax([1000.0, 0.0])
    array([1., 0.])
    """
    s = as_array(s, "s")
    if s.ndim == 0:
        raise ValueError("s must hold at least one score per class (a 1-D or larger array); got a single number")
    axis = check_int(axis, "axis", minimum=-s.ndim, maximum=s.ndim - 1, what=f"an axis of s, shape {s.shape}")
    return _softmax(s, axis)


def _softmax(s, axis=-1):
    """Softmax of a float array along ``axis``, unchecked (for :mod:`helpers.mlp`)."""
    # For scores more than ~1e308 apart the shift overflows to -inf; exp(-inf) = 0
    # is then exactly the right answer, so the overflow warning is noise.
    with np.errstate(over="ignore"):
        shifted = s - np.max(s, axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=axis, keepdims=True)


class Activation:
    """An activation function together with its derivative.

    Attributes
    ----------
    name : str
    fn : callable, f(s)
    grad : callable, f'(s)
    formula : str
        The formula in matplotlib mathtext, for titles and legends.
    output_range : (float, float)
        The interval the outputs fall in.
    """

    def __init__(self, name, fn, grad, formula, output_range):
        self.name = name
        self.fn = fn
        self.grad = grad
        self.formula = formula
        self.output_range = output_range

    def __call__(self, s):
        return self.fn(s)

    def __repr__(self):
        return f"Activation({self.name!r})"


ACTIVATIONS = {
    a.name: a
    for a in (
        Activation("relu", relu, relu_grad, r"$f(s) = \max(0, s)$", (0.0, np.inf)),
        Activation("sigmoid", sigmoid, sigmoid_grad, r"$f(s) = \dfrac{1}{1 + e^{-s}}$", (0.0, 1.0)),
        Activation("tanh", tanh, tanh_grad, r"$f(s) = \dfrac{2}{1 + e^{-2s}} - 1$", (-1.0, 1.0)),
        Activation("linear", linear, linear_grad, r"$f(s) = s$", (-np.inf, np.inf)),
        Activation("step", step, step_grad, r"$f(s) = 1$ if $s \geq 0$ else $0$", (0.0, 1.0)),
        Activation("sign", sign, step_grad, r"$f(s) = 1$ if $s \geq 0$ else $-1$", (-1.0, 1.0)),
    )
}
"""Element-wise activations by name: ``ACTIVATIONS["sigmoid"].grad(0.0) == 0.25``.

Softmax is not listed: it maps a whole vector of scores to probabilities, so it has
no element-wise derivative.
"""
