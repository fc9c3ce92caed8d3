"""What a learner does with each explorer, and what the readout must then say.

One entry per explorer, keyed by notebook stem, in the order the explorers appear in
the notebook. The browser tests check that a notebook shows exactly as many explorers
as it has entries here, so a new explorer fails the suite until it gets its entry.

A :class:`Move` names a control by the label a learner reads beside it (a regular
expression matched against the label text) and says how to move it:

- ``"keys"``: focus the slider and press ArrowRight ``amount`` times (ArrowLeft if negative);
- ``"drag"``: drag the slider's handle by ``amount`` times the track's width;
- ``"choose"``: pick, in a dropdown, the first option of the list ``amount`` that is not
  already selected (the notebook may have left any of them selected);
- ``"click"``: click the button (a Play shows as a toggle labelled "Play", then "Pause");
- ``"point"``: click the picture where the data point ``amount = (axes, x, y[, shift])`` is
  drawn (``axes`` names the explorer's axes attribute, e.g. "ax"): the mouse's way to add or
  remove a point; ``"drag"`` with a tuple ``(axes, start, end)`` drags across the picture.

``redraw=None`` marks a move after which the figure may or may not change (Pause lands
between two ticks of Play or just after one).

``expect(values)`` returns the strings the readout must contain afterwards. ``values``
maps each control's description to its value in the kernel after the move, a dropdown's
to the label of its choice (the tests check separately that the page shows those same
values); the expectation is worked out
here from the lecture's definitions, independently of the explorer's own code. ``redraw=False`` marks a move that must
leave the figure as it is.

Every control of an explorer must be moved at least once, and its sliders by keyboard
and by mouse; the tests enforce that too.

To try the harness on notebooks outside the collection, point ``BROWSER_TEST_NOTEBOOKS``
at their folder and ``BROWSER_TEST_SPECS`` at a Python file that defines its own
``SPECS`` dictionary; its entries are added to these.
"""

import math
import os
import runpy
from dataclasses import dataclass, field
from typing import Callable, Optional


@dataclass(frozen=True)
class Move:
    control: str
    how: str
    amount: object = None
    expect: Optional[Callable[[dict], list]] = None
    redraw: Optional[bool] = True

    def __post_init__(self):
        if self.how not in ("keys", "drag", "choose", "click", "point"):
            raise ValueError(f"how must be keys, drag, choose, click or point, got {self.how!r}")


@dataclass(frozen=True)
class ExplorerSpec:
    """The moves for one explorer; ``readout`` (like a move's expect) is checked first."""

    moves: list = field(default_factory=list)
    description: str = ""
    readout: Optional[Callable[[dict], list]] = None


# --- perceptron_explorer ---------------------------------------------------------------
# Truth tables as in the lecture, labels +1 (class A) / -1 (class B) for the inputs
# (0,0), (0,1), (1,0), (1,1).
GATES = {
    "AND": (-1, -1, -1, 1),
    "OR": (-1, 1, 1, 1),
    "NAND": (1, 1, 1, -1),
    "XOR": (-1, 1, 1, -1),
}
INPUTS = ((0, 0), (0, 1), (1, 0), (1, 1))


def perceptron_readout(values):
    """What the perceptron explorer's readout must say for the controls the page shows.

    Worked out here from the lecture's definitions (s = w0 + w1 x1 + w2 x2, sign(0) = +1,
    loss = max(0, -y s)), not with the explorer's code. Accuracy and loss do not depend on
    the activation: step only renames the classes to 1/0.
    """
    w0, w1, w2 = values["w0 (bias)"], values["w1"], values["w2"]
    labels = GATES[values["data"]]
    sums = [w0 + w1 * x1 + w2 * x2 for x1, x2 in INPUTS]
    head = _weights_head(w0, w1, w2)
    if any(abs(s) < 1e-9 for s in sums):
        return [head]  # a point on the boundary: float rounding in either program decides it
    wrong = sum((1 if s >= 0 else -1) != y for s, y in zip(sums, labels))
    loss = sum(max(0.0, -y * s) for s, y in zip(sums, labels))
    return [head, f"accuracy: {_percent((4 - wrong) / 4)} ({wrong} misclassified)", f"total perceptron loss: {loss:.2f}"]


