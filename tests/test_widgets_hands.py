"""Hands on the data and on the weights (issue 14), driven from Python the way the mouse drives them.

Every click here goes through ``Explorer.pointer`` with pixel positions, as ipyevents'
events do in the browser; the expected numbers are worked out by hand (the lecture's
definitions, a few lines of plain arithmetic), not read back from the explorers.
"""

import math

import numpy as np
import pytest

from helpers import widgets
from helpers.widgets import _mouse


def _px(explorer, ax, x, y):
    return _mouse.to_pixel(ax, x, y)


def _click_px(explorer, ax, x, y, shift=False):
    px, py = _px(explorer, ax, x, y)
    explorer.pointer("down", px, py, shift)
    explorer.pointer("up", px, py, shift)


def _pixel_size(ax):
    """Data units per pixel along x and y."""
    (x0, y0), (x1, y1) = ax.transData.inverted().transform([(0, 0), (1, 1)])
    return abs(x1 - x0), abs(y1 - y0)


# ----- pixels to data ------------------------------------------------------------------------------

MOUSE_EXPLORERS = {
    "perceptron": (lambda: widgets.perceptron_explorer(canvas="agg"), "ax", [(0.3, 0.7), (1.4, -0.4), (-0.45, 1.2)]),
    "sgd": (lambda: widgets.sgd_stepper(canvas="agg"), "ax", [(2.2, 1.3), (0.6, -0.3)]),
    "playground": (lambda: widgets.mlp_playground("XOR", canvas="agg").clear_points(), "map_ax",
                   [(0.37, -0.81), (1.1, 1.2)]),
}


@pytest.mark.parametrize("name", sorted(MOUSE_EXPLORERS))
def test_a_click_at_the_pixel_of_a_data_point_adds_a_point_there(name):
    make, axes_name, spots = MOUSE_EXPLORERS[name]
    e = make()
    ax = getattr(e, axes_name)
    dx, dy = _pixel_size(ax)
    for x, y in spots:
        before = len(e.points()[1])
        # the pixel as the browser reports it: whole pixels from the picture's top left
        px, py = (round(v) for v in _px(e, ax, x, y))
        e.pointer("down", px, py)
        X, _ = e.points()
        assert len(X) == before + 1
        added = X[np.argmin(np.hypot(*(X - (x, y)).T))]
        assert abs(added[0] - x) <= dx and abs(added[1] - y) <= dy, (added, (x, y), (dx, dy))


def test_pixels_go_through_the_figures_transforms():
    e = widgets.perceptron_explorer(canvas="agg")
    # the axes' box in pixels, by hand: [0.11, 0.12, 0.55, 0.8] of a 6.4 x 4.2 inch figure at 90 dpi
    width, height = 6.4 * 90, 4.2 * 90
    left, bottom = 0.11 * width, 0.12 * height
    # data (-0.5, -0.5) is the axes' lower left corner (equal aspect may shrink the box: use its real box)
    box = e.ax.get_position()
    assert _mouse.to_pixel(e.ax, -0.5, -0.5) == pytest.approx((box.x0 * width, height - box.y0 * height))
    assert box.x0 * width >= left - 1e-9 and box.y0 * height >= bottom - 1e-9
    ax, xy = _mouse.to_data(e.figure, [e.ax], box.x1 * width, height - box.y1 * height)
    assert ax is e.ax and xy == pytest.approx((1.5, 1.5))
    assert _mouse.to_data(e.figure, [e.ax], 2, 2) == (None, None)  # the figure's corner: no axes


# ----- your own points: perceptron_explorer ------------------------------------------------------

