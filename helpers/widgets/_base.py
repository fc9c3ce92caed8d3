"""The one base class of every explorer: controls + a figure updated in place.

How an explorer works
---------------------
An explorer owns ``controls`` (a dict name -> ipywidget), a matplotlib ``figure`` built
once, a ``readout`` (an HTML widget beside the figure) and ``state``, a dict with the
numbers its last update computed (tests and the notebooks' assert cells read it).

A subclass implements two methods:

``_build(fig)``
    Create axes and artists once. Append every artist that changes on an update to
    ``self.dynamic`` (in drawing order; sorted by zorder when drawn). A static artist that
    must stay above a dynamic one (a legend over a shaded region) belongs in
    ``self.dynamic`` too. Artists that change now and then but not on most moves (the
    bars of a run, redrawn when the run changes) can go in ``self.layer`` instead: they
    are drawn once over the static background, and again only after
    ``self.request_layer_redraw()``. They must lie above the static artists they overlap
    and below the dynamic ones.
``_update(**values)``
    Called with every control's current value (buttons have none). Move the artists
    in place (``set_data``, ``set_offsets``, ``set_xy``, ...), fill ``self.state`` and
    call ``self.set_readout(html)``. Expected trouble (a diverging run) is shown with
    ``self.show_message(text)``; an unexpected exception is caught by the base and shown
    in the figure the same way, never as a traceback. Call ``self.request_full_redraw()``
    when something static changed (axis limits, tick labels), or
    ``self.redraw_static(ax)`` when only one axes' static part changed and nothing
    else draws where it sits (a full redraw costs about ten blits; one axes, a few).
``_describe()``
    One sentence, from ``self.state``, that says what the picture shows now (the
    boundary and how many points it gets right, say). It is the picture's text
    alternative for a screen reader and its tooltip, renewed with every frame.

Buttons and ``ipywidgets.Play`` are wired by the subclass (``on_click`` / ``observe``);
their handlers end with ``self.refresh()``.

On a laptop and for everyone
----------------------------
The base gives every control a tooltip (``control_help[name]`` or its label), labels and
menus as wide as their text, the chosen option of a ``ToggleButtons`` in contrasting colours,
shows a ``Play`` as one named Play/Pause toggle, and adds a hidden labeller that names the
slider handles and gives the picture its alt text in the page (see ``_access``). The readout sits
beside the figure when there is room and wraps below it when there is not, so nothing
needs a sideways scroll.

Why blitting
------------
A full ``draw()`` of an axes with ticks and labels costs about 30 ms on these machines.
The base draws the static part once with the dynamic artists hidden, caches it
(a copy of the pixel buffer), and on each update restores it and draws only the dynamic
artists (``draw`` of each, then ``blit``): about a third of the cost.
Any full draw made by someone else (first display, a resize in the browser, savefig)
marks the cache stale, and the next update takes it again.

Where the figure lives
----------------------
``canvas="auto"`` picks ``"image"`` inside a Jupyter kernel and a plain Agg canvas
elsewhere (tests, benchmarks).

``"image"`` shows each frame in an ``ipywidgets.Image`` as a PNG data URL. It is the
fastest path from a slider to the screen that needs no JavaScript of our own:
``benchmarks/browser_latency.py`` measures it 9-16 ms (about a fifth) quicker per move
than ipympl's canvas in JupyterLab/Chromium. ipympl pays for a blob-URL round trip between
the page and the browser process, a PNG decode on the page's main thread, and a
``toDataURL`` of the whole canvas on every frame.

``"ipympl"`` uses ipympl's canvas. It sends only a diff image per move and follows the
screen's pixel density, so it is crisper on a HiDPI screen, at that cost in latency.

Either way the figure is never registered with pyplot, so ``plt.show()`` in a later cell
does not show or close it.

The readout is sent after the frame: the figure and its numbers change together, and the
frame does not queue behind the readout on its way to the browser.

One update at a time
--------------------
With ipykernel 7, JupyterLab 4.6 sends widget messages on kernel *subshells*: threads
beside the main one that runs the cells (by default one subshell for all widget comms,
optionally one per comm). So a Play tick, a button press and a cell that drives the
explorer can run at the same time. An update is not safe to interleave: a full redraw
hides every dynamic artist while it caches the background, and an update that reads
the artists' visibility in that moment would hide them for good (the blank playground of
issue 17). Every explorer therefore holds one re-entrant lock (``self.lock``) around
each update, draw and cache: :meth:`refresh`, :meth:`set`, :meth:`rebuild`,
:meth:`redraw`, showing the figure, and any full draw of the figure by someone else
(``Figure.draw`` is wrapped, so ``savefig`` or ipympl's own draw waits too).
Subclasses wrap their button and Play handlers with :func:`atomic`.
"""

