# %% [markdown]
# # 04 · Training the perceptron with SGD, one sample at a time
#
# In notebook 01 you looked for weights that make a perceptron compute AND. Here the
# perceptron finds them by itself: it looks at one example, and every time it gets one wrong,
# it nudges its weights a little. That is all "learning" means here.
#
# **Learning goals**
#
# - Write the perceptron loss $L(s, y) = \max(0, -ys)$ and say why it is zero for correctly
#   classified points.
# - Derive its gradient, $\partial L / \partial w_i = -y x_i$ for a mistake and $0$ otherwise,
#   and decide what to do exactly on the boundary.
# - Run stochastic gradient descent (SGD) for the perceptron by hand and in a dozen lines of
#   numpy, and reproduce the lecture's worked example to the last digit.
# - Explain why training stops on AND but never on XOR, and why the boundary it finds is only
#   "one of infinitely many".
#
# **Before you start:** [01 · The perceptron](01_perceptron.ipynb) ($s = \sum_i x_i w_i$ with
# $x_0 = 1$) and [03 · Gradient descent](03_gradient_descent.ipynb)
# ($w \leftarrow w - \eta \, \partial L / \partial w$).
#
# **Time:** the core path takes about 25 minutes; the sections marked *(optional)* add about 25.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers import checks, data, losses, perceptron, plots, widgets

# %% [markdown]
# ## The model, with the classes encoded as +1 and −1 (core)
#
# The lecture's example is AND: class A is the point $(1, 1)$, class B is every other point.
# Encode A as $y = +1$ and B as $y = -1$. The perceptron computes the weighted sum
# $s = w_0 \cdot 1 + w_1 x_1 + w_2 x_2$ and predicts $f(s) = +1$ when $s \ge 0$, $-1$ when
# $s < 0$.
#
# The ±1 encoding makes one product say almost everything: when $s \cdot y > 0$, $s$ and $y$
# have the same sign and the prediction is right; when $s \cdot y < 0$ it is wrong. At
# $s \cdot y = 0$ the point lies on the boundary, and $\mathrm{sign}(0) = +1$ makes it right
# if $y = +1$ and wrong if $y = -1$. Notice the last column below.

# %%
X, y = data.logic_gate("AND", labels="pm1")
w = np.array([-0.1, 0.2, 0.0])  # the lecture's starting weights (w0, w1, w2)
s = perceptron.weighted_sum(w, X)
for x_j, y_j, s_j in zip(X, y, s):
    print(f"x = ({x_j[0]:g}, {x_j[1]:g}), y = {y_j:+.0f}:  s = {s_j:+.1f},  s*y = {s_j * y_j:+.1f}")

# %% [markdown]
# One point has $s \cdot y < 0$: $(1, 0)$ gets $s = 0.1$, so the perceptron says A although
# the point belongs to B. That is the mistake training has to fix first.

# %%
assert X[s * y < 0].tolist() == [[1.0, 0.0]] and not np.any(s * y == 0)

# %% [markdown]
# ## The loss: max(0, −ys) (core)
#
# Training needs a number that says how wrong the weights are. The lecture uses
#
# $$L(s, y) = \max(0, -y s) = \max\Big(0, -y \sum_{i=0}^m x_i w_i\Big).$$
#
# - A correct point has $y s > 0$, so $-ys < 0$ and the maximum is $0$: **no loss, whatever
#   the margin**. A point that is already right gives the weights no reason to move.
# - A wrong point has $y s < 0$ and loss $|s|$: the further it sits on the wrong side, the
#   larger the loss.
#
# - At $s = 0$ the loss is $0$ for either label. So the loss is zero exactly when no point lies
#   strictly on its wrong side; a point on the boundary costs nothing though sign calls it
#   $+1$ (training still treats it as a mistake, see below).
#
# In the figure, notice that each curve is flat on one side and rises on the other, with a
# kink at $s = 0$.

# %%
fig, ax = plt.subplots(figsize=(5.0, 3.0), dpi=80)
plots.plot_perceptron_loss(ax=ax)
fig.tight_layout()
plt.show()

