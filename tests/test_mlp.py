"""Tests for helpers.mlp: gradients vs finite differences, a forward pass by hand, XOR, bad inputs."""

import math
import warnings

import numpy as np
import pytest

from helpers.data import load_penguins, logic_gate, make_moons
from helpers.mlp import DIVERGENCE_FACTOR, MLP, TrainingDiverged, gradient_check


def _randomised(model, seed):
    """Move every weight (biases too) to a random, generic point: no relu kink at exactly 0."""
    rng = np.random.default_rng(seed)
    for weights in model.params:
        weights[:] = rng.normal(0.0, 1.0, size=weights.shape)
    return model


@pytest.mark.parametrize("hidden", ["sigmoid", "tanh", "relu"])
@pytest.mark.parametrize("output, k", [("sigmoid", 1), ("softmax", 3)])
@pytest.mark.parametrize("n_hidden_layers", [1, 2, 3])
def test_backprop_matches_finite_differences(hidden, output, k, n_hidden_layers):
    sizes = [3] + [4] * n_hidden_layers + [k]
    model = _randomised(MLP(sizes, hidden=hidden, output=output, seed=1), seed=n_hidden_layers)
    rng = np.random.default_rng(7)
    X = rng.normal(size=(6, 3))
    y = rng.integers(0, max(k, 2), size=6)
    assert gradient_check(model, X, y) < 1e-6


def test_gradient_check_catches_a_wrong_backward():
    model = _randomised(MLP([2, 3, 1], seed=0), seed=0)
    X, y = logic_gate("XOR")
    right = model.backward
    model.backward = lambda X, y: [2.0 * g for g in right(X, y)]
    assert gradient_check(model, X, y) > 0.1


def _sig(t):
    return 1.0 / (1.0 + math.exp(-t))


# The notebook's hand-worked example: x = (1, 0), two sigmoid hidden units, one sigmoid output.
V = [[0.1, -0.2],  # v_01, v_02 (biases, times x0 = 1)
     [0.5, 0.3],   # v_11, v_12
     [-0.4, 0.8]]  # v_21, v_22
W = [[0.2], [0.6], [-0.7]]  # w_0, w_1, w_2


def _hand_model():
    model = MLP([2, 2, 1], seed=0)
    model.params[0][:] = V
    model.params[1][:] = W
    return model


def test_forward_pass_by_hand():
    # r_j = x0 v_0j + x1 v_1j + x2 v_2j with x = (1, 1, 0)
    r1 = 0.1 + 0.5 * 1 + (-0.4) * 0  # 0.6
    r2 = -0.2 + 0.3 * 1 + 0.8 * 0  # 0.1
    u1, u2 = _sig(r1), _sig(r2)
    s = 0.2 + 0.6 * u1 - 0.7 * u2
    z = _sig(s)
    model = _hand_model()
    assert model.forward([1.0, 0.0]) == pytest.approx([z], abs=1e-12)
    # rounded numbers the notebook prints
    assert (round(u1, 4), round(u2, 4)) == (0.6457, 0.5250)
    assert round(z, 4) == 0.5548  # s = 0.2 + 0.6 * 0.6457 - 0.7 * 0.5250 = 0.2199


def test_backward_pass_by_hand_with_the_lectures_equations():
    x = [1.0, 1.0, 0.0]  # x0 = 1, x1, x2
    y = 1.0
    r = [sum(x[i] * V[i][j] for i in range(3)) for j in range(2)]
    u = [1.0] + [_sig(t) for t in r]  # u0 = 1
    s = sum(u[j] * W[j][0] for j in range(3))
    z = _sig(s)
    dL_ds = z - y
    dL_dw = [dL_ds * u[j] for j in range(3)]
    dL_du = [dL_ds * W[j][0] for j in range(1, 3)]
    dL_dr = [dL_du[j] * u[j + 1] * (1 - u[j + 1]) for j in range(2)]
    dL_dv = [[dL_dr[j] * x[i] for j in range(2)] for i in range(3)]
    grad_v, grad_w = _hand_model().backward([[1.0, 0.0]], [1])
    assert grad_w[:, 0] == pytest.approx(dL_dw, abs=1e-12)
    assert grad_v == pytest.approx(np.array(dL_dv), abs=1e-12)
    # the loss the lecture writes, L = -[y log z + (1-y) log(1-z)]
    assert _hand_model().loss([[1.0, 0.0]], [1]) == pytest.approx(-math.log(z))


def test_softmax_output_rows_are_probabilities_and_loss_is_cross_entropy():
    model = _randomised(MLP([2, 4, 3], output="softmax", seed=0), seed=3)
    X = np.array([[0.5, -1.0], [2.0, 0.1]])
    y = np.array([2, 0])
    z = model.forward(X)
    assert z.shape == (2, 3)
    assert z.sum(axis=1) == pytest.approx([1.0, 1.0])
    assert model.loss(X, y) == pytest.approx(-(math.log(z[0, 2]) + math.log(z[1, 0])) / 2)
    assert list(model.predict(X)) == list(z.argmax(axis=1))


