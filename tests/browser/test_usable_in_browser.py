"""Every notebook on a laptop, with a keyboard, with a screen reader's eyes, in the dark theme.

What a learner meets beyond "it works": at 1000, 1400 and 1920 px wide (with JupyterLab's
file browser open) nothing in an output scrolls sideways and no label is cut; axe-core
finds no serious or critical problem in the outputs; Tab reaches every control, arrow keys
move sliders and Space/Enter press buttons; the picture's text alternative follows every
move; the dark theme stays readable; and the playground survives Reset pressed during Play.
"""

import base64
import random
import re
import time

import pytest

import labdriver
from explorer_specs import SPECS

NOTEBOOKS = labdriver.notebook_names()
PLAYGROUNDS = [n for n in NOTEBOOKS if any(s.description == "mlp_playground" for s in SPECS.get(n[:-6], []))]


def require_run(page):
    assert page.run_error is None, f"{page.name} did not finish Run All:\n{page.run_error}"


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
                    if not log and lo <= 0 <= hi and hi > lo and track * step / (hi - lo) < 2:
                        problems.append(f"at {width} px: explorer {explorer.index}'s slider {label!r} gives each "
                                        f"step {track * step / (hi - lo):.2f} px of its {track:.0f} px track")
    finally:
        lab.set_width(labdriver.LAPTOP["width"])
    assert not problems, f"{notebook_page.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_no_serious_accessibility_problems(notebook_page):
    """axe-core, run on the notebook's widget outputs: no serious or critical violation,
    with no exception (the slider handles included: the explorers' labeller names them).

    (Static figures are out of its scope: JupyterLab renders an image/png output as an
    <img> without alt text and offers no way to give it one.)
    """
    require_run(notebook_page)
    notebook_page.wait_for_labeller()
    violations = notebook_page.accessibility_violations()
    assert not violations, f"{notebook_page.name}: axe-core finds in the outputs:\n{_describe(violations)}"


@pytest.mark.parametrize("notebook_page", [n for n in NOTEBOOKS if SPECS.get(n[:-6])], indirect=True)
def test_slider_handles_have_names(notebook_page):
    """Every slider handle of every explorer is named after the label a learner reads beside
    it, and the picture's alt text is the kernel's description of it (the labeller's work:
    ipywidgets 8.1 names neither, jupyter-widgets/ipywidgets#2650)."""
    require_run(notebook_page)
    notebook_page.wait_for_labeller()
    access = notebook_page.kernel_explorer_access()
    for explorer, held in zip(notebook_page.explorers(), access):
        where = f"{notebook_page.stem} explorer {explorer.index}"
        names = explorer.slider_handle_names()
        kernel = sorted(labdriver.plain(d) for d in held["sliders"])
        assert sorted(label for label, _ in names) == kernel, f"{where}: sliders {names}, the kernel's {kernel}"
        unnamed = [label for label, name in names if name != label]
        assert not unnamed, f"{where}: handles not named after their label: {names}"
        alt = explorer.figure.get_attribute("alt")
        assert alt == held["alt"] and alt.strip(), f"{where}: the picture's alt is {alt!r}, the kernel says {held['alt']!r}"


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
            # numbers, not strings: an int slider at its top says valuetext "6" but valuemax "6.0"
            at_top = float(value) == float(handle.get_attribute("aria-valuemax"))
            page.keyboard.press("ArrowLeft" if at_top else "ArrowRight")
            assert handle.get_attribute("aria-valuetext") != value, f"{where}: arrow keys did not move {handles[0]['name']}"
            explorer.wait_until_settled()
            text = notebook_page.kernel_explorer_access()[explorer.index]["alt"]
            assert explorer.picture_text() == text, f"{where}: the picture's text is not the kernel's description"
            assert text != before, f"{where}: the picture's text did not change with the slider: {text!r}"

        for number, f in enumerate(x for x in focusable if x["control"] and not x["name"].startswith("slider ")):
            explorer.box.evaluate(labdriver._JS_MARK_FOCUSABLE)  # a press may have re-drawn the buttons
            element = explorer.focusable(f["index"])
            if element.evaluate("e => e.tagName !== 'BUTTON' || e.disabled || e.classList.contains('mod-active')"):
                continue  # a menu, a disabled button, or the toggle option already chosen
            key = ("Space", "Enter")[number % 2]
            label = element.inner_text().strip()
            before = _signature(explorer)
            element.focus()
            page.keyboard.press(key)
            assert _wait_for_change(explorer, before), f"{where}: {key} on button {label!r} changed nothing"
            kept = explorer.box.evaluate("b => b.contains(document.activeElement) && document.activeElement.tagName === 'BUTTON'")
            assert kept, f"{where}: after {key} on {label!r} the keyboard focus left the button"
            if label == "Play":  # it plays now: pause it, with the other key
                other = ("Enter", "Space")[number % 2]
                page.keyboard.press(other)
                page.wait_for_function("e => e.textContent.trim() === 'Play'", arg=element.element_handle(), timeout=10000)
            explorer.wait_until_settled()
    assert not notebook_page.page_errors, f"errors in the page: {notebook_page.page_errors}"


