"""Every artist an explorer updates, checked by its data against values worked out by hand.

A test that only compares pixels before and after a move passes when one artist stops
updating while the others move (issue 15: the activation explorer's slope guide line and
the perceptron explorer's "n of 4 correct" text could freeze unnoticed). Here each
explorer is set to a state whose numbers are known independently (the lecture's worked
examples, formulas by hand, a few lines of plain Python), every dynamic artist is checked
by its data, and the test ends by asserting that no dynamic artist was left unchecked,
so an artist added later needs a check too. Each is then moved and checked again.
"""

import math

import numpy as np
import pytest

from helpers import widgets
from drawing import full_draw_pixels as _full_draw_pixels


def _same_points(offsets, expected):
    got = sorted(map(tuple, np.round(np.asarray(offsets, dtype=float).reshape(-1, 2), 9)))
    return got == sorted(map(tuple, np.round(np.asarray(expected, dtype=float).reshape(-1, 2), 9)))


def _box(polygon):
    """Bounding box (x0, y0, x1, y1) of a Polygon's vertices."""
    xy = polygon.get_xy()
    return tuple(np.round([xy[:, 0].min(), xy[:, 1].min(), xy[:, 0].max(), xy[:, 1].max()], 9))


def _arrow(patch):
    (x0, y0), (x1, y1) = patch._posA_posB
    return np.array([x0, y0]), np.array([x1 - x0, y1 - y0])


class Checked:
    """Records the artists a test has checked; :meth:`all_of` fails on any dynamic artist left out."""

    def __init__(self, explorer):
        self.explorer = explorer
        self.ids = set()

    def __call__(self, *artists):
        self.ids.update(id(a) for a in artists)

    def all_of(self):
        e = self.explorer
        spines = {id(s) for ax in e.figure.axes for s in ax.spines.values()}  # redrawn, not information
        assert e.message.get_text() == ""
        left = [a for a in e.dynamic + e.layer if id(a) not in self.ids | spines and a is not e.message]
        assert not left, f"dynamic artists no test checks: {left}"


# ----- perceptron_explorer -------------------------------------------------------------------

def test_perceptron_explorer_every_artist_at_the_lectures_start():
    e = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0), canvas="agg")
    b = e.boundary
    check = Checked(e)
    # s = -0.1 + 0.2 x1: the boundary is the vertical line x1 = 0.5 across the view (-0.5..1.5)
    np.testing.assert_allclose(np.column_stack(b.line.get_data()), [[0.5, -0.5], [0.5, 1.5]])
    assert _box(b.region_pos) == (0.5, -0.5, 1.5, 1.5) and _box(b.region_neg) == (-0.5, -0.5, 0.5, 1.5)
    # w's (w1, w2) = (0.2, 0) points to +x1, from a foot on the line
    foot, direction = _arrow(b.arrow)
    assert foot[0] == pytest.approx(0.5) and direction[1] == pytest.approx(0) and direction[0] > 0
    assert b.arrow.get_visible() and b.arrow_label.get_text() == "w"
    assert b.arrow_label.get_position()[0] > foot[0] + direction[0]  # beyond the tip
    assert _same_points(b.points[0].get_offsets(), [(0, 0), (0, 1), (1, 0)])  # class B, y = -1
    assert _same_points(b.points[1].get_offsets(), [(1, 1)])
    # s = (-0.1, -0.1, 0.1, 0.1): only (1, 0) is on the wrong side; its loss is 0.1
    assert _same_points(b.errors.get_offsets(), [(1, 0)])
    assert e.score.get_text() == "3 of 4 correct\nloss = 0.10"
    check(b.line, b.region_pos, b.region_neg, b.arrow, b.arrow_label, *b.points, b.errors, e.score)
    check.all_of()

    e.set(w0=-1.5, w1=1.0, w2=1.0)  # the AND solution: -1.5 + x1 + x2 meets the view's edges at 1.5
    np.testing.assert_allclose(sorted(map(tuple, np.column_stack(b.line.get_data()))), [(0.0, 1.5), (1.5, 0.0)])
    assert len(b.errors.get_offsets()) == 0
    assert e.score.get_text() == "4 of 4 correct\nloss = 0.00"


def test_perceptron_explorer_all_zero_weights_say_why_the_loss_is_zero():
    # Issue 17 and the lead's decision: at w = 0 every s is 0, f(0) = +1, so the three class-B
    # points are misclassified (ringed), their loss max(0, -y s) is 0, and the figure says why.
    e = widgets.perceptron_explorer("AND", w=(0.0, 0.0, 0.0), canvas="agg")
    b = e.boundary
    assert _same_points(b.errors.get_offsets(), [(0, 0), (0, 1), (1, 0)])
    assert e.score.get_text() == "1 of 4 correct\nloss = 0.00\n4 on the boundary s = 0"
    assert e.state["misclassified"] == 3 and e.state["loss"] == 0.0 and e.state["on_boundary"] == 4
    assert "4 points on the boundary (s = 0)" in e.readout.value
    assert len(b.line.get_xdata()) == 0 and not b.arrow.get_visible()  # no line when w1 = w2 = 0
    assert _box(b.region_pos) == (-0.5, -0.5, 1.5, 1.5)  # f = +1 everywhere