def _weights_head(w0, w1, w2):
    """s = w0·1 ± |w1|·x1 ± |w2|·x2, two decimals, a real minus sign (never −0.00)."""
    return f"s = {_fixed(w0, 2)}·1 {'+' if w1 >= 0 else '−'} {_fixed(abs(w1), 2)}·x1 {'+' if w2 >= 0 else '−'} {_fixed(abs(w2), 2)}·x2"


def _percent(share):
    """Whole percents, one decimal where whole percents would round a miss to 100 % (or a hit to 0 %)."""
    text = f"{share:.0%}"
    return f"{share:.1%}" if (text == "100%" and share < 1) or (text == "0%" and share > 0) else text


def perceptron_moves():
    """Every control at least once, each slider by keyboard and by mouse."""
    return [
        Move("w1", "keys", 4, expect=perceptron_readout),
        Move("w2", "keys", -6, expect=perceptron_readout),
        Move(r"w0 \(bias\)", "keys", 5, expect=perceptron_readout),
        Move("w1", "drag", -0.2, expect=perceptron_readout),
        Move("w2", "drag", 0.3, expect=perceptron_readout),
        Move(r"w0 \(bias\)", "drag", -0.15, expect=perceptron_readout),
        Move("data", "choose", ["XOR", "OR"], expect=perceptron_readout),
        # step relabels the classes 1/0: the table's f(s) column shows +0 for class B. The
        # figure names the classes A and B, so it stays as it is.
        Move("step", "click", expect=lambda values: perceptron_readout(values) + ["\t+0\t"], redraw=False),
        Move("sign", "click", expect=lambda values: perceptron_readout(values) + ["\t-1\t"], redraw=False),
    ] + own_points_moves()


def own_points_moves():
    """The mouse adds and removes points; the class toggle and Clear; ends with a point on the plane.

    The accuracy is worked out by hand from the weights the sliders show.
    """
    return [
        Move(r"B \(−1\) ●", "click", redraw=None),
        Move(r"A \(\+1\) ▲", "click", redraw=None),
        Move("Clear", "click", expect=lambda values: ["no points"]),
        # on an empty plane with the weights shown: class A at (0.25, 1.25), then B (Shift) at (1.25, 0.25)
        Move("picture", "point", ("ax", 0.25, 1.25), expect=lambda values: _one_point(values, (0.25, 1.25), +1)),
        Move("picture", "point", ("ax", 1.25, 0.25, True),
             expect=lambda values: _two_points(values, [((0.25, 1.25), +1), ((1.25, 0.25), -1)])),
        Move("picture", "point", ("ax", 1.25, 0.25), expect=lambda values: _one_point(values, (0.25, 1.25), +1)),
    ]


def _counted(values, points):
    """The readout's accuracy line for ``points`` [((x1, x2), y)] under the weights shown (sign(0) = +1)."""
    w0, w1, w2 = values["w0 (bias)"], values["w1"], values["w2"]
    wrong = sum((1 if w0 + w1 * x1 + w2 * x2 >= 0 else -1) != y for (x1, x2), y in points)
    return [f"accuracy: {_percent((len(points) - wrong) / len(points))} ({wrong} misclassified)"]


def _one_point(values, xy, label):
    return _counted(values, [(xy, label)])


def _two_points(values, points):
    return _counted(values, points)


# --- activation_explorer -------------------------------------------------------------
def _activation(name, s):
    """f(s) and f'(s) from their definitions (sign(0) = step(0) = 1, as in the lecture)."""
    if name == "sigmoid":
        f = 1 / (1 + math.exp(-s))
        return f, f * (1 - f)
    if name == "tanh":
        f = math.tanh(s)
        return f, 1 - f * f
    if name == "relu":
        return max(0.0, s), (1.0 if s > 0 else 0.0)
    if name == "linear":
        return s, 1.0
    if name == "step":
        return (1.0 if s >= 0 else 0.0), 0.0
    if name == "sign":
        return (1.0 if s >= 0 else -1.0), 0.0
    raise ValueError(name)


def activation_readout(values):
    s = values["s"]
    f, slope = _activation(values["f"], s)
    logits = [values["logit s1"], values["logit s2"], values["logit s3"]]
    exps = [math.exp(v) for v in logits]
    p = [e / sum(exps) for e in exps]
    # figure and readout print s with the slider's one decimal, values with four
    texts = [f"s = {_fixed(s, 1)}", f"f(s) = {_fixed(f, 4)}"]
    if abs(s) > 1e-9:  # the slope at a kink is a convention; compare it elsewhere
        texts.append(f"f'(s) = {_fixed(slope, 4)}")
    texts += [f"s{k} = {_fixed(v, 1)} → p{k} = {_fixed(q, 4)}" for k, (v, q) in enumerate(zip(logits, p), start=1)]
    # the printed probabilities add up to 1 exactly, or the readout says ≈
    printed = sum(round(q, 4) for q in p)
    texts.append(f"p1 + p2 + p3 {'=' if round(printed, 4) == 1 else '≈'} 1")
    return texts


