# %% [markdown]
# # 03 · Gradient descent: walking downhill on the loss
#
# Training means adjusting the weights until the loss is small. Gradient descent does it
# with one rule, repeated: find which way is uphill, and take a step the other way.
#
# **Learning goals**
#
# - Read a derivative as a rate of change, estimate it numerically, and use its sign to
#   decide which way to move.
# - Compute a gradient in two dimensions and see that stepping against it lowers the loss.
# - Picture the loss as a function of the weights and apply the update
#   $w^{new} = w^{old} - \eta \, \frac{\partial L}{\partial w}$.
# - Tell a learning rate that is crawling, converging, zigzagging or diverging, and see a small
#   one stop in a local optimum; run minibatch and stochastic gradient descent with batches
#   and epochs.
#
# **Before this notebook:** [02 · Activation functions](02_activations.ipynb) (slopes and
# their numerical check).
#
# **Time:** the core path takes about 30 minutes; the section marked *(optional)* adds about 5.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import checks, optim, plots, widgets


# %% [markdown]
# ## 1. The derivative: how fast the output changes (core)
#
# Take $f(w) = w^2$ and start at $w_1 = 1.5$. Move a small step $\Delta w$. For small steps the
# change in output is proportional to the step: $f(w_1 + \Delta w) - f(w_1) \approx a\,\Delta w$.
# The factor $a$ is the **derivative** at $w_1$, the rate of change. Watch the ratio settle
# as the step shrinks:

# %%
def f(w):
    return w**2


for dw in [0.1, 0.01, 0.001]:
    print(f"dw = {dw:<6}  (f(1.5 + dw) - f(1.5)) / dw = {(f(1.5 + dw) - f(1.5)) / dw:.4f}")

# %% [markdown]
# The ratio approaches $a = 3$, which is $2w$ at $w = 1.5$. Taking the step on *both* sides,
# $\frac{f(w + h) - f(w - h)}{2h}$, is far more accurate for the same $h$; that is what
# `optim.numerical_derivative` does:

# %%
print(f"central difference: {optim.numerical_derivative(f, 1.5, h=0.1):.4f}")

# %% [markdown]
# The sign of the derivative says which way is uphill. At $w = 1.5$ it is $+3$: increasing $w$
# increases $f$. So to *decrease* $f$, move the opposite way, to smaller $w$. In the plot the
# vermillion arrow is the derivative (vermillion marks derivatives in every figure), drawn as
# a vector along the $w$ axis; the black arrow, a step, points against it, downhill.

# %%
fig, ax = plt.subplots(figsize=(5, 3.2), layout="constrained")
plots.plot_function(f, np.linspace(-2.5, 2.5, 200), ax=ax)
plots.plot_tangent(1.5, f(1.5), 3.0, ax=ax, half_width=0.8)
plots.Arrow(ax, plots.style.DERIVATIVE).update([1.5, f(1.5)], [0.5 * 3.0, 0.0])
plots.Arrow(ax, plots.style.INK).update([1.5, f(1.5)], [-0.5 * 3.0, 0.0])
ax.set(xlim=(-2.6, 3.3), ylim=(-0.4, 6.6), xlabel="$w$", ylabel="$f(w) = w^2$",
       title="Derivative +3: uphill is to the right, so step left")
plt.show()

# %% [markdown]
# ### Check your understanding
#
# Estimate the slope of $L(w) = w^2 - 2w$ at $w = 3$ with a central difference and
# $h = 0.001$. Write the formula yourself (no `optim`).

# %%
slope = ...  # your estimate
checks.check_slope_estimate(slope)

# %% [markdown]
# <details><summary>Solution</summary>
#
# ```python
# L = lambda w: w**2 - 2 * w
# h = 0.001
# slope = (L(3 + h) - L(3 - h)) / (2 * h)   # 4.0, the derivative 2w - 2 at w = 3
# ```
# </details>

# %% [markdown]
# ## 2. The gradient: the derivative in several directions (core)
#
# With two weights the loss $L(w_1, w_2)$ is a surface. Its **gradient** collects one
# derivative per weight, each taken with the other weight held fixed:
# $G = \left[\frac{\partial L}{\partial w_1}, \frac{\partial L}{\partial w_2}\right]$.
# It points uphill, in the steepest direction. Here is a long, narrow valley:
# $L = 0.2\,w_1^2 + w_2^2$, with gradient $(0.4\,w_1,\ 2\,w_2)$. Check the formula numerically at $(2, 1)$:

