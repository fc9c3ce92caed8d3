"""Backpropagation on a 2-2-1 network, one quantity at a time: the diagram and the written steps.

:func:`backprop_steps` turns :func:`helpers.mlp.backprop_trace` into the lecture's order of
computation (forward: r, u, s, z, L; backward: dL/dz, dL/ds, dL/dw, dL/du, dL/dr, dL/dv),
each step with its formula, the formula with the numbers put in, and its value.
:class:`BackpropDiagram` draws the network once and, for the first k steps, writes each
value on its node or edge and lights up the one being computed.
"""

from decimal import Decimal

import numpy as np

from . import _style
from ._style import get_ax

DIGITS = 4  # decimals of every computed number (the notebook prints four)
SUB = str.maketrans("0123456789", "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089")
D = "\u2202"  # the partial-derivative sign
MINUS = "\u2212"


def _sub(text):
    return str(text).translate(SUB)


def _given(value):
    """A number given by the example (an input or a weight), as short as it is: 0.5, −0.4, 1."""
    return f"{float(value):g}".replace("-", MINUS)


def _computed(value):
    return _style.number(value, DIGITS)


def _factor(text):
    """A number as a factor of a product: negative ones in brackets."""
    return f"({text})" if text.startswith(MINUS) else text


def _dec(text):
    return Decimal(text.replace(MINUS, "-"))


def _result(value, by_hand):
    """'= 0.6000', or '≈ 0.6000' when the printed numbers, worked by hand, round to another value."""
    shown = _computed(value)
    exact = by_hand.quantize(Decimal(1).scaleb(-DIGITS)) == _dec(shown)
    return f"{'=' if exact else chr(0x2248)} {shown}"


class Step:
    """One quantity of the walk: ``name`` (state key), ``label`` (as printed), ``phase``,
    ``formula``, ``worked`` (the formula with numbers) and ``value``; ``element`` is the
    node name or the (from, to) edge it is written on."""

    def __init__(self, name, label, phase, formula, worked, value, element):
        self.name, self.label, self.phase = name, label, phase
        self.formula, self.worked, self.value, self.element = formula, worked, float(value), element

    def __repr__(self):
        return f"Step({self.name!r}, {self.value:.6g})"