def activation_moves():
    return [
        Move("s", "keys", 7, expect=activation_readout),
        Move("f", "choose", ["sigmoid", "tanh"], expect=activation_readout),
        Move("s", "drag", -0.2, expect=activation_readout),
        Move("f", "choose", ["tanh", "relu"], expect=activation_readout),
        Move("logit s1", "keys", -5, expect=activation_readout),
        Move("logit s1", "drag", 0.15, expect=activation_readout),
        Move("logit s2", "keys", 4, expect=activation_readout),
        Move("logit s2", "drag", -0.2, expect=activation_readout),
        Move("logit s3", "keys", 6, expect=activation_readout),
        Move("logit s3", "drag", 0.2, expect=activation_readout),
    ]


# --- gradient_descent_explorer ---------------------------------------------------------
# The example losses, written out: L and dL/dw.
LOSSES_1D = {
    "parabola": (lambda w: (w - 1) ** 2, lambda w: 2 * (w - 1)),
    "two valleys": (lambda w: w**4 / 4 - w**2 + w / 2 + 1.75, lambda w: w**3 - 2 * w + 0.5),
}
RAVINE = (lambda w1, w2: 0.2 * w1**2 + w2**2, lambda w1, w2: (0.4 * w1, 2 * w2))
DIVERGED = 1e3  # past this the explorer stops a run and calls it diverged


def _shown(x):
    return _fixed(x, 4) if abs(x) < 1e4 else _minus(f"{x:.3g}")


def descent_readout(values):
    """w_new = w_old - lr * dL/dw, repeated ``steps`` times, on the 1-D curve and the ravine."""
    lr, steps = values["lr (η)"], int(values["steps"])
    texts = [f"lr (η) = {lr:.3g}, {steps} steps"]
    fn, grad = LOSSES_1D[values["1-D loss"]]
    w = values["start w"]
    for _ in range(steps):
        w = w - lr * grad(w)
        if abs(w) > DIVERGED:
            break
    else:
        texts.append(f"w = {_shown(w)}\nL(w) = {_shown(fn(w))}\ndL/dw = {_shown(grad(w))}")
    w1, w2 = values["start w1"], values["start w2"]
    for _ in range(steps):
        g1, g2 = RAVINE[1](w1, w2)
        w1, w2 = w1 - lr * g1, w2 - lr * g2
        if max(abs(w1), abs(w2)) > DIVERGED:
            break
    else:
        g1, g2 = RAVINE[1](w1, w2)
        texts.append(f"w = ({_shown(w1)}, {_shown(w2)})\nL(w) = {_shown(RAVINE[0](w1, w2))}\n"
                     f"gradient = ({_shown(g1)}, {_shown(g2)})")
    return texts


def descent_moves():
    return [
        Move(r"lr \(η\)", "keys", -24, expect=descent_readout),
        Move(r"lr \(η\)", "drag", -0.1, expect=descent_readout),
        Move("steps", "keys", -5, expect=descent_readout),
        Move("steps", "drag", 0.2, expect=descent_readout),
        Move("start w", "keys", 8, expect=descent_readout),
        Move("start w", "drag", 0.2, expect=descent_readout),
        Move("start w1", "keys", 6, expect=descent_readout),
        Move("start w1", "drag", 0.2, expect=descent_readout),
        Move("start w2", "keys", -7, expect=descent_readout),
        Move("start w2", "drag", -0.2, expect=descent_readout),
        Move("1-D loss", "choose", ["two valleys", "parabola"], expect=descent_readout),
    ]


# --- sgd_stepper ---------------------------------------------------------------------
# The step buttons' labels: "Step ›" / "‹ Back" (their arrows unlike Play's ▶), formerly "Step ▶" / "◀ Back".
STEP, BACK = r"Step( ›| ▶)?", r"(‹|◀) Back"
SGD_START = (-0.1, 0.2, 0.0)  # the lecture's starting weights
SGD_ORDER = (2, 3, 0, 1)  # (1,0), (1,1) first, as in the lecture, then (0,0), (0,1)
SGD_EPOCHS = 30