import contextlib
import functools
import sys
import threading
import warnings

import numpy as np

from .._validate import check_bool, check_choice, check_number, check_setting
from ._png import encode_png
from ._sync import guard_slider

CANVAS_KINDS = ("auto", "ipympl", "image", "agg")
PNG_DATA_URL = b"data:image/png;base64,"


def atomic(method):
    """Run an explorer method under the explorer's lock (see "One update at a time")."""

    @functools.wraps(method)
    def locked(self, *args, **kwargs):
        with self.lock:
            return method(self, *args, **kwargs)

    return locked


def _in_kernel():
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


def _import_ipympl_quietly():
    """Import ipympl without letting it switch pyplot's backend; False if it is missing.

    ``import ipympl`` calls ``matplotlib.use(ipympl)`` when matplotlib is already
    loaded, which would turn every later ``plt.subplots()`` of the notebook into a
    widget and close the learner's open figures. Its ``__init__`` only looks for
    matplotlib in ``sys.modules``, so it is hidden from that one check.
    """
    if "ipympl" not in sys.modules:
        saved = sys.modules.pop("matplotlib", None)
        try:
            import ipympl  # noqa: F401
        except ImportError:
            return False
        finally:
            if saved is not None:
                sys.modules["matplotlib"] = saved
    return True


def _make_canvas(figure, kind):
    """Attach a canvas of ``kind`` to ``figure`` and return the kind chosen."""
    if kind not in CANVAS_KINDS:
        raise ValueError(f"unknown canvas {kind!r}; expected one of {', '.join(map(repr, CANVAS_KINDS))}")
    if kind == "auto":
        kind = "image" if _in_kernel() else "agg"
    if kind == "ipympl":
        _import_ipympl_quietly()
        from ipympl.backend_nbagg import Canvas, FigureManager

        canvas = Canvas(figure)
        with warnings.catch_warnings():
            # ipympl's toolbar passes its canvas on to a traitlets base that warns about it.
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="traitlets")
            FigureManager(canvas, 0)
        canvas.header_visible = False
        canvas.footer_visible = False
        canvas.toolbar_visible = False
        canvas.resizable = False
        # Explorers draw before the browser shows them. ipympl 0.10 then stores that frame
        # as a data URL without its "data:image/png;base64," prefix, the browser cannot
        # load it, the canvas view fails to start and stays 0 x 0 (a blank figure).
        # Not syncing it is safe: once shown, the browser asks for a full frame.
        canvas.syncing_data_url = False
    else:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        FigureCanvasAgg(figure)
    return kind


def png_bytes(figure):
    """The figure's current pixels as PNG bytes (no re-draw)."""
    return encode_png(np.asarray(figure.canvas.buffer_rgba()))


def png_data_url(figure):
    """The figure's current pixels as a ``data:image/png;base64,...`` URL, in bytes.

    What an ``ipywidgets.Image(format="url")`` shows. The browser decodes a data URL in
    the page itself, without the round trip to its own process that a blob URL costs.
    """
    import base64

    return PNG_DATA_URL + base64.b64encode(png_bytes(figure))


def check_control_value(name, control, value):
    """Refuse a value that ``control`` would clamp, round or reject, naming ``name`` and its range.

    A slider silently clamps a value outside its range (and an int slider rounds 2.5 to
    2); a dropdown raises traitlets' TraitError, which does not say which argument was
    wrong. Constructors check their start values with the same functions, through
    :func:`helpers._validate.check_setting` and ``check_choice``.
    """
    import ipywidgets as widgets

    if isinstance(control, widgets.FloatLogSlider):
        return check_setting(value, name, control.base ** control.min, control.base ** control.max)
    if isinstance(control, (widgets.FloatSlider, widgets.IntSlider, widgets.Play)):
        return check_setting(value, name, control.min, control.max, integer=not isinstance(control, widgets.FloatSlider))
    if isinstance(control, widgets.Checkbox):
        return check_bool(value, name)
    if hasattr(control, "options"):
        values = [o[1] if isinstance(o, tuple) else o for o in control.options]
        return check_choice(value, name, values)
    return value


