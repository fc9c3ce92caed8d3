"""The bad-input survey: every public name of ``helpers``, fed what a learner might type.

The public names are listed from the modules themselves (``public_names``), so a new
function, class, method or explorer cannot be missed: ``test_every_public_name_is_surveyed``
fails until it has an entry in ``SPECS`` (the arguments to try) or in ``EXEMPT`` (why it
takes no learner input).

Each entry names the kind of every argument (an array, ±1 labels, a learning rate, a
count, a seed, a slider's start value, ...). Each kind lists its bad inputs (None,
strings, bools, complex numbers, NaN and inf, empty arrays, wrong shapes, wrong label
encodings, out-of-range values, non-integer counts, negative seeds) and every one of
them must raise ``TypeError`` or ``ValueError`` whose message names the argument:
never a silent answer, never a numpy or traitlets error from deep inside.
"""

import importlib
import inspect
import math
import pkgutil
import re
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import helpers
from helpers import activations as act
from helpers import autodiff, data, losses, mlp, optim, perceptron
from helpers.checks import CheckResult

ERRORS = (TypeError, ValueError)


# ----- listing the public names ---------------------------------------------------------------


def _modules():
    return sorted(m.name for m in pkgutil.iter_modules(helpers.__path__) if not m.name.startswith("_"))


def public_names():
    """``module.name`` for every public callable defined in helpers, ``module.Class.method`` too."""
    names = []
    for module_name in _modules():
        module = importlib.import_module(f"helpers.{module_name}")
        for name in sorted(dir(module)):
            obj = getattr(module, name)
            if name.startswith("_") or inspect.ismodule(obj) or not callable(obj):
                continue
            if not getattr(obj, "__module__", "").startswith(f"helpers.{module_name}"):
                continue  # imported from elsewhere (numpy, another helpers module)
            names.append(f"{module_name}.{name}")
            if inspect.isclass(obj):
                # its own methods, and those it takes from a base no module exports (a mixin such as
                # widgets._training.TrainingControls), which no other entry would survey
                hidden_bases = [base for base in obj.__mro__[1:] if base.__module__.startswith("helpers.")
                                and not hasattr(module, base.__name__)]
                seen = set()
                for cls in (obj, *hidden_bases):
                    for attr, value in vars(cls).items():
                        if attr in seen or attr.startswith("_"):
                            continue
                        seen.add(attr)
                        if callable(value) or isinstance(value, (property, staticmethod)):
                            names.append(f"{module_name}.{name}.{attr}")
    return names


# ----- kinds of argument and their bad values ---------------------------------------------------


class Kind:
    """An argument's good value and the bad ones to try in its place."""

    def __init__(self, good, names=None, optional=False):
        self.good = good
        self.names = names  # words one of which the message must contain (default: the argument)
        self.optional = optional  # None is a documented value (a default), not a bad one

    def bad(self):
        raise NotImplementedError

    def cases(self):
        return [(label, value) for label, value in self.bad() if not (self.optional and value is None)]


class Arr(Kind):
    """An array of numbers (the good value fixes the expected shape)."""

    def __init__(self, good, *, any_shape=False, inf_ok=False, names=None, optional=False, paired=False,
                 empty_ok=False):
        super().__init__(good, names, optional)
        self.any_shape, self.inf_ok, self.paired, self.empty_ok = any_shape, inf_ok, paired, empty_ok

    def bad(self):
        g = np.asarray(self.good, dtype=float)
        nan, inf = g.copy(), g.copy()
        nan.flat[-1], inf.flat[0] = np.nan, np.inf
        cases = [("None", None), ("a string", "1, 2"), ("complex", g + 1j), ("NaN", nan), ("bools", g > 0),
                 ("ragged", [[1.0, 2.0], [3.0]]), ("a dict", {"a": 1})]
        if not self.empty_ok:
            cases.append(("empty", np.empty((0,) + g.shape[1:])))
        if not self.inf_ok:
            cases.append(("inf", inf))
        if not self.any_shape:
            cases.append(("wrong shape", g[..., None, None]))
        if self.paired:  # its length must match another argument's (one label per point, say)
            cases.append(("one too few", g[:-1]))
        return cases


class PM1(Arr):
    def bad(self):
        g = np.asarray(self.good, dtype=float)
        return super().bad() + [("0/1 labels", (g + 1) / 2), ("labels -2/+2", 2 * g)]


class ZeroOne(Arr):
    def __init__(self, good, *, soft=False, **kwargs):
        super().__init__(good, **kwargs)
        self.soft = soft

    def bad(self):
        g = np.asarray(self.good, dtype=float)
        cases = [("-1/+1 labels", 2 * g - 1), ("label 2", np.full(g.shape, 2.0))]
        if not self.soft:
            cases.append(("label 0.5", np.full(g.shape, 0.5)))
        return super().bad() + cases


class Ids(Arr):
    def __init__(self, good, n_classes, **kwargs):
        super().__init__(good, **kwargs)
        self.n_classes = n_classes

    def bad(self):
        g = np.asarray(self.good)
        cases = [("None", None), ("a string", "0"), ("NaN", np.full(g.shape, np.nan)),
                 ("class id = C", np.full(g.shape, self.n_classes)), ("class id -1", np.full(g.shape, -1)),
                 ("class id 0.5", np.full(g.shape, 0.5)), ("complex", g + 1j), ("bools", g > 0)]
        if g.ndim:
            cases += [("empty", []), ("wrong shape", g[:, None])]
        return cases


class Real(Kind):
    """A finite real number, any sign."""

    def bad(self):
        return [("None", None), ("a string", "1.0"), ("True", True), ("NaN", math.nan),
                ("inf", math.inf), ("complex", 1 + 1j), ("a list", [self.good])]


class NonNegative(Real):
    def bad(self):
        return super().bad() + [("negative", -0.5), ("-inf", -math.inf)]


class Positive(NonNegative):
    def bad(self):
        return super().bad() + [("0", 0)]


class Text(Kind):
    def bad(self):
        return [("None", None), ("a number", 3), ("a list", [self.good])]


class Count(Kind):
    def __init__(self, good, minimum=0, names=None, optional=False, maximum=None):
        super().__init__(good, names, optional)
        self.minimum, self.maximum = minimum, maximum

    def bad(self):
        cases = [("None", None), ("a string", "3"), ("True", True), ("2.5", 2.5), ("whole float", 3.0),
                 ("NaN", math.nan), ("below minimum", self.minimum - 1), ("complex", 3 + 0j)]
        if self.maximum is not None:
            cases.append(("above maximum", self.maximum + 1))
        return cases


class Seed(Kind):
    def bad(self):
        return [("negative", -1), ("2.5", 2.5), ("a string", "0"), ("True", True), ("complex", 1j)]


class Choice(Kind):
    def bad(self):
        other = 3 if isinstance(self.good, str) else "nonsense"
        return [("unknown", "nonsense" if isinstance(self.good, str) else 3), ("None", None),
                ("other type", other), ("True", True), ("a list", [self.good])]


class Bool(Kind):
    def bad(self):
        return [("a string", "yes"), ("1", 1), ("None", None)]


def _returns(value):
    return lambda *args, **kwargs: value


class Func(Kind):
    """A function the helper calls; it must also check what the function returns."""

    def __init__(self, good, returns_checked=True, names=None, optional=False):
        super().__init__(good, names, optional)
        self.returns_checked = returns_checked

    def bad(self):
        cases = [("None", None), ("a number", 3.0), ("a string", "x**2")]
        if self.returns_checked:
            cases += [("returns None", _returns(None)), ("returns a string", _returns("1.0")),
                      ("returns complex", _returns(1j)), ("returns NaN", _returns(math.nan))]
        return cases


class Slider(Kind):
    """An explorer's start value for a slider: a number inside the slider's range."""

    def __init__(self, good, integer=False, names=None):
        super().__init__(good, names)
        self.integer = integer

    def bad(self):
        cases = [("None", None), ("a string", "1"), ("True", True), ("NaN", math.nan),
                 ("far above", 1e6), ("far below", -1e6), ("complex", 1j)]
        if self.integer:
            cases.append(("2.5", 2.5))
        return cases