def test_loss_stays_finite_when_the_output_saturates():
    model = MLP([1, 1, 1], seed=0)
    model.params[1][:] = [[-1000.0], [0.0]]  # s = -1000 for every x: z rounds to exactly 0
    assert model.forward([[1.0], [0.0]]).tolist() == [0.0, 0.0]
    loss = model.loss([[1.0], [0.0]], [1, 1])  # -log(sigmoid(-1000)) = 1000 per example
    assert np.isfinite(loss) and loss == pytest.approx(1000.0)


def test_xor_is_learned_from_at_least_four_of_five_seeds():
    X, y = logic_gate("XOR")
    solved = 0
    for seed in range(5):
        model = MLP([2, 2, 1], seed=seed)
        history = model.fit(X, y, lr=2.0, epochs=2000)
        solved += history["accuracy"][-1] == 1.0 and list(model.predict(X)) == [0, 1, 1, 0]
    assert solved >= 4


def test_fit_lowers_the_loss_and_records_a_history():
    X, y = logic_gate("XOR")
    model = MLP([2, 4, 1], seed=0)
    before = model.loss(X, y)
    history = model.fit(X, y, lr=1.0, epochs=50, batch_size=2, rng=0)
    assert history["epoch"] == list(range(1, 51))
    assert len(history["loss"]) == len(history["accuracy"]) == 50
    assert history["loss"][-1] < before
    assert history["loss"][-1] == pytest.approx(model.loss(X, y))
    assert model.epoch == 50


def test_one_full_batch_step_is_plain_gradient_descent():
    X, y = logic_gate("XOR")
    model = MLP([2, 3, 1], seed=0)
    expected = [p - 0.5 * g for p, g in zip(model.params, model.backward(X, y))]
    model.fit(X, y, lr=0.5, epochs=1)
    for got, want in zip(model.params, expected):
        assert got == pytest.approx(want)


def test_same_seed_same_training_and_callback_can_stop():
    X, y = logic_gate("XOR")
    a = MLP([2, 3, 1], seed=4).fit(X, y, lr=0.5, epochs=5, batch_size=1, rng=1)
    b = MLP([2, 3, 1], seed=4).fit(X, y, lr=0.5, epochs=5, batch_size=1, rng=1)
    assert a == b
    seen = []
    model = MLP([2, 3, 1], seed=4)
    model.fit(X, y, lr=0.5, epochs=10, callback=lambda m, h: seen.append(m.epoch) or len(seen) < 3)
    assert seen == [1, 2, 3] and model.epoch == 3


def test_default_shuffle_is_seeded_by_the_model_seed():
    # fit's docstring: without rng, the examples are shuffled by a generator seeded with `seed`.
    X, y = make_moons(40, noise=0.2, seed=0)
    runs = [MLP([2, 3, 1], seed=7).fit(X, y, lr=0.5, epochs=3, batch_size=4) for _ in range(2)]
    assert runs[0] == runs[1]
    explicit = MLP([2, 3, 1], seed=7).fit(X, y, lr=0.5, epochs=3, batch_size=4, rng=np.random.default_rng(7))
    assert explicit == runs[0]
    other_shuffle = MLP([2, 3, 1], seed=7).fit(X, y, lr=0.5, epochs=3, batch_size=4, rng=8)
    assert other_shuffle != runs[0]  # so the shuffle really is what the seed fixed


def test_a_falling_loss_is_never_called_diverged():
    # Unscaled penguins (masses in grams): the loss starts near 141, far above fifty times
    # log 3 (~55), and a tiny learning rate makes it fall slowly. That is not divergence.
    X, y, _, _ = load_penguins()
    model = MLP([4, 5, 3], hidden="relu", output="softmax", seed=0)
    start = model.loss(X, y)
    assert start > 50 * math.log(3)
    history = model.fit(X, y, lr=1e-9, epochs=5)
    assert all(later < earlier for earlier, later in zip([start] + history["loss"], history["loss"]))
    # Divergence is judged from where training started: lr = 0.1 sends the loss past 50 x 141.
    with pytest.raises(TrainingDiverged, match="diverged at epoch 1"):
        MLP([4, 5, 3], hidden="relu", output="softmax", seed=0).fit(X, y, lr=0.1, epochs=5)


def test_divergence_means_fifty_times_the_starting_loss():
    # DIVERGENCE_FACTOR, documented as 50: a loss 20-50 times its start goes on, beyond 50 stops.
    assert DIVERGENCE_FACTOR == 50
    X, y = make_moons(100, noise=0.2, seed=0)
    model = MLP([2, 8, 1], hidden="tanh", seed=0)
    start = model.loss(X, y)
    history = model.fit(X, y, lr=20, epochs=30)
    assert 20 * start < max(history["loss"]) < 50 * start
    model = MLP([2, 8, 1], hidden="tanh", seed=0)
    seen = []
    with pytest.raises(TrainingDiverged) as info:
        model.fit(X, y, lr=30, epochs=30, callback=lambda m, h: seen.append(h["loss"][-1]))
    assert info.value.loss > 50 * start and max(seen) <= 50 * start and info.value.epoch == len(seen) + 1


