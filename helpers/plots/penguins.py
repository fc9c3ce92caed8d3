"""Figures for the real penguins: scatter by species, confusion matrix, class regions, hidden units.

Drawing only: models are trained elsewhere; :func:`plot_class_regions` only calls the
``predict`` function it is given on a grid of points.
"""

import numpy as np

from .. import _validate as check
from . import _style

_UNITS = {"mm": "mm", "g": "g"}


def feature_label(name, symbol=None):
    """A readable axis label for a column name: ``"bill_length_mm"`` -> ``"bill length (mm)"``.

    >>> feature_label("body_mass_g", symbol="x_4")
    '$x_4$: body mass (g)'
    """
    check.check_text(name, "name")
    check.check_text(symbol, "symbol", optional=True)
    words = name.split("_")
    unit = None
    if len(words) > 1 and words[-1] in _UNITS:
        unit = _UNITS[words.pop()]
    label = " ".join(words) + (f" ({unit})" if unit else "")
    return f"${symbol}$: {label}" if symbol else label


def _scatter_classes(ax, X2, y, class_names, size=22, alpha=0.85):
    artists = []
    for k, name in enumerate(class_names):
        mask = y == k
        artists.append(ax.scatter(X2[mask, 0], X2[mask, 1], s=size, alpha=alpha, label=name,
                                  edgecolors=_style.INK, linewidths=0.4, zorder=3,
                                  **_style.class_style(k)))
    return artists


def _birds(X, y, feature_names, class_names, *, columns=None):
    """Checked measurements ``(n, d)``, class ids (one per bird) and the names of both."""
    X = check.as_array(X, "X", ndim=2)
    class_names = check.check_texts(class_names, "class_names", minimum=1)
    if len(class_names) > len(_style.CLASS_STYLES):
        raise ValueError(f"class_names must hold at most {len(_style.CLASS_STYLES)} names (one colour per class); "
                         f"got {len(class_names)}")
    y = check.class_ids(y, len(class_names), "y", ndim=1)
    check.check_same_length(X, "X", y, "y")
    feature_names = check.check_texts(feature_names, "feature_names", X.shape[1] if columns is None else None)
    return X, y, feature_names, class_names


def plot_penguins(X, y, feature_names, class_names, columns=(0, 1), ax=None, legend=True,
                  title=None):
    """Scatter two measurements of the penguins, one colour *and* marker per species.

    Parameters
    ----------
    X : (n, d) array
    y : (n,) int array of class ids
    feature_names, class_names : sequences of str
    columns : (int, int)
        Which two columns of ``X`` go on the horizontal and vertical axes.
    ax : matplotlib Axes, optional

    Returns
    -------
    list of PathCollection, one per species
    """
    X, y, feature_names, class_names = _birds(X, y, feature_names, class_names)
    if columns is None or isinstance(columns, (str, bytes)) or not hasattr(columns, "__len__") or len(columns) != 2:
        raise TypeError(f"columns must be two column numbers, e.g. (0, 1); got {check._given(columns)}")
    i, j = (check.check_int(c, "columns", maximum=X.shape[1] - 1) for c in columns)
    check.check_bool(legend, "legend")
    check.check_text(title, "title", optional=True)
    ax = _style.get_ax(check.check_ax(ax), figsize=(4.6, 3.8))
    artists = _scatter_classes(ax, X[:, [i, j]], y, class_names)
    ax.set_xlabel(feature_label(feature_names[i]))
    ax.set_ylabel(feature_label(feature_names[j]))
    if title:
        ax.set_title(title, fontsize=10)
    if legend:
        ax.legend(fontsize=8, framealpha=0.9, loc="best")
    return artists


def plot_penguin_pairs(X, y, feature_names, class_names, fig=None, title=None):
    """Every pair of measurements in a grid of scatter plots (6 panels for 4 features).

    Returns
    -------
    list of Axes, one per pair, in the order (0, 1), (0, 2), ...
    """
    import matplotlib.pyplot as plt

    X, y, feature_names, class_names = _birds(X, y, feature_names, class_names)
    check.check_figure(fig)
    check.check_text(title, "title", optional=True)
    d = len(feature_names)
    if d < 2:
        raise ValueError(f"X must have at least 2 columns to draw pairs; got {d}")
    pairs = [(i, j) for i in range(d) for j in range(i + 1, d)]
    ncols = min(3, len(pairs))
    nrows = int(np.ceil(len(pairs) / ncols))
    if fig is None:
        fig = plt.figure(figsize=(3.3 * ncols, 2.9 * nrows + 0.4), dpi=80, layout="constrained")
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    for ax, pair in zip(axes, pairs):
        plot_penguins(X, y, feature_names, class_names, columns=pair, ax=ax, legend=False)
        ax.tick_params(labelsize=8)
        ax.xaxis.label.set_size(9)
        ax.yaxis.label.set_size(9)
    for ax in axes[len(pairs):]:
        ax.set_visible(False)
    handles = axes[0].collections[: len(class_names)]
    fig.legend(handles=handles, labels=list(class_names), loc="outside lower center",
               ncols=len(class_names), fontsize=9, frameon=False)
    if title:
        fig.suptitle(title, fontsize=11)
    return list(axes[: len(pairs)])


