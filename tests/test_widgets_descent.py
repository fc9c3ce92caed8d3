"""gradient_descent_explorer driven from Python: every control, every learning-rate regime."""

import ipywidgets
import numpy as np
import pytest

from helpers import widgets


@pytest.fixture
def explorer():
    return widgets.gradient_descent_explorer(lr=0.1, steps=20, curve="parabola", w_start=-2.5,
                                             w1_start=-2.5, w2_start=2.0, canvas="agg")


def parabola(w):
    return (w - 1.0) ** 2


def test_controls(explorer):
    assert list(explorer.controls) == ["curve", "lr", "steps", "w_start", "w1_start", "w2_start"]
    assert isinstance(explorer.controls["lr"], ipywidgets.FloatLogSlider)
    assert explorer.controls["lr"].min == -3 and explorer.controls["lr"].base == 10
    rows = [[c.description for c in row.children] for row in explorer.widget.children[:-1]]
    assert rows == [["1-D loss", "lr (η)", "steps"], ["start w", "start w1", "start w2"]]
    assert "error" not in explorer.state and explorer.message.get_text() == ""


def test_default_path_by_hand(explorer):
    # L = (w - 1)^2: each step w <- w - 0.1 * 2 (w - 1) shrinks the distance to 1 by 0.8
    want = 1.0 + (-2.5 - 1.0) * 0.8 ** np.arange(21)
    np.testing.assert_allclose(explorer.state["path_1d"][:, 0], want)
    x, y = explorer.paths[0].line.get_data()
    np.testing.assert_allclose(x, want)
    np.testing.assert_allclose(y, parabola(want))  # the dots sit on the curve
    assert list(explorer.paths[0].start.get_data()[0]) == [-2.5]
    assert explorer.paths[0].current.get_data()[0][0] == pytest.approx(want[-1])
    # 2-D ravine L = 0.2 w1^2 + w2^2: w1 shrinks by 1 - 0.1*0.4, w2 by 1 - 0.1*2
    np.testing.assert_allclose(explorer.state["path_2d"][-1], [-2.5 * 0.96**20, 2.0 * 0.8**20])
    np.testing.assert_allclose(np.column_stack(explorer.paths[1].line.get_data()), explorer.state["path_2d"])


@pytest.mark.parametrize(
    "lr, regime",
    [(0.01, "crawling"), (0.3, "converging"), (0.9, "zigzagging"), (1.5, "diverging")],
)
def test_learning_rate_regimes(explorer, lr, regime):
    explorer.set(lr=lr, steps=30)
    assert explorer.state["regime_1d"] == regime
    assert explorer.state["regime_2d"] == regime
    note = explorer.notes[0].get_text()
    assert note.split("\n")[0].split(":")[0].startswith(("30 steps", "diverging"))
    path = explorer.state["path_1d"][:, 0]
    if regime == "crawling":
        assert 1.5 < abs(path[-1] - 1) < 3.5  # 3.5 away at the start, 3.5 * 0.98^30 = 1.9 after
        assert note == "30 steps: crawling (still far from the bottom)"
    if regime == "converging":
        assert abs(path[-1] - 1) < 1e-4
    if regime == "zigzagging":
        assert np.all(np.diff(np.sign(path - 1)) != 0)  # the side of the minimum flips every step
    if regime == "diverging":
        assert explorer.state["diverged_1d"] and np.all(np.isfinite(path))
        assert len(path) < 31  # stopped once it left the box
    else:
        assert explorer.message.get_text() == ""


def test_divergence_message_in_figure_and_recovery(explorer):
    before = explorer.pixels()
    explorer.set(lr=2.0, steps=40)
    text = explorer.message.get_text()
    assert "lr = 2 is too large" in text and "(1-D and 2-D diverging)" in text
    assert "Move the lr slider to the left" in text
    assert explorer.message.get_visible() and "error" not in explorer.state
    assert explorer.notes[0].get_text().startswith("diverging: stopped after ")
    assert not np.array_equal(before, explorer.pixels())
    explorer.controls["lr"].value = 0.3
    assert explorer.message.get_text() == ""
    assert explorer.state["regime_1d"] == "converging"


def test_steps_slider(explorer):
    explorer.controls["steps"].value = 0
    assert explorer.state["path_1d"].shape == (1, 1) and explorer.state["regime_1d"] == "not started"
    assert explorer.paths[0].line.get_data()[0].tolist() == [-2.5]
    explorer.controls["steps"].value = 3
    np.testing.assert_allclose(explorer.state["path_1d"][:, 0], 1.0 - 3.5 * 0.8 ** np.arange(4))
    assert len(explorer.paths[1].line.get_data()[0]) == 4


def test_start_sliders(explorer):
    explorer.set(steps=1, w_start=2.0, w1_start=1.0, w2_start=-1.0)
    np.testing.assert_allclose(explorer.state["path_1d"][:, 0], [2.0, 2.0 - 0.1 * 2 * 1.0])
    np.testing.assert_allclose(explorer.state["path_2d"], [[1.0, -1.0], [1.0 - 0.1 * 0.4, -1.0 + 0.1 * 2.0]])
    assert list(explorer.paths[1].start.get_data()[0]) == [1.0]
    assert list(explorer.paths[1].start.get_data()[1]) == [-1.0]


