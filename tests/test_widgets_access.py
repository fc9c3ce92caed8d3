"""What every explorer gives a screen reader, a keyboard and a small screen, driven from Python.

The browser tests check the same things in JupyterLab (axe-core, Tab order, widths); these
pin the kernel side: every control has a tooltip (never None, which the page shows as
"null"), labels sized to their text, a named Play/Pause toggle, a check mark on the chosen
toggle button, and a text alternative for the picture that follows every move. The
sentences are checked against values worked out by hand.
"""

import ipywidgets as widgets
import pytest

from helpers import widgets as explorers
from helpers.widgets import _access

FACTORIES = {
    "perceptron": lambda canvas: explorers.perceptron_explorer(canvas=canvas),
    "activation": lambda canvas: explorers.activation_explorer(canvas=canvas),
    "descent": lambda canvas: explorers.gradient_descent_explorer(canvas=canvas),
    "sgd": lambda canvas: explorers.sgd_stepper(canvas=canvas),
    "chain": lambda canvas: explorers.chain_rule_explorer(canvas=canvas),
    "playground": lambda canvas: explorers.mlp_playground(canvas=canvas),
    "hidden space": lambda canvas: explorers.hidden_space_explorer(canvas=canvas),
    "backprop": lambda canvas: explorers.backprop_stepper(canvas=canvas),
    "gradient flow": lambda canvas: explorers.gradient_flow_explorer(canvas=canvas),
    "weights": lambda canvas: explorers.weight_space_explorer(canvas=canvas),
}


@pytest.fixture(params=sorted(FACTORIES))
def explorer(request):
    return FACTORIES[request.param]("image")


def _shown_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _shown_widgets(child)


def test_every_shown_widget_with_a_tooltip_has_a_text_one(explorer):
    """ipywidgets writes a labelled widget's tooltip=None as title="null": none shown may keep None.

    (Boxes and the Image drop a None tooltip; the Image gets its text when displayed.)
    """
    untitled = [repr(w)[:60] for w in _shown_widgets(explorer.widget)
                if isinstance(w, widgets.widget_description.DescriptionWidget) and w.tooltip is None]
    assert not untitled
    for name, control in explorer.controls.items():
        if "description" in control.traits() and control.description:
            assert control.tooltip.strip(), f"{name} has an empty tooltip"


def test_labels_are_as_wide_as_their_text(explorer):
    fixed = {name: c.style.description_width for name, c in explorer.controls.items()
             if "description_width" in getattr(c, "style", widgets.Layout()).traits()
             and c.style.description_width != "initial"}
    assert not fixed, f"fixed label widths cut long labels: {fixed}"
    for control in explorer.controls.values():
        if isinstance(control, widgets.ToggleButtons):
            assert control.style.button_width == "initial"
        if isinstance(control, widgets.Dropdown):
            assert control.layout.width == "max-content"


def test_the_figure_and_its_readout_wrap_instead_of_scrolling(explorer):
    rows = [w for w in _shown_widgets(explorer.widget) if explorer.readout in getattr(w, "children", ())]
    assert rows and all(row.layout.flex_flow == "row wrap" for row in rows if isinstance(row, widgets.HBox))


def test_a_shared_layout_is_not_changed_for_its_other_controls():
    """06 gives its sliders and its data menu one Layout: only the menu may grow to its text."""
    pg = explorers.mlp_playground(canvas="agg")
    assert pg.controls["dataset"].layout.width == "max-content"
    assert pg.controls["noise"].layout.width == "250px"


def test_picture_text_follows_every_frame():
    e = explorers.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0), canvas="image")
    bundle = e._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    image = e._image
    # AND is +1 only at (1, 1); s = -0.1 + 0.2 x1 gives -0.1, -0.1, +0.1, +0.1: (1, 0) is wrong.
    assert image.tooltip == "Boundary s = 0 for w = (\u22120.1, 0.2, 0) on AND: 3 of 4 points correct; perceptron loss 0.10"
    frame = image.value
    e.set(w0=-1.5, w1=1.0, w2=1.0)
    assert image.value != frame
    # s = -1.5, -0.5, -0.5, +0.5: all four on their side, loss 0.
    assert image.tooltip.startswith("Boundary s = 0 for w = (\u22121.5, 1, 1) on AND: 4 of 4 points correct")
    assert image.tooltip == e.alt_text
    assert "description" in image.keys and image.description == ""


