"""Explorers: controls wired to the math modules and a figure that updates in place.

Each explorer returns an object with ``.controls`` (name -> ipywidget), ``.figure``
(matplotlib Figure), ``.state`` (the numbers behind the current picture) and shows
itself when it is the last expression of a notebook cell.
"""

from ._base import Explorer
from .activations import ActivationExplorer, activation_explorer
from .descent import GradientDescentExplorer, gradient_descent_explorer
from .perceptron import PerceptronExplorer, perceptron_explorer
from .sgd import SGDStepper, sgd_stepper
from .chain_rule import ChainRuleExplorer, chain_rule_explorer
from .playground import MLPPlayground, mlp_playground
from .weights import WeightSpaceExplorer, weight_space_explorer
from ._presets import presets

__all__ = ["Explorer", "PerceptronExplorer", "perceptron_explorer"]
from .hidden_space import HiddenSpaceExplorer, hidden_space_explorer
from .backprop import BackpropStepper, backprop_stepper
from .gradient_flow import GradientFlowExplorer, gradient_flow_explorer