class Explorer:
    """Controls wired to a figure that is updated in place (see the module docstring).

    Parameters
    ----------
    controls : dict
        Name -> ipywidget, in display order.
    figsize : (float, float)
        Figure size in inches.
    canvas : {"auto", "ipympl", "image", "agg"}
        Where the figure is drawn.
    dpi : int
        Modest by default: the stored PNG fallback keeps notebooks light.
    """

    def __init__(self, controls, figsize=(6.0, 4.0), canvas="auto", dpi=90):
        import ipywidgets as widgets
        from matplotlib.figure import Figure

        from . import _access

        self.lock = threading.RLock()
        self.controls = dict(controls)
        self.state = {}
        self.dynamic = []
        self.figure = Figure(figsize=figsize, dpi=dpi, layout=None)
        self.canvas_kind = _make_canvas(self.figure, canvas)
        # tooltip "": ipywidgets writes a None tooltip as title="null" on the (hidden) label.
        self.readout = widgets.HTML(layout=widgets.Layout(min_width="200px", margin="0 0 0 12px"), tooltip="")
        self._image = None
        if self.canvas_kind == "image":
            # No margin: a figure shrunk to the output's width must not overflow it by 4 px.
            self._image = _access.described_image(format="url", layout=widgets.Layout(margin="0"))
        self.alt_text = ""
        self._background = None  # the static part: every dynamic and layer artist hidden
        self._background_size = None
        self._composite = None  # the background with the layer drawn on it (None: to be drawn)
        self._stale_regions = []
        self._drawing_self = False
        self._holding = False
        self._refreshing = False
        self._pending_readout = None
        self._displayed = False
        self.redraws = {"full": 0, "blit": 0}
        self._pressed = None  # the axes a mouse button went down in, until it comes up
        self.mouse_note = ""  # why the picture takes no clicks, when it cannot

        self._lock_figure_draws()
        self._build_all()
        self.figure.canvas.mpl_connect("draw_event", self._on_draw_event)
        _access.label_controls(self.controls, self.control_help)
        self._play_buttons = {}
        for name, control in self.controls.items():
            if isinstance(control, widgets.Play):
                self._play_buttons[name] = _access.play_button(control, self.control_help.get(name), self.lock)
            if isinstance(control, (widgets.FloatSlider, widgets.FloatLogSlider)):
                guard_slider(control)
            if "value" in control.traits() and not isinstance(control, widgets.Play):
                control.observe(self._on_control, names="value")
        self.widget = self._layout()
        self.widget.add_class(_access.EXPLORER_CLASS)
        self.mouse = None
        if self.mouse_axes():
            from . import _mouse

            self.mouse = _mouse.connect(self)
        self.refresh(full=True)

    def _lock_figure_draws(self):
        """Make every full draw of the figure (ours, savefig, ipympl's) wait for the lock."""
        draw = self.figure.draw
        lock = self.lock

        @functools.wraps(draw)
        def locked_draw(renderer):
            with lock:
                return draw(renderer)

        self.figure.draw = locked_draw

    def _build_all(self):
        self.dynamic = []
        self.layer = []
        self._build(self.figure)
        self.message = self.figure.text(
            0.5, 0.5, "", ha="center", va="center", fontsize=11, wrap=True, zorder=100,
            bbox={"boxstyle": "round,pad=0.6", "facecolor": "white", "edgecolor": "black", "lw": 1.5},
        )
        self.dynamic.append(self.message)
        # Spines sit above most artists (zorder 2.5) and overlap the axes' edge: redraw
        # them with the dynamic artists so a blitted frame equals a full draw.
        axes = {id(a.axes): a.axes for a in self.dynamic + self.layer if getattr(a, "axes", None) is not None}
        for ax in axes.values():
            self.dynamic.extend(s for s in ax.spines.values() if s not in self.dynamic)

    # ----- for subclasses -------------------------------------------------------------
    def _build(self, fig):
        raise NotImplementedError

    def _update(self, **values):
        raise NotImplementedError

    def _describe(self):
        """What the picture shows now, in one sentence (its text alternative).

        Explorers override this with a sentence made from ``self.state``; this fallback
        reads the readout as plain text.
        """
        import html
        import re

        return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", self.readout.value or "")).split())

    def mouse_axes(self):
        """The axes that take clicks and drags (see ``_on_pointer``); none by default."""
        return []

    def _on_pointer(self, kind, ax, xy, shift):
        """A mouse event in one of :meth:`mouse_axes`: return True when the picture must follow.

        ``kind`` is "down", "move" (a drag: the button is held) or "up"; ``ax`` the axes
        the button went down in (moves and the release stay with it, even outside its box);
        ``xy`` the data point of ``ax`` under the mouse; ``shift`` whether Shift is held.
        """
        return False

    #: The factory function that makes this explorer (``to_code`` calls it).
    factory = None

    def _code_args(self):
        """Arguments of :attr:`factory` that rebuild the current state (default: the controls' values)."""
        import importlib
        import inspect

        factory = getattr(importlib.import_module(__package__), self.factory)
        accepted = inspect.signature(factory).parameters
        return {name: value for name, value in self.values.items() if name in accepted}

    @atomic
    def to_code(self):
        """One call that rebuilds this explorer as it stands now: controls, data and learned weights.

        Paste it into a cell (after ``from helpers import widgets``) to get the same figure,
        pixel for pixel; hand it to someone to share what you see.
        """
        from ._code import call

        return call(self.factory, self._code_args())

    #: Rows of control names, top to bottom; None puts every control in one wrapping row.
    control_rows = None
    #: Control name -> tooltip; a control not listed gets its label as tooltip.
    control_help = {}

    def _layout(self):
        """The widget tree shown in a notebook: controls above, figure and readout side by side."""
        import ipywidgets as widgets

        from . import _access

        shown = self._image if self._image is not None else self.figure.canvas
        boxes = [shown] if self.canvas_kind != "agg" else []
        rows = self.control_rows or [list(self.controls)]
        listed = {name for row in rows for name in row}
        if listed != set(self.controls):
            raise ValueError(f"control_rows must list every control once; got {rows} for {list(self.controls)}")
        row_boxes = [
            widgets.HBox([shown for name in row for shown in self._shown_controls(name)],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
            for row in rows
        ]
        # Wrapping, the readout goes below the figure when the two do not fit side by side.
        # Hidden: the one style rule for the chosen toggle button (see _access.CSS), and the
        # labeller that names the slider handles and sets the picture's alt in the page.
        figure_row = widgets.HBox([*boxes, self.readout, _access.selected_style(), _access.labeller()],
                                  layout=widgets.Layout(flex_flow="row wrap"))
        return widgets.VBox([*row_boxes, figure_row])

    def _shown_controls(self, name):
        """The widgets that show control ``name``: a Play shows as its named toggle."""
        control = self.controls[name]
        if name in self._play_buttons:
            return [self._play_buttons[name], control]  # the Play stays, hidden: it ticks
        return [control]

    def set_readout(self, html):
        """Show ``html`` beside the figure; during an update it is sent after the new frame."""
        if self._refreshing:
            self._pending_readout = html
        else:
            self.readout.value = html

    def show_message(self, text):
        """Show ``text`` in a box over the figure ("" hides it)."""
        self.message.set_text(text)

    def request_full_redraw(self):
        self._background = None
        self._composite = None
        self._stale_regions = []

    def request_layer_redraw(self):
        """Draw the ``layer`` artists anew over the static background at the next redraw."""
        self._composite = None

    def redraw_static(self, ax, region=None):
        """Re-render only ``ax``'s static part into the cached background at the next redraw.

        For a change confined to one axes (a network diagram of another shape, new
        limits of one chart): it costs the drawing of that axes, not of the figure.
        ``region`` is ``(x0, y0, x1, y1)`` in figure fractions, the part of the figure
        that ``ax`` with its labels occupies and nothing else draws on (default: the
        axes' box). Anything ``ax`` draws outside it is lost, so a test should compare
        the result with a full draw.
        """
        if self._background is not None:
            self._stale_regions.append((ax, region))

    @atomic
    def rebuild(self):
        """Clear the figure, build it again from scratch and draw it all.

        What ``interact`` does on every move; the latency benchmark uses it as the
        naive baseline. An explorer may also call it when its whole layout changes.
        """
        self.figure.clear()
        self._build_all()
        self.refresh(full=True)

    # ----- driving it -----------------------------------------------------------------
    @property
    def values(self):
        """Current value of every control that has one."""
        return {name: c.value for name, c in self.controls.items() if "value" in c.traits()}

    @atomic
    def set(self, **values):
        """Set several controls at once, with a single update at the end."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this explorer has {list(self.controls)}")
        for name, value in values.items():
            values[name] = check_control_value(name, self.controls[name], value)
        with self._quietly():
            for name, value in values.items():
                self.controls[name].value = value
        self.refresh()
        return self

    @contextlib.contextmanager
    def _quietly(self):
        """Move controls (values, options, ranges) without each move redrawing; the caller redraws once."""
        holding, self._holding = self._holding, True
        try:
            yield
        finally:
            self._holding = holding

    @atomic
    def _on_control(self, change):
        if not self._holding:
            self.refresh()

    @atomic
    def refresh(self, full=False):
        """Recompute from the controls and redraw; errors become a message in the figure."""
        self.show_message("")
        self.state.pop("error", None)
        self._refreshing = True
        try:
            try:
                self._update(**self.values)
            except Exception as exc:  # a widget must never show a traceback
                self.state["error"] = f"{type(exc).__name__}: {exc}"
                self.show_message(f"Cannot show this setting:\n{exc}")
            self.alt_text = self._alt_text()
            self.redraw(full=full)
        finally:
            self._refreshing = False
            html, self._pending_readout = self._pending_readout, None
            if html is not None:
                self.readout.value = html

    def _alt_text(self):
        """The picture's text alternative: ``_describe()``, or the message when it shows one."""
        if "error" in self.state:
            return f"Cannot show this setting: {self.state['error']}"
        try:
            return self._describe()
        except Exception as exc:  # a wrong sentence must not cost the learner the picture
            return f"{type(self).__name__} figure (no description: {type(exc).__name__})"

    # ----- the mouse ------------------------------------------------------------------
    @atomic
    def pointer(self, kind, x, y, shift=False):
        """A mouse event at pixel (x, y) of the picture, origin at its top left (what the mouse reports).

        ``kind`` is "down", "move" (with the button held) or "up". The browser's events come
        here (see ``_mouse``); tests and notebooks can call it too. Returns True when the
        picture changed.
        """
        from ._mouse import data_in, to_data

        kind = check_choice(kind, "kind", ("down", "move", "up"))
        x, y = check_number(x, "x"), check_number(y, "y")
        shift = check_bool(shift, "shift")
        if kind == "down":
            ax, xy = to_data(self.figure, self.mouse_axes(), x, y)
            self._pressed = ax
        else:
            ax = self._pressed
            if ax is None:
                return False  # a move or a release that no press in an axes started
            xy = data_in(ax, self.figure, x, y)
            if kind == "up":
                self._pressed = None
        if ax is None:
            return False
        changed = bool(self._on_pointer(kind, ax, xy, shift))
        if changed:
            self.refresh()
        return changed

    @atomic
    def click(self, x, y, shift=False, ax=None):
        """Click at data point (x, y) of ``ax`` (default: the first axes that takes clicks).

        It goes the mouse's way: to the pixel where (x, y) is drawn, then back through
        :meth:`pointer`. Returns the explorer, so that calls can be chained.
        """
        from ._mouse import to_pixel

        axes = self.mouse_axes()
        if not axes:
            raise ValueError(f"{type(self).__name__} takes no clicks on its picture")
        ax = axes[0] if ax is None else ax
        px, py = to_pixel(ax, check_number(x, "x"), check_number(y, "y"))
        self.pointer("down", px, py, shift)
        self.pointer("up", px, py, shift)
        return self

    # ----- drawing --------------------------------------------------------------------
    def _on_draw_event(self, event):
        if not self._drawing_self:
            self._background = None

    def _draw_agg(self):
        """Render into the canvas buffer without pushing a frame to the browser."""
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        self._drawing_self = True
        try:
            FigureCanvasAgg.draw(self.figure.canvas)
        finally:
            self._drawing_self = False

    @atomic
    def redraw(self, full=False):
        """Draw the changed artists over the cached static background (or everything)."""
        canvas = self.figure.canvas
        renderer = canvas.get_renderer()  # made, or remade at a new size, before its buffer is read
        buffer = np.asarray(canvas.buffer_rgba())
        full_before = self.redraws["full"]
        size = tuple(self.figure.bbox.size)
        hidden = self.dynamic + self.layer
        if full or self._background is None or size != self._background_size:
            shown = [a.get_visible() for a in hidden]
            for artist in hidden:
                artist.set_visible(False)
            self._draw_agg()
            # The whole buffer, not copy_from_bbox: a fractional figure size cannot
            # leave an edge row or column out of what gets restored.
            self._background = np.array(buffer)
            self._background_size = size
            self._composite = None
            for artist, visible in zip(hidden, shown):
                artist.set_visible(visible)
            self.redraws["full"] += 1
        else:
            if self._stale_regions:
                np.copyto(buffer, self._background)
                self._redraw_regions()
                self._composite = None
            self.redraws["blit"] += 1
        self._stale_regions = []
        if self.layer and self._composite is None:
            np.copyto(buffer, self._background)
            for artist in sorted(self.layer, key=lambda a: a.get_zorder()):
                if artist.get_visible():
                    artist.draw(renderer)
            self._composite = np.array(buffer)
        else:
            np.copyto(buffer, self._composite if self.layer else self._background)
        for artist in sorted(self.dynamic, key=lambda a: a.get_zorder()):
            if artist.get_visible():
                artist.draw(renderer)
        if self.canvas_kind == "ipympl":
            self._push_ipympl_frame(full_frame=self.redraws["full"] != full_before)
        else:
            canvas.blit(self.figure.bbox)
        if self._image is not None and self._displayed:
            with self._image.hold_sync():  # frame and its description in one message
                self._image.value = png_data_url(self.figure)
                self._image.tooltip = self.alt_text

    def _redraw_regions(self):
        """Draw the axes listed by :meth:`redraw_static` into a new background, region by region."""
        from matplotlib.colors import to_rgba

        canvas = self.figure.canvas
        renderer = canvas.get_renderer()
        buffer = np.asarray(canvas.buffer_rgba())
        height, width = buffer.shape[:2]
        face = np.round(np.array(to_rgba(self.figure.get_facecolor())) * 255).astype(np.uint8)
        background = self._background.copy()  # a view's cached background may share the old one
        hidden = self.dynamic + self.layer
        shown = [a.get_visible() for a in hidden]
        for artist in hidden:
            artist.set_visible(False)
        try:
            for ax, region in self._stale_regions:
                if region is None:
                    x0, y0, x1, y1 = ax.get_position().extents
                else:
                    x0, y0, x1, y1 = region
                cols = slice(max(int(np.floor(x0 * width)), 0), min(int(np.ceil(x1 * width)), width))
                rows = slice(max(int(np.floor((1 - y1) * height)), 0), min(int(np.ceil((1 - y0) * height)), height))
                buffer[rows, cols] = face
                ax.draw(renderer)
                background[rows, cols] = buffer[rows, cols]
        finally:
            for artist, visible in zip(hidden, shown):
                artist.set_visible(visible)
        self._background = background
        np.copyto(buffer, background)  # anything drawn outside the regions goes

    def _push_ipympl_frame(self, full_frame):
        """Send the new pixels to the browser through ipympl's canvas.

        After a full redraw a whole frame is sent rather than a diff, so a browser
        that missed a diff cannot keep a stale picture.
        """
        canvas = self.figure.canvas
        if full_frame:
            canvas._force_full = True
        canvas.blit(self.figure.bbox)

    @atomic
    def pixels(self):
        """The figure's current pixels, an (h, w, 4) uint8 array (a copy)."""
        return np.array(self.figure.canvas.buffer_rgba())

    # ----- showing it in a notebook -----------------------------------------------------
    def __repr__(self):
        shown = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"{type(self).__name__}({shown})"

    @atomic
    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        import base64

        self._displayed = True
        png = base64.b64encode(png_bytes(self.figure))
        if self._image is not None:
            with self._image.hold_sync():
                self._image.value = PNG_DATA_URL + png
                self._image.tooltip = self.alt_text
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        # Viewers without a kernel (GitHub, nbviewer) show the current frame instead.
        bundle["image/png"] = png.decode("ascii")
        return bundle
