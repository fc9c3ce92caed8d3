"""activation_explorer: pick f, move s along it, watch the slope; three logits through softmax."""

import numpy as np

from .. import activations
from .._validate import as_array, check_choice, check_setting
from ..plots._style import number as fixed
from ._access import number, numbers
from ._base import Explorer
from ._views import ViewBackgrounds

CHOICES = ("sigmoid", "tanh", "relu", "linear", "step", "sign")
S_RANGE = (-5.0, 5.0)


class ActivationExplorer(ViewBackgrounds, Explorer):
    """f(s) and f'(s) with a movable point and tangent, and a softmax panel.

    Use :func:`activation_explorer` to make one.
    """

    factory = "activation_explorer"

    def _code_args(self):
        v = self.values
        return {"activation": v["activation"], "s": v["s"], "logits": (v["s1"], v["s2"], v["s3"])}

    control_rows = [["activation", "s"], ["s1", "s2", "s3"]]

    def __init__(self, activation="sigmoid", s=1.0, logits=(2.0, 1.0, 0.1), canvas="auto"):
        import ipywidgets as widgets

        activation = check_choice(activation, "activation", CHOICES)
        s = check_setting(s, "s", *S_RANGE)
        logits = [check_setting(v, f"logits[{i}]", *S_RANGE) for i, v in enumerate(as_array(logits, "logits", shape=(3,)))]
        slider = dict(min=S_RANGE[0], max=S_RANGE[1], step=0.1, continuous_update=True, readout_format=".1f")
        small = widgets.Layout(width="360px")  # 2 px per step: a mouse lands on 0.0
        controls = {
            "activation": widgets.Dropdown(options=CHOICES, value=activation, description="f",
                                           layout=widgets.Layout(width="170px")),
            "s": widgets.FloatSlider(value=float(s), description="s", layout=widgets.Layout(width="360px"), **slider),
            "s1": widgets.FloatSlider(value=logits[0], description="logit s1", layout=small, **slider),
            "s2": widgets.FloatSlider(value=logits[1], description="logit s2", layout=small, **slider),
            "s3": widgets.FloatSlider(value=logits[2], description="logit s3", layout=small, **slider),
        }
        super().__init__(controls, figsize=(7.6, 4.1), canvas=canvas)

    def _build(self, fig):
        from .. import plots

        self._shown = None  # which function the curves show; set by the first update
        self._reset_views()
        self.grid = np.linspace(*S_RANGE, 401)
        self.ax_f = fig.add_axes([0.095, 0.55, 0.49, 0.345])
        self.ax_grad = fig.add_axes([0.095, 0.11, 0.49, 0.36], sharex=self.ax_f)
        self.ax_soft = fig.add_axes([0.69, 0.11, 0.29, 0.81])
        first = activations.ACTIVATIONS[self.controls["activation"].value]
        self.f_line, self.grad_line = plots.plot_activation(first, self.grid, axes=(self.ax_f, self.ax_grad))
        self.ax_f.tick_params(labelbottom=False)
        self.ax_f.set_xlabel("")
        self.ax_f.set_xlim(S_RANGE)
        self.tangent = plots.Tangent(self.ax_f)
        style = plots._style
        self.grad_point = self.ax_grad.plot([], [], zorder=4, clip_on=False, **{**style.CURRENT_MARKER, "ms": 13})[0]
        self.grad_guide = self.ax_grad.plot([], [], ":", color=style.DERIVATIVE, lw=1.2, zorder=3)[0]
        # Few glyphs on purpose: text is the costliest thing to redraw; the readout has the rest.
        self.slope_text = self.ax_f.text(0.02, 0.95, "", transform=self.ax_f.transAxes, va="top", fontsize=10.5,
                                         color=style.DERIVATIVE, fontweight="bold")
        self.bars = plots.ProbabilityBars(self.ax_soft, 3, labels=["class 1", "class 2", "class 3"])
        self.ax_soft.set_title("softmax(s1, s2, s3)", fontsize=10)
        self.dynamic += [*self.tangent.dynamic, self.grad_point, self.grad_guide, self.slope_text,
                         *self.bars.dynamic]

    def _show_function(self, a):
        """Swap the curves to activation ``a``; limits and title are static (see ViewBackgrounds)."""
        f, g = a.fn(self.grid), a.grad(self.grid)
        self.f_line.set_ydata(f)
        self.grad_line.set_ydata(g)
        pad_f = 0.12 * max(f.max() - f.min(), 1.0)
        self.ax_f.set_ylim(f.min() - pad_f, f.max() + pad_f)
        pad_g = 0.15 * max(g.max() - g.min(), 0.5)
        self.ax_grad.set_ylim(g.min() - pad_g, g.max() + pad_g)
        self.ax_f.set_title(f"{a.name}: {a.formula}", fontsize=10)
        self._switch_view(self._shown, a.name)
        self._shown = a.name

    def _update(self, activation, s, s1, s2, s3):
        a = activations.ACTIVATIONS[activation]
        if self._shown != activation:
            self._show_function(a)
        f, slope = a.fn(s), a.grad(s)
        self.tangent.update(s, f, slope)
        self.grad_point.set_data([s], [slope])
        self.grad_guide.set_data([s, s], [self.ax_grad.get_ylim()[0], slope])
        # The figure and the readout print each number with the same call (same digits).
        self.slope_text.set_text(f"slope f'({fixed(s, 1)}) = {fixed(slope, 4)}")
        logits = np.array([s1, s2, s3])
        p = activations.softmax(logits)
        self.bars.update(p, digits=4)
        self.state = {"activation": activation, "s": s, "f": f, "slope": slope,
                      "tangent": self.tangent.line.get_data(), "logits": logits, "probabilities": p}
        shown = [fixed(q, 4) for q in p]
        total = sum(float(t.replace("\u2212", "-")) for t in shown)
        equals = "=" if round(total, 4) == 1.0 else "&asymp;"  # the printed p's may not add up to 1 exactly
        self.set_readout(
            f"<div style='font-size:13px'><b>{activation}</b><br>s = {fixed(s, 1)}<br>f(s) = {fixed(f, 4)}<br>"
            f"f'(s) = {fixed(slope, 4)}<br><br><b>softmax</b><br>"
            + "<br>".join(f"s{k + 1} = {fixed(v, 1)} &rarr; p{k + 1} = {q}" for k, (v, q) in enumerate(zip(logits, shown)))
            + f"<br>p1 + p2 + p3 {equals} 1</div>"
        )

    def _describe(self):
        st = self.state
        return (f"{st['activation']} at s = {number(st['s'])}: f(s) = {number(st['f'], 3)}, "
                f"slope f'(s) = {number(st['slope'], 3)}. Softmax turns logits {numbers(st['logits'], 1)} "
                f"into probabilities {numbers(st['probabilities'], 3)}")


