"""Data sets: logic-gate tables, 2-D toy sets and the real penguins."""

import csv
import hashlib
import io
import numbers
from pathlib import Path

import numpy as np

from ._validate import as_array, as_inputs, as_rng, check_bool, check_choice, check_int, check_number, check_positive

_GATE_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
_GATE_OUTPUTS = {
    "AND": [0, 0, 0, 1],
    "OR": [0, 1, 1, 1],
    "NAND": [1, 1, 1, 0],
    "XOR": [0, 1, 1, 0],
}


def logic_gate(name, labels="01"):
    """The truth table of a two-input logic gate.

    Parameters
    ----------
    name : {"AND", "OR", "NAND", "XOR"}
        Case does not matter.
    labels : {"01", "pm1"}
        "01" gives y in {0, 1} (step, cross-entropy); "pm1" gives y in {-1, +1}
        (sign, perceptron loss), the lecture's "A: +1, B: -1".

    Returns
    -------
    X : (4, 2) ndarray
        Rows (0,0), (0,1), (1,0), (1,1).
    y : (4,) ndarray

    >>> X, y = logic_gate("AND", labels="pm1")
    >>> y
    array([-1., -1., -1.,  1.])
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a gate name such as 'AND'; got {name!r}")
    key = check_choice(name.upper(), "name", tuple(_GATE_OUTPUTS))
    check_choice(labels, "labels", ("01", "pm1"))
    y = np.array(_GATE_OUTPUTS[key], dtype=float)
    if labels == "pm1":
        y = 2.0 * y - 1.0
    return _GATE_INPUTS.copy(), y


# --- The Palmer penguins: loading, splitting, standardising -------------------------------

PENGUINS_PATH = Path(__file__).resolve().parent.parent / "data" / "penguins.csv"
# SHA-256 of data/penguins.csv as shipped (see data/README.md): a changed file is refused.
PENGUINS_SHA256 = "f204db2c753b0937caac3cb35258562c14f073e4bbc76be24b4c51ce22767a93"
PENGUIN_FEATURES = ("bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g")
PENGUIN_SPECIES = ("Adelie", "Chinstrap", "Gentoo")


def _names(value, name, allowed):
    """``value`` as a list of distinct names from ``allowed`` (a single str is one name)."""
    if not isinstance(value, (str, list, tuple)):
        raise TypeError(f"{name} must be a name or a list of names from {', '.join(allowed)}; got {value!r}")
    names = [value] if isinstance(value, str) else list(value)
    if not names:
        raise ValueError(f"{name} must name at least one of {', '.join(allowed)}")
    for item in names:
        check_choice(item, name, allowed)
    if len(set(names)) != len(names):
        raise ValueError(f"{name} must not repeat a name; got {names}")
    return names


def _read_checked(path):
    """The text of ``path`` after checking its SHA-256 against the shipped file's."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"penguins data file not found: {path} (it ships with the repository as "
            "data/penguins.csv; see data/README.md)"
        )
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != PENGUINS_SHA256:
        raise ValueError(
            f"penguins data file {path} has been altered: its SHA-256 is {digest}, "
            f"expected {PENGUINS_SHA256} (restore it from the repository, see data/README.md)"
        )
    return raw.decode("utf-8")


def load_penguins(features=PENGUIN_FEATURES, species=PENGUIN_SPECIES, dropna=True, path=None):
    """Measurements of real penguins from the Palmer Archipelago, Antarctica.

    Reads ``data/penguins.csv`` (344 birds, see ``data/README.md``) after checking
    its SHA-256 checksum.

    Parameters
    ----------
    features : sequence of str
        Columns of ``X``, in this order; any of ``PENGUIN_FEATURES``.
    species : sequence of str
        Which species to keep, in this order: class id ``k`` is ``species[k]``.
    dropna : bool
        Drop birds with a missing value in one of ``features`` (2 of the 344 birds
        have no measurements). With False, a missing value is NaN.
    path : str or Path, optional
        Another copy of the file (it must still match the checksum).

    Returns
    -------
    X : (n, len(features)) ndarray of float
    y : (n,) ndarray of int, class ids 0 .. len(species) - 1
    feature_names : list of str
    class_names : list of str

    >>> X, y, feature_names, class_names = load_penguins()
    >>> X.shape, class_names
    ((342, 4), ['Adelie', 'Chinstrap', 'Gentoo'])
    >>> X, y, _, _ = load_penguins(["flipper_length_mm"], species=["Gentoo", "Adelie"])
    >>> X.shape, sorted(set(y.tolist()))
    ((274, 1), [0, 1])
    """
    feature_names = _names(features, "features", PENGUIN_FEATURES)
    class_names = _names(species, "species", PENGUIN_SPECIES)
    check_bool(dropna, "dropna")
    text = _read_checked(PENGUINS_PATH if path is None else path)
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["species"] in class_names]
    X = np.array(
        [[np.nan if row[f] == "NA" else float(row[f]) for f in feature_names] for row in rows],
        dtype=float,
    ).reshape(len(rows), len(feature_names))
    y = np.array([class_names.index(row["species"]) for row in rows], dtype=int)
    if dropna:
        keep = ~np.isnan(X).any(axis=1)
        X, y = X[keep], y[keep]
    return X, y, feature_names, class_names