# %% [markdown]
# For the lecture's starting weights only the one mistake costs anything: $|s| = 0.1$.

# %%
print("loss per point:", losses.perceptron_loss(s, y))
print(f"total loss: {losses.perceptron_loss(s, y).sum():.1f}")
assert np.isclose(losses.perceptron_loss(s, y).sum(), 0.1)

# %% [markdown]
# ## Its gradient (core)
#
# Write $L$ as a function of the weights: $L(\mathbf w) = \max(0, -y \sum_i x_i w_i)$.
#
# - Where $sy < 0$, the maximum is the second term, $-y \sum_i x_i w_i$, a linear function of
#   the weights. Its derivative is $\dfrac{\partial L}{\partial w_i} = -y x_i$.
# - Where $sy > 0$, the maximum is the constant $0$, so $\dfrac{\partial L}{\partial w_i} = 0$.
#
# **And exactly at $sy = 0$?** The point lies on the boundary, the loss has its kink, and there
# is no single slope. We have to choose, and we choose $-y x_i$: **a point on the boundary
# counts as a mistake.** The reason is practical. Start from $\mathbf w = 0$: then $s = 0$ for
# every point, and if "on the boundary" meant "no update", the weights would stay at zero
# forever. (Mathematically the choice is fine too: at a kink, any mix of the two slopes, here
# $-yx$ and $0$, is a valid *subgradient*.)
#
# **Why gradient descent works on a sign perceptron.** Notebook 02 said that the step's zero
# slope makes it useless for training with gradients, and sign is a step too. Yet we are
# about to train a sign perceptron by gradient descent. The reason: the loss
# $\max(0, -ys)$ is a function of $s$ itself, not of $\mathrm{sign}(s)$, and
# $s = \sum_i x_i w_i$ is linear in the weights. The chain from the weights to the loss never
# passes through the sign function, so its zero slope never enters: sign only turns $s$ into a
# prediction. Wherever a point is on its wrong side, the loss has slope $-y x_i$, which tells
# each weight which way to move.
#
# `perceptron.loss_gradient(w, x, y)` implements the gradient, with the choice at $sy = 0$. Notice the third line: all-zero
# weights, yet a non-zero gradient.

# %%
print(perceptron.loss_gradient([-0.1, 0.2, 0.0], [1, 0], -1))  # mistake: -y x with x0 = 1
print(perceptron.loss_gradient([-0.1, 0.2, 0.0], [0, 0], -1))  # correct: zero
print(perceptron.loss_gradient([0.0, 0.0, 0.0], [1, 1], +1))   # on the boundary: update


# %% [markdown]
# Do not trust a derivative you have not checked. Away from the kink, nudging each weight by a
# tiny $h$ and watching the loss change must give the same numbers, to better than $10^{-7}$
# (a finite difference, as in notebooks 02 and 03):

# %%
def loss_of_weights(w, x, y):
    return losses.perceptron_loss(perceptron.weighted_sum(w, x), y)

w_test, x_test, y_test, h = np.array([0.3, -0.5, 0.8]), np.array([2.0, 0.5]), +1, 1e-6  # s = -0.3
numeric = [(loss_of_weights(w_test + h * e, x_test, y_test)
            - loss_of_weights(w_test - h * e, x_test, y_test)) / (2 * h) for e in np.eye(3)]
print("finite differences:", np.round(numeric, 6))
print("loss_gradient:     ", perceptron.loss_gradient(w_test, x_test, y_test))
gap = np.max(np.abs(np.array(numeric) - perceptron.loss_gradient(w_test, x_test, y_test)))
print(f"largest gap: {gap:.1e}")
assert gap < 1e-7


# %% [markdown]
# ### Rounding at the boundary (optional)
#
# Computers round, and `0.1 + 0.2 - 0.3` is not `0`:

# %%
print(0.1 + 0.2 - 0.3)

