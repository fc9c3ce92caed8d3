"""A chain-shaped computation graph: nodes with values, edges with local derivatives."""

import numpy as np

from .. import _validate as check
from . import _style
from ._style import get_ax

DIGITS = 4  # decimals of every number in the graph (and in the chain-rule explorer's readout)


def product_text(factors, digits=DIGITS):
    """``"a × b × (−c) = p"`` with each number at ``digits`` decimals; "≈" instead of "="
    when the printed factors do not multiply out to the printed product.

    >>> product_text([2.0, 0.5403])
    '2.0000 × 0.5403 = 1.0806'
    >>> product_text([2.0, 0.00661, -1.5, 0.19783])   # 2 × 0.0066 × 1.5 × 0.1978 = 0.0039164
    '2.0000 × 0.0066 × (−1.5000) × 0.1978 = −0.0039'
    >>> product_text([0.33333, 3.0])                  # 0.3333 × 3 = 0.9999, not 1.0000
    '0.3333 × 3.0000 ≈ 1.0000'
    """
    from decimal import Decimal

    shown = [_style.number(f, digits) for f in factors]
    exact = _style.number(np.prod(factors), digits)
    # The printed factors multiplied in decimal, as by hand (a float product can miss a half).
    by_hand = np.prod([Decimal(t.replace("\u2212", "-")) for t in shown])
    sign = "=" if by_hand.quantize(Decimal(1).scaleb(-digits)) == Decimal(exact.replace("\u2212", "-")) else "\u2248"
    text = " \u00d7 ".join(f"({t})" if t.startswith("\u2212") else t for t in shown)
    return f"{text} {sign} {exact}"


class ChainGraph:
    """The artists of :func:`plot_chain_graph`, updatable in place.

    Attributes
    ----------
    ax : matplotlib Axes
    dynamic : list of the artists whose text changes (for blitting).
    """

    def __init__(self, ax, names, formulas, edge_names, output_is_one=False):
        self.ax = check.check_ax(ax, optional=False)
        names, formulas, edge_names = _graph_texts(names, formulas, edge_names)
        output_is_one = check.check_bool(output_is_one, "output_is_one")
        self.names = list(names)
        k = len(self.names)
        self.x = np.arange(k, dtype=float)
        ax.set_xlim(-1.0, k - 0.4)
        ax.set_ylim(-1.25, 1.15)
        ax.set_axis_off()
        box = {"boxstyle": "round,pad=0.45", "facecolor": "white", "edgecolor": _style.INK, "lw": 1.2}
        for x, name, formula in zip(self.x, self.names, formulas):
            ax.text(x, 0.0, f"${name}$", ha="center", va="center", fontsize=15, bbox=box, zorder=3)
            ax.text(x, -0.42, formula, ha="center", va="top", fontsize=8.5, color=_style.GREY)
        for i, edge in enumerate(edge_names):
            ax.annotate("", xy=(self.x[i + 1] - 0.22, 0.0), xytext=(self.x[i] + 0.22, 0.0),
                        arrowprops={"arrowstyle": "-|>", "color": _style.INK, "lw": 1.2})
            ax.text(self.x[i] + 0.5, 0.62, edge, ha="center", va="bottom", fontsize=9, color=_style.DERIVATIVE)
        # what changes with x: forward values above the nodes, local derivatives on the
        # edges, backward values (dz/d node) below, and the product along the bottom. Each
        # is a bare number (every glyph costs drawing time); row labels at the left say what.
        last = self.names[-1]
        for y, label, colour in ((0.3, "forward value", _style.INK), (0.12, "local derivative", _style.DERIVATIVE),
                                 (-0.8, f"d{last}/d(node)", _style.DERIVATIVE)):
            ax.text(-0.97, y, label, ha="left", va="bottom" if y > 0 else "top", fontsize=7.5, color=colour,
                    style="italic")
        self.values = [ax.text(x, 0.3, "", ha="center", va="bottom", fontsize=9.5, color=_style.INK)
                       for x in self.x]
        self.locals = [ax.text(self.x[i] + 0.5, 0.12, "", ha="center", va="bottom", fontsize=10,
                               color=_style.DERIVATIVE, fontweight="bold")
                       for i in range(k - 1)]
        self.backs = [ax.text(x, -0.8, "", ha="center", va="top", fontsize=9, color=_style.DERIVATIVE)
                      for x in self.x]
        # What never changes is drawn once (every glyph of a moving number costs drawing
        # time): the product line's left-hand side, and with ``output_is_one`` (a graph
        # always shown after backward) d(last)/d(last) = 1.
        self.output_is_one = output_is_one
        middle = 0.15 * (k - 1)  # where "=" sits: the line as a whole about centred for 3 or 5 nodes
        ax.text(middle, -1.22, f"d{last}/d{self.names[0]} = ", ha="right", va="bottom", fontsize=10.5)
        self.product = ax.text(middle, -1.22, "", ha="left", va="bottom", fontsize=10.5)
        backs = self.backs
        if output_is_one:
            self.backs[-1].set_text(_style.number(1.0, DIGITS))
            backs = self.backs[:-1]
        self.dynamic = [*self.values, *self.locals, *backs, self.product]

    def update(self, values, local_derivatives, backward):
        """Show forward ``values`` (one per node), ``local_derivatives`` (one per edge) and
        ``backward`` (dz/d node, one per node)."""
        last = self.names[-1]
        number = _style.number
        k = len(self.names)
        values = check.as_array(values, "values", shape=(k,))
        local_derivatives = check.as_array(local_derivatives, "local_derivatives", shape=(k - 1,))
        backward = check.as_array(backward, "backward", shape=(k,))
        for text, value in zip(self.values, values):
            text.set_text(number(value, DIGITS))
        for text, d in zip(self.locals, local_derivatives):
            text.set_text(number(d, DIGITS))
        if self.output_is_one and backward[-1] != 1.0:
            raise ValueError(f"backward must end with d{last}/d{last} = 1; got {backward[-1]}")
        for text, g in zip(self.backs, backward):
            text.set_text(number(g, DIGITS))
        self.product.set_text(product_text(local_derivatives))
        return self


def _graph_texts(names, formulas, edge_names):
    names = check.check_texts(names, "names", minimum=2)
    formulas = check.check_texts(formulas, "formulas")
    edge_names = check.check_texts(edge_names, "edge_names")
    if len(formulas) != len(names) or len(edge_names) != len(names) - 1:
        raise ValueError(f"need one formula per node and one edge name per pair of neighbours: "
                         f"{len(names)} names take {len(names)} formulas and {len(names) - 1} edge_names; "
                         f"got {len(formulas)} formulas and {len(edge_names)} edge_names")
    return names, formulas, edge_names


def plot_chain_graph(names, formulas, edge_names, ax=None, output_is_one=False):
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
    output_is_one : bool
        The graph is only ever shown after ``backward()``, so d(last)/d(last) is always 1:
        it is drawn once, as a static label (an explorer's blitting then skips it).

    Returns
    -------
    ChainGraph
    """
    names, formulas, edge_names = _graph_texts(names, formulas, edge_names)
    check.check_bool(output_is_one, "output_is_one")
    return ChainGraph(get_ax(check.check_ax(ax), figsize=(7, 2.4)), names, formulas, edge_names, output_is_one=output_is_one)