def _minus(text):
    return text.replace("-", "\u2212")


def _fixed(v, digits=3):
    return _minus(f"{round(v, digits) + 0.0:.{digits}f}")


def perceptron_sgd_steps(gate, lr):
    """The lecture's perceptron SGD on a gate: one record per visit, until a clean epoch.

    A visit with s * y <= 0 is a mistake (on the boundary counts) and moves
    w <- w + lr * y * (1, x1, x2); the gradient of max(0, -y s) is then -y * (1, x1, x2).
    """
    w = list(SGD_START)
    records = []
    for _ in range(SGD_EPOCHS):
        updated = False
        for j in SGD_ORDER:
            x, y = (1.0, *INPUTS[j]), GATES[gate][j]
            s = sum(wi * xi for wi, xi in zip(w, x))
            mistake = s * y <= 1e-12
            gradient = [-y * xi if mistake else 0.0 for xi in x]
            after = [wi - lr * gi for wi, gi in zip(w, gradient)]
            records.append((INPUTS[j], y, s, list(w), gradient, after))
            updated = updated or mistake
            w = after
        if not updated:
            break
    return records


def sgd_readout(values):
    step = int(values["step"])
    if values["data"] not in GATES:
        return [f"step {step} of"]
    records = perceptron_sgd_steps(values["data"], values["lr (η)"])
    x, y, s, before, gradient, after = records[step - 1]
    texts = [f"step {step} of {len(records)},", f"x = ({x[0]}, {x[1]}), y = {y:+d}", f"s = w·x = {_fixed(s)}"]
    texts += [f"w{i}\t{_fixed(b)}\t{_fixed(g)}\t{_fixed(a)}" for i, (b, g, a) in enumerate(zip(before, gradient, after))]
    return texts


def sgd_moves():
    return [
        Move(STEP, "click", expect=sgd_readout),
        Move(STEP, "click", expect=sgd_readout),
        Move(BACK, "click", expect=sgd_readout),
        Move("step", "keys", 5, expect=sgd_readout),
        Move("step", "drag", 0.2, expect=sgd_readout),
        Move("Play", "click"),
        Move("Pause", "click", expect=sgd_readout, redraw=None),
        Move(r"lr \(η\)", "keys", 3, expect=sgd_readout),
        Move(r"lr \(η\)", "drag", -0.15, expect=sgd_readout),
        Move("data", "choose", ["OR", "XOR"], expect=sgd_readout),
        Move(r"B \(−1\) ●", "click", redraw=None),
        Move(r"A \(\+1\) ▲", "click", redraw=None),
        Move("Clear", "click", expect=lambda values: ["no points"]),
        # SGD trains at once on the points clicked in: the readout counts its steps again
        Move("picture", "point", ("ax", 2.0, 1.0), expect=sgd_readout),
        Move("picture", "point", ("ax", 0.0, 1.2, True), expect=sgd_readout),
        Move("data", "choose", ["AND"], expect=sgd_readout),  # back to a gate, where lr shapes step 1
    ]


# --- perceptron_explorer on real penguins (notebook 07) -------------------------------
# The two-species data sets of notebook 07, read from data/penguins.csv with the csv
# module and standardised here (population std), independently of helpers.data.
PENGUIN_SETS = {
    "Adelie/Gentoo": (("bill_depth_mm", "flipper_length_mm"), ("Adelie", "Gentoo")),
    "Adelie/Chinstrap": (("flipper_length_mm", "body_mass_g"), ("Adelie", "Chinstrap")),
}


def _penguin_set(name):
    import csv
    import pathlib

    columns, (negative, positive) = PENGUIN_SETS[name]
    path = pathlib.Path(__file__).resolve().parents[2] / "data" / "penguins.csv"
    with open(path, newline="", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["species"] in (negative, positive) and "NA" not in (r[columns[0]], r[columns[1]])]
    cols = [[float(r[c]) for r in rows] for c in columns]
    scaled = []
    for col in cols:
        mean = sum(col) / len(col)
        std = math.sqrt(sum((v - mean) ** 2 for v in col) / len(col))
        scaled.append([(v - mean) / std for v in col])
    labels = [1 if r["species"] == positive else -1 for r in rows]
    return list(zip(*scaled)), labels


