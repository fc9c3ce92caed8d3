"""Every notebook on a laptop, with a keyboard, with a screen reader's eyes, in the dark theme.

What a learner meets beyond "it works": at 1000, 1400 and 1920 px wide (with JupyterLab's
file browser open) nothing in an output scrolls sideways and no label is cut; axe-core
finds no serious or critical problem in the outputs; Tab reaches every control, arrow keys
move sliders and Space/Enter press buttons; the picture's text alternative follows every
move; the dark theme stays readable; and the playground survives Reset pressed during Play.
"""

import base64
import random
import time

import pytest

import labdriver
from explorer_specs import SPECS

NOTEBOOKS = labdriver.notebook_names()
PLAYGROUNDS = [n for n in NOTEBOOKS if any(s.description == "mlp_playground" for s in SPECS.get(n[:-6], []))]

# ipywidgets 8.1 gives a slider's handle (noUiSlider's div with role="slider") no name: its
# label is a sibling <label> without "for", and no trait reaches the handle's attributes
# (aria-label, aria-labelledby, title). Naming it needs JavaScript in the page, which this
# collection does not ship; upstream: jupyter-widgets/ipywidgets#2650. Kept out of the
# zero-violations test and pinned by an expected failure below, which turns into an error
# the day ipywidgets names its handles, so this exception cannot outlive its reason.
UNNAMED_SLIDER = "aria-input-field-name"


def require_run(page):
    assert page.run_error is None, f"{page.name} did not finish Run All:\n{page.run_error}"


def _split_slider_handles(violations):
    rest, handles = [], []
    for v in violations:
        if v["id"] == UNNAMED_SLIDER:
            handles += [n for n in v["nodes"] if "noUi-handle" in n["html"]]
            others = [n for n in v["nodes"] if "noUi-handle" not in n["html"]]
            if others:
                rest.append({**v, "nodes": others})
        else:
            rest.append(v)
    return rest, handles


def _describe(violations):
    return "\n".join(f"- {v['id']} ({v['impact']}): {v['help']}: " + "; ".join(n["target"] for n in v["nodes"][:4])
                     for v in violations)


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_readable_at_laptop_and_desktop_widths(notebook_page):
    """No sideways scrolling, no widget past the edge, no cut label, no "null" tooltip; a
    mouse can land on 0 on every slider that holds it (at least 2 px per step)."""
    require_run(notebook_page)
    lab = notebook_page.lab_page
    problems = []
    try:
        for width in labdriver.WIDTHS:
            lab.set_width(width)
            problems += [f"at {width} px: {p}" for p in notebook_page.layout_problems()]
            access = notebook_page.kernel_explorer_access()
            for explorer, held in zip(notebook_page.explorers(), access):
                notebook_page.screenshot(f"explorer{explorer.index}-{width}px", locator=explorer.box)
                for label, track in explorer.slider_tracks():
                    lo, hi, step, log = held["sliders"][label]
                    if not log and lo <= 0 <= hi and track * step / (hi - lo) < 2:
                        problems.append(f"at {width} px: explorer {explorer.index}'s slider {label!r} gives each "
                                        f"step {track * step / (hi - lo):.2f} px of its {track:.0f} px track")
    finally:
        lab.set_width(labdriver.LAPTOP["width"])
    assert not problems, f"{notebook_page.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_no_serious_accessibility_problems(notebook_page):
    """axe-core, run on the notebook's widget outputs: no serious or critical violation.

    (Static figures are out of its scope: JupyterLab renders an image/png output as an
    <img> without alt text and offers no way to give it one.)
    """
    require_run(notebook_page)
    violations, _ = _split_slider_handles(notebook_page.accessibility_violations())
    assert not violations, f"{notebook_page.name}: axe-core finds in the outputs:\n{_describe(violations)}"


@pytest.mark.xfail(strict=True, reason="ipywidgets 8.1 cannot name a slider's handle without JavaScript "
                                       "(jupyter-widgets/ipywidgets#2650)")
@pytest.mark.parametrize("notebook_page", [n for n in NOTEBOOKS if SPECS.get(n[:-6])][:1], indirect=True)
def test_slider_handles_have_names(notebook_page):
    require_run(notebook_page)
    _, handles = _split_slider_handles(notebook_page.accessibility_violations())
    assert not handles, f"{len(handles)} slider handles without an accessible name"


def _signature(explorer):
    buttons = explorer.box.evaluate("b => [...b.querySelectorAll('button')].map(x => x.className + x.textContent).join('|')")
    return explorer.figure_signature(), explorer.readout_text(), buttons


