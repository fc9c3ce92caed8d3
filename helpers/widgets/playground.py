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
from .._validate import as_array, check_choice, check_int, check_number, check_setting
from ..mlp import MLP, TrainingDiverged
from ..plots._style import percent
from . import _controls, _points
from ._base import Explorer
from ._presets import with_presets
from ._training import TrainingControls, check_stretches
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


# Data sets made from noise and a seed (the two-class toy sets and three blobs), then a table.
DATASETS = {**data.TOY_SETS, "three blobs": data.make_three_blobs}
TOY_NAMES = tuple(DATASETS)
DATA_NAMES = (*TOY_NAMES, "penguins")
PENGUIN_COLUMNS = ("bill_length_mm", "bill_depth_mm")  # notebook 07's two measurements
MIN_POINTS = 4


@functools.lru_cache(maxsize=1)
def penguin_measurements():
    """Bill length and depth of every penguin with both measured, and its species id (0, 1, 2)."""
    X, y, _, _ = data.load_penguins(PENGUIN_COLUMNS)
    X.flags.writeable = False
    y.flags.writeable = False
    return X, y


def reach_of(X):
    """Half-width of a square view that holds every point of ``X`` (a multiple of 0.5, at least 1.5)."""
    X = np.asarray(X, dtype=float).reshape(-1, 2)
    largest = float(np.abs(X).max()) if len(X) else 0.0
    return max(math.ceil(1.1 * largest * 2) / 2, 1.5)


def split_mask(n, test_share, seed):
    """Which of ``n`` points are test points: ``round(test_share * n)`` of them, drawn with ``seed``."""
    mask = np.zeros(n, dtype=bool)
    mask[np.random.default_rng(seed).permutation(n)[:int(round(test_share * n))]] = True
    return mask


def check_class_ids(y, name="y"):
    """Class ids 0, 1 (and 2), as floats; anything else is refused, naming the first bad one."""
    y = np.asarray(y, dtype=float)
    bad = ~np.isin(y, (0.0, 1.0, 2.0))
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise ValueError(f"{name} must hold class ids 0, 1 or 2; got {y[k]:g} at row {k} (counting from 0)")
    return y