def penguin_perceptron_readout(values):
    """perceptron_readout for the penguin data sets (too many birds for the point table)."""
    if values["data"] in GATES:
        return perceptron_readout(values)
    w0, w1, w2 = values["w0 (bias)"], values["w1"], values["w2"]
    points, labels = _penguin_set(values["data"])
    sums = [w0 + w1 * x1 + w2 * x2 for x1, x2 in points]
    head = _weights_head(w0, w1, w2)
    if any(abs(s) < 1e-9 for s in sums):
        return [head]
    wrong = sum((1 if s >= 0 else -1) != y for s, y in zip(sums, labels))
    loss = sum(max(0.0, -y * s) for s, y in zip(sums, labels))
    n = len(labels)
    return [head, f"accuracy: {_percent((n - wrong) / n)} ({wrong} misclassified)", f"total perceptron loss: {loss:.2f}"]


def penguin_perceptron_moves(name):
    """Every control at least once, each slider by keyboard and by mouse, back to the birds last."""
    return [
        Move("w1", "keys", 4, expect=penguin_perceptron_readout),
        Move("w2", "keys", 6, expect=penguin_perceptron_readout),
        Move(r"w0 \(bias\)", "keys", -5, expect=penguin_perceptron_readout),
        Move("w1", "drag", -0.2, expect=penguin_perceptron_readout),
        Move("w2", "drag", 0.1, expect=penguin_perceptron_readout),
        Move(r"w0 \(bias\)", "drag", 0.15, expect=penguin_perceptron_readout),
        Move("step", "click", expect=penguin_perceptron_readout, redraw=False),
        Move("sign", "click", expect=penguin_perceptron_readout, redraw=False),
        Move("data", "choose", ["AND", "OR"], expect=penguin_perceptron_readout),
        Move("data", "choose", [name], expect=penguin_perceptron_readout),
    ] + own_points_moves()



# --- chain_rule_explorer (notebook 05) -----------------------------------------------------
def _sig(t):
    return 1 / (1 + math.exp(-t))


def chain_readout(values):
    """Forward values and dz/d(node) from the chain rule by hand, for the chain the page shows."""
    x = values["x"]
    if values["chain"] == "one neuron":  # v = (-1, 2), w = (0.5, -1.5), as the notebook says
        r = -1 + 2 * x
        u = _sig(r)
        s = 0.5 - 1.5 * u
        z = _sig(s)
        dz_ds = z * (1 - z)
        dz_du = -1.5 * dz_ds
        dz_dr = dz_du * u * (1 - u)
        rows = [("x", x, 2 * dz_dr), ("r", r, dz_dr), ("u", u, dz_du), ("s", s, dz_ds), ("z", z, 1.0)]
        local = [2.0, u * (1 - u), -1.5, z * (1 - z)]
    else:  # z = sin(x^2)
        u = x * x
        rows = [("x", x, 2 * x * math.cos(u)), ("u", u, math.cos(u)), ("z", math.sin(u), 1.0)]
        local = [2 * x, math.cos(u)]
    # a value within rounding of 0 may round either way in the two programs: left out
    texts = [f"{name}\t{_fixed(v, 4)}\t{_fixed(g, 4)}" for name, v, g in rows if min(abs(v), abs(g)) > 1e-4]
    slope = rows[0][2]
    if abs(slope) > 1e-4:
        texts += [_product_line(local, slope), f"dz/dx from backward(): {_fixed(slope, 4)}"]
    return texts


def _product_line(factors, product):
    """'a × b × (−c) = p' at four decimals; '≈' when the printed factors, multiplied by hand
    (in decimal), do not give the printed product."""
    from decimal import Decimal

    shown = [_fixed(f, 4) for f in factors]
    by_hand = math.prod(Decimal(t.replace("\u2212", "-")) for t in shown).quantize(Decimal("0.0001"))
    sign = "=" if by_hand == Decimal(_fixed(product, 4).replace("\u2212", "-")) else "≈"
    return " × ".join(f"({t})" if t.startswith("\u2212") else t for t in shown) + f" {sign} {_fixed(product, 4)}"


def chain_moves():
    return [
        Move("x", "keys", 6, expect=chain_readout),
        Move("x", "drag", -0.2, expect=chain_readout),
        Move("chain", "choose", ["one neuron", "z = sin(x²)"], expect=chain_readout),
        Move("x", "keys", -9, expect=chain_readout),
        Move("x", "drag", 0.15, expect=chain_readout),
    ]


