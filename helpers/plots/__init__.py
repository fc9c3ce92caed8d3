"""Drawing only: every function takes ``ax=None`` and returns its artists.

Nothing here trains or computes a model; it draws what the math modules return.
"""

from ._style import CLASS_STYLES, class_style
from .boundary import DecisionBoundary, boundary_segment, plot_decision_boundary
from .graph import ChainGraph, plot_chain_graph
from .network import NetworkDiagram, plot_network
from .probability import grid_points, plot_hidden_units, plot_loss_curves, plot_probability_map

__all__ = ["CLASS_STYLES", "class_style", "DecisionBoundary", "boundary_segment", "plot_decision_boundary",
           "ChainGraph", "plot_chain_graph",
           "NetworkDiagram", "plot_network", "grid_points", "plot_hidden_units", "plot_loss_curves",
           "plot_probability_map"]