def test_points_on_the_boundary_are_named():
    e = explorers.perceptron_explorer("AND", w=(0.0, 0.0, 0.0), canvas="agg")
    # s = 0 everywhere and sign(0) = +1: only (1, 1), labelled +1, is right.
    assert e.alt_text == ("Boundary s = 0 for w = (0, 0, 0) on AND: 1 of 4 points correct, "
                          "4 on the boundary (counted as +1); perceptron loss 0.00")


def test_each_explorer_describes_its_numbers():
    act = explorers.activation_explorer("sigmoid", s=0.0, logits=(1.0, 1.0, 1.0), canvas="agg")
    # sigmoid(0) = 1/2, its slope 1/4; equal logits share the probability equally.
    assert act.alt_text == ("sigmoid at s = 0: f(s) = 0.5, slope f'(s) = 0.25. Softmax turns logits (1, 1, 1) "
                            "into probabilities (0.333, 0.333, 0.333)")
    chain = explorers.chain_rule_explorer("z = sin(x²)", x=1.0, canvas="agg")
    # z = sin(1) = 0.84147, dz/dx = 2 x cos(x^2) = 2 cos(1) = 1.08060: local derivatives 2x = 2, cos(1) = 0.5403.
    assert chain.alt_text == ("z = sin(x²) at x = 1: z = 0.8415; the tangent's slope dz/dx = 1.0806, "
                              "the product of the local derivatives 2, 0.5403")
    sgd = explorers.sgd_stepper(canvas="agg")
    # The lecture's first step: x = (1, 0), y = -1, s = -0.1 + 0.2 = 0.1 > 0 is wrong, so
    # w <- w - 0.1 * (1, 1, 0) = (-0.2, 0.1, 0); then s = -0.2 + 0.1 x1 < 0 everywhere and only (1, 1) is wrong.
    assert sgd.alt_text.startswith("Step 1 of ")
    assert ("sample x = (1, 0) with y = \u22121 has s = 0.1, a mistake; w moves from (\u22120.1, 0.2, 0) "
            "to (\u22120.2, 0.1, 0), which misclassifies 1 of 4 points") in sgd.alt_text
    descent = explorers.gradient_descent_explorer(curve="parabola", lr=0.5, steps=1, w_start=-2.0, canvas="agg")
    # L = (w - 1)^2, dL/dw = 2 (w - 1): one step of 0.5 from -2 lands on -2 - 0.5 * (-6) = 1, the minimum.
    assert "On the parabola curve w goes from \u22122 to 1 (" in descent.alt_text
    assert descent.alt_text.startswith("Gradient descent with lr = 0.5, 1 steps.")
    pg = explorers.mlp_playground("XOR", layers=2, units=3, canvas="agg")
    assert pg.alt_text.startswith("Network 2-3-3-1 (tanh) on XOR with 2 classes, epoch 0: train accuracy ")


def test_an_error_is_the_pictures_text_too():
    e = explorers.perceptron_explorer(canvas="agg")
    e._describe = lambda: 1 / 0
    e.refresh()
    assert e.alt_text == "PerceptronExplorer figure (no description: ZeroDivisionError)"


def test_play_shows_as_a_named_toggle_linked_both_ways():
    pg = explorers.mlp_playground(canvas="agg")
    play, toggle = pg.controls["play"], pg._play_buttons["play"]
    shown = list(_shown_widgets(pg.widget))
    assert toggle in shown and play in shown, "the Play must stay in the page (hidden): its view runs the timer"
    assert play.layout.display == "none"
    assert (toggle.description, toggle.icon) == ("Play", "play") and toggle.tooltip
    toggle.value = True  # a learner presses it
    assert play.playing is True and (toggle.description, toggle.icon) == ("Pause", "pause")
    play.playing = False  # code (or the end of the range) stops it
    assert toggle.value is False and toggle.description == "Play"


