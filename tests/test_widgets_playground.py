"""mlp_playground driven from Python: every control, Play / Step / Reset, and what the figure shows."""

import numpy as np
import pytest

from helpers.mlp import MLP
from helpers.widgets import mlp_playground


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
