# %% [markdown]
# # 01 · The perceptron
#
# One weighted sum and a threshold: the smallest thing that can learn to classify. By the end
# of this notebook you will have found its weights by hand, and met the one problem it can
# never solve.
#
# **Learning goals**
#
# - Compute a perceptron's weighted sum $s = \sum_{i=0}^{m} x_i w_i$, with the bias as the
#   weight of a constant input $x_0 = 1$.
# - Apply the step and sign functions, and say what they do at $s = 0$.
# - See the perceptron as a *linear* binary classifier: its boundary $s = 0$ is a straight
#   line, and $(w_1, w_2)$ is perpendicular to it.
# - Find weights for AND, OR and NAND, and explain why no weights exist for XOR.
#
# **Before this:** [00 · Introduction](00_introduction.ipynb).
#
# **Time:** the core path takes about 20 minutes; the sections marked *(optional)* add about 13.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers import activations, checks, data, perceptron, plots, widgets

# %% [markdown]
# ## The weighted sum, with a bias (core)
#
# A perceptron with inputs $x_1, \dots, x_m$ has one weight per input, the **synaptic
# weights** $w_1, \dots, w_m$, and one more, the **bias weight** $w_0$. It adds up
#
# $$s = w_0 + x_1 w_1 + \dots + x_m w_m .$$
#
# The trick that keeps the formula tidy: pretend every sample has an extra input $x_0 = 1$.
# Then the bias is just the weight of that input and
#
# $$s = \sum_{i=0}^{m} x_i w_i .$$
#
# Here it is for one sample with two inputs, three ways. Notice they agree.

# %%
w = np.array([-0.1, 0.2, 0.0])     # w0 (bias), w1, w2: the lecture's starting weights
x = np.array([1.0, 0.0])           # x1, x2

by_hand = w[0] * 1 + w[1] * x[0] + w[2] * x[1]
with_x0 = np.dot(perceptron.add_bias(x)[0], w)     # [1, x1, x2] . [w0, w1, w2]
print(f"{by_hand:.2f}  {with_x0:.2f}  {perceptron.weighted_sum(w, x):.2f}")

# %% [markdown]
# `add_bias` prepends the column of ones to a whole table of samples at once, so a single
# matrix product gives every sample's $s$:

# %%
X, y = data.logic_gate("AND", labels="pm1")
print(perceptron.add_bias(X))
print("s =", perceptron.add_bias(X) @ w)

# %% [markdown]
# ## Step and sign: from a number to a class (core)
#
# The weighted sum is any real number; a classifier must say *which class*. The perceptron
# passes $s$ through an **activation function** $f$:
#
# - **step**: $f(s) = 1$ if $s \ge 0$, else $0$ (classes 1 and 0);
# - **sign**: $f(s) = 1$ if $s \ge 0$, else $-1$ (classes +1 and -1).
#
# Both say "positive" at exactly $s = 0$. Careful: numpy's own `np.sign(0)` is `0`, which
# would leave a point on the boundary in no class at all, so `helpers.activations` follows
# the lecture instead.

# %%
print("sign(0) =", activations.sign(0.0), "  step(0) =", activations.step(0.0), "  np.sign(0) =", np.sign(0.0))

s = np.linspace(-2, 2, 401)
fig, axes = plt.subplots(1, 2, figsize=(7, 2.4), sharex=True)
for ax, f, name in zip(axes, (activations.step, activations.sign), ("step", "sign")):
    ax.plot(s, f(s), color=plots.style.INK, lw=2, drawstyle="steps-post")
    ax.plot([0], [1], "o", color=plots.style.INK)                       # f(0) = 1 ...
    ax.plot([0], [f(-1.0)], "o", mfc="white", color=plots.style.INK)    # ... not the lower value
    ax.set(title=f"{name}(s): the value at s = 0 is 1", xlabel="$s$", ylabel=f"{name}$(s)$")
fig.tight_layout()
plt.show()

# %% [markdown]
# ## A linear binary classifier (core)
#
# With two inputs, the points where $s = 0$,
#
# $$w_0 + w_1 x_1 + w_2 x_2 = 0,$$
#
# form a **straight line**: the decision boundary. On one side $s > 0$ (class A), on the other
# $s < 0$ (class B). Two facts make the picture easy to read:
#
# - The vector $(w_1, w_2)$ is **perpendicular** to the line and points to the positive side.
# - The bias $w_0$ **shifts** the line without turning it.
#
# Below: the lecture's starting weights on the AND table. Class A (+1) is only $(1, 1)$.
# *Before you look: which points does a line $0.2\,x_1 - 0.1 = 0$, that is $x_1 = 0.5$, get
# wrong?*

# %%
fig, ax = plt.subplots(figsize=(5.6, 4))
plots.plot_decision_boundary([-0.1, 0.2, 0.0], X, y, ax=ax, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5))
ax.set_title("w = (-0.1, 0.2, 0.0): a vertical boundary at $x_1 = 0.5$")
plt.show()

