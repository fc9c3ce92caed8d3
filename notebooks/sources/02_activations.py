# %% [markdown]
# # 02 · Activation functions: where the network bends
#
# A weighted sum can only draw straight lines. The activation function that follows it is
# the one place where a neural network gets to bend, and its slope decides whether the
# network can learn at all.
#
# **Learning goals**
#
# - Write down ReLU, sigmoid, tanh and softmax, sketch them, and say what range their outputs take.
# - Work out the derivative f'(s) of each and check it against a numerical slope.
# - Show with numbers that stacking linear layers without an activation gives just one linear layer.
# - Use softmax to turn three class scores into probabilities, and compute it without overflow.
#
# **Before this notebook:** [01 · The perceptron](01_perceptron.ipynb) (weighted sum
# $s = \sum_i x_i w_i$, step and sign).
#
# **Time:** the core path takes about 15 minutes; the sections marked *(optional)* add about 10.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import activations, checks, optim, plots, widgets

# %% [markdown]
# ## 1. Why the step function is not enough (core)
#
# The perceptron passes its weighted sum through a step: $f(s) = 1$ if $s \ge 0$, else $0$.
# The step is flat everywhere except for a jump at 0, so its slope is 0 wherever it exists.
# Training (notebook 03) moves the weights in the direction that lowers the loss, and it finds
# that direction through slopes. A zero slope says "no direction is better than another".
#
# Look at the slopes of step and sigmoid at a few values of $s$:

# %%
s = np.array([-3.0, -0.5, 0.5, 3.0])
print("step'(s)    =", activations.step_grad(s))
print("sigmoid'(s) =", activations.sigmoid_grad(s).round(4))

# %% [markdown]
# The step's slope is 0 at every one of them. The sigmoid looks like a smoothed step, and its
# slope is never 0: a small change in $s$ always changes the output a little. That is what
# gradient descent needs.

# %%
assert np.all(activations.step_grad(s) == 0) and np.all(activations.sigmoid_grad(s) > 0)

# %% [markdown]
# ## 2. Four common activations (core)
#
# The lecture lists these (written with $s$, the weighted sum that goes in):
#
# | name | $f(s)$ | outputs |
# |---|---|---|
# | ReLU | $\max(0, s)$ | $[0, \infty)$ |
# | sigmoid | $\dfrac{1}{1 + e^{-s}} = \dfrac{e^s}{e^s + 1}$ | $(0, 1)$ |
# | tanh | $\dfrac{2}{1 + e^{-2s}} - 1$ | $(-1, 1)$ |
# | softmax | $f(s_i) = \dfrac{e^{s_i}}{\sum_{j=1}^{C} e^{s_j}}$ for $C$ classes | $(0, 1)$, summing to 1 |
#
# The first three act on each number on its own. Softmax takes a whole vector of $C$ scores
# (section 5). Each plot below shows $f(s)$ on top and its slope $f'(s)$ underneath.
# Notice where each slope is largest, and where it is (nearly) zero.

# %%
fig, axes = plt.subplots(2, 3, figsize=(10, 4.6), sharex=True, layout="constrained")
for k, name in enumerate(["relu", "sigmoid", "tanh"]):
    plots.plot_activation(name, axes=axes[:, k])
fig.suptitle("Top: f(s). Bottom: its slope f'(s). Sigmoid and tanh flatten out far from 0.")
plt.show()

# %% [markdown]
# Some values to read off and remember:

# %%
for name in ["relu", "sigmoid", "tanh"]:
    a = activations.ACTIVATIONS[name]
    print(f"{name:8s} f(0) = {a.fn(0.0):.2f}   f'(0) = {a.grad(0.0):.2f}")

# %% [markdown]
# ## 3. Derivatives, and how to check one (core)
#
# Each derivative has a short formula:
#
# - ReLU: $f'(s) = 1$ for $s > 0$ and $0$ for $s < 0$ (at the kink $s = 0$ we use 0).
# - sigmoid: $f'(s) = f(s)\,(1 - f(s))$. It peaks at $s = 0$, where it is $0.5 \cdot 0.5 = 0.25$.
# - tanh: $f'(s) = 1 - f(s)^2$. It peaks at $s = 0$ with slope 1.
#
# A formula can be wrong, so check it the way the tests in `tests/` do: nudge $s$ a little
# either way and measure how much $f$ changes,
# $f'(s) \approx \dfrac{f(s + h) - f(s - h)}{2h}$. If the formula is right, the two agree to
# better than $10^{-7}$ (the threshold every notebook of this collection uses); a wrong
# formula misses by far more.

# %%
s = np.linspace(-4, 4, 9)
for name in ["sigmoid", "tanh"]:
    a = activations.ACTIVATIONS[name]
    gap = np.max(np.abs(a.grad(s) - optim.numerical_derivative(a.fn, s)))
    print(f"{name:8s} largest gap between formula and numerical slope: {gap:.1e}")
    assert gap < 1e-7

