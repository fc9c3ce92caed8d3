"""Smoke and content tests for the chain graph, network diagram and probability-map plots."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import plots  # noqa: E402
from helpers.mlp import MLP  # noqa: E402


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_chain_graph_shows_values_and_product():
    graph = plots.plot_chain_graph(["x", "u", "z"], ["input", "u = x²", "z = sin(u)"],
                                   ["du/dx", "dz/du"])
    graph.update([2.0, 4.0, np.sin(4.0)], [4.0, np.cos(4.0)], [4 * np.cos(4.0), np.cos(4.0), 1.0])
    assert graph.values[1].get_text() == "4.0000"
    assert graph.backs[0].get_text() == "\u22122.6146"  # 4 cos 4 = -2.61457...
    # 4.0000 x (-0.6536) is -2.6144 at the printed digits, not -2.6146: marked approximate
    assert graph.product.get_text() == "4.0000 \u00d7 (\u22120.6536) \u2248 \u22122.6146"
    assert graph.backs[-1].get_text() == "1.0000"
    graph.update([2.0, 4.0, np.sin(4.0)], [4.0, np.cos(4.0)], [0.0, 0.0, 0.0])  # before backward(): all 0
    assert [t.get_text() for t in graph.backs] == ["0.0000"] * 3
    # in an explorer, always after backward(): dz/dz = 1 is drawn once, as a static label
    fixed = plots.plot_chain_graph(["x", "z"], ["input", "z = 2x"], ["dz/dx"], output_is_one=True)
    assert fixed.backs[-1].get_text() == "1.0000" and fixed.backs[-1] not in fixed.dynamic
    with pytest.raises(ValueError, match="dz/dz = 1"):
        fixed.update([1.0, 2.0], [2.0], [2.0, 0.5])
    plt.gcf().canvas.draw()
    with pytest.raises(ValueError):
        plots.plot_chain_graph(["x", "z"], ["input"], ["dz/dx"])


def test_network_edges_follow_the_weight_matrices():
    model = MLP([2, 3, 2, 1], seed=0)
    diagram = plots.plot_network(model.layer_sizes, model.params)
    segments = diagram.edges.get_segments()
    assert len(segments) == 3 * 3 + 4 * 2 + 3 * 1  # (inputs + bias) x outputs per layer
    # edge 0 runs from the bias node of the input layer to hidden unit 1 and carries v[0, 0]
    top = diagram.largest
    assert diagram.edges.get_array()[0] * top == pytest.approx(model.params[0][0, 0])
    assert segments[0][0][0] == 0 and segments[0][1][0] == 1
    assert top == pytest.approx(max(np.abs(p).max() for p in model.params))
    plt.gcf().canvas.draw()
    with pytest.raises(ValueError, match="entries"):
        diagram.update([np.zeros((3, 3))])


def test_edge_width_grows_with_the_size_of_the_weight_and_dashes_mark_negatives():
    """One input, one output: the bias edge carries +2, the input edge -1. Widths are
    0.5 + 3.5 |w| / max |w|: 0.5 + 3.5 = 4.0 for +2 and 0.5 + 1.75 = 2.25 for -1."""
    diagram = plots.plot_network([1, 1], [np.array([[2.0], [-1.0]])])
    assert diagram.edges.get_linewidths().tolist() == [4.0, 2.25]
    solid, dashed = diagram.edges.get_linestyles()
    assert solid[1] is None and dashed[1] is not None  # (offset, dash pattern): None is a solid line
    assert diagram.largest == 2.0


def test_probability_map_and_hidden_units_draw():
    model = MLP([2, 3, 1], seed=1)
    grid = plots.grid_points((-1, 1), (-1, 1), size=20)
    X = np.array([[0.5, 0.5], [-0.5, -0.5]])
    y = np.array([1, 0])
    pm = plots.plot_probability_map(model.forward(grid), (-1, 1), (-1, 1), X, y, show_colorbar=True)
    assert pm.image.get_array().shape == (20, 20)
    assert pm.train[1].get_offsets().tolist() == [[0.5, 0.5]]
    axes = plots.plot_hidden_units(model.hidden_outputs(grid)[0], (-1, 1), (-1, 1), X, y)
    assert len(axes) == 3 and axes[0].get_title() == "$u_{1}$"
    with pytest.raises(ValueError):
        plots.plot_probability_map(np.zeros(10), (-1, 1), (-1, 1))
    plt.gcf().canvas.draw()


def test_loss_curves_grow_their_axis():
    fig, ax = plt.subplots()
    curves = plots.plot_loss_curves(ax=ax, max_epochs=10)
    assert curves.update([0, 5], [0.7, 0.5], [0.7, 0.6]) is False
    assert curves.update([0, 5, 12], [0.7, 0.5, 0.4], [0.7, 0.6, 0.5]) is True
    assert ax.get_xlim() == (0, 24)
