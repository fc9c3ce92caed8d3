"""Smoke and content tests for plots.functions and plots.descent (Agg backend)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import activations, optim, plots  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_activation_draws_f_and_its_derivative():
    fig, axes = plt.subplots(2, 1)
    f_line, g_line = plots.plot_activation("tanh", axes=axes)
    s = f_line.get_xdata()
    np.testing.assert_allclose(f_line.get_ydata(), np.tanh(s))
    np.testing.assert_allclose(g_line.get_ydata(), 1 / np.cosh(s) ** 2)
    assert axes[1].get_xlabel() == "$s$" and "tanh" in axes[0].get_title()
    fig.canvas.draw()


def test_tangent_and_function():
    fig, ax = plt.subplots()
    plots.plot_function(activations.relu, ax=ax)
    t = plots.plot_tangent(2.0, 2.0, 1.0, ax=ax, half_width=1.0)
    np.testing.assert_allclose(t.line.get_data(), [[1.0, 3.0], [1.0, 3.0]])
    fig.canvas.draw()


def test_probability_bars():
    fig, ax = plt.subplots()
    bars = plots.plot_probability_bars([0.2, 0.8], ax=ax, labels=["A", "B"])
    assert [b.get_height() for b in bars.bars] == [0.2, 0.8]
    assert [t.get_text() for t in bars.values] == ["0.200", "0.800"]
    # each value stands centred over its bar (bars at 0 and 1), just above its top
    assert [tuple(t.get_position()) for t in bars.values] == [(0.0, pytest.approx(0.215)), (1.0, pytest.approx(0.815))]
    assert bars.bars[0].get_facecolor() != bars.bars[1].get_facecolor()
    assert bars.bars[0].get_hatch() != bars.bars[1].get_hatch()  # not by colour alone
    fig.canvas.draw()


def test_loss_surface_rings_are_closer_near_the_bottom():
    """Levels spaced by the square: L = w1² + w2² on 120 x 120 points of [-3, 3]² runs from
    2 (3/119)² (the points nearest 0) to 18, and level k of 12 is lo + (18 - lo) (k/11)²."""
    fig, ax = plt.subplots()
    lines = plots.plot_loss_surface(lambda W: np.sum(np.asarray(W) ** 2, axis=-1), ax=ax)
    lo = 2 * (3 / 119) ** 2
    np.testing.assert_allclose(lines.levels, lo + (18 - lo) * (np.arange(12) / 11) ** 2, rtol=1e-12)


def test_loss_curve_surface_and_paths():
    loss1, loss2 = optim.EXAMPLE_LOSSES["parabola"], optim.EXAMPLE_LOSSES["ravine"]
    fig, (ax1, ax2) = plt.subplots(1, 2)
    line = plots.plot_loss_curve(loss1.fn, ax=ax1)
    np.testing.assert_allclose(line.get_ydata(), (line.get_xdata() - 1) ** 2)
    path1 = optim.gradient_descent(loss1.grad, -2.0, 0.2, 5)
    drawn = plots.plot_descent_path(path1, ax=ax1, fn=loss1.fn)
    np.testing.assert_allclose(drawn.line.get_data()[1], (path1[:, 0] - 1) ** 2)
    plots.plot_loss_surface(loss2.fn, ax=ax2)
    path2 = optim.gradient_descent(loss2.grad, [2.0, 2.0], 0.2, 5)
    drawn2 = plots.plot_descent_path(path2, ax=ax2)
    np.testing.assert_allclose(np.column_stack(drawn2.line.get_data()), path2)
    arrow = plots.Arrow(ax2, "k").update([0, 0], [0, 0])
    assert not arrow.patch.get_visible()  # a zero gradient has no arrow
    with pytest.raises(ValueError, match="fn is needed"):
        plots.plot_descent_path(path1, ax=ax1)
    fig.canvas.draw()


def test_plot_batches_one_style_per_batch():
    fig, ax = plt.subplots()
    batches = optim.minibatches(7, 3, shuffle=False)
    drawn = plots.plot_batches(np.arange(7.0), np.arange(7.0) * 2, batches, ax=ax)
    assert len(drawn) == 3 and [len(d.get_offsets()) for d in drawn] == [3, 3, 1]
    # batches are not classes: no class colour, and no two batches look alike
    styles = {(d.get_paths()[0].vertices.tobytes(), tuple(d.get_facecolor()[0])) for d in drawn}
    assert len(styles) == 3
    class_colours = {matplotlib.colors.to_rgba(c) for c in plots._style.CLASS_COLORS}
    assert not {tuple(d.get_facecolor()[0]) for d in drawn} & class_colours
    fig.canvas.draw()
