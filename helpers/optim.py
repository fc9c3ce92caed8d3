"""Gradient descent: numerical derivatives, descent paths and minibatches.

Math only (numpy): the functions return numbers and paths; drawing them is the
job of :mod:`helpers.plots`.
"""

import numbers

import numpy as np

from ._validate import as_array, as_rng, check_bool, check_callable, check_int, check_positive


def _check_h(h):
    return check_positive(h, "h")


def _returned(value, call):
    """What a learner's function returned, as a float array; ``call`` says how it was called."""
    if value is None:
        raise TypeError(f"{call} returned None; does the function end with a return statement?")
    return as_array(value, call, allow_empty=True)


def numerical_derivative(f, x, h=1e-5):
    """Central-difference estimate of f'(x): (f(x + h) - f(x - h)) / (2h).

    The error shrinks like h^2 for smooth f, much faster than the one-sided
    (f(x + h) - f(x)) / h. ``x`` may be an array of points if ``f`` works
    element-wise, like the activation functions do.

    Parameters
    ----------
    f : callable
        A function of one number (or element-wise on arrays).
    x : float or ndarray
        Point(s) at which to estimate the derivative.
    h : float > 0
        Half the width of the difference.

    Returns
    -------
    float, or ndarray of the shape of ``x``.

    >>> round(numerical_derivative(lambda x: x ** 2, 3.0), 6)
    6.0
    """
    check_callable(f, "f")
    h = _check_h(h)
    x = as_array(x, "x")
    slope = (_returned(f(x + h), "f(x + h)") - _returned(f(x - h), "f(x - h)")) / (2.0 * h)
    if slope.shape != x.shape:
        raise ValueError(f"f must return one value per entry of x {x.shape}; got shape {slope.shape}")
    return slope if slope.ndim else float(slope)


def numerical_gradient(f, w, h=1e-5):
    """Central-difference estimate of the gradient of a scalar function f(w).

    Each entry w_i is nudged by +h and -h in turn, all others held fixed:
    dL/dw_i ~ (f(w + h e_i) - f(w - h e_i)) / (2h).

    Parameters
    ----------
    f : callable
        Takes an array shaped like ``w`` and returns one number (a loss).
    w : float or ndarray of any shape
    h : float > 0

    Returns
    -------
    ndarray shaped like ``w``.

    >>> numerical_gradient(lambda w: w[0] ** 2 + 3 * w[1], [1.0, 5.0]).round(6)
    array([2., 3.])
    """
    check_callable(f, "f")
    h = _check_h(h)
    w = as_array(w, "w").copy()
    grad = np.zeros_like(w)
    flat_w, flat_g = w.reshape(-1), grad.reshape(-1)
    for i in range(flat_w.size):
        keep = flat_w[i]
        flat_w[i] = keep + h
        up = _returned(f(w), "f(w + h)")
        flat_w[i] = keep - h
        down = _returned(f(w), "f(w - h)")
        flat_w[i] = keep
        if up.ndim != 0 or down.ndim != 0:
            raise ValueError(f"f must return a single number (a loss); got shape {up.shape}")
        flat_g[i] = (float(up) - float(down)) / (2.0 * h)
    return grad


class DescentResult:
    """What :func:`gradient_descent` did, returned when ``return_info=True``.

    Attributes
    ----------
    path : (k + 1, d) ndarray
        Every point visited, start first; k = ``steps`` unless the run diverged.
    diverged : bool
        True if the run was stopped because an iterate was not finite (or left
        ``limit``).
    steps_taken : int
        Number of updates in ``path`` (``len(path) - 1``).
    steps : int
        Number of updates asked for.
    lr : float
    """

    def __init__(self, path, diverged, steps, lr):
        self.path = path
        self.diverged = diverged
        self.steps_taken = len(path) - 1
        self.steps = steps
        self.lr = lr

    def __repr__(self):
        status = f"diverged after {self.steps_taken} of {self.steps} steps" if self.diverged else f"{self.steps_taken} steps"
        final = ", ".join(f"{v:.4g}" for v in self.path[-1])
        return f"DescentResult(lr={self.lr:g}, {status}, final=[{final}])"


def _as_start(x0):
    if isinstance(x0, numbers.Real) and not isinstance(x0, bool):
        x0 = [x0]
    return as_array(x0, "x0", ndim=1)