class Scaler:
    """Means and standard deviations measured on training data, to apply to any data.

    It is built only by :func:`standardize` from the training set, and its
    statistics are read-only, so test data can never shape them.
    """

    __slots__ = ("mean", "std")

    def __init__(self, mean, std):
        self.mean = np.array(mean, dtype=float)
        self.std = np.array(std, dtype=float)
        self.mean.flags.writeable = False
        self.std.flags.writeable = False

    def apply(self, X):
        """``(X - mean) / std`` with the training statistics; ``X`` is ``(n, d)``."""
        X = as_inputs(X)
        if X.shape[1] != self.mean.size:
            raise ValueError(f"X must have {self.mean.size} columns; got {X.shape[1]}")
        return (X - self.mean) / self.std

    def invert(self, X):
        """Back to the original units: ``X * std + mean``."""
        X = as_inputs(X)
        if X.shape[1] != self.mean.size:
            raise ValueError(f"X must have {self.mean.size} columns; got {X.shape[1]}")
        return X * self.std + self.mean

    def __repr__(self):
        fmt = lambda a: "[" + ", ".join(f"{v:.4g}" for v in a) + "]"  # noqa: E731
        return f"Scaler(mean={fmt(self.mean)}, std={fmt(self.std)})"


def standardize(X_train, X_test=None):
    """Scale every feature to mean 0 and standard deviation 1 *on the training set*.

    The mean and standard deviation come from ``X_train`` alone and are then
    applied unchanged to ``X_test``: the test set plays the part of birds the
    model has never seen, so nothing about it may inform training. A feature
    that is constant in ``X_train`` is only centred (its std is taken as 1).

    Parameters
    ----------
    X_train : (n, d) array
    X_test : (k, d) array, optional

    Returns
    -------
    X_train_std : (n, d) ndarray
    X_test_std : (k, d) ndarray, or None without ``X_test``
    scaler : Scaler
        ``.mean``, ``.std`` (from the training set) and ``.apply(X)`` for new data.

    >>> Xtr, Xte, scaler = standardize([[1.0], [3.0]], [[5.0]])
    >>> Xtr.ravel(), Xte.ravel(), scaler
    (array([-1.,  1.]), array([3.]), Scaler(mean=[2], std=[1]))
    """
    X_train = as_array(X_train, "X_train", ndim=2)
    if X_train.shape[0] < 1:
        raise ValueError("X_train must have at least one row")
    std = X_train.std(axis=0)
    scaler = Scaler(X_train.mean(axis=0), np.where(std > 0, std, 1.0))
    X_test_std = None
    if X_test is not None:
        X_test = as_array(X_test, "X_test", ndim=2)
        if X_test.shape[1] != X_train.shape[1]:
            raise ValueError(
                f"X_test must have as many columns as X_train ({X_train.shape[1]}); "
                f"got {X_test.shape[1]}"
            )
        X_test_std = scaler.apply(X_test)
    return scaler.apply(X_train), X_test_std, scaler


def _test_counts(counts, n_test):
    """Split ``n_test`` over classes in proportion to ``counts`` (largest remainder)."""
    quota = counts * n_test / counts.sum()
    take = np.floor(quota).astype(int)
    order = np.argsort(-(quota - take), kind="stable")
    take[order[: n_test - take.sum()]] += 1
    return take


