"""What every explorer's controls and picture need to be usable on a laptop and by everyone.

The explorer base calls these once per explorer, so no explorer can forget them:

- :func:`label_controls`: every control gets a tooltip (ipywidgets 8 would otherwise
  write ``title="null"`` on its label) and labels, buttons and menus as wide as their
  text, so no label is cut with an ellipsis.
- :func:`play_button`: a ``Play`` widget is shown as one named Play/Pause toggle.
- :func:`selected_style`: the chosen button of a ``ToggleButtons`` stands out in the
  theme's inverse colours with a check mark, not by two nearly equal greys.
- :func:`described_image`: the figure's ``<img>`` gets a text alternative (its title),
  which the base rewrites from the explorer's ``_describe()`` on every update.
- :func:`labeller`: a hidden widget whose few lines of JavaScript name what no ipywidgets
  trait reaches: each slider's handle (``aria-label`` from its label) and the picture's
  ``alt`` (from its title).

Everything else goes through ipywidgets' own traits (tooltip, style, layout, icon) and
links, plus one scoped style rule (see ``CSS``). ipywidgets and anywidget are imported on
first use, so that importing an explorer module stays light.
"""

import functools

# The class the base gives every explorer's outer box: the style below touches nothing else.
EXPLORER_CLASS = "nn-explorer"
# The chosen option of a ToggleButtons is only a shade of grey darker (#bdbdbd on #eee in
# JupyterLab Light, #616161 on #424242 in Dark). No ipywidgets trait styles the chosen
# option alone: ``icons`` can mark it, but changing them rebuilds the buttons and throws
# away the keyboard focus of a learner who just chose one. So one rule, scoped to the
# explorers: the chosen option takes the theme's inverse colours (white on #424242 in
# Light, black on #eee in Dark) and a check mark. It lives in an HTML widget inside the
# explorer, so it comes and goes with the explorer's output and needs no install.
CSS = f"""<style>
.{EXPLORER_CLASS} .widget-toggle-buttons .widget-toggle-button.mod-active {{
  background: var(--jp-inverse-layout-color2);
  color: var(--jp-ui-inverse-font-color0);
  font-weight: bold;
}}
.{EXPLORER_CLASS} .widget-toggle-buttons .widget-toggle-button.mod-active::after {{ content: " \\2713"; }}
</style>"""


# The labeller's front end (an anywidget module, run by anywidget's prebuilt JupyterLab
# extension: nothing to build). ipywidgets 8.1 draws a slider's handle as noUiSlider's
# <div role="slider"> with no accessible name: the label beside it is a <label> without
# "for", and no trait reaches the handle's attributes (jupyter-widgets/ipywidgets#2650).
# It names each handle after its slider's label, and copies the picture's title (the
# kernel's description of it) to its alt, within its own explorer's box only. A
# MutationObserver keeps both up to date as the page changes (a new frame's title,
# handles drawn anew); it runs in the page alone: the labeller has no state to sync,
# so it sends no message to the kernel, per move or ever.
LABELLER_ESM = f"""
const ROOT = ".{EXPLORER_CLASS}";

function sliderName(handle) {{
  const slider = handle.closest(".widget-slider");
  const label = slider && slider.querySelector(".widget-label");
  return label ? (label.textContent.trim() || label.getAttribute("title") || "") : "";
}}

function setIfChanged(element, attribute, value) {{
  if (value && element.getAttribute(attribute) !== value) element.setAttribute(attribute, value);
}}

function label(root) {{
  for (const handle of root.querySelectorAll('[role="slider"]')) {{
    setIfChanged(handle, "aria-label", sliderName(handle));
  }}
  for (const img of root.querySelectorAll("img[title]")) {{
    setIfChanged(img, "alt", img.getAttribute("title"));
  }}
}}

function render({{ el }}) {{
  // Our element joins the explorer's box only after render has run: look again
  // shortly until it has (or give up, shown outside an explorer).
  let observer = null, timer = null, tries = 0;
  const attach = () => {{
    const root = el.closest(ROOT);
    if (!root) {{
      if (++tries < 200) timer = setTimeout(attach, 50);
      return;
    }}
    label(root);
    observer = new MutationObserver(() => label(root));
    // Our own writes (aria-label, alt) are not watched, so they cannot loop.
    observer.observe(root, {{ subtree: true, childList: true, characterData: true,
                              attributes: true, attributeFilter: ["title"] }});
  }};
  attach();
  return () => {{ clearTimeout(timer); if (observer) observer.disconnect(); }};
}}

export default {{ render }};
"""


def labeller():
    """A hidden widget that names its explorer's slider handles and gives its picture alt text.

    See ``LABELLER_ESM``. Hidden (``display: none``), it is still rendered: ipywidgets
    creates the view of every child of a box, and anywidget calls ``render`` for it.
    """
    import ipywidgets as widgets

    return _labeller_class()(layout=widgets.Layout(display="none"))


@functools.lru_cache(maxsize=None)
def _labeller_class():
    import anywidget

    class Labeller(anywidget.AnyWidget):
        _esm = LABELLER_ESM

    return Labeller