def backprop_steps(trace):
    """The 22 steps of one forward and backward pass through a network with 2 inputs and 2 hidden units.

    ``trace`` is :func:`helpers.mlp.backprop_trace` of a sigmoid network. Each step's
    ``worked`` line puts in the numbers as printed (four decimals for computed ones) and
    ends with "=" when those printed numbers, worked by hand, give the printed result,
    "≈" when rounding makes them miss it by a digit.

    >>> from helpers import mlp
    >>> steps = backprop_steps(mlp.backprop_trace(*mlp.worked_example()))
    >>> len(steps), steps[0].worked
    (22, '= 1·0.1 + 1·0.5 + 0·(−0.4) = 0.6000')
    """
    x, v, w = trace["x"], trace["v"], trace["w"]
    if v.shape != (3, 2):
        raise ValueError(f"backprop_steps draws 2 inputs and 2 hidden units; got v of shape {v.shape}")
    xs = [_given(t) for t in x]
    steps = []
    r, u = trace["r"], trace["u"]
    for j in (1, 2):
        terms = [(xs[i], _given(v[i, j - 1])) for i in range(3)]
        formula = f"r{_sub(j)} = " + " + ".join(f"x{_sub(i)}v{_sub(f'{i}{j}')}" for i in range(3))
        by_hand = sum(_dec(a) * _dec(b) for a, b in terms)
        worked = "= " + " + ".join(f"{a}\u00b7{_factor(b)}" for a, b in terms) + " " + _result(r[j - 1], by_hand)
        steps.append(Step(f"r{j}", f"r{_sub(j)}", "forward", formula, worked, r[j - 1], f"r{j}"))
    for j in (1, 2):
        shown_r = _computed(r[j - 1])
        by_hand = Decimal(1 / (1 + np.exp(-float(_dec(shown_r)))))
        steps.append(Step(f"u{j}", f"u{_sub(j)}", "forward", f"u{_sub(j)} = sigmoid(r{_sub(j)}) = 1 / (1 + exp({MINUS}r{_sub(j)}))",
                          f"= 1 / (1 + exp({MINUS}{_factor(shown_r)})) {_result(u[j - 1], by_hand)}", u[j - 1], f"u{j}"))
    us = ["1", _computed(u[0]), _computed(u[1])]
    terms = [(us[j], _given(w[j])) for j in range(3)]
    by_hand = sum(_dec(a) * _dec(b) for a, b in terms)
    steps.append(Step("s", "s", "forward", "s = u\u2080w\u2080 + u\u2081w\u2081 + u\u2082w\u2082",
                      "= " + " + ".join(f"{a}\u00b7{_factor(b)}" for a, b in terms) + " " + _result(trace["s"], by_hand),
                      trace["s"], "s"))
    shown_s = _computed(trace["s"])
    by_hand = Decimal(1 / (1 + np.exp(-float(_dec(shown_s)))))
    steps.append(Step("z", "z", "forward", f"z = sigmoid(s) = 1 / (1 + exp({MINUS}s))",
                      f"= 1 / (1 + exp({MINUS}{_factor(shown_s)})) {_result(trace['z'], by_hand)}", trace["z"], "z"))
    y = trace["y"]
    shown_z, shown_1z = _computed(trace["z"]), _computed(1 - trace["z"])
    ys, y1s = _given(y), _given(1 - y)
    by_hand = Decimal(-(y * np.log(float(_dec(shown_z))) + (1 - y) * np.log(float(_dec(shown_1z)))))
    steps.append(Step("L", "L", "forward", f"L = {MINUS}[y\u00b7log z + (1 {MINUS} y)\u00b7log(1 {MINUS} z)]",
                      f"= {MINUS}[{ys}\u00b7log {shown_z} + {y1s}\u00b7log {shown_1z}] {_result(trace['L'], by_hand)}",
                      trace["L"], "L"))
    # backward
    by_hand = Decimal(-y / float(_dec(shown_z)) + (1 - y) / float(_dec(shown_1z)))
    steps.append(Step("dL/dz", f"{D}L/{D}z", "backward", f"{D}L/{D}z = {MINUS}y/z + (1 {MINUS} y)/(1 {MINUS} z)",
                      f"= {MINUS}{ys}/{shown_z} + {y1s}/{shown_1z} {_result(trace['dL/dz'], by_hand)}",
                      trace["dL/dz"], "z"))
    shown_dz = _computed(trace["dL/dz"])
    by_hand = _dec(shown_dz) * _dec(shown_z) * _dec(shown_1z)
    steps.append(Step("dL/ds", f"{D}L/{D}s", "backward", f"{D}L/{D}s = {D}L/{D}z \u00b7 z(1 {MINUS} z)   (= z {MINUS} y)",
                      f"= {_factor(shown_dz)}\u00b7{shown_z}\u00b7{shown_1z} {_result(trace['dL/ds'], by_hand)}",
                      trace["dL/ds"], "s"))
    shown_ds = _computed(trace["dL/ds"])
    for j in range(3):
        by_hand = _dec(shown_ds) * _dec(us[j])
        steps.append(Step(f"dL/dw{j}", f"{D}L/{D}w{_sub(j)}", "backward", f"{D}L/{D}w{_sub(j)} = {D}L/{D}s \u00b7 u{_sub(j)}",
                          f"= {_factor(shown_ds)}\u00b7{us[j]} {_result(trace['dL/dw'][j], by_hand)}",
                          trace["dL/dw"][j], (f"u{j}", "s")))
    for j in (1, 2):
        by_hand = _dec(shown_ds) * _dec(_given(w[j]))
        steps.append(Step(f"dL/du{j}", f"{D}L/{D}u{_sub(j)}", "backward", f"{D}L/{D}u{_sub(j)} = {D}L/{D}s \u00b7 w{_sub(j)}",
                          f"= {_factor(shown_ds)}\u00b7{_factor(_given(w[j]))} {_result(trace['dL/du'][j - 1], by_hand)}",
                          trace["dL/du"][j - 1], f"u{j}"))
    for j in (1, 2):
        shown_du, shown_u, shown_1u = _computed(trace["dL/du"][j - 1]), us[j], _computed(1 - u[j - 1])
        by_hand = _dec(shown_du) * _dec(shown_u) * _dec(shown_1u)
        steps.append(Step(f"dL/dr{j}", f"{D}L/{D}r{_sub(j)}", "backward",
                          f"{D}L/{D}r{_sub(j)} = {D}L/{D}u{_sub(j)} \u00b7 u{_sub(j)}(1 {MINUS} u{_sub(j)})",
                          f"= {_factor(shown_du)}\u00b7{shown_u}\u00b7{shown_1u} {_result(trace['dL/dr'][j - 1], by_hand)}",
                          trace["dL/dr"][j - 1], f"r{j}"))
    for j in (1, 2):
        shown_dr = _computed(trace["dL/dr"][j - 1])
        for i in range(3):
            by_hand = _dec(shown_dr) * _dec(xs[i])
            steps.append(Step(f"dL/dv{i}{j}", f"{D}L/{D}v{_sub(f'{i}{j}')}", "backward",
                              f"{D}L/{D}v{_sub(f'{i}{j}')} = {D}L/{D}r{_sub(j)} \u00b7 x{_sub(i)}",
                              f"= {_factor(shown_dr)}\u00b7{xs[i]} {_result(trace['dL/dv'][i, j - 1], by_hand)}",
                              trace["dL/dv"][i, j - 1], (f"x{i}", f"r{j}")))
    return steps