def test_two_valleys_start_decides_the_valley(explorer):
    explorer.set(curve="two valleys", lr=0.05, steps=60, w_start=2.5)
    w = np.linspace(-3, 3, 7)
    x, y = explorer.curve_line.get_data()
    np.testing.assert_allclose(np.interp(w, x, y), 0.25 * w**4 - w**2 + 0.5 * w + 1.75, atol=0.02)
    assert "two valleys" == explorer.state["curve"] and "w^4" in explorer.ax1.get_title()
    right = explorer.state["w_1d"]
    # the valley floors are where w^3 - 2w + 0.5 = 0
    assert right ** 3 - 2 * right + 0.5 == pytest.approx(0.0, abs=1e-3) and right > 1
    explorer.controls["w_start"].value = -2.5
    left = explorer.state["w_1d"]
    assert left ** 3 - 2 * left + 0.5 == pytest.approx(0.0, abs=1e-3) and left < -1
    assert explorer.state["loss_1d"] < 0.25 * right**4 - right**2 + 0.5 * right + 1.75  # the left valley is deeper
    full = explorer.redraws["full"]
    explorer.controls["curve"].value = "parabola"
    assert explorer.redraws["full"] == full  # both curves were shown before: a blit from the cache
    np.testing.assert_allclose(explorer.curve_line.get_ydata(), parabola(explorer.curve_line.get_xdata()))
    fresh = widgets.gradient_descent_explorer(curve="parabola", lr=0.05, steps=60, w_start=-2.5, canvas="agg")
    np.testing.assert_array_equal(explorer.pixels(), fresh.pixels())


def test_gradient_arrow_points_uphill_and_the_step_goes_down(explorer):
    explorer.set(lr=0.05, steps=5, w1_start=-2.0, w2_start=1.5)
    for k, fn in ((0, parabola), (1, lambda w: 0.2 * w[0] ** 2 + w[1] ** 2)):
        grad_arrow, step_arrow = explorer.grads[k], explorer.steps_[k]
        assert grad_arrow.patch.get_visible() and step_arrow.patch.get_visible()
        g = explorer.state["grad_1d"] if k == 0 else explorer.state["grad_2d"]
        # the drawn gradient is parallel to the true one; the step is -lr * gradient
        drawn = grad_arrow.vector[0] if k == 0 else grad_arrow.vector
        assert np.all(np.sign(drawn) == np.sign(g))
        step = step_arrow.vector[0] if k == 0 else step_arrow.vector
        np.testing.assert_allclose(step, -0.05 * np.asarray(g))
        w = explorer.state["w_1d"] if k == 0 else explorer.state["w_2d"]
        assert fn(w - 0.01 * np.asarray(g)) < fn(w) < fn(w + 0.01 * np.asarray(g))
    # the arrows start at the current point
    assert explorer.grads[1].origin.tolist() == explorer.state["w_2d"].tolist()
    assert explorer.grads[0].origin[0] == explorer.state["w_1d"]


def test_gradient_numbers_match_formula(explorer):
    explorer.set(lr=0.1, steps=4, w_start=-1.0, w1_start=2.0, w2_start=-2.0)
    w = explorer.state["w_1d"]
    assert explorer.state["grad_1d"] == pytest.approx(2 * (w - 1))
    w1, w2 = explorer.state["w_2d"]
    np.testing.assert_allclose(explorer.state["grad_2d"], [0.4 * w1, 2 * w2])
    # w after 4 steps: 1 - 2 * 0.8^4 = 0.1808, dL/dw = 2 (w - 1) = -1.6384 (a real minus sign)
    assert "dL/dw = \u22121.6384" in explorer.readout.value
    assert f"L(w) = {(w - 1) ** 2:.4f}" in explorer.readout.value
    assert explorer.state["regime_1d"] == "crawling"  # 0.8^4 = 0.41 of the start's gradient is left
    assert explorer.notes[0].get_text() == "4 steps: crawling (still far from the bottom)"


def test_readout(explorer):
    explorer.set(lr=0.3, steps=30)
    assert "1-D: converging" in explorer.readout.value and "lr (η) = 0.3, 30 steps" in explorer.readout.value


def test_bad_arguments():
    with pytest.raises(ValueError, match="curve must be one of 'parabola', 'two valleys'; got 'cubic'"):
        widgets.gradient_descent_explorer(curve="cubic", canvas="agg")
    with pytest.raises(ValueError, match=r"lr must be between 0.001 and 3.16228 \(the slider's range\); got 0"):
        widgets.gradient_descent_explorer(lr=0.0, canvas="agg")



def test_ipympl_frames_reach_the_browser_as_png_only():
    # ipympl 0.10, while it syncs a data URL (before the browser's view starts), sends raw
    # pixels labelled as PNG and an unprefixed data URL; either leaves the figure blank in
    # JupyterLab. Every frame the browser gets must be a real PNG, and no broken URL.
    explorer = widgets.gradient_descent_explorer(canvas="ipympl")
    canvas = explorer.figure.canvas
    sent = []
    canvas.send = lambda content, buffers=None: sent.append((content, buffers))
    explorer.controls["lr"].value = 0.5
    canvas._handle_message(canvas, {"type": "initialized"}, [])  # what the browser's view sends
    explorer.controls["lr"].value = 0.05
    frames = [bytes(buffers[0]) for _, buffers in sent if buffers]
    assert frames and all(f[:8] == b"\x89PNG\r\n\x1a\n" for f in frames)
    assert canvas._data_url is None or canvas._data_url.startswith("data:image/png;base64,")
