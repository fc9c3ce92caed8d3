"""mlp_playground: train a small MLP on a 2-D toy set and watch it learn, live.

The TensorFlow Playground idea inside a notebook. The browser ticks an
``ipywidgets.Play``; every tick trains a few epochs and redraws the changed artists,
so the kernel is never blocked for long and Pause stops between two ticks.

A run lasts at most :data:`EPOCH_LIMIT` epochs, the end of the loss chart's epoch
axis; that axis is logarithmic beyond epoch 1, so the first epochs, where the loss
falls fastest, keep their room however long the run. The loss axis grows with the
loss (to 2, 5, 10, 20, ...), so a loss that rises (a large lr) stays in view.

Moves redraw only what they change: new data, a new network or a new split keep the
axes and are blitted; the diagram of a network of another shape is redrawn alone;
the static look of each view (axis limits, network shape, loss axis) is cached once
drawn, so going back to it is a blit.
"""

import functools
import math

import numpy as np

from .. import data
from .._validate import check_choice, check_int, check_setting
from ..mlp import MLP, TrainingDiverged
from ..plots._style import percent
from . import _controls
from ._base import Explorer, atomic
from ._views import ViewBackgrounds

N_POINTS = 200
GRID = 40  # the heatmap is GRID x GRID: fine enough to see the boundary, cheap to recompute
BATCHES = (("1", 1), ("8", 8), ("32", 32), ("all", 0))
EPOCHS_PER_FRAME = (1, 2, 5, 20)
RESTART_ON = ("dataset", "noise", "test_share", "layers", "units", "activation", "seed")
EPOCH_LIMIT = 1000  # Play stops here (and Step too): the right end of the loss chart
SEEDS = range(10)  # the seed slider's values
# Parts of the figure that one axes has to itself (figure fractions), for redrawing it alone.
NET_REGION = (0.0, 0.0, 0.3, 1.0)
LOSS_REGION = (0.655, 0.0, 1.0, 0.95)


@functools.lru_cache(maxsize=None)
def view_reach(dataset, noise):
    """Half-width of the square view of ``dataset`` at ``noise``: every seed's points fit.

    The same for every seed and split, so moving those sliders keeps the axes; a
    multiple of 0.5, so the view changes at a few noise levels only.
    """
    largest = max(float(np.abs(data.TOY_SETS[dataset](N_POINTS, noise=noise, seed=seed)[0]).max())
                  for seed in SEEDS)
    return math.ceil(1.1 * largest * 2) / 2


def loss_top(losses):
    """Top of the loss axis: 1, or the first of 2, 5, 10, 20, 50, ... at least 5 % above every loss.

    >>> loss_top([0.7, 0.3]), loss_top([1.6, 20.0])
    (1.0, 50.0)
    """
    needed = 1.05 * max(losses)
    scale = 1.0
    while True:
        for mantissa in (1, 2, 5):
            if mantissa * scale >= needed:
                return mantissa * scale
        scale *= 10


