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
    assert explorer.graph.product.get_text().startswith("(\u22122.4000) \u00d7")
    assert [t.get_text() for t in explorer.graph.locals] == ["\u22122.4000", "0.1304"]  # cos(1.44) = 0.13042...


def _printed(text):
    from decimal import Decimal

    return Decimal(text.replace("\u2212", "-").strip("()"))


def test_printed_products_multiply_out_or_say_approximately(explorer):
    # Issue 17: "2.000 x 0.007 x (-1.500) x 0.198 = -0.0039" is -0.0042 by hand. Every
    # printed product must multiply out at the printed digits, or be marked with ≈.
    marked = 0
    for expression in ("z = sin(x²)", "one neuron"):
        explorer.controls["expression"].value = expression
        for x in np.round(np.arange(-3.0, 3.0001, 0.05), 2):
            explorer.controls["x"].value = float(x)
            text = right = explorer.graph.product.get_text()
            sign = "=" if " = " in right else "\u2248"
            factors, result = right.split(f" {sign} ")
            product = np.prod([_printed(t) for t in factors.split(" \u00d7 ")])  # by hand, in decimal
            if sign == "=":
                assert round(product, 4) == _printed(result), text
            else:
                marked += 1
                assert round(product, 4) != _printed(result), text
            assert float(_printed(result)) == pytest.approx(explorer.state["product"], abs=5e-5)
            texts = [t.get_text() for t in explorer.graph.dynamic] + [explorer.readout.value]
            assert not any("\u22120.0000" in t or "-0.0000" in t for t in texts), x
            assert text in explorer.readout.value  # the readout prints the same line
    assert marked > 0  # some products are approximate at four decimals, and say so


def test_the_one_neuron_product_of_the_issue(explorer):
    explorer.set(expression="one neuron", x=3.0)
    # r = -1 + 2*3 = 5, u = sigmoid(5) = 0.993307, u(1 - u) = 0.006648;
    # s = 0.5 - 1.5 u = -0.989961, z = sigmoid(s) = 0.270964, z(1 - z) = 0.197542
    # product 2 x 0.006648 x (-1.5) x 0.197542 = -0.0039398
    assert explorer.graph.product.get_text() == (
        "2.0000 \u00d7 0.0066 \u00d7 (\u22121.5000) \u00d7 0.1975 = \u22120.0039")


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