# --- mlp_playground (notebook 06) ------------------------------------------------------------
def playground_network(values):
    """The architecture the controls ask for: 2 inputs, hidden layers of equal size, 1 output."""
    sizes = ["2"] + [str(values["units/layer"])] * int(values["hidden layers"]) + ["1"]
    return f"network {'-'.join(sizes)} ("


def playground_restarted(values):
    """Data, architecture, activation and seed start a new run at epoch 0."""
    return [playground_network(values), "epoch 0 ·"]


def playground_moves():
    same = dict(expect=lambda values: [playground_network(values)], redraw=False)
    return [
        Move(STEP, "click", expect=lambda values: [f"epoch {values['epochs/frame']} ·"]),
        Move("units/layer", "keys", 2, expect=playground_restarted),
        Move("units/layer", "drag", -0.3, expect=playground_restarted),
        Move("hidden layers", "keys", 1, expect=playground_restarted),
        Move("hidden layers", "drag", -0.6, expect=playground_restarted),
        Move("noise", "keys", 2, expect=playground_restarted),
        Move("noise", "drag", 0.2, expect=playground_restarted),
        Move("test share", "keys", 1, expect=playground_restarted),
        Move("test share", "drag", -0.3, expect=playground_restarted),
        Move("seed", "keys", 3, expect=playground_restarted),
        Move("seed", "drag", 0.2, expect=playground_restarted),
        Move("data", "choose", ["moons", "XOR"], expect=playground_restarted),
        Move("relu", "click", expect=lambda values: playground_restarted(values) + ["(relu)"]),
        Move("sigmoid", "click", expect=lambda values: playground_restarted(values) + ["(sigmoid)"]),
        Move("tanh", "click", expect=lambda values: playground_restarted(values) + ["(tanh)"]),
        Move(r"lr \(η\)", "keys", -3, **same),
        Move(r"lr \(η\)", "drag", 0.1, **same),
        Move("batch size", "choose", ["32", "all"], **same),
        Move("epochs/frame", "choose", ["5", "1"], **same),
        Move("dL/dw", "click", expect=lambda values: ["largest |dL/dw|"]),
        Move("weights", "click", expect=lambda values: ["largest |weights|"]),
        Move(STEP, "click", expect=lambda values: [f"epoch {values['epochs/frame']} ·"]),
        # back in the run's history, without training: the readout says which epoch it shows
        Move(r"history \(epoch\)", "keys", -1,
             expect=lambda values: [f"showing epoch {values['history (epoch)']} of {values['epochs/frame']}"]),
        Move(r"history \(epoch\)", "drag", 0.6, expect=lambda values: [f"epoch {values['history (epoch)']} ·"]),
        Move("Play", "click"),
        Move("Pause", "click", expect=lambda values: [playground_network(values)], redraw=None),
        Move("Reset", "click", expect=playground_restarted),
        Move("class 2 ■", "click", redraw=False),
        Move("class 1 ▲", "click", redraw=False),
        Move("class 0 ●", "click", redraw=False),
        Move("Clear", "click", expect=lambda values: ["train: no points"]),
        Move("picture", "point", ("map_ax", 0.5, 0.5), expect=lambda values: ["train: loss", "(1 point)", "epoch 0 ·"]),
        Move("picture", "point", ("map_ax", -0.5, -0.5, True), expect=lambda values: ["(2 points)"]),
        # back to a data set made with noise (your points have none to set: that slider is off there)
        Move("data", "choose", ["XOR", "moons"], expect=playground_restarted),
    ]


# --- backprop_stepper (notebook 06) -----------------------------------------------------------
# The worked example of notebook 06, by hand: x = (1, 0), y = 1, v and w from its table.
_BP_X, _BP_Y = (1.0, 1.0, 0.0), 1.0
_BP_V = ((0.1, -0.2), (0.5, 0.3), (-0.4, 0.8))
_BP_W = (0.2, 0.6, -0.7)
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def backprop_quantities():
    """(label, value, phase) of the 22 steps, in the lecture's order, computed from the table."""
    r = [sum(_BP_X[i] * _BP_V[i][j] for i in range(3)) for j in range(2)]
    u = [_sig(t) for t in r]
    s = _BP_W[0] + u[0] * _BP_W[1] + u[1] * _BP_W[2]
    z = _sig(s)
    loss = -math.log(z)
    dz = -_BP_Y / z
    ds = z - _BP_Y
    du = [ds * _BP_W[j + 1] for j in range(2)]
    dr = [du[j] * u[j] * (1 - u[j]) for j in range(2)]
    d = "∂L/∂"
    out = [("r₁", r[0]), ("r₂", r[1]), ("u₁", u[0]), ("u₂", u[1]), ("s", s), ("z", z), ("L", loss),
           (d + "z", dz), (d + "s", ds)]
    out += [(d + f"w{j}".translate(_SUB), ds * (1.0, u[0], u[1])[j]) for j in range(3)]
    out += [(d + f"u{j + 1}".translate(_SUB), du[j]) for j in range(2)]
    out += [(d + f"r{j + 1}".translate(_SUB), dr[j]) for j in range(2)]
    out += [(d + f"v{i}{j + 1}".translate(_SUB), dr[j] * _BP_X[i]) for j in range(2) for i in range(3)]
    return [(label, value, "forward" if k < 7 else "backward") for k, (label, value) in enumerate(out)]