def plot_confusion_matrix(cm, class_names, ax=None, title="Confusion matrix"):
    """Draw a confusion matrix: row = true species, column = predicted species.

    Parameters
    ----------
    cm : (C, C) int array
        ``cm[t, p]`` counts the birds of class ``t`` predicted as class ``p``.
    class_names : sequence of C str

    Returns
    -------
    AxesImage
    """
    class_names = check.check_texts(class_names, "class_names")
    C = len(class_names)
    cm = check.as_array(cm, "cm", ndim=2)
    if cm.shape != (C, C):
        raise ValueError(f"cm must have shape ({C}, {C}) for {C} class_names; got {cm.shape}")
    if (cm < 0).any() or (cm != np.round(cm)).any():
        raise ValueError(f"cm must hold counts (whole numbers >= 0); got {cm[(cm < 0) | (cm != np.round(cm))][0]:g}")
    check.check_text(title, "title", optional=True)
    ax = _style.get_ax(check.check_ax(ax), figsize=(3.8, 3.4))
    image = ax.imshow(cm, cmap=_style.SEQUENTIAL_CMAP, vmin=0, vmax=max(int(cm.max()), 1))
    threshold = 0.6 * max(int(cm.max()), 1)
    for t in range(C):
        for p in range(C):
            colour = "white" if cm[t, p] > threshold else _style.INK
            weight = "bold" if t == p else "normal"
            ax.text(p, t, f"{int(cm[t, p])}", ha="center", va="center", color=colour,
                    fontsize=11, fontweight=weight)
    ax.set_xticks(range(C), class_names)
    ax.set_yticks(range(C), class_names)
    ax.set_xlabel("predicted species")
    ax.set_ylabel("true species")
    ax.set_title(title, fontsize=10)
    ax.tick_params(length=0)
    return image


def plot_class_regions(predict, X, y, feature_names, class_names, ax=None, resolution=200,
                       margin=0.08, title=None):
    """Shade the plane by the class that ``predict`` chooses, and scatter the birds on top.

    Parameters
    ----------
    predict : callable
        Takes an ``(m, 2)`` array of points in the units of ``X`` and returns ``(m,)``
        class ids (wrap any scaling inside it).
    X : (n, 2) array
    y : (n,) int array
    feature_names, class_names : sequences of str
    resolution : int
        Grid points along each axis.

    Returns
    -------
    (QuadMesh, list of PathCollection)
    """
    from matplotlib.colors import BoundaryNorm, ListedColormap

    check.check_callable(predict, "predict", "a function of an (m, 2) array returning m class ids")
    X = check.as_array(X, "X", ndim=2)
    if X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2) to draw regions in a plane; got {X.shape}")
    X, y, feature_names, class_names = _birds(X, y, feature_names, class_names)
    resolution = check.check_int(resolution, "resolution", minimum=2, maximum=2000)
    margin = check.check_number(margin, "margin", low=0, high=1)
    check.check_text(title, "title", optional=True)
    ax = _style.get_ax(check.check_ax(ax), figsize=(4.6, 3.8))
    lo, hi = X.min(axis=0), X.max(axis=0)
    pad = margin * (hi - lo)
    g1 = np.linspace(lo[0] - pad[0], hi[0] + pad[0], resolution)
    g2 = np.linspace(lo[1] - pad[1], hi[1] + pad[1], resolution)
    G1, G2 = np.meshgrid(g1, g2)
    C = len(class_names)
    labels = check.class_ids(predict(np.column_stack([G1.ravel(), G2.ravel()])), C, "the class ids predict returned")
    if labels.size != G1.size:
        raise ValueError(f"predict must return one class id per point ({G1.size}); got {labels.size}")
    labels = labels.reshape(G1.shape)
    tints = [_style.REGION_TINTS[k % len(_style.REGION_TINTS)] for k in range(C)]
    cmap = ListedColormap(tints)
    norm = BoundaryNorm(np.arange(-0.5, C), C)
    mesh = ax.pcolormesh(G1, G2, labels, cmap=cmap, norm=norm, shading="auto", zorder=0,
                         rasterized=True)
    ax.contour(G1, G2, labels, levels=np.arange(0.5, C - 1), colors=_style.GREY,
               linewidths=0.8, zorder=1)
    points = _scatter_classes(ax, X, y, class_names)
    ax.set_xlim(g1[0], g1[-1])
    ax.set_ylim(g2[0], g2[-1])
    ax.set_xlabel(feature_label(feature_names[0]))
    ax.set_ylabel(feature_label(feature_names[1]))
    if title:
        ax.set_title(title, fontsize=10)
    ax.legend(fontsize=8, framealpha=0.9, loc="best")
    return mesh, points