# %% [markdown]
# So a point that lies exactly on the boundary in exact arithmetic can get an $s$ of about
# $10^{-17}$ from a float calculation, and count as right or wrong by luck. The cell below
# trains AND from the lecture's start with $\eta = 0.1$ three times: with exact fractions
# (Python's `fractions`), with plain floats, and with `perceptron.sgd`. After every update
# `sgd` rounds its weights to the decimals exact arithmetic has (one here: $\eta = 0.1$,
# inputs 0 and 1) and treats an $s$ within rounding of zero as zero, so it takes the exact
# decisions and ends at the float nearest the exact weights. The cell compares which visits
# update the weights.

# %%
from fractions import Fraction

order = [2, 3, 0, 1]
w_exact, lr_exact, updates_exact = [Fraction(-1, 10), Fraction(2, 10), Fraction(0)], Fraction(1, 10), []
for epoch in range(100):
    updates_in_epoch = 0
    for j in order:
        x_exact = [Fraction(1), Fraction(int(X[j, 0])), Fraction(int(X[j, 1]))]
        s_exact = sum(xi * wi for xi, wi in zip(x_exact, w_exact))
        updates_exact.append(s_exact * int(y[j]) <= 0)
        if updates_exact[-1]:
            w_exact = [wi + lr_exact * int(y[j]) * xi for wi, xi in zip(w_exact, x_exact)]
            updates_in_epoch += 1
    if updates_in_epoch == 0:
        break

w_float, updates_float, s_float = np.array([-0.1, 0.2, 0.0]), [], []
for visit in range(len(updates_exact)):
    j = order[visit % 4]
    x_float = np.r_[1.0, X[j]]
    s_float.append(x_float @ w_float)
    updates_float.append(s_float[-1] * y[j] <= 0)
    if updates_float[-1]:
        w_float = w_float + 0.1 * y[j] * x_float

w_sgd, steps_sgd = perceptron.sgd(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=100, order=order)
updates_sgd = [not np.array_equal(st.w_before, st.w_after) for st in steps_sgd]
first = next(k for k, (exact, plain) in enumerate(zip(updates_exact, updates_float)) if exact != plain)
print(f"plain floats first disagree at visit {first + 1}, where they compute s = {s_float[first]:.1e}, exact s = 0")
print("after those visits plain floats are at", w_float.round(4), "  exact fractions at", [float(v) for v in w_exact])
print("perceptron.sgd takes the exact decisions:", updates_sgd == updates_exact, "  ends at", w_sgd.round(4))
assert abs(s_float[first]) < 1e-15 and not np.allclose(w_float, [float(v) for v in w_exact])
assert updates_sgd == updates_exact and w_sgd.tolist() == [float(v) for v in w_exact]

# %% [markdown]
# ### Check your understanding: write the gradient (core)
#
# Complete `my_gradient(w, x, y)` so that it returns $\partial L / \partial \mathbf w$ for one
# sample `x` (without the bias input; add $x_0 = 1$ yourself), including the choice at
# $sy = 0$. The checker tries it on mistakes, correct points and points on the boundary.
#
# <details><summary>Hint</summary>
#
# Build `x_with_bias = np.concatenate(([1.0], x))`, compute `s = x_with_bias @ w`, then
# return `-y * x_with_bias` for a mistake and zeros otherwise. Careful with `s * y == 0`.
# </details>
#
# <details><summary>Solution</summary>
#
# ```python
# def my_gradient(w, x, y):
#     x_with_bias = np.concatenate(([1.0], x))
#     s = x_with_bias @ np.asarray(w, dtype=float)
#     if s * y <= 0:
#         return -y * x_with_bias
#     return np.zeros_like(x_with_bias)
# ```
# </details>

# %%
def my_gradient(w, x, y):
    ...  # your code here


checks.check_loss_gradient(my_gradient)


# %% [markdown]
# ## Stochastic gradient descent for the perceptron (core)
#
# The lecture's algorithm, in words:
#
# 1. Choose starting weights $\mathbf w^{(0)}$ (random, or given).
# 2. Repeat for $T$ **epochs** (an epoch is one pass over the training set):
#    for each example $(\mathbf x_j, y_j)$ in turn, update
#    $\mathbf w \leftarrow \mathbf w - \eta \, \nabla L(\mathbf w)$, using the gradient of the
#    loss on **that one example**.
#
# "Stochastic" because each update looks at a single example instead of the whole data set.
# For the perceptron the update is $\mathbf w \leftarrow \mathbf w + \eta \, y_j \mathbf x_j$ on
# a mistake and nothing otherwise. We add one rule: if a whole epoch makes no update, every
# point is on its right side and nothing will ever change again, so stop.
#
# Here it is in numpy. Read it line by line: this is the whole of perceptron training.