def test_perceptron_click_adds_of_the_chosen_class_and_the_numbers_follow():
    e = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0), canvas="agg")
    assert e.state["misclassified"] == 1 and e.state["loss"] == pytest.approx(0.1)
    # class A (+1) at (0.25, 1.25): s = -0.1 + 0.2 * 0.25 = -0.05 < 0, so it is called B: a second mistake
    _click_px(e, e.ax, 0.25, 1.25)
    assert e.controls["dataset"].value == "your points"
    assert e.state["misclassified"] == 2 and len(e.state["y"]) == 5
    assert e.state["loss"] == pytest.approx(0.1 + 0.05, abs=0.003)  # within a pixel of (0.25, 1.25)
    assert "2 misclassified" in e.readout.value and e.score.get_text().startswith("3 of 5 correct")
    # Shift+click adds the other class: B (-1) at (1.25, 0.25): s = -0.1 + 0.25 = 0.15 > 0, called A: wrong
    _click_px(e, e.ax, 1.25, 0.25, shift=True)
    X, y = e.points()
    assert y[-1] == -1 and e.state["misclassified"] == 3
    # a click on a point removes it: (1, 0), the lecture's mistake
    _click_px(e, e.ax, 1.0, 0.0)
    X, y = e.points()
    assert not any(np.allclose(p, (1, 0)) for p in X) and e.state["misclassified"] == 2 and len(y) == 5
    # the class toggle chooses the class a click adds
    e.controls["add"].value = -1.0
    _click_px(e, e.ax, -0.25, -0.25)
    assert e.points()[1][-1] == -1
    e.controls["clear"].click()
    assert e.state["n_points"] == 0 and len(e.points()[0]) == 0
    assert "no points" in e.readout.value and e.score.get_text() == "0 of 0 correct\nloss = 0.00"
    assert e.ax.get_xlim() == (-0.5, 1.5)  # the view stays where the learner clicks


def test_perceptron_points_keep_the_step_labels():
    e = widgets.perceptron_explorer("OR", activation="step", canvas="agg")
    X, y = e.points()
    assert X.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]] and y.tolist() == [0, 1, 1, 1]


# ----- your own points: sgd_stepper ----------------------------------------------------------------

def test_sgd_stepper_trains_at_once_on_your_points():
    e = widgets.sgd_stepper("AND", lr=0.1, canvas="agg")
    e.clear_points()
    assert e.state["n_steps"] == 0 and "No points" in e.message.get_text()
    # class A at (2, 1), then B at (0, 1.2), clicked where no point is
    _click_px(e, e.ax, 2.0, 1.0)
    _click_px(e, e.ax, 0.0, 1.2, shift=True)
    X, y = e.points()
    assert y.tolist() == [1.0, -1.0]
    # by hand, visiting the points in the order they were added, from w = (-0.1, 0.2, 0):
    # (2, 1), y = +1: s = -0.1 + 0.4 = 0.3 > 0, no change; (0, 1.2), y = -1: s = -0.1 < 0, no change.
    assert e.state["n_steps"] == 2 and e.state["converged"] and e.state["step"] == 1
    assert e.state["s"] == pytest.approx(0.3, abs=0.01)
    e.controls["next"].click()
    assert e.state["s"] == pytest.approx(-0.1) and e.state["x"] == pytest.approx((0.0, 1.2), abs=0.02)
    # a third point, A at (0, 0): s = -0.1 < 0 with y = +1: the first update, w += 0.1 (1, 0, 0)
    _click_px(e, e.ax, 0.0, 0.0)
    third = [k for k in range(1, e.state["n_steps"] + 1) if e.set(step=k).state["misclassified"]]
    assert third and e.set(step=third[0]).state["w_after"] == pytest.approx((0.0, 0.2, 0.0), abs=0.003)


# ----- your own points: mlp_playground -----------------------------------------------------------

def test_playground_click_adds_a_training_point_and_starts_again():
    pg = widgets.mlp_playground("XOR", canvas="agg").clear_points()
    assert pg.state["n_train"] == 0 and "No training points" in pg.message.get_text()
    pg.step()  # nothing to train on: no error, still epoch 0
    assert pg.state["epoch"] == 0
    for x, y, k in [(-1, -1, 0), (1, 1, 0), (-1, 1, 1), (1, -1, 1)]:
        pg.controls["add"].value = k
        _click_px(pg, pg.map_ax, x, y)
    X, y = pg.points()
    assert len(X) == 4 and y.tolist() == [0, 0, 1, 1] and pg.state["n_train"] == 4 and pg.state["n_test"] == 0
    assert "train: loss" in pg.readout.value and "(4 points)" in pg.readout.value
    pg.train(100)
    pg.refresh()
    assert pg.state["epoch"] == 100
    pg.controls["add"].value = 0
    _click_px(pg, pg.map_ax, 0.0, 0.0, shift=True)  # class 0 chosen: Shift adds class 1
    assert pg.points()[1][-1] == 1 and pg.state["epoch"] == 0  # a new run on the new points
    pg.controls["add"].value = 2
    _click_px(pg, pg.map_ax, 0.0, 1.3)
    assert pg.state["classes"] == 3 and pg.state["layer_sizes"][-1] == 3  # softmax over three classes


