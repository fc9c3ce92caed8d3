"""Mouse input on an explorer's picture: clicks and drags reach Python as pixel positions.

Where the events come from
--------------------------
``canvas="image"`` (the default in a notebook): ipyevents, a maintained widget that
listens to the ``<img>`` of the explorer's ``ipywidgets.Image`` and sends its mouse events
to the kernel. For an ``Image`` it reports ``dataX``/``dataY``: the position in the
picture's own pixels (it rescales when the picture is shown smaller than its natural
size), origin at the top left. ``prevent_default_action`` stops the browser from
dragging the picture away as an image file, so a drag reaches us as mousemove events.
mousemove is throttled (:data:`MOVE_WAIT_MS`): a drag then sends at most one move per
frame the kernel can draw, instead of a queue the figure lags behind.

``canvas="ipympl"``: ipympl's own canvas events (``mpl_connect``), converted to the same
pixel positions.

``canvas="agg"`` (tests, benchmarks) has no events: :meth:`Explorer.pointer` and
:meth:`Explorer.click` drive the same code path from Python.

``benchmarks/browser_latency.py --mouse`` measures both paths in JupyterLab/Chromium.

From pixels to data
-------------------
:func:`to_data` maps a pixel of the picture through the figure's transforms to the
data coordinates of the axes under it, and :func:`to_pixel` goes back; the test
suite checks that a click at the pixel of a data point lands within a pixel of it.
"""

MOVE_WAIT_MS = 25  # a drag's moves: at most one per 25 ms (the kernel draws a frame in 5-15)
EVENTS = {"mousedown": "down", "mousemove": "move", "mouseup": "up", "mouseleave": "up"}


def to_data(figure, axes_list, x, y):
    """The axes of ``axes_list`` under pixel (x, y) (origin top left) and the data point there.

    Returns ``(None, None)`` when no axes of the list is under it.
    """
    display = (float(x), figure.bbox.height - float(y))
    for ax in axes_list:
        if ax.bbox.contains(*display):
            return ax, tuple(float(v) for v in ax.transData.inverted().transform(display))
    return None, None


def data_in(ax, figure, x, y):
    """The data point of ``ax`` at pixel (x, y), inside the axes or not (a drag may leave it)."""
    display = (float(x), figure.bbox.height - float(y))
    return tuple(float(v) for v in ax.transData.inverted().transform(display))


def to_pixel(ax, x, y):
    """The pixel (origin top left, as a mouse reports it) where data point (x, y) of ``ax`` is drawn."""
    dx, dy = ax.transData.transform((float(x), float(y)))
    return float(dx), float(ax.figure.bbox.height - dy)


def connect(explorer):
    """Send the mouse events of ``explorer``'s picture to ``explorer.pointer``; returns what listens.

    ``None`` on a headless canvas, or when ipyevents is not installed (the explorer then
    works by its controls alone, and says so in its ``mouse_note``).
    """
    if explorer.canvas_kind == "image":
        try:
            from ipyevents import Event
        except ImportError:
            explorer.mouse_note = "ipyevents is not installed: clicks on the picture do nothing (pip install ipyevents)"
            return None
        events = Event(source=explorer._image, watched_events=list(EVENTS), prevent_default_action=True,
                       throttle_or_debounce="throttle", wait=MOVE_WAIT_MS)

        def on_event(event):
            kind = EVENTS.get(event.get("event"))
            if kind is None or "dataX" not in event:
                return
            if kind == "move" and not (event.get("buttons", 0) & 1):
                return  # the mouse passes over the picture without a button held: not a drag
            explorer.pointer(kind, event["dataX"], event["dataY"], shift=bool(event.get("shiftKey")))

        events.on_dom_event(on_event)
        return events
    if explorer.canvas_kind == "ipympl":
        canvas = explorer.figure.canvas
        height = lambda: explorer.figure.bbox.height  # noqa: E731

        def handler(kind):
            def on_event(event):
                if kind == "move" and not event.button:
                    return
                shift = "shift" in str(event.key or "")
                explorer.pointer(kind, event.x, height() - event.y, shift=shift)
            return on_event

        return [canvas.mpl_connect("button_press_event", handler("down")),
                canvas.mpl_connect("motion_notify_event", handler("move")),
                canvas.mpl_connect("button_release_event", handler("up"))]
    return None
