"""Input checks shared by the math modules.

Every public function validates what it is given with these, so a learner who
passes the wrong thing reads which argument was wrong and what was expected,
instead of a numpy broadcasting error from deep inside.
"""

import numbers

import numpy as np


def as_array(value, name, *, ndim=None, shape=None, finite=True, dtype=float):
    """Return ``value`` as a float array, or raise an error that names ``name``.

    ``ndim`` may be an int or a tuple of allowed ints. ``shape`` may hold ``None``
    for any length along an axis.

    >>> as_array([1, 2], "w", ndim=1)
    array([1., 2.])
    >>> as_array([[1, 2]], "w", ndim=1)
    Traceback (most recent call last):
    ...
    ValueError: w must be a 1-D array; got shape (1, 2)
    """
    if isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be numbers, not a string ({value!r})")
    try:
        arr = np.asarray(value, dtype=dtype)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be an array of numbers; got {type(value).__name__}") from exc
    if ndim is not None:
        allowed = (ndim,) if isinstance(ndim, int) else tuple(ndim)
        if arr.ndim not in allowed:
            want = " or ".join(f"{d}-D" for d in allowed)
            raise ValueError(f"{name} must be a {want} array; got shape {arr.shape}")
    if shape is not None:
        ok = arr.ndim == len(shape) and all(s is None or s == a for s, a in zip(shape, arr.shape))
        if not ok:
            want = "(" + ", ".join("any" if s is None else str(s) for s in shape) + ")"
            raise ValueError(f"{name} must have shape {want}; got {arr.shape}")
    if finite and arr.dtype.kind == "f" and not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def as_inputs(X, name="X"):
    """Return inputs as a 2-D ``(n, m)`` float array; a single sample ``(m,)`` becomes ``(1, m)``."""
    arr = as_array(X, name, ndim=(1, 2))
    return arr.reshape(1, -1) if arr.ndim == 1 else arr


def check_positive(value, name):
    """Return ``value`` as a float if it is a finite number > 0, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {type(value).__name__}")
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a finite number > 0; got {value}")
    return float(value)


def check_int(value, name, *, minimum=0):
    """Return ``value`` if it is an int >= ``minimum``, else raise naming ``name``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer; got {type(value).__name__}")
    if value < minimum:
        raise ValueError(f"{name} must be >= {minimum}; got {value}")
    return int(value)


def check_choice(value, name, choices):
    """Return ``value`` if it is one of ``choices``, else raise a ValueError listing them."""
    if value not in choices:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"unknown {name} {value!r}; expected one of {listed}")
    return value


def as_rng(rng=None, seed=None):
    """Return a numpy Generator from ``rng`` (Generator, int seed or None) or ``seed``."""
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is not None and seed is not None:
        raise ValueError("pass either rng or seed, not both")
    chosen = rng if rng is not None else seed
    if chosen is None:
        return np.random.default_rng()
    if isinstance(chosen, bool) or not isinstance(chosen, numbers.Integral):
        raise TypeError(f"rng must be a numpy Generator or an integer seed; got {type(chosen).__name__}")
    return np.random.default_rng(int(chosen))
