"""backprop_stepper: the worked example's forward and backward pass, one quantity per step.

The lecture's 2-2-1 network (``mlp.worked_example()``: x = (1, 0), y = 1) as a diagram.
Step › computes the next quantity: first forward, r_1, r_2, u_1, u_2, s, z and L, each
written on its node; then backward, dL/dz, dL/ds, each dL/dw_j, dL/du_j, dL/dr_j and
each dL/dv_ij, written on their nodes and edges. The one being computed lights up, and
the box under the diagram writes it out: its formula, then the formula with the numbers
put in. ‹ Back, Play, Reset and the "jump to" menu move through the same 22 steps.
"""

from .. import mlp
from .._validate import check_int
from . import _controls
from ._access import number
from ._base import Explorer, atomic



def _steps():
    from ..plots import backprop

    trace = mlp.backprop_trace(*mlp.worked_example())
    return trace, backprop.backprop_steps(trace)


class BackpropStepper(Explorer):
    """Step through backpropagation on the worked example. Use :func:`backprop_stepper`."""

    control_rows = [["back", "next", "play", "reset", "jump"]]
    control_help = {
        "play": "computes one quantity after another; press again to pause",
        "jump": "jump to any quantity: every one before it is computed too",
    }

    def __init__(self, step=0, canvas="auto"):
        import ipywidgets as widgets

        self.trace, self.steps = _steps()
        names = [s.name for s in self.steps]
        n = len(self.steps)
        if isinstance(step, str):
            if step not in names:
                raise ValueError(f"step must be a number from 0 to {n} or one of {', '.join(map(repr, names))}; "
                                 f"got {step!r}")
            step = names.index(step) + 1
        step = check_int(step, "step", maximum=n)
        options = [("start: nothing computed", 0)] + [(f"{k} \u00b7 {s.label} ({s.phase})", k)
                                                       for k, s in enumerate(self.steps, start=1)]
        controls = {
            "back": _controls.button(_controls.BACK_LABEL, "undo the last step"),
            "next": _controls.button(_controls.STEP_LABEL, "compute the next quantity"),
            "play": _controls.play(value=step, min=0, max=n, interval=1500, description="play"),
            "reset": _controls.button(_controls.RESET_LABEL, "back to the start: nothing computed"),
            "jump": widgets.Dropdown(options=options, value=step, description="jump to"),
        }
        # Play ticks in the browser, the kernel moves the menu, the menu's observer redraws.
        widgets.link((controls["play"], "value"), (controls["jump"], "value"))
        controls["back"].on_click(lambda _: self._move(-1))
        controls["next"].on_click(lambda _: self._move(+1))
        controls["reset"].on_click(lambda _: self.reset())
        super().__init__(controls, figsize=(9.0, 4.5), canvas=canvas)

    @atomic
    def _move(self, delta):
        jump = self.controls["jump"]
        jump.value = min(max(jump.value + delta, 0), len(self.steps))

    @atomic
    def reset(self):
        """Back to the start, nothing computed (the Reset button)."""
        play = self.controls["play"]
        if play.playing:
            play.playing = False
        self.controls["jump"].value = 0

    def _build(self, fig):
        from ..plots import backprop

        ax = fig.add_axes([0.0, 0.0, 1.0, 1.0])
        self.diagram = backprop.BackpropDiagram(ax, self.trace)
        self.dynamic += self.diagram.dynamic

    def _update(self, play, jump):
        k = jump
        self.diagram.update(self.steps, k)
        n = len(self.steps)
        self.controls["back"].disabled = k == 0
        self.controls["next"].disabled = k == n
        shown = {s.name: s.value for s in self.steps[:k]}
        current = self.steps[k - 1] if k else None
        self.state = {"step": k, "n_steps": n, "shown": shown,
                      "current": current.name if current else None,
                      "phase": current.phase if current else None,
                      "formula": current.formula if current else "", "worked": current.worked if current else "",
                      "value": current.value if current else None}
        self.set_readout(self._readout_html())

    def _readout_html(self):
        st = self.state
        if not st["step"]:
            head = "<div>nothing computed yet: <b>Step &rsaquo;</b> starts the forward pass</div>"
        else:
            head = (f"<div>step <b>{st['step']}</b> of {st['n_steps']} ({st['phase']})</div>"
                    f"<div style='font-family:monospace'>{st['formula']}<br>{st['worked']}</div>")
        rows = "".join(f"<tr><td>{s.label}</td><td>{s.worked.split()[-1]}</td></tr>"
                       for s in self.steps[:st["step"]])
        table = (f"<table style='font-family:monospace'><tr><th>computed</th><th>value</th></tr>{rows}</table>"
                 if rows else "")
        return f"<div style='font-size:13px; line-height:1.5'>{head}{table}</div>"

    def _describe(self):
        st = self.state
        if not st["step"]:
            return ("Backpropagation on the worked example (x = (1, 0), y = 1), nothing computed yet: "
                    "the diagram shows the inputs, the weights and the label")
        current = self.steps[st["step"] - 1]
        return (f"Step {st['step']} of {st['n_steps']} ({st['phase']}): {current.label} = "
                f"{number(current.value, 4)}, computed as {current.formula} {current.worked}; "
                f"{st['step']} quantities are written on the diagram")

    factory = "backprop_stepper"

    def _code_args(self):
        """The step it stands at: everything else is the lecture's worked example."""
        return {"step": self.state["step"]}


def backprop_stepper(step=0, canvas="auto"):
    """Walk through the worked example's forward and backward pass, one quantity per step.

    The network and example of notebook 06 (``mlp.worked_example()``): inputs x = (1, 0),
    label y = 1, hidden weights v and output weights w as in the lecture's table. Each step
    computes one quantity, in the order backpropagation needs them: r_1, r_2, u_1, u_2, s,
    z, L (forward), then dL/dz, dL/ds, dL/dw_0..2, dL/du_1..2, dL/dr_1..2 and dL/dv_ij
    (backward). The quantity lights up on the diagram, its value is written on its node or
    edge, and the box under the diagram shows its formula with the numbers put in ("≈"
    where the four-decimal numbers, worked by hand, round to a different last digit).

    Parameters
    ----------
    step : int in [0, 22] or a quantity's name ("z", "dL/ds", "dL/dv11", ...)
        How many quantities are computed at the start (0: none).
    canvas : {"auto", "ipympl", "image", "agg"}

    Returns
    -------
    BackpropStepper
        ``.controls`` (back, next, play, reset, jump), ``.figure``, ``.state`` (``shown``: each
        computed quantity's name -> value; ``step``, ``current``, ``formula``, ``worked``),
        ``.steps``, ``.to_code()``.

    Examples
    --------
    >>> stepper = backprop_stepper(canvas="agg")
    >>> stepper.controls["next"].click()
    >>> stepper.state["shown"]                      # r1 = 1*0.1 + 1*0.5 + 0*(-0.4)
    {'r1': 0.6}
    >>> round(stepper.set(jump=22).state["shown"]["dL/dv11"], 4)
    -0.0611
    """
    return BackpropStepper(step=step, canvas=canvas)