class Triple(Kind):
    """Three slider start values given together, e.g. w = (w0, w1, w2)."""

    def __init__(self, good, bounded=True, names=None, optional=False):
        super().__init__(good, names, optional)
        self.bounded = bounded

    def bad(self):
        cases = [("None", None), ("a string", "abc"), ("one too few", tuple(self.good[:-1])),
                 ("NaN", (math.nan,) + tuple(self.good[1:])), ("complex", (1j,) + tuple(self.good[1:])),
                 ("bools", (True, False, True))]
        if self.bounded:
            cases.append(("out of range", (1e6,) + tuple(self.good[1:])))
        return cases


class Spec:
    """How to call one public name: ``make()`` returns the callable; ``args`` are surveyed."""

    def __init__(self, make, args, fixed=None):
        self.make, self.args, self.fixed = make, args, fixed or {}

    def good_kwargs(self):
        return {**self.fixed, **{name: kind.good for name, kind in self.args.items()}}


# ----- what to try, for every public name -------------------------------------------------------------

X4 = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
Y_PM1 = [-1.0, -1.0, -1.0, 1.0]
Y_01 = [0.0, 1.0, 1.0, 1.0]
S3 = [0.5, -1.0, 2.0]


def _elementwise(fn):
    return Spec(lambda: fn, {"s": Arr(S3, any_shape=True, inf_ok=True)})


def _mlp(output="sigmoid"):
    return mlp.MLP([2, 3, 1] if output == "sigmoid" else [2, 3, 3], output=output, seed=0)


def _model_method(method, *args_kinds):
    return Spec(lambda: getattr(_mlp(), method), dict(args_kinds))


SPECS = {f"activations.{name}": _elementwise(getattr(act, name)) for name in (
    "step", "sign", "relu", "relu_grad", "sigmoid", "sigmoid_grad", "tanh", "tanh_grad",
    "linear", "linear_grad", "step_grad")}
SPECS.update({
    "activations.softmax": Spec(lambda: act.softmax, {"s": Arr([[1.0, 2.0], [0.0, 0.0]], any_shape=True),
                                                                "axis": Count(1, minimum=-2)}),
    # losses
    "losses.perceptron_loss": Spec(lambda: losses.perceptron_loss, {"s": Arr(S3), "y": PM1([-1.0, 1.0, 1.0])}),
    "losses.perceptron_loss_grad": Spec(lambda: losses.perceptron_loss_grad, {"s": Arr(S3), "y": PM1([-1.0, 1.0, 1.0])}),
    "losses.squared_error": Spec(lambda: losses.squared_error, {"z": Arr(S3), "y": Arr([0.0, 1.0, 2.0])}),
    "losses.squared_error_grad": Spec(lambda: losses.squared_error_grad, {"z": Arr(S3), "y": Arr([0.0, 1.0, 2.0])}),
    "losses.binary_cross_entropy": Spec(lambda: losses.binary_cross_entropy,
                                        {"z": Arr([0.2, 0.9]), "y": ZeroOne([0.0, 1.0], soft=True)}),
    "losses.binary_cross_entropy_grad": Spec(lambda: losses.binary_cross_entropy_grad,
                                             {"z": Arr([0.2, 0.9]), "y": ZeroOne([0.0, 1.0], soft=True)}),
    "losses.binary_cross_entropy_with_logits": Spec(lambda: losses.binary_cross_entropy_with_logits,
                                                    {"s": Arr([0.2, -3.0]), "y": ZeroOne([0.0, 1.0], soft=True)}),
    "losses.binary_cross_entropy_with_logits_grad": Spec(lambda: losses.binary_cross_entropy_with_logits_grad,
                                                         {"s": Arr([0.2, -3.0]), "y": ZeroOne([0.0, 1.0], soft=True)}),
    "losses.cross_entropy": Spec(lambda: losses.cross_entropy, {"p": Arr([[0.2, 0.8], [0.5, 0.5]]), "y": Ids([1, 0], 2)}),
    "losses.cross_entropy_grad": Spec(lambda: losses.cross_entropy_grad,
                                      {"p": Arr([[0.2, 0.8], [0.5, 0.5]]), "y": Ids([1, 0], 2)}),
    "losses.cross_entropy_with_logits": Spec(lambda: losses.cross_entropy_with_logits,
                                             {"s": Arr([[0.2, 0.8], [3.0, -1.0]]), "y": Ids([1, 0], 2)}),
    "losses.cross_entropy_with_logits_grad": Spec(lambda: losses.cross_entropy_with_logits_grad,
                                                  {"s": Arr([[0.2, 0.8], [3.0, -1.0]]), "y": Ids([1, 0], 2)}),
    # perceptron
    "perceptron.add_bias": Spec(lambda: perceptron.add_bias, {"X": Arr(X4)}),
    "perceptron.weighted_sum": Spec(lambda: perceptron.weighted_sum, {"w": Arr([-0.1, 0.2, 0.0]), "X": Arr(X4)}),
    "perceptron.predict": Spec(lambda: perceptron.predict,
                               {"w": Arr([-0.1, 0.2, 0.0]), "X": Arr(X4), "activation": Choice("sign")}),
    "perceptron.loss_gradient": Spec(lambda: perceptron.loss_gradient,
                                     {"w": Arr([-0.1, 0.2, 0.0]), "x": Arr([1.0, 0.0]), "y": PM1(-1.0)}),
    "perceptron.misclassified": Spec(lambda: perceptron.misclassified,
                                     {"w": Arr([-0.1, 0.2, 0.0]), "X": Arr(X4), "y": PM1(Y_PM1)}),
    "perceptron.sgd": Spec(lambda: perceptron.sgd, {
        "X": Arr(X4), "y": PM1(Y_PM1), "w": Arr([-0.1, 0.2, 0.0]), "lr": Positive(0.1),
        "epochs": Count(2, minimum=1), "order": Ids([2, 3], 4, optional=True), "rng": Seed(0)}),
    # optim
    "optim.numerical_derivative": Spec(lambda: optim.numerical_derivative,
                                       {"f": Func(math.sin), "x": Arr(1.0, any_shape=True), "h": Positive(1e-5)}),
    "optim.numerical_gradient": Spec(lambda: optim.numerical_gradient,
                                     {"f": Func(lambda w: float(np.sum(w * w))), "w": Arr([1.0, 2.0], any_shape=True),
                                      "h": Positive(1e-5)}),
    "optim.gradient_descent": Spec(lambda: optim.gradient_descent, {
        "grad": Func(lambda x: 2 * x), "x0": Arr([1.0, 2.0]), "lr": Positive(0.1), "steps": Count(3),
        "limit": Positive(10.0, optional=True), "return_info": Bool(False)}),
    "optim.minibatches": Spec(lambda: optim.minibatches, {
        "n": Count(5, minimum=1), "batch_size": Count(2, minimum=1), "rng": Seed(0), "shuffle": Bool(True)}),
    # autodiff
    "autodiff.Value": Spec(lambda: autodiff.Value, {"data": Real(1.5)}),
    "autodiff.sin_of_square": Spec(lambda: autodiff.sin_of_square, {"x": Real(1.0)}),
    "autodiff.one_neuron": Spec(lambda: autodiff.one_neuron,
                                {"x": Real(1.0), "v": Triple((-1.0, 2.0), bounded=False),
                                 "w": Triple((0.5, -1.5), bounded=False)}),
    "autodiff.chain_derivatives": Spec(lambda: autodiff.chain_derivatives,
                                       {"nodes": Choice([autodiff.Value(1.0), autodiff.Value(2.0)])}),
    # mlp
    "mlp.MLP": Spec(lambda: mlp.MLP, {"layer_sizes": Triple((2, 3, 1), bounded=False), "hidden": Choice("sigmoid"),
                                      "output": Choice("sigmoid"), "seed": Seed(0)}),
    "mlp.MLP.forward": _model_method("forward", ("X", Arr(X4))),
    "mlp.MLP.predict_proba": _model_method("predict_proba", ("X", Arr(X4))),
    "mlp.MLP.predict": _model_method("predict", ("X", Arr(X4))),
    "mlp.MLP.hidden_outputs": _model_method("hidden_outputs", ("X", Arr(X4))),
    "mlp.MLP.loss": _model_method("loss", ("X", Arr(X4)), ("y", ZeroOne(Y_01))),
    "mlp.MLP.accuracy": _model_method("accuracy", ("X", Arr(X4)), ("y", ZeroOne(Y_01))),
    "mlp.MLP.backward": _model_method("backward", ("X", Arr(X4)), ("y", ZeroOne(Y_01))),
    "mlp.MLP.fit": _model_method("fit", ("X", Arr(X4)), ("y", ZeroOne(Y_01)), ("lr", Positive(0.5)),
                                 ("epochs", Count(2)), ("batch_size", Count(2, minimum=1, optional=True)),
                                 ("rng", Seed(0)),
                                 ("callback", Func(lambda model, history: None, returns_checked=False, optional=True))),
    "mlp.backprop_trace": Spec(lambda: mlp.backprop_trace, {
        "model": Choice(mlp.worked_example()[0]), "x": Arr([1.0, 0.0]), "y": ZeroOne(0.0)}),
    "mlp.gradient_check": Spec(lambda: mlp.gradient_check, {
        "model": Choice(_mlp()), "X": Arr(X4), "y": ZeroOne(Y_01), "h": Positive(1e-5)}),
    # data
    "data.logic_gate": Spec(lambda: data.logic_gate, {"name": Choice("AND"), "labels": Choice("01")}),
    "data.make_blobs": Spec(lambda: data.make_blobs, {"n": Count(6, minimum=2), "noise": NonNegative(0.5),
                                                      "seed": Seed(0), "labels": Choice("01")}),
    "data.make_moons": Spec(lambda: data.make_moons, {"n": Count(6, minimum=2), "noise": NonNegative(0.1), "seed": Seed(0)}),
    "data.make_xor": Spec(lambda: data.make_xor, {"n": Count(6, minimum=2), "noise": NonNegative(0.1), "seed": Seed(0)}),
    "data.make_circles": Spec(lambda: data.make_circles, {"n": Count(6, minimum=2), "noise": NonNegative(0.1),
                                                          "seed": Seed(0), "factor": Positive(0.5)}),
    "data.make_spiral": Spec(lambda: data.make_spiral, {"n": Count(6, minimum=2), "noise": NonNegative(0.1),
                                                        "seed": Seed(0), "turns": Positive(1.5)}),
    "data.load_penguins": Spec(lambda: data.load_penguins, {
        "features": Choice(["bill_length_mm"]), "species": Choice(["Adelie", "Gentoo"]), "dropna": Bool(True)}),
    "data.standardize": Spec(lambda: data.standardize, {"X_train": Arr(X4), "X_test": Arr([[0.5, 0.5]], optional=True)}),
    "data.train_test_split": Spec(lambda: data.train_test_split, {
        "X": Arr(X4 * 2), "y": Arr([0, 1, 0, 1, 0, 1, 0, 1], names=("y",)), "test_size": Positive(0.25),
        "seed": Seed(0), "stratify": Bool(True)}),
    "data.make_three_blobs": Spec(lambda: data.make_three_blobs, {"n": Count(6, minimum=3), "noise": NonNegative(0.3),
                                                                  "seed": Seed(0)}),
    "data.Scaler.apply": Spec(lambda: data.standardize(X4)[2].apply, {"X": Arr(X4)}),
    "data.Scaler.invert": Spec(lambda: data.standardize(X4)[2].invert, {"X": Arr(X4)}),
})


