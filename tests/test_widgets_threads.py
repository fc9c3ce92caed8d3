"""Explorers updated from two threads at once keep every artist (issue 17, "the playground goes blank").

With ipykernel 7 and JupyterLab 4.6, widget messages arrive on kernel subshell threads,
so a Play tick, a button press and a cell can update one explorer at the same time. The
tests below do that on purpose, with Python's thread switch interval made tiny so that
the threads interleave inside the updates, and then check the figure artist by artist.
"""

import sys
import threading

import ipywidgets as widgets
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from helpers.widgets import Explorer, mlp_playground
from drawing import full_draw_pixels as _full_draw_pixels


@pytest.fixture
def switch_often():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(old)


def _run_together(*jobs, rounds):
    errors = []
    start = threading.Barrier(len(jobs))

    def loop(job):
        try:
            start.wait()
            for k in range(rounds):
                job(k)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=loop, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors


class Dots(Explorer):
    """Three dynamic artists on a decorated axes; a full redraw hides them for a while."""

    def __init__(self):
        super().__init__({"a": widgets.FloatSlider(value=1.0, min=-3, max=3, step=0.01)}, figsize=(3, 2),
                         canvas="agg")

    def _build(self, fig):
        ax = fig.add_subplot()
        ax.set_xlim(-1, 1)
        ax.set_ylim(-3, 3)
        ax.set_title("dots")
        (self.line,) = ax.plot([], [], "k-")
        (self.dot,) = ax.plot([], [], "o")
        self.label = ax.text(0, 2, "")
        self.dynamic += [self.line, self.dot, self.label]

    def _update(self, a):
        self.line.set_data([-1, 1], [-a, a])
        self.dot.set_data([0.5], [0.5 * a])
        self.label.set_text(f"a = {a:.2f}")
        self.state["a"] = a


class SlowDots(Dots):
    """Dots whose first full draw waits inside the moment a full redraw hides the dynamic artists."""

    def __init__(self):
        self.hidden = threading.Event()  # the first full draw has hidden the dynamic artists
        self.second_drawing = threading.Event()  # another full draw has started
        self.pause = False
        super().__init__()

    def _draw_agg(self):
        if self.pause and not self.hidden.is_set():
            self.hidden.set()
            self.second_drawing.wait(timeout=1.0)  # without a lock, the other update runs now
        elif self.pause:
            self.second_drawing.set()
            threading.Event().wait(0.2)  # ... and finishes after the first one
        super()._draw_agg()


def test_a_full_redraw_and_a_move_in_two_threads_keep_every_artist():
    # The interleaving of issue 17, made certain: one thread's full redraw has hidden the
    # dynamic artists to cache the background; a move in another thread, that needs a full
    # redraw too, reads their visibility then. Unlocked, it would hide them for good.
    e = SlowDots()
    e.pause = True
    full = threading.Thread(target=lambda: e.refresh(full=True))
    full.start()
    assert e.hidden.wait(timeout=5)

    def move():
        e.request_full_redraw()
        e.controls["a"].value = -1.5

    mover = threading.Thread(target=move)
    mover.start()
    full.join(timeout=10)
    mover.join(timeout=10)
    e.pause = False
    assert all(artist.get_visible() for artist in e.dynamic)
    np.testing.assert_allclose(e.line.get_ydata(), [1.5, -1.5])
    np.testing.assert_allclose(e.dot.get_ydata(), [-0.75])
    assert e.label.get_text() == "a = -1.50"
    frame = e.pixels()
    assert not np.array_equal(frame, e._background)  # the dynamic artists are drawn over the cache
    assert np.array_equal(frame, _full_draw_pixels(e))


def test_someone_elses_full_draw_waits_for_an_update():
    e = SlowDots()
    e.pause = True
    full = threading.Thread(target=lambda: e.refresh(full=True))
    full.start()
    assert e.hidden.wait(timeout=5)
    outside = threading.Thread(target=lambda: FigureCanvasAgg.draw(e.figure.canvas))  # savefig, a resize
    outside.start()
    outside.join(timeout=0.3)
    assert outside.is_alive()  # it waits while the update has the artists hidden
    full.join(timeout=10)
    outside.join(timeout=10)
    assert not outside.is_alive()
    e.pause = False
    assert np.array_equal(np.array(e.figure.canvas.buffer_rgba()), _full_draw_pixels(e))


def test_playground_reset_during_play_from_two_threads_keeps_its_figure(switch_often):
    pg = mlp_playground("XOR", canvas="agg")
    play = pg.controls["play"]

    def tick(k):
        play.playing = True  # the browser's ▶, then its ticks
        play.value = play.value + 1

    def press(k):
        if k % 3 == 0:
            pg.controls["reset"].click()
        else:
            pg.controls["noise"].value = [0.1, 0.15, 0.2][k % 3]

    _run_together(tick, press, rounds=60)
    pg.reset()
    st = pg.state
    # Every artist that carries the picture is still shown ...
    assert all(artist.get_visible() for artist in pg.dynamic)
    assert st["epoch"] == 0 and pg.counter.get_text() == "epoch 0"
    # ... and shows the current run: the map, the points, the curves and the network.
    np.testing.assert_allclose(pg.map.image.get_array().ravel(), pg.model.forward(pg.grid))
    for k in (0, 1):
        np.testing.assert_array_equal(pg.map.train[k].get_offsets(), pg.X_train[pg.y_train == k])
        np.testing.assert_array_equal(pg.map.test[k].get_offsets(), pg.X_test[pg.y_test == k])
    np.testing.assert_array_equal(pg.curves.train.get_xdata(), [0])
    weights = np.concatenate([p.ravel() for p in pg.model.params])
    np.testing.assert_allclose(pg.network.edges.get_array() * pg.network.largest, weights)
    frame = pg.pixels()
    assert not np.array_equal(frame, pg._background)
    assert np.array_equal(frame, _full_draw_pixels(pg))
