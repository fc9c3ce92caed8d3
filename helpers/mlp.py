"""A multi-layer perceptron trained with backpropagation, in the lecture's letters.

For one hidden layer the lecture writes the forward pass as a composition

    x -> r -> u -> s -> z
    r_j = sum_i x_i v_ij      (x_0 = 1, so row 0 of v holds the hidden biases)
    u_j = g(r_j)              (hidden activation g: sigmoid, tanh or relu)
    s_k = sum_j u_j w_jk      (u_0 = 1, so row 0 of w holds the output biases)
    z_k = h(s_k)              (output h: sigmoid for two classes, softmax for more)

and the backward pass as the chain rule, applied from the loss back to the inputs:

    dL/ds    = z - y                      (sigmoid + BCE, and softmax + cross-entropy)
    dL/dw_jk = dL/ds_k * u_j
    dL/du_j  = sum_k dL/ds_k * w_jk
    dL/dr_j  = dL/du_j * g'(r_j)          (= dL/du_j * u_j (1 - u_j) for sigmoid)
    dL/dv_ij = dL/dr_j * x_i

Here both are vectorised over a batch of n examples (one row each), and the loss
is the mean over the batch. More hidden layers repeat the r -> u step.
"""

import numpy as np

from . import activations, losses, optim
from ._validate import as_inputs, as_rng, check_callable, check_choice, check_int, check_positive, class_ids, labels_01

__all__ = ["MLP", "TrainingDiverged", "gradient_check", "worked_example", "backprop_trace", "HIDDEN", "OUTPUTS"]

HIDDEN = ("sigmoid", "tanh", "relu")
OUTPUTS = ("sigmoid", "softmax")

# The hidden activations g, unchecked and in place (u = g(r) overwrites r): training feeds
# them arrays it made itself, and checks or fresh arrays on every call would cost about a
# third of an epoch (benchmarks/mlp_speed.py). The same numbers as helpers.activations.
ACTIVATION_KERNELS = {
    "sigmoid": lambda r: activations._sigmoid(r, out=r),
    "tanh": lambda r: np.tanh(r, out=r),
    "relu": lambda r: np.maximum(0.0, r, out=r),
}


def _sigmoid_slope(u):
    slope = 1.0 - u
    slope *= u
    return slope


def _tanh_slope(u):
    slope = u * u
    return np.subtract(1.0, slope, out=slope)


# g'(r) written with the layer's output u = g(r), as the lecture writes du/dr = u (1 - u).
# helpers.activations gives g'(r) from r, which would compute g(r) a second time; the
# backward pass already holds u from the forward pass, and reusing it makes an epoch
# about a third faster. (tests/test_mlp.py checks these against activations.*_grad.)
DERIVATIVE_FROM_OUTPUT = {
    "sigmoid": _sigmoid_slope,  # u (1 - u)
    "tanh": _tanh_slope,  # 1 - u^2
    "relu": lambda u: (u > 0).astype(u.dtype),
}


class TrainingDiverged(RuntimeError):
    """Training blew up: ``epoch`` says when, ``loss`` what the loss had become."""

    def __init__(self, epoch, lr, loss):
        self.epoch, self.lr, self.loss = epoch, lr, loss
        super().__init__(
            f"training diverged at epoch {epoch}: the loss reached {loss:.4g} "
            f"(learning rate {lr:g} is too large for this network; try a smaller one)"
        )


# Training has diverged when the mean loss becomes NaN or infinite, or grows to fifty
# times where this call of fit started (or fifty times log K, the cost of guessing every
# class with equal probability, if it started lower): only weights that have blown up do
# that. Relative to the start, so that data with a large loss at the start (unscaled
# inputs) is not called diverged while its loss falls.
DIVERGENCE_FACTOR = 50.0