def gradient_descent(grad, x0, lr, steps, *, limit=None, return_info=False):
    """Repeat x_new = x_old - lr * grad(x_old) and record every point.

    A learning rate that is too large makes the iterates grow without bound.
    That is an outcome to look at, not an error: the path stops at the last
    finite point (or the last point inside ``limit``), so it is always safe to
    plot, and is shorter than ``steps + 1``. Ask for ``return_info=True`` to get
    the flag that says so.

    Parameters
    ----------
    grad : callable
        Takes a (d,) array x and returns the gradient, a (d,) array (a number is
        accepted when d = 1).
    x0 : float or (d,) ndarray
        The starting point; a number is a 1-D start.
    lr : float > 0
        The learning rate (the lecture's eta).
    steps : int >= 0
        Number of updates.
    limit : float > 0, optional
        Also stop, as diverged, once some coordinate's size exceeds ``limit``.
    return_info : bool
        If True return a :class:`DescentResult` (``.path``, ``.diverged``,
        ``.steps_taken``) instead of the bare path.

    Returns
    -------
    path : (steps + 1, d) ndarray
        Start first; fewer rows if the run diverged.

    >>> gradient_descent(lambda x: 2 * x, 1.0, lr=0.25, steps=3)
    array([[1.   ],
           [0.5  ],
           [0.25 ],
           [0.125]])
    >>> gradient_descent(lambda x: 2 * x, 1.0, lr=1.5, steps=10, limit=5.0, return_info=True)
    DescentResult(lr=1.5, diverged after 2 of 10 steps, final=[4])
    """
    check_callable(grad, "grad")
    x = _as_start(x0)
    lr = check_positive(lr, "lr")
    steps = check_int(steps, "steps", minimum=0)
    if limit is not None:
        limit = check_positive(limit, "limit")
    return_info = check_bool(return_info, "return_info")
    path = [x.copy()]
    diverged = False
    for step in range(steps):
        # A diverging run overflows on its way to inf; that is the outcome we are
        # recording, so numpy's overflow warnings are silenced here.
        with np.errstate(over="ignore", invalid="ignore"):
            value = grad(x.copy())
            if value is None:
                raise TypeError("grad(x) returned None; does the function end with a return statement?")
            # inf or NaN from a run that has grown means divergence; at the start, a broken grad
            g = as_array(value, "grad(x)", finite=step == 0, allow_nan=step > 0)
            if g.shape != x.shape and not (x.size == 1 and g.size == 1):
                raise ValueError(f"grad(x) must return an array shaped like x0 {x.shape}; got shape {g.shape}")
            x = x - lr * g.reshape(x.shape)
        if not np.all(np.isfinite(x)) or (limit is not None and np.max(np.abs(x)) > limit):
            diverged = True
            break
        path.append(x)
    path = np.array(path)
    return DescentResult(path, diverged, steps, lr) if return_info else path


REGIMES = ("not started", "diverging", "zigzagging", "converging", "crawling")
"""The words notebook 03 uses for what a learning rate does; exactly one fits each run."""


def describe_descent(path, grad, fn, *, diverged=False, tol=0.02):
    """Name what a descent path did, in the words notebook 03 uses.

    Exactly one of four names fits every run that took a step:

    - "diverging": it moves away from the minimum (it was stopped as non-finite or
      outside its limit, or the loss ended higher than it started);
    - "zigzagging": it jumps from side to side of the minimum without moving away
      from it (most steps reverse the previous one);
    - "converging": it reaches the minimum from one side (the gradient shrank below
      ``tol`` times its size at the start);
    - "crawling": it moves towards the minimum from one side but is still far from it
      after the steps taken.

    Parameters
    ----------
    path : (k + 1, d) ndarray
        From :func:`gradient_descent`.
    grad, fn : callables
        The gradient and the loss the path was made with.
    diverged : bool
        The ``.diverged`` flag of the run, if known.
    tol : float
        "converging" means the gradient shrank below ``tol`` times its size at the
        start (or below 1e-8).

    Returns
    -------
    str, one of ``REGIMES`` ("not started" when the path has no steps).

    >>> grad, fn = (lambda w: 2 * w), (lambda w: float(w @ w))
    >>> [describe_descent(gradient_descent(grad, 1.0, lr, 20), grad, fn) for lr in (0.01, 0.3, 0.9, 1.1)]
    ['crawling', 'converging', 'zigzagging', 'diverging']
    """
    path = as_array(path, "path", ndim=2)
    if diverged or (len(path) > 1 and float(fn(path[-1])) > float(fn(path[0]))):
        return "diverging"
    if len(path) < 2:
        return "not started"
    moves = np.diff(path, axis=0)
    turns = np.sum(moves[1:] * moves[:-1], axis=1) < 0
    if len(turns) and np.mean(turns) > 0.5:
        return "zigzagging"
    start, end = (np.linalg.norm(np.asarray(grad(p), dtype=float)) for p in (path[0], path[-1]))
    return "converging" if end <= max(tol * start, 1e-8) else "crawling"