def activation_explorer(activation="sigmoid", s=1.0, logits=(2.0, 1.0, 0.1), canvas="auto"):
    """An explorer for activation functions: f(s), its slope f'(s), and softmax.

    Left: the chosen f(s) with a point at ``s`` and its tangent line (whose slope is
    f'(s)); below it the derivative f'(s) with the same point. Right: three logits
    turned into probabilities by softmax.

    Parameters
    ----------
    activation : {"sigmoid", "tanh", "relu", "linear", "step", "sign"}
    s : float
        Where the point starts, in [-5, 5].
    logits : 3 numbers
        Starting scores for the softmax panel.
    canvas : {"auto", "ipympl", "image", "agg"}
        See :class:`helpers.widgets._base.Explorer`.

    Returns
    -------
    ActivationExplorer
        ``.controls`` (activation, s, s1, s2, s3), ``.figure``, ``.state`` (f, slope,
        tangent, logits, probabilities).

    Examples
    --------
    >>> explorer = activation_explorer("sigmoid", s=0.0, canvas="agg")
    >>> explorer.state["f"], explorer.state["slope"]
    (0.5, 0.25)
    >>> explorer.set(s1=1.0, s2=1.0, s3=1.0).state["probabilities"].round(4).tolist()
    [0.3333, 0.3333, 0.3333]
    """
    return ActivationExplorer(activation=activation, s=s, logits=logits, canvas=canvas)