class MLP:
    """A multi-layer perceptron with biases as the lecture writes them (x0 = 1, u0 = 1).

    Parameters
    ----------
    layer_sizes : sequence of int
        ``[m, p]`` plus more hidden sizes, then the number of outputs, e.g.
        ``[2, 3, 1]``: 2 inputs, 3 hidden units, 1 output. At least one hidden layer.
    hidden : {"sigmoid", "tanh", "relu"}
        Activation g of every hidden layer.
    output : {"sigmoid", "softmax"}
        "sigmoid" needs one output unit (labels y in {0, 1}, binary cross-entropy);
        "softmax" needs at least two (integer class ids, cross-entropy).
    seed : int
        Seeds the initial weights and, when ``fit`` gets no ``rng``, the shuffling.

    Attributes
    ----------
    params : list of ndarray
        One weight matrix per layer, shape ``(inputs + 1, outputs)``; row 0 holds
        the bias weights (they multiply the constant input 1).
    v, w : ndarray
        ``params[0]`` (input -> first hidden layer) and ``params[-1]`` (last hidden
        -> output), the lecture's names.
    epoch : int
        How many epochs ``fit`` has run so far.

    >>> model = MLP([2, 3, 1], seed=0)
    >>> model.v.shape, model.w.shape
    ((3, 3), (4, 1))
    >>> model.forward([[0.0, 1.0]]).shape
    (1,)
    """

    def __init__(self, layer_sizes, hidden="sigmoid", output="sigmoid", seed=0):
        example = "a list of layer sizes: inputs, at least one hidden layer, outputs, e.g. [2, 3, 1]"
        if isinstance(layer_sizes, (str, bytes, dict)) or not np.iterable(layer_sizes):
            raise TypeError(f"layer_sizes must be {example}; got {layer_sizes!r}")
        sizes = list(np.asarray(layer_sizes, dtype=object).reshape(-1)) if np.ndim(layer_sizes) else []
        if len(sizes) < 3:
            raise ValueError(f"layer_sizes must be {example}; got {list(layer_sizes)!r}")
        self.layer_sizes = [check_int(n, f"layer_sizes[{i}]", minimum=1) for i, n in enumerate(sizes)]
        self.hidden = check_choice(hidden, "hidden", HIDDEN)
        self.output = check_choice(output, "output", OUTPUTS)
        if output == "sigmoid" and self.layer_sizes[-1] != 1:
            raise ValueError(f"output='sigmoid' needs 1 output unit; layer_sizes ends with {self.layer_sizes[-1]}")
        if output == "softmax" and self.layer_sizes[-1] < 2:
            raise ValueError("output='softmax' needs at least 2 output units (one per class)")
        self.seed = check_int(seed, "seed")
        self._g = ACTIVATION_KERNELS[hidden]
        self._g_grad = DERIVATIVE_FROM_OUTPUT[hidden]
        self.reset()

    def reset(self):
        """Draw fresh initial weights from ``seed`` and set ``epoch`` back to 0."""
        rng = np.random.default_rng(self.seed)
        self.params = []
        for n_in, n_out in zip(self.layer_sizes[:-1], self.layer_sizes[1:]):
            # Glorot for sigmoid/tanh, He for relu: keeps r of order 1 in every layer.
            scale = np.sqrt(2.0 / n_in) if self.hidden == "relu" else np.sqrt(2.0 / (n_in + n_out))
            weights = np.zeros((n_in + 1, n_out))
            weights[1:] = rng.normal(0.0, scale, size=(n_in, n_out))
            if self.hidden == "relu":
                # a small positive bias: no unit starts dead, and no r sits exactly on relu's kink
                weights[0] = 0.1
            self.params.append(weights)
        self._shuffle_rng = np.random.default_rng(self.seed)
        self.epoch = 0

    @property
    def v(self):
        return self.params[0]

    @property
    def w(self):
        return self.params[-1]

    def __repr__(self):
        return f"MLP({self.layer_sizes}, hidden={self.hidden!r}, output={self.output!r}, seed={self.seed})"

    # -- forward -------------------------------------------------------------------------

    def _forward(self, X):
        """Return the outputs u of every layer (``us[0]`` is X), the scores s and the output z."""
        us = [X]
        for v in self.params[:-1]:
            r = us[-1] @ v[1:]
            r += v[0]  # v[0] are the bias weights, times x0 = 1
            us.append(self._g(r))
        w = self.params[-1]
        s = us[-1] @ w[1:] + w[0]  # w[0] times u0 = 1
        z = activations._sigmoid(s) if self.output == "sigmoid" else activations._softmax(s, axis=1)
        return us, s, z

    def forward(self, X):
        """The network's output z for inputs X.

        Parameters
        ----------
        X : (n, m) or (m,) array

        Returns
        -------
        (n,) ndarray of P(y = 1) for a sigmoid output; (n, K) ndarray of class
        probabilities (rows sum to 1) for a softmax output.
        """
        X = self._check_X(X)
        z = self._forward(X)[2]
        return z[:, 0] if self.output == "sigmoid" else z

    predict_proba = forward

    def hidden_outputs(self, X):
        """The outputs u of every hidden layer: a list of (n, units) arrays, first layer first."""
        return self._forward(self._check_X(X))[0][1:]

    def predict(self, X):
        """Predicted class: 1 where z >= 0.5 (sigmoid), else the most probable class."""
        z = self.forward(X)
        return (z >= 0.5).astype(int) if self.output == "sigmoid" else z.argmax(axis=1)

    # -- loss -------------------------------------------------------------------------

    def _targets(self, y):
        """Labels as an (n, K) array of targets y_k (one-hot for softmax)."""
        if self.output == "sigmoid":
            return y[:, None]
        onehot = np.zeros((y.size, self.layer_sizes[-1]))
        onehot[np.arange(y.size), y.astype(int)] = 1.0
        return onehot

    def _mean_loss(self, s, y):
        # From the scores s rather than from z, so that z = 0 or 1 exactly never gives log(0).
        if self.output == "sigmoid":
            return float(losses._bce_logits(s[:, 0], y).sum() / y.shape[0])
        return float(losses._ce_logits(s, y.astype(int)).sum() / y.shape[0])

    def loss(self, X, y):
        """Mean loss over the batch: binary cross-entropy or cross-entropy."""
        X, y = self._check_Xy(X, y)
        s = self._forward(X)[1]
        return self._mean_loss(s, y)

    def accuracy(self, X, y):
        """Fraction of examples whose predicted class equals y."""
        X, y = self._check_Xy(X, y)
        return float(np.mean(self.predict(X) == y))

    # -- backward ------------------------------------------------------------------------

    def _backward(self, us, z, Y):
        """The lecture's backprop equations; returns dL/d(params) for the mean loss."""
        n = Y.shape[0]
        dL_ds = (z - Y) / n  # (n, K); dividing by n because the loss is a mean
        grads = [None] * len(self.params)
        for layer in range(len(self.params) - 1, -1, -1):
            w, u = self.params[layer], us[layer]
            grad = np.empty_like(w)
            grad[0] = dL_ds.sum(axis=0)  # dL/dw_0k = dL/ds_k * u_0, and u_0 = 1
            grad[1:] = u.T @ dL_ds  # dL/dw_jk = dL/ds_k * u_j, summed over the batch
            grads[layer] = grad
            if layer > 0:
                dL_du = dL_ds @ w[1:].T  # dL/du_j = sum_k dL/ds_k w_jk (u_0 has no input)
                dL_ds = dL_du * self._g_grad(u)  # dL/dr_j = dL/du_j * g'(r_j), e.g. u_j (1 - u_j)
        return grads

    def _step(self, us, z, Y, lr):
        """One gradient-descent step, params <- params - lr * dL/dparams, in place."""
        for weights, grad in zip(self.params, self._backward(us, z, Y)):
            weights -= lr * grad

    def backward(self, X, y):
        """Gradients of the mean loss with respect to every weight matrix.

        Returns
        -------
        list of ndarray, shaped like ``params``: ``grads[0]`` is dL/dv, ``grads[-1]`` is dL/dw.
        """
        X, y = self._check_Xy(X, y)
        us, _, z = self._forward(X)
        return self._backward(us, z, self._targets(y))

    # -- training ---------------------------------------------------------------------------

    def fit(self, X, y, lr, epochs, batch_size=None, rng=None, callback=None):
        """Train by (minibatch) stochastic gradient descent; continues from the current weights.

        Each epoch shuffles the examples, cuts them into batches of ``batch_size``
        (``None``: one batch holding all of them) and, per batch, takes one step
        ``params <- params - lr * dL/dparams``.

        Parameters
        ----------
        X : (n, m) array
        y : (n,) array of labels ({0, 1} for sigmoid, class ids for softmax)
        lr : float > 0
        epochs : int >= 0
        batch_size : int >= 1 or None
        rng : numpy Generator or int, optional
            Shuffles the examples; by default a generator seeded with ``seed``.
        callback : callable, optional
            ``callback(model, history)`` after every epoch; returning ``False`` stops.

        Returns
        -------
        history : dict with lists "epoch", "loss", "accuracy" (on X, y after each epoch)

        Raises
        ------
        TrainingDiverged
            When the loss becomes NaN, infinite, or more than ``DIVERGENCE_FACTOR``
            (50) times where this call started, or than 50 times the loss of guessing
            uniformly if it started lower (the learning rate is too large). A falling
            loss never counts as diverged.
        """
        X, y = self._check_Xy(X, y)
        lr = check_positive(lr, "lr")
        epochs = check_int(epochs, "epochs")
        n = X.shape[0]
        batch = n if batch_size is None else min(check_int(batch_size, "batch_size", minimum=1), n)
        rng = self._shuffle_rng if rng is None else as_rng(rng)
        if callback is not None:
            check_callable(callback, "callback", "a function of (model, history)")
        Y = self._targets(y)
        history = {"epoch": [], "loss": [], "accuracy": []}
        # Training checks its own numbers: a blown-up weight shows as a NaN or huge loss below.
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            us, s, z = self._forward(X)
            limit = DIVERGENCE_FACTOR * max(self._mean_loss(s, y), np.log(max(Y.shape[1], 2)))
            for _ in range(epochs):
                if batch == n:  # full batch: the forward pass made for the history serves the step
                    self._step(us, z, Y, lr)
                else:
                    for rows in optim.minibatches(n, batch, rng):
                        us_b, _, z_b = self._forward(X[rows])
                        self._step(us_b, z_b, Y[rows], lr)
                self.epoch += 1
                us, s, z = self._forward(X)
                loss = self._mean_loss(s, y)
                if not loss <= limit:  # also catches NaN, and a NaN limit
                    raise TrainingDiverged(self.epoch, lr, loss)
                predicted = (z[:, 0] >= 0.5) if self.output == "sigmoid" else z.argmax(axis=1)
                history["epoch"].append(self.epoch)
                history["loss"].append(loss)
                history["accuracy"].append(np.count_nonzero(predicted == y) / n)
                if callback is not None and callback(self, history) is False:
                    break
        return history

    # -- validation ----------------------------------------------------------------------------

    def _check_X(self, X):
        X = as_inputs(X, "X")
        m = self.layer_sizes[0]
        if X.shape[1] != m:
            raise ValueError(f"X must have {m} columns (one per input); got shape {X.shape}")
        return X

    def _check_Xy(self, X, y):
        X = self._check_X(X)
        if self.output == "sigmoid":
            y = labels_01(y, "y", ndim=(0, 1)).reshape(-1)
        else:
            y = class_ids(y, self.layer_sizes[-1], "y", ndim=(0, 1)).reshape(-1)
        if y.shape[0] != X.shape[0]:
            raise ValueError(f"y must have one label per row of X ({X.shape[0]}); got {y.shape[0]}")
        return X, y


