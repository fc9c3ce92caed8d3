"""What a learner does with each explorer, and what the readout must then say.

One entry per explorer, keyed by notebook stem, in the order the explorers appear in
the notebook. The browser tests check that a notebook shows exactly as many explorers
as it has entries here, so a new explorer fails the suite until it gets its entry.

A :class:`Move` names a control by the label a learner reads beside it (a regular
expression matched against the label text) and says how to move it:

- ``"keys"``: focus the slider and press ArrowRight ``amount`` times (ArrowLeft if negative);
- ``"drag"``: drag the slider's handle by ``amount`` times the track's width;
- ``"choose"``: pick the option whose text is ``amount`` in a dropdown;
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
    moves: list = field(default_factory=list)
    description: str = ""


SPECS = {}

if os.environ.get("BROWSER_TEST_SPECS"):
    SPECS.update(runpy.run_path(os.environ["BROWSER_TEST_SPECS"])["SPECS"])