class MLPPlayground(ViewBackgrounds, Explorer):
    """Controls for data, architecture and training; a live boundary, loss curves and network.

    Use :func:`mlp_playground` to make one.
    """

    control_rows = [
        ["play", "step", "reset", "epochs_per_frame", "show"],
        ["dataset", "noise", "test_share", "seed"],
        ["layers", "units", "activation"],
        ["lr", "batch_size"],
    ]

    def __init__(self, dataset="XOR", noise=0.1, test_share=0.3, layers=1, units=4, activation="tanh",
                 lr=0.3, batch_size=8, epochs_per_frame=2, seed=0, canvas="auto"):
        import ipywidgets as widgets

        data_names = tuple(data.TOY_SETS)
        dataset = check_choice(dataset, "dataset", data_names)
        activation = check_choice(activation, "activation", ("sigmoid", "tanh", "relu"))
        batch_size = check_choice(batch_size, "batch_size", tuple(dict(BATCHES).values()))
        epochs_per_frame = check_choice(epochs_per_frame, "epochs_per_frame", EPOCHS_PER_FRAME)
        noise = check_setting(noise, "noise", 0.0, 0.5)
        test_share = check_setting(test_share, "test_share", 0.1, 0.5)
        layers = check_setting(layers, "layers", 1, 3, integer=True)
        units = check_setting(units, "units", 1, 8, integer=True)
        lr = check_setting(lr, "lr", 10**-3, 10**1)
        seed = check_setting(seed, "seed", 0, 9, integer=True)
        wide = widgets.Layout(width="250px")
        style = {"description_width": "80px"}
        controls = {
            "play": _controls.play(value=0, min=0, max=10**9, interval=40, description="train"),
            "step": _controls.button(_controls.STEP_LABEL, "train one frame's epochs (epochs/frame), then stop",
                                     width="70px"),
            "reset": _controls.button(_controls.RESET_LABEL, "back to epoch 0: the same initial weights (from the seed)",
                                      width="70px"),
            "show": widgets.ToggleButtons(options=["weights", "dL/dw"], value="weights",
                                          description="edges", style={"button_width": "70px"},
                                          tooltips=["edges show the weights", "edges show the gradient dL/dw"]),
            "dataset": widgets.Dropdown(options=data_names, value=dataset, description="data",
                                        layout=wide, style=style),
            "noise": widgets.FloatSlider(value=noise, min=0.0, max=0.5, step=0.05, description="noise",
                                         layout=wide, style=style),
            "test_share": widgets.FloatSlider(value=test_share, min=0.1, max=0.5, step=0.1,
                                              description="test share", layout=wide, style=style),
            "layers": widgets.IntSlider(value=layers, min=1, max=3, description="hidden layers",
                                        layout=wide, style=style),
            "units": widgets.IntSlider(value=units, min=1, max=8, description="units/layer",
                                       layout=wide, style=style),
            "activation": widgets.ToggleButtons(options=["sigmoid", "tanh", "relu"], value=activation,
                                                description="g(r)", style={"button_width": "64px"},
                                                tooltips=["hidden units use sigmoid", "hidden units use tanh",
                                                          "hidden units use relu"]),
            "lr": _controls.lr_slider(lr, -3, 1, 0.1, readout_format=".3f", width="250px", style=style),
            "batch_size": widgets.Dropdown(options=BATCHES, value=batch_size, description="batch size",
                                           layout=widgets.Layout(width="170px"), style=style),
            "epochs_per_frame": widgets.Dropdown(options=EPOCHS_PER_FRAME, value=epochs_per_frame,
                                                 description="epochs/frame",
                                                 layout=widgets.Layout(width="170px"), style=style),
            "seed": widgets.IntSlider(value=seed, min=0, max=9, description="seed", layout=wide, style=style),
        }
        self._run_key = None
        self._error = ""
        self._moving_play = False  # the kernel itself moves Play's value (no tick)
        self._stopped_here = False  # the kernel paused Play; ticks still on their way are late
        self.limits = None  # the map's view, set by each run
        super().__init__(controls, figsize=(10.0, 4.0), canvas=canvas)
        controls["play"].observe(self._on_tick, names="value")
        controls["play"].observe(self._on_playing, names="playing")
        controls["step"].on_click(lambda _: self.step())
        controls["reset"].on_click(lambda _: self.reset())

    # ----- building -------------------------------------------------------------------
    def _layout(self):
        """Controls, then the readout, then the wide figure (too wide to share a row)."""
        import ipywidgets as widgets

        tree = super()._layout()
        *rows, bottom = tree.children
        return widgets.VBox([*rows, self.readout, *[c for c in bottom.children if c is not self.readout]])

    def _build(self, fig):
        from .. import plots

        self._plots = plots
        self.net_ax = fig.add_axes([0.0, 0.04, 0.3, 0.82])
        self.map_ax = fig.add_axes([0.37, 0.14, 0.27, 0.72])
        self.loss_ax = fig.add_axes([0.72, 0.14, 0.26, 0.72])
        self.map = plots.plot_probability_map(np.full(GRID * GRID, 0.5), (-1, 1), (-1, 1), ax=self.map_ax)
        self.map_ax.set_title("z = P(y = 1): filled train, hollow test", fontsize=9)
        self.curves = plots.plot_loss_curves(ax=self.loss_ax, max_epochs=EPOCH_LIMIT, log_epochs=True)
        self.loss_ax.set_title("loss falls as the network learns", fontsize=9)
        self.counter = fig.text(0.5, 0.955, "", ha="center", va="center", fontsize=11)
        self.network = None
        self._reset_views()
        self._view = None  # (view reach, layer sizes, edges shown, loss top): what the background shows
        self._artists_stale = True  # fresh artists: _update points them at the current run
        self.dynamic += [*self.map.dynamic, *self.curves.dynamic, self.counter]

    def _new_run(self, dataset, noise, test_share, layers, units, activation, seed):
        """New data split, new network, epoch 0."""
        X, y = data.TOY_SETS[dataset](N_POINTS, noise=noise, seed=seed)
        n_test = int(round(test_share * N_POINTS))
        # the toy sets come shuffled, so the first n_test points are a random test set
        self.X_test, self.y_test, self.X_train, self.y_train = X[:n_test], y[:n_test], X[n_test:], y[n_test:]
        self.model = MLP([2] + [units] * layers + [1], hidden=activation, output="sigmoid", seed=seed)
        self.rng = np.random.default_rng(seed)
        self.epochs = [0]
        self.train_loss = [self.model.loss(self.X_train, self.y_train)]
        self.test_loss = [self.model.loss(self.X_test, self.y_test)]
        self._error = ""
        reach = view_reach(dataset, noise)
        limits = (-reach, reach)
        if limits != self.limits:
            self.limits = limits
            self.grid = self._plots.grid_points(self.limits, self.limits, GRID)
        self.controls["step"].disabled = False
        self._show_run()

    def _show_run(self):
        """Point the artists at the current run: limits, data points, network shape."""
        self.map.image.set_extent((*self.limits, *self.limits))
        self.map_ax.set_xlim(*self.limits)
        self.map_ax.set_ylim(*self.limits)
        self.map.update(X_train=self.X_train, y_train=self.y_train, X_test=self.X_test, y_test=self.y_test)
        sizes = self.model.layer_sizes
        if self.network is None or self.network.layer_sizes != sizes:
            if self.network is not None:
                stale = set(map(id, self.network.dynamic))
                self.dynamic[:] = [a for a in self.dynamic if id(a) not in stale]
            self.net_ax.clear()
            self.network = self._plots.plot_network(sizes, ax=self.net_ax)
            self.dynamic += self.network.dynamic
        self._artists_stale = False

    def _show_view(self, show):
        """Bring the static part in line with the run: cached, region by region, or in full."""
        top = loss_top(self.train_loss + self.test_loss)
        if top != self.loss_ax.get_ylim()[1]:
            self.loss_ax.set_ylim(0, top)
        view = (self.limits[1], tuple(self.model.layer_sizes), show, top)
        old = self._view
        if view == old:
            return
        self._view = view

        def redraw_what_changed():
            if old is None or old[0] != view[0]:
                self.request_full_redraw()  # new axis limits: the map's ticks change
                return
            if old[1:3] != view[1:3]:
                self.redraw_static(self.net_ax, NET_REGION)
            if old[3] != view[3]:
                self.redraw_static(self.loss_ax, LOSS_REGION)

        self._switch_view(old, view, redraw_what_changed)

    # ----- training -------------------------------------------------------------------
    @atomic
    def train(self, epochs):
        """Train ``epochs`` more epochs with the current lr and batch size (no redraw).

        A run stops at :data:`EPOCH_LIMIT` epochs: Play is paused there and Step disabled.
        """
        epochs = check_int(epochs, "epochs")
        if self._error:
            return
        values = self.values
        if self._run_key != tuple(values[k] for k in RESTART_ON):
            return  # settings changed but not yet applied; the next refresh starts a new run
        epochs = min(int(epochs), EPOCH_LIMIT - self.model.epoch)
        if epochs <= 0:
            self._stop_play()
            return

        def record(model, history):
            self.epochs.append(model.epoch)
            self.train_loss.append(history["loss"][-1])
            self.test_loss.append(model.loss(self.X_test, self.y_test))

        try:
            self.model.fit(self.X_train, self.y_train, lr=values["lr"], epochs=epochs,
                           batch_size=values["batch_size"] or None, rng=self.rng, callback=record)
        except TrainingDiverged as exc:
            self._error = f"{exc}.\nPress Reset."
            self._stop_play()
        if self.model.epoch >= EPOCH_LIMIT:
            self._stop_play()
            self.controls["step"].disabled = True

    @atomic
    def step(self):
        """Train one frame's worth of epochs and redraw (the Step button)."""
        self.train(self.controls["epochs_per_frame"].value)
        self.refresh()

    @atomic
    def reset(self):
        """Back to epoch 0 with the initial weights from the seed (the Reset button, and ■)."""
        self._stop_play()
        play = self.controls["play"]
        self._moving_play = True
        try:
            play.value = play.min  # the browser's Play starts again from the start
        finally:
            self._moving_play = False
        self._run_key = None
        self.refresh()

    def _stop_play(self):
        """Pause Play from the kernel; ticks the browser sent before it hears of it are late."""
        play = self.controls["play"]
        if play.playing:
            play.playing = False
        self._stopped_here = True

    @atomic
    def _on_playing(self, change):
        if change["new"]:
            self._stopped_here = False  # the learner pressed ▶: ticks count again

    @atomic
    def _on_tick(self, change):
        """A tick of Play (its value moved on), or ■ (its value back at the start)."""
        if self._moving_play or change["new"] == change["old"]:
            return
        play = self.controls["play"]
        if change["new"] == play.min:
            if not play.playing:
                self.reset()  # ■: stop and go back to the start
            return
        if self._stopped_here and not play.playing:
            return  # a tick sent before the browser heard that the kernel paused Play
        self.step()

    # ----- drawing ------------------------------------------------------------------------
    def _update(self, play, show, dataset, noise, test_share, layers, units, activation, lr, batch_size,
                epochs_per_frame, seed):
        key = (dataset, noise, test_share, layers, units, activation, seed)
        if key != self._run_key:
            self._new_run(*key)
            self._run_key = key
        elif self._artists_stale:
            self._show_run()
        model = self.model
        z = model.forward(self.grid)
        self.map.update(z)
        self.curves.update(self.epochs, self.train_loss, self.test_loss)
        shown = model.params if show == "weights" else model.backward(self.X_train, self.y_train)
        self.network.update(shown, what=show)
        self._show_view(show)
        train_acc = model.accuracy(self.X_train, self.y_train)
        test_acc = model.accuracy(self.X_test, self.y_test)
        self.counter.set_text(f"epoch {model.epoch}")  # short: every glyph costs drawing time
        if self._error:
            self.show_message(self._error)
        self.state = {
            "epoch": model.epoch, "layer_sizes": list(model.layer_sizes), "train_loss": self.train_loss[-1],
            "test_loss": self.test_loss[-1], "train_accuracy": train_acc, "test_accuracy": test_acc,
            "n_train": len(self.y_train), "n_test": len(self.y_test), "z_grid": z,
            "edges": show, "largest_edge": self.network.largest, "error": self._error or None,
            "at_limit": model.epoch >= EPOCH_LIMIT, "loss_top": self.loss_ax.get_ylim()[1],
        }
        if not self._error:
            self.state.pop("error")
        limit = (f" &middot; <b>stopped at {EPOCH_LIMIT} epochs</b>, the end of the loss chart: Reset to train again"
                 if self.state["at_limit"] else "")
        self.set_readout(  # one line: it sits above the wide figure
            f"<div style='font-size:13px'>network <b>{'-'.join(map(str, model.layer_sizes))}</b> ({activation})"
            f" &middot; epoch <b>{model.epoch}</b>"
            f" &middot; train: loss {self.train_loss[-1]:.3f}, accuracy <b>{percent(train_acc)}</b> ({len(self.y_train)} points)"
            f" &middot; test: loss {self.test_loss[-1]:.3f}, accuracy <b>{percent(test_acc)}</b> ({len(self.y_test)} points)"
            f" &middot; largest |{show}|: {self.network.largest:.3g}{limit}</div>")

    def _describe(self):
        st = self.state
        sizes = "-".join(map(str, st["layer_sizes"]))
        text = (f"Network {sizes} ({self.controls['activation'].value}) on {self.controls['dataset'].value}, "
                f"epoch {st['epoch']}: train accuracy {percent(st['train_accuracy'])} (loss {st['train_loss']:.3f}), "
                f"test accuracy {percent(st['test_accuracy'])} (loss {st['test_loss']:.3f}); edges show {st['edges']}")
        return text + (f". {st['error']}" if st.get("error") else "")


