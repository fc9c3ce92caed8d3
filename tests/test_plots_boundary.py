"""plot_decision_boundary: what it draws, checked against the geometry by hand."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import data, plots  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def _on_segment(point, segment, tol=1e-9):
    a, b = np.asarray(segment)
    p = np.asarray(point, dtype=float)
    cross = (b - a)[0] * (p - a)[1] - (b - a)[1] * (p - a)[0]
    t = np.dot(p - a, b - a) / np.dot(b - a, b - a)
    return abs(cross) < tol and -tol <= t <= 1 + tol


def test_boundary_passes_through_the_right_points(ax):
    X, y = data.logic_gate("AND", labels="pm1")
    # s = -1 + x1 + x2 is zero at (1, 0) and (0, 1).
    art = plots.plot_decision_boundary([-1, 1, 1], X, y, ax=ax, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
    segment = np.column_stack(art.line.get_data())
    assert _on_segment((1, 0), segment) and _on_segment((0, 1), segment)
    assert not _on_segment((0, 0), segment)
    # Its end points lie on the view box: x2 = 1.5 at x1 = -0.5, x2 = -0.5 at x1 = 1.5.
    np.testing.assert_allclose(sorted(map(tuple, segment)), [(-0.5, 1.5), (1.5, -0.5)])


def test_shading_splits_the_box_by_sign(ax):
    X, y = data.logic_gate("AND", labels="pm1")
    art = plots.plot_decision_boundary([-1.5, 1, 1], X, y, ax=ax, xlim=(0, 2), ylim=(0, 2))
    # Triangle above x1 + x2 = 1.5 inside [0,2]^2: area 4 - 1.5^2/2 = 2.875.
    def area(xy):
        x, y = xy[:, 0], xy[:, 1]
        return 0.5 * abs(np.dot(x, np.roll(y, 1)) - np.dot(y, np.roll(x, 1)))
    assert area(art.region_pos.get_xy()) == pytest.approx(2.875)
    assert area(art.region_neg.get_xy()) == pytest.approx(1.125)


def test_weight_vector_is_normal_and_points_to_positive_side(ax):
    X, y = data.logic_gate("AND", labels="pm1")
    w = np.array([-1.5, 1.0, 2.0])
    art = plots.plot_decision_boundary(w, X, y, ax=ax, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
    (x0, y0), (x1, y1) = art.arrow._posA_posB
    direction = np.array([x1 - x0, y1 - y0])
    assert w[0] + w[1] * x0 + w[2] * y0 == pytest.approx(0, abs=1e-9)  # starts on the line
    assert direction[0] * w[2] - direction[1] * w[1] == pytest.approx(0, abs=1e-9)  # parallel to (w1, w2)
    assert np.dot(direction, w[1:]) > 0


def test_misclassified_points_are_ringed(ax):
    X, y = data.logic_gate("XOR", labels="pm1")
    art = plots.plot_decision_boundary([-1.5, 1, 1], X, y, ax=ax)
    # s = (-1.5, -0.5, -0.5, 0.5): predictions (-, -, -, +) vs y (-, +, +, -).
    np.testing.assert_array_equal(sorted(map(tuple, art.errors.get_offsets())), [(0, 1), (1, 0), (1, 1)])
    art.update([0.5, 0, 0])  # everything predicted +1: only (0,0) and (1,1) wrong
    np.testing.assert_array_equal(sorted(map(tuple, art.errors.get_offsets())), [(0, 0), (1, 1)])


def test_points_differ_by_marker_as_well_as_colour(ax):
    X, y = data.logic_gate("AND", labels="pm1")
    art = plots.plot_decision_boundary([0, 1, 1], X, y, ax=ax)
    neg, pos = art.points
    assert len(neg.get_offsets()) == 3 and len(pos.get_offsets()) == 1
    assert not np.array_equal(neg.get_paths()[0].vertices, pos.get_paths()[0].vertices)
    assert not np.allclose(neg.get_facecolor(), pos.get_facecolor())


def test_zero_normal_hides_line_and_arrow(ax):
    X, y = data.logic_gate("AND", labels="pm1")
    art = plots.plot_decision_boundary([0.5, 0, 0], X, y, ax=ax)
    assert len(art.line.get_xdata()) == 0
    assert not art.arrow.get_visible()
    assert len(art.region_neg.get_xy()) == 0  # s = 0.5 everywhere: all positive


def test_line_outside_the_box_draws_no_segment():
    assert plots.boundary_segment([10, 1, 1], (0, 1), (0, 1)) is None


def test_bad_weights_get_a_clear_error(ax):
    X, y = data.logic_gate("AND")
    with pytest.raises(ValueError, match="w must have 3 entries"):
        plots.plot_decision_boundary([1, 2], X, y, ax=ax)


def test_without_ax_it_draws_on_the_current_axes():
    # ax=None means "the current axes", as for every plot function (plots/_style.get_ax).
    plt.close("all")
    fig, current = plt.subplots()
    try:
        X, y = data.logic_gate("OR")
        art = plots.plot_decision_boundary([-0.5, 1, 1], X, y, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
        assert art.ax is current and plt.get_fignums() == [fig.number]
        segment = np.column_stack(art.line.get_data())
        assert _on_segment((0.5, 0), segment) and _on_segment((0, 0.5), segment)  # -0.5 + x1 + x2 = 0
        neg, pos = art.points
        assert len(neg.get_offsets()) == 1 and len(pos.get_offsets()) == 3
        fig.canvas.draw()  # and it renders
    finally:
        plt.close("all")
