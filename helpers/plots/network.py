"""A network diagram: one column of nodes per layer, one edge per weight."""

import numpy as np

from .. import _validate as check
from . import _style
from ._style import get_ax



def _sign_cmap():
    """Entries below zero pink, zero and above green (the collection's weight colours)."""
    from matplotlib.colors import BoundaryNorm, ListedColormap

    return ListedColormap([_style.NEGATIVE, _style.POSITIVE]), BoundaryNorm([-1.0, 0.0, 1.0], 2)


class NetworkDiagram:
    """The artists of :func:`plot_network`; :meth:`update` recolours the edges in place.

    Edges follow the collection's weight colours: positive green and solid, negative
    pink and dashed, wider for a larger size (relative to the largest entry).

    Attributes
    ----------
    ax : matplotlib Axes
    edges : LineCollection, one segment per weight, in the order of ``params`` flattened;
        ``edges.get_array()`` holds each entry divided by the largest size
    dynamic : list of the artists that change with the weights (for blitting).
    """

    def __init__(self, ax, layer_sizes, input_names=None):
        from matplotlib.collections import LineCollection

        self.ax = check.check_ax(ax, optional=False)
        self.layer_sizes = _layer_sizes(layer_sizes)
        if input_names is not None:
            input_names = check.check_texts(input_names, "input_names", self.layer_sizes[0])
        ax.set_axis_off()
        columns = len(self.layer_sizes)
        tallest = max(self.layer_sizes) + 1
        ax.set_xlim(-0.55, columns - 0.45)
        ax.set_ylim(-0.9, tallest - 0.3)
        self.positions = []  # per layer: (n + 1, 2) for layers with a bias node (row 0), (n, 2) for the output
        for layer, n in enumerate(self.layer_sizes):
            with_bias = layer < columns - 1
            count = n + with_bias
            ys = (tallest - 1) / 2 + (count - 1) / 2 - np.arange(count)
            self.positions.append(np.column_stack([np.full(count, float(layer)), ys]))
        segments = []
        for layer in range(columns - 1):
            start, end = self.positions[layer], self.positions[layer + 1]
            end = end[1:] if layer + 1 < columns - 1 else end  # nothing feeds a bias node
            segments += [(a, b) for a in start for b in end]
        cmap, norm = _sign_cmap()
        self.edges = LineCollection(segments, cmap=cmap, norm=norm, zorder=1, capstyle="butt")
        ax.add_collection(self.edges)
        # Nodes are drawn after the edges (they are dynamic too), so labels sit beside them,
        # where no edge passes, instead of inside where edges would cover them.
        names = input_names or [f"$x_{i}$" for i in range(1, self.layer_sizes[0] + 1)]
        units = np.vstack([pos[1:] if layer < columns - 1 else pos for layer, pos in enumerate(self.positions)])
        biases = np.vstack([pos[:1] for pos in self.positions[:-1]])
        self.nodes = ax.scatter(units[:, 0], units[:, 1], s=220, c="white", edgecolors=_style.INK,
                                linewidths=1.2, zorder=2)
        self.bias_nodes = ax.scatter(biases[:, 0], biases[:, 1], s=150, c="#E6E6E6", edgecolors=_style.GREY,
                                     marker="s", linewidths=1.0, zorder=2)
        beside = {"textcoords": "offset points", "va": "center"}  # a fixed gap, whatever the axes size
        for point in biases:
            ax.annotate("1", point, xytext=(-9, 0), ha="right", fontsize=8, color=_style.GREY, **beside)
        for point, label in zip(self.positions[0][1:], names):
            ax.annotate(label, point, xytext=(-10, 0), ha="right", fontsize=9, **beside)
        outputs = self.positions[-1]
        out_names = ["$z$"] if len(outputs) == 1 else [f"$z_{k}$" for k in range(1, len(outputs) + 1)]
        for point, label in zip(outputs, out_names):
            ax.annotate(label, point, xytext=(10, 0), ha="left", fontsize=9, **beside)
        for layer in range(columns - 1):
            letter = "v" if layer == 0 else "w" if layer == columns - 2 else f"v^{{({layer + 1})}}"
            ax.text(layer + 0.5, -0.75, f"${letter}$", ha="center", va="center", fontsize=10)
        self.caption = ax.text(0.5, 1.0, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=8.5)
        self.largest = 0.0
        self.dynamic = [self.edges, self.nodes, self.bias_nodes]

    def update(self, matrices, what="weights"):
        """Colour and thicken each edge by its entry of ``matrices`` (weights or dL/dw).

        Width grows with the size of the entry, colour and dash say its sign (green
        solid +, pink dashed -); sizes are relative to the largest entry (kept in
        ``largest``). Returns True when the caption (``what``) changed, i.e. the static
        part needs redrawing.
        """
        check.check_text(what, "what")
        values = _entries(matrices, self.layer_sizes, "matrices")
        if values.size != len(self.edges.get_segments()):
            raise ValueError(f"expected {len(self.edges.get_segments())} entries for layers "
                             f"{self.layer_sizes}; got {values.size}")
        top = float(np.max(np.abs(values))) if values.size else 0.0
        scaled = values / top if top > 0 else values
        self.edges.set_array(scaled)
        self.edges.set_linewidths(0.5 + 3.5 * np.abs(scaled))
        self.edges.set_linestyles([_style.NEGATIVE_STYLE if v < 0 else _style.POSITIVE_STYLE for v in scaled])
        self.largest = top
        caption = f"edges: {what}\ngreen solid +, pink dashed \u2212, width ~ size"
        changed = caption != self.caption.get_text()
        self.caption.set_text(caption)
        return changed


