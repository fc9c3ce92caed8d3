"""One name, symbol and tooltip per kind of control, shared by every explorer.

- The learning rate is "lr (η)" everywhere (the code's name, then the lecture's letter).
- ▶ is Play and nothing else: it runs until paused (❚❚). The explorers show Play as one
  Play/Pause toggle (see ``_access.play_button``); where ipywidgets' own ■ is used, it
  stops *and goes back to the start* (step 1 of a recorded run, epoch 0 of a training run).
- "Step ›" moves forward once (one SGD step in 04, one frame of epochs in 06);
  "‹ Back" moves back once. Their arrows are not ▶, so they cannot be mistaken for Play.
- Every button says what it does in a tooltip.
"""

LR_DESCRIPTION = "lr (\u03b7)"
LR_TOOLTIP = "learning rate \u03b7: how far each step moves the weights (log scale)"
PLAY_TOOLTIP = "\u25b6 play / \u275a\u275a pause; \u25a0 (where shown) stops and goes back to the start"
STEP_LABEL = "Step \u203a"
BACK_LABEL = "\u2039 Back"
RESET_LABEL = "Reset"


def lr_slider(value, min_exp, max_exp, step, readout_format=".3g", width="260px", **kwargs):
    """The learning-rate slider: log scale from 10**min_exp to 10**max_exp."""
    import ipywidgets as widgets

    return widgets.FloatLogSlider(value=value, base=10, min=min_exp, max=max_exp, step=step,
                                  description=LR_DESCRIPTION, tooltip=LR_TOOLTIP, readout_format=readout_format,
                                  layout=widgets.Layout(width=width), **kwargs)


def play(value, min, max, interval, description):  # noqa: A002 (ipywidgets' names)
    """A Play button (▶ / ❚❚ / ■) whose tooltip says what ■ does."""
    import ipywidgets as widgets

    return widgets.Play(value=value, min=min, max=max, step=1, interval=interval, description=description,
                        show_repeat=False, tooltip=PLAY_TOOLTIP)


def button(label, tooltip, width="80px"):
    """A push button with a tooltip."""
    import ipywidgets as widgets

    return widgets.Button(description=label, tooltip=tooltip, layout=widgets.Layout(width=width))