class PointIds(Ids):
    """Indices of test points: an empty list is a valid answer (no test points)."""

    def bad(self):
        return [(label, value) for label, value in super().bad() if label != "empty"]


class Stretches(Kind):
    """Training to replay: a list of (epochs, lr, batch size)."""

    def bad(self):
        return [("a string", "20, 0.3, 8"), ("a pair", [(2, 0.3)]), ("2.5 epochs", [(2.5, 0.3, 8)]),
                ("lr 0", [(2, 0.0, 8)]), ("lr NaN", [(2, math.nan, 8)]), ("batch 7", [(2, 0.3, 7)]),
                ("epochs as text", [("2", 0.3, 8)]), ("a dict", {"epochs": 2})]


class Pairs(Kind):
    """Training to replay: a list of (epochs, lr)."""

    def bad(self):
        return [("a string", "20, 0.3"), ("a triple", [(2, 0.3, 8)]), ("2.5 epochs", [(2.5, 0.3)]),
                ("0 epochs", [(0, 0.3)]), ("lr 0", [(2, 0.0)]), ("lr above the slider", [(2, 20.0)]),
                ("lr NaN", [(2, math.nan)]), ("lr as text", [(2, "0.3")]), ("epochs as text", [("2", 0.3)]),
                ("a dict", {"epochs": 2}), ("a number", 3)]


def _explorer_specs():
    from helpers import widgets

    specs = {
        "perceptron_explorer": {
            "dataset": Choice("AND"), "w": Triple((-0.1, 0.2, 0.0)), "activation": Choice("sign"),
            "name": Text("custom"), "w_range": Triple((-3.0, 3.0), bounded=False), "canvas": Choice("agg")},
        "activation_explorer": {
            "activation": Choice("sigmoid"), "s": Slider(1.0), "logits": Triple((2.0, 1.0, 0.1)), "canvas": Choice("agg")},
        "gradient_descent_explorer": {
            "lr": Slider(0.1), "steps": Slider(20, integer=True), "curve": Choice("parabola"),
            "w_start": Slider(-2.5), "w1_start": Slider(-2.5), "w2_start": Slider(2.0), "canvas": Choice("agg")},
        "sgd_stepper": {
            "dataset": Choice("AND"), "lr": Slider(0.1), "w": Triple((-0.1, 0.2, 0.0), bounded=False),
            "epochs": Count(30, minimum=1), "canvas": Choice("agg")},
        "chain_rule_explorer": {"expression": Choice("z = sin(x²)"), "x": Slider(1.0), "canvas": Choice("agg")},
        "mlp_playground": {
            "dataset": Choice("XOR"), "noise": Slider(0.1), "test_share": Slider(0.3), "layers": Slider(1, integer=True),
            "units": Slider(4, integer=True), "activation": Choice("tanh"), "lr": Slider(0.3),
            "batch_size": Choice(8), "epochs_per_frame": Choice(2), "seed": Slider(0, integer=True),
            "train": Stretches([(2, 0.3, 8)], optional=True), "history": Count(1, optional=True),
            "canvas": Choice("agg")},
        "weight_space_explorer": {
            "dataset": Choice("AND"), "w": Triple((-0.1, 0.2, 0.0)), "loss": Choice("perceptron"),
            "update": Choice("GD"), "lr": Slider(0.1), "path": Arr([[0.3, 0.1], [0.2, 0.0]], optional=True),
            "canvas": Choice("agg")},
        "hidden_space_explorer": {
            "dataset": Choice("XOR"), "units": Slider(2, integer=True), "t": Slider(1.0), "pair": Choice((1, 2)),
            "epochs": Count(0), "seed": Seed(0), "lr": Positive(2.0, optional=True), "canvas": Choice("agg")},
        "backprop_stepper": {"step": Slider(0, integer=True), "canvas": Choice("agg")},
        "gradient_flow_explorer": {
            "depth": Slider(6, integer=True), "activation": Choice("sigmoid"), "lr": Slider(0.1), "epochs": Count(0),
            "seed": Seed(0), "train": Pairs([(2, 0.3)], optional=True), "canvas": Choice("agg")},
    }
    # Your own points in the playground: class ids, and which are test points.
    playground_points = dict(specs["mlp_playground"], X=Arr(X4), y=Ids([0, 1, 0, 1], 3), test=PointIds([1], 4, optional=True))
    del playground_points["train"], playground_points["history"]
    # The custom-data arguments of the perceptron explorer: X, y and the axis names.
    specs["perceptron_explorer"].update({
        "X": Arr(X4), "y": Arr(Y_PM1, names=("y",)), "feature_names": Triple(("a", "b"), bounded=False),
        "view": Arr([[-1.0, 2.0], [-1.0, 2.0]], optional=True)})
    specs["sgd_stepper"].update({"step": Slider(2, integer=True), "chart": Triple((5, 5.6), bounded=False, optional=True)})
    sgd_points = dict(specs["sgd_stepper"], X=Arr(X4), y=Arr(Y_PM1, names=("y",)),
                      view=Arr([[-1.0, 2.0], [-1.0, 2.0]], optional=True))
    out = {f"widgets.{factory}": Spec(lambda f=factory: getattr(widgets, f), args) for factory, args in specs.items()}
    classes = {"perceptron_explorer": "PerceptronExplorer", "activation_explorer": "ActivationExplorer",
               "gradient_descent_explorer": "GradientDescentExplorer", "sgd_stepper": "SGDStepper",
               "chain_rule_explorer": "ChainRuleExplorer", "mlp_playground": "MLPPlayground",
               "hidden_space_explorer": "HiddenSpaceExplorer", "backprop_stepper": "BackpropStepper",
               "gradient_flow_explorer": "GradientFlowExplorer", "weight_space_explorer": "WeightSpaceExplorer"}
    for factory, cls in classes.items():
        out[f"widgets.{cls}"] = Spec(lambda c=cls: getattr(widgets, c), specs[factory])
    # the own-data arguments, surveyed on separate entries (their good values change the data shown)
    out["widgets.mlp_playground"].args.update({k: v for k, v in playground_points.items() if k in ("X", "y", "test")})
    out["widgets.mlp_playground"].args.pop("train")
    out["widgets.mlp_playground"].args.pop("history")
    out["widgets.MLPPlayground"] = Spec(lambda: widgets.MLPPlayground, dict(specs["mlp_playground"]))
    out["widgets.sgd_stepper"] = Spec(lambda: widgets.sgd_stepper, sgd_points)
    out["widgets.presets"] = Spec(lambda: widgets.presets, {"explorer": Choice("mlp_playground", optional=True)})
    out["widgets.Explorer.pointer"] = Spec(lambda: widgets.perceptron_explorer(canvas="agg").pointer, {
        "kind": Choice("down"), "x": Real(200.0), "y": Real(150.0), "shift": Bool(False)})
    out["widgets.Explorer.click"] = Spec(lambda: widgets.perceptron_explorer(canvas="agg").click, {
        "x": Real(0.3), "y": Real(0.7), "shift": Bool(False)})
    out["widgets.MLPPlayground.train"] = Spec(lambda: _playground().train, {"epochs": Count(1)})
    out["widgets.HiddenSpaceExplorer.train"] = Spec(
        lambda: widgets.hidden_space_explorer(canvas="agg").train, {"epochs": Count(1)})
    out["widgets.GradientFlowExplorer.train"] = Spec(
        lambda: widgets.gradient_flow_explorer(depth=1, canvas="agg").train, {"epochs": Count(1)})
    out["widgets.Explorer.set"] = Spec(lambda: _chain_rule().set, {"x": Slider(0.5)})
    return out


