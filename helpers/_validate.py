"""Input checks shared by the math modules and the explorers' constructors.

One rule everywhere: a wrong type, shape, label encoding or range, an empty input, or
NaN where no NaN belongs raises ``TypeError`` (wrong kind of thing) or ``ValueError``
(right kind, wrong value), and the message reads

    <argument> must be <what was expected>; got <what was given>

so a learner who passes the wrong thing reads which argument to fix, instead of a
plausible wrong answer or a numpy error from deep inside. Valid edge inputs pass:
ints where floats are expected, numpy scalars such as ``np.float32(1)``, 0-d arrays.
"""

import numbers

import numpy as np


def _given(value):
    """A short description of ``value`` for the "; got ..." part of a message."""
    if value is None:
        return "None"
    if isinstance(value, (bool, np.bool_)):
        return f"{bool(value)} (a bool)"
    if isinstance(value, (str, bytes)):
        text = repr(value)
        return f"the string {text if len(text) <= 40 else text[:37] + '...'}"
    if isinstance(value, numbers.Number):
        return repr(value.item() if isinstance(value, np.generic) else value)
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape}"
    if callable(value):
        return f"the function {getattr(value, '__name__', type(value).__name__)}"
    return f"a {type(value).__name__}"


def _where(mask):
    index = tuple(int(i) for i in np.argwhere(mask)[0])
    return f" at index {index[0] if len(index) == 1 else index}" if index else ""


def as_array(value, name, *, ndim=None, shape=None, finite=True, allow_empty=False, allow_nan=False):
    """Return ``value`` as a float array, or raise an error that names ``name``.

    Refused: None, strings, bools (``True`` is not a number here), complex numbers,
    ragged or mixed sequences, NaN (unless ``allow_nan``), inf (unless ``finite=False``), an empty array
    (unless ``allow_empty``), a wrong ``ndim`` (an int or a tuple of allowed ints) or
    ``shape`` (which may hold ``None`` for any length along an axis).

    >>> as_array([1, 2], "w", ndim=1)
    array([1., 2.])
    >>> as_array([[1, 2]], "w", ndim=1)
    Traceback (most recent call last):
    ...
    ValueError: w must be a 1-D array; got shape (1, 2)
    >>> as_array([1, float("nan")], "s")
    Traceback (most recent call last):
    ...
    ValueError: s must not contain NaN (not a number); got NaN at index 1
    """
    if value is None or isinstance(value, (str, bytes)) or callable(value):
        raise TypeError(f"{name} must be a number or an array of numbers; got {_given(value)}")
    try:
        arr = value if isinstance(value, np.ndarray) else np.asarray(value)
    except ValueError:  # numpy refuses rows of different lengths
        raise TypeError(f"{name} must be a number or an array of numbers with all rows of one length; "
                        f"got {_given(value)} with rows of different lengths") from None
    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(f"{name} must hold numbers, not True/False; got {_given(value)} "
                        "(for 0/1 labels use .astype(int))")
    if kind == "c":
        raise TypeError(f"{name} must hold real numbers; got complex numbers")
    if kind not in "iuf":
        raise TypeError(f"{name} must be a number or an array of numbers (all rows of one length); "
                        f"got {_given(value)} holding {'text' if kind in 'US' else 'other things'}")
    arr = arr.astype(float, copy=False)
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
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must hold at least one number; got an empty array of shape {arr.shape}")
    if arr.size and not np.isfinite(arr).all():
        nan = np.isnan(arr)
        if nan.any() and not allow_nan:
            raise ValueError(f"{name} must not contain NaN (not a number); got NaN{_where(nan)}")
        if finite and np.isinf(arr).any():
            raise ValueError(f"{name} must hold finite numbers; got inf{_where(np.isinf(arr))}")
    return arr


def as_inputs(X, name="X"):
    """Return inputs as a 2-D ``(n, m)`` float array; a single sample ``(m,)`` becomes ``(1, m)``."""
    arr = as_array(X, name, ndim=(1, 2))
    return arr.reshape(1, -1) if arr.ndim == 1 else arr


def _scalar(value):
    """A 0-d numeric array as its number; anything else unchanged."""
    if isinstance(value, np.ndarray) and value.ndim == 0:
        return value.item()
    return value


