"""One cached background per "view" of an explorer, so a dropdown switch is a blit.

A dropdown that changes static parts of the figure (axis limits, a title) forces a
full draw, about ten times the cost of a blitted update. An explorer whose dropdown
has a handful of options can keep the static background of each option it has
shown; switching back to one is then as cheap as moving a slider.
"""


class ViewBackgrounds:
    """Mixin for an :class:`~helpers.widgets._base.Explorer` subclass.

    Call :meth:`_reset_views` in ``_build`` and :meth:`_switch_view` in ``_update`` after
    changing the static artists from the look ``old`` to the look ``new``.
    """

    def _reset_views(self):
        self._view_backgrounds = {}

    def _switch_view(self, old, new):
        if old is not None and self._background is not None:
            self._view_backgrounds[old] = (self._background, self._background_size)
        cached = self._view_backgrounds.get(new)
        if cached is not None and cached[1] == tuple(self.figure.bbox.size):
            self._background, self._background_size = cached
        else:
            self.request_full_redraw()

    def _on_draw_event(self, event):
        super()._on_draw_event(event)
        if not self._drawing_self:  # a draw from outside (a resize, savefig): every cache may be stale
            self._reset_views()
