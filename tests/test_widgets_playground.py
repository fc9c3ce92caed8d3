"""mlp_playground driven from Python: every control, Play / Step / Reset, and what the figure shows."""

import numpy as np
import pytest

from helpers.mlp import MLP
from helpers.widgets import mlp_playground
from drawing import full_draw_pixels as _full_draw_pixels


@pytest.fixture
def pg():
    return mlp_playground("XOR", canvas="agg")


def test_starts_at_epoch_zero_with_an_untrained_network(pg):
    st = pg.state
    assert st["epoch"] == 0
    assert st["layer_sizes"] == [2, 4, 1]
    assert (st["n_train"], st["n_test"]) == (140, 60)
    # the untrained network's loss equals a fresh MLP's with the same seed, computed independently
    fresh = MLP([2, 4, 1], hidden="tanh", seed=0)
    assert st["train_loss"] == pytest.approx(fresh.loss(pg.X_train, pg.y_train))
    assert pg.counter.get_text() == "epoch 0"


def test_play_ticks_train_and_update_the_figure(pg):
    before = pg.pixels()
    play = pg.controls["play"]
    for _ in range(30):
        play.value += 1  # what the browser does on each tick
    assert pg.state["epoch"] == 30 * pg.controls["epochs_per_frame"].value
    assert pg.counter.get_text() == f"epoch {pg.state['epoch']}"
    assert not np.array_equal(before, pg.pixels())
    assert pg.state["train_loss"] < pg.train_loss[0]
    xs, ys = pg.curves.train.get_data()
    assert list(xs) == pg.epochs and len(ys) == len(xs)
    # the heatmap shows the model's current output on the grid
    np.testing.assert_allclose(pg.map.image.get_array().ravel(), pg.model.forward(pg.grid))


def test_playground_solves_xor(pg):
    pg.controls["epochs_per_frame"].value = 20
    for _ in range(10):
        pg.controls["play"].value += 1
    assert pg.state["train_accuracy"] == 1.0
    assert pg.state["test_accuracy"] >= 0.95


def test_step_and_reset_buttons(pg):
    pg.controls["step"].click()
    assert pg.state["epoch"] == pg.controls["epochs_per_frame"].value
    trained = [p.copy() for p in pg.model.params]
    pg.controls["reset"].click()
    assert pg.state["epoch"] == 0 and pg.epochs == [0]
    fresh = MLP([2, 4, 1], hidden="tanh", seed=0)
    for got, want in zip(pg.model.params, fresh.params):
        np.testing.assert_array_equal(got, want)
    assert not np.array_equal(trained[0], pg.model.params[0])


def test_lr_and_batch_size_apply_without_restarting(pg):
    pg.controls["step"].click()
    epoch = pg.state["epoch"]
    pg.controls["lr"].value = 0.01
    pg.controls["batch_size"].value = 0
    assert pg.state["epoch"] == epoch  # same run
    params = [p.copy() for p in pg.model.params]
    grads = pg.model.backward(pg.X_train, pg.y_train)
    pg.controls["epochs_per_frame"].value = 1
    pg.controls["step"].click()
    # full batch, lr 0.01: exactly one gradient-descent step
    for got, p, g in zip(pg.model.params, params, grads):
        np.testing.assert_allclose(got, p - 0.01 * g)


@pytest.mark.parametrize(
    "name, value",
    [("dataset", "moons"), ("dataset", "circles"), ("dataset", "spiral"), ("dataset", "blobs"),
     ("noise", 0.3), ("test_share", 0.5), ("layers", 3), ("units", 7), ("activation", "relu"),
     ("activation", "sigmoid"), ("seed", 4)],
)
def test_data_and_architecture_controls_start_a_new_run(pg, name, value):
    pg.controls["step"].click()
    before = pg.pixels()
    pg.controls[name].value = value
    assert pg.state["epoch"] == 0
    assert not np.array_equal(before, pg.pixels())
    assert "error" not in pg.state
    sizes = [2] + [pg.controls["units"].value] * pg.controls["layers"].value + [1]
    assert pg.state["layer_sizes"] == sizes
    assert len(pg.network.edges.get_segments()) == sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))
    pg.controls["step"].click()
    assert pg.state["epoch"] > 0


