"""Every notebook, opened and run in JupyterLab in Chromium, and every explorer played with.

Unit tests and nbval prove the kernel side; these prove what a learner sees: the
notebook runs with Run All without an error on the page, every figure is drawn, and
every explorer answers its controls (keyboard, mouse drag, dropdown, button) with a
redrawn figure and the right numbers in its readout.
"""

import re
import time

import pytest

import labdriver
from explorer_specs import SPECS

NOTEBOOKS = labdriver.notebook_names()
MIN_INK = 0.005  # at least 0.5 % of a figure's pixels differ from its background


def require_run(page):
    assert page.run_error is None, f"{page.name} did not finish Run All:\n{page.run_error}"


def test_collection_has_notebooks():
    assert NOTEBOOKS, f"no notebooks found in {labdriver.NOTEBOOKS}"


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_runs_without_errors(notebook_page):
    """Run All finishes and no cell shows an error, a traceback or stderr output."""
    require_run(notebook_page)
    problems = notebook_page.problems()
    assert not problems, f"{notebook_page.name} in JupyterLab:\n" + "\n".join(problems)


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_every_figure_is_drawn(notebook_page):
    """Each figure (image or ipympl canvas) has ink, and every explorer has its spec."""
    require_run(notebook_page)
    blank = []
    for i, figure in enumerate(notebook_page.figures()):
        png = notebook_page.wait_for_ink(figure, MIN_INK)
        notebook_page.screenshot(f"figure{i:02d}", png=png)
        if labdriver.ink_fraction(png) < MIN_INK:
            blank.append(i)
    assert not blank, f"{notebook_page.name}: figures {blank} are blank (see screenshots/)"
    explorers = notebook_page.explorers()
    listed = len(SPECS.get(notebook_page.stem, []))
    assert len(explorers) == listed, (
        f"{notebook_page.name} shows {len(explorers)} explorer(s) but tests/browser/explorer_specs.py "
        f"lists {listed}: give every explorer an entry saying which controls to move"
    )
    for explorer in explorers:
        png = notebook_page.wait_for_ink(explorer.figure, MIN_INK)
        assert labdriver.ink_fraction(png) >= MIN_INK, f"explorer {explorer.index}'s figure is blank"
        notebook_page.screenshot(f"explorer{explorer.index}", locator=explorer.box)


def _control_values(explorer):
    values = {label: explorer.slider_value(slider) for label, slider in explorer.sliders()}
    values.update({label: explorer.dropdown_value(dropdown) for label, dropdown in explorer.dropdowns()})
    return values


def _find(controls, pattern, kind):
    matches = [control for label, control in controls if re.fullmatch(pattern, label)]
    labels = [label for label, _ in controls]
    assert len(matches) == 1, f"{kind} {pattern!r}: {len(matches)} controls match among {labels}"
    return matches[0]


def _check_spec_covers_controls(explorer, spec):
    """Every control a learner can touch is moved; sliders by keyboard and by mouse."""
    moved = {(move.control, move.how) for move in spec.moves}
    missing = []
    for label, _ in explorer.sliders():
        for how in ("keys", "drag"):
            if not any(re.fullmatch(c, label) and h == how for c, h in moved):
                missing.append(f"slider {label!r} by {how}")
    for label, _ in explorer.dropdowns():
        if not any(re.fullmatch(c, label) and h == "choose" for c, h in moved):
            missing.append(f"dropdown {label!r}")
    for label, _ in explorer.buttons():
        if not any(re.fullmatch(c, label) and h == "click" for c, h in moved):
            missing.append(f"button {label!r}")
    assert not missing, "explorer_specs.py leaves controls untested: " + ", ".join(missing)