def test_perceptron_explorer_a_point_on_the_boundary_up_to_rounding():
    # w = (0.3, -0.1, -0.2): at (1, 1) s = 0.3 - 0.1 - 0.2 = 0 exactly (-2.8e-17 in floats).
    # f(0) = +1 = y there: correct. The other three have s = 0.3, 0.1, 0.2 > 0 with y = -1.
    e = widgets.perceptron_explorer("AND", w=(0.3, -0.1, -0.2), canvas="agg")
    assert e.score.get_text() == "1 of 4 correct\nloss = 0.60\n1 on the boundary s = 0"
    assert _same_points(e.boundary.errors.get_offsets(), [(0, 0), (0, 1), (1, 0)])
    assert "1 point on the boundary (s = 0)" in e.readout.value
    e.set(w0=0.25)  # s = 0.25, 0.05, 0.15, -0.05: all four wrong, loss 0.25 + 0.05 + 0.15 + 0.05
    assert e.score.get_text() == "0 of 4 correct\nloss = 0.50"
    assert "on the boundary" not in e.readout.value


def test_perceptron_explorer_custom_data_then_a_gate_takes_the_gates_axes():
    X = np.array([[-2.0, 0.0], [2.0, 1.0], [0.0, 3.0]])
    y = np.array([-1.0, 1.0, 1.0])
    e = widgets.perceptron_explorer(X=X, y=y, name="Adelie/Gentoo", w=(0.0, 1.0, 0.0),
                                    feature_names=("a", "b"), canvas="agg")
    # the data's range plus a quarter of it (at least 0.25) on each side
    assert e.ax.get_xlim() == pytest.approx((-3.0, 3.0)) and e.ax.get_ylim() == pytest.approx((-0.75, 3.75))
    assert e.ax.get_xlabel() == "$a$"
    e.controls["dataset"].value = "AND"
    assert np.array_equal(e.pixels(), _full_draw_pixels(e))
    assert e.ax.get_xlim() == (-0.5, 1.5) and e.ax.get_ylim() == (-0.5, 1.5)
    assert e.ax.get_xlabel() == "$x_1$" and e.ax.get_ylabel() == "$x_2$"
    assert list(e.ax.get_xticks()) == [-0.5, 0, 0.5, 1, 1.5]
    e.controls["dataset"].value = "Adelie/Gentoo"  # a cached view: its axes box comes back too
    assert np.array_equal(e.pixels(), _full_draw_pixels(e))
    assert e.ax.get_xlim() == pytest.approx((-3.0, 3.0)) and e.ax.get_xlabel() == "$a$"
    e.controls["dataset"].value = "OR"
    assert np.array_equal(e.pixels(), _full_draw_pixels(e))
    # the dropdown is as wide as its longest name ("Adelie/Gentoo" was cut to "Adelie/Ge")
    assert e.controls["dataset"].layout.width == "max-content"


# ----- activation_explorer -------------------------------------------------------------------

def _sigmoid(s):
    return 1 / (1 + math.exp(-s))


def test_activation_explorer_every_artist_and_the_slope_guide_follows_s():
    e = widgets.activation_explorer("sigmoid", s=1.0, logits=(2.0, 1.0, 0.1), canvas="agg")
    check = Checked(e)
    for s in (1.0, -2.0, 3.5):
        e.controls["s"].value = s
        f = _sigmoid(s)
        slope = f * (1 - f)
        np.testing.assert_allclose(np.ravel(e.tangent.point.get_data()), [s, f])
        (x0, x1), (y0, y1) = e.tangent.line.get_data()
        assert (y1 - y0) / (x1 - x0) == pytest.approx(slope) and x0 < s < x1
        assert y0 + (s - x0) * slope == pytest.approx(f)  # through the point
        np.testing.assert_allclose(np.ravel(e.grad_point.get_data()), [s, slope])
        # the dotted guide stands at s, from the bottom of the f' panel up to f'(s)
        xs, ys = e.grad_guide.get_data()
        assert list(xs) == [s, s]
        assert ys[0] == pytest.approx(e.ax_grad.get_ylim()[0]) and ys[1] == pytest.approx(slope)
        assert e.slope_text.get_text() == f"slope f'({s:.1f}) = {slope:.4f}".replace("-", "\u2212")
    check(e.tangent.point, e.tangent.line, e.grad_point, e.grad_guide, e.slope_text)
    # softmax(2, 1, 0.1) = (0.6590, 0.2424, 0.0986), by hand
    np.testing.assert_allclose([bar.get_height() for bar in e.bars.bars], [0.65900, 0.24243, 0.09857], atol=5e-5)
    assert [t.get_text() for t in e.bars.values] == ["0.6590", "0.2424", "0.0986"]
    for bar, text in zip(e.bars.bars, e.bars.values):
        assert text.get_position()[1] > bar.get_height()  # written above its bar
    check(*e.bars.bars, *e.bars.values)
    check.all_of()


# ----- gradient_descent_explorer -------------------------------------------------------------