def check_number(value, name, *, low=None, high=None, low_open=False, high_open=False, what=None):
    """Return ``value`` as a float if it is a finite real number in the given interval.

    ``low``/``high`` bound it (``None``: unbounded), inclusive unless ``low_open`` /
    ``high_open``. ``what`` names the interval in the message, e.g. "the slider's range".

    >>> check_number(np.float32(0.5), "lr", low=0, low_open=True)
    0.5
    >>> check_number(True, "lr")
    Traceback (most recent call last):
    ...
    TypeError: lr must be a number; got True (a bool)
    """
    value = _scalar(value)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number; got {_given(value)}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number; got {value}")
    too_low = low is not None and (value <= low if low_open else value < low)
    too_high = high is not None and (value >= high if high_open else value > high)
    if too_low or too_high:
        if low is not None and high is not None:
            want = f"between {low:g} and {high:g}" + (" (exclusive)" if low_open or high_open else "")
        elif low is not None:
            want = f"{'>' if low_open else '>='} {low:g}"
        else:
            want = f"{'<' if high_open else '<='} {high:g}"
        suffix = f" ({what})" if what else ""
        raise ValueError(f"{name} must be {want}{suffix}; got {value:g}")
    return value


def check_positive(value, name):
    """Return ``value`` as a float if it is a finite number > 0, else raise naming ``name``."""
    return check_number(value, name, low=0.0, low_open=True)


def check_int(value, name, *, minimum=0, maximum=None, what=None):
    """Return ``value`` as an int if it is a whole number in [minimum, maximum].

    Floats are refused even when whole (``2.5`` would otherwise become 2 somewhere).

    >>> check_int(np.int64(3), "epochs")
    3
    >>> check_int(2.5, "steps")
    Traceback (most recent call last):
    ...
    TypeError: steps must be a whole number (an int); got 2.5
    """
    value = _scalar(value)
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number (an int); got {_given(value)}")
    value = int(value)
    if value < minimum or (maximum is not None and value > maximum):
        want = f">= {minimum}" if maximum is None else f"between {minimum} and {maximum}"
        suffix = f" ({what})" if what else ""
        raise ValueError(f"{name} must be {want}{suffix}; got {value}")
    return value


def check_setting(value, name, low, high, *, integer=False):
    """An explorer's starting value for a slider: a number inside the slider's range.

    A slider would silently clamp a value outside its range (or round 2.5 to 2),
    so the constructor refuses it instead, naming the range.

    >>> check_setting(5, "w0", -3, 3)
    Traceback (most recent call last):
    ...
    ValueError: w0 must be between -3 and 3 (the slider's range); got 5
    """
    if integer:
        return check_int(value, name, minimum=low, maximum=high, what="the slider's range")
    return check_number(value, name, low=low, high=high, what="the slider's range")


def _same(value, choice):
    """``value == choice`` without letting True pass for 1 or an array pass for anything."""
    if isinstance(value, (bool, np.bool_)) != isinstance(choice, (bool, np.bool_)):
        return False
    if isinstance(value, (str, bytes)) != isinstance(choice, (str, bytes)):
        return False
    try:
        return bool(value == choice)
    except (TypeError, ValueError):
        return False


def check_choice(value, name, choices):
    """Return the entry of ``choices`` equal to ``value``, else raise a ValueError listing them.

    >>> check_choice("tanh", "activation", ("sign", "step"))
    Traceback (most recent call last):
    ...
    ValueError: activation must be one of 'sign', 'step'; got 'tanh'
    """
    for choice in choices:
        if _same(value, choice):
            return choice
    listed = ", ".join(repr(c) for c in choices)
    if isinstance(choices[0], str):
        same_kind = isinstance(value, str)
    elif isinstance(choices[0], tuple):  # e.g. a pair of hidden units, (1, 2)
        same_kind = isinstance(value, tuple)
    else:
        same_kind = isinstance(value, numbers.Number) and not isinstance(value, (bool, np.bool_))
    given = repr(value) if same_kind else _given(value)
    error = ValueError if same_kind else TypeError
    raise error(f"{name} must be one of {listed}; got {given}")


def check_bool(value, name):
    """Return ``value`` if it is True or False (numpy's bool too), else raise naming ``name``."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False; got {_given(value)}")
    return bool(value)


def check_callable(value, name, example="a function"):
    """Return ``value`` if it can be called, else raise a TypeError naming ``name``."""
    if not callable(value):
        raise TypeError(f"{name} must be {example}; got {_given(value)}")
    return value


def as_rng(rng=None, seed=None, *, name=None):
    """A numpy Generator from ``rng`` (a Generator or an int seed >= 0) or ``seed``.

    With neither, a fresh unseeded Generator. ``name`` is the argument's name in
    messages (default: "rng" or "seed", whichever was given).

    >>> as_rng(seed=-1)
    Traceback (most recent call last):
    ...
    ValueError: seed must be an integer >= 0 or a numpy Generator; got -1
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if rng is not None and seed is not None:
        raise ValueError("pass either rng or seed, not both")
    chosen = rng if rng is not None else seed
    label = name or ("rng" if rng is not None else "seed")
    if chosen is None:
        return np.random.default_rng()
    if isinstance(chosen, np.random.Generator):
        return chosen
    chosen = _scalar(chosen)
    if isinstance(chosen, (bool, np.bool_)) or not isinstance(chosen, numbers.Integral):
        raise TypeError(f"{label} must be an integer >= 0 or a numpy Generator; got {_given(chosen)}")
    if chosen < 0:
        raise ValueError(f"{label} must be an integer >= 0 or a numpy Generator; got {chosen}")
    return np.random.default_rng(int(chosen))


