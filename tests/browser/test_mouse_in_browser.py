"""The mouse on the explorers' pictures, in JupyterLab in Chromium (issue 14).

A scratch notebook in the server's copy of notebooks/ (never in the repository) shows a
perceptron explorer and a weight space explorer. A real mouse clicks and drags their
pictures; the kernel's numbers and the page's readout must follow; and the call that
``to_code()`` returns, pasted into a new cell, must draw the same picture pixel for pixel.
"""

import base64
import json
import time

import pytest

import labdriver

SCRATCH = "zz_mouse_check.ipynb"
CELLS = [
    "from helpers import widgets",
    'clicked = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0))\nclicked',
    'dragged = widgets.weight_space_explorer("AND", w=(-0.1, 0.2, 0.0))\ndragged',
]

# Kernel side: what the tests compare with the page (plain numbers as JSON).
_PY_STATE = r'''exec("""
import json
from helpers.widgets import _mouse
c, d = clicked, dragged
(x0, y0), (x1, y1) = c.ax.transData.inverted().transform([(0, 0), (1, 1)])
print(json.dumps({"points": c.points()[0].tolist(), "misclassified": c.state["misclassified"],
                  "pixel": [abs(x1 - x0), abs(y1 - y0)], "w": d.w.tolist(),
                  "line": [list(map(float, v)) for v in d.boundary.line.get_data()],
                  "weight_pixel": abs(d.weight_ax.transData.inverted().transform([(0, 0), (1, 1)])[1][0]
                                      - d.weight_ax.transData.inverted().transform([(0, 0), (1, 1)])[0][0])}))
""", globals())'''


@pytest.fixture(scope="module")
def scratch(lab_page, lab):
    import nbformat

    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in CELLS])
    nb.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    nbformat.write(nb, lab.root / "notebooks" / SCRATCH)
    notebook = lab_page.open(SCRATCH)
    notebook.run_all()
    assert not notebook.problems(), notebook.problems()
    for explorer in notebook.explorers():
        notebook.wait_for_ink(explorer.figure)
        explorer.wait_until_settled()
    yield notebook
    notebook.close()


def _state(notebook):
    printed = notebook.run_in_kernel(_PY_STATE)
    try:
        return json.loads(printed)
    except ValueError:
        raise AssertionError(f"no state from the kernel: {printed!r}") from None


def _wait(notebook, condition, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        state = _state(notebook)
        if condition(state) or time.monotonic() > deadline:
            return state
        notebook.page.wait_for_timeout(100)


def test_a_click_adds_a_point_where_it_lands_and_the_readout_counts_it(scratch):
    explorer = scratch.explorers()[0]
    before = _state(scratch)
    assert len(before["points"]) == 4 and "(1 misclassified)" in explorer.readout_text()
    signature = explorer.figure_signature()
    explorer.click_data("ax", 0.3, 0.7)  # class A: s = -0.1 + 0.06 < 0, a second mistake
    state = _wait(scratch, lambda s: len(s["points"]) == 5)
    x, y = state["points"][-1]
    dx, dy = state["pixel"]
    assert abs(x - 0.3) <= dx and abs(y - 0.7) <= dy, f"the point landed at ({x}, {y}), not within a pixel of (0.3, 0.7)"
    assert explorer.wait_for_redraw(signature)
    deadline = time.monotonic() + 10
    while "(2 misclassified)" not in explorer.readout_text() and time.monotonic() < deadline:
        scratch.page.wait_for_timeout(100)
    assert "(2 misclassified)" in explorer.readout_text()
    scratch.screenshot("click-added", locator=explorer.box)
    explorer.click_data("ax", 0.3, 0.7)  # a click on the point removes it
    assert len(_wait(scratch, lambda s: len(s["points"]) == 4)["points"]) == 4
    explorer.click_data("ax", 0.3, 0.7)  # and back, for the paste test
    assert len(_wait(scratch, lambda s: len(s["points"]) == 5)["points"]) == 5


def test_dragging_in_weight_space_moves_the_boundary(scratch):
    explorer = scratch.explorers()[1]
    signature = explorer.figure_signature()
    explorer.drag_data("weight_ax", (0.2, 0.0), (1.0, 1.0))
    state = _wait(scratch, lambda s: abs(s["w"][1] - 1.0) < 0.1 and abs(s["w"][2] - 1.0) < 0.1)
    w0, w1, w2 = state["w"]
    step = state["weight_pixel"]
    assert w0 == -0.1 and abs(w1 - 1.0) <= 2 * step and abs(w2 - 1.0) <= 2 * step, state["w"]
    xs, ys = state["line"]
    assert xs and all(abs(w0 + w1 * a + w2 * b) < 1e-9 for a, b in zip(xs, ys))  # the boundary follows
    assert explorer.wait_for_redraw(signature)
    deadline = time.monotonic() + 10
    while f"{w1:.3f}" not in explorer.readout_text() and time.monotonic() < deadline:
        scratch.page.wait_for_timeout(100)
    assert f"{w1:.3f}" in explorer.readout_text()
    scratch.screenshot("weight-space-dragged", locator=explorer.box)


# Add a code cell at the end holding ``code`` and run it, as a learner pasting it would.
_JS_PASTE_AND_RUN = """async ([path, code]) => {
  const app = window.jupyterapp;
  const panel = [...app.shell.widgets('main')].find(w => w.context && w.context.path === path);
  const notebook = panel.content;
  const index = notebook.widgets.length;
  notebook.model.sharedModel.insertCell(index, {cell_type: 'code', source: code});
  notebook.activeCellIndex = index;
  await app.commands.execute('notebook:run-cell');
  return index;
}"""


def test_pasting_to_code_into_a_new_cell_draws_the_same_picture(scratch):
    explorer = scratch.explorers()[0]
    explorer.wait_until_settled()
    code = scratch.run_in_kernel("print(clicked.to_code())").strip()
    assert code.startswith("widgets.perceptron_explorer(") and "X=" in code  # the clicked point is in it
    count = len(scratch.explorers())
    scratch.page.evaluate(_JS_PASTE_AND_RUN, [scratch.path, code])
    deadline = time.monotonic() + 60
    while len(scratch.explorers()) == count and time.monotonic() < deadline:
        scratch.page.wait_for_timeout(200)
    pasted = scratch.explorers()[-1]
    assert len(scratch.explorers()) == count + 1, "the pasted call showed no explorer"
    scratch.wait_for_ink(pasted.figure)
    pasted.wait_until_settled()
    shown = base64.b64decode(explorer.figure.get_attribute("src").split(",", 1)[1])
    again = base64.b64decode(pasted.figure.get_attribute("src").split(",", 1)[1])
    scratch.screenshot("to-code-original", png=shown)
    scratch.screenshot("to-code-pasted", png=again)
    assert labdriver.pixels_differ(shown, again) == 0