# %%
ravine = optim.EXAMPLE_LOSSES["ravine"]
w = np.array([2.0, 1.0])
print("formula:  ", ravine.grad(w))
print("numerical:", optim.numerical_gradient(ravine.fn, w).round(6))

# %% [markdown]
# On a contour map (lines of equal loss, darker is lower) the gradient is always at right
# angles to the contour lines. Notice that in the narrow direction ($w_2$) it is much
# steeper than along the valley ($w_1$). Each black arrow, against the gradient, points downhill.

# %%
fig, ax = plt.subplots(figsize=(4.6, 4.2), layout="constrained")
plots.plot_loss_surface(ravine.fn, ax=ax)
for point in [(2.0, 1.0), (-2.0, 1.5), (-1.5, -1.5), (2.2, -0.5)]:
    g = ravine.grad(np.array(point))
    plots.Arrow(ax, plots.style.DERIVATIVE).update(point, 0.25 * g)
    plots.Arrow(ax, plots.style.INK).update(point, -0.25 * g)
ax.set_title("Vermillion: gradient (uphill). Black: against it (downhill)")
plt.show()

# %% [markdown]
# ### Check your understanding
#
# Take one step from $w = (2, 1)$ on this valley with learning rate $\eta = 0.25$:
# $w^{new} = w - \eta\,G(w)$. What is `w_new`?

# %%
w_new = ...  # a length-2 array
checks.check_update_rule(w_new)

# %% [markdown]
# <details><summary>Solution</summary>
#
# $G(2, 1) = (0.8, 2.0)$, so `w_new = np.array([2.0, 1.0]) - 0.25 * np.array([0.8, 2.0])`,
# which is `[1.8, 0.5]`.
# </details>

# %% [markdown]
# ## 3. The loss is a function of the weights (core)
#
# Now a real learning problem, small enough to see whole. Twelve measurements $(x, y)$ roughly
# follow a line, and we want the line $z = w_0 + w_1 x$ that fits them best. The data is fixed:
# the loss depends only on the two weights,
# $L(w_0, w_1) = \frac{1}{n}\sum_i (w_0 + w_1 x_i - y_i)^2$ (the mean squared error).

# %%
rng = np.random.default_rng(0)
x = np.sort(rng.uniform(-1, 1, 12))
y = 1.0 + 2.0 * x + rng.normal(0, 0.3, 12)  # the true line is y = 1 + 2x, plus noise


def line_loss(w, x, y):
    """Mean squared error of z = w0 + w1 x; w may be one (2,) pair or a (..., 2) grid of pairs."""
    w = np.asarray(w)
    z = w[..., :1] + w[..., 1:] * x
    return np.mean((z - y) ** 2, axis=-1)


# %% [markdown]
# Every line we could draw is one point $(w_0, w_1)$ on the loss surface. Three guesses, and
# their losses:

# %%
guesses = {"flat, w = (0, 0)": (0.0, 0.0), "too steep, w = (1, 4)": (1.0, 4.0), "close, w = (1, 2)": (1.0, 2.0)}
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9.4, 3.8), layout="constrained")
ax1.scatter(x, y, color=plots.style.INK, zorder=3, label="data")
plots.plot_loss_surface(lambda w: line_loss(w, x, y), (-2, 4), (-2, 6), ax=ax2, labels=("w_0", "w_1"))
for (name, w), style in zip(guesses.items(), plots.SERIES_STYLES):    # guesses, not classes: black and grey
    label = f"{name}: L = {line_loss(w, x, y):.2f}"
    ax1.plot(x, w[0] + w[1] * x, color=style["color"], ls=style["ls"], lw=2, label=label)
    ax2.plot(*w, **{**style, "ls": "none"}, ms=10, mec="k")
ax1.set(xlabel="$x$", ylabel="$y$", title="Three lines through the data")
ax1.legend(fontsize=7.5, loc="upper left")
ax2.set_title("Each line is one point on the loss surface")
plt.show()


# %% [markdown]
# ## 4. The update rule (core)
#
# To lower the loss, move every weight against its partial derivative:
#
# $$w_i^{new} = w_i^{old} - \eta\,\frac{\partial L}{\partial w_i}$$
#
# where $\eta$ (`lr` in code) is the **learning rate**. For the line, the chain rule gives
# $\frac{\partial L}{\partial w_0} = \frac{1}{n}\sum_i 2(z_i - y_i)$ and
# $\frac{\partial L}{\partial w_1} = \frac{1}{n}\sum_i 2(z_i - y_i)\,x_i$.