@functools.lru_cache(maxsize=None)
def view_reach(dataset, noise):
    """Half-width of the square view of ``dataset`` at ``noise``: every seed's points fit.

    The same for every seed and split, so moving those sliders keeps the axes; a
    multiple of 0.5, so the view changes at a few noise levels only.
    """
    largest = max(float(np.abs(DATASETS[dataset](N_POINTS, noise=noise, seed=seed)[0]).max())
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


class MLPPlayground(TrainingControls, ViewBackgrounds, Explorer):
    """Controls for data, architecture and training; a live boundary, loss curves and network.

    Use :func:`mlp_playground` to make one.
    """

    control_rows = [
        ["play", "step", "reset", "epochs_per_frame", "show"],
        ["dataset", "noise", "test_share", "seed"],
        ["layers", "units", "activation"],
        ["lr", "batch_size"],
        ["history"],
        ["add", "clear"],
    ]
    control_help = {
        "add": _points.ADD_TOOLTIP.replace("adds the other one", "adds the next class"),
        "history": "go back to any epoch of this run without training again; training from there forgets what came after",
    }
    factory = "mlp_playground"

    def __init__(self, dataset="XOR", noise=0.1, test_share=0.3, layers=1, units=4, activation="tanh",
                 lr=0.3, batch_size=8, epochs_per_frame=2, seed=0, X=None, y=None, test=None, train=None,
                 history=None, canvas="auto"):
        import ipywidgets as widgets

        activation = check_choice(activation, "activation", ("sigmoid", "tanh", "relu"))
        batch_size = check_choice(batch_size, "batch_size", tuple(dict(BATCHES).values()))
        epochs_per_frame = check_choice(epochs_per_frame, "epochs_per_frame", EPOCHS_PER_FRAME)
        noise = check_setting(noise, "noise", 0.0, 0.5)
        test_share = check_setting(test_share, "test_share", 0.1, 0.5)
        layers = check_setting(layers, "layers", 1, 3, integer=True)
        units = check_setting(units, "units", 1, 8, integer=True)
        lr = check_setting(lr, "lr", 10**-3, 10**1)
        seed = check_setting(seed, "seed", 0, 9, integer=True)
        dataset = check_choice(dataset, "dataset", DATA_NAMES)
        self.custom = None  # your points: {"X", "y" (class ids), "test" (bool mask), "split": (test_share, seed)}
        self._versions = 0
        if X is not None or y is not None:
            X, y = _points.as_points(X, y)
            y = check_class_ids(y)
            if test is None:
                mask = split_mask(len(y), test_share, seed)
            else:
                mask = np.zeros(len(y), dtype=bool)
                ids = [check_int(i, f"test[{k}]", maximum=max(len(y) - 1, 0)) for k, i in enumerate(_as_list(test, "test"))]
                mask[ids] = True
            self._set_custom(X, y, mask, (test_share, seed))
            dataset = _points.YOUR_POINTS
        elif test is not None:
            raise ValueError("test marks test points of your own data: give it with X and y")
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
            "history": widgets.IntSlider(value=0, min=0, max=0, description="history (epoch)",
                                         layout=widgets.Layout(width="520px"), style=style),
            "dataset": widgets.Dropdown(options=self._options(), value=dataset, description="data",
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
            "add": _points.class_toggle([("class 0 \u25cf", 0), ("class 1 \u25b2", 1), ("class 2 \u25a0", 2)], 0),
            "clear": _points.clear_button(),
        }
        self._run_key = None
        self._error = ""
        self.limits = None  # the map's view, set by each run
        super().__init__(controls, figsize=(10.0, 4.0), canvas=canvas)
        controls["add"].unobserve(self._on_control, names="value")  # it chooses what a click adds: nothing to redraw
        self._wire_training()
        controls["clear"].on_click(lambda _: self.clear_points())
        if train is not None or history is not None:
            self._replay(train, history)

    # ----- data ---------------------------------------------------------------------------
    def _options(self):
        return [_points.YOUR_POINTS, *DATA_NAMES] if self.custom is not None else list(DATA_NAMES)

    def _set_custom(self, X, y, mask, split):
        self._versions += 1
        self.custom = {"X": np.asarray(X, dtype=float).reshape(-1, 2), "y": np.asarray(y, dtype=float),
                       "test": np.asarray(mask, dtype=bool), "split": split, "version": self._versions}

    def _make_data(self, dataset, noise, test_share, seed):
        """(X_train, y_train, X_test, y_test) of a data set, as the run uses them."""
        if dataset == _points.YOUR_POINTS:
            c = self.custom
            if c["split"] != (test_share, seed):  # a new share or seed splits your points anew
                c["test"], c["split"] = split_mask(len(c["y"]), test_share, seed), (test_share, seed)
            return c["X"][~c["test"]], c["y"][~c["test"]], c["X"][c["test"]], c["y"][c["test"]]
        if dataset == "penguins":
            X, y = penguin_measurements()
            X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_size=test_share, seed=seed)
            X_train, X_test, _ = data.standardize(X_train, X_test)  # as notebook 07 does
            return X_train, y_train, X_test, y_test
        X, y = DATASETS[dataset](N_POINTS, noise=noise, seed=seed)
        n_test = int(round(test_share * N_POINTS))
        # the toy sets come shuffled, so the first n_test points are a random test set
        return X[n_test:], y[n_test:], X[:n_test], y[:n_test]

    def _reach(self, dataset, noise):
        if dataset in TOY_NAMES:
            return view_reach(dataset, noise)
        if dataset == _points.YOUR_POINTS:
            return self.custom.get("reach") or reach_of(self.custom["X"])
        return reach_of(np.vstack([self.X_train, self.X_test]))

    # ----- your own points ----------------------------------------------------------------
    def mouse_axes(self):
        return [self.map_ax]

    def _on_pointer(self, kind, ax, xy, shift):
        if kind != "down":
            return False
        X = np.vstack([self.X_train, self.X_test]).reshape(-1, 2)
        y = np.concatenate([self.y_train, self.y_test])
        mask = np.r_[np.zeros(len(self.y_train), dtype=bool), np.ones(len(self.y_test), dtype=bool)]
        label = self.controls["add"].value
        if shift:  # the other class; with three classes, the next one
            label = (label + 1) % 3 if self.n_classes == 3 or label == 2 else 1 - label
        k = _points.hit(ax, X, xy)
        if k is not None:
            X, y, mask = np.delete(X, k, axis=0), np.delete(y, k), np.delete(mask, k)
        else:  # a new point trains: it is a training point
            X, y, mask = np.vstack([X, np.asarray(xy).reshape(1, 2)]), np.append(y, float(label)), np.append(mask, False)
        self._use_points(X, y, mask)
        return True

    def _use_points(self, X, y, mask):
        """Train on your points from epoch 0 (same seed), in the axes shown."""
        values = self.values
        self._set_custom(X, y, mask, (values["test_share"], values["seed"]))
        self.custom["reach"] = self.limits[1]  # the view stays where the learner clicked
        _points.choose_your_points(self)
        self._run_key = None  # a new run on the new points

    def points(self):
        """All points, training and test, as (X, y) with class ids in y (0, 1, or 0, 1, 2)."""
        with self.lock:
            return (np.vstack([self.X_train, self.X_test]).reshape(-1, 2),
                    np.concatenate([self.y_train, self.y_test]).astype(float))

    def clear_points(self):
        """Empty the plane (the Clear button); click to add points, then train."""
        with self.lock:
            self._use_points(np.empty((0, 2)), np.empty(0), np.zeros(0, dtype=bool))
            self.refresh()
        return self

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
        self.map_ax.set_title("model's class: filled train, hollow test", fontsize=9)
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
        self.X_train, self.y_train, self.X_test, self.y_test = self._make_data(dataset, noise, test_share, seed)
        labels = np.concatenate([self.y_train, self.y_test])
        self.n_classes = 3 if labels.size and labels.max() >= 2 else 2
        out = 1 if self.n_classes == 2 else 3
        self.model = MLP([2] + [units] * layers + [out], hidden=activation,
                         output="sigmoid" if out == 1 else "softmax", seed=seed)
        self.rng = np.random.default_rng(seed)
        self.epochs = [0]
        self.train_loss = [self._loss(self.X_train, self.y_train)]
        self.test_loss = [self._loss(self.X_test, self.y_test)]
        self.records = [self._snapshot()]
        self.schedule = []  # [epochs, lr, batch size] per stretch of training: to_code replays it
        self._error = ""
        self.controls["noise"].disabled = dataset not in TOY_NAMES  # a fixed table has no noise to add
        self._set_history(0, 0)
        reach = self._reach(dataset, noise)
        limits = (-reach, reach)
        if limits != self.limits:
            self.limits = limits
            self.grid = self._plots.grid_points(self.limits, self.limits, GRID)
        self.controls["step"].disabled = False
        self._show_run()

    def _loss(self, X, y):
        return self.model.loss(X, y) if len(y) else math.nan

    def _snapshot(self):
        return [p.copy() for p in self.model.params], self.rng.bit_generator.state

    def _set_history(self, value, top):
        slider = self.controls["history"]
        with self._quietly():
            slider.max = max(top, 0)
            slider.value = value

    def _show_run(self):
        """Point the artists at the current run: limits, data points, network shape."""
        self.map.image.set_extent((*self.limits, *self.limits))
        self.map_ax.set_xlim(*self.limits)
        self.map_ax.set_ylim(*self.limits)
        self.map.update(X_train=self.X_train.reshape(-1, 2), y_train=self.y_train,
                        X_test=self.X_test.reshape(-1, 2), y_test=self.y_test)
        sizes = self.model.layer_sizes
        if self.network is None or self.network.layer_sizes != sizes:
            if self.network is not None:
                stale = set(map(id, self.network.dynamic))
                self.dynamic[:] = [a for a in self.dynamic if id(a) not in stale]
            self.net_ax.clear()
            self.network = self._plots.plot_network(sizes, ax=self.net_ax)
            self.dynamic += self.network.dynamic
        self._artists_stale = False

    def _show_view(self, show, losses):
        """Bring the static part in line with the run: cached, region by region, or in full."""
        top = loss_top([v for v in losses if not math.isnan(v)] or [1.0])
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

    # ----- training (Play / Step / Reset and train(epochs): TrainingControls) --------------
    @property
    def epochs_per_frame(self):
        return self.controls["epochs_per_frame"].value

    def _restart(self):
        self._run_key = None

    def _advance(self, epochs):
        """Train ``epochs`` more epochs with the current lr and batch size, without redrawing.

        From the epoch the history shows: training from an earlier epoch forgets the
        epochs after it. A run stops at :data:`EPOCH_LIMIT` epochs: Play is paused there
        and Step disabled.
        """
        epochs = check_int(epochs, "epochs")
        if self._error:
            return
        values = self.values
        if self._run_key != tuple(values[k] for k in RESTART_ON):
            return  # settings changed but not yet applied; the next refresh starts a new run
        self._train_epochs(epochs, values["lr"], values["batch_size"])

    def _train_epochs(self, epochs, lr, batch_size):
        if len(self.y_train) == 0:
            self._stop_play()
            return
        self._forget_after(self.model.epoch)
        epochs = min(int(epochs), EPOCH_LIMIT - self.model.epoch)
        if epochs <= 0:
            self._stop_play()
            return

        def record(model, history):
            self.epochs.append(model.epoch)
            self.train_loss.append(history["loss"][-1])
            self.test_loss.append(self._loss(self.X_test, self.y_test))
            self.records.append(self._snapshot())

        start = self.model.epoch
        try:
            self.model.fit(self.X_train, self.y_train, lr=lr, epochs=epochs,
                           batch_size=batch_size or None, rng=self.rng, callback=record)
        except TrainingDiverged as exc:
            self._error = f"{exc}.\nPress Reset."
            self._stop_play()
        done = self.model.epoch - start
        if done:
            if self.schedule and self.schedule[-1][1:] == [lr, batch_size]:
                self.schedule[-1][0] += done
            else:
                self.schedule.append([done, lr, batch_size])
        self._set_history(self.model.epoch, self.model.epoch)
        if self.model.epoch >= EPOCH_LIMIT:
            self._stop_play()
            self.controls["step"].disabled = True

    def _forget_after(self, epoch):
        """Drop the records after ``epoch`` (training from an earlier epoch starts a new future)."""
        if epoch >= len(self.records) - 1:
            return
        del self.epochs[epoch + 1:], self.train_loss[epoch + 1:], self.test_loss[epoch + 1:], self.records[epoch + 1:]
        kept, total = [], 0
        for count, lr, batch in self.schedule:
            if total >= epoch:
                break
            kept.append([min(count, epoch - total), lr, batch])
            total += kept[-1][0]
        self.schedule = kept
        self.controls["step"].disabled = False

    def _go_to(self, epoch):
        """Show the run at ``epoch`` of its history: that epoch's weights, and where shuffling was."""
        params, rng_state = self.records[epoch]
        self.model.params = [p.copy() for p in params]
        self.model.epoch = epoch
        self.rng.bit_generator.state = rng_state
        self._error = ""

    def _replay(self, train, history):
        """Train the recorded stretches again (what ``to_code`` writes), then show epoch ``history``."""
        stretches = check_stretches(train, [
            ("epochs", lambda v, name: check_int(v, name, minimum=1)),
            ("lr", lambda v, name: check_number(v, name, low=0, low_open=True)),
            ("batch size", lambda v, name: check_choice(v, name, tuple(dict(BATCHES).values())))])
        with self.lock:
            for count, lr, batch in stretches:
                self._train_epochs(count, lr, batch)
            last = self.model.epoch
            if history is not None:
                self.controls["history"].value = check_setting(history, "history", 0, last, integer=True)
            self.refresh()

    # ----- drawing ------------------------------------------------------------------------
    def _update(self, play, show, history, dataset, noise, test_share, layers, units, activation, lr, batch_size,
                epochs_per_frame, seed, add=None):
        key = (dataset, noise, test_share, layers, units, activation, seed)
        if key != self._run_key:
            self._new_run(*key)
            self._run_key = key
        elif self._artists_stale:
            self._show_run()
        history = self.controls["history"].value
        if history != self.model.epoch:
            self._go_to(history)
        model, k = self.model, self.model.epoch
        n_train, n_test = len(self.y_train), len(self.y_test)
        z = model.forward(self.grid)
        self.map.update(z)
        epochs, train_loss, test_loss = self.epochs[:k + 1], self.train_loss[:k + 1], self.test_loss[:k + 1]
        self.curves.update(epochs, train_loss, test_loss)
        if show == "dL/dw" and n_train:
            shown = model.backward(self.X_train, self.y_train)
        else:
            shown = model.params if show == "weights" else [np.zeros_like(p) for p in model.params]
        self.network.update(shown, what=show)
        self._show_view(show, train_loss + test_loss)
        train_acc = model.accuracy(self.X_train, self.y_train) if n_train else None
        test_acc = model.accuracy(self.X_test, self.y_test) if n_test else None
        self.counter.set_text(f"epoch {k}")  # short: every glyph costs drawing time
        if self._error:
            self.show_message(self._error)
        elif not n_train:
            self.show_message("No training points: click the picture to add some")
        last = len(self.records) - 1
        self.state = {
            "epoch": k, "layer_sizes": list(model.layer_sizes), "train_loss": train_loss[-1],
            "test_loss": test_loss[-1], "train_accuracy": train_acc, "test_accuracy": test_acc,
            "n_train": n_train, "n_test": n_test, "z_grid": z, "classes": self.n_classes,
            "edges": show, "largest_edge": self.network.largest, "error": self._error or None,
            "at_limit": k >= EPOCH_LIMIT, "loss_top": self.loss_ax.get_ylim()[1], "last_epoch": last,
        }
        if not self._error:
            self.state.pop("error")
        self.controls["step"].disabled = k >= EPOCH_LIMIT
        self.set_readout(self._readout_html(activation, show))

    def _readout_html(self, activation, show):
        st = self.state
        limit = (f" &middot; <b>stopped at {EPOCH_LIMIT} epochs</b>, the end of the loss chart: Reset to train again"
                 if st["at_limit"] else "")
        back = (f" &middot; <b>showing epoch {st['epoch']} of {st['last_epoch']}</b>: training goes on from here"
                if st["epoch"] < st["last_epoch"] else "")
        output = "softmax, cross-entropy" if st["classes"] == 3 else "sigmoid, BCE"
        return (  # one line: it sits above the wide figure
            f"<div style='font-size:13px'>network <b>{'-'.join(map(str, st['layer_sizes']))}</b> ({activation})"
            f" &middot; output {output} &middot; epoch <b>{st['epoch']}</b>"
            f" &middot; train: {_part(st['train_loss'], st['train_accuracy'], st['n_train'])}"
            f" &middot; test: {_part(st['test_loss'], st['test_accuracy'], st['n_test'])}"
            f" &middot; largest |{show}|: {self.network.largest:.3g}{back}{limit}</div>")

    def _describe(self):
        st = self.state
        sizes = "-".join(map(str, st["layer_sizes"]))
        text = (f"Network {sizes} ({self.controls['activation'].value}) on {self.controls['dataset'].value} with "
                f"{st['classes']} classes, epoch {st['epoch']}: train {_sentence(st['train_loss'], st['train_accuracy'], st['n_train'])}, "
                f"test {_sentence(st['test_loss'], st['test_accuracy'], st['n_test'])}; edges show {st['edges']}")
        return text + (f". {st['error']}" if st.get("error") else "")

    def _code_args(self):
        values = self.values
        args = {name: values[name] for name in ("dataset", "noise", "test_share", "layers", "units", "activation",
                                                "lr", "batch_size", "epochs_per_frame", "seed")}
        if values["dataset"] == _points.YOUR_POINTS:
            del args["dataset"], args["noise"]
            c = self.custom
            args.update(X=c["X"], y=c["y"], test=[int(i) for i in np.flatnonzero(c["test"])])
        if self.schedule:
            args["train"] = [tuple(stretch) for stretch in self.schedule]
        if self.model.epoch != len(self.records) - 1:
            args["history"] = self.model.epoch
        return args


