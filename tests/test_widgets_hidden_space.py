"""hidden_space_explorer driven from Python: the morph, training, the pair of units, and separability.

Coordinates are checked against hidden activations computed here with plain numpy from the
explorer's weights (sigmoid(x0 v0j + x1 v1j + x2 v2j)), not with the MLP's forward pass.
"""

import itertools

import numpy as np
import pytest

from helpers import data, mlp, widgets
from helpers.plots import hidden as hidden_plots


def by_hand(X, v):
    """u_j = 1 / (1 + exp(-(v_0j + x_1 v_1j + x_2 v_2j))) for every row of X."""
    X = np.asarray(X, dtype=float)
    r = v[0] + X[:, 0:1] * v[1] + X[:, 1:2] * v[2]
    return 1.0 / (1.0 + np.exp(-r))


def perceptron_separates(features, y, epochs=1000):
    """The perceptron rule (lecture, notebook 04) on ``features``: True when an epoch makes no mistake."""
    features = np.c_[np.ones(len(features)), features]
    labels = np.where(np.asarray(y) == 1, 1.0, -1.0)
    w = np.zeros(features.shape[1])
    for _ in range(epochs):
        mistakes = 0
        for x, t in zip(features, labels):
            if t * (x @ w) <= 0:
                w += t * x
                mistakes += 1
        if mistakes == 0:
            return True
    return False


@pytest.fixture(scope="module")
def trained_xor():
    return widgets.hidden_space_explorer("XOR", units=2, epochs=2000, canvas="agg")


def test_t0_shows_the_inputs_and_t1_the_hidden_activations():
    e = widgets.hidden_space_explorer("XOR", t=0.0, canvas="agg")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    np.testing.assert_array_equal(e.state["points"], X)
    v = e.state["weights"][0]
    e.set(t=1.0)
    np.testing.assert_allclose(e.state["points"], by_hand(X, v), rtol=1e-12)
    e.set(t=0.25)
    np.testing.assert_allclose(e.state["points"], 0.75 * X + 0.25 * by_hand(X, v), rtol=1e-12)


def test_the_weights_are_a_fresh_networks_and_the_points_follow_training(trained_xor):
    fresh = mlp.MLP([2, 2, 1], hidden="sigmoid", seed=0)
    e = widgets.hidden_space_explorer("XOR", canvas="agg")
    for got, want in zip(e.state["weights"], fresh.params):
        np.testing.assert_array_equal(got, want)
    X = trained_xor.state["X"]
    np.testing.assert_allclose(trained_xor.state["points"], by_hand(X, trained_xor.state["weights"][0]), rtol=1e-12)


def test_training_xor_is_notebook_06s_training(trained_xor):
    # 06 trains 2-2-1 on XOR with lr 2, one example per step, rng = 0, for 2000 epochs
    X, y = data.logic_gate("XOR")
    model = mlp.MLP([2, 2, 1], hidden="sigmoid", seed=0)
    model.fit(X, y, lr=2.0, epochs=2000, batch_size=1, rng=0)
    for got, want in zip(trained_xor.state["weights"], model.params):
        np.testing.assert_allclose(got, want, rtol=1e-12)


def test_after_training_a_line_separates_xor_in_hidden_space_and_none_in_the_input_space(trained_xor):
    st = trained_xor.set(t=1.0).state
    assert st["hidden_separable"] is True and st["epoch"] == 2000
    assert perceptron_separates(st["points"], st["y"])
    assert not perceptron_separates(st["X"], st["y"])
    # not just this perceptron: no line on a fine grid of (w0, w1, w2) gets all four XOR points right
    grid = np.linspace(-2, 2, 41)
    W = np.array(list(itertools.product(grid, grid, grid)))
    right = ((W[:, :1] + W[:, 1:] @ st["X"].T >= 0) == (st["y"] == 1)).sum(axis=1)
    assert right.max() == 3


