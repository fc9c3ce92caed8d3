"""perceptron_explorer: drag w0, w1, w2 and watch the decision boundary move.

A point exactly on the boundary (s = 0, up to rounding) follows the lecture: f(0) = +1,
so a y = -1 point there is misclassified (and ringed), yet its loss max(0, -y s) is 0.
The figure and the readout say how many points lie on the boundary whenever any do, so
"loss 0.00" beside misclassified points is explained on screen.
"""

import numpy as np

from .. import activations, data, losses, perceptron
from .._validate import as_array, check_choice, check_setting
from ..plots._style import number as fixed, percent
from . import _points
from ._access import numbers
from ._base import Explorer
from ._presets import with_presets
from ._views import ViewBackgrounds

GATES = ("AND", "OR", "NAND", "XOR")
GATE_VIEW = {"xlim": (-0.5, 1.5), "ylim": (-0.5, 1.5), "ticks": [-0.5, 0, 0.5, 1, 1.5], "names": ("x_1", "x_2")}


def _coord(v):
    """A point's coordinate for the table: 0 and 1 as they are, a clicked 0.7312 as 0.73."""
    return f"{v:g}" if float(v).is_integer() else fixed(v, 2)


def _fmt(x):
    text = fixed(x, 2)
    return text if text.startswith("\u2212") else "&nbsp;" + text