def plot_weight_matrix(V, row_labels, col_labels, ax=None, title=None, symbol="v"):
    """Heat map of a weight matrix with its values written in the cells.

    A diverging colour scale centred on 0: the sign of a weight reads as the hue, its
    size as the depth of colour, and the number is printed too.

    Parameters
    ----------
    V : (rows, cols) array, e.g. ``v_ij`` from input ``i`` to hidden unit ``j``
    row_labels, col_labels : sequences of str

    Returns
    -------
    AxesImage
    """
    row_labels, col_labels = check.check_texts(row_labels, "row_labels"), check.check_texts(col_labels, "col_labels")
    V = check.as_array(V, "V", ndim=2)
    if V.shape != (len(row_labels), len(col_labels)):
        raise ValueError(f"V has shape {V.shape} but there are {len(row_labels)} row_labels and "
                         f"{len(col_labels)} col_labels")
    check.check_text(title, "title", optional=True)
    check.check_text(symbol, "symbol")
    ax = _style.get_ax(check.check_ax(ax), figsize=(4.4, 3.4))
    limit = max(float(np.abs(V).max()), 1e-12)
    image = ax.imshow(V, cmap=_style.weight_cmap(), vmin=-limit, vmax=limit, aspect="auto")
    for i in range(V.shape[0]):
        for j in range(V.shape[1]):
            colour = "white" if abs(V[i, j]) > 0.6 * limit else _style.INK
            ax.text(j, i, _style.number(V[i, j], 1), ha="center", va="center", fontsize=8.5, color=colour)
    ax.set_xticks(range(V.shape[1]), col_labels, fontsize=8.5)
    ax.set_yticks(range(V.shape[0]), row_labels, fontsize=8.5)
    ax.tick_params(length=0)
    # the collection's weight colours: pink negative, green positive
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label="weight (pink < 0 < green)")
    if title:
        ax.set_title(title, fontsize=10)
    return image


def plot_hidden_activations(U, y, class_names, ax=None, title=None):
    """Each bird's hidden-unit outputs ``u_j`` as one row of an image, birds grouped by species.

    Parameters
    ----------
    U : (n, p) array of hidden outputs (values in [0, 1] for sigmoid units)
    y : (n,) int array of class ids

    Returns
    -------
    AxesImage
    """
    U = check.as_array(U, "U", ndim=2)
    class_names = check.check_texts(class_names, "class_names")
    y = check.class_ids(y, len(class_names), "y", ndim=1)
    check.check_same_length(U, "U", y, "y")
    check.check_text(title, "title", optional=True)
    order = np.argsort(y, kind="stable")
    ax = _style.get_ax(check.check_ax(ax), figsize=(3.6, 4.0))
    image = ax.imshow(U[order], cmap=_style.SEQUENTIAL_CMAP, vmin=0.0, vmax=1.0, aspect="auto",
                      interpolation="nearest")
    counts = np.bincount(y, minlength=len(class_names))
    edges = np.cumsum(counts)
    for edge in edges[:-1]:
        ax.axhline(edge - 0.5, color=_style.INK, lw=3.2)  # a white line edged in black:
        ax.axhline(edge - 0.5, color="white", lw=1.4)  # visible on any grey
    centres = edges - counts / 2 - 0.5
    ax.set_yticks(centres, class_names, fontsize=9)
    ax.set_xticks(range(U.shape[1]), [f"$u_{{{j + 1}}}$" for j in range(U.shape[1])])
    ax.tick_params(length=0)
    ax.set_xlabel("hidden unit")
    ax.figure.colorbar(image, ax=ax, label="$u_j$", shrink=0.8)
    if title:
        ax.set_title(title, fontsize=10)
    return image