def _entries(matrices, layer_sizes, name):
    """Every entry of one weight matrix per pair of layers, bias row first, flattened in order."""
    if matrices is None or isinstance(matrices, (str, bytes)) or not hasattr(matrices, "__iter__"):
        raise TypeError(f"{name} must be a list of weight matrices (like MLP.params); got {check._given(matrices)}")
    shapes = [(n_in + 1, n_out) for n_in, n_out in zip(layer_sizes, layer_sizes[1:])]
    matrices = list(matrices)
    if len(matrices) != len(shapes):
        raise ValueError(f"{name} must hold {len(shapes)} matrices of shapes {shapes} "
                         f"({sum(a * b for a, b in shapes)} entries) for layers {layer_sizes}; got {len(matrices)}")
    return np.concatenate([check.as_array(m, f"{name}[{k}]", shape=shape).ravel()
                           for k, (m, shape) in enumerate(zip(matrices, shapes))])


def _layer_sizes(layer_sizes):
    """At least two layers of whole, positive sizes, as a list of ints."""
    if layer_sizes is None or isinstance(layer_sizes, (str, bytes)) or not hasattr(layer_sizes, "__iter__"):
        raise TypeError(f"layer_sizes must be a list of whole numbers, e.g. [2, 3, 1]; got {check._given(layer_sizes)}")
    sizes = [check.check_int(n, f"layer_sizes[{k}]", minimum=1) for k, n in enumerate(layer_sizes)]
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes must list at least an input and an output layer; got {sizes}")
    return sizes


def plot_network(layer_sizes, params=None, ax=None, what="weights", input_names=None):
    """Draw a layered network; edges coloured by ``params`` when given.

    Parameters
    ----------
    layer_sizes : sequence of int
        e.g. ``[2, 3, 1]``.
    params : list of (n_in + 1, n_out) arrays, optional
        Weight matrices with the bias in row 0 (``helpers.mlp.MLP.params``), or
        their gradients.
    ax : Axes, optional
    what : str
        Caption: what the edges show.

    Returns
    -------
    NetworkDiagram
    """
    layer_sizes = _layer_sizes(layer_sizes)
    check.check_text(what, "what")
    if params is not None:
        _entries(params, layer_sizes, "params")
    if input_names is not None:
        check.check_texts(input_names, "input_names", layer_sizes[0])
    diagram = NetworkDiagram(get_ax(check.check_ax(ax), figsize=(4, 3)), layer_sizes, input_names=input_names)
    if params is not None:
        diagram.update(params, what=what)
    return diagram