def test_gradient_descent_explorer_every_artist_by_hand():
    e = widgets.gradient_descent_explorer(lr=0.1, steps=3, w_start=-2.5, w1_start=-2.5, w2_start=2.0, canvas="agg")
    check = Checked(e)
    # 1-D: L = (w - 1)^2, w <- w - 0.1 * 2 (w - 1): the distance to 1 shrinks by 0.8 a step
    w = 1 - 3.5 * 0.8 ** np.arange(4)
    path = e.paths[0]
    np.testing.assert_allclose(np.column_stack(path.line.get_data()), np.column_stack([w, (w - 1) ** 2]))
    np.testing.assert_allclose(np.ravel(path.start.get_data()), [-2.5, 12.25])
    np.testing.assert_allclose(np.ravel(path.current.get_data()), [w[-1], (w[-1] - 1) ** 2])
    g = 2 * (w[-1] - 1)  # -1.792: shorter than 1.2? no: drawn shortened to 1.2, dashed
    origin, drawn = _arrow(e.grads[0].patch)
    np.testing.assert_allclose(origin, [w[-1], (w[-1] - 1) ** 2])
    np.testing.assert_allclose(drawn, [-1.2, 0.0])
    assert e.grads[0].patch.get_linestyle() == "--"
    origin, step = _arrow(e.steps_[0].patch)
    np.testing.assert_allclose(step, [-0.1 * g, 0.0])  # the step: -lr x gradient, to the next w
    # 2-D: L = 0.2 w1^2 + w2^2, gradient (0.4 w1, 2 w2): factors 0.96 and 0.8 a step
    k = np.arange(4)
    path2 = e.paths[1]
    np.testing.assert_allclose(np.column_stack(path2.line.get_data()),
                               np.column_stack([-2.5 * 0.96 ** k, 2.0 * 0.8 ** k]))
    np.testing.assert_allclose(np.ravel(path2.start.get_data()), [-2.5, 2.0])
    w2 = np.array([-2.5 * 0.96 ** 3, 2.0 * 0.8 ** 3])
    np.testing.assert_allclose(np.ravel(path2.current.get_data()), w2)
    g2 = np.array([0.4 * w2[0], 2 * w2[1]])  # (-0.885, 2.048): longer than 1.2, shortened
    origin, drawn = _arrow(e.grads[1].patch)
    np.testing.assert_allclose(origin, w2)
    np.testing.assert_allclose(drawn, g2 / np.linalg.norm(g2) * 1.2)
    np.testing.assert_allclose(_arrow(e.steps_[1].patch)[1], -0.1 * g2)
    for k in (0, 1):
        assert e.notes[k].get_text().startswith("3 steps: ")
        check(*e.paths[k].dynamic, e.grads[k].patch, e.steps_[k].patch, e.notes[k])
    check.all_of()

    e.set(steps=20)  # near the bottom: the 1-D gradient is short and drawn whole, solid
    w20 = 1 - 3.5 * 0.8 ** 20
    origin, drawn = _arrow(e.grads[0].patch)
    np.testing.assert_allclose(drawn, [2 * (w20 - 1), 0.0])
    assert e.grads[0].patch.get_linestyle() == "-"


@pytest.mark.parametrize("lr", [0.05, 0.2, 0.5, 0.9, 1.5])
def test_the_gradient_is_never_drawn_shorter_than_the_step(lr):
    # Issue 17: with lr < 1 the gradient is longer than the step -lr x gradient; a cap
    # once drew it shorter. At the start (w = -2.5) the gradient is long: 7 in 1-D.
    e = widgets.gradient_descent_explorer(lr=lr, steps=0, canvas="agg")
    for k in (0, 1):
        g = np.atleast_1d(e.state["grad_1d"] if k == 0 else e.state["grad_2d"])
        drawn = np.linalg.norm(_arrow(e.grads[k].patch)[1])
        step = lr * np.linalg.norm(g)
        assert drawn >= min(step, np.linalg.norm(g)) - 1e-12
        assert drawn <= np.linalg.norm(g) + 1e-12  # and never longer than it is
        assert (e.grads[k].patch.get_linestyle() == "--") == (drawn < np.linalg.norm(g) - 1e-12)


# ----- sgd_stepper ---------------------------------------------------------------------------

def _perceptron_run(X, y, w, lr, order, epochs=30):
    """A plain-Python perceptron SGD (the lecture's rule, f(0) = +1): mistakes per epoch."""
    w = list(w)
    counts = []
    for _ in range(epochs):
        mistakes = 0
        for i in order:
            s = w[0] + w[1] * X[i][0] + w[2] * X[i][1]
            if s * y[i] <= 1e-12:  # wrong side, or on the boundary
                mistakes += 1
                w = [w[0] + lr * y[i], w[1] + lr * y[i] * X[i][0], w[2] + lr * y[i] * X[i][1]]
        counts.append(mistakes)
        if mistakes == 0:
            break
    return counts