# %%
def line_grad(w, x, y):
    """Gradient of line_loss at one pair w = (w0, w1), over the samples x, y given."""
    error = w[0] + w[1] * x - y
    return np.array([np.mean(2 * error), np.mean(2 * error * x)])


print("formula:  ", line_grad(np.array([0.0, 0.0]), x, y).round(4))
print("numerical:", optim.numerical_gradient(lambda w: line_loss(w, x, y), [0.0, 0.0]).round(4))

# %% [markdown]
# `optim.gradient_descent(grad, w_start, lr, steps)` applies the rule `steps` times and returns
# every point it visits. Start from the flat line $(0, 0)$:

# %%
path = optim.gradient_descent(lambda w: line_grad(w, x, y), [0.0, 0.0], lr=0.2, steps=40)
for k in [0, 1, 2, 5, 10, 40]:
    print(f"step {k:2d}: w = {path[k].round(3)}, L = {line_loss(path[k], x, y):.4f}")

# %% [markdown]
# The loss drops fast at first, while the slope is steep, then more slowly near the bottom,
# where the gradient (and so each step) gets small: the first five steps lower it by more
# than ten times as much as the last thirty.

# %%
L_path = line_loss(path, x, y)
assert np.all(np.diff(L_path) < 0) and L_path[0] - L_path[5] > 10 * (L_path[10] - L_path[40])

# %% [markdown]
# ## 5. The learning rate: too small, too large (core)
#
# The step is $\eta$ times the gradient. On $L(w) = (w - 1)^2$ the gradient is $2(w - 1)$, so
# one step turns the distance to the minimum $d$ into $d - 2\eta d = (1 - 2\eta)\,d$. Four
# things can happen, and this collection gives each a name; exactly one fits each run:
#
# - **crawling**: it moves towards the minimum from one side, but is still far from it after
#   the steps shown;
# - **converging**: it reaches the minimum from one side;
# - **zigzagging**: it jumps from one side of the minimum to the other at every step,
#   without moving away;
# - **diverging**: it moves away from the minimum, further with every step.
#
# ### Predict, then reveal
#
# Before you touch the sliders, predict which name fits $\eta = 0.01$, $0.3$, $0.9$ and $1.2$
# over 20 steps. Then try them: the explorer names what each run does, in the same words. The
# right panel is the valley from section 2: one learning rate has to suit both its gentle and
# its steep direction.

# %%
explorer = widgets.gradient_descent_explorer(lr=0.1, steps=20)
explorer

# %% [markdown]
# ### Check your understanding
#
# Fill in what each learning rate does on $L(w) = (w - 1)^2$ in 20 steps: `"crawling"`,
# `"converging"`, `"zigzagging"` or `"diverging"`.

# %%
answers = {0.01: ..., 0.3: ..., 0.9: ..., 1.2: ...}
checks.check_learning_rates(answers)

# %% [markdown]
# <details><summary>Hint</summary>
#
# Compute the factor $1 - 2\eta$ for each, and how much of the distance is left after 20
# steps, $|1 - 2\eta|^{20}$. Between 0 and 1: it shrinks from one side. Between -1 and 0: it
# shrinks but flips side every step. Beyond -1: it grows.
# </details>
#
# The reveal, on a second explorer, `probe`, so the one above stays where you left it. It
# also checks a number you can work out: with $\eta = 0.1$ each step keeps $0.8$ of the
# distance, so from the start $w = -2.5$, $3.5$ away, $3.5 \cdot 0.8^{20} \approx 0.04$ is
# left after 20 steps.

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe = widgets.gradient_descent_explorer(lr=0.1, steps=20)
assert abs(probe.state["w_1d"] - (1 - 3.5 * 0.8**20)) < 1e-9
for lr in [0.01, 0.3, 0.9, 1.2]:
    probe.set(lr=lr, steps=20)
    print(f"lr = {lr:<4}  1-D: {probe.state['regime_1d']:<11}  2-D: {probe.state['regime_2d']}")
assert probe.state["regime_1d"] == "diverging" and "too large" in probe.message.get_text()
assert [getattr(control, "value", None) for control in explorer.controls.values()] == shown