def mlp_playground(dataset="XOR", noise=0.1, test_share=0.3, layers=1, units=4, activation="tanh",
                   lr=0.3, batch_size=8, epochs_per_frame=2, seed=0, canvas="auto"):
    """A TensorFlow-Playground-like explorer: train an MLP on a 2-D toy set, live.

    Press the Play button (or Step) to train; change lr or batch size while it runs;
    changing the data, the architecture, the activation or the seed starts a new run.

    Parameters
    ----------
    dataset : {"XOR", "moons", "circles", "spiral", "blobs"}
    noise : float in [0, 0.5]
    test_share : float in [0.1, 0.5]
        Share of the 200 points held out as a test set.
    layers, units : int
        Hidden layers (1-3) and units in each (1-8).
    activation : {"sigmoid", "tanh", "relu"}
        Hidden activation g; the output is a sigmoid trained with binary cross-entropy.
    lr : float
        Learning rate η (log-scale slider from 0.001 to 10).
    batch_size : {1, 8, 32, 0}
        0 trains on all training points at once (full batch).
    epochs_per_frame : {1, 2, 5, 20}
        Epochs trained per tick of Play (and per Step).
    seed : int
        Seeds the data, the initial weights and the shuffling.
    canvas : {"auto", "ipympl", "image", "agg"}

    Returns
    -------
    MLPPlayground
        ``.controls``, ``.figure``, ``.state`` (epoch, train/test loss and accuracy),
        ``.step()``, ``.reset()``, ``.train(epochs)``.

    Examples
    --------
    >>> pg = mlp_playground("XOR", canvas="agg")
    >>> pg.state["epoch"]
    0
    >>> pg.controls["play"].value += 1       # what a tick of the Play button does
    >>> pg.state["epoch"]
    2
    """
    return MLPPlayground(dataset=dataset, noise=noise, test_share=test_share, layers=layers, units=units,
                         activation=activation, lr=lr, batch_size=batch_size,
                         epochs_per_frame=epochs_per_frame, seed=seed, canvas=canvas)
