"""gradient_flow_explorer: how large the gradient is at each layer of a deeper network.

A network of 1 to 6 hidden layers of 8 units learns the two moons. The bars show, for
each weight matrix from the input side (layer 1, v) to the output (the last, w), the size
of its gradient ``||dL/dW||`` (the square root of the sum of its squared entries, bias row
included) on a log scale: a grey dash at the start of training, the bar now. Backprop
multiplies the gradient by each layer's slope g'(r) on its way to the input: sigmoid's
is at most 1/4, so with sigmoid the first layers of a deep network get a gradient
thousands of times smaller than the last, and hardly learn. ReLU's slope is 1 wherever
a unit is on, and its gradient reaches the first layer undiminished.

Play / Step / Reset train (minibatches of 20, as in the playground); ``train(epochs)``
does from code what Play does.
"""

import numpy as np

from .. import data
from .._validate import check_choice, check_int, check_setting
from ..mlp import MLP
from ..plots._style import number as fixed
from ..plots._style import percent
from . import _controls
from ._access import number
from ._base import Explorer
from ._training import TrainingControls, check_stretches
from .playground import loss_top

ACTIVATIONS = ("sigmoid", "tanh", "relu")
DEPTHS = (1, 6)
UNITS = 8
N_POINTS = 200
NOISE = 0.1
BATCH = 20
EPOCHS_PER_FRAME = 2
EPOCH_LIMIT = 500
MAP = 40
VIEW = (-2.0, 2.0)
LOSS_REGION = (0.8, 0.0, 1.0, 0.92)  # the loss chart with its labels, in figure fractions


def grad_norms(model, X, y):
    """``||dL/dW||`` of every weight matrix of ``model`` on (X, y), the input side first."""
    return [float(np.linalg.norm(g)) for g in model.backward(X, y)]