def backprop_readout(values):
    chosen = values["jump to"]  # "start: nothing computed", or "9 · ∂L/∂s (backward)"
    k = 0 if chosen.startswith("start") else int(chosen.split()[0])
    if k == 0:
        return ["nothing computed yet"]
    steps = backprop_quantities()
    label, value, phase = steps[k - 1]
    # the readout's table lists every quantity computed so far with its four-decimal value
    return [f"step {k} of 22 ({phase})"] + [f"{name}\t{_fixed(v, 4)}" for name, v, _ in steps[:k]]


def backprop_moves():
    return [
        Move(STEP, "click", expect=backprop_readout),
        Move(STEP, "click", expect=backprop_readout),
        Move(BACK, "click", expect=backprop_readout),
        Move("jump to", "choose", ["9 · ∂L/∂s (backward)", "7 · L (forward)"], expect=backprop_readout),
        Move("Play", "click"),
        Move("Pause", "click", expect=backprop_readout, redraw=None),
        Move("jump to", "choose", ["22 · ∂L/∂v₂₂ (backward)"], expect=backprop_readout),
        Move("Reset", "click", expect=backprop_readout),
    ]


# --- hidden_space_explorer (notebook 06) --------------------------------------------------------
_POINTS = {"XOR": 4, "circles": 100, "moons": 100}


def hidden_space_readout(values):
    """The network the controls ask for, its data, and t as the slider shows it (two decimals)."""
    data, units = values["data"], int(values["hidden units"])
    return [f"network 2-{units}-1 (sigmoid) on {data} ({_POINTS[data]} points)", f"t = {values['morph t']:.2f}"]


def hidden_space_restarted(values):
    return hidden_space_readout(values) + ["epoch 0\n"]


def hidden_space_moves():
    return [
        Move("morph t", "keys", -4, expect=hidden_space_readout),
        Move("morph t", "drag", -0.3, expect=hidden_space_readout),
        Move(STEP, "click", expect=lambda values: hidden_space_readout(values) + ["epoch 10\n"]),
        Move("hidden units", "keys", 1, expect=hidden_space_restarted),
        Move("hidden units", "drag", 0.3, expect=hidden_space_restarted),
        Move("right panel shows", "choose", ["u1, u3", "u2, u3"],
             expect=lambda values: hidden_space_readout(values) + ["the right panel shows units 1 and 3 of"]),
        Move("data", "choose", ["circles", "moons"], expect=hidden_space_restarted),
        Move("Play", "click"),
        Move("Pause", "click", expect=hidden_space_readout, redraw=None),
        Move("Reset", "click", expect=hidden_space_restarted),
    ]


# --- gradient_flow_explorer (notebook 09) -----------------------------------------------------------
def gradient_flow_readout(values):
    depth = int(values["hidden layers"])
    sizes = "-".join(["2"] + ["8"] * depth + ["1"])
    return [f"network {sizes} ({values['g(r)']})", f"lr (η) {values['lr (η)']:.3g}"]


def gradient_flow_moves():
    restarted = dict(expect=lambda values: gradient_flow_readout(values) + ["epoch 0\n"])
    return [
        Move(STEP, "click", expect=lambda values: gradient_flow_readout(values) + ["epoch 2\n"]),
        Move("hidden layers", "keys", -2, **restarted),
        Move("hidden layers", "drag", 0.3, **restarted),
        Move("relu", "click", **restarted),
        Move("tanh", "click", **restarted),
        Move("sigmoid", "click", **restarted),
        # lr applies from the next step on: the figure stays as it is
        Move(r"lr \(η\)", "keys", 3, expect=gradient_flow_readout, redraw=False),
        Move(r"lr \(η\)", "drag", -0.15, expect=gradient_flow_readout, redraw=False),
        Move("Play", "click"),
        Move("Pause", "click", expect=gradient_flow_readout, redraw=None),
        Move("Reset", "click", **restarted),
    ]