_cache = {}


def _playground():
    from helpers import widgets

    if "playground" not in _cache:
        _cache["playground"] = widgets.mlp_playground(canvas="agg")
    return _cache["playground"]


def _chain_rule():
    from helpers import widgets

    if "chain" not in _cache:
        _cache["chain"] = widgets.chain_rule_explorer(canvas="agg")
    return _cache["chain"]


SPECS.update(_explorer_specs())


# ----- helpers.plots: every drawing function, artist class and update method -------------------------------


class Bad(Kind):
    """An argument whose bad values are listed by hand."""

    def __init__(self, good, cases, names=None, optional=False):
        super().__init__(good, names, optional)
        self._cases = cases

    def bad(self):
        return self._cases


def _new_ax():
    from matplotlib.figure import Figure

    return Figure().add_subplot()


class Ax(Kind):
    """A matplotlib Axes; a fresh one for every call, so that no call draws on another's."""

    def __init__(self, optional=True, names=None):
        super().__init__(None, names, optional)

    @property
    def good(self):
        return _new_ax()

    @good.setter
    def good(self, _):
        pass

    def bad(self):
        from matplotlib.figure import Figure

        return [("None", None), ("a string", "left"), ("a number", 1), ("a Figure", Figure()), ("a list", [_new_ax()])]


class AxesList(Ax):
    def __init__(self, count, optional=True):
        super().__init__(optional)
        self.count = count

    @property
    def good(self):
        return [_new_ax() for _ in range(self.count)]

    @good.setter
    def good(self, _):
        pass

    def bad(self):
        return [("None", None), ("a string", "ab"), ("one too few", [_new_ax() for _ in range(self.count - 1)]),
                ("numbers", list(range(self.count))), ("one Axes", _new_ax())]


def Fig():
    return Bad(None, [("a string", "fig"), ("a number", 3), ("an Axes", _new_ax())], optional=True)


def Texts(good, optional=False, count_checked=True):
    cases = [("None", None), ("a string", "abc"), ("a number in it", [*good[:-1], 3]), ("a number", 3)]
    if count_checked:
        cases.append(("one too few", list(good[:-1])))
    return Bad(list(good), cases, optional=optional)


def Limits(good, optional=False):
    cases = [("None", None), ("a string", "0, 1"), ("reversed", good[::-1]), ("equal", (good[0],) * 2),
             ("NaN", (good[0], math.nan)), ("inf", (good[0], math.inf)), ("one number", good[0]),
             ("three numbers", (*good, 9.0)), ("complex", (1j, 1.0))]
    return Bad(good, cases, optional=optional)


def Color(good, optional=False):
    return Bad(good, [("unknown colour", "blu"), ("a number", 3), ("a list", [1, 2]), ("None", None)],
               optional=optional)


class Binary(Arr):
    """Two-class labels, 0/1 or -1/+1, one per point."""

    def bad(self):
        g = np.asarray(self.good, dtype=float)
        return super().bad() + [("label 2", np.where(g > 0, 2.0, g)), ("label 0.5", np.full(g.shape, 0.5)),
                                ("-1 with 0", np.where(g > 0, 0.0, -1.0))]


class Counts(Arr):
    """Mistakes per epoch: whole numbers >= 0, none yet allowed."""

    def __init__(self, good, **kwargs):
        super().__init__(good, empty_ok=True, **kwargs)

    def bad(self):
        g = np.asarray(self.good, dtype=float)
        return super().bad() + [("negative", -g - 1), ("2.5", g + 0.5)]


