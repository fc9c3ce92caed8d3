"""Play / Step / Reset for an explorer that trains a network, the way the playground does.

A mixin for :class:`~helpers.widgets._base.Explorer` subclasses with three controls named
``play`` (an ``ipywidgets.Play`` that the browser ticks), ``step`` and ``reset`` (buttons).
Every tick of Play trains ``epochs_per_frame`` epochs and redraws, so the kernel is never
blocked for long and Pause stops between two ticks; ■ (Play's value back at its start)
stops and goes back to epoch 0, as in the playground (see ``_controls``).

The subclass provides:

``_train_epochs(epochs)``
    Train that many more epochs of the current run (no redraw; :meth:`train` is the
    public form, which redraws); raise
    :class:`helpers.mlp.TrainingDiverged` when the run blows up.
``_restart()``
    Throw the current run away: the next ``_update`` starts a new one at epoch 0.
``epoch``
    The current run's epoch (an attribute or property).
``epochs_per_frame`` and ``epoch_limit``
    How many epochs one tick trains, and where a run stops (class attributes will do).

and calls :meth:`_wire_training` at the end of its ``__init__``. A diverged run keeps
its message in ``self._error`` (shown in the figure by the subclass) until Reset.
"""

import numpy as np

from .._validate import check_int
from ..mlp import TrainingDiverged
from ._base import atomic


def check_stretches(train, fields):
    """``train``, the stretches of training that ``to_code`` writes for a replay: a list of
    tuples with one entry per item of ``fields``, each a (name, check) pair whose
    ``check(value, argument_name)`` returns the value or raises. None means no training.
    Every stretch is checked before any is trained, so a bad one trains nothing.
    """
    if train is None:
        return []
    what = "(" + ", ".join(name for name, _ in fields) + ")"
    if isinstance(train, (str, bytes, dict)) or not np.iterable(train):
        raise TypeError(f"train must be a list of {what}; got {train!r}")
    stretches = []
    for k, stretch in enumerate(train):
        if isinstance(stretch, (str, bytes, dict)) or np.ndim(stretch) != 1 or len(stretch) != len(fields):
            raise TypeError(f"train[{k}] must be {what}; got {stretch!r}")
        stretches.append(tuple(check(value, f"train[{k}][{i}]")
                               for i, (value, (_, check)) in enumerate(zip(stretch, fields))))
    return stretches


class TrainingControls:
    """Play / Step / Reset and :meth:`train` for an explorer that trains (see the module docstring)."""

    epochs_per_frame = 1
    epoch_limit = 1000

    def _wire_training(self):
        controls = self.controls
        self._moving_play = False  # the kernel itself moves Play's value (no tick)
        self._stopped_here = False  # the kernel paused Play; ticks still on their way are late
        controls["play"].observe(self._on_tick, names="value")
        controls["play"].observe(self._on_playing, names="playing")
        controls["step"].on_click(lambda _: self.step())
        controls["reset"].on_click(lambda _: self.reset())

    @atomic
    def train(self, epochs):
        """Train ``epochs`` more epochs and redraw: what Play does, from code. Returns the explorer.

        A run stops at ``epoch_limit`` epochs (Play pauses there, Step is disabled) and
        after it diverged (until Reset).
        """
        self._advance(epochs)
        self.refresh()
        return self

    def _advance(self, epochs):
        """Train ``epochs`` more epochs of the current run, without redrawing."""
        epochs = check_int(epochs, "epochs")
        if getattr(self, "_error", ""):
            return
        epochs = min(epochs, self.epoch_limit - self.epoch)
        if epochs <= 0:
            self._stop_play()
            return
        try:
            self._train_epochs(epochs)
        except TrainingDiverged as exc:
            self._error = f"{exc}.\nPress Reset."
            self._stop_play()
        if self.epoch >= self.epoch_limit:
            self._stop_play()
            self.controls["step"].disabled = True

    @atomic
    def step(self):
        """Train one frame's epochs and redraw (the Step button). Returns the explorer."""
        self._advance(self.epochs_per_frame)
        self.refresh()
        return self

    @atomic
    def reset(self):
        """Back to epoch 0 with the initial weights (the Reset button, and ■)."""
        self._stop_play()
        play = self.controls["play"]
        self._moving_play = True
        try:
            play.value = play.min  # the browser's Play starts again from the start
        finally:
            self._moving_play = False
        self._restart()
        self.refresh()

    def _stop_play(self):
        """Pause Play from the kernel; ticks the browser sent before it hears of it are late."""
        play = self.controls["play"]
        if play.playing:
            play.playing = False
        self._stopped_here = True

    def _new_run_controls(self):
        """A new run can train again: Step enabled, no error."""
        self._error = ""
        self.controls["step"].disabled = False

    @atomic
    def _on_playing(self, change):
        if change["new"]:
            self._stopped_here = False  # the learner pressed ▶: ticks count again

    @atomic
    def _on_tick(self, change):
        """A tick of Play (its value moved on), or ■ (its value back at the start)."""
        if self._moving_play or change["new"] == change["old"]:
            return
        play = self.controls["play"]
        if change["new"] == play.min:
            if not play.playing:
                self.reset()  # ■: stop and go back to the start
            return
        if self._stopped_here and not play.playing:
            return  # a tick sent before the browser heard that the kernel paused Play
        self.step()