def train_test_split(X, y, test_size=0.25, seed=None, stratify=True):
    """Hold out a random part of the data as a test set.

    With ``stratify=True`` every class keeps (as nearly as whole numbers allow)
    its share in both parts, so a rare species cannot vanish from the test set
    by chance. Both parts come back in shuffled order.

    Parameters
    ----------
    X : (n, d) array
    y : (n,) array of labels
    test_size : float in (0, 1) or int
        Fraction, or number, of samples to hold out.
    seed : int or numpy Generator, optional
        Same seed, same split.
    stratify : bool

    Returns
    -------
    X_train, X_test, y_train, y_test

    >>> X = np.arange(20.0).reshape(10, 2); y = np.array([0] * 6 + [1] * 4)
    >>> X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.5, seed=0)
    >>> np.bincount(y_train).tolist(), np.bincount(y_test).tolist()
    ([3, 2], [3, 2])
    """
    X = as_inputs(X)
    as_array(y, "y", ndim=1)  # numbers, no NaN; the labels come back as given
    y_arr = np.asarray(y)
    if y_arr.shape[0] != X.shape[0]:
        raise ValueError(f"y must be 1-D with one label per row of X ({X.shape[0]}); got shape {y_arr.shape}")
    n = X.shape[0]
    if isinstance(test_size, numbers.Integral) and not isinstance(test_size, (bool, np.bool_)):
        n_test = check_int(test_size, "test_size", minimum=1)
    else:
        fraction = check_number(test_size, "test_size", low=0, high=1, low_open=True, high_open=True,
                                what="a fraction, or a whole number of samples")
        n_test = int(round(fraction * n))
    if not 1 <= n_test <= n - 1:
        raise ValueError(f"test_size leaves {n_test} of {n} samples for testing; both parts need at least one")
    check_bool(stratify, "stratify")
    rng = as_rng(seed=seed)
    if stratify:
        classes, inverse, counts = np.unique(y_arr, return_inverse=True, return_counts=True)
        take = _test_counts(counts, n_test)
        test = np.concatenate(
            [rng.permutation(np.flatnonzero(inverse == c))[: take[c]] for c in range(classes.size)]
        )
    else:
        test = rng.permutation(n)[:n_test]
    is_test = np.zeros(n, dtype=bool)
    is_test[test] = True
    train_idx = rng.permutation(np.flatnonzero(~is_test))
    test_idx = rng.permutation(np.flatnonzero(is_test))
    return X[train_idx], X[test_idx], y_arr[train_idx], y_arr[test_idx]