def _part(loss, accuracy, n):
    if not n:
        return "no points"
    return f"loss {loss:.3f}, accuracy <b>{percent(accuracy)}</b> ({n} point{'s' if n != 1 else ''})"


def _sentence(loss, accuracy, n):
    if not n:
        return "no points"
    return f"accuracy {percent(accuracy)} (loss {loss:.3f})"


def _as_list(value, name):
    if isinstance(value, (str, bytes, dict)) or not np.iterable(value):
        raise TypeError(f"{name} must be a list; got {value!r}")
    return list(value)


@with_presets
def mlp_playground(dataset="XOR", noise=0.1, test_share=0.3, layers=1, units=4, activation="tanh",
                   lr=0.3, batch_size=8, epochs_per_frame=2, seed=0, X=None, y=None, test=None, train=None,
                   history=None, canvas="auto"):
    """A TensorFlow-Playground-like explorer: train an MLP on a 2-D data set, live.

    Press the Play button (or Step) to train; change lr or batch size while it runs;
    changing the data, the architecture, the activation or the seed starts a new run.
    The history slider goes back to any epoch of the run without training again.
    A click on the map adds a training point of the class chosen under "click adds"
    (Shift+click: the next class), a click on a point removes it, Clear empties the
    plane; the run starts again on your points.

    Parameters
    ----------
    dataset : {"XOR", "moons", "circles", "spiral", "blobs", "three blobs", "penguins"}
        "three blobs" and "penguins" (bill length and depth of three species, standardised
        as in notebook 07) have three classes: the output is then a softmax over three
        units trained with cross-entropy, and the map is shaded in three colours.
    noise : float in [0, 0.5]
    test_share : float in [0.1, 0.5]
        Share of the points held out as a test set.
    layers, units : int
        Hidden layers (1-3) and units in each (1-8).
    activation : {"sigmoid", "tanh", "relu"}
        Hidden activation g; two classes get a sigmoid output trained with binary
        cross-entropy, three a softmax with cross-entropy.
    lr : float
        Learning rate η (log-scale slider from 0.001 to 10).
    batch_size : {1, 8, 32, 0}
        0 trains on all training points at once (full batch).
    epochs_per_frame : {1, 2, 5, 20}
        Epochs trained per tick of Play (and per Step).
    seed : int
        Seeds the data, the initial weights and the shuffling.
    X, y : (n, 2) and (n,) arrays, optional
        Your own points, with class ids 0, 1 (and 2) in ``y``; ``X=[], y=[]`` is an empty
        plane. For a table of your own, use :func:`mlp_playground.from_data` or
        :func:`mlp_playground.from_csv`, which check and standardise it.
    test : list of int, optional
        Which of your points are test points (default: ``test_share`` of them, drawn
        with ``seed``).
    train : list of (epochs, lr, batch size), optional
        Training to replay from the seed before showing the explorer: what
        ``to_code()`` writes so that the call gives back the same weights, bit for bit.
    history : int, optional
        The epoch to show (default: the last one trained).
    preset : str, optional
        A named start from :func:`helpers.widgets.presets`.
    canvas : {"auto", "ipympl", "image", "agg"}

    Returns
    -------
    MLPPlayground
        ``.controls``, ``.figure``, ``.state`` (epoch, train/test loss and accuracy),
        ``.step()``, ``.reset()``, ``.train(epochs)``, ``.points()``, ``.to_code()``.

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
                         epochs_per_frame=epochs_per_frame, seed=seed, X=X, y=y, test=test, train=train,
                         history=history, canvas=canvas)


class DataError(ValueError):
    """A learner's table that cannot be loaded: what is wrong, and in which row."""