# ----- three classes -----------------------------------------------------------------------------------

def test_three_classes_use_softmax_and_cross_entropy():
    pg = widgets.mlp_playground("three blobs", units=3, canvas="agg")
    assert pg.state["classes"] == 3 and pg.model.output == "softmax"
    # cross-entropy by hand from the network's own weights: mean of -log p_y over the training points
    X, y = pg.X_train, pg.y_train.astype(int)
    u = X
    for v in pg.model.params[:-1]:
        u = np.tanh(v[0] + u @ v[1:])
    s = pg.model.params[-1][0] + u @ pg.model.params[-1][1:]
    p = np.exp(s - s.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    assert pg.state["train_loss"] == pytest.approx(-np.mean(np.log(p[np.arange(len(y)), y])))
    # the map blends the three tints by the probabilities: a pixel where class 2 is certain is sky's tint
    rgb = pg.map.image.get_array()
    assert rgb.shape == (40, 40, 3)
    assert widgets.playground.np.allclose(
        __import__("helpers").plots.probability.class_blend([[0, 0, 1]]), [[0xAA / 255, 0xD9 / 255, 0xF4 / 255]])
    assert len(pg.map.train) == 3 and len(pg.map.train[2].get_offsets()) == int(np.sum(y == 2))


def test_penguins_are_notebook_07s_two_measurements_standardised():
    from helpers import data

    pg = widgets.mlp_playground("penguins", test_share=0.3, seed=0, canvas="agg")
    X, y, _, _ = data.load_penguins(["bill_length_mm", "bill_depth_mm"])
    X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_size=0.3, seed=0)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    np.testing.assert_allclose(pg.X_train, (X_train - mean) / std)
    np.testing.assert_allclose(pg.X_test, (X_test - mean) / std)
    assert pg.state["classes"] == 3 and pg.state["n_train"] + pg.state["n_test"] == len(y) == 342  # 344 birds, 2 unmeasured
    assert pg.controls["noise"].disabled


# ----- history ------------------------------------------------------------------------------------------

def test_history_replays_to_epoch_k_as_retraining_k_epochs_from_the_seed():
    pg = widgets.mlp_playground("moons", units=5, batch_size=8, seed=3, canvas="agg")
    for _ in range(15):
        pg.step()  # 2 epochs a step: 30 epochs
    assert pg.controls["history"].max == 30 and pg.controls["history"].value == 30
    pg.controls["history"].value = 11
    fresh = widgets.mlp_playground("moons", units=5, batch_size=8, seed=3, canvas="agg")
    fresh.train(11)
    fresh.refresh()
    assert pg.state["epoch"] == 11
    for a, b in zip(pg.model.params, fresh.model.params):
        assert np.array_equal(a, b)
    assert pg.state["train_loss"] == fresh.state["train_loss"]
    assert np.array_equal(pg.pixels(), fresh.pixels())
    assert "showing epoch 11 of 30" in pg.readout.value
    # scrubbing forward again needs no training, and training from 11 forgets 12..30
    pg.controls["history"].value = 30
    assert pg.state["epoch"] == 30
    pg.controls["history"].value = 11
    pg.step()
    assert pg.state["epoch"] == 13 and pg.controls["history"].max == 13
    fresh.train(2)
    fresh.refresh()
    for a, b in zip(pg.model.params, fresh.model.params):
        assert np.array_equal(a, b)


