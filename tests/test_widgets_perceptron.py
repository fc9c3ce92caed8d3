"""perceptron_explorer driven from Python, as a learner's slider moves would drive it."""

import numpy as np
import pytest

from helpers.widgets import perceptron_explorer


@pytest.fixture
def explorer():
    return perceptron_explorer(canvas="agg")


def _segment(explorer):
    return np.column_stack(explorer.boundary.line.get_data())


def _on_line(w, point):
    return abs(w[0] + w[1] * point[0] + w[2] * point[1]) < 1e-9


def test_defaults_are_the_lecture_starting_weights(explorer):
    np.testing.assert_allclose(explorer.state["w"], [-0.1, 0.2, 0.0])
    # s on (0,0),(0,1),(1,0),(1,1) = -0.1, -0.1, 0.1, 0.1 (lecture: s = 0.1 on (1,0))
    np.testing.assert_allclose(explorer.state["s"], [-0.1, -0.1, 0.1, 0.1])
    assert explorer.state["misclassified"] == 1  # only (1,0) is wrong
    # loss = max(0, -(-1)(0.1)) on (1,0) = 0.1
    assert explorer.state["loss"] == pytest.approx(0.1)


def test_each_weight_slider_moves_the_boundary(explorer):
    for name, value in (("w0", -1.0), ("w1", 1.0), ("w2", 1.0)):
        before = explorer.pixels()
        explorer.controls[name].value = value
        assert not np.array_equal(before, explorer.pixels()), name
    w = explorer.state["w"]
    np.testing.assert_allclose(w, [-1, 1, 1])
    seg = _segment(explorer)
    # s = -1 + x1 + x2: the drawn line passes through (1,0) and (0,1).
    for end in seg:
        assert _on_line(w, end)
    a, b = seg
    for p in ((1.0, 0.0), (0.0, 1.0)):
        t = np.dot(np.subtract(p, a), b - a) / np.dot(b - a, b - a)
        assert 0 <= t <= 1


def test_and_solution_from_the_exercise(explorer):
    explorer.set(w0=-1.5, w1=1.0, w2=1.0)
    assert explorer.state["accuracy"] == 1.0
    assert explorer.state["loss"] == 0.0
    assert len(explorer.boundary.errors.get_offsets()) == 0
    assert "accuracy: <b>100%</b>" in explorer.readout.value


def test_dataset_dropdown_switches_points_and_counts(explorer):
    explorer.set(w0=-1.5, w1=1.0, w2=1.0)
    explorer.controls["dataset"].value = "XOR"
    # s = (-1.5, -0.5, -0.5, 0.5) vs XOR: (0,1), (1,0), (1,1) wrong.
    assert explorer.state["misclassified"] == 3
    rings = sorted(map(tuple, explorer.boundary.errors.get_offsets()))
    assert rings == [(0, 1), (1, 0), (1, 1)]
    # losses max(0, -ys): 0.5 + 0.5 + 0.5
    assert explorer.state["loss"] == pytest.approx(1.5)
    explorer.controls["dataset"].value = "OR"
    assert explorer.state["misclassified"] == 2  # (0,1) and (1,0) fall below the line


def test_activation_toggle_changes_labels_not_boundary(explorer):
    explorer.set(w0=-1.5, w1=1.0, w2=1.0)
    seg = _segment(explorer)
    explorer.controls["activation"].value = "step"
    np.testing.assert_array_equal(explorer.state["prediction"], [0, 0, 0, 1])
    np.testing.assert_array_equal(explorer.state["y"], [0, 0, 0, 1])
    np.testing.assert_allclose(_segment(explorer), seg)
    assert explorer.state["accuracy"] == 1.0


def test_readout_lists_each_point(explorer):
    html = explorer.readout.value
    assert html.count("<tr>") == 5  # header + 4 points
    assert "(1, 0)" in html and "&#10007;" in html


def test_custom_data_is_first_in_the_dropdown():
    X = np.array([[0.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    y = np.array([-1.0, 1.0, 1.0])
    e = perceptron_explorer(X=X, y=y, name="birds", w=(-1, 1, 0), canvas="agg")
    assert e.controls["dataset"].options[0] == "birds"
    # s = -1 + x1: (0,2) predicted negative but is positive.
    assert e.state["misclassified"] == 1
    e.controls["dataset"].value = "AND"
    assert len(e.state["y"]) == 4


def test_bad_arguments_name_themselves():
    with pytest.raises(ValueError, match="dataset must be one of 'AND', 'OR', 'NAND', 'XOR'; got 'NOR'"):
        perceptron_explorer("NOR", canvas="agg")
    with pytest.raises(ValueError, match=r"w must have shape \(3\)"):
        perceptron_explorer(w=(1, 2), canvas="agg")
    with pytest.raises(ValueError, match="activation must be one of 'sign', 'step'"):
        perceptron_explorer(activation="relu", canvas="agg")
    with pytest.raises(ValueError, match=r"X must have shape \(any, 2\)"):
        perceptron_explorer(X=np.zeros((3, 3)), y=np.zeros(3), canvas="agg")
    with pytest.raises(ValueError, match=r"y must have shape \(3\)"):
        perceptron_explorer(X=np.zeros((3, 2)), y=np.zeros(2), canvas="agg")


def test_repr_is_stable_for_nbval(explorer):
    assert repr(explorer) == "PerceptronExplorer(dataset='AND', activation='sign', w0=-0.1, w1=0.2, w2=0.0, add=1.0)"