class PerceptronExplorer(ViewBackgrounds, Explorer):
    """Sliders for the weights of a two-input perceptron, a data set and an activation.

    Use :func:`perceptron_explorer` to make one.
    """

    control_rows = [["dataset", "activation"], ["w0", "w1", "w2"], ["add", "clear"]]
    control_help = {"add": _points.ADD_TOOLTIP}
    factory = "perceptron_explorer"

    def __init__(self, dataset="AND", w=(-0.1, 0.2, 0.0), activation="sign", X=None, y=None,
                 name="custom", feature_names=("x_1", "x_2"), w_range=(-3.0, 3.0), view=None, canvas="auto"):
        import ipywidgets as widgets

        lo, hi = as_array(w_range, "w_range", shape=(2,)).tolist()
        if not lo < hi:
            raise ValueError(f"w_range must be (low, high) with low < high; got {w_range!r}")
        self.w_range = (lo, hi)
        w = [check_setting(v, f"w[{i}]", lo, hi) for i, v in enumerate(as_array(w, "w", shape=(3,)))]
        dataset = check_choice(dataset.upper() if isinstance(dataset, str) else dataset, "dataset", GATES)
        activation = check_choice(activation, "activation", ("sign", "step"))
        if not isinstance(name, str):
            raise TypeError(f"name must be a string, the custom data's name in the dropdown; got {name!r}")
        if (isinstance(feature_names, str) or np.ndim(feature_names) != 1 or len(feature_names) != 2
                or not all(isinstance(f, str) for f in feature_names)):
            raise TypeError(f"feature_names must be two strings (the axis labels); got {feature_names!r}")
        self.feature_names = tuple(feature_names)
        self.custom = None  # your data: {"X", "y" (+1/-1), "name", "view"}
        if X is not None or y is not None:
            X, y = _points.as_points(X, y)
            self.custom = {"X": X, "y": np.where(y > 0, 1.0, -1.0), "name": name,
                           "view": self._view_of(X, view)}
            dataset = name
        elif view is not None:
            raise ValueError("view sets the axes of your own data: give it with X and y")
        slider = dict(min=lo, max=hi, step=0.05, continuous_update=True, readout_format=".2f",
                      style={"description_width": "64px"},
                      layout=widgets.Layout(width="410px"))  # 2 px per step: a mouse lands on 0
        controls = {
            "dataset": widgets.Dropdown(options=self._options(), value=dataset, description="data",
                                        layout=widgets.Layout(width="170px")),
            "activation": widgets.ToggleButtons(options=["sign", "step"], value=activation,
                                                description="activation f(s)",
                                                tooltips=["sign: classes \u22121 and +1", "step: classes 0 and 1"],
                                                style={"button_width": "60px", "description_width": "initial"}),
            "w0": widgets.FloatSlider(value=w[0], description="w0 (bias)", **slider),
            "w1": widgets.FloatSlider(value=w[1], description="w1", **slider),
            "w2": widgets.FloatSlider(value=w[2], description="w2", **slider),
            "add": _points.class_toggle([("A (+1) \u25b2", 1.0), ("B (\u22121) \u25cf", -1.0)], 1.0),
            "clear": _points.clear_button(),
        }
        controls["clear"].on_click(lambda _: self.clear_points())
        super().__init__(controls, figsize=(6.4, 4.2), canvas=canvas)
        controls["add"].unobserve(self._on_control, names="value")  # it chooses what a click adds: nothing to redraw

    def _view_of(self, X, view):
        """The axes of your data: ``view`` = ((x0, x1), (y0, y1)) if given, else the data's range."""
        from .. import plots

        if view is not None:
            box = as_array(view, "view", shape=(2, 2))
            if not (box[0, 0] < box[0, 1] and box[1, 0] < box[1, 1]):
                raise ValueError(f"view must be ((x_low, x_high), (y_low, y_high)) with low < high; got {view!r}")
            xlim, ylim = tuple(box[0].tolist()), tuple(box[1].tolist())
        elif len(X):  # as plot_decision_boundary picks it
            xlim, ylim = plots.boundary.default_limits(X)
        else:
            xlim, ylim = GATE_VIEW["xlim"], GATE_VIEW["ylim"]
        ticks = GATE_VIEW["ticks"] if (xlim, ylim) == (GATE_VIEW["xlim"], GATE_VIEW["ylim"]) else None
        return {"xlim": xlim, "ylim": ylim, "ticks": ticks, "names": self.feature_names}

    def _options(self):
        return [self.custom["name"], *GATES] if self.custom is not None else list(GATES)

    def _is_custom(self, dataset):
        return self.custom is not None and dataset == self.custom["name"]

    def _points(self, dataset, activation):
        if self._is_custom(dataset):
            X, y = self.custom["X"], self.custom["y"]
            y01 = (y > 0).astype(float)
        else:
            X, y01 = data.logic_gate(dataset, labels="01")
        return X, (2 * y01 - 1 if activation == "sign" else y01)

    # ----- your own points --------------------------------------------------------------
    def mouse_axes(self):
        return [self.ax]

    def _on_pointer(self, kind, ax, xy, shift):
        if kind != "down":
            return False
        values = self.values
        X, y = self._points(values["dataset"], "sign")
        label = -values["add"] if shift else values["add"]
        X, y, _ = _points.edit(ax, X, y, xy, label)
        self._use_points(X, y)
        return True

    def _use_points(self, X, y):
        """Show (X, y) as "your points" in the current axes (keeping the view), without a redraw."""
        view = self._view_of(X, (self.ax.get_xlim(), self.ax.get_ylim()))
        view["names"] = self._shown_names
        self.custom = {"X": X, "y": np.where(y > 0, 1.0, -1.0), "name": _points.YOUR_POINTS, "view": view}
        _points.choose_your_points(self)

    def points(self):
        """The points shown, as (X, y): X is (n, 2), y holds +1/-1 (sign) or 1/0 (step)."""
        with self.lock:
            X, y = self._points(self.controls["dataset"].value, self.controls["activation"].value)
            return np.array(X, dtype=float).reshape(-1, 2), np.array(y, dtype=float)

    def clear_points(self):
        """Empty the plane (the Clear button): no points, the same axes; click to add some."""
        with self.lock:
            self._use_points(np.empty((0, 2)), np.empty(0))
            self.refresh()
        return self

    def _code_args(self):
        values = self.values
        args = {"dataset": "AND" if self._is_custom(values["dataset"]) else values["dataset"],
                "w": (values["w0"], values["w1"], values["w2"]), "activation": values["activation"]}
        if self.w_range != (-3.0, 3.0):
            args["w_range"] = self.w_range
        if self._is_custom(values["dataset"]):
            c = self.custom
            args.update(X=c["X"], y=c["y"], name=c["name"], feature_names=tuple(c["view"]["names"]),
                        view=(c["view"]["xlim"], c["view"]["ylim"]))
            del args["dataset"]
        return args

    # ----- figure -------------------------------------------------------------------------
    def _build(self, fig):
        from .. import plots

        ax = fig.add_axes([0.11, 0.12, 0.55, 0.8])
        dataset, activation = self.controls["dataset"].value, self.controls["activation"].value
        X, y = data.logic_gate("AND", labels="pm1")  # the first update shows the data chosen
        w = [self.controls[k].value for k in ("w0", "w1", "w2")]
        self.ax = ax
        self._reset_views()
        self._shown_view = None
        self.boundary = plots.plot_decision_boundary(w, X, y, ax=ax, activation=activation, legend=False,
                                                     **{k: GATE_VIEW[k] for k in ("xlim", "ylim")})
        self._show_view(dataset)
        ax.set_title("The boundary s = 0 splits the plane", fontsize=10)
        # Named as in the lecture, so the legend holds for sign (-1/+1) and step (0/1) alike.
        self.boundary.points[0].set_label("class B (negative)")
        self.boundary.points[1].set_label("class A (positive)")
        self.legend = ax.legend(handles=[*self.boundary.points, self.boundary.errors, self.boundary.line],
                                loc="upper left", bbox_to_anchor=(1.03, 1.0), fontsize=8.5,
                                borderaxespad=0, frameon=False)
        self.score = ax.text(1.03, 0.02, "", transform=ax.transAxes, fontsize=10, va="bottom", linespacing=1.4)
        # The legend sits outside the axes, so it stays in the cached background.
        self.dynamic += [*self.boundary.dynamic, self.score]

    def _show_view(self, dataset):
        """Axes limits, ticks and labels of the data shown: the gates' unit square or your data's."""
        view = self.custom["view"] if self._is_custom(dataset) else GATE_VIEW
        key = (view["xlim"], view["ylim"], tuple(view["ticks"] or ()), tuple(view["names"]))
        if key == self._shown_view:
            return
        ax = self.ax
        ax.set_xlim(view["xlim"])
        ax.set_ylim(view["ylim"])
        if view["ticks"] is None:
            from matplotlib.ticker import AutoLocator

            ax.xaxis.set_major_locator(AutoLocator())
            ax.yaxis.set_major_locator(AutoLocator())
        else:
            ax.set_xticks(view["ticks"])
            ax.set_yticks(view["ticks"])
        ax.set_xlabel(f"${view['names'][0]}$")
        ax.set_ylabel(f"${view['names'][1]}$")
        self._shown_names = tuple(view["names"])
        self._switch_view(self._shown_view, key)
        self._shown_view = key

    def _update(self, dataset, activation, w0, w1, w2, add=None):
        w = np.array([w0, w1, w2])
        X, y = self._points(dataset, activation)
        self._show_view(dataset)
        self.boundary.update(w, X, y)
        if len(y):
            s = perceptron.weighted_sum(w, X)
            # s = 0 up to rounding is 0 (the lecture's f(0) = +1): -0.3 + 0.1 + 0.2 is not 6e-17 here.
            on_boundary = perceptron._near_zero(s, w, X)
            s = np.where(on_boundary, 0.0, s)
            prediction = (activations.sign if activation == "sign" else activations.step)(s)
            loss = losses.perceptron_loss(s, np.where(y > 0, 1.0, -1.0))
        else:  # an empty plane: nothing to classify
            s = prediction = loss = np.empty(0)
            on_boundary = np.zeros(0, dtype=bool)
        correct = prediction == y
        n_wrong = int(np.sum(~correct))
        total = float(np.sum(loss))
        self.state = {
            "dataset": dataset, "activation": activation, "w": w, "X": X, "y": y, "s": s,
            "prediction": prediction, "correct": correct, "misclassified": n_wrong,
            "accuracy": float(np.mean(correct)) if len(y) else None, "loss": total,
            "on_boundary": int(np.sum(on_boundary)), "n_points": len(y),
        }
        lines = [f"{len(y) - n_wrong} of {len(y)} correct", f"loss = {fixed(total, 2)}"]
        if self.state["on_boundary"]:
            lines.append(f"{self.state['on_boundary']} on the boundary s = 0")
        self.score.set_text("\n".join(lines))
        self.set_readout(self._readout_html())

    def _describe(self):
        st = self.state
        if not st["n_points"]:
            return f"Boundary s = 0 for w = {numbers(st['w'])} on an empty plane: no points yet"
        n, right = len(st["y"]), len(st["y"]) - st["misclassified"]
        text = f"Boundary s = 0 for w = {numbers(st['w'])} on {st['dataset']}: {right} of {n} points correct"
        on_line = int(np.sum(st["s"] == 0))
        if on_line:
            text += f", {on_line} on the boundary (counted as +1)"
        return text + f"; perceptron loss {st['loss']:.2f}"

    def _readout_html(self):
        st = self.state
        w0, w1, w2 = st["w"]
        head = (f"<b>s = {fixed(w0, 2)}&middot;1 {'+' if w1 >= 0 else '&minus;'} {fixed(abs(w1), 2)}&middot;x1 "
                f"{'+' if w2 >= 0 else '&minus;'} {fixed(abs(w2), 2)}&middot;x2</b>")
        rows = ""
        if len(st["y"]) <= 12:
            for x, s, p, y, ok in zip(st["X"], st["s"], st["prediction"], st["y"], st["correct"]):
                mark = "&#10003;" if ok else "<b>&#10007;</b>"
                rows += (f"<tr><td>({_coord(x[0])}, {_coord(x[1])})</td><td>{_fmt(s)}</td><td>{p:+.0f}</td>"
                         f"<td>{y:+.0f}</td><td>{mark}</td></tr>")
            rows = ("<table style='font-family:monospace'><tr><th>x</th><th>s</th><th>f(s)</th>"
                    f"<th>y</th><th></th></tr>{rows}</table>")
        boundary = ""
        if st["on_boundary"]:
            k = st["on_boundary"]
            boundary = (f"<div>{k} point{'s' if k > 1 else ''} on the boundary (s = 0): f(0) = "
                        f"{'+1' if st['activation'] == 'sign' else '1'} calls {'them' if k > 1 else 'it'} class A, "
                        "so a class-B point there is misclassified, yet its loss max(0, &minus;y&middot;s) is 0</div>")
        if not st["n_points"]:
            return (f"<div style='font-size:13px'>{head}<div><b>no points</b>: click the picture to add one "
                    "of the class chosen under &ldquo;click adds&rdquo;</div></div>")
        return (f"<div style='font-size:13px'>{head}{rows}"
                f"<div>accuracy: <b>{percent(st['accuracy'])}</b> ({st['misclassified']} misclassified)</div>"
                f"<div>total perceptron loss: <b>{fixed(st['loss'], 2)}</b></div>{boundary}</div>")