def _plots_specs():
    from helpers import plots

    X2 = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    W = [-0.5, 1.0, 1.0]
    birds = np.array([[1.0, 2.0, 0.5], [2.0, 1.0, 0.1], [0.5, 0.2, 0.3], [1.5, 0.9, 0.2],
                      [0.1, 1.1, 0.6], [0.7, 0.3, 0.9]])
    species, features = ["A", "B", "C"], ["bill_length_mm", "bill_depth_mm", "body_mass_g"]
    ids = [0, 1, 2, 0, 1, 2]
    grid = plots.grid_points((-1, 1), (-1, 1), size=4)
    z = np.linspace(0.0, 1.0, 16)
    model = mlp.MLP([2, 3, 1], seed=0)

    def bars():
        return plots.ProbabilityBars(_new_ax(), 3)

    def chart():
        return plots.MistakesChart(_new_ax(), [3, 1, 0], 5)

    def graph():
        return plots.ChainGraph(_new_ax(), ["x", "u", "z"], ["x", "u = x\u00b2", "z = sin(u)"], ["du/dx", "dz/du"])

    sizes = Bad((2, 3, 1), [("None", None), ("a string", "231"), ("one layer", (2,)), ("a zero", (2, 0, 1)),
                            ("2.5", (2, 2.5, 1)), ("a bool", (True, 3, 1)), ("NaN", (2, math.nan, 1))])
    limits = Bad((5, 4.0), [("a string", "ab"), ("zero epochs", (0, 4.0)), ("negative top", (5, -1.0)),
                            ("one number", 5), ("2.5 epochs", (2.5, 4.0)), ("NaN", (5, math.nan))], optional=True)
    loss = Func(lambda W: np.sum(np.asarray(W) ** 2, axis=-1))
    return {
        # artists and their update methods (called by the explorers on every move)
        "plots.Arrow": Spec(lambda: plots.Arrow, {"ax": Ax(optional=False), "color": Color("black"),
                                                  "label": Text("step", optional=True), "lw": NonNegative(2.0)}),
        "plots.Arrow.update": Spec(lambda: plots.Arrow(_new_ax(), "black").update, {
            "origin": Arr([0.0, 1.0]),
            "vector": Bad([1.0, 1.0], [("None", None), ("a string", "1, 1"), ("three numbers", [1.0, 1.0, 1.0]),
                                       ("complex", [1j, 1.0])]),
            "visible": Bool(True), "dashed": Bool(False)}),
        "plots.BoundaryLine": Spec(lambda: plots.BoundaryLine, {"ax": Ax(optional=False), "w": Arr(W),
                                                                "color": Color("grey")}),
        "plots.BoundaryLine.update": Spec(lambda: plots.BoundaryLine(_new_ax(), W).update, {"w": Arr(W)}),
        "plots.ChainGraph": Spec(lambda: plots.ChainGraph, {
            "ax": Ax(optional=False), "names": Texts(["x", "u", "z"]), "formulas": Texts(["x", "u = x²", "z = sin(u)"]),
            "edge_names": Texts(["du/dx", "dz/du"]), "output_is_one": Bool(False)}),
        "plots.ChainGraph.update": Spec(lambda: graph().update, {
            "values": Arr([1.0, 1.0, 0.84]), "local_derivatives": Arr([2.0, 0.54]), "backward": Arr([1.08, 0.54, 1.0])}),
        "plots.DecisionBoundary": Spec(lambda: plots.DecisionBoundary, {
            "ax": Ax(optional=False), "w": Arr(W), "X": Arr(X2, paired=True), "y": Binary(Y_PM1, paired=True),
            "activation": Choice("sign"), "show_normal": Bool(True), "show_errors": Bool(True)}),
        "plots.DecisionBoundary.update": Spec(lambda: plots.plot_decision_boundary(W, X2, Y_PM1, ax=_new_ax()).update, {
            "w": Arr(W), "X": Arr(X2, paired=True, optional=True), "y": Binary(Y_01, paired=True, optional=True)}),
        "plots.DescentPathArtists": Spec(lambda: plots.DescentPathArtists, {"ax": Ax(optional=False),
                                                                            "color": Color("black")}),
        "plots.DescentPathArtists.update": Spec(lambda: plots.DescentPathArtists(_new_ax()).update, {
            "x": Arr([1.0, 0.5, 0.25], inf_ok=True, paired=True), "y": Arr([1.0, 0.25, 0.0625], inf_ok=True, paired=True)}),
        "plots.MistakesChart": Spec(lambda: plots.MistakesChart, {"ax": Ax(optional=False), "counts": Counts([3, 1, 0]),
                                                                  "max_epochs": Count(5, minimum=1)}),
        "plots.MistakesChart.limits_for": Spec(lambda: chart().limits_for, {"counts": Counts([3, 1, 0])}),
        "plots.MistakesChart.update": Spec(lambda: chart().update, {
            "counts": Counts([2, 0]), "converged": Bad(True, [("a string", "yes"), ("1", 1)], optional=True),
            "limits": limits}),
        "plots.MistakesChart.mark": Spec(lambda: chart().mark, {"epoch": Count(2, minimum=1, optional=True)}),
        "plots.NetworkDiagram": Spec(lambda: plots.NetworkDiagram, {
            "ax": Ax(optional=False), "layer_sizes": sizes,
            "input_names": Texts(["a", "b"], optional=True)}),
        "plots.NetworkDiagram.update": Spec(lambda: plots.NetworkDiagram(_new_ax(), [2, 3, 1]).update, {
            "matrices": Bad(model.params, [("None", None), ("a string", "v"), ("one matrix", model.params[:1]),
                                           ("wrong shape", [model.params[0][:2], model.params[1]]),
                                           ("NaN", [np.full((3, 3), np.nan), model.params[1]])]),
            "what": Text("weights")}),
        "plots.ProbabilityBars": Spec(lambda: plots.ProbabilityBars, {
            "ax": Ax(optional=False), "n_classes": Count(3, minimum=1, maximum=3),
            "labels": Texts(["a", "b", "c"], optional=True)}),
        "plots.ProbabilityBars.update": Spec(lambda: bars().update, {
            "p": Bad([0.2, 0.3, 0.5], [("None", None), ("a string", "0.2"), ("NaN", [0.2, np.nan, 0.5]),
                                       ("above 1", [0.2, 1.3, 0.5]), ("negative", [-0.2, 0.3, 0.5]),
                                       ("one too few", [0.5, 0.5]), ("complex", [0.2j, 0.3, 0.5])]),
            "digits": Count(3, maximum=10)}),
        "plots.Tangent": Spec(lambda: plots.Tangent, {"ax": Ax(optional=False), "half_width": Positive(1.5),
                                                      "color": Color("red")}),
        "plots.Tangent.update": Spec(lambda: plots.Tangent(_new_ax()).update, {
            "s0": Real(1.0), "f0": Real(0.7), "slope": Real(0.2)}),
        # plain functions
        "plots.boundary_segment": Spec(lambda: plots.boundary_segment, {"w": Arr(W), "xlim": Limits((0.0, 1.0)),
                                                                        "ylim": Limits((0.0, 1.0))}),
        "plots.class_style": Spec(lambda: plots.class_style, {"k": Count(1, maximum=2)}),
        "plots.series_style": Spec(lambda: plots.series_style, {"k": Count(1)}),
        "plots.feature_label": Spec(lambda: plots.feature_label, {"name": Text("body_mass_g"),
                                                                  "symbol": Text("x_4", optional=True)}),
        "plots.grid_points": Spec(lambda: plots.grid_points, {"xlim": Limits((-1.0, 1.0)), "ylim": Limits((-1.0, 1.0)),
                                                              "size": Count(4, minimum=2)}),
        "plots.plot_activation": Spec(lambda: plots.plot_activation, {
            "activation": Choice("tanh"), "s": Arr(S3, optional=True), "axes": AxesList(2)}),
        "plots.plot_batches": Spec(lambda: plots.plot_batches, {
            "X": Arr([0.0, 1.0, 2.0, 3.0], paired=True), "y": Arr([1.0, 0.0, 2.0, 1.0], paired=True),
            "batches": Bad([[0, 1], [2, 3]], [("None", None), ("a string", "01"), ("index 4", [[0, 4]]),
                                              ("index 0.5", [[0.5]]), ("NaN", [[np.nan]]), ("none", [])]),
            "ax": Ax()}),
        "plots.plot_boundaries": Spec(lambda: plots.plot_boundaries, {
            "ws": Bad([W, [0.5, -1.0, 0.2]], [("None", None), ("a string", "w"), ("a short one", [W, [1.0, 2.0]]),
                                              ("NaN", [W, [np.nan, 1.0, 1.0]]), ("none", [])]),
            "X": Arr(X2, paired=True), "y": Binary(Y_PM1, paired=True), "labels": Texts(["a", "b"], optional=True),
            "ax": Ax(), "xlim": Limits((-1.0, 2.0), optional=True), "ylim": Limits((-1.0, 2.0), optional=True)}),
        "plots.plot_boundary_line": Spec(lambda: plots.plot_boundary_line, {
            "w": Arr(W), "ax": Ax(), "color": Color("grey"), "lw": NonNegative(1.5),
            "ls": Bad("--", [("unknown dash", "~~"), ("a number", 3)]), "alpha": Bad(0.8, [("2", 2.0), ("NaN", math.nan),
                                                                                            ("a string", "a")]),
            "label": Text("before", optional=True), "zorder": Real(2.0)}),
        "plots.plot_chain_graph": Spec(lambda: plots.plot_chain_graph, {
            "names": Texts(["x", "u", "z"]), "formulas": Texts(["x", "u = x²", "z = sin(u)"]),
            "edge_names": Texts(["du/dx", "dz/du"]), "ax": Ax(), "output_is_one": Bool(False)}),
        "plots.plot_class_regions": Spec(lambda: plots.plot_class_regions, {
            "predict": Func(lambda P: (np.asarray(P)[:, 0] > np.asarray(P)[:, 1]).astype(int)),
            "X": Arr(birds[:, :2], paired=True), "y": Ids(ids, 3), "feature_names": Texts(features[:2]),
            "class_names": Texts(species, count_checked=False), "ax": Ax(), "resolution": Count(20, minimum=2),
            "margin": Bad(0.08, [("negative", -0.1), ("NaN", math.nan), ("a string", "a"), ("above 1", 2.0)]),
            "title": Text("regions", optional=True)}),
        "plots.plot_confusion_matrix": Spec(lambda: plots.plot_confusion_matrix, {
            "cm": Arr([[3, 1], [0, 4]]), "class_names": Texts(["A", "B"]), "ax": Ax(), "title": Text("cm", optional=True)}),
        "plots.plot_decision_boundary": Spec(lambda: plots.plot_decision_boundary, {
            "w": Arr(W), "X": Arr(X2, paired=True), "y": Binary(Y_PM1, paired=True), "ax": Ax(),
            "activation": Choice("sign"), "xlim": Limits((-1.0, 2.0), optional=True), "ylim": Limits((-1.0, 2.0), optional=True),
            "show_normal": Bool(True), "show_errors": Bool(True), "legend": Bool(True)}),
        "plots.plot_descent_path": Spec(lambda: plots.plot_descent_path, {
            "path": Arr([[2.0], [1.0], [0.5]], inf_ok=True), "ax": Ax(), "fn": Func(lambda P: np.asarray(P)[:, 0] ** 2)}),
        "plots.plot_function": Spec(lambda: plots.plot_function, {
            "fn": Func(np.tanh), "s": Arr(S3, optional=True), "ax": Ax(), "color": Color("black")}),
        "plots.plot_hidden_activations": Spec(lambda: plots.plot_hidden_activations, {
            "U": Arr(birds, paired=True), "y": Ids(ids, 3), "class_names": Texts(species, count_checked=False),
            "ax": Ax(), "title": Text("u", optional=True)}),
        "plots.plot_hidden_units": Spec(lambda: plots.plot_hidden_units, {
            "u_grid": Arr(np.column_stack([z, z[::-1]]), paired=True), "xlim": Limits((-1.0, 1.0)),
            "ylim": Limits((-1.0, 1.0)), "X": Arr(X2, paired=True, optional=True), "y": Binary(Y_01, paired=True, optional=True),
            "axes": AxesList(2), "title": Text("u_{{{j}}}")}),
        "plots.plot_loss_curve": Spec(lambda: plots.plot_loss_curve, {
            "fn": loss, "w": Arr(S3, optional=True), "ax": Ax(), "color": Color("grey")}),
        "plots.plot_loss_curves": Spec(lambda: plots.plot_loss_curves, {
            "ax": Ax(), "max_epochs": Count(100, minimum=1), "max_loss": Positive(1.0), "log_epochs": Bool(False)}),
        "plots.plot_loss_surface": Spec(lambda: plots.plot_loss_surface, {
            "fn": loss, "w1_range": Limits((-3.0, 3.0)), "w2_range": Limits((-3.0, 3.0)), "ax": Ax(),
            "levels": Count(12, minimum=2), "labels": Texts(["w_1", "w_2"])}),
        "plots.plot_mistakes_per_epoch": Spec(lambda: plots.plot_mistakes_per_epoch, {
            "counts": Counts([3, 1, 0]), "ax": Ax(), "max_epochs": Count(5, minimum=1, optional=True),
            "converged": Bad(True, [("a string", "yes"), ("1", 1)], optional=True)}),
        "plots.plot_network": Spec(lambda: plots.plot_network, {
            "layer_sizes": sizes,
            "params": Bad(model.params, [("a string", "v"), ("one matrix", model.params[:1]),
                                         ("NaN", [np.full((3, 3), np.nan), model.params[1]])], optional=True),
            "ax": Ax(), "what": Text("weights"), "input_names": Texts(["a", "b"], optional=True)}),
        "plots.plot_penguin_pairs": Spec(lambda: plots.plot_penguin_pairs, {
            "X": Arr(birds, paired=True), "y": Ids(ids, 3), "feature_names": Texts(features),
            "class_names": Texts(species, count_checked=False), "fig": Fig(), "title": Text("pairs", optional=True)}),
        "plots.plot_penguins": Spec(lambda: plots.plot_penguins, {
            "X": Arr(birds, paired=True), "y": Ids(ids, 3), "feature_names": Texts(features),
            "class_names": Texts(species, count_checked=False),
            "columns": Bad((0, 2), [("None", None), ("column 3", (0, 3)), ("one column", 0), ("a string", "01"),
                                    ("2.5", (0, 2.5)), ("negative", (-1, 0))]),
            "ax": Ax(), "legend": Bool(True), "title": Text("birds", optional=True)}),
        "plots.plot_perceptron_loss": Spec(lambda: plots.plot_perceptron_loss, {"ax": Ax(), "s_range": Limits((-2.0, 2.0))}),
        "plots.plot_probability_bars": Spec(lambda: plots.plot_probability_bars, {
            "p": Bad([0.2, 0.8], [("None", None), ("a string", "0.2"), ("NaN", [np.nan, 0.8]), ("above 1", [0.2, 1.8]),
                                  ("four classes", [0.25] * 4), ("empty", []), ("2-D", [[0.2, 0.8]])]),
            "ax": Ax(), "labels": Texts(["a", "b"], optional=True)}),
        "plots.plot_probability_map": Spec(lambda: plots.plot_probability_map, {
            "z": Arr(z, paired=True), "xlim": Limits((-1.0, 1.0)), "ylim": Limits((-1.0, 1.0)),
            "X": Arr(X2, paired=True, optional=True), "y": Binary(Y_01, paired=True, optional=True),
            "X_test": Arr(X2[:2], optional=True), "y_test": Binary(Y_01[:2], optional=True), "ax": Ax(),
            "show_colorbar": Bool(False)}),
        "plots.plot_tangent": Spec(lambda: plots.plot_tangent, {
            "s0": Real(1.0), "f0": Real(0.7), "slope": Real(0.2), "ax": Ax(), "half_width": Positive(1.5)}),
        "plots.plot_weight_matrix": Spec(lambda: plots.plot_weight_matrix, {
            "V": Arr([[0.5, -1.0], [2.0, 0.0]]), "row_labels": Texts(["x1", "x2"]), "col_labels": Texts(["u1", "u2"]),
            "ax": Ax(), "title": Text("V", optional=True), "symbol": Text("v")}),
    }