# %% [markdown]
# ### Predict, then reveal
#
# Before you move the slider below, predict:
#
# 1. At $s = 0$ the sigmoid's slope is $0.25$ and tanh's is $1$. At $s = 3$, which of the two
#    is steeper?
# 2. What is the slope of ReLU at $s = -2$? What does that mean for learning when a ReLU's
#    weighted sum is negative?
# 3. Choose `step`: what does the tangent line look like everywhere?
#
# Then pick a function, move $s$ and watch the point, its tangent and the slope. The panel on
# the right is for section 5.

# %%
explorer = widgets.activation_explorer("sigmoid", s=1.0)
explorer

# %% [markdown]
# The explorer keeps the numbers behind its picture in `explorer.state`. The reveal below
# reads them from a second explorer, `probe`, so the one above stays where you left it. At
# its start, $s = 1$, the sigmoid is $0.7311$ and its slope $0.7311 \cdot 0.2689 = 0.1966$.

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe = widgets.activation_explorer("sigmoid", s=1.0)
assert round(probe.state["f"], 4) == 0.7311 and round(probe.state["slope"], 4) == 0.1966
for name, at in [("sigmoid", 3.0), ("tanh", 3.0), ("relu", -2.0)]:
    probe.set(activation=name, s=at)
    print(f"{name:8s} at s = {at:+.0f}: f = {probe.state['f']:.4f}, slope = {probe.state['slope']:.4f}")
assert [getattr(control, "value", None) for control in explorer.controls.values()] == shown

# %% [markdown]
# At $s = 3$ the sigmoid is steeper than tanh, though tanh starts four times as steep: tanh
# flattens out faster. And a ReLU whose weighted sum is negative has slope exactly 0, so
# no gradient flows through it.

# %%
probe.set(activation="sigmoid", s=3.0)
sigmoid_slope_3 = probe.state["slope"]
probe.set(activation="tanh", s=3.0)
assert sigmoid_slope_3 > probe.state["slope"]
probe.set(activation="relu", s=-2.0)
assert probe.state["slope"] == 0.0

# %% [markdown]
# ### Check your understanding
#
# Compute the slope of the sigmoid at $s = 2$, using only `np.exp` (not `activations`).

# %%
slope = ...  # your answer: sigmoid'(2)
checks.check_sigmoid_slope(slope)

# %% [markdown]
# <details><summary>Hint</summary>
#
# First $z = 1 / (1 + e^{-2})$, then the slope is $z (1 - z)$.
# </details>
#
# <details><summary>Solution</summary>
#
# ```python
# z = 1 / (1 + np.exp(-2.0))
# slope = z * (1 - z)   # 0.1050
# ```
# </details>

# %% [markdown]
# ## 4. Why a non-linearity is needed at all (core)
#
# Take a network with 2 inputs, 3 hidden units and 1 output, but no activation: the hidden
# layer computes $u = x V$ and the output is $z = u W$. Then $z = x V W = x (V W)$: the two
# layers do exactly what one layer with weights $V W$ does. However many linear layers you
# stack, the result is one linear layer, still a straight line (or plane).
# (Biases are left out to keep the point clear; with them the result is the same.)

# %%
V = np.array([[1.0, -2.0, 0.5], [0.0, 1.0, 3.0]])  # 2 inputs -> 3 hidden units
W = np.array([[2.0], [1.0], [-1.0]])  # 3 hidden units -> 1 output
X = np.random.default_rng(0).normal(size=(5, 2))  # five inputs
two_layers = (X @ V) @ W
one_layer = X @ (V @ W)
print("same outputs:", np.allclose(two_layers, one_layer))
print(one_layer.ravel().round(4))

# %% [markdown]
# Put a ReLU between the layers and the shortcut breaks: the output now bends. With one input
# $x$ the difference is easy to see: the linear stack gives a straight line, the ReLU network a
# line with kinks.

# %%
v, b, w = np.array([[1.0, -1.0, 0.5]]), np.array([0.0, 0.5, -1.0]), np.array([1.0, 1.0, -2.0])
x = np.linspace(-3, 3, 201)[:, None]
fig, ax = plt.subplots(figsize=(5.2, 3.2), layout="constrained")
ax.plot(x, (x @ v + b) @ w, color=plots.style.INK, lw=2, label="no activation: a straight line")
ax.plot(x, activations.relu(x @ v + b) @ w, color=plots.style.MUTED, lw=2, ls="--", label="ReLU between: it bends")
ax.set(xlabel="input $x$", ylabel="output $z$", title="Same weights, with and without ReLU")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# ### Check your understanding (optional)
#
# With `V` and `W` from above, which single weight matrix `W_single` (shape `(2, 1)`) gives
# exactly the same outputs as the two linear layers?

# %%
W_single = ...  # your answer, a (2, 1) array
checks.check_combined_weights(W_single)

# %% [markdown]
# <details><summary>Solution</summary>
#
# `W_single = V @ W`, which is `[[-0.5], [-2.0]]`: for example the first row is
# $1 \cdot 2 + (-2) \cdot 1 + 0.5 \cdot (-1) = -0.5$.
# </details>

