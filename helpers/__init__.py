"""The tested implementations behind the notebooks.

Each module holds one idea of the lecture. Submodules load on first use, so
``import helpers`` stays light: matplotlib and ipywidgets are imported only when a
plot or a widget is asked for.

>>> import helpers
>>> helpers.activations.sign(0.0)
1.0
"""

import importlib

_SUBMODULES = (
    "activations",
    "losses",
    "perceptron",
    "optim",
    "autodiff",
    "mlp",
    "data",
    "checks",
    "plots",
    "widgets",
)

__all__ = list(_SUBMODULES)


def __getattr__(name):
    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module 'helpers' has no attribute {name!r}")


def __dir__():
    return sorted(list(globals()) + list(_SUBMODULES))
