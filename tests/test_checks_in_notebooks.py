"""The stored notebooks ask before they tell.

Every exercise ships unanswered: its cell still holds the ``...`` placeholder and its stored
output is the checker's "your answer is still ..." hint; no stored output anywhere says
"Correct!". Nothing above an exercise gives its answer away. Every section says whether it
is core or optional, every notebook how long its core path takes, and the README's lab plan
agrees with the notebooks.
"""

import json
import pathlib
import re

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CHECK_CALL = re.compile(r"\bchecks\.(check_\w+)\(")


def cells(path):
    return json.loads(path.read_text())["cells"]


def text(value):
    return "".join(value) if isinstance(value, list) else value


def output_texts(cell):
    """Every piece of text a stored code cell shows (stream text, text/plain and text/html)."""
    for output in cell.get("outputs", []):
        if "text" in output:
            yield text(output["text"])
        for kind in ("text/plain", "text/html"):
            if kind in output.get("data", {}):
                yield text(output["data"][kind])


def visible(cell):
    """What a reader sees of a cell before opening anything: its source without the
    collapsed <details> blocks, and its stored outputs."""
    source = re.sub(r"<details>.*?</details>", "", text(cell["source"]), flags=re.S)
    return "\n".join([source, *output_texts(cell)])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_stored_output_says_correct(path):
    for i, cell in enumerate(cells(path)):
        for shown in output_texts(cell):
            assert "Correct!" not in shown, f"{path.name} cell {i} stores {shown[:120]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_exercise_ships_unanswered(path):
    exercises = 0
    for i, cell in enumerate(cells(path)):
        if cell["cell_type"] != "code" or not CHECK_CALL.search(text(cell["source"])):
            continue
        exercises += 1
        assert len(CHECK_CALL.findall(text(cell["source"]))) == 1, f"{path.name} cell {i}: one checker per cell"
        assert "..." in text(cell["source"]), f"{path.name} cell {i} has no ... placeholder"
        shown = [t for t in output_texts(cell)]
        assert shown, f"{path.name} cell {i} stores no output"
        plain = [text(o["data"]["text/plain"]) for o in cell["outputs"] if "text/plain" in o.get("data", {})]
        assert len(cell["outputs"]) == 1 and len(plain) == 1, f"{path.name} cell {i}: {cell['outputs']}"
        assert plain[0].startswith("Not yet: your answer is still ..."), f"{path.name} cell {i}: {plain[0]!r}"
    assert exercises >= 1, f"{path.name} has no exercise"


# Answers that must not be visible above their exercise: (notebook, checker) -> strings.
# Notebook 01's AND weights must not appear in 00 either.
LEAKS = {
    ("01_perceptron", "check_gate_weights"): ["-1.5, 1, 1", "-1.5, 1.0, 1.0", "[-1.5  1.   1. ]"],
    ("01_perceptron", "check_xor_impossible"): ["half-plane holds", "Contradiction"],
    ("02_activations", "check_sigmoid_slope"): ["0.105", "0.1050"],
    ("02_activations", "check_combined_weights"): ["[[-0.5], [-2.0]]", "[[-0.5]\n [-2. ]]"],
    ("03_gradient_descent", "check_update_rule"): ["[1.8 0.5]", "[1.8, 0.5]"],
    ("03_gradient_descent", "check_learning_rates"): ["1-D: crawling", "1-D: zigzagging", "1-D: diverging"],
    ("03_gradient_descent", "check_update_count"): ["21 updates", "n_updates = 21"],
    ("04_perceptron_sgd", "check_next_two_steps"): ["[-0.2  0.2  0. ]", "[-0.2, 0.2, 0.0]"],
    ("04_perceptron_sgd", "check_which_converge"): ["XOR : stopped", "no line separates XOR"],
    ("04_perceptron_sgd", "check_lr_from_zero"): ["w / lr", "changes nothing but the"],
    ("05_chain_rule", "check_shared_node_gradient"): ["dz/dx = 7", "with the bug: x.grad"],
    ("05_chain_rule", "check_grad_before_backward"): ["every grad is still 0", "x.grad = 0", "[0.0, 0.0, 0.0]"],
    ("05_chain_rule", "check_backward"): ["parent.grad += local * node.grad", "for node in reversed(order)",
                                          "parent.grad = local * node.grad          # the bug"],
    ("05_chain_rule", "check_backward_twice"): ["after call 2", "x.grad = -4", "three times as large",
                                                "doubles"],
    ("06_mlp_backprop", "check_hidden_gradient"): ["def _backward", "dL_dr = dL_du", "np.outer(x_with_1",
                                                   "dL/dv by the equations", "x.T @ dL_dr"],
    ("06_mlp_backprop", "check_bce_with_sigmoid"): ["simplifies beautifully", "cancels"],
    ("06_mlp_backprop", "check_output_gradient"): ["-0.4452", "-0.2875", "-0.2337", "-0.287474"],
    ("07_real_birds", "check_separable_pair"): ["sit apart in every panel", "Gentoo stand apart"],
    ("07_real_birds", "check_accuracy"): ["0.9651", "83 of 86", "test accuracy 0.", "test accuracy: 0."],
    ("07_real_birds", "check_confusion_matrix"): ["[[37  1  0]"],
    ("08_review", "check_perceptron_steps"): ["[-0.1  0.2  0.1]", "[-0.1, 0.2, 0.1]"],
    ("08_review", "check_chain_rule"): ["1.8845", "-1.884521"],
    ("08_review", "check_last_layer_gradient"): ["-0.475", "-0.2375", "-0.1188"],
    ("09_deeper_networks", "check_tower_gradient"): ["slope *= u * (1 - u)", "1.52e-04", "5.88e-02",
                                                     "0.00015"],
}


