"""What the explorers' figure tests compare a fast (blitted) frame against."""

import numpy as np


def full_draw_pixels(explorer):
    """The pixels of a plain full draw of the figure as it stands, made without touching the
    explorer's cache of backgrounds."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    explorer._drawing_self = True
    try:
        FigureCanvasAgg.draw(explorer.figure.canvas)
    finally:
        explorer._drawing_self = False
    return np.array(explorer.figure.canvas.buffer_rgba())