def test_predict_calls_z_one_half_class_one():
    # predict's docstring: class 1 where z >= 0.5. All-zero weights give z = 0.5 everywhere.
    X, y = logic_gate("XOR")
    model = MLP([2, 3, 1], seed=0)
    for weights in model.params:
        weights[:] = 0.0
    assert model.forward(X).tolist() == [0.5] * 4
    assert model.predict(X).tolist() == [1, 1, 1, 1]
    assert model.accuracy(X, y) == 0.5
    assert model.fit(X, y, lr=1e-300, epochs=1)["accuracy"] == [0.5]  # the history uses the same rule


def test_empty_data_gets_its_own_error():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "Mean of empty slice" on the way
        with pytest.raises(ValueError, match=r"X must hold at least one number; got an empty array of shape \(0, 2\)"):
            MLP([2, 3, 1]).fit(np.zeros((0, 2)), [], 0.5, 3)


def test_divergence_stops_with_a_clear_message():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 2)) * 10
    y = (X[:, 0] > 0).astype(int)
    model = MLP([2, 8, 8, 8, 1], hidden="relu", seed=0)
    with pytest.raises(TrainingDiverged, match="diverged at epoch") as info:
        model.fit(X, y, lr=1e6, epochs=100)
    assert info.value.epoch >= 1
    assert model.epoch == info.value.epoch  # stopped there instead of carrying on
    with pytest.raises(TrainingDiverged):  # and a NaN loss is caught too
        MLP([2, 8, 1], hidden="relu", seed=0).fit(X, y, lr=1e300, epochs=3)


@pytest.mark.parametrize(
    "make, error, match",
    [
        (lambda: MLP([2, 1]), ValueError, "at least one hidden layer"),
        (lambda: MLP("2-3-1"), TypeError, "layer_sizes"),
        (lambda: MLP(5), TypeError, r"layer_sizes must be a list of layer sizes.*got 5"),
        (lambda: MLP(None), TypeError, "layer_sizes must be a list"),
        (lambda: MLP([2, 0, 1]), ValueError, "layer_sizes"),
        (lambda: MLP([2, 3.5, 1]), TypeError, "layer_sizes"),
        (lambda: MLP([2, 3, 1], hidden="softplus"), ValueError, "hidden must be one of 'sigmoid', 'tanh', 'relu'"),
        (lambda: MLP([2, 3, 1], output="linear"), ValueError, "output"),
        (lambda: MLP([2, 3, 2], output="sigmoid"), ValueError, "1 output unit"),
        (lambda: MLP([2, 3, 1], output="softmax"), ValueError, "at least 2"),
        (lambda: MLP([2, 3, 1]).forward([[1.0, 2.0, 3.0]]), ValueError, "2 columns"),
        (lambda: MLP([2, 3, 1]).forward([[np.nan, 0.0]]), ValueError, "X must not contain NaN"),
        (lambda: MLP([2, 3, 1]).loss([[1.0, 0.0]], [2]), ValueError, "0 or 1"),
        (lambda: MLP([2, 3, 3], output="softmax").loss([[1.0, 0.0]], [3]), ValueError, "class ids"),
        (lambda: MLP([2, 3, 1]).loss([[1.0, 0.0]], [0, 1]), ValueError, "one label per row"),
        (lambda: MLP([2, 3, 1]).fit([[1.0, 0.0]], [1], lr=0, epochs=1), ValueError, "lr"),
        (lambda: MLP([2, 3, 1]).fit([[1.0, 0.0]], [1], lr=0.1, epochs=-1), ValueError, "epochs"),
        (lambda: MLP([2, 3, 1]).fit([[1.0, 0.0]], [1], lr=0.1, epochs=1, batch_size=0), ValueError, "batch_size"),
        (lambda: MLP([2, 3, 1]).fit([[1.0, 0.0]], [1], lr=0.1, epochs=1, callback=3), TypeError, "callback"),
        (lambda: gradient_check("model", [[1.0, 0.0]], [1]), TypeError, "MLP"),
    ],
)
def test_bad_inputs_raise_errors_that_name_the_problem(make, error, match):
    with pytest.raises(error, match=match):
        make()


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
def test_derivative_from_output_agrees_with_helpers_activations(name):
    from helpers import activations
    from helpers.mlp import DERIVATIVE_FROM_OUTPUT

    r = np.linspace(-4, 4, 81) + 0.05  # avoid relu's kink at exactly 0
    u = activations.ACTIVATIONS[name].fn(r)
    np.testing.assert_allclose(DERIVATIVE_FROM_OUTPUT[name](u), activations.ACTIVATIONS[name].grad(r), atol=1e-12)