def _perform(explorer, move):
    if move.how == "point":
        axes, x, y, *shift = move.amount
        explorer.click_data(axes, x, y, shift=bool(shift and shift[0]))
    elif move.how == "drag" and isinstance(move.amount, tuple):  # across the picture, not a slider
        explorer.drag_data(*move.amount)
    elif move.how in ("keys", "drag"):
        slider = _find(explorer.sliders(), move.control, "slider")
        before = explorer.slider_value(slider)
        amount = move.amount
        for attempt in range(2):  # at the end of its range a slider moves the other way
            if move.how == "keys":
                explorer.press_slider(slider, "ArrowRight" if amount > 0 else "ArrowLeft", abs(amount))
            else:
                explorer.drag_slider(slider, amount)
            after = explorer.slider_value(slider)
            if (after - before) * amount > 0:
                return
            amount = -amount
        raise AssertionError(f"slider {move.control!r} did not move by {move.how} ({before} -> {after})")
    elif move.how == "choose":
        dropdown = _find(explorer.dropdowns(), move.control, "dropdown")
        current = explorer.dropdown_value(dropdown)
        choices = [option for option in move.amount if option != current]
        explorer.choose(dropdown, choices[0])
    else:
        _find(explorer.buttons(), move.control, "button").click()


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_explorers_answer_their_controls(notebook_page):
    """Move each control as a learner would: the figure redraws, the readout is right."""
    require_run(notebook_page)
    explorers = notebook_page.explorers()
    specs = SPECS.get(notebook_page.stem, [])
    assert len(explorers) == len(specs), f"{notebook_page.name}: {len(explorers)} explorers, {len(specs)} specs"
    in_kernel = notebook_page.kernel_explorer_values()
    assert len(in_kernel) == len(explorers), f"the kernel holds {len(in_kernel)} of the {len(explorers)} explorers shown"
    for explorer, spec in zip(explorers, specs):
        _check_page_shows_kernel_state(notebook_page, explorer)
        _play_with(notebook_page, explorer, spec)
    assert not notebook_page.page_errors, f"errors in the page: {notebook_page.page_errors}"


def _check_page_shows_kernel_state(notebook_page, explorer, timeout=10):
    """After Run All the controls show the values the notebook's code left in the kernel."""
    deadline = time.monotonic() + timeout
    while True:
        kernel_values = notebook_page.kernel_explorer_values()[explorer.index]
        page_values = _control_values(explorer)
        differ = {
            label: (page_values[label], value)
            for label, value in kernel_values.items()
            if label in page_values and not _same(page_values[label], value)
        }
        if not differ or time.monotonic() > deadline:
            break
        explorer.page.wait_for_timeout(200)
    assert not differ, (
        f"{notebook_page.stem} explorer {explorer.index}: after Run All the page shows a different state "
        f"than the kernel holds (control: (page, kernel)): {differ}"
    )


def _same(shown, held):
    """A control's value as the page shows it equals the kernel's (log sliders show exponents)."""
    if isinstance(held, (int, float)) and not isinstance(held, bool):
        shown = float(shown)
        return abs(shown - held) < 1e-6 or abs(10**shown - held) < 1e-6 * max(1.0, abs(held))
    return str(shown).replace("\xa0", " ") == str(held)  # the page shows spaces in labels as no-break spaces


def _wait_for_readout(notebook_page, explorer, expect, timeout=10):
    """Wait (for the kernel) until the readout shows what ``expect`` computes from the
    controls' values in the kernel; return the expected texts still missing and the readout."""
    deadline = time.monotonic() + timeout
    while True:
        readout = explorer.readout_text()
        values = notebook_page.kernel_explorer_values()[explorer.index]
        missing = [text for text in expect(values) if text not in readout]
        if not missing or time.monotonic() > deadline:
            return missing, readout
        explorer.page.wait_for_timeout(100)


def _play_with(notebook_page, explorer, spec):
    index = explorer.index
    _check_spec_covers_controls(explorer, spec)
    notebook_page.wait_for_ink(explorer.figure, MIN_INK)
    signature, _ = explorer.wait_until_settled()
    if spec.readout is not None:
        missing, readout = _wait_for_readout(notebook_page, explorer, spec.readout)
        assert not missing, f"{notebook_page.stem} explorer {index} after Run All: readout lacks {missing!r}: {readout!r}"
    figure = explorer.figure_png()
    for step, move in enumerate(spec.moves, start=1):
        what = f"{notebook_page.stem} explorer {index} move {step} ({move.how} {move.control!r} {move.amount!r})"
        _perform(explorer, move)
        if move.redraw:
            explorer.wait_for_redraw(signature)
        missing, readout = _wait_for_readout(notebook_page, explorer, move.expect) if move.expect else ([], "")
        signature, _ = explorer.wait_until_settled()
        new_figure = explorer.figure_png()
        tag = re.sub(r"[^A-Za-z0-9]+", "", move.control)[:20]
        notebook_page.screenshot(f"explorer{index}-move{step:02d}-{move.how}-{tag}", locator=explorer.box)
        changed = labdriver.pixels_differ(figure, new_figure)
        if move.redraw:
            assert changed, f"{what}: the figure did not change"
        elif move.redraw is not None:
            assert not changed, f"{what}: the figure changed ({changed} pixels) but should not"
        assert not missing, f"{what}: readout should contain {missing!r}, shows {readout!r}"
        figure = new_figure
