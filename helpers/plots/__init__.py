"""Drawing only: every function takes ``ax=None`` and returns its artists.

Nothing here trains or computes a model; it draws what the math modules return.
"""

from . import _style as style  # the collection's colours by meaning: style.DERIVATIVE, style.POSITIVE, ...
from ._style import CLASS_STYLES, SERIES_STYLES, class_style, series_style
from .boundary import DecisionBoundary, boundary_segment, plot_decision_boundary
from .descent import Arrow, DescentPathArtists, plot_batches, plot_descent_path, plot_loss_curve, plot_loss_surface
from .functions import ProbabilityBars, Tangent, plot_activation, plot_function, plot_probability_bars, plot_tangent
from .penguins import (feature_label, plot_class_regions, plot_confusion_matrix, plot_hidden_activations,
                       plot_penguin_pairs, plot_penguins, plot_weight_matrix)
from .sgd import BoundaryLine, MistakesChart, plot_boundaries, plot_boundary_line, plot_mistakes_per_epoch, plot_perceptron_loss
from .graph import ChainGraph, plot_chain_graph
from .network import NetworkDiagram, plot_network
from .probability import grid_points, plot_hidden_units, plot_loss_curves, plot_probability_map

__all__ = ["CLASS_STYLES", "class_style", "DecisionBoundary", "boundary_segment", "plot_decision_boundary"]