def _classes(labels, where):
    """Class ids (0, 1, 2 in sorted order of the labels) and the labels, or a DataError."""
    names = sorted(set(labels), key=lambda v: (not isinstance(v, (int, float)), v))
    if len(names) < 2:
        raise DataError(f"{where} has one class only ({names[0]!r}): a classifier needs two or three")
    if len(names) > 3:
        raise DataError(f"{where} has {len(names)} classes ({', '.join(map(repr, names))}); "
                        "the playground draws two or three: keep the rows of two or three of them")
    index = {name: k for k, name in enumerate(names)}
    return np.array([index[v] for v in labels], dtype=float), names


def from_data(X, y, **kwargs):
    """A playground on your own table: two numeric columns and a label with two or three classes.

    ``X`` is standardised as in notebook 07 (:func:`helpers.data.standardize`, every
    column to mean 0 and standard deviation 1) and split into training and test points
    with ``test_share`` and ``seed``. The labels may be numbers or text; class k is the
    k-th label in sorted order. Anything wrong stops it before anything is built, with an
    error that names the problem and the row: a value that is not a number, a missing
    value, one class only, more than three classes, fewer than 4 points.

    Parameters
    ----------
    X : (n, 2) array-like of numbers
    y : (n,) sequence of labels
    **kwargs
        Any other argument of :func:`mlp_playground` (layers, units, lr, seed, ...).

    Returns
    -------
    MLPPlayground, with ``.class_names`` (the label of each class id) and ``.scaler``.
    """
    if isinstance(X, (str, bytes, dict)) or X is None or not np.iterable(X):
        raise TypeError(f"X must be a table of numbers with two columns; got {X!r}")
    if isinstance(y, (str, bytes, dict)) or y is None or not np.iterable(y):
        raise TypeError(f"y must be a sequence of labels, one per row of X; got {y!r}")
    rows, labels = list(X), list(np.asarray(y).tolist() if isinstance(y, np.ndarray) else y)
    if len(rows) != len(labels):
        raise DataError(f"X has {len(rows)} rows but y has {len(labels)} labels: one label per row")
    table = np.empty((len(rows), 2))
    for k, row in enumerate(rows):
        row = list(row) if np.iterable(row) and not isinstance(row, (str, bytes)) else [row]
        if len(row) != 2:
            raise DataError(f"row {k} of X (counting from 0) has {len(row)} values; the playground needs 2 columns")
        for j, value in enumerate(row):
            table[k, j] = _number(value, f"row {k} of X (counting from 0), column {j}")
    for k, label in enumerate(labels):
        if label is None or (isinstance(label, float) and math.isnan(label)) or str(label).strip() in ("", "NA", "nan"):
            raise DataError(f"row {k} of y (counting from 0) has no label (a missing value)")
    return _playground_from(table, labels, "y", kwargs)