# %% [markdown]
# ## 6. Small steps stop in the nearest valley (core)
#
# The lecture warns: with a small learning rate, gradient descent can end in a *local*
# optimum; with a large one, anywhere. The "two valleys" curve of the explorer shows both. Its
# left valley is deep, its right one shallow:
# $L(w) = \frac{w^4}{4} - w^2 + \frac{w}{2} + 1.75$.
#
# **Predict, then reveal.** Start at $w = 2.5$, on the right, and take 60 steps with
# $\eta = 0.1$, $0.3$ and $0.5$. Where does each run end?

# %%
two = optim.EXAMPLE_LOSSES["two valleys"]
ends = {}
fig, ax = plt.subplots(figsize=(5.4, 3.2), layout="constrained")
plots.plot_loss_curve(two.fn, np.linspace(-3.2, 3.2, 300), ax=ax)     # the landscape, in grey
for lr, style in zip([0.1, 0.3, 0.5], plots.SERIES_STYLES):
    run = optim.gradient_descent(two.grad, 2.5, lr, 60, limit=1e3, return_info=True)
    ends[lr] = run
    shown_part = run.path[:3] if run.diverged else run.path    # a diverging run: its first two jumps
    ax.plot(shown_part[:, 0], two.fn(shown_part), **style, ms=4, lw=0.8, label=f"lr = {lr}")
    end = f"diverging: out of the picture after {run.steps_taken} steps" if run.diverged else (
        f"ends at w = {run.path[-1, 0]:.4f}, L = {two.fn(run.path[-1]):.4f}")
    print(f"lr = {lr}: {end}")
ax.set(xlim=(-3.2, 3.2), ylim=(-0.5, 9), title="From w = 2.5: which valley?")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# The small step rolls into the nearest valley, the shallow one on the right, and stays
# there: its slope is zero at the bottom, so gradient descent has no reason to leave. The
# larger step jumps clean over the hump between the valleys on its very first step and rolls
# into the deeper one on the left. The largest is thrown out of the picture. A larger learning rate is no cure, though:
# from other starts the same $\eta = 0.3$ lands in the shallow valley (try it in the
# explorer above, with the curve "two valleys").

# %%
local_min, global_min = 1.2670, two.minimum[0]     # the bottoms of the right and left valleys
assert abs(ends[0.1].path[-1, 0] - local_min) < 1e-3 and two.fn(ends[0.1].path[-1]) > 1.4
assert abs(ends[0.3].path[-1, 0] - global_min) < 1e-3 and two.fn(ends[0.3].path[-1]) < 0.02
assert ends[0.5].diverged
hump = 0.2586                                      # the top between the valleys
assert ends[0.3].path[1, 0] < hump < ends[0.1].path[1, 0] and abs(two.grad(np.array([hump]))[0]) < 1e-3
assert abs(optim.gradient_descent(two.grad, 1.8, 0.3, 60)[-1, 0] - local_min) < 1e-3   # another start

# %% [markdown]
# ## 7. Batches, epochs and stochastic gradient descent (core)
#
# The gradient in section 4 averages over *all* samples. With millions of samples that is
# one very expensive step. The lecture's algorithm uses a few samples at a time:
#
# 1. Randomly shuffle the training examples and split them into $B$ batches.
# 2. Choose initial weights.
# 3. For each epoch $i = 1 \dots T$: for each batch $j = 1 \dots B$: update the weights with
#    the gradient computed on batch $j$ only.
#
# One pass over all the data is an **epoch**. With batches of one sample it is
# **stochastic gradient descent** (SGD). `optim.minibatches` does the shuffle and split:
# each index appears exactly once per epoch, and the last batch may be shorter.

# %%
batches = optim.minibatches(len(x), 5, rng=np.random.default_rng(1))
for j, batch in enumerate(batches, start=1):
    print(f"batch {j}: samples {batch}")
assert [len(batch) for batch in batches] == [5, 5, 2]

# %% [markdown]
# Here are those batches on the data. Each batch gives its own, slightly different idea of
# which way to move: an estimate of the full gradient.

# %%
fig, ax = plt.subplots(figsize=(4.8, 3.4), layout="constrained")
plots.plot_batches(x, y, batches, ax=ax)
ax.set_title("One epoch = three batches: 5 + 5 + 2 samples")
ax.legend(fontsize=8)
plt.show()


# %% [markdown]
# The whole algorithm fits in a few lines. Every random choice comes from `rng`, so a re-run
# gives the same numbers.