SPECS.update(_plots_specs())

# Public names that take no input from a learner, and why.
EXEMPT = {
    "activations.Activation": "a record built once in ACTIVATIONS",
    "perceptron.Step": "a record built by sgd",
    "perceptron.Steps": "a record built by sgd",
    "perceptron.Steps.mistakes_per_epoch": "no arguments",
    "perceptron.Step.updated": "a property",
    "perceptron.Step.on_boundary": "a property",
    "optim.DescentResult": "a record built by gradient_descent",
    "optim.LossFunction": "a record built once in EXAMPLE_LOSSES",
    "optim.describe_descent": "the issue-11 helper renames it (REGIMES); validates path with as_array",
    "mlp.TrainingDiverged": "an exception raised by fit",
    "mlp.MLP.reset": "no arguments",
    "mlp.MLP.v": "a property",
    "mlp.MLP.w": "a property",
    "mlp.worked_example": "no arguments",
    "data.Scaler": "built by standardize from checked data",
    "widgets.Explorer": "the base class: subclasses pass it controls they built",
    "widgets.Explorer.values": "a property",
    "widgets.Explorer.set_readout": "called by explorers with their own HTML",
    "widgets.Explorer.show_message": "called by explorers with their own text",
    "widgets.Explorer.request_full_redraw": "no arguments",
    "widgets.Explorer.request_layer_redraw": "no arguments",
    "widgets.Explorer.redraw_static": "called by explorers with one of their own axes",
    "widgets.Explorer.rebuild": "no arguments",
    "widgets.Explorer.refresh": "called by explorers and their buttons",
    "widgets.Explorer.redraw": "called by explorers and their buttons",
    "widgets.Explorer.pixels": "no arguments",
    "widgets.MLPPlayground.step": "no arguments (a button)",
    "widgets.MLPPlayground.reset": "no arguments (a button)",
    "widgets.HiddenSpaceExplorer.epoch": "a property",
    "widgets.HiddenSpaceExplorer.epochs_per_frame": "a property",
    "widgets.HiddenSpaceExplorer.step": "no arguments (a button)",
    "widgets.HiddenSpaceExplorer.reset": "no arguments (a button)",
    "widgets.GradientFlowExplorer.step": "no arguments (a button)",
    "widgets.GradientFlowExplorer.reset": "no arguments (a button)",
    "widgets.MLPPlayground.epochs_per_frame": "a property",
    "widgets.BackpropStepper.reset": "no arguments (a button)",
    "widgets.GradientFlowExplorer.epoch": "a property",
    "widgets.Explorer.mouse_axes": "no arguments",
    "widgets.Explorer.to_code": "no arguments",
    "widgets.WeightSpaceExplorer.step": "no arguments (a button)",
    "widgets.WeightSpaceExplorer.reset": "no arguments (a button)",
}
for _cls in ("MLPPlayground", "PerceptronExplorer", "SGDStepper", "WeightSpaceExplorer"):
    EXEMPT[f"widgets.{_cls}.mouse_axes"] = "no arguments"