def test_edges_show_weights_or_gradients(pg):
    pg.controls["step"].click()
    weights = np.concatenate([p.ravel() for p in pg.model.params])
    np.testing.assert_allclose(pg.network.edges.get_array() * pg.network.largest, weights)
    pg.controls["show"].value = "dL/dw"
    grads = np.concatenate([g.ravel() for g in pg.model.backward(pg.X_train, pg.y_train)])
    np.testing.assert_allclose(pg.network.edges.get_array() * pg.network.largest, grads)
    widths = pg.network.edges.get_linewidths()
    assert widths[np.argmax(np.abs(grads))] == pytest.approx(max(widths))
    assert pg.state["edges"] == "dL/dw"


def test_divergence_shows_a_message_and_stops_play(pg):
    pg.set(activation="relu", layers=3, units=8, lr=10.0, batch_size=0)
    play = pg.controls["play"]
    play.playing = True
    for _ in range(20):
        play.value += 1
        if "error" in pg.state:
            break
    assert "diverged" in pg.state["error"]
    assert "diverged" in pg.message.get_text()
    assert play.playing is False
    epoch = pg.state["epoch"]
    play.value += 1  # further ticks do nothing until Reset
    assert pg.state["epoch"] == epoch
    pg.controls["reset"].click()
    assert "error" not in pg.state and pg.message.get_text() == ""


def test_rebuild_keeps_the_run(pg):
    pg.controls["step"].click()
    epoch = pg.state["epoch"]
    pg.rebuild()
    assert pg.state["epoch"] == epoch
    assert "error" not in pg.state


@pytest.mark.parametrize(
    "kwargs", [{"dataset": "iris"}, {"activation": "softplus"}, {"batch_size": 5}],
)
def test_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        mlp_playground(canvas="agg", **kwargs)


def test_reset_during_play_ends_at_epoch_zero_even_when_late_ticks_arrive(pg):
    play = pg.controls["play"]
    play.playing = True  # the learner presses ▶
    for _ in range(3):
        play.value += 1
    assert pg.state["epoch"] == 6
    pg.controls["reset"].click()
    assert pg.state["epoch"] == 0 and play.playing is False and play.value == play.min
    # Ticks the browser sent before it heard of the pause arrive after Reset: they do nothing.
    for late in (4, 5):
        play.value = late
    assert pg.state["epoch"] == 0 and pg.epochs == [0]
    assert pg.counter.get_text() == "epoch 0" and "epoch <b>0</b>" in pg.readout.value
    assert all(artist.get_visible() for artist in pg.dynamic)
    fresh = MLP([2, 4, 1], hidden="tanh", seed=0)
    for got, want in zip(pg.model.params, fresh.params):
        np.testing.assert_array_equal(got, want)
    play.playing = True  # ▶ again: ticks count again
    play.value = 1
    assert pg.state["epoch"] == 2


def test_stop_square_goes_back_to_epoch_zero(pg):
    play = pg.controls["play"]
    play.playing = True
    for _ in range(4):
        play.value += 1
    assert pg.state["epoch"] == 8
    with play.hold_trait_notifications():  # the browser's ■: pause, and value back to min
        play.playing = False
        play.value = play.min
    assert pg.state["epoch"] == 0 and pg.epochs == [0]


def test_pause_keeps_the_run(pg):
    play = pg.controls["play"]
    play.playing = True
    for _ in range(2):
        play.value += 1
    play.playing = False  # ❚❚ in the browser
    assert pg.state["epoch"] == 4


def test_play_stops_at_the_epoch_limit(pg):
    from helpers.widgets.playground import EPOCH_LIMIT

    assert EPOCH_LIMIT == 1000
    pg.controls["epochs_per_frame"].value = 20
    play = pg.controls["play"]
    play.playing = True
    for _ in range(60):
        play.value += 1
    assert pg.state["epoch"] == 1000 and pg.model.epoch == 1000
    assert play.playing is False and pg.state["at_limit"]
    assert pg.controls["step"].disabled
    assert "stopped at 1000 epochs" in pg.readout.value
    pg.step()
    assert pg.state["epoch"] == 1000
    pg.controls["reset"].click()
    assert pg.state["epoch"] == 0 and not pg.controls["step"].disabled
    assert "stopped" not in pg.readout.value


def test_the_first_epochs_keep_their_room_on_a_long_run(pg):
    # The loss falls in the first few dozen epochs; at epoch 1000 that fall must still be
    # drawn across a good part of the chart, not as a vertical line at its left edge.
    pg.controls["epochs_per_frame"].value = 20
    for _ in range(50):
        pg.step()
    assert pg.state["epoch"] == 1000
    ax = pg.loss_ax
    left, right = ax.transAxes.transform([(0, 0), (1, 0)])[:, 0]
    x10, x1000 = ax.transData.transform([(10, 0), (1000, 0)])[:, 0]
    assert (x10 - left) / (right - left) > 0.3
    assert x1000 == pytest.approx(right)
    xs, ys = pg.curves.train.get_data()
    assert xs[-1] == 1000 and len(xs) == len(ys) == 1001  # every epoch