class GradientFlowExplorer(TrainingControls, Explorer):
    """Per-layer gradient sizes of a deeper MLP as it trains. Use :func:`gradient_flow_explorer`."""

    control_rows = [["play", "step", "reset"], ["depth", "activation", "lr"]]
    control_help = {
        "play": "train: every tick trains 2 epochs; press again to pause",
        "depth": "hidden layers of 8 units; a new depth starts a new run at epoch 0",
    }
    epochs_per_frame = EPOCHS_PER_FRAME
    epoch_limit = EPOCH_LIMIT

    def __init__(self, depth=6, activation="sigmoid", lr=0.1, epochs=0, seed=0, train=None, canvas="auto"):
        import ipywidgets as widgets

        depth = check_setting(depth, "depth", *DEPTHS, integer=True)
        activation = check_choice(activation, "activation", ACTIVATIONS)
        lr = check_setting(lr, "lr", 10**-3, 10**1)
        self._start_epochs = check_int(epochs, "epochs", maximum=EPOCH_LIMIT)
        self.seed = check_int(seed, "seed")
        self._start_train = check_stretches(train, [
            ("epochs", lambda v, name: check_int(v, name, minimum=1, maximum=EPOCH_LIMIT)),
            ("lr", lambda v, name: check_setting(v, name, 10**-3, 10**1))])
        self._replay_lr = None
        controls = {
            "play": _controls.play(value=0, min=0, max=10**9, interval=40, description="train"),
            "step": _controls.button(_controls.STEP_LABEL, "train 2 epochs, then stop", width="70px"),
            "reset": _controls.button(_controls.RESET_LABEL, "back to epoch 0: the same initial weights (from the seed)",
                                      width="70px"),
            "depth": widgets.IntSlider(value=depth, min=DEPTHS[0], max=DEPTHS[1], description="hidden layers",
                                       layout=widgets.Layout(width="260px")),
            "activation": widgets.ToggleButtons(options=list(ACTIVATIONS), value=activation, description="g(r)",
                                                tooltips=[f"every hidden unit uses {a}" for a in ACTIVATIONS]),
            "lr": _controls.lr_slider(lr, -3, 1, 0.1, width="280px"),
        }
        self._run_key = None
        self._error = ""
        self.X, self.y = data.make_moons(N_POINTS, noise=NOISE, seed=self.seed)
        super().__init__(controls, figsize=(10.0, 4.3), canvas=canvas)
        self._wire_training()

    # ----- training -------------------------------------------------------------------
    @property
    def epoch(self):
        return self.model.epoch

    def _train_epochs(self, epochs):
        lr = self._replay_lr if self._replay_lr is not None else self.controls["lr"].value
        # the stretches of training at one lr, in order: to_code replays them
        if self.schedule and self.schedule[-1][1] == lr:
            self.schedule[-1][0] += epochs
        else:
            self.schedule.append([epochs, lr])
        self.model.fit(self.X, self.y, lr=lr, epochs=epochs, batch_size=BATCH, rng=self.rng, callback=self._record)

    def _record(self, model, history):
        self.losses.append(history["loss"][-1])

    def _restart(self):
        self._run_key = None
        self._model_key = None

    def _new_run(self, depth, activation):
        self.model = MLP([2] + [UNITS] * depth + [1], hidden=activation, output="sigmoid", seed=self.seed)
        self.rng = np.random.default_rng(self.seed)
        self.start_norms = grad_norms(self.model, self.X, self.y)
        self.losses = [self.model.loss(self.X, self.y)]
        self.schedule = []
        self._new_run_controls()
        if self._start_epochs:
            epochs, self._start_epochs = self._start_epochs, 0
            self._advance(epochs)
        stretches, self._start_train = self._start_train, []
        try:
            for count, lr in stretches:
                self._replay_lr = lr
                self._advance(count)
        finally:
            self._replay_lr = None

    # ----- figure ---------------------------------------------------------------------
    def _build(self, fig):
        from .. import plots
        from ..plots import _style, gradients

        self._plots = plots
        ax = self.bars_ax = fig.add_axes([0.075, 0.14, 0.4, 0.7])
        self.bars = gradients.GradientBars(ax, DEPTHS[1] + 1, (gradients.FLOOR * 100, 100.0))
        from matplotlib.patches import Patch

        ax.legend(handles=[Patch(facecolor=_style.DERIVATIVE, edgecolor=_style.INK, label="now"), self.bars.start],
                  loc="upper right", fontsize=8, framealpha=0.9, ncol=2)
        ax.set_title("the gradient's size per weight matrix", fontsize=10, loc="left")
        # short dynamic texts: every glyph costs drawing time on every frame
        self.ratio = ax.text(0.02, 0.97, "", transform=ax.transAxes, ha="left", va="top", fontsize=10, zorder=5,
                             bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.5})
        ax = self.map_ax = fig.add_axes([0.545, 0.14, 0.2365, 0.55])  # square: 0.2365 * 10 in = 0.55 * 4.3 in
        self.map = plots.plot_probability_map(np.full(MAP * MAP, 0.5), VIEW, VIEW, ax=ax)
        ax.set_title("the network's z on the data", fontsize=9)
        ax.tick_params(labelsize=8)
        self.points = []
        for k in (0, 1):
            style = _style.class_style(k)
            X = self.X[self.y == k]
            self.points.append(ax.plot(X[:, 0], X[:, 1], ls="none", marker=style["marker"], color=_style.INK,
                                       mfc=style["color"],
                                       mec=_style.INK, mew=0.4, ms=4, zorder=3)[0])
        self.grid = plots.grid_points(VIEW, VIEW, MAP)
        ax = self.loss_ax = fig.add_axes([0.86, 0.14, 0.125, 0.7])
        self.loss_line = ax.plot([], [], color=_style.INK, lw=1.6)[0]
        from matplotlib.ticker import FuncFormatter

        # linear up to epoch 1, logarithmic beyond: a fast run and a slow one both keep their room
        ax.set_xscale("symlog", linthresh=1.0, linscale=0.4)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
        ax.set_xlim(0, EPOCH_LIMIT)
        ax.set_ylim(0, 1)
        ax.set_xlabel("epoch (log scale)")
        ax.set_ylabel("loss $L$ (mean BCE)")
        ax.tick_params(labelsize=8)
        ax.grid(alpha=0.3)
        self.heading = fig.text(0.5, 0.965, "", ha="center", va="center", fontsize=11)
        # the map changes with the weights only (not with an lr move): a layer, redrawn when they change
        self.layer += [self.map.image, *self.points]
        self._model_key = None
        self.dynamic += [*self.bars.dynamic, self.ratio, self.loss_line, self.heading]

    def _update(self, play, depth, activation, lr):
        # A diverged network's weights overflow: its numbers come out inf or NaN, and say so, quietly
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            self._show(depth, activation, lr)

    def _show(self, depth, activation, lr):
        key = (depth, activation)
        if key != self._run_key:
            self._new_run(depth, activation)
            self._run_key = key
        model = self.model
        norms = grad_norms(model, self.X, self.y)
        self.bars.update(norms, self.start_norms)
        ratio = norms[0] / norms[-1] if norms[-1] > 0 else float("nan")
        self.ratio.set_text(f"first / last: {self._times(ratio)}")
        if (key, model.epoch) != self._model_key:
            self._model_key = (key, model.epoch)
            # a diverged network's z is NaN: the map shows 0.5 (no answer) under the message that says so
            self.map.update(np.nan_to_num(model.forward(self.grid), nan=0.5))
            self.request_layer_redraw()
        self.loss_line.set_data(np.arange(len(self.losses)), self.losses)
        top = loss_top(self.losses) if np.all(np.isfinite(self.losses)) else 1.0
        if top != self.loss_ax.get_ylim()[1]:
            self.loss_ax.set_ylim(0, top)
            self.redraw_static(self.loss_ax, LOSS_REGION)
        accuracy = model.accuracy(self.X, self.y)
        self.heading.set_text(f"epoch {model.epoch}")
        if self._error:
            self.show_message(self._error)
        self.state = {
            "depth": depth, "activation": activation, "lr": lr, "epoch": model.epoch,
            "layer_sizes": list(model.layer_sizes), "grad_norms": norms, "start_grad_norms": list(self.start_norms),
            "ratio": ratio, "loss": self.losses[-1], "losses": list(self.losses), "accuracy": accuracy,
            "seed": self.seed,
        }
        if self._error:
            self.state["error"] = self._error
        self.set_readout(self._readout_html())

    @staticmethod
    def _times(ratio):
        """A ratio for the figure: 1/8,000 reads better than 0.000125.

        >>> GradientFlowExplorer._times(0.000125), GradientFlowExplorer._times(0.25), GradientFlowExplorer._times(5.64)
        ('1/8,000', '0.25', '5.6')
        """
        if not np.isfinite(ratio):
            return "\u2013"
        if ratio == 0:
            return "0"
        return f"1/{1 / ratio:,.0f}" if ratio < 0.01 else f"{ratio:.2g}"

    def _readout_html(self):
        st = self.state
        names = self._plots.gradients.layer_names(len(st["grad_norms"]))
        rows = "".join(f"<tr><td>{n}</td><td>{a:.2e}</td><td>{b:.2e}</td></tr>"
                       for n, a, b in zip(names, st["start_grad_norms"], st["grad_norms"]))
        return (f"<div style='font-size:13px; line-height:1.5'>"
                f"<div>network <b>{'-'.join(map(str, st['layer_sizes']))}</b> ({st['activation']}), "
                f"epoch <b>{st['epoch']}</b></div>"
                f"<div>loss {fixed(st['loss'], 3)}, accuracy <b>{percent(st['accuracy'])}</b> ({len(self.y)} points)</div>"
                f"<div>training: lr (&eta;) {st['lr']:.3g}, batch size {BATCH}, {EPOCHS_PER_FRAME} epochs per frame</div>"
                f"<div>first layer / last layer: <b>{st['ratio']:.2e}</b></div>"
                f"<table style='font-family:monospace'><tr><th>layer</th><th>epoch 0</th><th>now</th></tr>{rows}</table>"
                f"</div>")

    def _describe(self):
        st = self.state
        ratio = number(st["ratio"], 4) if st["ratio"] >= 1e-4 else f"{st['ratio']:.1e}"
        text = (f"{st['depth']} hidden layers of {UNITS} {st['activation']} units at epoch {st['epoch']}: "
                f"the gradient's size from the first layer to the last is "
                f"{', '.join(f'{n:.1e}' for n in st['grad_norms'])}; the first layer gets {ratio} times the last; "
                f"loss {number(st['loss'], 3)}, accuracy {percent(st['accuracy'])}")
        return text + (f". {st['error']}" if st.get("error") else "")

    factory = "gradient_flow_explorer"

    def _code_args(self):
        """Depth, activation, lr and the training so far: ``epochs`` when every epoch ran at today's lr,
        else ``train``, the stretches of (epochs, lr) in order, so that the weights come out the same."""
        st = self.state
        args = {"depth": st["depth"], "activation": st["activation"], "lr": st["lr"]}
        if all(lr == st["lr"] for _, lr in self.schedule):
            args["epochs"] = st["epoch"]
        else:
            args["train"] = [(count, lr) for count, lr in self.schedule]
        args["seed"] = self.seed
        return args