def test_sgd_stepper_every_artist_at_the_lectures_first_step():
    e = widgets.sgd_stepper(canvas="agg")
    check = Checked(e)
    b = e.boundary
    # step 1: x = (1, 0), y = -1, s = 0.1: w goes from (-0.1, 0.2, 0) to (-0.2, 0.1, 0)
    np.testing.assert_allclose(e.before.line.get_xdata(), [0.5, 0.5])  # -0.1 + 0.2 x1 = 0
    np.testing.assert_allclose(b.line.get_xdata(), [2.0, 2.0])  # -0.2 + 0.1 x1 = 0
    assert _box(b.region_pos) == (2.0, -0.5, 2.5, 1.5) and _box(b.region_neg) == (-0.5, -0.5, 2.0, 1.5)
    foot, direction = _arrow(b.arrow)
    assert foot[0] == pytest.approx(2.0) and direction[0] > 0 and direction[1] == pytest.approx(0)
    assert b.arrow_label.get_text() == "w"
    assert _same_points(e.current.get_offsets(), [(1, 0)])
    assert _same_points(b.points[0].get_offsets(), [(0, 0), (0, 1), (1, 0)])
    assert _same_points(b.points[1].get_offsets(), [(1, 1)])
    assert _same_points(b.errors.get_offsets(), [(1, 1)])  # after the step every s < 0: (1, 1) is wrong
    assert e.heading.get_text() == "step 1, epoch 1: update"
    assert e.offview.get_text() == ""
    check(e.before.line, b.line, b.region_pos, b.region_neg, b.arrow, b.arrow_label, e.current,
          *b.points, b.errors, e.heading, e.offview)
    # the chart: an independent run of the lecture's rule, order (1,0), (1,1), (0,0), (0,1)
    X = [(0, 0), (0, 1), (1, 0), (1, 1)]
    y = [-1, -1, -1, 1]
    counts = _perceptron_run(X, y, (-0.1, 0.2, 0.0), 0.1, order=(2, 3, 0, 1))
    assert counts[-1] == 0
    c = e.chart
    assert list(c.heights) == counts + [0] * (30 - len(counts))
    # the drawn bars themselves: one per epoch run, 0.8 wide, centred on the epoch, as tall as its count
    boxes = [(p.vertices[:, 0].min(), p.vertices[:, 0].max(), p.vertices[:, 1].max()) for p in c.bars.get_paths()]
    assert boxes == [pytest.approx((k + 1 - 0.4, k + 1 + 0.4, n)) for k, n in enumerate(counts)]
    assert [k + 1 for k, t in enumerate(c.zero_labels) if t.get_visible()] == [len(counts)]
    assert c.done.get_text() == f"converged after {len(counts)} epochs"
    assert c.current.get_visible() and c.current.get_x() == 0.5  # epoch 1
    check(c.bars, *c.zero_labels, c.done, c.current)
    check.all_of()

    e.controls["step"].value = 5  # epoch 2, the first sample of it: (1, 0) again
    assert c.current.get_x() == 1.5 and e.heading.get_text().startswith("step 5, epoch 2")
    np.testing.assert_allclose(e.before.line.get_xdata(), [1.0, 1.0])  # w = (-0.1, 0.1, 0.1) before it
    assert len(b.line.get_xdata()) == 0 and e.offview.get_text() == "boundary after the step: outside this view"


def test_sgd_stepper_lr_moves_change_the_bars_and_keep_the_axes():
    e = widgets.sgd_stepper(canvas="agg")
    X = [(0, 0), (0, 1), (1, 0), (1, 1)]
    y = [-1, -1, -1, 1]
    fulls = e.redraws["full"]
    widest = len(_perceptron_run(X, y, (-0.1, 0.2, 0.0), 0.1, (2, 3, 0, 1)))
    for lr in (1.0, 0.3, 3.16228, 0.1):
        e.controls["lr"].value = lr
        counts = _perceptron_run(X, y, (-0.1, 0.2, 0.0), lr, (2, 3, 0, 1))
        assert list(e.chart.heights)[:len(counts)] == counts
        widest = max(widest, len(counts), 5)
        assert e.chart.ax.get_xlim() == (0.4, widest + 0.6)  # never narrower than a run seen before
    assert e.redraws["full"] == fulls  # bars move; the axes and the boundary plot stay


# ----- chain_rule_explorer -------------------------------------------------------------------

def test_chain_rule_explorer_every_artist_at_x_1():
    e = widgets.chain_rule_explorer("z = sin(x²)", x=1.0, canvas="agg")
    check = Checked(e)
    g = e.graph
    # x = 1, u = x^2 = 1, z = sin(1) = 0.84147; du/dx = 2, dz/du = cos(1) = 0.54030
    assert [t.get_text() for t in g.values] == ["1.0000", "1.0000", "0.8415"]
    assert [t.get_text() for t in g.locals] == ["2.0000", "0.5403"]
    assert [t.get_text() for t in g.backs] == ["1.0806", "0.5403", "1.0000"]
    assert g.product.get_text() == "2.0000 \u00d7 0.5403 = 1.0806"  # after the static "dz/dx = "
    check(*g.values, *g.locals, *g.backs, g.product)
    np.testing.assert_allclose(np.ravel(e.point.get_data()), [1.0, math.sin(1.0)])
    (x0, x1), (z0, z1) = e.tangent.get_data()
    assert (z1 - z0) / (x1 - x0) == pytest.approx(2 * math.cos(1.0))
    assert z0 + (1.0 - x0) * (z1 - z0) / (x1 - x0) == pytest.approx(math.sin(1.0))
    check(e.point, e.tangent)
    check.all_of()
    xs, zs = e.curve.get_data()
    np.testing.assert_allclose(zs, np.sin(np.asarray(xs) ** 2))


# ----- mlp_playground ------------------------------------------------------------------------