def test_the_chosen_toggle_button_is_styled_inside_explorers_only(explorer):
    """One scoped rule: the explorer's box carries the class, and holds the style itself."""
    assert _access.EXPLORER_CLASS in explorer.widget._dom_classes
    styles = [w for w in _shown_widgets(explorer.widget) if isinstance(w, widgets.HTML) and "<style>" in w.value]
    assert len(styles) == 1 and styles[0].layout.display == "none"
    rules = styles[0].value
    assert rules.count("{") == rules.count(f".{_access.EXPLORER_CLASS} .widget-toggle-buttons .widget-toggle-button.mod-active")


def test_numbers_in_sentences():
    assert _access.numbers([-0.1, 0.2, 0.0]) == "(\u22120.1, 0.2, 0)"
    assert _access.number(-0.004) == "0" and _access.number(1.005, 1) == "1"


def _explorer_classes():
    """Every concrete explorer class in helpers.widgets, found by walking its modules."""
    import importlib
    import pkgutil

    package = importlib.import_module("helpers.widgets")
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"helpers.widgets.{module.name}")

    def below(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from below(sub)

    return sorted({c for c in below(explorers.Explorer) if c.__module__.startswith("helpers.widgets")},
                  key=lambda c: c.__name__)


@pytest.mark.parametrize("cls", _explorer_classes(), ids=lambda c: c.__name__)
def test_the_base_gives_every_explorer_one_hidden_labeller(cls, monkeypatch):
    """Each explorer's box holds one hidden labeller, inside the box its script looks for
    (``closest(".nn-explorer")``), and the labeller sends nothing while the explorer is
    moved: it has no state to sync, so a move costs no extra message."""
    import anywidget

    explorer = cls(canvas="image")
    labellers = [w for w in _shown_widgets(explorer.widget) if isinstance(w, anywidget.AnyWidget)]
    assert len(labellers) == 1, f"{cls.__name__} shows {len(labellers)} labellers"
    labeller = labellers[0]
    assert _access.EXPLORER_CLASS in explorer.widget._dom_classes
    assert labeller.layout.display == "none"
    assert f'"{"." + _access.EXPLORER_CLASS}"' in labeller._esm
    synced = set(labeller.keys) - set(widgets.DOMWidget().keys) - {"_esm", "_anywidget_id"}
    assert not synced, f"the labeller syncs {synced}"

    sent = []
    monkeypatch.setattr(labeller, "send_state", lambda *a, **k: sent.append(("state", a)))
    monkeypatch.setattr(labeller, "send", lambda *a, **k: sent.append(("msg", a)))
    moved = 0
    for control in explorer.controls.values():
        if isinstance(control, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)):
            control.value = control.max if control.value != control.max else control.min
            moved += 1
        elif isinstance(control, widgets.Dropdown) and len(control.options) > 1:  # the stepper has no slider
            control.index = 1 if control.index != 1 else 0
            moved += 1
    assert moved, f"{cls.__name__} has no slider or menu to move"
    assert not sent, f"the labeller sent {sent} while the controls moved"


def test_the_labeller_names_handles_and_pictures_from_the_page_only():
    """Its script reads each handle's slider label and the picture's title and writes the
    handle's aria-label and the picture's alt (checked in the page by tests/browser)."""
    esm = _access.LABELLER_ESM
    for needed in ('[role="slider"]', ".widget-slider", ".widget-label", '"aria-label"', "img[title]", '"alt"',
                   "MutationObserver", 'attributeFilter: ["title"]', "export default { render }"):
        assert needed in esm, needed
    assert "model." not in esm, "the labeller must not read or write the model: it syncs nothing"