for _cls in ("MLPPlayground", "PerceptronExplorer", "SGDStepper"):
    EXEMPT[f"widgets.{_cls}.points"] = "no arguments"
    EXEMPT[f"widgets.{_cls}.clear_points"] = "no arguments (the Clear button)"
# mlp_playground.from_data and from_csv are attributes of the factory, not names of a module:
# tests/test_widgets_hands.py feeds them every kind of bad table the issue lists.
for _name in ("sin", "cos", "exp", "log", "sigmoid", "tanh", "relu", "topological_order", "backward"):
    EXEMPT[f"autodiff.Value.{_name}"] = "no arguments; out-of-range results are surveyed in test_value_results_stay_finite"
# Checkers never raise: they answer "Not yet" to anything (test_checkers_answer_garbage_with_not_yet).
# selfcheck inspects the installation, not a learner's input.
CHECKS_INFRASTRUCTURE = {"checks.AnswerProblem", "checks.CheckResult", "checks.checker", "checks.correct",
                         "checks.not_yet", "checks.run_check"}


def _is_exempt(name):
    return (name in EXEMPT or name.startswith(("checks.", "selfcheck."))
            or name.startswith("checks.CheckResult") or name.startswith("checks.AnswerProblem"))


def test_every_public_name_is_surveyed():
    names = public_names()
    missing = [n for n in names if n not in SPECS and not _is_exempt(n)]
    assert not missing, f"add these to SPECS (or EXEMPT, with a reason): {missing}"
    stale = [n for n in list(SPECS) + list(EXEMPT) if n not in names]
    assert not stale, f"no longer public, drop from the survey: {stale}"


# ----- the survey ------------------------------------------------------------------------------------------


def _cases():
    for target, spec in SPECS.items():
        for arg, kind in spec.args.items():
            for label, value in kind.cases():
                yield pytest.param(target, arg, value, id=f"{target}-{arg}-{label}")


CASES = list(_cases())


def _mentions(message, names):
    return any(re.search(rf"(?<![\w]){re.escape(n)}(?![\w])", message) for n in names)


@pytest.mark.parametrize("target, arg, value", CASES)
def test_bad_input_raises_a_clear_error(target, arg, value):
    spec = SPECS[target]
    kind = spec.args[arg]
    kwargs = spec.good_kwargs()
    kwargs[arg] = value
    fn = spec.make()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning instead of an error counts as silent
        with pytest.raises(ERRORS) as info:
            fn(**kwargs)
    names = kind.names or (arg,)
    assert _mentions(str(info.value), names), f"message does not name {names}: {info.value}"


@pytest.mark.parametrize("target", sorted(SPECS))
def test_good_input_works(target):
    """The good values the survey starts from are accepted (else every bad case would pass trivially)."""
    spec = SPECS[target]
    spec.make()(**spec.good_kwargs())


def test_survey_size():
    # For the report: how many names and how many bad inputs the survey tries.
    assert len(SPECS) >= 70 and len(CASES) >= 800


# ----- beyond argument kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [
    lambda: autodiff.Value(1000.0).exp(),
    lambda: autodiff.Value(1e200) ** 2,
    lambda: autodiff.Value(1e200) * 1e200,
    lambda: autodiff.Value(1e-200) ** -2,
    lambda: autodiff.Value(math.inf),
    lambda: autodiff.Value(1.0) + "a",
    lambda: autodiff.Value(1.0) * None,
    lambda: autodiff.Value(2.0) ** autodiff.Value(2.0),
    lambda: autodiff.Value(0.0).log(),
])
def test_value_results_stay_finite(make):
    with pytest.raises(ERRORS):
        make()


def test_value_division_by_zero_is_python_s_own_error():
    with pytest.raises(ZeroDivisionError, match="division of a Value by zero"):
        autodiff.Value(1.0) / 0.0


def test_checkers_answer_garbage_with_not_yet():
    """Every check_* function answers any garbage with a CheckResult, never an exception."""
    from helpers import checks

    for name in checks.__all__:
        fn = getattr(checks, name)
        if not name.startswith("check_"):
            continue
        n_args = sum(1 for p in inspect.signature(fn).parameters.values() if p.default is p.empty)
        for garbage in (None, "text", math.nan, [], np.zeros((7, 7)), 1j):
            result = fn(*[garbage] * n_args)
            assert isinstance(result, CheckResult) and not result, (name, garbage)


# ----- valid edge inputs keep working ---------------------------------------------------------------------


def test_numbers_of_every_numeric_type_are_accepted():
    for lr in (1, 0.5, np.float32(0.5), np.float64(0.5), np.int64(1), np.array(0.5)):
        perceptron.sgd(X4, Y_PM1, [0.0, 0.0, 0.0], lr=lr, epochs=np.int32(2))
    assert act.sigmoid(np.float32(0.0)) == 0.5
    assert act.step(np.int64(0)) == 1.0
    assert optim.gradient_descent(lambda x: 2 * x, np.float32(1.0), lr=np.float16(0.25), steps=np.uint8(1))[-1, 0] == 0.5
    data.make_moons(np.int64(10), noise=np.float32(0.1), seed=np.int64(3))
    mlp.MLP(np.array([2, 3, 1]), seed=np.int64(1))
    autodiff.Value(np.float32(1.5))
    autodiff.sin_of_square(2)


def test_documented_zero_counts_are_accepted():
    model = _mlp()
    before = [p.copy() for p in model.params]
    assert model.fit(X4, Y_01, lr=0.5, epochs=0) == {"epoch": [], "loss": [], "accuracy": []}
    assert all(np.array_equal(a, b) for a, b in zip(before, model.params))
    assert optim.gradient_descent(lambda x: 2 * x, 1.0, lr=0.1, steps=0).tolist() == [[1.0]]


def test_inf_is_a_number_for_element_wise_activations():
    assert act.sigmoid([-np.inf, np.inf]).tolist() == [0.0, 1.0]
    assert act.step(np.inf) == 1.0 and act.sign(-np.inf) == -1.0


def test_explorer_numpy_scalars_are_accepted():
    from helpers import widgets

    assert widgets.chain_rule_explorer(x=np.float32(1.0), canvas="agg").state["x"] == 1.0
    assert widgets.gradient_descent_explorer(steps=np.int64(5), lr=np.float64(0.2), canvas="agg").values["steps"] == 5


# ----- property: NaN anywhere is refused, everything else element-wise is answered ------------------------

ELEMENTWISE = [act.step, act.sign, act.relu, act.sigmoid, act.tanh, act.relu_grad, act.sigmoid_grad, act.tanh_grad]


@settings(derandomize=True, database=None, max_examples=60, deadline=None)
@given(hnp.arrays(np.float64, hnp.array_shapes(min_dims=1, max_dims=2, max_side=5),
                  elements=st.floats(allow_nan=True, allow_infinity=True)))
def test_activations_refuse_nan_and_answer_the_rest(s):
    for fn in ELEMENTWISE:
        if np.isnan(s).any():
            with pytest.raises(ValueError, match="NaN"):
                fn(s)
        else:
            out = fn(s)
            assert out.shape == s.shape and not np.isnan(out).any()


# ----- explorers: the constructors' ranges are the sliders' ranges -----------------------------------------