# %% [markdown]
# ## 5. Softmax: scores for several classes become probabilities (core)
#
# For $C$ classes the last layer gives $C$ scores (logits) $s_1, \dots, s_C$. Softmax
# exponentiates each one (making it positive) and divides by the total (making them sum to 1).
# A larger score always gets a larger probability.

# %%
logits = np.array([2.0, 1.0, 0.1])
p = activations.softmax(logits)
print("probabilities:", p.round(4), " sum:", p.sum().round(4))

# %% [markdown]
# Two properties to notice:
#
# - Adding the same number to every score changes nothing: $e^{s_i + c} / \sum_j e^{s_j + c}$,
#   and the $e^c$ cancels.
# - With two classes, softmax is the sigmoid of the difference of the scores.

# %%
print("shifted by +100:", activations.softmax(logits + 100).round(4))
print("2 classes:", activations.softmax([1.5, 0.0])[0].round(4), " sigmoid(1.5):", round(activations.sigmoid(1.5), 4))
assert np.allclose(activations.softmax(logits + 100), p)
assert np.isclose(activations.softmax([1.5, 0.0])[0], activations.sigmoid(1.5))

# %% [markdown]
# ### Predict, then reveal
#
# In the explorer above, set the three logits to the same value. What are the bars? Now raise
# `s1` by 2. That multiplies $e^{s_1}$ by $e^2 \approx 7.4$: does $p_1$ become 7.4 times as
# large? Try it, then run the reveal.

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe.set(s1=1.0, s2=1.0, s3=1.0)
p_equal = probe.state["probabilities"]
probe.set(s1=3.0)
p_raised = probe.state["probabilities"]
print("equal logits:  ", p_equal.round(4))
print("s1 raised by 2:", p_raised.round(4), f"  p1 grew {p_raised[0] / p_equal[0]:.2f} times")
assert np.allclose(p_equal, 1 / 3) and round(p_raised[0] / p_equal[0], 1) == 2.4
assert [getattr(control, "value", None) for control in explorer.controls.values()] == shown

# %% [markdown]
# Equal scores share the probability equally. Raising one score by 2 multiplies its $e^{s}$ by
# $e^2 \approx 7.4$, but the total grows too, so its share only grows from $1/3$ to $0.79$:
# about 2.4 times, not 7.4 times. The others shrink to make room.
#
# ### Computing softmax safely (optional)
#
# The shift is also how softmax is computed safely. $e^{1000}$ is too large for a float and
# becomes `inf`, and `inf / inf` is not a number (`nan`). Subtracting the largest score first
# makes every exponent $\le 0$; by the first property the answer is unchanged.
# (Below, numpy's overflow warning is silenced on purpose to show the broken result.)

# %%
big = np.array([1000.0, 0.0])
with np.errstate(over="ignore", invalid="ignore"):
    naive = np.exp(big) / np.exp(big).sum()
print("naive:", naive, "  stable:", activations.softmax(big))

# %% [markdown]
# The sigmoid written as $1/(1 + e^{-s})$ has the same trap at $s = -1000$ (it computes
# $e^{1000}$); `helpers.activations.sigmoid` avoids it the same way, by only ever taking
# $e^{-|s|}$, and gives exactly 0 and 1 at the two extremes:

# %%
print("sigmoid at -1000 and +1000:", activations.sigmoid(np.array([-1000.0, 1000.0])))

# %% [markdown]
# ### Check your understanding (optional)
#
# Write your own `my_softmax(s)` for a 1-D array `s`. It should give the right values and
# survive `my_softmax(np.array([1000.0, 0.0]))`.

# %%
def my_softmax(s):
    ...  # your code here


checks.check_softmax(my_softmax)

# %% [markdown]
# <details><summary>Hint</summary>
#
# `e = np.exp(s - np.max(s))`, then divide by `e.sum()`.
# </details>
#
# <details><summary>Solution</summary>
#
# ```python
# def my_softmax(s):
#     e = np.exp(s - np.max(s))
#     return e / e.sum()
# ```
# </details>

# %% [markdown]
# ## Summary (core)
#
# - ReLU $\max(0, s)$, sigmoid $1/(1 + e^{-s})$, tanh and softmax are the common
#   activations; sigmoid and softmax outputs read as probabilities.
# - Their slopes: ReLU 0 or 1, sigmoid $f(1-f)$ (at most 0.25), tanh $1 - f^2$ (at most 1).
#   A numerical slope $\frac{f(s+h) - f(s-h)}{2h}$ checks any derivative formula.
# - Without an activation, any stack of layers is a single linear layer: $x V W = x (V W)$.
# - Softmax turns $C$ scores into probabilities; subtracting $\max(s)$ first keeps it from
#   overflowing and changes nothing else.
#
# **Questions to think about**
#
# 1. Far from 0, sigmoid and tanh are almost flat. What happens to learning when a unit's
#    weighted sum is very large?
# 2. ReLU's slope is exactly 0 for every negative $s$. Can a ReLU unit get "stuck"?
# 3. Why is the step function fine for *predicting* with a perceptron but useless for
#    *training* with gradients?
#
# **Next:** [03 · Gradient descent](03_gradient_descent.ipynb): how slopes tell the weights
# which way to move.
