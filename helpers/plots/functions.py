"""Functions of one variable: a curve, a point with its tangent, probability bars."""

import numpy as np

from .. import _validate as check
from . import _style


def plot_function(fn, s=None, ax=None, **style):
    """Draw the curve f(s) over ``s`` (default: 401 points on [-5, 5]).

    Returns the Line2D; its y-data can be swapped with ``set_ydata`` for another f.
    """
    check.check_callable(fn, "fn", "a function of an array s")
    s = np.linspace(-5.0, 5.0, 401) if s is None else check.as_array(s, "s", ndim=1)
    check.check_line_style(style)
    f = check.as_array(fn(s), "the values fn returned", finite=False)
    if f.shape != s.shape:
        raise ValueError(f"fn must return one value per entry of s ({len(s)}); got shape {f.shape}")
    ax = _style.get_ax(check.check_ax(ax))
    style = {"color": _style.INK, "lw": 2.0, **style}
    return ax.plot(s, f, **style)[0]


def tangent_segment(s0, f0, slope, half_width=1.5):
    """End points of the tangent line through (s0, f0) with ``slope``, ``half_width`` either side.

    >>> tangent_segment(1.0, 2.0, 0.5, half_width=2.0).tolist()
    [[-1.0, 3.0], [1.0, 3.0]]
    """
    s = np.array([s0 - half_width, s0 + half_width])
    return np.array([s, f0 + slope * (s - s0)])


class Tangent:
    """A point on a curve and its tangent line, movable with :meth:`update`.

    Attributes
    ----------
    point, line : matplotlib artists
    dynamic : list of artists that change on update (for blitting)
    """

    def __init__(self, ax, half_width=1.5, color=_style.DERIVATIVE):
        check.check_ax(ax, optional=False)
        check.check_line_style({"color": color})
        self.half_width = check.check_positive(half_width, "half_width")
        self.line = ax.plot([], [], color=color, lw=1.6, ls="--", zorder=3, label="tangent")[0]
        self.point = ax.plot([], [], zorder=4, clip_on=False, **_style.CURRENT_MARKER)[0]  # whole at an edge
        self.dynamic = [self.line, self.point]

    def update(self, s0, f0, slope):
        s0, f0, slope = (check.check_number(v, n) for v, n in ((s0, "s0"), (f0, "f0"), (slope, "slope")))
        self.point.set_data([s0], [f0])
        self.line.set_data(*tangent_segment(s0, f0, slope, self.half_width))
        return self


def plot_tangent(s0, f0, slope, ax=None, half_width=1.5):
    """Draw the point (s0, f0) and the tangent line of the given slope through it.

    Returns a :class:`Tangent`; ``.update(s0, f0, slope)`` moves it.
    """
    for value, name in ((s0, "s0"), (f0, "f0"), (slope, "slope")):
        check.check_number(value, name)
    check.check_positive(half_width, "half_width")
    return Tangent(_style.get_ax(check.check_ax(ax)), half_width=half_width).update(s0, f0, slope)


class ProbabilityBars:
    """Bars of class probabilities with their values written on top, updatable in place."""

    def __init__(self, ax, n_classes, labels=None):
        check.check_ax(ax, optional=False)
        n_classes = check.check_int(n_classes, "n_classes", minimum=1, maximum=len(_style.CLASS_STYLES))
        labels = _bar_labels(labels, n_classes)
        colors = [_style.class_style(k)["color"] for k in range(n_classes)]
        hatches = ["", "//", ".."]
        self.bars = ax.bar(range(n_classes), np.zeros(n_classes), color=colors, edgecolor=_style.INK,
                           hatch=[hatches[k % 3] for k in range(n_classes)], width=0.6, zorder=2)
        self.values = [ax.text(k, 0.0, "", ha="center", va="bottom", fontsize=10, zorder=3)
                       for k in range(n_classes)]
        ax.set_xticks(range(n_classes), labels)
        ax.set_ylim(0.0, 1.12)
        ax.set_ylabel("probability")
        self.dynamic = [*self.bars, *self.values]

    def update(self, p, digits=3):
        p = _probabilities(p, "p", len(self.bars))
        digits = check.check_int(digits, "digits", maximum=10)
        for bar, text, value in zip(self.bars, self.values, p):
            bar.set_height(value)
            text.set_position((bar.get_x() + bar.get_width() / 2, value + 0.015))
            text.set_text(_style.number(value, digits))
        return self


def _probabilities(p, name, count=None):
    """Probabilities: numbers in [0, 1], ``count`` of them (when given)."""
    p = check.as_array(p, name, ndim=1)
    if count is not None and len(p) != count:
        raise ValueError(f"{name} must hold {count} probabilities, one per bar; got {len(p)}")
    outside = (p < 0) | (p > 1)
    if outside.any():
        raise ValueError(f"{name} must hold probabilities between 0 and 1; got {p[outside][0]:g}{check._where(outside)}")
    return p


def _bar_labels(labels, count):
    if labels is None:
        return [f"class {k}" for k in range(count)]
    return check.check_texts(labels, "labels", count)


def plot_probability_bars(p, ax=None, labels=None):
    """Draw probabilities ``p`` (C,) as bars with their values; colours and hatches differ per class.

    Returns a :class:`ProbabilityBars`; ``.update(p)`` changes the heights.
    """
    p = _probabilities(p, "p")
    if len(p) > len(_style.CLASS_STYLES):
        raise ValueError(f"p must hold at most {len(_style.CLASS_STYLES)} probabilities (one colour per class); "
                         f"got {len(p)}")
    labels = _bar_labels(labels, len(p))
    return ProbabilityBars(_style.get_ax(check.check_ax(ax)), len(p), labels=labels).update(p)


def plot_activation(activation, s=None, axes=None):
    """Draw f(s) and its derivative f'(s) on two axes (``axes=(ax_f, ax_grad)``).

    ``activation`` is an entry of :data:`helpers.activations.ACTIVATIONS` or its name.
    Returns the two Line2D objects.
    """
    from .. import activations

    if not isinstance(activation, activations.Activation):
        activation = activations.ACTIVATIONS[check.check_choice(activation, "activation",
                                                                tuple(activations.ACTIVATIONS))]
    if s is not None:
        s = check.as_array(s, "s", ndim=1)
    if axes is None:
        import matplotlib.pyplot as plt

        _, axes = plt.subplots(2, 1, sharex=True, figsize=(4.6, 4.4))
    ax_f, ax_grad = check.check_axes(axes, "axes", 2)
    f_line = plot_function(activation.fn, s, ax=ax_f, label="$f(s)$")
    grad_line = plot_function(activation.grad, s, ax=ax_grad, color=_style.DERIVATIVE, label="$f'(s)$")
    ax_f.set_title(f"{activation.name}: {activation.formula}", fontsize=10)
    ax_f.set_ylabel("$f(s)$")
    ax_grad.set_ylabel("$f'(s)$")
    ax_grad.set_xlabel("$s$")
    for ax in axes:
        ax.axhline(0.0, color=_style.GREY, lw=0.8, zorder=0)
        ax.axvline(0.0, color=_style.GREY, lw=0.8, zorder=0)
    return f_line, grad_line
