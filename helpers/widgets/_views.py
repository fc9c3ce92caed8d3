"""One cached background per "view" of an explorer, so a switch back is a blit.

A dropdown that changes static parts of the figure (axis limits, a title) forces a
full draw, about ten times the cost of a blitted update. An explorer whose static
look takes a handful of forms can keep the background of each form it has shown;
switching back to one is then as cheap as moving a slider.
"""

# Backgrounds kept per explorer (each is the figure's pixels, about 1-2 MB).
MAX_VIEWS = 16


class ViewBackgrounds:
    """Mixin for an :class:`~helpers.widgets._base.Explorer` subclass.

    Call :meth:`_reset_views` in ``_build`` and :meth:`_switch_view` in ``_update`` after
    changing the static artists from the look ``old`` to the look ``new`` (any hashable
    description of the static look).
    """

    def _reset_views(self):
        self._view_backgrounds = {}

    def _switch_view(self, old, new, redraw=None):
        """Use the cached background of ``new`` if there is one; else ``redraw()`` (default: a full redraw)."""
        if old is not None and self._background is not None and not self._stale_regions:
            self._view_backgrounds.pop(old, None)
            self._view_backgrounds[old] = (self._background, self._background_size)
            while len(self._view_backgrounds) > MAX_VIEWS:
                self._view_backgrounds.pop(next(iter(self._view_backgrounds)))
        cached = self._view_backgrounds.get(new)
        if cached is not None and cached[1] == tuple(self.figure.bbox.size):
            self._background, self._background_size = cached
            self._stale_regions = []
        elif redraw is not None and self._background is not None:
            redraw()
        else:
            self.request_full_redraw()

    def _on_draw_event(self, event):
        super()._on_draw_event(event)
        if not self._drawing_self:  # a draw from outside (a resize, savefig): every cache may be stale
            self._reset_views()