def worked_example():
    """The small network the notebook works through by hand: 2 inputs, 2 hidden units, 1 output.

    Returns
    -------
    model : MLP([2, 2, 1]) with v = [[0.1, -0.2], [0.5, 0.3], [-0.4, 0.8]] (row 0: biases v_0j)
        and w = [[0.2], [0.6], [-0.7]] (row 0: the bias w_0)
    x : (1, 2) ndarray, the example (x1, x2) = (1, 0)
    y : (1,) ndarray, its label 1

    >>> model, x, y = worked_example()
    >>> round(float(model.forward(x)[0]), 4)
    0.5548
    """
    model = MLP([2, 2, 1], hidden="sigmoid", output="sigmoid")
    model.params[0][:] = [[0.1, -0.2], [0.5, 0.3], [-0.4, 0.8]]
    model.params[1][:] = [[0.2], [0.6], [-0.7]]
    return model, np.array([[1.0, 0.0]]), np.array([1.0])


def backprop_trace(model, x, y):
    """Every number of one example's forward and backward pass, in the lecture's letters.

    For a network with one hidden layer and a sigmoid output trained with binary
    cross-entropy, on one example ``x`` with label ``y``, the forward pass

        r_j = sum_i x_i v_ij,  u_j = g(r_j),  s = sum_j u_j w_j,  z = sigmoid(s),
        L = -[y log z + (1 - y) log(1 - z)]

    and the backward pass, one factor at a time:

        dL/dz = -y/z + (1 - y)/(1 - z),   dL/ds = dL/dz * z (1 - z)   (= z - y),
        dL/dw_j = dL/ds * u_j,   dL/du_j = dL/ds * w_j,   dL/dr_j = dL/du_j * g'(r_j),
        dL/dv_ij = dL/dr_j * x_i.

    Parameters
    ----------
    model : MLP with one hidden layer and output="sigmoid"
    x : (m,) or (1, m) array, one example
    y : 0 or 1

    Returns
    -------
    dict with "x" (m + 1,) (x_0 = 1 first), "r", "u" (p,), "u_with_1" (p + 1,), "s", "z", "L",
    "dL/dz", "dL/ds", "dL/dw" (p + 1,), "dL/du", "dL/dr" (p,), "dL/dv" (m + 1, p): the same
    numbers as ``model.backward`` for the weights, and the ones it never keeps.

    >>> trace = backprop_trace(*worked_example())
    >>> round(trace["z"], 4), round(trace["dL/ds"], 4), trace["dL/dv"].shape
    (0.5548, -0.4452, (3, 2))
    """
    if not isinstance(model, MLP):
        raise TypeError(f"model must be an MLP; got {type(model).__name__}")
    if len(model.layer_sizes) != 3 or model.output != "sigmoid":
        raise ValueError(f"model must have one hidden layer and a sigmoid output; got {model!r}")
    m = model.layer_sizes[0]
    X = as_inputs(x, "x")
    if X.shape != (1, m):
        raise ValueError(f"x must be one example: {m} inputs, shape ({m},) or (1, {m}); got shape {np.shape(x)}")
    Y = labels_01(y, "y", ndim=(0, 1)).reshape(-1)
    if Y.shape != (1,):
        raise ValueError(f"y must be the one example's label, 0 or 1; got {Y.size} labels")
    v, w = model.params[0], model.params[1][:, 0]
    x1 = np.r_[1.0, X[0]]
    label = float(Y[0])
    r = x1 @ v
    u = activations.ACTIVATIONS[model.hidden].fn(r)
    u1 = np.r_[1.0, u]
    s = float(u1 @ w)
    z = float(activations.sigmoid(s))
    loss = float(losses.binary_cross_entropy_with_logits(s, label))
    dL_dz = -label / z + (1 - label) / (1 - z)
    dL_ds = dL_dz * z * (1 - z)
    dL_du = dL_ds * w[1:]
    dL_dr = dL_du * activations.ACTIVATIONS[model.hidden].grad(r)
    return {"x": x1, "y": label, "v": v.copy(), "w": w.copy(), "r": r, "u": u, "u_with_1": u1, "s": s, "z": z,
            "L": loss, "dL/dz": float(dL_dz), "dL/ds": float(dL_ds), "dL/dw": dL_ds * u1, "dL/du": dL_du,
            "dL/dr": dL_dr, "dL/dv": np.outer(x1, dL_dr) + 0.0}  # + 0.0: no -0.0 where x_i = 0


