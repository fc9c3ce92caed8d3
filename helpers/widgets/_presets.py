"""Named starting states for the explorers: ``widgets.presets()`` and ``explorer_fn(preset=...)``.

A preset is a set of arguments for an explorer's factory with a name and one sentence
that says what to look for. Arguments given with the preset override it, so
``mlp_playground(preset="XOR, 2 hidden units (succeeds)", seed=3)`` tries another seed.
What each preset claims (fails, succeeds, crawls, ...) is checked by the test suite.
"""

import functools
import inspect

from .._validate import check_choice

LECTURE_W = (-0.1, 0.2, 0.0)

PRESETS = {
    "perceptron_explorer": {
        "lecture AND start": ({"dataset": "AND", "w": LECTURE_W},
                              "the lecture's starting weights on AND: one point, (1, 0), on its wrong side"),
        "AND solved": ({"dataset": "AND", "w": (-1.5, 1.0, 1.0)},
                       "-1.5 + x1 + x2 = 0 separates AND: every point right"),
        "XOR": ({"dataset": "XOR", "w": LECTURE_W},
                "no line separates XOR: try, and count the mistakes"),
    },
    "sgd_stepper": {
        "lecture AND start": ({"dataset": "AND", "lr": 0.1, "w": LECTURE_W},
                              "the lecture's worked example, step by step"),
        "XOR never converges": ({"dataset": "XOR", "lr": 0.1, "w": LECTURE_W},
                                "the mistakes never reach zero: no line separates XOR"),
    },
    "weight_space_explorer": {
        "lecture AND start": ({"dataset": "AND", "w": LECTURE_W, "loss": "perceptron"},
                              "the lecture's starting weights on AND, as a point on the loss map"),
        "AND with a logistic unit": ({"dataset": "AND", "w": (-1.5, 0.2, 0.0), "loss": "BCE"},
                                     "the smooth loss of a logistic unit: gradient descent slides into the valley"),
    },
    "gradient_descent_explorer": {
        "crawling": ({"lr": 0.01, "steps": 20},
                     "lr = 0.01: each step shrinks the distance by 2 %: still far from the bottom after 20 steps"),
        "converging": ({"lr": 0.3, "steps": 20},
                       "lr = 0.3: reaches the bottom from one side"),
        "zigzagging": ({"lr": 0.9, "steps": 20},
                       "lr = 0.9: reaches the bottom while jumping from side to side"),
        "diverging": ({"lr": 1.1, "steps": 20},
                      "lr = 1.1: every step overshoots more than the last and the loss grows"),
    },
    "mlp_playground": {
        "XOR, 1 hidden unit (fails)": ({"dataset": "XOR", "layers": 1, "units": 1, "activation": "sigmoid",
                                        "lr": 1.0, "noise": 0.1},
                                       "one hidden unit draws one line: XOR needs two; train and watch it stall"),
        "XOR, 2 hidden units (succeeds)": ({"dataset": "XOR", "layers": 1, "units": 2, "activation": "sigmoid",
                                            "lr": 1.0, "noise": 0.1},
                                           "two hidden units, two lines: enough for XOR"),
        "spiral needs depth": ({"dataset": "spiral", "layers": 3, "units": 8, "activation": "tanh", "lr": 0.3,
                                "noise": 0.0, "batch_size": 8},
                               "three hidden layers of 8 follow the spiral arms that one layer of 8 cannot"),
        "three species": ({"dataset": "penguins", "layers": 1, "units": 4, "lr": 0.3},
                          "three classes: softmax output, cross-entropy loss, three shades"),
    },
}


def presets(explorer=None):
    """The named states of every explorer (or of one), with what each shows.

    Returns
    -------
    dict
        explorer name -> {preset name: what to look for}; with ``explorer``, only that
        explorer's {preset name: what to look for}. Open one with
        ``widgets.<explorer>(preset="<name>")``.

    >>> sorted(presets("gradient_descent_explorer"))
    ['converging', 'crawling', 'diverging', 'zigzagging']
    """
    table = {factory: {name: text for name, (_, text) in named.items()} for factory, named in PRESETS.items()}
    if explorer is None:
        return table
    return table[check_choice(explorer, "explorer", tuple(table))]


def preset_args(factory, name):
    """The arguments of preset ``name`` of ``factory`` (a copy)."""
    named = PRESETS[factory]
    return dict(named[check_choice(name, "preset", tuple(named))][0])


def with_presets(factory):
    """Give ``factory`` a keyword ``preset``: a named start whose arguments the call's own override."""
    signature = inspect.signature(factory)

    @functools.wraps(factory)
    def made(*args, preset=None, **kwargs):
        if preset is None:
            return factory(*args, **kwargs)
        given = signature.bind_partial(*args, **kwargs).arguments
        return factory(**{**preset_args(factory.__name__, preset), **given})

    params = list(signature.parameters.values())
    extra = inspect.Parameter("preset", inspect.Parameter.KEYWORD_ONLY, default=None)
    made.__signature__ = signature.replace(parameters=params + [extra])
    return made
