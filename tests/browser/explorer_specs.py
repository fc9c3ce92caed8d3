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
- ``"click"``: click the button.

``expect(values)`` returns the strings the readout must contain afterwards. ``values``
maps each control's label to what the page shows after the move (a float for a slider,
the option text for a dropdown), so the expectation is computed from what the learner
sees, independently of the explorer's own code. ``redraw=False`` marks a move that must
leave the figure as it is.

Every control of an explorer must be moved at least once, and its sliders by keyboard
and by mouse; the tests enforce that too.

To try the harness on notebooks outside the collection, point ``BROWSER_TEST_NOTEBOOKS``
at their folder and ``BROWSER_TEST_SPECS`` at a Python file that defines its own
``SPECS`` dictionary; its entries are added to these.
"""

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
    redraw: bool = True

    def __post_init__(self):
        if self.how not in ("keys", "drag", "choose", "click"):
            raise ValueError(f"how must be keys, drag, choose or click, got {self.how!r}")


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
    head = f"s = {w0:.2f}·1 {'+' if w1 >= 0 else '−'} {abs(w1):.2f}·x1 {'+' if w2 >= 0 else '−'} {abs(w2):.2f}·x2"
    if any(abs(s) < 1e-9 for s in sums):
        return [head]  # a point on the boundary: float rounding in either program decides it
    wrong = sum((1 if s >= 0 else -1) != y for s, y in zip(sums, labels))
    loss = sum(max(0.0, -y * s) for s, y in zip(sums, labels))
    return [head, f"accuracy: {(4 - wrong) / 4:.0%} ({wrong} misclassified)", f"total perceptron loss: {loss:.2f}"]


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
    ]


SPECS = {
    "00_introduction": [ExplorerSpec(perceptron_moves(), "perceptron_explorer", perceptron_readout)],
    "01_perceptron": [ExplorerSpec(perceptron_moves(), "perceptron_explorer", perceptron_readout)],
}

if os.environ.get("BROWSER_TEST_SPECS"):
    SPECS.update(runpy.run_path(os.environ["BROWSER_TEST_SPECS"])["SPECS"])