# %% [markdown]
# The ringed point $(1, 0)$ is class B but sits on the positive side: $s = 0.1 \ge 0$. The
# other three are right. (Notebook 04 starts training from exactly here.)

# %%
s_start = perceptron.weighted_sum([-0.1, 0.2, 0.0], X)
wrong = perceptron.predict([-0.1, 0.2, 0.0], X) != y
print("misclassified:", X[wrong].tolist(), " its s:", s_start[wrong].round(4))
assert X[wrong].tolist() == [[1.0, 0.0]] and np.isclose(s_start[wrong][0], 0.1)

# %% [markdown]
# ## Explore: move the weights yourself (core)
#
# **Predict, then reveal.** Before you touch anything, guess:
#
# 1. Dragging `w0` (the bias) to the left: does the line turn or slide?
# 2. Making `w2` larger than `w1`: does the line get steeper or flatter?
#
# Then try it. The table beside the figure lists every point's $s$, the prediction $f(s)$, the
# label $y$, and the total perceptron loss $\sum \max(0, -y s)$. The loss is zero exactly when
# no point lies strictly on its wrong side; a point on the boundary costs nothing though sign
# calls it +1 (training still treats it as a mistake, see notebook 04).

# %%
explorer = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0))
explorer

# %% [markdown]
# An explorer started with the same weights reports the numbers computed above. The cell
# checks that on a second explorer, `probe`, which it does not show, so the one above stays
# where you left it:

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0))
print("s:", probe.state["s"], "  misclassified:", probe.state["misclassified"], "  loss:", probe.state["loss"])
assert np.allclose(probe.state["s"], perceptron.add_bias(X) @ w)
assert probe.state["misclassified"] == 1 and np.isclose(probe.state["loss"], 0.1)

# %% [markdown]
# ## Check your understanding: weights for AND (core)
#
# The lecture's exercise: find weights $(w_0, w_1, w_2)$ with which the perceptron classifies
# the AND table perfectly, $(1, 1)$ as class A (+1) and the other three as class B (-1).
# Use the explorer to find them, then type them in place of the `...` and run the cell.

# %%
w_and = ...   # for example (w0, w1, w2)
checks.check_gate_weights(w_and, gate="AND")

# %% [markdown]
# <details><summary>Hint</summary>
#
# Start with $w_1 = w_2 = 1$. Then $s = w_0 + x_1 + x_2$ is $w_0$, $w_0 + 1$, $w_0 + 1$ and
# $w_0 + 2$ on the four points. Which values of $w_0$ make only the last one $\ge 0$?
# </details>
#
# <details><summary>A solution</summary>
#
# $w = (-1.5, 1, 1)$: $s = -1.5, -0.5, -0.5, +0.5$. Any $-2 < w_0 < -1$ works with
# $w_1 = w_2 = 1$, and so does any positive multiple of such weights.
# </details>

# %% [markdown]
# ### OR and NAND (optional)
#
# Switch the explorer's data to OR, then NAND, and find weights for each.

# %%
w_or = ...     # (w0, w1, w2)
checks.check_gate_weights(w_or, gate="OR")

# %%
w_nand = ...   # (w0, w1, w2)
checks.check_gate_weights(w_nand, gate="NAND")

# %% [markdown]
# <details><summary>Solutions</summary>
#
# OR: $w = (-0.5, 1, 1)$ gives $s = -0.5, 0.5, 0.5, 1.5$. NAND: $w = (1.5, -1, -1)$, which
# is AND's $(-1.5, 1, 1)$ with every sign flipped: the same line, with the positive side
# swapped, so the arrow $w$ turns around.
# </details>

# %% [markdown]
# ## XOR: the gate no perceptron can compute (core)
#
# XOR is 1 when *exactly one* input is 1: $(0, 1)$ and $(1, 0)$ are class A, $(0, 0)$ and
# $(1, 1)$ class B. Switch the explorer to XOR and try for a minute to get all four right.
#
# *Predict: what is the best you can do?*
#
# Then reveal: the cell below tries OR's weights $(-0.5, 1, 1)$ on XOR (on `probe` again),
# and then every weight vector on a grid from $-2$ to $2$ in steps of $0.1$.

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe.set(dataset="XOR", w0=-0.5, w1=1.0, w2=1.0)
print("with w = (-0.5, 1, 1):", probe.state["misclassified"], "misclassified")

grid = np.linspace(-2, 2, 41)
W = np.array(np.meshgrid(grid, grid, grid)).reshape(3, -1).T      # every (w0, w1, w2) on the grid
X_xor, y_xor = data.logic_gate("XOR", labels="pm1")
correct = (activations.sign(W[:, :1] + W[:, 1:] @ X_xor.T) == y_xor).sum(axis=1)
print(f"{len(W)} weight vectors tried; most points right: {correct.max()} of 4")
assert probe.state["misclassified"] == 1 and correct.max() == 3
assert [getattr(control, "value", None) for control in explorer.controls.values()] == shown   # the explorer above is untouched