def minibatches(n, batch_size, rng=None, *, shuffle=True):
    """Split sample indices 0..n-1 into batches for one epoch.

    Every index appears in exactly one batch; all batches have ``batch_size``
    indices except possibly the last, which holds the rest. ``batch_size=1`` is
    stochastic gradient descent, ``batch_size=n`` is full-batch descent.

    Parameters
    ----------
    n : int >= 1
        Number of samples.
    batch_size : int >= 1
        Larger than ``n`` is allowed: one batch with everything.
    rng : numpy Generator or int seed, optional
        Source of the shuffle; call again with the same Generator for the next
        epoch's new order.
    shuffle : bool
        False keeps the order 0..n-1 (rng is then unused).

    Returns
    -------
    list of int ndarrays

    >>> minibatches(5, 2, shuffle=False)
    [array([0, 1]), array([2, 3]), array([4])]
    """
    n = check_int(n, "n", minimum=1)
    batch_size = check_int(batch_size, "batch_size", minimum=1)
    order = as_rng(rng).permutation(n) if check_bool(shuffle, "shuffle") else np.arange(n)
    return [order[start:start + batch_size] for start in range(0, n, batch_size)]


class LossFunction:
    """A demonstration loss L(w) with its gradient, for the descent explorer.

    Attributes
    ----------
    name : str
    fn : callable, (d,) ndarray -> float; also accepts (..., d) and returns (...)
    grad : callable, (d,) ndarray -> (d,) ndarray
    dim : int
    minimum : (d,) ndarray, the point of lowest loss
    formula : str, in matplotlib mathtext
    """

    def __init__(self, name, fn, grad, dim, minimum, formula):
        self.name, self.fn, self.grad, self.dim = name, fn, grad, dim
        self.minimum = np.asarray(minimum, dtype=float)
        self.formula = formula

    def __repr__(self):
        return f"LossFunction({self.name!r}, dim={self.dim})"


def _parabola(w):
    w = np.asarray(w, dtype=float)
    return (w[..., 0] - 1.0) ** 2


def _parabola_grad(w):
    w = np.asarray(w, dtype=float)
    return 2.0 * (w - 1.0)


def _two_valleys(w):
    w = np.asarray(w, dtype=float)[..., 0]
    return 0.25 * w**4 - w**2 + 0.5 * w + 1.75


def _two_valleys_grad(w):
    w = np.asarray(w, dtype=float)
    return w**3 - 2.0 * w + 0.5


def _ravine(w):
    w = np.asarray(w, dtype=float)
    return 0.2 * w[..., 0] ** 2 + w[..., 1] ** 2


def _ravine_grad(w):
    w = np.asarray(w, dtype=float)
    return np.array([0.4 * w[0], 2.0 * w[1]])


EXAMPLE_LOSSES = {
    loss.name: loss
    for loss in (
        LossFunction("parabola", _parabola, _parabola_grad, 1, [1.0], r"$L(w) = (w - 1)^2$"),
        # Minima at the real roots of w^3 - 2w + 0.5 = 0: the right valley is shallower.
        LossFunction(
            "two valleys", _two_valleys, _two_valleys_grad, 1, [-1.5256871], r"$L(w) = \frac{w^4}{4} - w^2 + \frac{w}{2} + 1.75$"
        ),
        LossFunction("ravine", _ravine, _ravine_grad, 2, [0.0, 0.0], r"$L(w_1, w_2) = 0.2\,w_1^2 + w_2^2$"),
    )
}
"""Small losses whose shapes show what the learning rate does. On the parabola
(curvature 2) and the ravine (curvatures 0.4 and 2) a step multiplies the
distance to the minimum along the steep direction by (1 - 2 lr): lr < 0.5 comes
in from one side (crawling or converging), 0.5 < lr < 1 is zigzagging, lr > 1 diverging."""