def _number(value, where):
    if isinstance(value, (bool, np.bool_)):
        raise DataError(f"{where} is {value!r}, not a number")
    if isinstance(value, str):
        text = value.strip()
        if text in ("", "NA", "nan", "NaN"):
            raise DataError(f"{where} is missing (empty or NA)")
        try:
            value = float(text)
        except ValueError:
            raise DataError(f"{where} is {value!r}, not a number") from None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise DataError(f"{where} is {value!r}, not a number") from None
    if math.isnan(number):
        raise DataError(f"{where} is missing (NaN)")
    if math.isinf(number):
        raise DataError(f"{where} is infinite")
    return number


def _playground_from(table, labels, label_name, kwargs):
    if len(labels) < MIN_POINTS:
        raise DataError(f"only {len(labels)} point{'s' if len(labels) != 1 else ''}: the playground needs at least "
                        f"{MIN_POINTS} to train and test on")
    ids, names = _classes(labels, f"the label column {label_name!r}")
    for name in ("X", "y", "test", "dataset", "noise"):
        if name in kwargs:
            raise TypeError(f"{name} comes from your data; do not pass it too")
    test_share = kwargs.get("test_share", 0.3)
    seed = kwargs.get("seed", 0)
    check_setting(test_share, "test_share", 0.1, 0.5)
    check_setting(seed, "seed", 0, 9, integer=True)
    scaled, _, scaler = data.standardize(table)
    test = np.flatnonzero(split_mask(len(ids), test_share, seed)).tolist()
    playground = mlp_playground(X=scaled, y=ids, test=test, **kwargs)
    playground.class_names, playground.scaler = names, scaler
    return playground