# For each ToggleButtons in the outputs: WCAG contrast ratios of the chosen option's
# background against the others' (non-text contrast, 3:1 needed) and of its text against
# its background (4.5:1), and whether it carries a check mark.
_JS_CHOSEN_CONTRAST = """(panel) => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
                     return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  return [...panel.querySelectorAll('.widget-toggle-buttons')].filter(g => g.getClientRects().length).map(g => {
    const buttons = [...g.querySelectorAll('button')];
    const chosen = buttons.filter(b => b.classList.contains('mod-active'));
    const other = buttons.find(b => !b.classList.contains('mod-active'));
    if (chosen.length !== 1 || !other) return {label: g.textContent.trim(), chosen: chosen.length};
    const c = getComputedStyle(chosen[0]), o = getComputedStyle(other);
    return {label: g.textContent.trim(), chosen: 1, background: ratio(c.backgroundColor, o.backgroundColor),
            text: ratio(c.color, c.backgroundColor), check: getComputedStyle(chosen[0], '::after').content.includes('\u2713')};
  });
}"""


def _chosen_option_problems(notebook_page, theme):
    problems = []
    for group in notebook_page.panel.evaluate(_JS_CHOSEN_CONTRAST):
        if group["chosen"] != 1:
            problems.append(f"{theme}: {group['label']!r} shows {group['chosen']} chosen options")
        elif group["background"] < 3 or group["text"] < 4.5 or not group["check"]:
            problems.append(f"{theme}: the chosen option of {group['label']!r} stands out by {group['background']:.1f}:1 "
                            f"(needs 3:1), its text {group['text']:.1f}:1 (needs 4.5:1), check mark: {group['check']}")
    return problems


@pytest.mark.parametrize("notebook_page", NOTEBOOKS, indirect=True)
def test_dark_theme_stays_readable(notebook_page):
    """In JupyterLab Dark: no serious contrast (or other) violation; in both themes the chosen
    option of a ToggleButtons stands out (3:1 against the others) and carries a check mark."""
    require_run(notebook_page)
    lab = notebook_page.lab_page
    problems = _chosen_option_problems(notebook_page, "light")
    try:
        lab.set_theme(labdriver.DARK)
        for explorer in notebook_page.explorers():
            notebook_page.screenshot(f"explorer{explorer.index}-dark", locator=explorer.box)
        violations = notebook_page.accessibility_violations()
        problems += _chosen_option_problems(notebook_page, "dark")
    finally:
        lab.set_theme(labdriver.LIGHT)
    assert not violations, f"{notebook_page.name} in the dark theme:\n{_describe(violations)}"
    assert not problems, f"{notebook_page.name}:\n" + "\n".join(problems)


# Kernel side: the picture a brand-new explorer of the same class and control values
# draws, as base64 PNG: what the explorer shown must look like after a calm Reset.
_PY_REFERENCE = r'''exec("""
import base64, gc, inspect
from helpers.widgets import Explorer
from helpers.widgets._base import png_bytes
for e in gc.get_objects():
    if isinstance(e, Explorer) and e.widget.model_id == MODEL:
        accepted = inspect.signature(type(e)).parameters
        fresh = type(e)(**{k: v for k, v in e.values.items() if k in accepted and k != "play"}, canvas="agg")
        fresh.set(**{k: v for k, v in e.values.items() if k in fresh.controls and k != "play"})
        print(base64.b64encode(png_bytes(fresh.figure)).decode())
""".replace("MODEL", repr(MODEL_ID)), {})'''


@pytest.mark.parametrize("notebook_page", PLAYGROUNDS, indirect=True)
def test_reset_during_play_keeps_the_figure(notebook_page):
    """Press Play, then Reset while it trains, again and again; pause, Reset once more: the
    picture must show the network, the points, the shading and the curves of epoch 0, as a
    brand-new playground draws them, not only the titles and the ticks (issue 17: a Play
    tick and Reset drew at the same time and left the data hidden for good)."""
    require_run(notebook_page)
    explorer = notebook_page.explorers()[0]
    play = explorer.box.locator("button.widget-toggle-button", has_text=re.compile("^(Play|Pause)$")).first
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
    reset.click()  # a calm Reset: epoch 0, as a fresh playground starts
    explorer.wait_until_settled(quiet=1.0)
    shown = base64.b64decode(explorer.figure.get_attribute("src").split(",", 1)[1])
    model_id = notebook_page.kernel_explorer_access()[explorer.index]["id"]
    fresh = base64.b64decode(notebook_page.run_in_kernel(_PY_REFERENCE.replace("MODEL_ID", repr(model_id))))
    notebook_page.screenshot("reset-during-play-shown", png=shown)
    notebook_page.screenshot("reset-during-play-fresh", png=fresh)
    differ = labdriver.pixels_differ(shown, fresh)
    height, width, _ = labdriver.image_of(fresh).shape
    assert differ <= 0.001 * height * width, (
        f"after Reset during Play the picture differs from a fresh playground's in {differ} of {height * width} "
        f"pixels ({differ / (height * width):.0%}): it lost its data "
        f"(see screenshots/{notebook_page.stem}-reset-during-play-shown.png and -fresh.png)")
