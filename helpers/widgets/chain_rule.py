"""chain_rule_explorer: move x and watch values flow forward and derivatives flow back."""

import numpy as np

from .. import autodiff
from .._validate import check_choice, check_setting
from ._access import number
from ._base import Explorer
from ._views import ViewBackgrounds

# name -> (chain builder, node names, how each node is computed, edge labels)
EXPRESSIONS = {
    "z = sin(x²)": (
        autodiff.sin_of_square,
        ["x", "u", "z"],
        ["input", "u = x²", "z = sin(u)"],
        ["du/dx = 2x", "dz/du = cos(u)"],
    ),
    "one neuron": (
        autodiff.one_neuron,
        ["x", "r", "u", "s", "z"],
        ["input", "r = v0 + v1·x\n(v0=-1, v1=2)", "u = sigmoid(r)", "s = w0 + w1·u\n(w0=0.5, w1=-1.5)",
         "z = sigmoid(s)"],
        ["dr/dx = v1", "du/dr = u(1-u)", "ds/du = w1", "dz/ds = z(1-z)"],
    ),
}


class ChainRuleExplorer(ViewBackgrounds, Explorer):
    """A chain x -> ... -> z drawn as a graph, and z(x) with its tangent at x.

    Use :func:`chain_rule_explorer` to make one.
    """

    factory = "chain_rule_explorer"

    X_RANGE = (-3.0, 3.0)

    def __init__(self, expression="z = sin(x²)", x=1.0, canvas="auto"):
        import ipywidgets as widgets

        expression = check_choice(expression, "expression", tuple(EXPRESSIONS))
        lo, hi = self.X_RANGE
        x = check_setting(x, "x", lo, hi)
        controls = {
            "expression": widgets.Dropdown(options=list(EXPRESSIONS), value=expression, description="chain",
                                           layout=widgets.Layout(width="220px")),
            "x": widgets.FloatSlider(value=x, min=lo, max=hi, step=0.05, description="x",
                                     continuous_update=True, readout_format=".2f",
                                     layout=widgets.Layout(width="350px")),  # 2 px per step
        }
        self._graphs = {}
        super().__init__(controls, figsize=(8.0, 5.2), canvas=canvas)

    def _build(self, fig):
        from .. import plots
        from ..plots import _style

        self.graph_ax = fig.add_axes([0.02, 0.5, 0.96, 0.48])
        self.curve_ax = fig.add_axes([0.1, 0.09, 0.86, 0.34])
        ax = self.curve_ax
        self.curve = ax.plot([], [], color=_style.INK, lw=2, label="z(x)")[0]
        self.tangent = ax.plot([], [], color=_style.DERIVATIVE, lw=1.5, ls="--", label="tangent, slope dz/dx")[0]
        self.point = ax.plot([], [], zorder=4, clip_on=False, **{**_style.CURRENT_MARKER, "ms": 13})[0]
        ax.set_xlim(*self.X_RANGE)
        ax.set_xlabel("$x$")
        ax.set_ylabel("$z$")
        ax.legend(loc="best", fontsize=8, framealpha=0.9)
        ax.grid(alpha=0.3)
        self._plots = plots
        self._shown = None
        self.graph = None
        self._curves = {}
        self._reset_views()
        self.dynamic += [self.tangent, self.point]

    def _show_expression(self, expression):
        """Draw the graph and the curve of ``expression`` (static until it changes)."""
        build, names, formulas, edges = EXPRESSIONS[expression]
        if self.graph is not None:
            old = set(map(id, self.graph.dynamic))
            self.dynamic[:] = [a for a in self.dynamic if id(a) not in old]
        self.graph_ax.clear()
        self.graph = self._plots.plot_chain_graph(names, formulas, edges, ax=self.graph_ax, output_is_one=True)
        self.dynamic += self.graph.dynamic
        if expression not in self._curves:
            xs = np.linspace(*self.X_RANGE, 301)
            self._curves[expression] = xs, np.array([build(autodiff.Value(float(t)))[-1].data for t in xs])
        xs, zs = self._curves[expression]
        self.curve.set_data(xs, zs)
        pad = 0.1 * (zs.max() - zs.min())
        self.curve_ax.set_ylim(zs.min() - pad, zs.max() + pad)
        self.curve_ax.set_title(f"{expression}: the tangent at x has slope dz/dx, the product of the local derivatives",
                                fontsize=9)
        self._switch_view(self._shown, expression)  # a full draw only the first time
        self._shown = expression

    def _update(self, expression, x):
        if expression != self._shown:
            self._show_expression(expression)
        build = EXPRESSIONS[expression][0]
        nodes = build(autodiff.Value(float(x)))
        local, backward = autodiff.chain_derivatives(nodes)
        values = [n.data for n in nodes]
        slope = backward[0]
        self.graph.update(values, local, backward)
        z = values[-1]
        half = 0.6
        self.tangent.set_data([x - half, x + half], [z - half * slope, z + half * slope])
        self.point.set_data([x], [z])
        self.state = {"expression": expression, "x": float(x), "values": values, "z": z,
                      "local_derivatives": local, "backward": backward, "dz_dx": slope,
                      "product": float(np.prod(local))}
        names = EXPRESSIONS[expression][1]
        digits = self._plots.graph.DIGITS  # as in the figure, so both show the same digits
        number = self._plots._style.number
        rows = "".join(f"<tr><td>{n}</td><td>{number(v, digits)}</td><td>{number(g, digits)}</td></tr>"
                       for n, v, g in zip(names, values, backward))
        self.set_readout(
            "<div style='font-size:13px'><table style='font-family:monospace'>"
            f"<tr><th>node</th><th>forward</th><th>dz/d node</th></tr>{rows}</table>"
            f"<div>product of the local derivatives:<br>{self._plots.graph.product_text(local)}</div>"
            f"<div>dz/dx from backward(): <b>{number(slope, digits)}</b></div></div>")

    def _describe(self):
        st = self.state
        return (f"{st['expression']} at x = {number(st['x'])}: z = {number(st['z'], 4)}; the tangent's slope "
                f"dz/dx = {number(st['dz_dx'], 4)}, the product of the local derivatives "
                f"{', '.join(number(d, 4) for d in st['local_derivatives'])}")


def chain_rule_explorer(expression="z = sin(x²)", x=1.0, canvas="auto"):
    """An explorer for the chain rule on a chain-shaped computation graph.

    Parameters
    ----------
    expression : {"z = sin(x²)", "one neuron"}
        The lecture's example, or x -> r -> u -> s -> z for one sigmoid neuron
        with fixed weights (v0, v1) = (-1, 2), (w0, w1) = (0.5, -1.5).
    x : float in [-3, 3]
        Starting input.
    canvas : {"auto", "ipympl", "image", "agg"}
        See :class:`helpers.widgets._base.Explorer`.

    Returns
    -------
    ChainRuleExplorer
        ``.controls`` (expression, x), ``.figure``, ``.state`` (values, local_derivatives,
        backward, dz_dx, product).

    Examples
    --------
    >>> explorer = chain_rule_explorer(x=1.0, canvas="agg")
    >>> round(explorer.state["dz_dx"], 4)          # 2 x cos(x^2) at x = 1
    1.0806
    >>> explorer.controls["expression"].value = "one neuron"
    >>> len(explorer.state["local_derivatives"])
    4
    """
    return ChainRuleExplorer(expression=expression, x=x, canvas=canvas)