EXPLORER_FACTORIES = ["perceptron_explorer", "activation_explorer", "gradient_descent_explorer", "sgd_stepper",
                      "chain_rule_explorer", "mlp_playground", "hidden_space_explorer", "gradient_flow_explorer",
                      "weight_space_explorer"]


def _slider_arguments(factory):
    """(control name, constructor argument, index in a tuple argument or None) for each slider."""
    import ipywidgets as widgets

    from helpers import widgets as explorers

    make = getattr(explorers, factory)
    params = inspect.signature(make).parameters
    explorer = make(canvas="agg")
    found = []
    for name, control in explorer.controls.items():
        if not isinstance(control, (widgets.FloatSlider, widgets.IntSlider, widgets.FloatLogSlider)):
            continue
        if name in ("step", "history"):
            continue  # their range is the run's length, which the other sliders change
        if name in params:
            found.append((name, control, name, None))
        elif re.fullmatch(r"w\d", name) and "w" in params:
            found.append((name, control, "w", int(name[1])))
        elif re.fullmatch(r"s\d", name) and "logits" in params:
            found.append((name, control, "logits", int(name[1]) - 1))
    return make, params, explorer, found


def _ends(control):
    import ipywidgets as widgets

    if isinstance(control, widgets.FloatLogSlider):
        low, high = control.base ** control.min, control.base ** control.max
        return low, high, low / 1.001, high * 1.001
    if isinstance(control, widgets.IntSlider):
        return control.min, control.max, control.min - 1, control.max + 1
    return control.min, control.max, control.min - 1e-6, control.max + 1e-6


def _with(params, argument, index, value, kwargs):
    if index is None:
        kwargs[argument] = value
    else:
        values = list(kwargs.get(argument, params[argument].default))
        values[index] = value
        kwargs[argument] = tuple(values)
    return kwargs


@pytest.mark.parametrize("factory", EXPLORER_FACTORIES)
def test_constructor_ranges_are_the_sliders_ranges(factory):
    make, params, explorer, sliders = _slider_arguments(factory)
    assert sliders, f"{factory} has no slider set from its arguments?"
    for end in (0, 1):  # every slider at its lowest, then at its highest value: accepted, and shown
        kwargs = {}
        for _, control, argument, index in sliders:
            kwargs = _with(params, argument, index, _ends(control)[end], kwargs)
        built = make(canvas="agg", **kwargs)
        for name, control, _, _ in sliders:
            assert built.controls[name].value == pytest.approx(_ends(control)[end], rel=1e-9)
    before = explorer.values
    for name, control, argument, index in sliders:  # just outside: refused by the constructor and by set
        for outside in _ends(control)[2:]:
            words = argument if index is None else rf"{argument}\[{index}\]"
            with pytest.raises(ValueError, match=rf"{words} must be between .* \(the slider's range\)"):
                make(canvas="agg", **_with(params, argument, index, outside, {}))
            with pytest.raises(ValueError, match=rf"{name} must be between .* \(the slider's range\)"):
                explorer.set(**{name: outside})
    assert explorer.values == before  # a refused set changed nothing


def test_set_refuses_what_a_control_would_reject_or_round():
    from helpers import widgets

    playground = _playground()
    with pytest.raises(ValueError, match=r"epochs_per_frame must be one of 1, 2, 5, 20; got 3"):
        playground.set(epochs_per_frame=3)
    with pytest.raises(TypeError, match=r"units must be a whole number \(an int\); got 2.5"):
        playground.set(units=2.5)
    with pytest.raises(ValueError, match=r"epochs_per_frame must be one of 1, 2, 5, 20; got 3"):
        widgets.mlp_playground(epochs_per_frame=3, canvas="agg")
    with pytest.raises(TypeError, match=r"steps must be a whole number \(an int\); got 2.5"):
        widgets.gradient_descent_explorer(steps=2.5, canvas="agg")
    # the issue's examples, refused by name with the range instead of clamped
    with pytest.raises(ValueError, match=r"w\[0\] must be between -3 and 3 \(the slider's range\); got 5"):
        widgets.perceptron_explorer(w=(5, 0, 0), canvas="agg")
    with pytest.raises(ValueError, match=r"lr must be between 0.01 and 10 \(the slider's range\); got 100"):
        widgets.sgd_stepper(lr=100, canvas="agg")
    with pytest.raises(ValueError, match=r"lr must be between 0.001 and 10 \(the slider's range\); got 0"):
        widgets.mlp_playground(lr=0, canvas="agg")


# ----- the issue's own examples, by name -------------------------------------------------------------------


@pytest.mark.parametrize("call, error, message", [
    (lambda: act.step([1, math.nan]), ValueError, r"s must not contain NaN .*; got NaN at index 1"),
    (lambda: act.sign([1, math.nan]), ValueError, r"s must not contain NaN"),
    (lambda: act.sigmoid(None), TypeError, r"s must be a number or an array of numbers; got None"),
    (lambda: act.step(None), TypeError, r"s must be a number or an array of numbers; got None"),
    (lambda: act.sigmoid([1 + 2j]), TypeError, r"s must hold real numbers; got complex numbers"),
    (lambda: perceptron.misclassified([0, 1, 1], X4, [0, 0, 0, 1]), ValueError,
     r"y must hold perceptron labels -1 or \+1; got 0/1 labels \(use 2 \* y - 1"),
    (lambda: losses.binary_cross_entropy([0.5, 0.5], [-1, 1]), ValueError, r"y must hold labels between 0 and 1; got -1/\+1"),
    (lambda: optim.numerical_derivative(lambda x: None, 1.0), TypeError,
     r"f\(x \+ h\) returned None; does the function end with a return statement\?"),
    (lambda: optim.gradient_descent(lambda x: None, 1.0, 0.1, 5), TypeError, r"grad\(x\) returned None"),
    (lambda: optim.gradient_descent(lambda x: math.nan, 1.0, 0.1, 5), ValueError, r"grad\(x\) must not contain NaN"),
    (lambda: data.make_moons(seed=-1), ValueError, r"seed must be an integer >= 0 or a numpy Generator; got -1"),
    (lambda: data.train_test_split(X4, [0, 1, 0, 1], seed=-1), ValueError, r"seed must be an integer >= 0"),
    (lambda: perceptron.sgd(X4, Y_PM1, [0, 0, 0], 0.1, 3, rng=-1), ValueError, r"rng must be an integer >= 0"),
    (lambda: optim.minibatches(5, 2, rng=-1), ValueError, r"rng must be an integer >= 0"),
    (lambda: mlp.MLP(5), TypeError, r"layer_sizes must be a list of layer sizes"),
    (lambda: mlp.MLP(None), TypeError, r"layer_sizes must be a list of layer sizes"),
    (lambda: act.softmax([]), ValueError, r"s must hold at least one number; got an empty array"),
    (lambda: losses.cross_entropy_with_logits(np.zeros((2, 0)), [0, 0]), ValueError, r"s must hold at least one number"),
    (lambda: autodiff.Value(1000.0).exp(), ValueError, r"exp of 1000 is too large for a float"),
    (lambda: autodiff.Value(math.inf), ValueError, r"data must be a finite number; got inf"),
    (lambda: perceptron.weighted_sum([0, 1, 1], None), TypeError, r"X must be a number or an array of numbers; got None"),
    (lambda: data.load_penguins(species=["Adelie", "Gentu"]), ValueError,
     r"species must be one of 'Adelie', 'Chinstrap', 'Gentoo'; got 'Gentu'"),
    (lambda: mlp.MLP([2, 3, 1]).fit(np.zeros((0, 2)), [], 0.5, 3), ValueError, r"X must hold at least one number"),
])
def test_the_issues_examples_get_clear_errors(call, error, message):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(error, match=message):
            call()


def test_the_issues_valid_examples_work():
    nodes = autodiff.one_neuron(1.0)  # a number becomes a Value
    assert isinstance(nodes[0], autodiff.Value) and nodes[0].data == 1.0
    z = 1 / (1 + math.exp(-(0.5 - 1.5 / (1 + math.exp(-(-1 + 2 * 1.0))))))  # the chain by hand
    assert nodes[-1].data == pytest.approx(z, rel=1e-12)