@with_presets
def perceptron_explorer(dataset="AND", w=(-0.1, 0.2, 0.0), activation="sign", X=None, y=None,
                        name="custom", feature_names=("x_1", "x_2"), w_range=(-3.0, 3.0), view=None,
                        canvas="auto"):
    """An explorer for a two-input perceptron: move w0, w1, w2 and watch the boundary.

    Parameters
    ----------
    dataset : {"AND", "OR", "NAND", "XOR"}
        Logic gate to start on (the dropdown switches between them).
    w : (3,) sequence
        Starting weights (w0, w1, w2); the default is the lecture's starting point.
    activation : {"sign", "step"}
        sign gives classes -1/+1, step gives 0/1.
    X, y : (n, 2) and (n,) arrays, optional
        Your own data (labels > 0 are the positive class), listed first in the dropdown
        under ``name``. Standardise it first so the weight sliders' range fits.
        ``X=[], y=[]`` starts from an empty plane.
    feature_names : (str, str)
        Axis labels (LaTeX without the dollars).
    w_range : (float, float)
        Range of the weight sliders.
    view : ((float, float), (float, float)), optional
        Axes limits ((x1 low, high), (x2 low, high)) for your data (default: its range).
    preset : str, optional
        A named start from :func:`helpers.widgets.presets` (arguments given override it).
    canvas : {"auto", "ipympl", "image", "agg"}
        See :class:`helpers.widgets._base.Explorer`.

    Returns
    -------
    PerceptronExplorer
        ``.controls`` (dataset, activation, w0, w1, w2, add, clear), ``.figure``, ``.state``
        (s, prediction, accuracy, misclassified, loss), ``.set(w0=..., ...)``. A click on
        the picture adds a point of the class chosen under "click adds" (Shift+click: the
        other class), a click on a point removes it, Clear empties the plane;
        ``.points()`` returns the points as (X, y), ``.click(x1, x2)`` clicks from code and
        ``.to_code()`` gives the call that rebuilds what you see.

    Examples
    --------
    >>> explorer = perceptron_explorer("AND", w=(-1.5, 1, 1), canvas="agg")
    >>> explorer.state["accuracy"], explorer.state["misclassified"]
    (1.0, 0)
    >>> explorer.controls["dataset"].value = "XOR"
    >>> explorer.state["misclassified"]
    3
    """
    return PerceptronExplorer(dataset=dataset, w=w, activation=activation, X=X, y=y, name=name,
                              feature_names=feature_names, w_range=w_range, view=view, canvas=canvas)