# ----- from_data and from_csv -----------------------------------------------------------------------------

def _write(tmp_path, text):
    path = tmp_path / "table.csv"
    path.write_text(text)
    return path


GOOD_CSV = "a,b,kind\n1,2,cat\n2,1,dog\n3,3,cat\n4,0,dog\n5,5,cat\n0,4,dog\n"


def test_from_csv_loads_and_standardises_a_table(tmp_path):
    pg = widgets.mlp_playground.from_csv(_write(tmp_path, GOOD_CSV), x="a", y="b", label="kind", canvas="agg")
    X, y = pg.points()
    assert pg.class_names == ["cat", "dog"] and sorted(y.tolist()) == [0, 0, 0, 1, 1, 1]
    # standardised by hand: a = 0..5 has mean 2.5 and std sqrt(35/12)
    assert sorted(np.round(X[:, 0], 9)) == pytest.approx(sorted((np.arange(6) - 2.5) / math.sqrt(35 / 12)))
    assert pg.state["n_train"] + pg.state["n_test"] == 6 and pg.state["n_test"] == 2  # round(0.3 * 6)


@pytest.mark.parametrize("text, columns, message", [
    (GOOD_CSV, ("a", "c", "kind"), r"column 'c' \(given as y\) not found"),
    ("a,b,kind\n1,2,cat\n2,x,dog\n3,3,cat\n4,0,dog\n", ("a", "b", "kind"), "line 3 of .*column 'b' is 'x', not a number"),
    ("a,b,kind\n1,2,cat\n2,,dog\n3,3,cat\n4,0,dog\n", ("a", "b", "kind"), "line 3 of .*column 'b' is missing"),
    ("a,b,kind\n1,2,cat\n2,1,NA\n3,3,cat\n4,0,dog\n", ("a", "b", "kind"), "line 3 of .*column 'kind' is missing"),
    ("a,b,kind\n1,2,cat\n2,1,cat\n3,3,cat\n4,0,cat\n", ("a", "b", "kind"), "one class only"),
    ("a,b,kind\n1,2,a\n2,1,b\n3,3,c\n4,0,d\n", ("a", "b", "kind"), "has 4 classes"),
    ("a,b,kind\n1,2,cat\n2,1,dog\n3,3,cat\n", ("a", "b", "kind"), "only 3 points"),
])
def test_from_csv_names_the_problem_and_the_row(tmp_path, text, columns, message):
    import re

    path = _write(tmp_path, text)
    with pytest.raises(ValueError) as info:
        widgets.mlp_playground.from_csv(path, *columns, canvas="agg")
    assert re.search(message, str(info.value)), str(info.value)


@pytest.mark.parametrize("X, y, message", [
    ([[1, 2], [2, "x"], [3, 3], [4, 0]], [0, 1, 0, 1], r"row 1 of X .* column 1 is 'x', not a number"),
    ([[1, 2], [2, float("nan")], [3, 3], [4, 0]], [0, 1, 0, 1], r"row 1 of X .* column 1 is missing"),
    ([[1, 2], [2, 1], [3, 3], [4, 0]], [0, 1, None, 1], r"row 2 of y .* no label"),
    ([[1, 2], [2, 1], [3]], [0, 1, 0], r"row 2 of X .* has 1 values"),
    ([[1, 2], [2, 1], [3, 3]], [0, 1, 0], r"only 3 points"),
    ([[1, 2], [2, 1], [3, 3], [4, 0]], [0, 1, 2, 3], r"has 4 classes"),
    ([[1, 2], [2, 1], [3, 3], [4, 0]], [1, 1, 1, 1], r"one class only"),
    ([[1, 2], [2, 1], [3, 3], [4, 0]], [0, 1, 0], r"4 rows but y has 3"),
])
def test_from_data_names_the_problem_and_the_row(X, y, message):
    import re

    made = len(widgets.MLPPlayground.__subclasses__())
    with pytest.raises(ValueError) as info:
        widgets.mlp_playground.from_data(X, y, canvas="agg")
    assert re.search(message, str(info.value)), str(info.value)
    assert len(widgets.MLPPlayground.__subclasses__()) == made