def test_hidden_separable_means_the_outputs_line_has_every_point_on_its_side():
    e = widgets.hidden_space_explorer("XOR", canvas="agg")
    w = e.state["weights"][1][:, 0]
    U = e.state["hidden"]
    side = w[0] + U[:, 0] * w[1] + U[:, 1] * w[2] >= 0
    assert e.state["hidden_separable"] == bool(np.all(side == (e.state["y"] == 1)))
    assert e.state["hidden_separable"] is False  # an untrained network


def test_more_units_and_the_pair_menu():
    e = widgets.hidden_space_explorer("circles", units=3, t=1.0, pair=(1, 3), canvas="agg")
    assert [o[1] for o in e.controls["pair"].options] == [(1, 2), (1, 3), (2, 3)]
    v = e.state["weights"][0]
    U = by_hand(e.state["X"], v)
    np.testing.assert_allclose(e.state["points"], U[:, [0, 2]], rtol=1e-12)
    e.set(pair=(2, 3))
    np.testing.assert_allclose(e.state["points"], U[:, [1, 2]], rtol=1e-12)
    e.set(units=4)  # a new run; (2, 3) is still a pair of 4 units
    assert e.state["pair"] == (2, 3) and len(e.controls["pair"].options) == 6 and e.state["epoch"] == 0
    e.set(units=2)
    assert e.state["pair"] == (1, 2) and len(e.controls["pair"].options) == 1
    with pytest.raises(ValueError, match=r"pair must be one of \(1, 2\)"):
        e.set(pair=(1, 3))
    with pytest.raises(ValueError, match="pair must be one of"):
        widgets.hidden_space_explorer(units=2, pair=(1, 3), canvas="agg")


@pytest.mark.parametrize("dataset, units", [("circles", 3), ("moons", 3)])
def test_circles_and_moons_become_separable_with_three_units(dataset, units):
    e = widgets.hidden_space_explorer(dataset, units=units, canvas="agg")
    assert len(e.state["y"]) == 100 and not e.state["hidden_separable"]
    e.train(300)
    e.refresh()
    assert e.state["hidden_separable"] and e.state["accuracy"] == 1.0
    assert perceptron_separates(e.state["hidden"], e.state["y"], epochs=2000)


def test_two_units_cannot_unfold_the_circles():
    e = widgets.hidden_space_explorer("circles", units=2, epochs=600, canvas="agg")
    assert not e.state["hidden_separable"] and e.state["accuracy"] < 0.9


def test_play_step_reset_and_the_stop_square():
    e = widgets.hidden_space_explorer("XOR", canvas="agg")
    per_frame = 10  # XOR trains 10 epochs per tick
    play = e.controls["play"]
    play.playing = True
    for _ in range(3):
        play.value += 1
    assert e.state["epoch"] == 3 * per_frame and e.heading.get_text() == "epoch 30"
    e.controls["step"].click()
    assert e.state["epoch"] == 4 * per_frame
    e.controls["reset"].click()
    assert e.state["epoch"] == 0 and play.playing is False
    for got, want in zip(e.state["weights"], mlp.MLP([2, 2, 1], seed=0).params):
        np.testing.assert_array_equal(got, want)
    play.playing = True
    play.value += 1
    with play.hold_trait_notifications():  # ■ in the browser: pause, value back to the start
        play.playing = False
        play.value = play.min
    assert e.state["epoch"] == 0


def test_train_from_code_is_what_play_does():
    played = widgets.hidden_space_explorer("moons", units=3, canvas="agg")
    play = played.controls["play"]
    play.playing = True
    for _ in range(20):
        play.value += 1
    coded = widgets.hidden_space_explorer("moons", units=3, canvas="agg").train(40)
    coded.refresh()
    assert played.state["epoch"] == coded.state["epoch"] == 40
    np.testing.assert_array_equal(played.state["points"], coded.state["points"])


def test_a_run_stops_at_the_epoch_limit():
    e = widgets.hidden_space_explorer("circles", units=2, canvas="agg")
    e.train(5000)
    e.refresh()
    assert e.state["epoch"] == 2000 and e.controls["step"].disabled