def gradient_flow_explorer(depth=6, activation="sigmoid", lr=0.1, epochs=0, seed=0, train=None, canvas="auto"):
    """See the gradient shrink (or not) on its way from the output back to the first layer.

    A network with ``depth`` hidden layers of 8 units learns the two moons (200 points).
    The bars show the size ``||dL/dW||`` of each weight matrix's gradient, input side
    first, on a log scale: grey dashes at the start of training, bars now. With sigmoid
    the gradient shrinks by about 4 or more per layer on its way back (g' <= 1/4), so the
    first layers of a deep network barely move; with relu it does not.

    Parameters
    ----------
    depth : int in [1, 6]
        Hidden layers.
    activation : {"sigmoid", "tanh", "relu"}
        Hidden activation g; initial weights are the MLP's defaults (Glorot for sigmoid and
        tanh, He for relu).
    lr : float in [0.001, 10]
        Learning rate (log-scale slider); changing it does not restart the run.
    epochs : int
        Epochs to train before showing (rebuilds a state that ``to_code`` printed).
    seed : int
        Seeds the data, the initial weights and the shuffling.
    train : list of (epochs, lr), optional
        Stretches of training to replay after ``epochs``, each at its own learning rate (what
        ``to_code`` writes when the lr was moved during a run).
    canvas : {"auto", "ipympl", "image", "agg"}

    Returns
    -------
    GradientFlowExplorer
        ``.controls``, ``.figure``, ``.state`` (``grad_norms``: one size per layer, input side
        first; ``start_grad_norms``; ``ratio``: first / last; ``epoch``, ``loss``, ...),
        ``.set(depth=..., activation=...)``, ``.train(epochs)``, ``.to_code()``.

    Examples
    --------
    >>> e = gradient_flow_explorer(depth=6, activation="sigmoid", canvas="agg")
    >>> len(e.state["grad_norms"]), e.state["ratio"] < 0.01
    (7, True)
    >>> e.set(activation="relu").state["ratio"] > 0.1
    True
    """
    return GradientFlowExplorer(depth=depth, activation=activation, lr=lr, epochs=epochs, seed=seed, train=train,
                                canvas=canvas)