def test_from_data_takes_text_labels_and_three_classes():
    X = [[0, 0], [1, 0], [0, 1], [5, 5], [6, 5], [5, 6], [0, 5], [1, 6], [0, 6]]
    y = ["b", "b", "b", "a", "a", "a", "c", "c", "c"]
    pg = widgets.mlp_playground.from_data(X, y, canvas="agg")
    assert pg.class_names == ["a", "b", "c"] and pg.state["classes"] == 3
    assert np.bincount(pg.points()[1].astype(int)).tolist() == [3, 3, 3]


# ----- to_code: the same figure, pixel for pixel -------------------------------------------------------------

def _perceptron_moved():
    e = widgets.perceptron_explorer("OR", w=(0.35, -1.2, 2.05), activation="step", canvas="agg")
    _click_px(e, e.ax, 0.61, 0.33)
    return e


def _sgd_moved():
    e = widgets.sgd_stepper("XOR", lr=0.5, canvas="agg")
    e.set(lr=0.1)
    e.controls["next"].click()
    e.controls["next"].click()
    return e


def _playground_moved():
    pg = widgets.mlp_playground("circles", layers=2, units=3, seed=2, canvas="agg")
    for _ in range(3):
        pg.step()
    pg.set(lr=0.1, batch_size=32)
    pg.step()
    pg.controls["history"].value = 5
    return pg


def _weights_moved():
    e = widgets.weight_space_explorer("OR", w=(-0.5, 0.4, -0.3), loss="BCE", canvas="agg")
    e.step()
    e.step()
    return e


def _gradient_flow_moved():
    e = widgets.gradient_flow_explorer(depth=3, activation="tanh", canvas="agg")
    e.train(4)
    e.set(lr=0.5)  # moved mid-run: the stretches at each lr are replayed
    e.train(2)
    e.set(lr=0.02)
    return e


MOVED = {
    "perceptron": _perceptron_moved,
    "perceptron on its own data": lambda: widgets.perceptron_explorer(X=[[0, 1], [2, 3.5]], y=[1, -1], name="mine",
                                                                      canvas="agg"),
    "activation": lambda: widgets.activation_explorer("tanh", s=-1.3, canvas="agg").set(s2=3.1),
    "descent": lambda: widgets.gradient_descent_explorer(canvas="agg").set(lr=0.7, curve="two valleys", w2_start=-1.1),
    "sgd": _sgd_moved,
    "sgd on your points": lambda: widgets.sgd_stepper(X=[[0, 0], [1, 2]], y=[1, -1], canvas="agg"),
    "chain": lambda: widgets.chain_rule_explorer(canvas="agg").set(expression="one neuron", x=-0.65),
    "playground": _playground_moved,
    "playground three classes": lambda: widgets.mlp_playground("penguins", canvas="agg").step(),
    "weights": _weights_moved,
    "hidden space": lambda: widgets.hidden_space_explorer("moons", units=3, pair=(1, 3), epochs=30, t=0.4,
                                                          canvas="agg"),
    "backprop": lambda: widgets.backprop_stepper(step=14, canvas="agg"),
    "gradient flow": _gradient_flow_moved,
}


@pytest.mark.parametrize("name", sorted(MOVED))
def test_to_code_rebuilds_the_same_figure(name):
    e = MOVED[name]()
    code = e.to_code()
    assert isinstance(code, str) and repr(code) == code and code.startswith(f"widgets.{e.factory}(")
    again = eval(code, {"widgets": widgets})  # noqa: S307 (our own code, as a learner would paste it)
    assert type(again) is type(e)
    assert again.values == e.values
    assert np.array_equal(again.pixels(), e.pixels())
    assert again.to_code() == code


def test_to_code_changes_with_the_state():
    e = widgets.perceptron_explorer(canvas="agg")
    assert e.to_code() == "widgets.perceptron_explorer(dataset='AND', w=(-0.1, 0.2, 0.0), activation='sign')"
    e.set(w1=0.45)
    assert "w=(-0.1, 0.45, 0.0)" in e.to_code()


