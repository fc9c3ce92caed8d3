"""Smoke tests for helpers.plots.penguins: every function draws on Agg and shows the right things."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import data, plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture(scope="module")
def penguins():
    return data.load_penguins()


def test_feature_label():
    assert plots.feature_label("bill_length_mm") == "bill length (mm)"
    assert plots.feature_label("body_mass_g") == "body mass (g)"
    assert plots.feature_label("year") == "year"


def test_plot_penguins_draws_one_marker_style_per_species(penguins):
    X, y, features, classes = penguins
    artists = plots.plot_penguins(X, y, features, classes, columns=(1, 2))
    assert [len(a.get_offsets()) for a in artists] == [151, 68, 123]
    markers = {a.get_paths()[0].vertices.tobytes() for a in artists}
    assert len(markers) == 3  # shapes differ, not only colours
    ax = artists[0].axes
    assert ax.get_xlabel() == "bill depth (mm)" and ax.get_ylabel() == "flipper length (mm)"


def test_plot_penguin_pairs_has_one_panel_per_pair(penguins):
    X, y, features, classes = penguins
    axes = plots.plot_penguin_pairs(X, y, features, classes)
    assert len(axes) == 6
    labels = {(ax.get_xlabel(), ax.get_ylabel()) for ax in axes}
    assert ("bill length (mm)", "body mass (g)") in labels


def test_plot_confusion_matrix_writes_every_count():
    cm = np.array([[37, 1, 0], [2, 15, 0], [0, 0, 31]])
    image = plots.plot_confusion_matrix(cm, ["A", "C", "G"])
    texts = [t.get_text() for t in image.axes.texts]
    assert texts == ["37", "1", "0", "2", "15", "0", "0", "0", "31"]
    # each count sits in its cell: column = predicted, row = true (one Adelie called Chinstrap)
    at = {tuple(t.get_position()): t.get_text() for t in image.axes.texts}
    assert at[(1, 0)] == "1" and at[(0, 1)] == "2" and at[(2, 2)] == "31"
    assert image.axes.get_ylabel() == "true species"
    with pytest.raises(ValueError, match="cm must have shape"):
        plots.plot_confusion_matrix(np.zeros((2, 2)), ["A", "C", "G"])


def test_plot_class_regions_shades_what_predict_says():
    X = np.array([[0.0, 0.0], [1.0, 1.0], [2.0, 0.0]])
    y = np.array([0, 1, 2])

    def predict(P):  # three vertical bands: x < 0.5, 0.5 <= x < 1.5, x >= 1.5
        return np.digitize(P[:, 0], [0.5, 1.5])

    mesh, points = plots.plot_class_regions(predict, X, y, ["a_mm", "b_mm"], ["A", "B", "C"],
                                            resolution=50)
    shaded = np.asarray(mesh.get_array()).reshape(50, 50)
    assert set(np.unique(shaded)) == {0, 1, 2}
    assert shaded[0, 0] == 0 and shaded[0, -1] == 2
    assert len(points) == 3
    with pytest.raises(ValueError, match="X must have shape"):
        plots.plot_class_regions(predict, np.zeros((3, 3)), y, ["a", "b"], ["A", "B", "C"])


def test_plot_weight_matrix_prints_values_with_a_symmetric_scale():
    V = np.array([[1.0, -2.0], [0.5, 0.0]])
    image = plots.plot_weight_matrix(V, ["bias", "x1"], ["u1", "u2"])
    assert [t.get_text() for t in image.axes.texts] == ["1.0", "\u22122.0", "0.5", "0.0"]
    assert image.get_clim() == (-2.0, 2.0)
    # the weight colours: -2 pink, +2 green (the lead's decision for weights everywhere)
    from matplotlib.colors import to_hex

    assert to_hex(image.cmap(image.norm(-2.0))) == "#cc79a7" and to_hex(image.cmap(image.norm(2.0))) == "#009e73"
    assert image.colorbar is not None
    with pytest.raises(ValueError, match="labels"):
        plots.plot_weight_matrix(V, ["bias"], ["u1", "u2"])


def test_plot_hidden_activations_groups_birds_by_species():
    U = np.array([[0.9, 0.1], [0.1, 0.9], [0.8, 0.2]])
    y = np.array([0, 1, 0])
    image = plots.plot_hidden_activations(U, y, ["A", "B"])
    np.testing.assert_array_equal(image.get_array(), U[[0, 2, 1]])
    assert [t.get_text() for t in image.axes.get_yticklabels()] == ["A", "B"]