# %%
def train_perceptron(X, y, w, lr, epochs, order=None):
    """SGD for the perceptron; returns the final weights and the mistakes in each epoch."""
    w = np.array(w, dtype=float)
    order = range(len(X)) if order is None else order
    mistakes_per_epoch = []
    for epoch in range(epochs):                  # for i from 1 to T (epochs)
        mistakes = 0
        for j in order:                          #   for each training example j
            x = np.concatenate(([1.0], X[j]))    #     x0 = 1 carries the bias w0
            s = x @ w                            #     weighted sum
            if s * y[j] <= 0:                    #     wrong side, or on the boundary
                w = w - lr * (-y[j] * x)         #     w <- w - lr * dL/dw
                mistakes += 1
        mistakes_per_epoch.append(mistakes)
        if mistakes == 0:                        # a clean epoch: training is done
            break
    return w, mistakes_per_epoch


# %% [markdown]
# ## The lecture's worked example, step by step (core)
#
# The lecture starts from $(w_0, w_1, w_2) = (-0.1, 0.2, 0.0)$ with $\eta = 0.1$ and visits
# $(1, 0)$, then $(1, 1)$. Work it out on paper first:
#
# - On $(1, 0)$: $s = w_1 \cdot 1 + w_2 \cdot 0 + w_0 \cdot 1 = 0.1 > 0$ but $y = -1$, so
#   $sy < 0$ and the gradient is $-y\mathbf x = (1, 1, 0)$. New weights:
#   $w_0 = -0.1 - 0.1 = -0.2$, $w_1 = 0.2 - 0.1 = 0.1$, $w_2 = 0.0$.
# - On $(1, 1)$: $s = 0.1 + 0 - 0.2 = -0.1 < 0$ but $y = +1$: gradient $(-1, -1, -1)$. New
#   weights: $(-0.2 + 0.1, 0.1 + 0.1, 0.0 + 0.1) = (-0.1, 0.2, 0.1)$.
#
# Now let the computer do it. Rows 2 and 3 of `X` are $(1, 0)$ and $(1, 1)$.
# `perceptron.sgd` records every step (epoch, sample, $s$, loss, gradient, weights before and
# after), so we can print the lecture's table:

# %%
w_final, steps = perceptron.sgd(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=1, order=[2, 3])
for step in steps:
    print(f"x = {step.x}, y = {step.y:+.0f}:  s = {step.s:+.1f},  gradient = {step.gradient},"
          f"  w: {np.round(step.w_before, 4) + 0.0} -> {np.round(step.w_after, 4) + 0.0}")

# %% [markdown]
# The same numbers as the lecture. Your `train_perceptron` must agree, and so must the
# recorded steps, to within rounding error:

# %%
w_mine, _ = train_perceptron(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=1, order=[2, 3])
assert abs(steps[0].s - 0.1) < 1e-12 and abs(steps[1].s - (-0.1)) < 1e-12
assert np.allclose(steps[0].w_after, [-0.2, 0.1, 0.0], atol=1e-12)
assert np.allclose(steps[1].w_after, [-0.1, 0.2, 0.1], atol=1e-12)
assert np.allclose(w_mine, w_final, atol=1e-12)
print("matches the lecture:", np.round(w_mine, 4) + 0.0)

# %% [markdown]
# ### Watch it: the SGD stepper
#
# The stepper replays a training run one sample at a time. The sample of the current step is
# marked with a square; the dashed line is the boundary **before** the step, the solid line and the
# shading the boundary **after** it; rings mark the points still misclassified. The numbers
# of the step ($s$, $y$, the gradient, the weights before and after) are listed beside the
# figure, and the bars on the right count the mistakes in each epoch. Its defaults are the
# lecture's example; after $(1, 0)$ and $(1, 1)$ it goes on with $(0, 0)$ and $(0, 1)$.
#
# **Predict, then reveal.** At step 1 the boundary jumps out of view to the right ($x_1 = 2$):
# every point is now predicted B. Before you press **Step**, predict: at step 2 will the
# boundary come back, and on which side of it will $(1, 1)$ be? Then press **Step**,
# **Back**, and **Play**; move the learning rate and switch the data set.