# --- weight_space_explorer (notebook 04) ------------------------------------------------------
def weights_readout(values):
    """The weights the sliders show, with three decimals (after a slider move they are exact)."""
    w = [values["w0 (bias)"], values["w1"], values["w2"]]
    return ["w = (" + ", ".join(_fixed(v, 3) for v in w) + ")", f"lr (η) = {values['lr (η)']:.3g}"]


def weights_moves():
    return [
        Move("w1", "keys", 3, expect=weights_readout),
        Move("w2", "keys", -2, expect=weights_readout),
        Move(r"w0 \(bias\)", "keys", -4, expect=weights_readout),
        Move("w1", "drag", 0.1, expect=weights_readout),
        Move("w2", "drag", 0.15, expect=weights_readout),
        Move(r"w0 \(bias\)", "drag", -0.1, expect=weights_readout),
        Move("data", "choose", ["OR", "AND"], expect=weights_readout),
        Move("BCE", "click", expect=lambda values: ["BCE(sigmoid(s), y)"]),
        Move("perceptron", "click", expect=lambda values: ["max(0, −y·s)"]),
        Move(r"one point \(SGD\)", "click", expect=lambda values: ["steps of SGD"], redraw=False),
        Move(r"all points \(GD\)", "click", expect=lambda values: ["steps of GD"], redraw=False),
        Move(r"lr \(η\)", "keys", 2, expect=weights_readout, redraw=False),
        Move(r"lr \(η\)", "drag", -0.1, expect=weights_readout, redraw=False),
        # the mouse in the weight space: the weights go where it is released, the path starts there
        Move("picture", "drag", ("weight_ax", (1.0, -1.0), (0.55, 0.45)), expect=lambda values: ["path: 0 steps"]),
        Move(STEP, "click", expect=lambda values: ["path: 1 step of GD"], redraw=None),
        Move("Play", "click", redraw=None),
        Move("Pause", "click", redraw=None),
        Move("Reset", "click", expect=lambda values: ["path: 0 steps"], redraw=None),
    ]


SPECS = {
    "00_introduction": [ExplorerSpec(perceptron_moves(), "perceptron_explorer", perceptron_readout)],
    "01_perceptron": [ExplorerSpec(perceptron_moves(), "perceptron_explorer", perceptron_readout)],
    "02_activations": [ExplorerSpec(activation_moves(), "activation_explorer", activation_readout)],
    "03_gradient_descent": [ExplorerSpec(descent_moves(), "gradient_descent_explorer", descent_readout)],
    "04_perceptron_sgd": [ExplorerSpec(sgd_moves(), "sgd_stepper", sgd_readout),
                          ExplorerSpec(weights_moves(), "weight_space_explorer", weights_readout)],
    "05_chain_rule": [ExplorerSpec(chain_moves(), "chain_rule_explorer", chain_readout)],
    "06_mlp_backprop": [
        ExplorerSpec(backprop_moves(), "backprop_stepper", backprop_readout),
        ExplorerSpec(hidden_space_moves(), "hidden_space_explorer", hidden_space_readout),
        ExplorerSpec(playground_moves(), "mlp_playground", lambda values: [playground_network(values)]),
    ],
    "07_real_birds": [
        ExplorerSpec(penguin_perceptron_moves("Adelie/Gentoo"), "perceptron_explorer on Adelie/Gentoo",
                     penguin_perceptron_readout),
        ExplorerSpec(penguin_perceptron_moves("Adelie/Chinstrap"), "perceptron_explorer on Adelie/Chinstrap",
                     penguin_perceptron_readout),
    ],
    "08_review": [ExplorerSpec(perceptron_moves(), "perceptron_explorer", perceptron_readout)],
    "09_deeper_networks": [ExplorerSpec(gradient_flow_moves(), "gradient_flow_explorer", gradient_flow_readout)],
}

if os.environ.get("BROWSER_TEST_SPECS"):
    SPECS.update(runpy.run_path(os.environ["BROWSER_TEST_SPECS"])["SPECS"])