def _wait_for_change(explorer, before, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = _signature(explorer)
        if now != before and now[0] is not None:
            return True
        explorer.page.wait_for_timeout(50)
    return False


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_keyboard_alone_reaches_and_works_every_control(notebook_page):
    """Tab reaches every control; arrow keys move a slider and its picture's text follows;
    Space and Enter press every button that can be pressed."""
    require_run(notebook_page)
    page = notebook_page.page
    for explorer in notebook_page.explorers():
        where = f"{notebook_page.stem} explorer {explorer.index}"
        focusable, reached = explorer.tab_through()
        missed = [f["name"] or f"element {f['index']}" for f in focusable if f["control"] and f["index"] not in reached]
        assert not missed, f"{where}: Tab never reaches {missed}"
        assert reached == sorted(reached), f"{where}: Tab jumps around: {reached}"

        handles = [f for f in focusable if f["name"].startswith("slider ")]
        if handles:
            handle = explorer.focusable(handles[0]["index"])
            before = explorer.picture_text()
            value = handle.get_attribute("aria-valuetext")
            handle.focus()
            for key in ("ArrowRight", "ArrowRight", "ArrowLeft"):
                page.keyboard.press(key)
            page.keyboard.press("ArrowRight" if value != handle.get_attribute("aria-valuemax") else "ArrowLeft")
            assert handle.get_attribute("aria-valuetext") != value, f"{where}: arrow keys did not move {handles[0]['name']}"
            explorer.wait_until_settled()
            text = notebook_page.kernel_explorer_access()[explorer.index]["alt"]
            assert explorer.picture_text() == text, f"{where}: the picture's text is not the kernel's description"
            assert text != before, f"{where}: the picture's text did not change with the slider: {text!r}"

        for number, f in enumerate(x for x in focusable if x["control"] and not x["name"].startswith("slider ")):
            element = explorer.focusable(f["index"])
            if element.evaluate("e => e.tagName !== 'BUTTON' || e.disabled || e.classList.contains('mod-active')"):
                continue  # a menu, a disabled button, or the toggle option already chosen
            key = ("Space", "Enter")[number % 2]
            label = element.inner_text().strip()
            before = _signature(explorer)
            element.focus()
            page.keyboard.press(key)
            assert _wait_for_change(explorer, before), f"{where}: {key} on button {label!r} changed nothing"
            if label == "Play":  # it plays now: pause it, with the other key
                other = ("Enter", "Space")[number % 2]
                page.keyboard.press(other)
                page.wait_for_function("e => e.textContent.trim() === 'Play'", arg=element.element_handle(), timeout=10000)
            explorer.wait_until_settled()
    assert not notebook_page.page_errors, f"errors in the page: {notebook_page.page_errors}"


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_dark_theme_stays_readable(notebook_page):
    """In JupyterLab Dark: no serious contrast (or other) violation, and the chosen toggle
    button is marked by a check mark, not by a shade of grey alone."""
    require_run(notebook_page)
    lab = notebook_page.lab_page
    try:
        lab.set_theme(labdriver.DARK)
        for explorer in notebook_page.explorers():
            notebook_page.screenshot(f"explorer{explorer.index}-dark", locator=explorer.box)
        violations, _ = _split_slider_handles(notebook_page.accessibility_violations())
        marks = notebook_page.panel.evaluate("""p => [...p.querySelectorAll('.widget-toggle-buttons')].map(g =>
            [...g.querySelectorAll('button')].map(b => [b.textContent.trim(), b.classList.contains('mod-active'),
                                                     !!b.querySelector('i.fa-check')]))""")
    finally:
        lab.set_theme(labdriver.LIGHT)
    assert not violations, f"{notebook_page.name} in the dark theme:\n{_describe(violations)}"
    for group in marks:
        assert all(active == checked for _, active, checked in group), f"check marks do not follow the choice: {group}"
        assert sum(active for _, active, _ in group) == 1, f"not exactly one option chosen: {group}"


_PY_FULL_DRAW = r'''exec("""
import base64, gc
from matplotlib.backends.backend_agg import FigureCanvasAgg
from helpers.widgets import Explorer
from helpers.widgets._base import png_bytes
for e in gc.get_objects():
    if isinstance(e, Explorer) and e.widget.model_id == MODEL:
        e._drawing_self = True  # a plain full draw that leaves the explorer's cache alone
        try:
            FigureCanvasAgg.draw(e.figure.canvas)
        finally:
            e._drawing_self = False
        print(base64.b64encode(png_bytes(e.figure)).decode())
""".replace("MODEL", repr(MODEL_ID)), {})'''


@pytest.mark.parametrize("notebook_page", PLAYGROUNDS, indirect=True)
def test_reset_during_play_keeps_the_figure(notebook_page):
    """Press Play, then Reset while it trains, again and again: the picture must still show
    the network, the points, the shading and the curves (it equals a full draw), not only
    the titles and the ticks (issue 17: a Play tick cached a background with every dynamic
    artist hidden)."""
    require_run(notebook_page)
    explorer = notebook_page.explorers()[0]
    play = explorer.box.locator("button.widget-toggle-button", has_text="Play").first
    reset = explorer.box.locator("button", has_text="Reset").first
    rng = random.Random(17)
    for _ in range(12):
        if play.inner_text().strip() == "Play":
            play.click()
        explorer.page.wait_for_timeout(rng.randint(120, 700))
        reset.click()
    explorer.page.wait_for_timeout(500)
    if play.inner_text().strip() == "Pause":
        play.click()
    explorer.wait_until_settled(quiet=1.0)
    shown = base64.b64decode(explorer.figure.get_attribute("src").split(",", 1)[1])
    model_id = notebook_page.kernel_explorer_access()[explorer.index]["id"]
    full = base64.b64decode(notebook_page.run_in_kernel(_PY_FULL_DRAW.replace("MODEL_ID", repr(model_id))))
    notebook_page.screenshot("reset-during-play-shown", png=shown)
    notebook_page.screenshot("reset-during-play-full-draw", png=full)
    differ = labdriver.pixels_differ(shown, full)
    total = labdriver.image_of(full).shape[0] * labdriver.image_of(full).shape[1]
    assert differ <= 0.001 * total, (
        f"after Reset during Play the picture differs from a full draw in {differ} of {total} pixels "
        f"({differ / total:.1%}): it lost its data (see screenshots/{notebook_page.stem}-reset-during-play-*.png)")