# ----- presets -----------------------------------------------------------------------------------------------

def test_presets_list_what_the_issue_asks_for():
    listed = widgets.presets()
    assert "lecture AND start" in listed["perceptron_explorer"] and "lecture AND start" in listed["sgd_stepper"]
    assert set(listed["gradient_descent_explorer"]) == {"crawling", "converging", "zigzagging", "diverging"}
    assert {"XOR, 1 hidden unit (fails)", "XOR, 2 hidden units (succeeds)", "spiral needs depth"} <= set(
        listed["mlp_playground"])
    for explorer, named in listed.items():
        for name, text in named.items():
            assert isinstance(text, str) and text
            assert getattr(widgets, explorer)(preset=name, canvas="agg").state  # each one opens


def test_lecture_start_presets_are_the_lectures_numbers():
    e = widgets.perceptron_explorer(preset="lecture AND start", canvas="agg")
    assert (e.values["w0"], e.values["w1"], e.values["w2"]) == (-0.1, 0.2, 0.0) and e.state["misclassified"] == 1
    s = widgets.sgd_stepper(preset="lecture AND start", canvas="agg")
    assert s.state["w_after"] == pytest.approx((-0.2, 0.1, 0.0))  # the lecture's first update


@pytest.mark.parametrize("regime", ["crawling", "converging", "zigzagging", "diverging"])
def test_each_regime_preset_is_that_regime(regime):
    e = widgets.gradient_descent_explorer(preset=regime, canvas="agg")
    assert e.state["regime_1d"] == regime and e.state["regime_2d"] == regime
    lr = e.state["lr"]
    factor = 1 - 2 * lr  # each step multiplies the distance to the minimum of (w - 1)^2 by 1 - 2 lr
    expected = {"crawling": 0 < factor and factor ** 20 > 0.5, "converging": 0 <= factor < 0.9,
                "zigzagging": -1 < factor < 0, "diverging": factor < -1}
    assert expected[regime]


def test_preset_arguments_can_be_overridden():
    e = widgets.gradient_descent_explorer(preset="converging", steps=5, canvas="agg")
    assert e.state["lr"] == 0.3 and e.state["steps"] == 5
    with pytest.raises(ValueError, match="preset"):
        widgets.gradient_descent_explorer(preset="nonsense", canvas="agg")


def _trained(preset, epochs, **kwargs):
    pg = widgets.mlp_playground(preset=preset, canvas="agg", **kwargs)
    pg.train(epochs)
    pg.refresh()
    return pg


@pytest.mark.parametrize("seed", [0, 3, 7])
def test_xor_with_one_hidden_unit_fails_and_with_two_succeeds(seed):
    # one hidden unit is one line: XOR's four quarters cannot all be right (at most about 3/4)
    assert _trained("XOR, 1 hidden unit (fails)", 300, seed=seed).state["train_accuracy"] < 0.85
    assert _trained("XOR, 2 hidden units (succeeds)", 300, seed=seed).state["train_accuracy"] >= 0.97


def test_the_spiral_needs_depth():
    deep = _trained("spiral needs depth", 1000)
    shallow = _trained("spiral needs depth", 1000, layers=1)
    assert deep.state["train_accuracy"] >= 0.9 and shallow.state["train_accuracy"] < 0.7


# ----- weight space ---------------------------------------------------------------------------------

def test_weight_space_gradients_are_the_lectures_and_bce_matches_finite_differences():
    from helpers.widgets import weights

    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([-1.0, -1.0, -1.0, 1.0])
    w = np.array([-0.1, 0.2, 0.0])
    assert weights.total_loss(w, X, y, "perceptron") == pytest.approx(0.1)
    assert weights.total_gradient(w, X, y, "perceptron").tolist() == [1.0, 1.0, 0.0]  # -y x of (1, 0)
    w = np.array([-0.7, 0.4, 1.1])
    h = 1e-6
    numeric = [(weights.total_loss(w + h * e, X, y, "BCE") - weights.total_loss(w - h * e, X, y, "BCE")) / (2 * h)
               for e in np.eye(3)]
    assert weights.total_gradient(w, X, y, "BCE") == pytest.approx(numeric, abs=1e-6)
    # BCE by hand at w = 0: z = 1/2 everywhere, each point costs log 2
    assert weights.total_loss(np.zeros(3), X, y, "BCE") == pytest.approx(4 * math.log(2))


