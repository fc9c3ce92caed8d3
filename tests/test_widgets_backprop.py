"""backprop_stepper: every quantity of the worked example, checked by hand, by MLP.backward and by
finite differences; the controls; the written-out steps."""

import math
import re

import numpy as np
import pytest

from helpers import mlp, widgets

# The worked example of notebook 06, from its table: x = (1, 0), y = 1.
X0, X1, X2, Y = 1.0, 1.0, 0.0, 1.0
V = [[0.1, -0.2], [0.5, 0.3], [-0.4, 0.8]]  # V[i][j - 1] = v_ij
W = [0.2, 0.6, -0.7]


def sig(t):
    return 1.0 / (1.0 + math.exp(-t))


def forward(r_shift=(0.0, 0.0), u_shift=(0.0, 0.0), s_shift=0.0, z_shift=0.0, v=V, w=W):
    """The loss, with any intermediate nudged by a shift (for finite differences)."""
    x = (X0, X1, X2)
    r = [sum(x[i] * v[i][j] for i in range(3)) + r_shift[j] for j in range(2)]
    u = [sig(r[j]) + u_shift[j] for j in range(2)]
    s = w[0] + u[0] * w[1] + u[1] * w[2] + s_shift
    z = sig(s) + z_shift
    return -(Y * math.log(z) + (1 - Y) * math.log(1 - z))


def fd(f, h=1e-6):
    return (f(h) - f(-h)) / (2 * h)


def nudged(matrix, i, j, h):
    out = [list(row) for row in matrix]
    out[i][j] += h
    return out


@pytest.fixture(scope="module")
def finished():
    e = widgets.backprop_stepper(canvas="agg")
    for _ in range(22):
        e.controls["next"].click()
    return e


def test_forward_values_are_the_notebooks_hand_computation(finished):
    shown = finished.state["shown"]
    assert shown["r1"] == pytest.approx(0.6) and shown["r2"] == pytest.approx(0.1)
    assert round(shown["u1"], 4) == 0.6457 and round(shown["u2"], 4) == 0.5250
    assert round(shown["s"], 4) == 0.2199 and round(shown["z"], 4) == 0.5548
    assert shown["L"] == pytest.approx(-math.log(shown["z"]), rel=1e-12) == pytest.approx(forward(), rel=1e-12)


def test_after_the_last_step_every_gradient_is_model_backwards_and_finite_differences(finished):
    shown = finished.state["shown"]
    model, x, y = mlp.worked_example()
    grad_v, grad_w = model.backward(x, y)
    tol = 1e-8
    for j in range(3):
        assert shown[f"dL/dw{j}"] == pytest.approx(grad_w[j, 0], abs=1e-15)
        w = list(W)
        assert abs(shown[f"dL/dw{j}"] - fd(lambda h: forward(w=[*w[:j], w[j] + h, *w[j + 1:]]))) < tol
    for i in range(3):
        for j in (1, 2):
            assert shown[f"dL/dv{i}{j}"] == pytest.approx(grad_v[i, j - 1], abs=1e-15)
            assert abs(shown[f"dL/dv{i}{j}"] - fd(lambda h: forward(v=nudged(V, i, j - 1, h)))) < tol
    # the intermediate gradients, which model.backward does not keep: nudge the quantity itself
    assert abs(shown["dL/dz"] - fd(lambda h: forward(z_shift=h))) < tol
    assert abs(shown["dL/ds"] - fd(lambda h: forward(s_shift=h))) < tol
    assert shown["dL/ds"] == pytest.approx(shown["z"] - Y, rel=1e-12)  # z - y
    for j in (1, 2):
        def on_unit_j(h, j=j):
            return (h, 0.0) if j == 1 else (0.0, h)
        assert abs(shown[f"dL/du{j}"] - fd(lambda h: forward(u_shift=on_unit_j(h)))) < tol
        assert abs(shown[f"dL/dr{j}"] - fd(lambda h: forward(r_shift=on_unit_j(h)))) < tol
    assert shown["dL/dv21"] == 0.0 and shown["dL/dv22"] == 0.0  # x2 = 0: not blamed