def test_a_diverging_run_shows_a_message_not_a_traceback():
    e = widgets.hidden_space_explorer("moons", units=3, canvas="agg")
    e.model.params[-1][:] = np.nan  # weights that have blown up: the loss is NaN after the next epoch
    play = e.controls["play"]
    play.playing = True
    play.value += 1
    assert "diverged" in e.state["error"] and "diverged" in e.message.get_text()
    assert play.playing is False
    e.controls["reset"].click()
    assert "error" not in e.state and e.message.get_text() == ""


def test_to_code_rebuilds_the_state(trained_xor):
    e = widgets.hidden_space_explorer("circles", units=3, t=0.35, pair=(2, 3), canvas="agg")
    e.train(30)
    e.refresh()
    code = e.to_code()
    assert code == "widgets.hidden_space_explorer(dataset='circles', units=3, t=0.35, pair=(2, 3), epochs=30, seed=0)"
    again = eval(code, {"widgets": widgets})
    np.testing.assert_array_equal(again.state["points"], e.state["points"])
    assert "epochs=2000" in trained_xor.to_code()


def test_grid_lines_are_straight_at_t0_and_bend_on_the_way(trained_xor):
    e = widgets.hidden_space_explorer("XOR", epochs=450, t=0.0, canvas="agg")
    xs, ys = e.grid.get_data()
    first = ~np.isnan(xs)
    first[np.argmax(np.isnan(xs)):] = False  # the first grid line: x1 = -0.5, x2 from -0.5 to 1.5
    assert np.all(xs[first] == -0.5)
    np.testing.assert_allclose(ys[first], np.linspace(-0.5, 1.5, 121))
    e.set(t=0.5)
    xs, ys = e.grid.get_data()
    line = np.column_stack([xs[first], ys[first]])
    # three points of one line: not on one straight line any more (twice the triangle's area)
    a, b, c = line[0], line[60], line[-1]
    assert abs((b - a)[0] * (c - a)[1] - (b - a)[1] * (c - a)[0]) > 1e-3
    e.set(t=1.0)
    xs, ys = e.grid.get_data()
    ok = ~np.isnan(xs)
    assert np.all((0 < xs[ok]) & (xs[ok] < 1) & (0 < ys[ok]) & (ys[ok] < 1))  # u = sigmoid(r) in (0, 1)


def test_t_moves_redraw_only_the_right_panel_and_equal_a_full_draw():
    from test_widgets_artists import _full_draw_pixels

    e = widgets.hidden_space_explorer("XOR", epochs=450, t=0.0, canvas="agg")
    before = e.pixels()
    e.set(t=0.6)
    after = e.pixels()
    width = after.shape[1]
    left = slice(0, int(0.45 * width))
    np.testing.assert_array_equal(before[:, left], after[:, left])
    assert not np.array_equal(before, after)
    np.testing.assert_array_equal(after, _full_draw_pixels(e))


def test_train_refuses_bad_epochs():
    e = widgets.hidden_space_explorer(canvas="agg")
    with pytest.raises(TypeError, match=r"epochs must be a whole number"):
        e.train(2.5)
    with pytest.raises(ValueError, match=r"epochs must be >= 0"):
        e.train(-1)
    with pytest.raises(ValueError, match=r"epochs must be between 0 and 2000"):
        widgets.hidden_space_explorer(epochs=3000, canvas="agg")


def test_morph_and_grid_lines():
    np.testing.assert_array_equal(hidden_plots.morph([[1.0, 2.0]], [[3.0, 6.0]], 0.5), [[2.0, 4.0]])
    lines = hidden_plots.grid_lines((0, 1), (0, 2), lines=3, samples=5)
    assert lines.shape == (2 * 3 * 6, 2) and np.isnan(lines[5]).all()
    np.testing.assert_array_equal(lines[:5, 0], 0.0)
    np.testing.assert_array_equal(lines[:5, 1], [0, 0.5, 1, 1.5, 2])
