"""chain_rule_explorer driven from Python: values and derivatives checked against hand formulas."""

import math

import numpy as np
import pytest

from helpers.widgets import chain_rule_explorer


@pytest.fixture
def explorer():
    return chain_rule_explorer(canvas="agg")


def _sig(t):
    return 1 / (1 + math.exp(-t))


def test_sin_of_square_matches_the_lecture(explorer):
    for x in (-2.0, -0.5, 0.0, 1.0, 2.5):
        explorer.controls["x"].value = x
        st = explorer.state
        assert st["values"] == pytest.approx([x, x * x, math.sin(x * x)])
        assert st["local_derivatives"] == pytest.approx([2 * x, math.cos(x * x)])
        assert st["dz_dx"] == pytest.approx(2 * x * math.cos(x * x), abs=1e-12)
        assert st["product"] == pytest.approx(st["dz_dx"], abs=1e-12)


def test_one_neuron_chain_by_hand(explorer):
    explorer.set(expression="one neuron", x=0.4)
    # v = (-1, 2), w = (0.5, -1.5)
    r = -1 + 2 * 0.4
    u = _sig(r)
    s = 0.5 - 1.5 * u
    z = _sig(s)
    st = explorer.state
    assert st["values"] == pytest.approx([0.4, r, u, s, z])
    assert st["local_derivatives"] == pytest.approx([2.0, u * (1 - u), -1.5, z * (1 - z)])
    dz_dx = 2.0 * u * (1 - u) * -1.5 * z * (1 - z)
    assert st["dz_dx"] == pytest.approx(dz_dx)
    # backward values: dz/ds, dz/du, dz/dr, dz/dx
    assert st["backward"] == pytest.approx([dz_dx, dz_dx / 2.0, -1.5 * z * (1 - z), z * (1 - z), 1.0])


def test_slider_moves_the_tangent_and_the_figure(explorer):
    before = explorer.pixels()
    explorer.controls["x"].value = -1.2
    assert not np.array_equal(before, explorer.pixels())
    xs, zs = explorer.tangent.get_data()
    slope = (zs[1] - zs[0]) / (xs[1] - xs[0])
    assert slope == pytest.approx(2 * -1.2 * math.cos(1.44))
    assert explorer.point.get_data()[1][0] == pytest.approx(math.sin(1.44))
    assert explorer.graph.product.get_text().startswith("dz/dx = (-2.400) \u00d7")
    assert [t.get_text() for t in explorer.graph.locals] == ["-2.400", f"{math.cos(1.44):.3f}"]


def test_expression_dropdown_redraws_graph_and_curve(explorer):
    before = explorer.pixels()
    explorer.controls["expression"].value = "one neuron"
    assert not np.array_equal(before, explorer.pixels())
    assert len(explorer.graph.values) == 5
    zs = explorer.curve.get_data()[1]
    assert np.all((zs > 0) & (zs < 1))  # a sigmoid output
    explorer.controls["expression"].value = "z = sin(x²)"
    assert len(explorer.graph.values) == 3
    assert "error" not in explorer.state


def test_readout_lists_forward_and_backward(explorer):
    explorer.controls["x"].value = 1.0
    html = explorer.readout.value
    assert "0.8415" in html  # sin(1)
    assert "1.0806" in html  # 2 cos(1)


@pytest.mark.parametrize("kwargs, error", [({"expression": "cos(x)"}, ValueError), ({"x": 7.0}, ValueError),
                                           ({"x": "1"}, TypeError)])
def test_bad_arguments(kwargs, error):
    with pytest.raises(error, match=f"^{list(kwargs)[0]} must be"):
        chain_rule_explorer(canvas="agg", **kwargs)