# Where each node sits (data coordinates of an axes without axes).
NODES = {
    "x0": (0.0, 3.6), "x1": (0.0, 2.4), "x2": (0.0, 1.2),
    "r1": (3.0, 3.0), "r2": (3.0, 1.4),
    "u0": (4.6, 4.3), "u1": (4.6, 3.0), "u2": (4.6, 1.4),
    "s": (6.7, 2.2), "z": (8.3, 2.2), "L": (9.8, 2.2),
}
BIAS = ("x0", "u0")
HALO_GAP = 0.32  # the band on an edge stops this far (data units) from the nodes' centres, outside their circles
NODE_NAMES = {"x0": "x\u2080 = 1", "u0": "u\u2080 = 1"}
# Where along an edge (0 = its start) its weight and its gradient are written
# (into r1 and into r2 at different places, so that no two labels meet where edges cross; into s
# clear of the labels under u1 and s)
WEIGHT_AT = {"r1": 0.26, "r2": 0.26, "s": 0.33}  # clear of the nodes, which must not be drawn over
GRADIENT_AT = {"r1": 0.72, "r2": 0.45, ("u0", "s"): 0.56, ("u1", "s"): 0.62, ("u2", "s"): 0.5}


class BackpropDiagram:
    """The artists of :func:`plot_backprop`; :meth:`update` shows the first ``k`` steps.

    Attributes
    ----------
    values : dict node -> Text above it (its forward value)
    grads : dict node -> Text under it (dL/d node)
    edge_grads : dict (from, to) -> Text on the edge (dL/d weight)
    halo_node, halo_edge : the light on what step k computes
    box : the step's formula and the numbers put in
    dynamic : every artist :meth:`update` changes (for blitting)
    """

    def __init__(self, ax, trace):
        from matplotlib.collections import LineCollection

        self.ax = ax
        ax.set_xlim(-1.35, 10.55)
        ax.set_ylim(-0.25, 4.75)
        ax.set_axis_off()
        for spine in ax.spines.values():  # hidden with the axis, also for an explorer that redraws spines itself
            spine.set_visible(False)
        v, w = trace["v"], trace["w"]
        weights = {(f"x{i}", f"r{j}"): v[i, j - 1] for j in (1, 2) for i in range(3)}
        weights.update({(f"u{j}", "s"): w[j] for j in range(3)})
        self.weight_of = weights
        top = max(abs(value) for value in weights.values())
        segments = [(NODES[a], NODES[b]) for a, b in weights]
        edges = LineCollection(segments, colors=[_style.POSITIVE if t >= 0 else _style.NEGATIVE for t in weights.values()],
                               linewidths=[0.8 + 2.6 * abs(t) / top for t in weights.values()],
                               linestyles=[_style.POSITIVE_STYLE if t >= 0 else _style.NEGATIVE_STYLE
                                           for t in weights.values()], zorder=1)
        ax.add_collection(edges)
        plain = [(NODES[f"r{j}"], NODES[f"u{j}"]) for j in (1, 2)] + [(NODES["s"], NODES["z"]), (NODES["z"], NODES["L"])]
        ax.add_collection(LineCollection(plain, colors=_style.INK, linewidths=1.0, zorder=1))
        # The weights' labels are redrawn with every step: the light on an edge passes under them.
        self.weight_labels = []
        for (a, b), t in weights.items():
            (xa, ya), (xb, yb) = NODES[a], NODES[b]
            f = WEIGHT_AT[b]
            name = f"v{_sub(a[1] + b[1])}" if b != "s" else f"w{_sub(a[1])}"
            self.weight_labels.append(ax.text(xa + f * (xb - xa), ya + f * (yb - ya), f"{name} = {_given(t)}",
                                              ha="center", va="center", fontsize=8, color=_style.INK, zorder=2,
                                              bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5,
                                                    "alpha": 0.9}))
        for j in (1, 2):
            (xa, ya), (xb, yb) = NODES[f"r{j}"], NODES[f"u{j}"]
            ax.text((xa + xb) / 2, ya + 0.12, "sigmoid", ha="center", va="bottom", fontsize=7.5, color=_style.MUTED)
        xs = [NODES[n][0] for n in NODES if n not in BIAS]
        ys = [NODES[n][1] for n in NODES if n not in BIAS]
        ax.scatter(xs, ys, s=900, c="white", edgecolors=_style.INK, linewidths=1.3, zorder=3)
        ax.scatter([NODES[n][0] for n in BIAS], [NODES[n][1] for n in BIAS], s=700, c="#E6E6E6", marker="s",
                   edgecolors=_style.MUTED, linewidths=1.0, zorder=3)
        for name, (x, y) in NODES.items():
            label = {"x0": "1", "u0": "1"}.get(name, name[0] + _sub(name[1:]))
            ax.text(x, y, label, ha="center", va="center", fontsize=12, zorder=4,
                    color=_style.MUTED if name in BIAS else _style.INK)
        inputs = {f"x{i}": t for i, t in enumerate(trace["x"])}
        for name in ("x0", "x1", "x2", "u0"):
            x, y = NODES[name]
            given = f"{name[0]}{_sub(name[1])} = {_given(inputs.get(name, 1.0))}"
            ax.text(x - 0.32 if name != "u0" else x, y if name != "u0" else y + 0.3, given,
                    ha="right" if name != "u0" else "center", va="center", fontsize=9, color=_style.INK)
        x, y = NODES["L"]
        ax.text(x, y - 0.55, f"y = {_given(trace['y'])}", ha="center", va="top", fontsize=9, color=_style.INK)
        ax.text(-1.25, -0.2, "black: forward values, weights\n"
                f"vermillion: {D}L/{D}node, {D}L/{D}weight\nyellow: this step's quantity",
                ha="left", va="bottom", fontsize=8, color=_style.INK, linespacing=1.5)
        # what changes: values above the nodes, gradients under them and on the weights
        clear = {"facecolor": "white", "edgecolor": "none", "pad": 0.6, "alpha": 0.9}
        self.values = {n: ax.text(NODES[n][0], NODES[n][1] + 0.36, "", ha="center", va="bottom", fontsize=9,
                                  color=_style.INK, zorder=5, bbox=clear) for n in ("r1", "r2", "u1", "u2", "s", "z", "L")}
        self.grads = {n: ax.text(NODES[n][0], NODES[n][1] - 0.36, "", ha="center", va="top", fontsize=9,
                                 color=_style.DERIVATIVE, zorder=5, bbox=clear) for n in ("r1", "r2", "u1", "u2", "s", "z")}
        self.edge_grads = {}
        for (a, b) in weights:
            (xa, ya), (xb, yb) = NODES[a], NODES[b]
            f = GRADIENT_AT.get((a, b), GRADIENT_AT.get(b))
            self.edge_grads[(a, b)] = ax.text(xa + f * (xb - xa), ya + f * (yb - ya), "", ha="center", va="center",
                                              fontsize=8, color=_style.DERIVATIVE, zorder=5,
                                              bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.5})
        # The light on what is computed: a ring around a node, a band along an edge (stopping short of
        # the nodes). Both lie above the static drawing, as everything an explorer redraws must.
        self.halo_node = ax.plot([], [], ls="none", marker="o", ms=37, mfc="none", mec=_style.CURRENT, mew=5,
                                 zorder=3.5)[0]
        self.halo_edge = ax.plot([], [], color=_style.CURRENT, lw=9, alpha=0.8, solid_capstyle="butt",
                                 zorder=1.5)[0]
        self.box = ax.text(0.5, 0.0, "", transform=ax.transAxes, ha="center", va="bottom", fontsize=11.5,
                           linespacing=1.5, zorder=6,
                           bbox={"boxstyle": "round,pad=0.5", "facecolor": "white", "edgecolor": _style.INK})
        self.dynamic = [self.halo_edge, self.halo_node, *self.weight_labels, *self.values.values(),
                        *self.grads.values(), *self.edge_grads.values(), self.box]

    def update(self, steps, k):
        """Show steps 1..k (k = 0: nothing computed yet), step k lit up and written out in the box."""
        shown = {step.name: step for step in steps[:k]}
        for node, text in self.values.items():
            text.set_text(f"{shown[node].label} = {_computed(shown[node].value)}" if node in shown else "")
        for node, text in self.grads.items():
            name = f"dL/d{node}"
            text.set_text(f"{shown[name].label} = {_computed(shown[name].value)}" if name in shown else "")
        for (a, b), text in self.edge_grads.items():
            name = f"dL/dw{a[1]}" if b == "s" else f"dL/dv{a[1]}{b[1]}"
            text.set_text(_computed(shown[name].value) if name in shown else "")
        self.halo_node.set_data([], [])
        self.halo_edge.set_data([], [])
        if k == 0:
            self.box.set_text("Press Step \u203a to compute r\u2081, the first quantity of the forward pass")
            return self
        step = steps[k - 1]
        if isinstance(step.element, tuple):
            a, b = np.array(NODES[step.element[0]]), np.array(NODES[step.element[1]])
            gap = HALO_GAP * (b - a) / np.linalg.norm(b - a)
            self.halo_edge.set_data(*np.array([a + gap, b - gap]).T)
        else:
            x, y = NODES[step.element]
            self.halo_node.set_data([x], [y])
        self.box.set_text(f"step {k} of {len(steps)}, {step.phase}:   {step.formula}\n{step.worked}")
        return self


def plot_backprop(trace, k=0, ax=None):
    """Draw the network of ``trace`` (:func:`helpers.mlp.backprop_trace`) with its first ``k`` steps shown.

    Returns
    -------
    BackpropDiagram (``.steps`` holds :func:`backprop_steps`)
    """
    diagram = BackpropDiagram(get_ax(ax, figsize=(10, 4.8)), trace)
    diagram.steps = backprop_steps(trace)
    return diagram.update(diagram.steps, k)