def labels_pm1(y, name="y", **kwargs):
    """Perceptron labels: an array of -1 and +1 only (0/1 labels are refused, with the fix).

    >>> labels_pm1([0, 0, 0, 1])
    Traceback (most recent call last):
    ...
    ValueError: y must hold perceptron labels -1 or +1; got 0/1 labels (use 2 * y - 1, or logic_gate(..., labels='pm1'))
    """
    y = as_array(y, name, **kwargs)
    bad = (y != -1.0) & (y != 1.0)
    if bad.any():
        hint = " (use 2 * y - 1, or logic_gate(..., labels='pm1'))" if np.all((y == 0) | (y == 1)) else ""
        got = "0/1 labels" if hint else f"{y[bad].flat[0]:g}{_where(bad)}"
        raise ValueError(f"{name} must hold perceptron labels -1 or +1; got {got}{hint}")
    return y


def labels_01(y, name="y", *, soft=False, **kwargs):
    """Labels 0 and 1 (``soft=True`` also lets anything in between pass, as soft labels).

    >>> labels_01([-1, 1])
    Traceback (most recent call last):
    ...
    ValueError: y must hold labels 0 or 1; got -1/+1 labels (use (y + 1) / 2, or logic_gate(..., labels='01'))
    """
    y = as_array(y, name, **kwargs)
    bad = (y < 0) | (y > 1) if soft else (y != 0.0) & (y != 1.0)
    if bad.any():
        want = "labels between 0 and 1" if soft else "labels 0 or 1"
        hint = " (use (y + 1) / 2, or logic_gate(..., labels='01'))" if np.all((y == -1) | (y == 1)) else ""
        got = "-1/+1 labels" if hint else f"{y[bad].flat[0]:g}{_where(bad)}"
        raise ValueError(f"{name} must hold {want}; got {got}{hint}")
    return y


def class_ids(y, n_classes, name="y", **kwargs):
    """Integer class ids 0 .. n_classes - 1 (whole floats such as 2.0 pass), as an int array."""
    y = as_array(y, name, **kwargs)
    whole = y == np.round(y)
    if not whole.all():
        raise ValueError(f"{name} must hold whole class ids 0..{n_classes - 1}; got {y[~whole].flat[0]:g}{_where(~whole)}")
    bad = (y < 0) | (y >= n_classes)
    if bad.any():
        raise ValueError(f"{name} must hold class ids 0..{n_classes - 1}; got {y[bad].flat[0]:g}{_where(bad)}")
    return y.astype(int)


# ----- for the drawing functions (helpers.plots): matplotlib is imported only when one runs -----


def check_ax(ax, name="ax", *, optional=True):
    """Return ``ax`` if it is a matplotlib Axes (or None, meaning the current axes).

    >>> check_ax("left")
    Traceback (most recent call last):
    ...
    TypeError: ax must be a matplotlib Axes (or None for the current axes); got the string 'left'
    """
    if ax is None and optional:
        return None
    from matplotlib.axes import Axes

    if not isinstance(ax, Axes):
        want = "a matplotlib Axes (or None for the current axes)" if optional else "a matplotlib Axes"
        raise TypeError(f"{name} must be {want}; got {_given(ax)}")
    return ax


def check_axes(axes, name, count=None):
    """A sequence of ``count`` matplotlib Axes (any number when ``count`` is None)."""
    if axes is None or isinstance(axes, (str, bytes)) or not hasattr(axes, "__len__"):
        raise TypeError(f"{name} must be a sequence of matplotlib Axes; got {_given(axes)}")
    axes = list(np.ravel(np.asarray(axes, dtype=object)))
    if count is not None and len(axes) != count:
        raise ValueError(f"{name} must hold {count} Axes; got {len(axes)}")
    for k, ax in enumerate(axes):
        check_ax(ax, f"{name}[{k}]", optional=False)
    return axes


def check_figure(fig, name="fig"):
    """Return ``fig`` if it is a matplotlib Figure or None (a new figure)."""
    if fig is None:
        return None
    from matplotlib.figure import Figure

    if not isinstance(fig, Figure):
        raise TypeError(f"{name} must be a matplotlib Figure (or None for a new one); got {_given(fig)}")
    return fig


