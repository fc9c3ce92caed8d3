"""A chain-shaped computation graph: nodes with values, edges with local derivatives."""

import numpy as np

from . import _style
from ._style import get_ax


class ChainGraph:
    """The artists of :func:`plot_chain_graph`, updatable in place.

    Attributes
    ----------
    ax : matplotlib Axes
    dynamic : list of the artists whose text changes (for blitting).
    """

    def __init__(self, ax, names, formulas, edge_names):
        self.ax = ax
        self.names = list(names)
        k = len(self.names)
        self.x = np.arange(k, dtype=float)
        ax.set_xlim(-1.0, k - 0.4)
        ax.set_ylim(-1.25, 1.15)
        ax.set_axis_off()
        box = {"boxstyle": "round,pad=0.45", "facecolor": "white", "edgecolor": _style.BLACK, "lw": 1.2}
        for x, name, formula in zip(self.x, self.names, formulas):
            ax.text(x, 0.0, f"${name}$", ha="center", va="center", fontsize=15, bbox=box, zorder=3)
            ax.text(x, -0.42, formula, ha="center", va="top", fontsize=8.5, color=_style.GREY)
        for i, edge in enumerate(edge_names):
            ax.annotate("", xy=(self.x[i + 1] - 0.22, 0.0), xytext=(self.x[i] + 0.22, 0.0),
                        arrowprops={"arrowstyle": "-|>", "color": _style.BLACK, "lw": 1.2})
            ax.text(self.x[i] + 0.5, 0.62, edge, ha="center", va="bottom", fontsize=9, color=_style.VERMILLION)
        # what changes with x: forward values above the nodes, local derivatives on the
        # edges, backward values (dz/d node) below, and the product along the bottom. Each
        # is a bare number (every glyph costs drawing time); row labels at the left say what.
        last = self.names[-1]
        for y, label, colour in ((0.3, "forward value", _style.BLUE), (0.12, "local derivative", _style.VERMILLION),
                                 (-0.8, f"d{last}/d(node)", _style.GREEN)):
            ax.text(-0.75, y, label, ha="left", va="bottom" if y > 0 else "top", fontsize=7.5, color=colour,
                    style="italic")
        self.values = [ax.text(x, 0.3, "", ha="center", va="bottom", fontsize=9.5, color=_style.BLUE)
                       for x in self.x]
        self.locals = [ax.text(self.x[i] + 0.5, 0.12, "", ha="center", va="bottom", fontsize=10,
                               color=_style.VERMILLION, fontweight="bold")
                       for i in range(k - 1)]
        self.backs = [ax.text(x, -0.8, "", ha="center", va="top", fontsize=9, color=_style.GREEN)
                      for x in self.x]
        self.product = ax.text(0.5 * (k - 1), -1.22, "", ha="center", va="bottom", fontsize=10.5)
        self.dynamic = [*self.values, *self.locals, *self.backs, self.product]

    def update(self, values, local_derivatives, backward):
        """Show forward ``values`` (one per node), ``local_derivatives`` (one per edge) and
        ``backward`` (dz/d node, one per node)."""
        last = self.names[-1]
        for text, value in zip(self.values, values):
            text.set_text(f"{value:.3f}")
        for text, d in zip(self.locals, local_derivatives):
            text.set_text(f"{d:.3f}")
        for text, g in zip(self.backs, backward):
            text.set_text(f"{g:.3f}")
        factors = " \u00d7 ".join(f"({d:.3f})" if d < 0 else f"{d:.3f}" for d in local_derivatives)
        self.product.set_text(f"d{last}/d{self.names[0]} = {factors} = {np.prod(local_derivatives):.4f}")
        return self


def plot_chain_graph(names, formulas, edge_names, ax=None):
    """Draw a chain x -> ... -> z as boxes and arrows; fill it with :meth:`ChainGraph.update`.

    Parameters
    ----------
    names : list of str
        Node names, input first (e.g. ``["x", "u", "z"]``).
    formulas : list of str
        How each node is computed, printed under it (e.g. ``"u = x²"``).
    edge_names : list of str
        Label of each edge, one fewer than nodes (e.g. ``"du/dx = 2x"``).
    ax : Axes, optional

    Returns
    -------
    ChainGraph
    """
    if len(formulas) != len(names) or len(edge_names) != len(names) - 1:
        raise ValueError("need one formula per node and one edge name per pair of neighbours")
    return ChainGraph(get_ax(ax, figsize=(7, 2.4)), names, formulas, edge_names)