def from_csv(path, x, y, label, **kwargs):
    """A playground on a CSV file: columns ``x`` and ``y`` are the axes, ``label`` the class.

    Reads the file with the csv module (a header row, then one row per point), checks
    every row and calls :func:`from_data`. Errors name the problem, the column and the
    line of the file: a column not found, a value that is not a number, a missing
    value, one class only, more than three classes, fewer than 4 points.

    The penguins' table has birds with a measurement missing; drop them first:

    >>> mlp_playground.from_csv(data.PENGUINS_PATH, x="bill_length_mm", y="bill_depth_mm", label="species")
    Traceback (most recent call last):
    ...
    helpers.widgets.playground.DataError: line 5 of penguins.csv, column 'bill_length_mm' is missing (empty or NA)
    """
    import csv
    import pathlib

    columns = {"x": x, "y": y, "label": label}
    for role, column in columns.items():
        if not isinstance(column, str):
            raise TypeError(f"{role} must be a column name (a string); got {column!r}")
    try:
        handle = open(path, newline="", encoding="utf-8")
    except (OSError, TypeError) as exc:
        raise DataError(f"cannot open {path!r}: {exc}") from None
    name = pathlib.Path(path).name
    with handle:
        reader = csv.DictReader(handle)
        header = reader.fieldnames or []
        for role, column in columns.items():
            if column not in header:
                raise DataError(f"column {column!r} (given as {role}) not found in {name}; its columns are "
                                f"{', '.join(map(repr, header)) or 'none (an empty file)'}")
        table, labels = [], []
        for row in reader:
            line = reader.line_num
            table.append([_number(row[x], f"line {line} of {name}, column {x!r}"),
                          _number(row[y], f"line {line} of {name}, column {y!r}")])
            value = (row[label] or "").strip()
            if value in ("", "NA"):
                raise DataError(f"line {line} of {name}, column {label!r} is missing (empty or NA)")
            labels.append(value)
    return _playground_from(np.array(table, dtype=float).reshape(-1, 2), labels, label, kwargs)


mlp_playground.from_data = from_data
mlp_playground.from_csv = from_csv