def check_limits(value, name):
    """A view range ``(low, high)``: two finite numbers with low < high, as floats.

    >>> check_limits((1, 0), "xlim")
    Traceback (most recent call last):
    ...
    ValueError: xlim must be (low, high) with low < high; got (1, 0)
    """
    low, high = as_array(value, name, shape=(2,))
    if not low < high:
        raise ValueError(f"{name} must be (low, high) with low < high; got ({low:g}, {high:g})")
    return float(low), float(high)


def check_text(value, name, *, optional=False):
    """Return ``value`` if it is a string (or None when ``optional``)."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a string{' or None' if optional else ''}; got {_given(value)}")
    return value


def check_texts(values, name, count=None, *, minimum=1):
    """A list of strings (names, labels): ``count`` of them, or at least ``minimum``.

    >>> check_texts("Adelie", "class_names")
    Traceback (most recent call last):
    ...
    TypeError: class_names must be a list of strings; got the string 'Adelie'
    """
    if values is None or isinstance(values, (str, bytes)) or not hasattr(values, "__iter__") or isinstance(values, dict):
        raise TypeError(f"{name} must be a list of strings; got {_given(values)}")
    values = list(values)
    for k, value in enumerate(values):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a list of strings; got {_given(value)} at index {k}")
    if count is not None and len(values) != count:
        raise ValueError(f"{name} must hold {count} strings; got {len(values)}")
    if len(values) < minimum:
        raise ValueError(f"{name} must hold at least {minimum} string{'s' if minimum > 1 else ''}; got {len(values)}")
    return values


def check_same_length(a, name_a, b, name_b):
    """Raise unless ``a`` and ``b`` (arrays) have as many rows: one label per point, say.

    >>> check_same_length(np.zeros((4, 2)), "X", np.zeros(3), "y")
    Traceback (most recent call last):
    ...
    ValueError: y must have one entry per row of X (4); got 3
    """
    if len(a) != len(b):
        raise ValueError(f"{name_b} must have one entry per row of {name_a} ({len(a)}); got {len(b)}")


def indices(values, n, name, **kwargs):
    """Whole-number positions 0 .. n - 1 into ``n`` points, as an int array.

    >>> indices([0, 4], 4, "batch")
    Traceback (most recent call last):
    ...
    ValueError: batch must hold point indices 0..3; got 4 at index 1
    """
    values = as_array(values, name, **kwargs)
    bad = (values != np.round(values)) | (values < 0) | (values >= n)
    if bad.any():
        raise ValueError(f"{name} must hold point indices 0..{n - 1}; got {values[bad].flat[0]:g}{_where(bad)}")
    return values.astype(int)


def labels_binary(y, name="y", **kwargs):
    """Two-class labels in either encoding, 0/1 or -1/+1 (values > 0 are the positive class).

    >>> labels_binary([0, 2])
    Traceback (most recent call last):
    ...
    ValueError: y must hold two-class labels, 0/1 or -1/+1; got 2 at index 1
    """
    y = as_array(y, name, **kwargs)
    bad = ~np.isin(y, (-1.0, 1.0)) if (y == -1).any() else ~np.isin(y, (0.0, 1.0))
    if bad.any():
        raise ValueError(f"{name} must hold two-class labels, 0/1 or -1/+1; got {y[bad].flat[0]:g}{_where(bad)}")
    return y


# Line properties given as numbers: checked as numbers first (matplotlib lets NaN through).
_NUMERIC_LINE_PROPERTIES = {"lw": (0, None), "linewidth": (0, None), "alpha": (0, 1), "zorder": (None, None),
                            "ms": (0, None), "markersize": (0, None), "mew": (0, None), "markeredgewidth": (0, None)}


def check_line_style(style):
    """Line keywords (``color``, ``lw``, ``ls``, ``alpha``, ``label``, ...) matplotlib accepts.

    Each bad one raises an error naming the keyword, before anything is drawn.

    >>> check_line_style({"colour": "red"})
    Traceback (most recent call last):
    ...
    TypeError: colour is not a line property (such as color, lw, ls, alpha, label, zorder); got colour='red'
    """
    from matplotlib.lines import Line2D

    probe = Line2D([], [])
    for key, value in style.items():
        if key in _NUMERIC_LINE_PROPERTIES:
            low, high = _NUMERIC_LINE_PROPERTIES[key]
            check_number(value, key, low=low, high=high)
        if key == "label":
            check_text(value, key, optional=True)
        try:
            probe.set(**{key: value})
        except AttributeError:
            raise TypeError(f"{key} is not a line property (such as color, lw, ls, alpha, label, zorder); "
                            f"got {key}={value!r}") from None
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{key} must be a value matplotlib accepts for a line's {key}; got {_given(value)} "
                             f"({exc})") from None
    return style