def test_mlp_playground_every_artist_shows_the_current_run():
    from helpers.mlp import MLP

    e = widgets.mlp_playground("XOR", canvas="agg")
    e.step()
    check = Checked(e)
    np.testing.assert_allclose(e.map.image.get_array().ravel(), e.model.forward(e.grid))
    reach = e.limits[1]
    assert e.map.image.get_extent() == [-reach, reach, -reach, reach]
    for k in (0, 1):
        assert _same_points(e.map.train[k].get_offsets(), e.X_train[e.y_train == k])
        assert _same_points(e.map.test[k].get_offsets(), e.X_test[e.y_test == k])
    check(e.map.image, *e.map.train, *e.map.test)
    # the loss after 0 and 2 epochs of the same network and data, trained independently
    model = MLP([2, 4, 1], hidden="tanh", seed=0)
    np.testing.assert_allclose(e.curves.train.get_ydata()[0], model.loss(e.X_train, e.y_train))
    assert list(e.curves.train.get_xdata()) == [0, 1, 2] and list(e.curves.test.get_xdata()) == [0, 1, 2]
    np.testing.assert_allclose(e.curves.test.get_ydata()[-1], e.model.loss(e.X_test, e.y_test))
    check(e.curves.train, e.curves.test)
    assert e.counter.get_text() == "epoch 2"
    check(e.counter)
    net = e.network
    weights = np.concatenate([p.ravel() for p in e.model.params])
    np.testing.assert_allclose(net.edges.get_array() * net.largest, weights)
    assert net.largest == pytest.approx(np.abs(weights).max())
    # 2 inputs, 4 hidden units, 1 output in three columns; bias nodes above the first two
    assert sorted(np.round(net.nodes.get_offsets()[:, 0], 6)) == [0.0] * 2 + [1.0] * 4 + [2.0]
    assert sorted(np.round(net.bias_nodes.get_offsets()[:, 0], 6)) == [0.0, 1.0]
    check(net.edges, net.nodes, net.bias_nodes)
    check.all_of()


def test_network_edges_use_the_weight_colours():
    # The lead's decision: positive green solid, negative pink dashed, wider for larger |w|.
    from matplotlib.colors import to_hex

    e = widgets.mlp_playground("XOR", canvas="agg")
    edges = e.network.edges
    values = edges.get_array()
    colours = [to_hex(c) for c in edges.get_colors()]
    styles = edges.get_linestyles()
    widths = edges.get_linewidths()
    assert (values > 0).any() and (values < 0).any()
    for v, colour, (offset, dashes), width in zip(values, colours, styles, widths):
        assert colour == ("#009e73" if v >= 0 else "#cc79a7")
        assert (dashes is None) == (v >= 0)
    order = np.argsort(np.abs(values))
    assert np.all(np.diff(np.asarray(widths)[order]) >= 0)


def test_accuracy_never_reads_100_percent_with_a_mistake():
    # 07's birds: 273 of 274 right was printed "accuracy: 100% (1 misclassified)".
    X = np.column_stack([np.linspace(-2, 2, 274), np.zeros(274)])
    y = np.where(X[:, 0] > 0, 1.0, -1.0)
    y[0] = 1.0  # one bird on the wrong side of x1 = 0
    e = widgets.perceptron_explorer(X=X, y=y, name="birds", w=(0.0, 1.0, 0.0), canvas="agg")
    assert e.state["misclassified"] == 1
    assert "accuracy: <b>99.6%</b> (1 misclassified)" in e.readout.value  # 273 / 274 = 0.99635
    assert e.score.get_text().startswith("273 of 274 correct")


# ----- hidden_space_explorer (issue 13) --------------------------------------------------------

def _sigmoid(t):
    return 1.0 / (1.0 + np.exp(-np.asarray(t, dtype=float)))


def _hidden(X, v):
    """u_j = sigmoid(v_0j + x_1 v_1j + x_2 v_2j), by hand."""
    X = np.asarray(X, dtype=float)
    return _sigmoid(v[0] + X[:, :1] * v[1] + X[:, 1:2] * v[2])


def _line_points(line):
    xs, ys = line.get_data()
    return np.column_stack([np.asarray(xs, float), np.asarray(ys, float)])


