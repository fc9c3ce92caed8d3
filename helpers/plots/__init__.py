"""Drawing only: every function takes ``ax=None`` and returns its artists.

Nothing here trains or computes a model; it draws what the math modules return.
"""

from ._style import CLASS_STYLES, class_style
from .boundary import DecisionBoundary, boundary_segment, plot_decision_boundary

__all__ = ["CLASS_STYLES", "class_style", "DecisionBoundary", "boundary_segment", "plot_decision_boundary"]