def test_the_loss_axis_follows_a_rising_loss():
    pg = mlp_playground("XOR", lr=10.0, canvas="agg")  # too large: the loss jumps above 1
    play = pg.controls["play"]
    play.playing = True
    for _ in range(5):
        play.value += 1
    highest = max(pg.train_loss + pg.test_loss)
    assert highest > 1.5
    top = pg.loss_ax.get_ylim()[1]
    assert highest <= top < 2.5 * highest  # all of it in view, and not lost in a huge axis
    assert top in (2.0, 5.0, 10.0, 20.0, 50.0)
    assert np.array_equal(pg.pixels(), _full_draw_pixels(pg))
    pg.controls["reset"].click()
    pg.controls["lr"].value = 0.3
    assert pg.loss_ax.get_ylim()[1] == 1.0  # a fresh run's loss (about 0.7) fits under 1


def test_loss_top_steps():
    from helpers.widgets.playground import loss_top

    assert loss_top([0.69]) == 1.0
    assert loss_top([0.99]) == 2.0  # 5 % headroom
    assert loss_top([1.6, 20.0]) == 50.0
    assert loss_top([3.0]) == 5.0 and loss_top([7.0]) == 10.0 and loss_top([150.0]) == 200.0


@pytest.mark.parametrize("name, values", [
    ("noise", [0.05, 0.0, 0.05, 0.1]), ("test_share", [0.2, 0.4, 0.3]), ("seed", [1, 2, 3]),
    ("activation", ["relu", "sigmoid"]),
])
def test_data_moves_are_blits_that_equal_a_full_draw(pg, name, values):
    fulls = pg.redraws["full"]
    for value in values:
        pg.controls[name].value = value
        assert pg.state["epoch"] == 0
        assert np.array_equal(pg.pixels(), _full_draw_pixels(pg))
    assert pg.redraws["full"] == fulls  # the axes stay: only the artists move


@pytest.mark.parametrize("name, values", [("units", [1, 8, 3, 4]), ("layers", [2, 3, 1])])
def test_a_new_network_shape_redraws_the_diagram_alone(pg, name, values):
    fulls = pg.redraws["full"]
    for value in values:
        pg.controls[name].value = value
        assert np.array_equal(pg.pixels(), _full_draw_pixels(pg))
    pg.controls["show"].value = "dL/dw"
    assert np.array_equal(pg.pixels(), _full_draw_pixels(pg))
    assert pg.network.caption.get_text().startswith("edges: dL/dw")
    assert pg.redraws["full"] == fulls


@pytest.mark.parametrize("dataset, noise", [("XOR", 0.5), ("moons", 0.4), ("spiral", 0.45)])
def test_the_view_fits_every_seed_so_seed_moves_keep_the_axes(pg, dataset, noise):
    pg.set(dataset=dataset, noise=noise)
    view = pg.map_ax.get_xlim()
    for seed in range(10):
        pg.controls["seed"].value = seed
        assert pg.map_ax.get_xlim() == pg.map_ax.get_ylim() == view
        X = np.vstack([pg.X_train, pg.X_test])
        assert np.abs(X).max() <= view[1], seed


def test_noise_that_needs_a_wider_view_gets_it_once(pg):
    fulls = pg.redraws["full"]
    pg.controls["noise"].value = 0.5
    reach = pg.map_ax.get_xlim()[1]
    assert np.abs(pg.X_train).max() <= reach and np.abs(pg.X_test).max() <= reach
    assert pg.map_ax.get_ylim() == pg.map_ax.get_xlim() == (-reach, reach)
    assert np.array_equal(pg.pixels(), _full_draw_pixels(pg))
    assert pg.redraws["full"] == fulls + 1  # new limits: the map's ticks are drawn anew
    for noise in (0.1, 0.5, 0.1):  # views seen before come from the cache
        pg.controls["noise"].value = noise
        assert np.array_equal(pg.pixels(), _full_draw_pixels(pg))
    assert pg.map_ax.get_xlim()[1] < reach
    assert pg.redraws["full"] == fulls + 1
