"""The explorers' labeller, alone in a page: what its few lines of JavaScript do to the DOM.

The notebooks' browser tests check the end result in JupyterLab (axe-core finds no
unnamed slider; every handle is named after its label; the picture's alt follows each
move). Here its module runs in Chromium on a small copy of the DOM ipywidgets 8.1 draws
for a slider, so each promise is checked on its own and fast: it waits for its element
to join an explorer's box, names every handle there after its slider's label (handles
drawn later too), copies the picture's title to its alt whenever the title changes,
leaves everything outside its own explorer alone, and stops when its view is removed.
"""

import json

import pytest

from helpers.widgets import _access


def _slider(label, value="0.20"):
    """A slider as ipywidgets 8.1 draws it: the label is a sibling, the handle a noUiSlider div."""
    return (f'<div class="lm-Widget jupyter-widgets widget-inline-hbox widget-slider widget-hslider">'
            f'<label class="widget-label" title="{label}">{label}</label>'
            f'<div class="slider-container"><div class="slider noUi-target noUi-ltr noUi-horizontal">'
            f'<div class="noUi-base"><div class="noUi-origin"><div class="noUi-handle noUi-handle-lower" '
            f'data-handle="0" tabindex="0" role="slider" aria-orientation="horizontal" aria-valuemin="-3.0" '
            f'aria-valuemax="3.0" aria-valuenow="0.2" aria-valuetext="{value}"></div></div></div></div></div>'
            f'<div class="widget-readout" contenteditable="true">{value}</div></div>')


FIRST_ALT = "Boundary s = 0 for w = (\u22120.1, 0.2, 0): 3 of 4 points correct"
W0, LR = "w\u2080", "lr\u00a0(\u03b7)"
PAGE = (f'<!doctype html><html><body><div id="explorer" class="{_access.EXPLORER_CLASS}">'
        f'<div id="controls">{_slider(W0)}{_slider(LR)}</div>'
        f'<img id="picture" title="{FIRST_ALT}"></div>'
        f'<div id="elsewhere">{_slider("not ours")}<img id="other" title="another picture"></div></body></html>')

# Load the labeller's module as anywidget does (a Blob URL), render it into a detached
# element (as ipywidgets does: the box inserts a child's element after its render) and
# keep the cleanup function for the test.
_JS_RENDER = """async (esm) => {
  const url = URL.createObjectURL(new Blob([esm], {type: 'text/javascript'}));
  const module = await import(url);
  const el = document.createElement('div');
  window.cleanup = await module.default.render({model: {}, el});
  setTimeout(() => document.getElementById('explorer').appendChild(el), 120);
}"""

_JS_NAMES = """() => [...document.querySelectorAll('[role="slider"]')].map(h =>
  [h.closest('.widget-slider').querySelector('.widget-label').textContent, h.getAttribute('aria-label')])"""


@pytest.fixture
def page(playwright_browser):
    page = playwright_browser.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_content(PAGE)
    page.evaluate(_JS_RENDER, _access.LABELLER_ESM)
    page.wait_for_function("() => document.querySelector('#explorer [role=slider]').hasAttribute('aria-label')",
                           timeout=5000)
    yield page
    page.close()
    assert not errors, f"errors in the page: {errors}"


def _alt(page, selector):
    return page.get_attribute(selector, "alt")


def test_handles_are_named_after_their_label_in_its_explorer_only(page):
    assert page.evaluate(_JS_NAMES) == [[W0, W0], [LR, LR], ["not ours", None]]
    assert _alt(page, "#picture") == FIRST_ALT
    assert _alt(page, "#other") is None


def test_a_new_title_becomes_the_alt_and_new_handles_get_names(page):
    page.evaluate("() => document.getElementById('picture').setAttribute('title', 'Boundary for w = (0.4, 0.2, 0)')")
    page.wait_for_function("() => document.getElementById('picture').alt === 'Boundary for w = (0.4, 0.2, 0)'",
                           timeout=2000)
    # Redrawn controls: a slider of another name replaces the first one.
    page.evaluate(f"() => document.getElementById('controls').innerHTML = {json.dumps(_slider('units'))}")
    page.wait_for_function("() => document.querySelector('#controls [role=slider]').getAttribute('aria-label') === 'units'",
                           timeout=2000)
    # A label that changes its text renames its handle.
    page.evaluate("() => document.querySelector('#controls .widget-label').textContent = 'hidden units'")
    page.wait_for_function(
        "() => document.querySelector('#controls [role=slider]').getAttribute('aria-label') === 'hidden units'",
        timeout=2000)
    assert page.evaluate(_JS_NAMES)[-1] == ["not ours", None]


def test_it_stops_when_its_view_is_removed(page):
    page.evaluate("() => window.cleanup()")
    page.evaluate("() => document.getElementById('picture').setAttribute('title', 'a later picture')")
    page.wait_for_timeout(300)
    assert _alt(page, "#picture") != "a later picture"