@pytest.mark.parametrize("notebook, checker", sorted(LEAKS))
def test_nothing_above_an_exercise_gives_its_answer(notebook, checker):
    path = ROOT / "notebooks" / f"{notebook}.ipynb"
    before = []
    for cell in cells(path):
        if checker in CHECK_CALL.findall(text(cell["source"])):
            break
        before.append(cell)
    else:
        pytest.fail(f"{notebook} has no exercise calling {checker}")
    if notebook == "01_perceptron":
        before = cells(ROOT / "notebooks" / "00_introduction.ipynb") + before
    seen = "\n".join(visible(cell) for cell in before)
    for answer in LEAKS[notebook, checker]:
        assert answer not in seen, f"{answer!r} is visible above {notebook}'s {checker} exercise"


def test_the_leak_scan_would_see_a_leak():
    cell = {"cell_type": "code", "source": ["x = 1"], "outputs": [{"output_type": "stream", "text": ["0.1050\n"]}]}
    assert "0.1050" in visible(cell)
    hidden = {"cell_type": "markdown", "source": ["<details><summary>Solution</summary>\n0.1050\n</details>"]}
    assert "0.1050" not in visible(hidden)


MINUTES = re.compile(r"\*\*Time:\*\* the core path takes about (\d+) minutes")


def core_minutes(path):
    found = MINUTES.findall(text(cells(path)[0]["source"]))
    assert len(found) == 1, f"{path.name}: the first cell must state the core minutes once"
    return int(found[0])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_section_is_marked_core_or_optional(path):
    headings = [line for cell in cells(path) if cell["cell_type"] == "markdown"
                for line in text(cell["source"]).splitlines() if line.startswith("## ")]
    assert headings, path.name
    for heading in headings:
        assert heading.endswith(("(core)", "(optional)")), f"{path.name}: {heading!r}"
    assert 5 <= core_minutes(path) <= 40


def test_readme_lab_plan_matches_the_notebooks():
    readme = (ROOT / "README.md").read_text()
    plan = readme[readme.index("## Lab plan"):]
    plan = plan[:plan.index("\n## ", 4)]
    in_lab = 0
    for path in NOTEBOOKS:
        row = [line for line in plan.splitlines() if f"({path.name})" in line or f"/{path.name})" in line]
        assert len(row) == 1, f"the lab plan has no single row for {path.name}"
        minutes = re.findall(r"\| (\d+) min", row[0])
        assert minutes and int(minutes[0]) == core_minutes(path), row[0]
        if row[0].startswith("| lab |"):
            in_lab += int(minutes[0])
    total = re.search(r"core path in the lab: (\d+) minutes", plan, re.I)
    assert total and int(total.group(1)) == in_lab <= 150, (in_lab, total)
