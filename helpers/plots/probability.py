"""What a trained classifier says over the plane, and how its loss fell."""

import numpy as np

from .. import _validate as check
from . import _style
from ._style import get_ax


def probability_cmap():
    """Blue (class 0 certain) through white (z = 0.5) to orange (class 1 certain)."""
    from matplotlib.colors import LinearSegmentedColormap

    # half-strength tints, so that the fully coloured points stand out on top
    return LinearSegmentedColormap.from_list("class01", ["#7FB8D8", "#FFFFFF", "#F2CF7F"])


# Half-strength tints of the class colours (as in probability_cmap), for three classes.
CLASS_TINTS = np.array([[0x7F, 0xB8, 0xD8], [0xF2, 0xCF, 0x7F], [0xAA, 0xD9, 0xF4]]) / 255.0


def class_blend(p):
    """RGB of each row of class probabilities ``p``: the classes' tints mixed in proportion.

    >>> class_blend([[1.0, 0.0, 0.0]]).round(3).tolist()
    [[0.498, 0.722, 0.847]]
    """
    p = np.asarray(p, dtype=float)
    return np.clip(p @ CLASS_TINTS[:p.shape[1]], 0.0, 1.0)


def grid_points(xlim, ylim, size=40):
    """A ``size`` x ``size`` grid over the box, as an (size*size, 2) array of points (x1, x2).

    >>> grid_points((0, 1), (0, 1), size=2).tolist()
    [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
    """
    xlim, ylim = check.check_limits(xlim, "xlim"), check.check_limits(ylim, "ylim")
    size = check.check_int(size, "size", minimum=2, maximum=2000)
    x1, x2 = np.meshgrid(np.linspace(*xlim, size), np.linspace(*ylim, size))
    return np.column_stack([x1.ravel(), x2.ravel()])


class ProbabilityMap:
    """The artists of :func:`plot_probability_map`, updatable in place."""

    def __init__(self, ax, xlim, ylim, size, show_colorbar):
        self.ax, self.size = ax, size
        self.image = ax.imshow(np.full((size, size), 0.5), origin="lower", extent=(*xlim, *ylim),
                               cmap=probability_cmap(), vmin=0, vmax=1, interpolation="bilinear",
                               aspect="auto", zorder=0)
        marks = {"s": 28, "edgecolors": _style.INK, "linewidths": 0.6, "zorder": 3}
        # Class 2 has artists too (a third class, softmax); they stay empty for two classes.
        self.train = [ax.scatter([], [], label=f"train, y = {k}", **_style.class_style(k), **marks) for k in (0, 1, 2)]
        self.test = [ax.scatter([], [], facecolors="none", label=f"test, y = {k}", zorder=3, s=28,
                                linewidths=1.2, marker=_style.class_style(k)["marker"],
                                edgecolors=_style.class_style(k)["color"]) for k in (0, 1, 2)]
        ax.set_xlim(*xlim)
        ax.set_ylim(*ylim)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$")
        if show_colorbar:
            bar = ax.figure.colorbar(self.image, ax=ax, fraction=0.05, pad=0.02)
            bar.set_label("$z$ = P(y = 1)")
        self.dynamic = [self.image, *self.train, *self.test]

    def update(self, z=None, X_train=None, y_train=None, X_test=None, y_test=None):
        """New probabilities and/or new points.

        ``z`` holds one P(y = 1) per grid point, or, for three classes, one row of class
        probabilities per grid point, shown as a blend of the classes' tints.
        """
        if z is not None:
            # one P(y = 1) per grid point, or a row of class probabilities per grid point
            z = _grid_values(z, "z", self.size * self.size, ndim=2 if np.ndim(z) == 2 else 1)
            if z.ndim == 2:
                z = class_blend(z)
            self.image.set_data(z.reshape(self.size, self.size, *z.shape[1:]))
        for artists, X, y, names in ((self.train, X_train, y_train, ("X", "y")),
                                     (self.test, X_test, y_test, ("X_test", "y_test"))):
            if X is not None or y is not None:
                X, y = _labelled_points(X, y, *names, n_classes=len(artists))
                for k, artist in enumerate(artists):
                    artist.set_offsets(X[y == k].reshape(-1, 2))
        return self


def _grid_values(z, name, count=None, *, ndim=1, probabilities=True):
    """Values (in [0, 1] for ``probabilities``) at the points of a square grid (``count`` when given)."""
    z = check.as_array(z, name, ndim=ndim)
    rows = len(z)
    size = int(round(np.sqrt(rows)))
    if size * size != rows or size < 2 or (count is not None and rows != count):
        want = f"{count}" if count is not None else "size * size"
        raise ValueError(f"{name} must hold {want} values, one per point of grid_points(xlim, ylim, size); got {rows}")
    outside = (z < 0) | (z > 1)
    if probabilities and outside.any():
        raise ValueError(f"{name} must hold values between 0 and 1; got {z[outside][0]:g}{check._where(outside)}")
    return z


def _labelled_points(X, y, name_X="X", name_y="y", n_classes=2):
    """Points ``(n, 2)`` with 0/1 labels (class ids 0 .. n_classes - 1 for more classes), one per point
    (both given or neither)."""
    if X is None or y is None:
        missing, given = (name_X, name_y) if X is None else (name_y, name_X)
        raise TypeError(f"{missing} must be given with {given}; got None")
    X = check.as_array(X, name_X, shape=(None, 2), allow_empty=True)
    if n_classes == 2:
        y = check.labels_01(y, name_y, ndim=1, allow_empty=True)
    else:
        y = check.class_ids(y, n_classes, name_y, ndim=1, allow_empty=True)
    check.check_same_length(X, name_X, y, name_y)
    return X, y