def test_hidden_space_explorer_every_artist_after_training_xor():
    e = widgets.hidden_space_explorer("XOR", epochs=450, t=1.0, canvas="agg")
    v, w = e.state["weights"][0], e.state["weights"][1][:, 0]
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([0, 1, 1, 0])
    check = Checked(e)
    # left panel: the output z on a 40 x 40 grid of (-0.5, 1.5)^2, by hand
    g = np.linspace(-0.5, 1.5, 40)
    grid = np.column_stack([np.tile(g, 40), np.repeat(g, 40)])
    U = _hidden(grid, v)
    np.testing.assert_allclose(e.map.image.get_array().ravel(), _sigmoid(w[0] + U @ w[1:]), rtol=1e-9)
    assert e.map.image.get_extent() == [-0.5, 1.5, -0.5, 1.5]
    # 9 + 9 straight grid lines across the view (two points each: straight), NaN rows between
    straight = _line_points(e.grid_static)
    ends = np.linspace(-0.5, 1.5, 9)
    expected = [[(a, -0.5), (a, 1.5), (np.nan, np.nan)] for a in ends] + [[(-0.5, b), (1.5, b), (np.nan, np.nan)]
                                                                          for b in ends]
    np.testing.assert_allclose(straight, np.reshape(expected, (-1, 2)))
    # the right panel carries the same lines, 121 points each, so that they can bend
    along = np.linspace(-0.5, 1.5, 121)
    plane = np.vstack([np.vstack([np.column_stack([np.full(121, a), along]), [[np.nan, np.nan]]]) for a in ends]
                      + [np.vstack([np.column_stack([along, np.full(121, b)]), [[np.nan, np.nan]]]) for b in ends])
    for k in (0, 1):
        assert _same_points(_line_points(e.data_points[k]), X[y == k])
    for j, (line, label) in enumerate(zip(e.unit_lines, e.unit_labels)):
        if j >= 2:  # two units: lines 3 and 4 are empty
            assert len(line.get_xdata()) == 0 and len(label.get_xdata()) == 0
            continue
        pts = _line_points(line)
        np.testing.assert_allclose(v[0, j] + pts @ v[1:, j], 0.0, atol=1e-9)  # r_j = 0 along the line
        assert np.all((pts >= -0.5 - 1e-9) & (pts <= 1.5 + 1e-9))
        spot = _line_points(label)[0]  # 0.12 (6 % of the view) off the line, on its r_j > 0 side
        assert (v[0, j] + spot @ v[1:, j]) / np.linalg.norm(v[1:, j]) == pytest.approx(0.12)
    check(e.map.image, e.grid_static, *e.data_points, *e.unit_lines, *e.unit_labels)
    # right panel at t = 1: the hidden space
    U = _hidden(X, v)
    for k in (0, 1):
        assert _same_points(_line_points(e.points[k]), U[y == k])
    u_grid = np.column_stack([np.tile(np.linspace(-0.1, 1.1, 40), 40), np.repeat(np.linspace(-0.1, 1.1, 40), 40)])
    assert e.hidden_map.get_visible() and e.hidden_line.get_visible() and not e.curve.get_visible()
    np.testing.assert_allclose(e.hidden_map.get_array().ravel(), _sigmoid(w[0] + u_grid @ w[1:]), rtol=1e-9)
    np.testing.assert_allclose(w[0] + _line_points(e.hidden_line) @ w[1:], 0.0, atol=1e-9)  # s = 0: straight
    rows = ~np.isnan(plane).any(axis=1)
    moved = _line_points(e.grid)
    np.testing.assert_allclose(moved[rows], _hidden(plane[rows], v), rtol=1e-9)
    # each unit's line r_j = 0 lands on u_j = sigmoid(0) = 0.5
    np.testing.assert_allclose(_line_points(e.pair_lines[0])[:, 0], 0.5)
    np.testing.assert_allclose(_line_points(e.pair_lines[1])[:, 1], 0.5)
    # names beside XOR's points: 8.5 % of the 1.2-wide view across, half that up or down
    gap = 0.085 * 1.2
    for name, x, u in zip(e.point_names, X, U):
        np.testing.assert_allclose(_line_points(name)[0], [u[0] + (gap if x[0] else -gap),
                                                          u[1] + (gap / 2 if x[1] else -gap / 2)])
    # ticks at u = 0 and 1 under the axis and left of it; their labels below and to the left
    np.testing.assert_allclose(_line_points(e.xticks), [[0, 0], [0, -0.02], [np.nan] * 2, [1, 0], [1, -0.02],
                                                        [np.nan] * 2])
    np.testing.assert_allclose(_line_points(e.yticks), [[0, 0], [-0.02, 0], [np.nan] * 2, [0, 1], [-0.02, 1],
                                                        [np.nan] * 2])
    below = -0.1 - 0.055 * 1.2
    np.testing.assert_allclose(_line_points(e.tick_labels[0]), [[0, below], [below, 0]])
    np.testing.assert_allclose(_line_points(e.tick_labels[1]), [[1, below], [below, 1]])
    assert e.heading.get_text() == "epoch 450"
    check(*e.points, e.hidden_map, e.hidden_line, e.grid, *e.pair_lines, *e.point_names, e.xticks, e.yticks,
          *e.tick_labels, e.heading)
    # t = 0: the data space itself; the output's boundary where z = 0.5
    e.set(t=0.0)
    for k in (0, 1):
        assert _same_points(_line_points(e.points[k]), X[y == k])
    boundary = _line_points(e.curve)
    assert e.curve.get_visible() and not e.hidden_map.get_visible()
    ok = ~np.isnan(boundary).any(axis=1)
    z = _sigmoid(w[0] + _hidden(boundary[ok], v) @ w[1:])
    assert ok.sum() > 20 and np.max(np.abs(z - 0.5)) < 0.02  # on a 40 x 40 grid, linearly interpolated
    e.set(t=0.5)  # halfway: (x + u(x)) / 2
    np.testing.assert_allclose(_line_points(e.curve)[ok], (boundary[ok] + _hidden(boundary[ok], v)) / 2, rtol=1e-9)
    check(e.curve)
    check.all_of()


# ----- gradient_flow_explorer (issue 13) ---------------------------------------------------------

def _deep_forward(params, X, g):
    """z of an MLP by hand: u = g(u_prev @ W[1:] + W[0]) for each hidden layer, then a sigmoid."""
    u = np.asarray(X, dtype=float)
    for W in params[:-1]:
        u = g(u @ W[1:] + W[0])
    W = params[-1]
    return _sigmoid(u @ W[1:] + W[0])[:, 0]


