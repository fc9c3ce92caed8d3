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
    ``self.dynamic`` too.
``_update(**values)``
    Called with every control's current value (buttons have none). Move the artists
    in place (``set_data``, ``set_offsets``, ``set_xy``, ...), fill ``self.state`` and
    call ``self.set_readout(html)``. Expected trouble (a diverging run) is shown with
    ``self.show_message(text)``; an unexpected exception is caught by the base and shown
    in the figure the same way, never as a traceback. Call ``self.request_full_redraw()``
    when something static changed (axis limits, tick labels).

Buttons and ``ipywidgets.Play`` are wired by the subclass (``on_click`` / ``observe``);
their handlers end with ``self.refresh()``.

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
"""

import sys
import warnings

import numpy as np

from .._validate import check_bool, check_choice, check_setting
from ._png import encode_png
from ._sync import guard_slider

CANVAS_KINDS = ("auto", "ipympl", "image", "agg")
PNG_DATA_URL = b"data:image/png;base64,"


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

        self.controls = dict(controls)
        self.state = {}
        self.dynamic = []
        self.figure = Figure(figsize=figsize, dpi=dpi, layout=None)
        self.canvas_kind = _make_canvas(self.figure, canvas)
        self.readout = widgets.HTML(layout=widgets.Layout(min_width="200px", margin="0 0 0 12px"))
        self._image = None
        if self.canvas_kind == "image":
            self._image = widgets.Image(format="url")
        self._background = None
        self._background_size = None
        self._drawing_self = False
        self._holding = False
        self._refreshing = False
        self._pending_readout = None
        self._displayed = False
        self.redraws = {"full": 0, "blit": 0}

        self._build_all()
        self.figure.canvas.mpl_connect("draw_event", self._on_draw_event)
        for name, control in self.controls.items():
            if isinstance(control, (widgets.FloatSlider, widgets.FloatLogSlider)):
                guard_slider(control)
            if "value" in control.traits() and not isinstance(control, widgets.Play):
                control.observe(self._on_control, names="value")
        self.widget = self._layout()
        self.refresh(full=True)

    def _build_all(self):
        self.dynamic = []
        self._build(self.figure)
        self.message = self.figure.text(
            0.5, 0.5, "", ha="center", va="center", fontsize=11, wrap=True, zorder=100,
            bbox={"boxstyle": "round,pad=0.6", "facecolor": "#FFF4D6", "edgecolor": "#D55E00"},
        )
        self.dynamic.append(self.message)
        # Spines sit above most artists (zorder 2.5) and overlap the axes' edge: redraw
        # them with the dynamic artists so a blitted frame equals a full draw.
        axes = {id(a.axes): a.axes for a in self.dynamic if getattr(a, "axes", None) is not None}
        for ax in axes.values():
            self.dynamic.extend(s for s in ax.spines.values() if s not in self.dynamic)

    # ----- for subclasses -------------------------------------------------------------
    def _build(self, fig):
        raise NotImplementedError

    def _update(self, **values):
        raise NotImplementedError

    #: Rows of control names, top to bottom; None puts every control in one wrapping row.
    control_rows = None

    def _layout(self):
        """The widget tree shown in a notebook: controls above, figure and readout side by side."""
        import ipywidgets as widgets

        shown = self._image if self._image is not None else self.figure.canvas
        boxes = [shown] if self.canvas_kind != "agg" else []
        rows = self.control_rows or [list(self.controls)]
        listed = {name for row in rows for name in row}
        if listed != set(self.controls):
            raise ValueError(f"control_rows must list every control once; got {rows} for {list(self.controls)}")
        row_boxes = [
            widgets.HBox([self.controls[name] for name in row],
                         layout=widgets.Layout(flex_flow="row wrap", align_items="center"))
            for row in rows
        ]
        return widgets.VBox([*row_boxes, widgets.HBox([*boxes, self.readout])])

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

    def set(self, **values):
        """Set several controls at once, with a single update at the end."""
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(f"unknown control(s) {unknown}; this explorer has {list(self.controls)}")
        for name, value in values.items():
            values[name] = check_control_value(name, self.controls[name], value)
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.refresh()
        return self

    def _on_control(self, change):
        if not self._holding:
            self.refresh()

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
            self.redraw(full=full)
        finally:
            self._refreshing = False
            html, self._pending_readout = self._pending_readout, None
            if html is not None:
                self.readout.value = html

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

    def redraw(self, full=False):
        """Draw the changed artists over the cached static background (or everything)."""
        canvas = self.figure.canvas
        full_before = self.redraws["full"]
        size = tuple(self.figure.bbox.size)
        if full or self._background is None or size != self._background_size:
            shown = [a.get_visible() for a in self.dynamic]
            for artist in self.dynamic:
                artist.set_visible(False)
            self._draw_agg()
            # The whole buffer, not copy_from_bbox: a fractional figure size cannot
            # leave an edge row or column out of what gets restored.
            self._background = np.array(canvas.buffer_rgba())
            self._background_size = size
            for artist, visible in zip(self.dynamic, shown):
                artist.set_visible(visible)
            self.redraws["full"] += 1
        else:
            np.copyto(np.asarray(canvas.buffer_rgba()), self._background)
            self.redraws["blit"] += 1
        renderer = canvas.get_renderer()
        for artist in sorted(self.dynamic, key=lambda a: a.get_zorder()):
            if artist.get_visible():
                artist.draw(renderer)
        if self.canvas_kind == "ipympl":
            self._push_ipympl_frame(full_frame=self.redraws["full"] != full_before)
        else:
            canvas.blit(self.figure.bbox)
        if self._image is not None and self._displayed:
            self._image.value = png_data_url(self.figure)

    def _push_ipympl_frame(self, full_frame):
        """Send the new pixels to the browser through ipympl's canvas.

        After a full redraw a whole frame is sent rather than a diff, so a browser
        that missed a diff cannot keep a stale picture.
        """
        canvas = self.figure.canvas
        if full_frame:
            canvas._force_full = True
        canvas.blit(self.figure.bbox)

    def pixels(self):
        """The figure's current pixels, an (h, w, 4) uint8 array (a copy)."""
        return np.array(self.figure.canvas.buffer_rgba())

    # ----- showing it in a notebook -----------------------------------------------------
    def __repr__(self):
        shown = ", ".join(f"{k}={v!r}" for k, v in self.values.items())
        return f"{type(self).__name__}({shown})"

    def _repr_mimebundle_(self, include=None, exclude=None, **kwargs):
        import base64

        self._displayed = True
        png = base64.b64encode(png_bytes(self.figure))
        if self._image is not None:
            self._image.value = PNG_DATA_URL + png
        bundle = self.widget._repr_mimebundle_(**kwargs) or {}
        bundle["text/plain"] = repr(self)
        # Viewers without a kernel (GitHub, nbviewer) show the current frame instead.
        bundle["image/png"] = png.decode("ascii")
        return bundle
