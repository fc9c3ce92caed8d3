"""One visual language across the explorers (issue 17, part 4): one meaning per colour, name and symbol."""

import ipywidgets
import numpy as np
import pytest
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.text import Text

from helpers import widgets
from helpers.plots import _style

FACTORIES = {
    "perceptron": lambda: widgets.perceptron_explorer(canvas="agg"),
    "activation": lambda: widgets.activation_explorer(canvas="agg"),
    "descent": lambda: widgets.gradient_descent_explorer(steps=3, canvas="agg"),
    "sgd": lambda: widgets.sgd_stepper(canvas="agg"),
    "chain": lambda: widgets.chain_rule_explorer(canvas="agg"),
    "playground": lambda: widgets.mlp_playground(canvas="agg"),
    "hidden space": lambda: widgets.hidden_space_explorer(canvas="agg"),
    "backprop": lambda: widgets.backprop_stepper(step=22, canvas="agg"),
    "gradient flow": lambda: widgets.gradient_flow_explorer(canvas="agg"),
    "weights": lambda: widgets.weight_space_explorer(canvas="agg"),
}
CLASS = {"#0072b2", "#e69f00", "#56b4e9"}
WEIGHT = {"#009e73", "#cc79a7"}


@pytest.fixture(params=list(FACTORIES))
def explorer(request):
    return FACTORIES[request.param]()


def _line_and_text_colours(figure):
    out = []
    for artist in figure.findobj(lambda a: isinstance(a, (Line2D, Text))):
        if isinstance(artist, Text) and not artist.get_text():
            continue
        out.append((artist, to_hex(artist.get_color())))
    return out


def test_lines_and_texts_never_wear_class_or_weight_colours(explorer):
    # Blue, orange and sky mean classes (markers, bars, shading); green and pink mean the
    # sign of a weight (network edges). A line or a text in those colours would say
    # "class" or "weight" where it means something else.
    explorer.figure.canvas.draw()
    wrong = [(a, c) for a, c in _line_and_text_colours(explorer.figure) if c in CLASS | WEIGHT]
    assert not wrong, wrong


def test_derivatives_are_vermillion_and_the_current_point_a_yellow_star():
    a = widgets.activation_explorer(canvas="agg")
    for artist in (a.grad_line, a.tangent.line, a.grad_guide, a.slope_text):
        assert to_hex(artist.get_color()) == _style.DERIVATIVE.lower()
    for point in (a.tangent.point, a.grad_point):
        assert point.get_marker() == "*" and to_hex(point.get_markerfacecolor()) == _style.CURRENT.lower()
    assert to_hex(a.f_line.get_color()) == _style.INK
    d = widgets.gradient_descent_explorer(canvas="agg")
    assert to_hex(d.grads[0].patch.get_edgecolor()) == _style.DERIVATIVE.lower()
    assert to_hex(d.steps_[0].patch.get_edgecolor()) == _style.INK  # the step: the path's next segment
    assert d.paths[0].current.get_marker() == "*"
    c = widgets.chain_rule_explorer(canvas="agg")
    for artist in (*c.graph.locals, *c.graph.backs, c.tangent):
        assert to_hex(artist.get_color()) == _style.DERIVATIVE.lower()
    assert c.point.get_marker() == "*"


def test_classes_keep_their_colour_and_marker():
    e = widgets.perceptron_explorer(canvas="agg")
    negative, positive = e.boundary.points
    assert to_hex(negative.get_facecolor()[0]) == _style.BLUE.lower()
    assert to_hex(positive.get_facecolor()[0]) == _style.ORANGE.lower()
    assert not np.array_equal(negative.get_paths()[0].vertices, positive.get_paths()[0].vertices)


def _all_controls():
    for name, make in FACTORIES.items():
        explorer = make()
        for key, control in explorer.controls.items():
            yield name, key, control
        for key, toggle in explorer._play_buttons.items():  # what the page shows for a Play
            yield name, f"{key} (shown)", toggle


def test_the_learning_rate_is_lr_eta_everywhere():
    found = [(n, c.description) for n, k, c in _all_controls() if k == "lr"]
    assert len(found) == 5  # descent, sgd, playground, gradient flow, weights
    assert {d for _, d in found} == {"lr (\u03b7)"}


def test_every_button_and_play_has_a_tooltip_and_only_play_shows_the_play_symbol():
    for name, key, control in _all_controls():
        if isinstance(control, (ipywidgets.Button, ipywidgets.Play)):
            assert control.tooltip, (name, key)
        if isinstance(control, ipywidgets.Button):
            assert "\u25b6" not in control.description and "\u25c0" not in control.description, (name, key)
        if isinstance(control, ipywidgets.Play):
            assert "\u25a0" in control.tooltip and "start" in control.tooltip  # what ■ does
        if isinstance(control, ipywidgets.ToggleButtons):
            assert len(control.tooltips) == len(control.options) and all(control.tooltips), (name, key)


def test_stop_square_goes_back_to_the_start_in_both_players():
    stepper = widgets.sgd_stepper(canvas="agg")
    play = stepper.controls["play"]
    play.value = 6
    assert stepper.state["step"] == 6
    play.value = play.min  # ■ in the browser: pause and value back to min
    assert stepper.state["step"] == 1
    pg = widgets.mlp_playground(canvas="agg")
    play = pg.controls["play"]
    play.playing = True
    for tick in (1, 2, 3):
        play.value = tick
    assert pg.state["epoch"] == 6
    with play.hold_trait_notifications():
        play.playing = False
        play.value = play.min
    assert pg.state["epoch"] == 0
