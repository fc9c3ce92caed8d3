"""gradient_flow_explorer: per-layer gradient sizes against finite differences, and the vanishing
gradient of a deep sigmoid network (issue 13's tests)."""

import math

import numpy as np
import pytest

from helpers import data, mlp, widgets


def finite_difference_norms(model, X, y, h=1e-6):
    """||dL/dW|| of each weight matrix, every entry estimated by a central difference of model.loss."""
    norms = []
    for weights in model.params:
        grad = np.empty_like(weights)
        for index in np.ndindex(weights.shape):
            keep = weights[index]
            weights[index] = keep + h
            up = model.loss(X, y)
            weights[index] = keep - h
            down = model.loss(X, y)
            weights[index] = keep
            grad[index] = (up - down) / (2 * h)
        norms.append(math.sqrt(float(np.sum(grad * grad))))
    return norms


@pytest.mark.parametrize("activation", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("depth", [1, 2])
def test_per_layer_norms_agree_with_finite_differences(depth, activation):
    e = widgets.gradient_flow_explorer(depth=depth, activation=activation, canvas="agg")
    X, y = data.make_moons(200, noise=0.1, seed=0)
    model = mlp.MLP([2] + [8] * depth + [1], hidden=activation, seed=0)  # the same network, built here
    want = finite_difference_norms(model, X, y)
    got = e.state["grad_norms"]
    assert len(got) == depth + 1
    np.testing.assert_allclose(got, want, rtol=1e-6)
    e.train(6)
    e.refresh()
    np.testing.assert_allclose(e.state["grad_norms"], finite_difference_norms(e.model, X, y), rtol=1e-5)


def test_at_depth_six_sigmoids_first_layer_gets_under_a_hundredth_of_the_last_and_relus_does_not():
    e = widgets.gradient_flow_explorer(depth=6, activation="sigmoid", canvas="agg")
    norms = e.state["grad_norms"]
    assert len(norms) == 7 and norms[0] < norms[-1] / 100
    assert e.state["ratio"] == pytest.approx(norms[0] / norms[-1])
    e.set(activation="relu")
    norms = e.state["grad_norms"]
    assert norms[0] >= norms[-1] / 100
    # and the input side is first: layer 0 is v, a (2 + 1) x 8 matrix
    assert e.model.params[0].shape == (3, 8) and norms[0] == pytest.approx(np.linalg.norm(e.model.backward(
        e.X, e.y)[0]))


def test_input_side_first_against_each_matrixs_own_finite_difference():
    e = widgets.gradient_flow_explorer(depth=2, activation="sigmoid", canvas="agg")
    X, y = e.X, e.y
    for k, weights in enumerate(e.model.params):
        grad = np.empty_like(weights)
        for index in np.ndindex(weights.shape):
            keep = weights[index]
            weights[index] = keep + 1e-6
            up = e.model.loss(X, y)
            weights[index] = keep - 1e-6
            down = e.model.loss(X, y)
            weights[index] = keep
            grad[index] = (up - down) / 2e-6
        assert e.state["grad_norms"][k] == pytest.approx(np.linalg.norm(grad), rel=1e-6), k


def test_the_deep_sigmoid_network_barely_learns_and_relu_does():
    sig = widgets.gradient_flow_explorer(depth=6, activation="sigmoid", canvas="agg").train(100)
    sig.refresh()
    relu = widgets.gradient_flow_explorer(depth=6, activation="relu", canvas="agg").train(100)
    relu.refresh()
    assert abs(sig.state["loss"] - math.log(2)) < 0.01 and sig.state["accuracy"] <= 0.6
    assert relu.state["loss"] < 0.05 and relu.state["accuracy"] == 1.0
    shallow = widgets.gradient_flow_explorer(depth=1, activation="sigmoid", canvas="agg").train(100)
    shallow.refresh()
    assert shallow.state["loss"] < 0.4  # one sigmoid layer learns


def test_set_depth_and_activation_start_a_new_run_and_lr_does_not():
    e = widgets.gradient_flow_explorer(depth=3, activation="tanh", canvas="agg")
    e.controls["step"].click()
    assert e.state["epoch"] == 2
    e.set(lr=0.05)
    assert e.state["epoch"] == 2 and e.state["lr"] == 0.05
    e.set(depth=4, activation="relu")
    assert e.state["epoch"] == 0 and e.state["layer_sizes"] == [2, 8, 8, 8, 8, 1]
    assert e.state["start_grad_norms"] == e.state["grad_norms"]


def test_play_step_reset():
    e = widgets.gradient_flow_explorer(depth=2, canvas="agg")
    play = e.controls["play"]
    play.playing = True
    for _ in range(3):
        play.value += 1
    assert e.state["epoch"] == 6 and len(e.state["losses"]) == 7 and e.heading.get_text() == "epoch 6"
    e.controls["reset"].click()
    assert e.state["epoch"] == 0 and play.playing is False
    fresh = mlp.MLP([2, 8, 8, 1], hidden="sigmoid", seed=0)
    for got, want in zip(e.model.params, fresh.params):
        np.testing.assert_array_equal(got, want)


def test_a_diverging_run_shows_a_message_not_a_traceback():
    e = widgets.gradient_flow_explorer(depth=3, activation="relu", canvas="agg")
    e.model.params[-1][:] = np.nan  # weights that have blown up: the loss is NaN after the next epoch
    play = e.controls["play"]
    play.playing = True
    play.value += 1
    assert "diverged" in e.state["error"] and "diverged" in e.message.get_text()
    assert play.playing is False
    e.controls["reset"].click()
    assert "error" not in e.state and e.message.get_text() == ""


def test_to_code_rebuilds_the_state():
    e = widgets.gradient_flow_explorer(depth=4, activation="tanh", lr=0.05, canvas="agg").train(10)
    e.refresh()
    code = e.to_code()
    assert code == "widgets.gradient_flow_explorer(depth=4, activation='tanh', lr=0.05, epochs=10, seed=0)"
    again = eval(code, {"widgets": widgets})
    assert again.state["grad_norms"] == e.state["grad_norms"] and again.state["losses"] == e.state["losses"]


def test_lr_and_depth_moves_equal_a_full_draw():
    from test_widgets_artists import _full_draw_pixels

    e = widgets.gradient_flow_explorer(canvas="agg")
    for move in ({"lr": 0.5}, {"depth": 2}, {"activation": "relu"}):
        e.set(**move)
        np.testing.assert_array_equal(e.pixels(), _full_draw_pixels(e))