# %%
stepper = widgets.sgd_stepper()
stepper

# %% [markdown]
# The stepper's numbers come from the same `perceptron.sgd`. The cell checks that on a second
# stepper with the default settings, `probe`, so the one above stays where you left it:

# %%
shown = [getattr(control, "value", None) for control in stepper.controls.values()]
probe = widgets.sgd_stepper()
st = probe.state
assert (st["step"], st["index"], st["y"]) == (1, 2, -1.0) and abs(st["s"] - 0.1) < 1e-12
assert np.allclose(st["w_after"], [-0.2, 0.1, 0.0], atol=1e-12)
assert np.isclose(-st["w_after"][0] / st["w_after"][1], 2.0) and np.all(perceptron.predict(st["w_after"], X) == -1)
assert np.allclose(probe.steps[1].w_after, [-0.1, 0.2, 0.1], atol=1e-12)
w_epoch_1, _ = perceptron.sgd(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=1, order=[2, 3, 0, 1])
assert np.allclose(probe.steps[3].w_after, w_epoch_1, atol=1e-12)   # its first epoch is sgd's
assert [getattr(control, "value", None) for control in stepper.controls.values()] == shown
print(f"{st['n_steps']} steps in {st['epochs_run']} epochs, converged: {st['converged']}")

# %% [markdown]
# ### Check your understanding: the next two steps (core)
#
# Continue the lecture's example by hand from $(-0.1, 0.2, 0.1)$ with $\eta = 0.1$: step 3
# visits $(0, 0)$ and step 4 visits $(0, 1)$, both of class B ($y = -1$). Write the weights
# after step 3 and after step 4. (Careful with step 4: compute $s$ exactly.)
#
# <details><summary>Hint</summary>
#
# Step 3: $s = w_0 = -0.1$, and $sy = 0.1 > 0$. Step 4: $s = w_0 + w_2 = -0.1 + 0.1$. What does
# our rule say when $sy = 0$?
# </details>
#
# <details><summary>Solution</summary>
#
# Step 3 is correct, so nothing changes: $(-0.1, 0.2, 0.1)$. Step 4 lands exactly on the
# boundary ($s = 0$), which counts as a mistake: the gradient is $-y\mathbf x = (1, 0, 1)$ and
# the weights become $(-0.2, 0.2, 0.0)$. Press **Step** in the stepper to confirm.
# </details>

# %%
w_after_step_3 = ...   # (w0, w1, w2)
w_after_step_4 = ...
checks.check_next_two_steps(w_after_step_3, w_after_step_4)

# %% [markdown]
# ## Training to convergence on AND (core)
#
# Let the same run continue for as many epochs as it needs. Notice how the mistakes per epoch
# fall to zero, and that the run stops by itself at the first clean epoch.

# %%
w_and, steps_and = perceptron.sgd(X, y, [-0.1, 0.2, 0.0], lr=0.1, epochs=100, order=[2, 3, 0, 1])
print("mistakes per epoch:", steps_and.mistakes_per_epoch())
print(f"converged: {steps_and.converged} after {steps_and.epochs_run} epochs, "
      f"w = {np.round(w_and, 4) + 0.0}")
print("predictions:", perceptron.predict(w_and, X), " labels:", y)
counts_and = steps_and.mistakes_per_epoch()
assert steps_and.converged and counts_and[-1] == 0 and np.all(counts_and[:-1] > 0)
assert np.array_equal(perceptron.predict(w_and, X), y)

# %% [markdown]
# The final boundary separates $(1, 1)$ from the other three points, as AND requires:

# %%
fig, (ax_left, ax_right) = plt.subplots(1, 2, figsize=(8.0, 3.4), dpi=80)
plots.plot_decision_boundary(w_and, X, y, ax=ax_left, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
ax_left.set_title("AND: the boundary SGD found", fontsize=10)
plots.plot_mistakes_per_epoch(steps_and.mistakes_per_epoch(), ax=ax_right, converged=True)
ax_right.set_title("Mistakes fall to zero, then training stops", fontsize=10)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## The loss over the weights, as a map (optional)
#
# The loss is a function of the weights, so it can be drawn over them. The explorer below
# shows two linked pictures of the same perceptron:
#
# - **left, the data space:** the points and the boundary $s = 0$, with a handle ◆ on the
#   boundary (its point nearest the origin);
# - **right, the weight space:** the total loss over $(w_1, w_2)$ for the $w_0$ of the slider,
#   as bands (darker is lower; the darkest band of the perceptron loss is exactly $0$), and the
#   current weights as a star.
#
# Drag the star (or click anywhere on the map) and watch the boundary move; drag the handle ◆
# and watch the star move. **Step ›** takes one gradient-descent step on $(w_1, w_2)$ with $w_0$
# held at its slider, and draws the path in both panels (the earlier boundaries in grey);
# "one point (SGD)" uses one point per step, in the lecture's order. The loss toggle switches to
# the smooth binary cross-entropy of a logistic unit. The sliders do the same by keyboard.
#
# *Predict first:* from the lecture's start $\mathbf w = (-0.1, 0.2, 0)$, with $w_0 = -0.1$
# held, will gradient descent on $(w_1, w_2)$ with lr $= 0.1$ reach loss $0$? Look at the size
# of the darkest band before you press Step.

# %%
weights_map = widgets.weight_space_explorer("AND", w=(-0.1, 0.2, 0.0))
weights_map

# %% [markdown]
# Reveal, on an explorer of its own (`walk`), so the one above stays as you left it: twenty
# steps from the lecture's start, then twenty from $w_0 = -1.5$.

# %%
walk = widgets.weight_space_explorer("AND", w=(-0.1, 0.2, 0.0), lr=0.1)
for _ in range(20):
    walk.step()
print("w0 = -0.1: last four (w1, w2):", np.round(walk.state["path"][-4:], 2).tolist(),
      f" loss {walk.state['loss']:.2f}, {walk.state['misclassified']} misclassified")
# with w0 = -0.1 every point is right only inside the tiny triangle w1 < 0.1, w2 < 0.1,
# w1 + w2 > 0.1; steps of lr * (1, 1) jump over it: the path swings between (0, 0) and (0.1, 0.1)
assert np.allclose(walk.state["path"][-1], [0.1, 0.1]) and np.allclose(walk.state["path"][-2], [0.0, 0.0])
assert walk.state["loss"] == 0 and walk.state["misclassified"] == 2

walk.set(w0=-1.5, w1=0.2, w2=0.0)
for _ in range(20):
    walk.step()
print(f"w0 = -1.5: loss {walk.state['loss']:.2f} at (w1, w2) = {np.round(walk.w[1:], 2).tolist()}")
# only (1, 1) is wrong until w1 + w2 >= 1.5: seven steps of +0.1 each, then nothing moves
assert walk.state["loss"] == 0 and np.allclose(walk.w, [-1.5, 0.9, 0.7])

# %% [markdown]
# With $w_0 = -0.1$ the valley floor is too small for steps of this size: the path overshoots
# it every time, the same zigzag notebook 03 met with too large a learning rate. At
# $(0.1, 0.1)$ the loss even reads $0$, yet $(1, 0)$ and $(0, 1)$ lie exactly on the
# boundary: sign calls them class A, two mistakes that cost nothing, and training treats them
# as mistakes, so the next step leaves again. With
# $w_0 = -1.5$ the floor is wide and seven steps reach it. Training $w_0$ too, as
# `perceptron.sgd` does, lets the bias widen the floor by itself.

# %% [markdown]
# ## XOR never converges (core)
#
# The lecture warns: if the data are not linearly separable, perceptron training "fails
# completely". XOR is the classic case: $(0, 1)$ and $(1, 0)$ are class +1, $(0, 0)$ and
# $(1, 1)$ are class −1.
#
# ### Check your understanding: which runs stop?
#
# Before you run anything: for each logic gate, will perceptron SGD (started anywhere, any
# learning rate) eventually run a clean epoch and stop? Answer `True` or `False` for each.
#
# <details><summary>Hint</summary>
#
# The lecture: if the data are linearly separable, training converges. Draw each gate's four
# points and try to separate the classes with one straight line.
# </details>
#
# <details><summary>Solution</summary>
#
# AND, OR and NAND are separable (`True`); XOR is not (`False`).
# </details>

# %%
stops = ...   # a dict: {"AND": True or False, "OR": ..., "NAND": ..., "XOR": ...}
checks.check_which_converge(stops)

# %% [markdown]
# **Reveal.** A hundred epochs of SGD on each gate, from the lecture's start, shuffling the
# order each epoch:

# %%
for gate in ["AND", "OR", "NAND", "XOR"]:
    X_gate, y_gate = data.logic_gate(gate, labels="pm1")
    _, steps_gate = perceptron.sgd(X_gate, y_gate, [-0.1, 0.2, 0.0], lr=0.1, epochs=100, rng=0)
    print(f"{gate:4}: stopped: {steps_gate.converged}, epochs run: {steps_gate.epochs_run}, "
          f"fewest mistakes in an epoch: {steps_gate.mistakes_per_epoch().min()}")
    assert steps_gate.converged == (gate != "XOR")
X_xor, y_xor = data.logic_gate("XOR", labels="pm1")
steps_xor = steps_gate
counts = steps_xor.mistakes_per_epoch()
assert counts.min() > 0 and steps_xor.epochs_run == 100

# %%
fig, ax = plt.subplots(figsize=(6.0, 2.8), dpi=80)
plots.plot_mistakes_per_epoch(counts, ax=ax, converged=False)
ax.set_title("XOR: every epoch still has mistakes", fontsize=10)
fig.tight_layout()
plt.show()

# %% [markdown]
# It is not bad luck, and more epochs will not help. Suppose some weights got all four XOR
# points right. Then $(0, 1)$ and $(1, 0)$ need $w_0 + w_2 > 0$ and $w_0 + w_1 > 0$, which add
# up to $2w_0 + w_1 + w_2 > 0$; while $(0, 0)$ and $(1, 1)$ need $-w_0 > 0$ and
# $-(w_0 + w_1 + w_2) > 0$, which add up to $2w_0 + w_1 + w_2 < 0$. Both cannot hold: **no line
# separates XOR**, so every epoch contains at least one mistake and the weights keep moving
# forever. (Notebook 06 solves XOR with a hidden layer.)

# %% [markdown]
# ## The learning rate and the starting weights: one of infinitely many (optional)
#
# ### Check your understanding: the learning rate from zero
#
# You train the perceptron from $\mathbf w = 0$ on some separable data, once with $\eta = 0.1$
# and once with $\eta = 5$, visiting the points in the same order. Predict: which is true?
#
# - `"a"`: the final boundaries are the same line; the weights of the second run are 50 times
#   larger.
# - `"b"`: the second run ends with a different, better-placed boundary.
# - `"c"`: with $\eta = 5$ the weights blow up and training diverges.

# %%
checks.check_lr_from_zero(...)   # "a", "b" or "c"

# %% [markdown]
# **Reveal.** Look at the update: $\mathbf w \leftarrow \mathbf w + \eta\, y_j \mathbf x_j$. From zero,
# every weight vector along the way is $\eta$ times the one for $\eta = 1$, so every $s$ keeps
# its sign, the same mistakes happen, and scaling $\mathbf w$ does not move the line
# $\mathbf w \cdot \mathbf x = 0$ at all. From zero, the learning rate changes nothing but the
# size of the weights:

# %%
for lr in (0.1, 1.0, 5.0):
    w_lr, steps_lr = perceptron.sgd(X, y, np.zeros(3), lr=lr, epochs=100)
    print(f"lr = {lr}: epochs = {steps_lr.epochs_run}, w = {np.round(w_lr, 4) + 0.0}, "
          f"w / lr = {np.round(w_lr / lr, 4) + 0.0}")
    if lr == 0.1:
        w_per_lr, epochs_01 = w_lr / lr, steps_lr.epochs_run
    assert np.allclose(w_lr / lr, w_per_lr) and steps_lr.epochs_run == epochs_01

# %% [markdown]
# From the lecture's non-zero start the learning rate *does* matter: each update adds
# $\eta\, y_j \mathbf x_j$ to the same start, so a small $\eta$ stays close to where it
# started and a large one soon forgets it. Different starting weights and different visiting
# orders (shuffled with different seeds) also end in different places. Every run below stops
# with all four points right, yet no two lines are the same:

# %%
runs = {}
for lr in (0.01, 0.1, 1.0):
    runs[f"start (-0.1, 0.2, 0), lr = {lr}"] = perceptron.sgd(X, y, [-0.1, 0.2, 0.0], lr=lr, epochs=100)[0]
rng = np.random.default_rng(4)
for seed in (1, 2):
    w_start = rng.normal(scale=0.5, size=3)
    runs[f"random start, shuffle seed {seed}"] = perceptron.sgd(X, y, w_start, lr=0.1, epochs=100, rng=seed)[0]
for name, w_run in runs.items():
    print(f"{name:34} w = {np.round(w_run, 3) + 0.0}, all right: {bool(np.all(perceptron.predict(w_run, X) == y))}")
    assert np.all(perceptron.predict(w_run, X) == y)
directions = np.array([w_run / np.linalg.norm(w_run) for w_run in runs.values()])   # a line is w up to scale
assert min(np.linalg.norm(a - b) for i, a in enumerate(directions) for b in directions[i + 1:]) > 0.01

# %%
fig, ax = plt.subplots(figsize=(5.6, 4.0), dpi=80)
plots.plot_boundaries(list(runs.values()), X, y, labels=list(runs), ax=ax, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
ax.set_title("Five runs, five boundaries, all perfect on AND", fontsize=10)
fig.tight_layout()
plt.show()

# %% [markdown]
# This is what the lecture means by "it will converge to some solution, one of infinitely
# many possible". The perceptron stops at the first line that gets every training point
# right, with no preference for a line that leaves room on both sides. A line that grazes
# the training points may misclassify a new point that lies a little off them. Later models
# fix this by asking for more than "right": a margin, or a probability.

# %% [markdown]
# ## Summary (core)
#
# - With classes encoded $\pm 1$, a point is classified right when $s \cdot y > 0$ and wrong
#   when $s \cdot y < 0$; on the boundary ($s = 0$) sign says $+1$.
# - The perceptron loss $\max(0, -ys)$ is zero for right points (and on the boundary) and $|s|$
#   for wrong ones; its gradient is $-y\mathbf x$ for a mistake and $0$ otherwise. Training
#   counts a point on the boundary ($sy = 0$) as a mistake, so it can start from all-zero
#   weights. The sign function is never differentiated: the loss is a function of $s$.
# - SGD visits one example at a time and updates $\mathbf w \leftarrow \mathbf w + \eta\, y\mathbf x$
#   after each mistake; it reproduces the lecture's steps $(-0.2, 0.1, 0.0)$ and
#   $(-0.1, 0.2, 0.1)$ exactly, and stops after the first epoch without an update.
# - On separable data (AND, OR, separable blobs) training stops; on XOR it never does, because
#   no line separates XOR.
# - The boundary found depends on the starting weights, the order and (from a non-zero start)
#   the learning rate: it is one of infinitely many.
#
# **Questions to think about**
#
# 1. The perceptron loss gives no reward for being "very right". What would change if the loss
#    were also positive for correct points close to the boundary, say $\max(0, 1 - ys)$?
# 2. On XOR the weights never settle. Could you still pick a useful set of weights from the run?
#    Which one, and how would you judge it?
# 3. Why does shuffling the order each epoch change the final boundary but not whether training
#    stops?
#
# **Next:** [05 · The chain rule](05_chain_rule.ipynb), the tool that trains networks with
# more than one layer.