def test_shown_grows_one_quantity_per_step_in_the_lectures_order():
    e = widgets.backprop_stepper(canvas="agg")
    assert e.state["shown"] == {} and e.state["step"] == 0
    order = ["r1", "r2", "u1", "u2", "s", "z", "L", "dL/dz", "dL/ds", "dL/dw0", "dL/dw1", "dL/dw2", "dL/du1",
             "dL/du2", "dL/dr1", "dL/dr2", "dL/dv01", "dL/dv11", "dL/dv21", "dL/dv02", "dL/dv12", "dL/dv22"]
    for k, name in enumerate(order, start=1):
        e.controls["next"].click()
        assert list(e.state["shown"]) == order[:k] and e.state["current"] == name
        assert e.state["phase"] == ("forward" if k <= 7 else "backward")
    assert e.controls["next"].disabled and not e.controls["back"].disabled


def test_back_jump_play_and_reset():
    e = widgets.backprop_stepper(canvas="agg")
    assert e.controls["back"].disabled
    e.set(jump=9)
    assert e.state["current"] == "dL/ds" and len(e.state["shown"]) == 9
    e.controls["back"].click()
    assert e.state["current"] == "dL/dz"
    play = e.controls["play"]
    assert play.value == 8  # Play follows the menu, so ▶ continues from here
    play.playing = True
    play.value += 1  # a tick
    assert e.state["current"] == "dL/ds"
    e.controls["reset"].click()
    assert e.state["step"] == 0 and e.state["shown"] == {} and play.playing is False and play.value == 0


def test_the_constructor_takes_a_step_number_or_a_name():
    assert widgets.backprop_stepper(step="dL/du2", canvas="agg").state["step"] == 14
    assert widgets.backprop_stepper(step=5, canvas="agg").state["current"] == "s"
    with pytest.raises(ValueError, match=r"step must be a number from 0 to 22 or one of 'r1'"):
        widgets.backprop_stepper(step="dL/dq", canvas="agg")
    with pytest.raises(ValueError, match=r"step must be between 0 and 22"):
        widgets.backprop_stepper(step=23, canvas="agg")


def test_to_code_rebuilds_the_step():
    e = widgets.backprop_stepper(step=13, canvas="agg")
    assert e.to_code() == "widgets.backprop_stepper(step=13)"
    assert eval(e.to_code(), {"widgets": widgets}).state == e.state


def _evaluate(worked):
    """The right-hand side of a worked line, from its printed numbers, with plain Python."""
    body, sign, shown = worked[2:].rsplit(" ", 2)
    text = body.replace("\u2212", "-").replace("\u00b7", "*").replace("[", "(").replace("]", ")")
    text = re.sub(r"log ([\d.]+)", r"log(\1)", text)
    return eval(text, {"exp": math.exp, "log": math.log}), sign, float(shown.replace("\u2212", "-"))


def test_each_written_step_adds_up_from_its_printed_numbers():
    """'=' when the printed numbers give the printed result at four decimals, '≈' when they miss it."""
    e = widgets.backprop_stepper(step=22, canvas="agg")
    signs = {}
    for step in e.steps:
        value, sign, shown = _evaluate(step.worked)
        assert shown == round(step.value, 4) + 0.0, step
        if sign == "=":
            assert abs(value - shown) <= 0.5e-4 + 1e-12, (step, value)
        else:
            assert sign == "\u2248" and abs(value - shown) > 0.5e-4 - 1e-12, (step, value)
        signs[step.name] = sign
    # by hand: -log(0.5548) = 0.58915 and the loss is 0.58923; -1/0.5548 = -1.80245 and dL/dz is -1.80259
    assert signs["L"] == signs["dL/dz"] == "\u2248" and signs["r1"] == signs["dL/ds"] == "="


def test_the_readout_and_the_picture_text_name_the_step():
    e = widgets.backprop_stepper(step=9, canvas="agg")
    assert "step <b>9</b> of 22 (backward)" in e.readout.value
    assert "\u2202L/\u2202s = \u2202L/\u2202z \u00b7 z(1 \u2212 z)" in e.readout.value
    assert e.alt_text.startswith("Step 9 of 22 (backward): \u2202L/\u2202s = \u22120.4452")
    start = widgets.backprop_stepper(canvas="agg")
    assert "nothing computed yet" in start.readout.value and "nothing computed yet" in start.alt_text


def test_every_step_is_a_blit_that_equals_a_full_draw():
    from test_widgets_artists import _full_draw_pixels

    e = widgets.backprop_stepper(canvas="agg")
    for k in (0, 1, 9, 18, 22):
        e.set(jump=k)
        np.testing.assert_array_equal(e.pixels(), _full_draw_pixels(e))