def test_gradient_flow_explorer_every_artist():
    from test_widgets_gradient_flow import finite_difference_norms

    from helpers import data

    e = widgets.gradient_flow_explorer(depth=2, activation="tanh", canvas="agg")
    e.train(4)
    e.refresh()
    check = Checked(e)
    X, y = data.make_moons(200, noise=0.1, seed=0)
    norms = finite_difference_norms(e.model, X, y)
    for k, bar in enumerate(e.bars.bars):  # 3 weight matrices: 3 bars, input side first
        assert bar.get_visible() == (k < 3)
        if k < 3:
            assert bar.get_y() == 1e-9 and bar.get_y() + bar.get_height() == pytest.approx(norms[k], rel=1e-5)
            assert bar.get_x() + bar.get_width() / 2 == pytest.approx(k + 1)
    start = widgets.gradient_flow_explorer(depth=2, activation="tanh", canvas="agg").state["grad_norms"]
    dashes = _line_points(e.bars.start)
    for k, n in enumerate(start):
        np.testing.assert_allclose(dashes[3 * k:3 * k + 2], [[k + 1 - 0.42, n], [k + 1 + 0.42, n]], rtol=1e-12)
    assert len(e.bars.below.get_xdata()) == 0  # every size is on the axis (>= 1e-7)
    assert e.ratio.get_text() == f"first / last: {norms[0] / norms[-1]:.2g}"  # two digits; 1/N below 0.01
    check(*e.bars.bars, e.bars.start, e.bars.below, e.ratio)
    g = np.linspace(-2, 2, 40)
    grid = np.column_stack([np.tile(g, 40), np.repeat(g, 40)])
    np.testing.assert_allclose(e.map.image.get_array().ravel(), _deep_forward(e.model.params, grid, np.tanh),
                               rtol=1e-9)
    for k in (0, 1):
        assert _same_points(_line_points(e.points[k]), X[y == k])
    xs, ys = e.loss_line.get_data()
    assert list(xs) == [0, 1, 2, 3, 4]
    from helpers.mlp import MLP

    z0 = _deep_forward(MLP([2, 8, 8, 1], hidden="tanh", seed=0).params, X, np.tanh)
    assert ys[0] == pytest.approx(-np.mean(y * np.log(z0) + (1 - y) * np.log(1 - z0)), rel=1e-9)
    z4 = _deep_forward(e.model.params, X, np.tanh)
    assert ys[-1] == pytest.approx(-np.mean(y * np.log(z4) + (1 - y) * np.log(1 - z4)), rel=1e-9)
    assert e.heading.get_text() == "epoch 4"
    check(e.map.image, *e.points, e.loss_line, e.heading)
    check.all_of()


def test_gradient_bars_flag_a_gradient_below_the_axis():
    from helpers.plots import gradients

    e = widgets.gradient_flow_explorer(depth=2, canvas="agg")
    e.bars.update([1e-12, 1e-3, 1e-1], start=[1e-12, 1e-3, 1e-1])
    assert _same_points(_line_points(e.bars.below), [(1, 1e-7)])
    assert e.bars.bars[0].get_height() == 0.0  # at the floor: a stub
    assert _line_points(e.bars.start)[0, 1] == pytest.approx(1e-7)  # drawn at the axis bottom
    assert gradients.layer_names(2) == ["1: v", "2: w"]


# ----- backprop_stepper (issue 13) -----------------------------------------------------------------

def test_backprop_stepper_every_artist_after_eighteen_steps():
    e = widgets.backprop_stepper(step=18, canvas="agg")
    d = e.diagram
    check = Checked(e)
    m = "\u2212"
    # forward values from the notebook's table, by hand (four decimals)
    assert {n: t.get_text() for n, t in d.values.items()} == {
        "r1": "r\u2081 = 0.6000", "r2": "r\u2082 = 0.1000", "u1": "u\u2081 = 0.6457", "u2": "u\u2082 = 0.5250",
        "s": "s = 0.2199", "z": "z = 0.5548", "L": "L = 0.5892"}
    # backward: dL/dz = -1/z, dL/ds = z - 1, dL/du_j = (z - 1) w_j, dL/dr_j = dL/du_j u_j (1 - u_j)
    assert {n: t.get_text() for n, t in d.grads.items()} == {
        "z": f"\u2202L/\u2202z = {m}1.8026", "s": f"\u2202L/\u2202s = {m}0.4452",
        "u1": f"\u2202L/\u2202u\u2081 = {m}0.2671", "u2": "\u2202L/\u2202u\u2082 = 0.3117",
        "r1": f"\u2202L/\u2202r\u2081 = {m}0.0611", "r2": "\u2202L/\u2202r\u2082 = 0.0777"}
    edges = {k: t.get_text() for k, t in d.edge_grads.items()}
    assert edges == {("x0", "r1"): f"{m}0.0611", ("x1", "r1"): f"{m}0.0611", ("x2", "r1"): "",
                     ("x0", "r2"): "", ("x1", "r2"): "", ("x2", "r2"): "",
                     ("u0", "s"): f"{m}0.4452", ("u1", "s"): f"{m}0.2875", ("u2", "s"): f"{m}0.2337"}
    # step 18 is dL/dv_11: the edge x1 -> r1 lights up, no node does
    from helpers.plots.backprop import NODES

    a, b = np.array(NODES["x1"]), np.array(NODES["r1"])
    unit = (b - a) / np.hypot(*(b - a))
    np.testing.assert_allclose(_line_points(d.halo_edge), [a + 0.32 * unit, b - 0.32 * unit])  # short of the nodes
    assert len(d.halo_node.get_xdata()) == 0
    # the weights, as the notebook's table gives them
    assert sorted(t.get_text() for t in d.weight_labels) == sorted([
        "v₀₁ = 0.1", f"v₁₁ = 0.5", f"v₂₁ = {m}0.4", f"v₀₂ = {m}0.2",
        "v₁₂ = 0.3", "v₂₂ = 0.8", "w₀ = 0.2", "w₁ = 0.6", f"w₂ = {m}0.7"])
    assert d.box.get_text() == (f"step 18 of 22, backward:   \u2202L/\u2202v\u2081\u2081 = \u2202L/\u2202r\u2081 \u00b7 x\u2081\n"
                                f"= ({m}0.0611)\u00b71 = {m}0.0611")
    check(*d.values.values(), *d.grads.values(), *d.edge_grads.values(), d.halo_edge, d.halo_node, d.box,
          *d.weight_labels)
    check.all_of()
    e.set(jump=5)  # s: its node lights up
    np.testing.assert_allclose(_line_points(d.halo_node), [NODES["s"]])
    assert len(d.halo_edge.get_xdata()) == 0 and d.grads["z"].get_text() == ""
    e.set(jump=0)
    assert all(t.get_text() == "" for t in d.values.values()) and d.box.get_text().startswith("Press Step")