def described_image(**kwargs):
    """An ``ipywidgets.Image`` whose ``tooltip`` reaches the page as the ``<img>``'s title.

    A title is an image's accessible name when it has no alt text, and a tooltip for the
    mouse. ipywidgets 8.1 writes a widget's tooltip as its element's title only when the
    widget's ``description`` is empty, reading ``description`` without checking that the
    model has one; an ``Image`` has none, so an ``Image`` with a tooltip fails to render
    ("Click to show javascript error"). Syncing an empty description gives that check the
    string it expects; nothing else reads it.
    """
    return _described_image_class()(**kwargs)


@functools.lru_cache(maxsize=None)
def _described_image_class():
    import ipywidgets as widgets
    from traitlets import Unicode

    class DescribedImage(widgets.Image):
        description = Unicode("").tag(sync=True)

    return DescribedImage


def _plain(description):
    """A description as text: the labels are plain text, tooltips must be too."""
    return description.replace("\u00a0", " ").strip()


def label_controls(controls, help=None):
    """Give every control a tooltip and room for its whole label (in place).

    ipywidgets 8 copies a control's ``tooltip`` to its label's ``title`` attribute as it
    is; the default ``None`` turns into the text "null", which the browser shows on
    hover. Here every control gets a real tooltip: ``help[name]`` when given, its label
    otherwise. A label's width follows its text (``description_width="initial"``), and
    toggle buttons and menus are as wide as their longest option, so nothing is cut.
    """
    import ipywidgets as widgets

    help = help or {}
    for name, control in controls.items():
        traits = control.traits()
        description = _plain(getattr(control, "description", "") or "")
        if "tooltip" in traits and control.tooltip is None:
            control.tooltip = help.get(name) or description or name
        style = getattr(control, "style", None)
        if style is not None and "description_width" in style.traits():
            style.description_width = "initial"
        if isinstance(control, widgets.ToggleButtons):
            control.style.button_width = "initial"
            # Its label is inline and its buttons a block: a flex box keeps them on one line.
            _relayout(control, display="flex", align_items="center")
        if isinstance(control, widgets.Dropdown):
            # A fixed width cut long options ("Adelie/Ge..."): the menu sizes to its options.
            _relayout(control, width="max-content")
    return controls


def _relayout(control, **changes):
    """Give ``control`` its own copy of its layout with ``changes``.

    Explorers share one ``Layout`` among several controls; changing it in place would
    change them all.
    """
    import ipywidgets as widgets

    layout = control.layout
    kept = {k: getattr(layout, k) for k in layout.keys if not k.startswith("_") and getattr(layout, k) is not None}
    control.layout = widgets.Layout(**{**kept, **changes})


def selected_style():
    """A hidden widget holding the one style rule ipywidgets has no trait for (see ``CSS``)."""
    import ipywidgets as widgets

    return widgets.HTML(CSS, layout=widgets.Layout(display="none"), tooltip="")


def play_button(play, tooltip=None, lock=None):
    """A Play/Pause toggle with a name, standing in for ``play``'s three icon-only buttons.

    ipywidgets' ``Play`` draws icon buttons without text or label, which a screen reader
    announces as "button". The toggle is linked to ``play.playing`` in the kernel, so the
    ``Play`` keeps ticking in the browser as before (it stays in the page, hidden: its view
    runs the timer) and code that sets ``play.playing`` moves the toggle too.

    The link holds ``lock`` (the explorer's) while it copies a value across: the toggle
    (pressed in the browser, on a kernel subshell thread) and ``playing`` (set by Reset
    on another) may change at once, and a ``traitlets.link`` caught between two threads
    raises "Broken link".
    """
    import threading

    import ipywidgets as widgets

    tooltip = tooltip or "plays one step after another; press again to pause"
    toggle = widgets.ToggleButton(value=bool(play.playing), tooltip=tooltip,
                                  layout=widgets.Layout(width="auto"))

    def show(_=None):
        toggle.description, toggle.icon = ("Pause", "pause") if toggle.value else ("Play", "play")

    show()
    toggle.observe(show, names="value")
    lock = lock or threading.RLock()

    def copy(target, name):
        def on_change(change):
            with lock:
                if getattr(target, name) != change["new"]:
                    setattr(target, name, change["new"])
        return on_change

    toggle.observe(copy(play, "playing"), names="value")
    play.observe(copy(toggle, "value"), names="playing")
    play.layout.display = "none"
    return toggle


def number(value, digits=2):
    """A number for a sentence: rounded, trailing zeros dropped, a real minus sign, never −0.

    >>> number(-0.1), number(0.2), number(0.0), number(-0.0004), number(2.50, 3)
    ('−0.1', '0.2', '0', '0', '2.5')
    """
    text = f"{round(float(value), digits) + 0.0:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace("-", "\u2212")


def numbers(values, digits=2):
    """A vector for a sentence: ``(−0.1, 0.2, 0)``."""
    return "(" + ", ".join(number(v, digits) for v in values) + ")"
