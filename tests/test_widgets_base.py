"""The Explorer base: blitting draws the same pixels as a full draw, and errors never escape."""

import base64

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.widgets import Explorer
from drawing import full_draw_pixels as _full_draw_pixels


class Line(Explorer):
    """A slope slider and a line y = a x; a > 2 raises, a < -2 shows a message."""

    def __init__(self, canvas="agg"):
        super().__init__({"a": widgets.FloatSlider(value=1.0, min=-3, max=3)}, figsize=(3, 2), canvas=canvas)

    def _build(self, fig):
        self.ax = fig.add_subplot()
        self.ax.set_xlim(-1, 1)
        self.ax.set_ylim(-3, 3)
        (self.line,) = self.ax.plot([], [])
        self.dynamic.append(self.line)

    def _update(self, a):
        if a > 2:
            raise ArithmeticError("slope too steep")
        if a < -2:
            self.show_message("negative and steep")
        self.line.set_data([-1, 1], [-a, a])
        self.state["a"] = a
        self.set_readout(f"a = {a:.1f}")


def test_blitted_frame_equals_a_full_draw():
    e = Line()
    for a in (0.5, -1.5, 1.25):
        e.controls["a"].value = a
        blitted = e.pixels()
        assert np.array_equal(blitted, _full_draw_pixels(e))
    assert e.redraws["blit"] >= 3


def test_moving_a_control_changes_pixels_state_and_readout():
    e = Line()
    before = e.pixels()
    e.controls["a"].value = -1.0
    assert not np.array_equal(before, e.pixels())
    assert e.state["a"] == -1.0
    assert e.readout.value == "a = -1.0"
    np.testing.assert_allclose(e.line.get_ydata(), [1.0, -1.0])


def test_an_exception_becomes_a_message_in_the_figure():
    e = Line()
    e.controls["a"].value = 2.5  # must not raise
    assert "slope too steep" in e.message.get_text()
    assert e.state["error"] == "ArithmeticError: slope too steep"
    e.controls["a"].value = 0.0
    assert e.message.get_text() == "" and "error" not in e.state


def test_show_message_for_expected_trouble():
    e = Line()
    e.controls["a"].value = -2.5
    assert e.message.get_text() == "negative and steep"
    assert np.array_equal(e.pixels(), _full_draw_pixels(e))


def test_set_updates_once_and_rejects_unknown_names():
    e = Line()
    blits = e.redraws["blit"]
    e.set(a=0.25)
    assert e.redraws["blit"] == blits + 1
    with pytest.raises(ValueError, match="unknown control"):
        e.set(b=1)


def test_an_outside_full_draw_invalidates_the_cache():
    e = Line()
    e.figure.set_size_inches(4, 2)
    FigureCanvasAgg.draw(e.figure.canvas)  # as a browser resize or savefig would
    full = e.redraws["full"]
    e.controls["a"].value = 0.75
    assert e.redraws["full"] == full + 1
    assert np.array_equal(e.pixels(), _full_draw_pixels(e))


def test_mimebundle_has_widget_png_fallback_and_stable_text():
    e = Line()
    bundle = e._repr_mimebundle_()
    assert bundle["text/plain"] == "Line(a=1.0)"
    assert base64.b64decode(bundle["image/png"])[:8] == b"\x89PNG\r\n\x1a\n"
    assert "application/vnd.jupyter.widget-view+json" in bundle


def _pixels_of_data_url(url):
    import io

    from PIL import Image

    prefix = b"data:image/png;base64,"
    url = bytes(url)  # the widget holds its value as a memoryview
    assert url.startswith(prefix)
    return np.asarray(Image.open(io.BytesIO(base64.b64decode(url[len(prefix):]))).convert("RGBA"))


def test_image_canvas_pushes_each_frame_as_a_png_data_url_once_displayed():
    e = Line(canvas="image")
    assert e._image.format == "url"
    assert e._image.value == b""  # nothing is sent before the figure is shown
    e._repr_mimebundle_()
    assert np.array_equal(_pixels_of_data_url(e._image.value), e.pixels())
    first = e._image.value
    e.controls["a"].value = -0.5
    assert e._image.value != first
    # The frame the browser gets is the figure's current picture, pixel for pixel.
    assert np.array_equal(_pixels_of_data_url(e._image.value), _full_draw_pixels(e))


def test_the_readout_is_sent_after_the_frame_it_describes():
    e = Line(canvas="image")
    e._repr_mimebundle_()
    sent = []
    e._image.observe(lambda change: sent.append("frame"), names="value")
    e.readout.observe(lambda change: sent.append(change["new"]), names="value")
    e.controls["a"].value = 0.5
    e.controls["a"].value = -1.5
    assert sent == ["frame", "a = 0.5", "frame", "a = -1.5"]


def test_a_readout_set_before_an_exception_still_arrives():
    class Half(Line):
        def _update(self, a):
            self.set_readout(f"trying a = {a:.1f}")
            if a > 2:
                raise ArithmeticError("slope too steep")
            super()._update(a=a)

    e = Half()
    e.controls["a"].value = 2.5
    assert e.readout.value == "trying a = 2.5"
    assert "slope too steep" in e.state["error"]
    e.controls["a"].value = 0.5
    assert e.readout.value == "a = 0.5" and "error" not in e.state


def test_auto_canvas_is_agg_outside_a_kernel():
    assert Line(canvas="auto").canvas_kind == "agg"


def test_ipympl_canvas_is_a_widget_in_the_layout():
    e = Line(canvas="ipympl")
    assert isinstance(e.figure.canvas, widgets.DOMWidget)
    e.controls["a"].value = 0.3
    assert np.array_equal(e.pixels(), _full_draw_pixels(e))


def test_unknown_canvas_kind():
    with pytest.raises(ValueError, match="unknown canvas 'svg'"):
        Line(canvas="svg")


def test_rebuild_draws_the_same_picture():
    e = Line()
    e.controls["a"].value = 1.5
    before = e.pixels()
    e.rebuild()
    assert np.array_equal(before, e.pixels())


def test_importing_ipympl_leaves_pyplots_backend_alone():
    import subprocess
    import sys

    code = (
        "import matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt\n"
        "from helpers.widgets import _base\n"
        "assert _base._import_ipympl_quietly()\n"
        "import ipympl.backend_nbagg\n"
        "print(matplotlib.get_backend())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().lower() == "agg"


def test_ipympl_canvas_never_syncs_a_broken_data_url():
    # ipympl 0.10 stores pre-start frames in _data_url without the "data:" prefix its
    # view needs; a view that loads such a URL stays blank. The base turns that off.
    e = Line(canvas="ipympl")
    for a in (0.3, -0.7):
        e.controls["a"].value = a
        url = e.figure.canvas._data_url
        assert url is None or url.startswith("data:image/png;base64,")