# ----- weight_space_explorer -----------------------------------------------------------------

def test_weight_space_explorer_every_artist_at_the_lectures_start():
    from helpers.widgets import _mouse

    e = widgets.weight_space_explorer("AND", w=(-0.1, 0.2, 0.0), canvas="agg")
    b = e.boundary
    check = Checked(e)
    # data space: the boundary x1 = 0.5, (1, 0) on its wrong side, as in the perceptron explorer
    np.testing.assert_allclose(np.column_stack(b.line.get_data()), [[0.5, -0.5], [0.5, 1.5]])
    assert _box(b.region_pos) == (0.5, -0.5, 1.5, 1.5) and _box(b.region_neg) == (-0.5, -0.5, 0.5, 1.5)
    foot, direction = _arrow(b.arrow)
    assert foot[0] == pytest.approx(0.5) and direction[0] > 0 and b.arrow_label.get_text() == "w"
    assert _same_points(b.points[0].get_offsets(), [(0, 0), (0, 1), (1, 0)])
    assert _same_points(b.points[1].get_offsets(), [(1, 1)])
    assert _same_points(b.errors.get_offsets(), [(1, 0)])
    # the handle: the boundary's point nearest the origin, -w0 (w1, w2) / |(w1, w2)|^2 = 0.1 (0.2, 0) / 0.04
    assert np.column_stack(e.handle.get_data()).tolist() == [[0.5, 0.0]]
    assert len(e.trail.get_segments()) == 0 and len(e.sample.get_offsets()) == 0
    # weight space: one point, the star at (0.2, 0); loss 0.1 (only (1, 0) is wrong, by s = 0.1)
    path = e.path_artists
    assert np.column_stack(path.current.get_data()).tolist() == [[0.2, 0.0]]
    assert np.column_stack(path.start.get_data()).tolist() == [[0.2, 0.0]]
    assert np.column_stack(path.line.get_data()).tolist() == [[0.2, 0.0]]
    assert e.loss_text.get_text() == "perceptron:\nL = 0.100\n3 of 4 right"
    assert not e.note_text.get_visible()
    # the map: total perceptron loss at w0 = -0.1; at (w1, w2) = (0, 0) every s is -0.1 and only
    # (1, 1), y = +1, is wrong: 0.1; at (-3, -3) the same point has s = -6.1: 6.1, and (0, 0) none
    grid = e.map_loss
    centre = grid.shape[0] // 2
    assert grid[centre, centre] == pytest.approx(0.1) and grid[0, 0] == pytest.approx(6.1)
    assert e.map.get_extent() == [-3.0, 3.0, -3.0, 3.0]
    # lower is darker: the map's grey at (0, 0), loss 0.1, is darker than at (-3, -3), loss 6.1
    rgba = e.map.get_array()
    assert rgba[centre, centre, :3].sum() < rgba[0, 0, :3].sum()
    check(b.line, b.region_pos, b.region_neg, b.arrow, b.arrow_label, *b.points, b.errors, e.handle, e.trail,
          e.sample, path.current, path.start, path.line, e.loss_text, e.note_text, *e.layer)
    check.all_of()

    # two SGD steps, by hand: (1, 0), y = -1, s = 0.1: w1 -= 0.1 * 1 -> (0.1, 0);
    # then (1, 1), y = +1, s = -0.1 + 0.1 = 0, on the boundary: a mistake, (w1, w2) += 0.1 (1, 1) -> (0.2, 0.1)
    e.set(update="SGD")
    e.step()
    assert e.w.tolist() == pytest.approx([-0.1, 0.1, 0.0])
    assert _same_points(e.sample.get_offsets(), [(1, 0)])
    e.step()
    assert e.w.tolist() == pytest.approx([-0.1, 0.2, 0.1])
    assert _same_points(e.sample.get_offsets(), [(1, 1)])
    assert np.column_stack(path.line.get_data()) == pytest.approx(np.array([[0.2, 0.0], [0.1, 0.0], [0.2, 0.1]]))
    # earlier boundaries: x1 = 0.5 and x1 = 1 (w1 = 0.2, then 0.1, with w0 = -0.1)
    xs = sorted(round(float(seg[0][0]), 9) for seg in e.trail.get_segments())
    assert xs == [0.5, 1.0]
    assert e.loss_text.get_text().startswith("perceptron:\nL = ")
    # a drag in the weight space moves the star and the boundary
    px = _mouse.to_pixel(e.weight_ax, 1.0, -1.0)
    e.pointer("down", *px)
    assert e.w[1:] == pytest.approx([1.0, -1.0], abs=0.02)
    w = e.w
    for x1, x2 in np.column_stack(b.line.get_data()):
        assert w[0] + w[1] * x1 + w[2] * x2 == pytest.approx(0, abs=1e-9)