def _numerical_gradient(model, X, y, weights, h):
    """dL/d(weights) by central differences of ``model.loss``, one entry of ``weights`` (one of
    ``model.params``, nudged in place and put back) at a time."""
    numeric = np.empty_like(weights)
    for index in np.ndindex(weights.shape):
        original = weights[index]
        weights[index] = original + h
        up = model.loss(X, y)
        weights[index] = original - h
        down = model.loss(X, y)
        weights[index] = original
        numeric[index] = (up - down) / (2 * h)
    return numeric


def gradient_check(model, X, y, h=1e-5):
    """Largest relative error between ``model.backward`` and finite differences.

    Each weight is nudged by +h and -h and the slope of the loss estimated as
    ``(L(+h) - L(-h)) / (2h)``. For each weight matrix the backprop gradient ``a``
    and the estimate ``n`` are compared as ``||a - n|| / (||a|| + ||n||)``
    (a single tiny gradient entry, e.g. of a dead relu unit, where rounding noise
    dominates, then cannot fake a large error). The largest value over the layers
    is returned: about 1e-9 for a correct backward pass in float64, about 1 for a
    wrong one.

    >>> model = MLP([2, 3, 1], seed=1)
    >>> gradient_check(model, [[0.5, -1.0], [1.0, 2.0]], [0, 1]) < 1e-6
    True
    """
    if not isinstance(model, MLP):
        raise TypeError(f"model must be an MLP; got {type(model).__name__}")
    X, y = model._check_Xy(X, y)
    h = check_positive(h, "h")
    worst = 0.0
    for weights, analytic in zip(model.params, model.backward(X, y)):
        numeric = _numerical_gradient(model, X, y, weights, h)
        scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
        if scale > 0:
            worst = max(worst, np.linalg.norm(analytic - numeric) / scale)
    return float(worst)