# %%
def minibatch_descent(x, y, w, lr, epochs, batch_size, rng):
    """Gradient descent on line_loss with shuffled batches; returns every weight visited."""
    history = [w.copy()]
    for epoch in range(epochs):
        for batch in optim.minibatches(len(x), batch_size, rng):
            w = w - lr * line_grad(w, x[batch], y[batch])
            history.append(w.copy())
    return np.array(history)


# %% [markdown]
# ### Batch sizes compared (optional)
#
# Run it for 4 epochs with three batch sizes: all 12 samples (plain gradient descent), 4, and
# 1 (SGD), all with $\eta = 0.2$ from $(-1, -1)$. Notice the number of updates each makes in
# the same 4 epochs, and how far each gets.

# %%
histories = {size: minibatch_descent(x, y, np.array([-1.0, -1.0]), lr=0.2, epochs=4, batch_size=size,
                                     rng=np.random.default_rng(2)) for size in [12, 4, 1]}
fig, axes = plt.subplots(1, 3, figsize=(10, 3.6), layout="constrained", sharey=True)
for ax, (size, hist) in zip(axes, histories.items()):
    plots.plot_loss_surface(lambda w: line_loss(w, x, y), (-2, 4), (-2, 6), ax=ax, labels=("w_0", "w_1"))
    plots.plot_descent_path(hist, ax=ax)
    ax.set_title(f"batch size {size}: {len(hist) - 1} updates, L = {line_loss(hist[-1], x, y):.3f}", fontsize=9)
plt.show()

# %% [markdown]
# The loss after each update tells the same story:

# %%
fig, ax = plt.subplots(figsize=(5.4, 3.2), layout="constrained")
for (size, hist), style in zip(histories.items(), plots.SERIES_STYLES):
    epochs_done = np.arange(len(hist)) / (len(hist) - 1) * 4
    ax.plot(epochs_done, line_loss(hist, x, y), **style, ms=3, label=f"batch size {size}")
ax.set(xlabel="epochs", ylabel="loss $L$ on all samples", yscale="log", title="Smaller batches: more, noisier updates")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# Full batches go smoothly down, but make only 4 updates in 4 epochs and are still far from
# the bottom. SGD makes 12 times as many (cheap) updates; its loss is noisy, rising after some
# of them, yet after a single epoch it is already lower than full batches after four.

# %%
L_full, L_sgd = line_loss(histories[12], x, y), line_loss(histories[1], x, y)
assert len(histories[12]) - 1 == 4 and len(histories[1]) - 1 == 48
assert np.all(np.diff(L_full) < 0) and np.any(np.diff(L_sgd) > 0)
assert L_sgd[12] < L_full[-1] and L_full[-1] > 10 * L_sgd[-1]

# %% [markdown]
# ### Check your understanding (core)
#
# 50 samples, batch size 8, 3 epochs. How many times are the weights updated?

# %%
n_updates = ...
checks.check_update_count(n_updates)

# %% [markdown]
# <details><summary>Solution</summary>
#
# $50 = 6 \cdot 8 + 2$: six batches of 8 and one of 2 per epoch, 7 updates per epoch, so
# `n_updates = 21`.
# </details>

# %% [markdown]
# ## Summary (core)
#
# - The derivative is the rate of change of the output; its sign says which way is uphill,
#   and a central difference $\frac{f(w+h) - f(w-h)}{2h}$ estimates it.
# - The gradient collects the partial derivatives; stepping against it lowers the loss.
# - With the data fixed, the loss is a function of the weights; training walks downhill on it
#   with $w^{new} = w^{old} - \eta \frac{\partial L}{\partial w}$.
# - The learning rate $\eta$ decides between crawling, converging, zigzagging and diverging;
#   a small one stops in the nearest valley, which need not be the deepest.
# - Batches make each step cheap; an epoch is one pass over the data; batch size 1 is SGD.
#
# **Questions to think about**
#
# 1. In the ravine, why does the largest safe learning rate depend on the *steepest*
#    direction, even though the long way to go is along the gentle one?
# 2. On "two valleys", a larger $\eta$ escaped the shallow valley from $w = 2.5$ but not from
#    $w = 1.8$. What else could you try to end in the deeper valley?
# 3. SGD's path is noisy. Why might a little noise even help on a loss with many valleys?
#
# **Next:** [04 · The perceptron learns](04_perceptron_sgd.ipynb), where the same loop trains
# a perceptron, one sample at a time, with the perceptron loss $\max(0, -ys)$.