# %% [markdown]
# No weight vector on the grid gets all four right. But a search can only fail to find
# something: maybe the right weights lie between the grid points.
#
# ### Check your understanding
#
# Why can a single perceptron not compute XOR?
#
# - **a** &nbsp; It can, given enough training time.
# - **b** &nbsp; Its positive region is a half-plane, and no half-plane separates XOR's classes.
# - **c** &nbsp; It needs the sign function instead of the step function.

# %%
checks.check_xor_impossible(...)   # "a", "b" or "c"

# %% [markdown]
# <details><summary>Answer</summary>
#
# **b**. Training time cannot help when no solution exists, and step and sign share the same
# boundary $s = 0$. The proof is below. Notebook 06 solves XOR by putting perceptron-like
# units in *layers*.
# </details>
#
# Here is why no weights exist. Suppose weights
# classified XOR correctly. Then
#
# - $(0,0)$ is class B: $\;w_0 < 0$;
# - $(1,0)$ is class A: $\;w_0 + w_1 \ge 0$;
# - $(0,1)$ is class A: $\;w_0 + w_2 \ge 0$.
#
# Adding the last two: $w_0 + w_1 + w_2 \ge -w_0 > 0$. But that is $s$ at $(1,1)$, so
# $(1, 1)$ would be class A, and XOR says B. Contradiction. In pictures: a perceptron's
# positive region is a half-plane, and no half-plane holds $(0,1)$ and $(1,0)$ without also
# holding $(1,1)$ or $(0,0)$. XOR is **not linearly separable**.

# %% [markdown]
# ### Your own points (optional)
#
# The explorer takes points from your mouse too. A click on the picture adds a point of the
# class chosen under **click adds** (Shift+click adds the other class), a click on a point
# removes it, and **Clear** empties the plane. The table, the accuracy and the loss follow at
# once, and `explorer.points()` hands the points to your code as `(X, y)`.
#
# *Predict first:* with the lecture's weights $(-0.1, 0.2, 0)$ the boundary is the line
# $x_1 = 0.5$. Add a class-A point at $(0.25, 1.25)$: how many points are misclassified then,
# and by how much does the total loss grow?

# %%
mine = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0))
mine.click(0.25, 1.25)   # what a click at that spot of the picture does
X_mine, y_mine = mine.points()
print(len(y_mine), "points;", mine.state["misclassified"], "misclassified;",
      f"loss {mine.state['loss']:.3f}")
# s = -0.1 + 0.2 * 0.25 = -0.05 < 0 calls the new class-A point B: a second mistake, 0.05 more loss
# (the click lands within a pixel of (0.25, 1.25), so the loss within a few thousandths)
assert len(y_mine) == 5 and mine.state["misclassified"] == 2 and abs(mine.state["loss"] - 0.15) < 0.005
print(mine.to_code())

# %% [markdown]
# `to_code()` prints one call that rebuilds exactly what you see, your points included: paste
# it into a cell to get the same picture back, or send it to someone.

# %% [markdown]
# ## Two limitations of the perceptron (core)
#
# **1. It finds *one* boundary out of infinitely many.** When the data can be separated, many
# lines do it. Here are three different weight vectors, each classifying AND perfectly. A
# training algorithm stops at whichever it reaches first; nothing makes that one the best.

# %%
fig, ax = plt.subplots(figsize=(5.6, 4))
art = plots.plot_decision_boundary([-1.5, 1, 1], X, y, ax=ax, xlim=(-0.5, 1.5), ylim=(-0.5, 1.5), show_normal=False)
for w_other, style in (([-1.2, 1.0, 0.4], "--"), ([-1.9, 0.6, 1.5], ":")):
    ax.plot(*plots.boundary_segment(w_other, (-0.5, 1.5), (-0.5, 1.5)).T, "k", ls=style, lw=1.5)
    assert np.array_equal(perceptron.predict(w_other, X), y)   # all four right
ax.set_title("Three boundaries, all perfect on AND")
plt.show()

# %% [markdown]
# **2. On data that cannot be separated, it gives no sensible answer.** It does not settle for
# "the best line it can find": the training you will meet in notebook 04 keeps moving the
# boundary as long as any point is wrong, so on XOR it never stops.

# %% [markdown]
# ## Summary (core)
#
# - A perceptron computes $s = \sum_{i=0}^{m} x_i w_i$, with $x_0 = 1$ so that $w_0$ is the
#   bias, then applies step (0/1) or sign (-1/+1); both give the positive class at $s = 0$.
# - Its decision boundary $s = 0$ is a straight line (a plane, in more dimensions);
#   $(w_1, w_2)$ is perpendicular to it and $w_0$ slides it.
# - AND, OR and NAND each have (infinitely many) weights; XOR has none, because its classes
#   are not linearly separable.
# - When data is separable the perceptron finds *a* solution, not the best one; when it is not,
#   it finds none at all.
#
# **Think about it**
#
# 1. Multiplying all three weights by 10 leaves the boundary where it is. What does it change?
# 2. With three inputs, what shape is the boundary $s = 0$?
# 3. XOR = (OR) AND (NAND). How might two layers of perceptrons compute it?
#
# **Next:** [02 · Activation functions](02_activations.ipynb)
