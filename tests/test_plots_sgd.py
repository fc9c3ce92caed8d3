"""Smoke and behaviour tests for helpers.plots.sgd (Agg backend)."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plots  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def test_mistakes_chart_shows_the_counts(ax):
    chart = plots.plot_mistakes_per_epoch([3, 2, 0], ax=ax, max_epochs=10, converged=True)
    assert list(chart.heights) == [3, 2, 0] + [0] * 7
    zeros = [t for t in chart.zero_labels if t.get_visible()]
    assert [(t.get_text(), t.get_position()[0]) for t in zeros] == [("0", 3)]  # only the epoch that was run
    assert chart.done.get_text() == "converged after 3 epochs"
    assert ax.get_xlim() == (0.4, 5.6)  # at least five epochs wide
    assert ax.get_ylim() == (0.0, pytest.approx(5.6))  # 4 mistakes and 40 % headroom for the note
    assert chart.update([4, 4, 4, 4, 4, 4], converged=False)  # wider: the limits changed
    assert not any(t.get_visible() for t in chart.zero_labels)
    assert chart.done.get_text() == "not converged in 6 epochs"
    assert ax.get_xlim() == (0.4, 6.6)
    assert not chart.update([1, 0], limits=(6, 5.6))  # given limits that hold: nothing static changes
    chart.mark(2)
    assert chart.current.get_visible() and chart.current.get_x() == 1.5


def test_the_current_epoch_spans_the_whole_height(ax):
    # Issue 17: an outline 72 % high looked like a bar of 4 mistakes over an epoch with none.
    chart = plots.plot_mistakes_per_epoch([3, 0], ax=ax, max_epochs=10, converged=True)
    chart.mark(2)
    ax.figure.canvas.draw()
    box, axes_box = chart.current.get_window_extent(), ax.get_window_extent()
    assert box.y0 == pytest.approx(axes_box.y0) and box.y1 == pytest.approx(axes_box.y1)
    assert box.width == pytest.approx(axes_box.width / 5.2)  # one epoch of the 5.2 shown
    chart.mark(None)
    assert not chart.current.get_visible()


def test_boundary_line_lies_on_the_boundary(ax):
    ax.set_xlim(-1, 2)
    ax.set_ylim(-1, 2)
    line = plots.plot_boundary_line([-1.0, 1.0, 1.0], ax=ax).line
    xs, ys = line.get_data()
    np.testing.assert_allclose(-1 + np.asarray(xs) + np.asarray(ys), 0, atol=1e-12)
    plots.plot_boundary_line([-5.0, 1.0, 0.0], ax=ax)  # x1 = 5: outside, so empty
    assert len(ax.lines[-1].get_xdata()) == 0


def test_plot_boundaries_draws_one_line_per_run(ax):
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    y = np.array([-1, -1, -1, 1])
    plots.plot_boundaries([[-1.5, 1, 1], [-1.2, 1, 0.4]], X, y, labels=["a", "b"], ax=ax)
    assert [line.get_label() for line in ax.lines] == ["a", "b"]
    assert len(ax.collections) == 2  # the two classes
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["a", "b", "y = -1", "y = +1"]


def test_loss_curves_are_max_0_minus_ys(ax):
    plots.plot_perceptron_loss(ax=ax)
    curves = [line for line in ax.lines if len(line.get_xdata()) > 10]
    for line, y in zip(curves, (+1, -1)):
        s, loss = line.get_data()
        np.testing.assert_allclose(loss, np.maximum(0, -y * s))
    # the class colours of y = +1 (orange) and y = -1 (blue), and a dash too: not by colour alone
    assert [(line.get_color(), line.get_linestyle()) for line in curves] == [("#E69F00", "-"), ("#0072B2", "--")]