def make_blobs(n=40, noise=0.5, seed=0, labels="01"):
    """Two round clouds of 2-D points, one per class, around (-1, -1) and (+1, +1).

    With small ``noise`` the classes are linearly separable (the line x1 + x2 = 0
    lies between the centres); as ``noise`` grows the clouds overlap.

    Parameters
    ----------
    n : int >= 2
        Number of points; the classes get n // 2 and n - n // 2, in shuffled order.
    noise : float >= 0
        Standard deviation of each cloud around its centre.
    seed : int or numpy Generator
    labels : {"01", "pm1"}
        Class of the (+1, +1) cloud is 1 (or +1); the other is 0 (or -1).

    Returns
    -------
    X : (n, 2) ndarray
    y : (n,) ndarray

    >>> X, y = make_blobs(6, noise=0.0, seed=0, labels="pm1")
    >>> bool(np.all(X == y[:, None]))
    True
    """
    n = check_int(n, "n", minimum=2)
    noise = check_number(noise, "noise", low=0)
    check_choice(labels, "labels", ("01", "pm1"))
    rng = as_rng(seed=seed)
    y01 = rng.permutation(np.arange(n) >= n // 2).astype(float)
    X = (2.0 * y01 - 1.0)[:, None] + rng.normal(scale=float(noise), size=(n, 2))
    return X, (2.0 * y01 - 1.0 if labels == "pm1" else y01)


# -- 2-D toy sets for the MLP (issue 5) -----------------------------------------------------
# Each returns X of shape (n, 2) and labels y in {0, 1} of shape (n,), is fully
# determined by ``seed``, and adds Gaussian noise of standard deviation ``noise``.


def _toy_args(n, noise, seed):
    return check_int(n, "n", minimum=2), check_number(noise, "noise", low=0), as_rng(seed=seed)


def _halves(n):
    """Sizes of class 0 and class 1: as equal as possible."""
    return n - n // 2, n // 2


def _with_noise(X, y, noise, rng):
    X = X + noise * rng.normal(size=X.shape)  # drawn even for noise 0: same seed, same points
    order = rng.permutation(len(y))  # mix the classes so that any slice holds both
    return X[order], y[order].astype(float)


def make_moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles: class 0 the upper moon, class 1 the lower.

    >>> X, y = make_moons(6, noise=0.0, seed=0)
    >>> X.shape, sorted(y.tolist())
    ((6, 2), [0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    """
    n, noise, rng = _toy_args(n, noise, seed)
    n0, n1 = _halves(n)
    a0, a1 = np.linspace(0, np.pi, n0), np.linspace(0, np.pi, n1)
    upper = np.column_stack([np.cos(a0), np.sin(a0)])
    lower = np.column_stack([1 - np.cos(a1), 0.5 - np.sin(a1)])
    X = np.vstack([upper, lower]) - [0.5, 0.25]  # centre the pair on the origin
    return _with_noise(X, np.r_[np.zeros(n0), np.ones(n1)], noise, rng)


def make_circles(n=200, noise=0.05, seed=0, factor=0.5):
    """A small circle (class 1, radius ``factor``) inside a large one (class 0, radius 1)."""
    n, noise, rng = _toy_args(n, noise, seed)
    factor = check_number(factor, "factor", low=0, high=1, low_open=True, high_open=True)
    n0, n1 = _halves(n)
    a0 = np.linspace(0, 2 * np.pi, n0, endpoint=False)
    a1 = np.linspace(0, 2 * np.pi, n1, endpoint=False)
    outer = np.column_stack([np.cos(a0), np.sin(a0)])
    inner = factor * np.column_stack([np.cos(a1), np.sin(a1)])
    return _with_noise(np.vstack([outer, inner]), np.r_[np.zeros(n0), np.ones(n1)], noise, rng)


def make_xor(n=200, noise=0.1, seed=0):
    """Points near the four corners (+-1, +-1); class 1 where the signs of x1 and x2 differ.

    The continuous version of the XOR gate: no straight line separates the classes.
    """
    n, noise, rng = _toy_args(n, noise, seed)
    corners = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]])
    labels = np.array([0.0, 1.0, 1.0, 0.0])
    which = np.arange(n) % 4
    X = corners[which] * rng.uniform(0.3, 1.0, size=(n, 1))  # spread points towards the centre
    return _with_noise(X, labels[which], noise, rng)


def make_spiral(n=200, noise=0.1, seed=0, turns=1.5):
    """Two interleaved spiral arms, class 0 and class 1 (one arm rotated by 180 degrees)."""
    n, noise, rng = _toy_args(n, noise, seed)
    turns = check_positive(turns, "turns")
    n0, n1 = _halves(n)
    arms = []
    for count, offset in ((n0, 0.0), (n1, np.pi)):
        t = np.linspace(0.05, 1.0, count)
        angle = 2 * np.pi * turns * t + offset
        arms.append(np.column_stack([t * np.cos(angle), t * np.sin(angle)]))
    return _with_noise(np.vstack(arms), np.r_[np.zeros(n0), np.ones(n1)], noise, rng)


def make_three_blobs(n=200, noise=0.3, seed=0):
    """Three round clouds, classes 0, 1, 2, around points 1.2 from the origin, 120 degrees apart.

    For a softmax network with three outputs. With small ``noise`` each pair of clouds
    is separable by a line; as ``noise`` grows they overlap.

    Parameters
    ----------
    n : int >= 3
        Number of points, split as evenly as whole numbers allow, in shuffled order.
    noise : float >= 0
        Standard deviation of each cloud (plus 0.25, so that a cloud is never a single point).
    seed : int or numpy Generator

    Returns
    -------
    X : (n, 2) ndarray
    y : (n,) ndarray of class ids 0, 1, 2

    >>> X, y = make_three_blobs(6, noise=0.0, seed=0)
    >>> sorted(y.tolist())
    [0.0, 0.0, 1.0, 1.0, 2.0, 2.0]
    """
    n = check_int(n, "n", minimum=3)
    noise = check_number(noise, "noise", low=0)
    rng = as_rng(seed=seed)
    y = rng.permutation(np.arange(n) % 3).astype(float)
    angles = np.deg2rad(90.0 + 120.0 * y)
    centres = 1.2 * np.column_stack([np.cos(angles), np.sin(angles)])
    return centres + rng.normal(scale=0.25 + float(noise), size=(n, 2)), y


TOY_SETS = {
    "XOR": make_xor,
    "moons": make_moons,
    "circles": make_circles,
    "spiral": make_spiral,
    "blobs": make_blobs,  # main's, above: two clouds around (-1, -1) and (1, 1)
}
