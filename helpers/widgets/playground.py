"""mlp_playground: train a small MLP on a 2-D toy set and watch it learn, live.

The TensorFlow Playground idea inside a notebook. The browser ticks an
``ipywidgets.Play``; every tick trains a few epochs and redraws the changed artists,
so the kernel is never blocked for long and Pause stops between two ticks.
"""

import numpy as np

from .. import data
from .._validate import check_choice, check_int, check_setting
from ..mlp import MLP, TrainingDiverged
from ._base import Explorer

N_POINTS = 200
GRID = 40  # the heatmap is GRID x GRID: fine enough to see the boundary, cheap to recompute
BATCHES = (("1", 1), ("8", 8), ("32", 32), ("all", 0))
EPOCHS_PER_FRAME = (1, 2, 5, 20)
RESTART_ON = ("dataset", "noise", "test_share", "layers", "units", "activation", "seed")


class MLPPlayground(Explorer):
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
            "play": widgets.Play(value=0, min=0, max=10**9, step=1, interval=40, description="train",
                                 show_repeat=False),
            "step": widgets.Button(description="Step", tooltip="train one frame's epochs",
                                   layout=widgets.Layout(width="70px")),
            "reset": widgets.Button(description="Reset", tooltip="new initial weights, epoch 0",
                                    layout=widgets.Layout(width="70px")),
            "show": widgets.ToggleButtons(options=["weights", "dL/dw"], value="weights",
                                          description="edges", style={"button_width": "70px"}),
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
                                                description="g(r)", style={"button_width": "64px"}),
            "lr": widgets.FloatLogSlider(value=lr, base=10, min=-3, max=1, step=0.1,
                                         description="lr (η)", readout_format=".3f", layout=wide, style=style),
            "batch_size": widgets.Dropdown(options=BATCHES, value=batch_size, description="batch size",
                                           layout=widgets.Layout(width="170px"), style=style),
            "epochs_per_frame": widgets.Dropdown(options=EPOCHS_PER_FRAME, value=epochs_per_frame,
                                                 description="epochs/frame",
                                                 layout=widgets.Layout(width="170px"), style=style),
            "seed": widgets.IntSlider(value=seed, min=0, max=9, description="seed", layout=wide, style=style),
        }
        self._run_key = None
        self._error = ""
        super().__init__(controls, figsize=(10.0, 4.0), canvas=canvas)
        controls["play"].observe(self._on_tick, names="value")
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
        self.curves = plots.plot_loss_curves(ax=self.loss_ax, max_epochs=50)
        self.loss_ax.set_title("loss falls as the network learns", fontsize=9)
        self.counter = fig.text(0.5, 0.955, "", ha="center", va="center", fontsize=11)
        self.network = None
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
        reach = np.ceil(1.15 * np.abs(X).max() * 2) / 2
        self.limits = (-reach, reach)
        self.grid = self._plots.grid_points(self.limits, self.limits, GRID)
        self._show_run()

    def _show_run(self):
        """Point the (static) artists at the current run: limits, data points, network shape."""
        self.map.image.set_extent((*self.limits, *self.limits))
        self.map_ax.set_xlim(*self.limits)
        self.map_ax.set_ylim(*self.limits)
        self.map.update(X_train=self.X_train, y_train=self.y_train, X_test=self.X_test, y_test=self.y_test)
        self.loss_ax.set_xlim(0, max(50, 2 * self.epochs[-1]))
        self.loss_ax.set_ylim(0, max(1.0, 1.2 * max(self.train_loss[0], self.test_loss[0])))
        sizes = self.model.layer_sizes
        if self.network is None or self.network.layer_sizes != sizes:
            if self.network is not None:
                stale = set(map(id, self.network.dynamic))
                self.dynamic[:] = [a for a in self.dynamic if id(a) not in stale]
            self.net_ax.clear()
            self.network = self._plots.plot_network(sizes, ax=self.net_ax)
            self.dynamic += self.network.dynamic
        self._artists_stale = False
        self.request_full_redraw()

    # ----- training -------------------------------------------------------------------
    def train(self, epochs):
        """Train ``epochs`` more epochs with the current lr and batch size (no redraw)."""
        epochs = check_int(epochs, "epochs")
        if self._error:
            return
        values = self.values
        if self._run_key != tuple(values[k] for k in RESTART_ON):
            return  # settings changed but not yet applied; the next refresh starts a new run

        def record(model, history):
            self.epochs.append(model.epoch)
            self.train_loss.append(history["loss"][-1])
            self.test_loss.append(model.loss(self.X_test, self.y_test))

        try:
            self.model.fit(self.X_train, self.y_train, lr=values["lr"], epochs=epochs,
                           batch_size=values["batch_size"] or None, rng=self.rng, callback=record)
        except TrainingDiverged as exc:
            self._error = f"{exc}.\nPress Reset."
            self.controls["play"].playing = False

    def step(self):
        """Train one frame's worth of epochs and redraw (the Step button)."""
        self.train(self.controls["epochs_per_frame"].value)
        self.refresh()

    def reset(self):
        """Fresh weights from the seed, epoch 0 (the Reset button)."""
        self.controls["play"].playing = False
        self._run_key = None
        self.refresh()

    def _on_tick(self, change):
        if change["new"] > change["old"]:
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
        if self.curves.update(self.epochs, self.train_loss, self.test_loss):
            self.request_full_redraw()
        shown = model.params if show == "weights" else model.backward(self.X_train, self.y_train)
        if self.network.update(shown, what=show):
            self.request_full_redraw()
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
        }
        if not self._error:
            self.state.pop("error")
        self.set_readout(  # one line: it sits above the wide figure
            f"<div style='font-size:13px'>network <b>{'-'.join(map(str, model.layer_sizes))}</b> ({activation})"
            f" &middot; epoch <b>{model.epoch}</b>"
            f" &middot; train: loss {self.train_loss[-1]:.3f}, accuracy <b>{train_acc:.0%}</b> ({len(self.y_train)} points)"
            f" &middot; test: loss {self.test_loss[-1]:.3f}, accuracy <b>{test_acc:.0%}</b> ({len(self.y_test)} points)"
            f" &middot; largest |{show}|: {self.network.largest:.3g}</div>")


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