def test_dragging_the_handle_moves_the_boundary_through_the_mouse():
    e = widgets.weight_space_explorer("AND", w=(-1.0, 0.5, 0.5), canvas="agg")
    handle = e.state["handle"]
    assert handle == pytest.approx([1.0, 1.0])  # -w0 (0.5, 0.5) / 0.5
    e.pointer("down", *_mouse.to_pixel(e.data_ax, *handle))
    e.pointer("move", *_mouse.to_pixel(e.data_ax, 0.5, 0.5))
    # the boundary through p = (0.5, 0.5), square to it: (w1, w2) = -w0 p / |p|^2 = (1, 1); (0, 1) and
    # (1, 0) then lie on it, where sign(0) = +1 calls them A: two mistakes
    dx, _ = _pixel_size(e.data_ax)
    assert e.w[1:] == pytest.approx([1.0, 1.0], abs=4 * dx)
    e.pointer("move", *_mouse.to_pixel(e.data_ax, 0.75, 0.75))
    e.pointer("up", *_mouse.to_pixel(e.data_ax, 0.75, 0.75))
    # p = (0.75, 0.75): (w1, w2) = (0.75, 0.75) / 1.125 = (2/3, 2/3), which separates AND
    assert e.w[1:] == pytest.approx([2 / 3, 2 / 3], abs=4 * dx)
    assert e.w[0] == -1.0 and e.state["misclassified"] == 0
    assert np.column_stack(e.path_artists.current.get_data())[0] == pytest.approx(e.w[1:])
    # a press away from the handle moves nothing
    before = e.w.copy()
    e.pointer("down", *_mouse.to_pixel(e.data_ax, -0.4, 1.4))
    e.pointer("move", *_mouse.to_pixel(e.data_ax, 0.0, 0.0))
    assert e.w.tolist() == before.tolist()


def test_weights_are_kept_exactly_while_the_sliders_show_them_rounded():
    e = widgets.weight_space_explorer("AND", w=(-1.5, 0.2, 0.0), loss="BCE", canvas="agg")
    e.step()
    exact = e.w.copy()
    assert abs(exact[1] - round(exact[1] / 0.05) * 0.05) > 1e-6  # off the sliders' grid
    control = e.controls["w1"]
    with control._lock_property(value=round(exact[1], 2)):  # the browser sends its rounded copy back
        control.value = round(exact[1], 2)
    assert e.w.tolist() == exact.tolist() and e.state["steps"] == 1  # an echo, not a move: the path stays
    with control._lock_property(value=round(exact[1], 2) + 0.05):  # a learner's key press: one step
        control.value = round(exact[1], 2) + 0.05
    assert e.w[1] == round(exact[1], 2) + 0.05 and e.state["steps"] == 0


def test_a_step_that_would_leave_the_map_is_not_taken():
    e = widgets.weight_space_explorer("AND", w=(-0.1, 2.9, 0.0), loss="perceptron", lr=10.0, canvas="agg")
    before = e.w.copy()
    e.step()  # gradient (1, 1, 0) from (1, 0): w1 = 2.9 - 10 would leave [-3, 3]
    assert e.w.tolist() == before.tolist() and "leaves the map" in e.state["note"]
    assert e.note_text.get_visible() and "leaves the map" in e.readout.value


def test_playground_train_redraws_and_returns_the_playground_like_every_explorer():
    from test_widgets_artists import _full_draw_pixels

    pg = widgets.mlp_playground("XOR", canvas="agg")
    before = pg.pixels()
    assert pg.train(5) is pg and pg.state["epoch"] == 5
    shown = pg.pixels()
    assert not np.array_equal(shown, before)  # the figure follows at once
    np.testing.assert_array_equal(shown, _full_draw_pixels(pg))