def plot_probability_map(z, xlim, ylim, X=None, y=None, X_test=None, y_test=None, ax=None,
                         show_colorbar=False):
    """Shade the plane by a model's output z = P(y = 1 | x), with the data on top.

    Parameters
    ----------
    z : (size * size,) array
        The model's output at :func:`grid_points` ``(xlim, ylim, size)``.
    X, y : (n, 2) and (n,) arrays, optional
        Training points (filled markers, shape and colour by class).
    X_test, y_test : optional
        Test points (hollow markers).

    Returns
    -------
    ProbabilityMap
    """
    z = _grid_values(z, "z")
    size = int(round(np.sqrt(z.size)))
    xlim, ylim = check.check_limits(xlim, "xlim"), check.check_limits(ylim, "ylim")
    for X_, y_, names in ((X, y, ("X", "y")), (X_test, y_test, ("X_test", "y_test"))):
        if X_ is not None or y_ is not None:
            _labelled_points(X_, y_, *names)
    check.check_bool(show_colorbar, "show_colorbar")
    artists = ProbabilityMap(get_ax(check.check_ax(ax)), xlim, ylim, size, show_colorbar)
    return artists.update(z, X, y, X_test, y_test)


def plot_hidden_units(u_grid, xlim, ylim, X=None, y=None, axes=None, title="u_{{{j}}}"):
    """One small map per hidden unit: where it is on (u near 1) and off (near 0).

    Parameters
    ----------
    u_grid : (size * size, p) array
        Hidden outputs at :func:`grid_points` (``MLP.hidden_outputs(grid)[0]``).
    axes : sequence of p Axes, optional

    Returns
    -------
    list of Axes
    """
    import matplotlib.pyplot as plt

    u_grid = _grid_values(u_grid, "u_grid", ndim=2, probabilities=False)
    p = u_grid.shape[1]
    size = int(round(np.sqrt(u_grid.shape[0])))
    xlim, ylim = check.check_limits(xlim, "xlim"), check.check_limits(ylim, "ylim")
    if X is not None or y is not None:
        X, y = _labelled_points(X, y)
    check.check_text(title, "title")
    if axes is None:
        axes = plt.figure(figsize=(2.6 * p, 2.6)).subplots(1, p, squeeze=False)[0]
    axes = check.check_axes(axes, "axes", p)
    x1, x2 = np.meshgrid(np.linspace(*xlim, size), np.linspace(*ylim, size))
    for j, ax in enumerate(axes):
        u = u_grid[:, j].reshape(size, size)
        ax.imshow(u, origin="lower", extent=(*xlim, *ylim), cmap="Greys", vmin=0, vmax=1, aspect="auto")
        ax.contour(x1, x2, u, levels=[0.5], colors=_style.INK, linewidths=2)
        if X is not None:
            for k in (0, 1):
                pts = np.asarray(X)[np.asarray(y) == k]
                ax.scatter(pts[:, 0], pts[:, 1], s=60, edgecolors=_style.INK, zorder=3, **_style.class_style(k))
        ax.set_title(f"${title.format(j=j + 1)}$", fontsize=10)
        ax.set_xlabel("$x_1$")
        ax.set_ylabel("$x_2$" if j == 0 else "")
    return list(axes)


def plot_loss_curves(ax=None, max_epochs=100, max_loss=1.0, log_epochs=False):
    """Empty train/test loss curves to fill with :meth:`LossCurves.update`.

    ``log_epochs=True`` makes the epoch axis linear from 0 to 1 and logarithmic beyond
    (0, 1, 10, 100, ...), so the first epochs keep their room on a long run.
    """
    max_epochs = check.check_int(max_epochs, "max_epochs", minimum=1)
    max_loss = check.check_positive(max_loss, "max_loss")
    check.check_bool(log_epochs, "log_epochs")
    return LossCurves(get_ax(check.check_ax(ax)), max_epochs, max_loss, log_epochs)


class LossCurves:
    """Train (solid) and test (dashed) loss against epochs, updatable in place."""

    def __init__(self, ax, max_epochs, max_loss, log_epochs=False):
        self.ax = ax
        self.train = ax.plot([], [], color=_style.INK, lw=1.8, label="train")[0]
        self.test = ax.plot([], [], color=_style.INK, lw=1.4, ls="--", label="test")[0]
        if log_epochs:
            from matplotlib.ticker import FuncFormatter

            ax.set_xscale("symlog", linthresh=1.0, linscale=0.4)
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))  # 1000, not 10^3
        ax.set_xlim(0, max_epochs)
        ax.set_ylim(0, max_loss)
        ax.set_xlabel("epoch (log scale)" if log_epochs else "epoch")
        ax.set_ylabel("loss $L$")
        ax.legend(loc="upper right", fontsize=8, frameon=False)
        ax.grid(alpha=0.3)
        self.dynamic = [self.train, self.test]

    def update(self, epochs, train, test):
        """Show the curves; returns True when the axes had to grow (a full redraw is needed)."""
        self.train.set_data(epochs, train)
        self.test.set_data(epochs, test)
        grew = False
        if len(epochs) and epochs[-1] > self.ax.get_xlim()[1]:
            self.ax.set_xlim(0, 2 * epochs[-1])  # doubling: a handful of full redraws per run
            grew = True
        return grew
