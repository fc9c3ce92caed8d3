# %% [markdown]
# # 05 · The chain rule
#
# A neural network is a long chain of small functions. To train it we need the slope of the
# loss with respect to every weight, and one rule gives all of them: the chain rule.
#
# **Learning goals**
#
# - State the chain rule for a composition $z = g(f(x))$: $\frac{dz}{dx} = \frac{dz}{du}\frac{du}{dx}$.
# - Differentiate the lecture's example $z = \sin(x^2)$ by hand, check it numerically, and
#   get it from a computation graph.
# - Walk a computation graph forward (values) and backward (derivatives), and explain why
#   derivatives from several paths **add up**.
#
# **Before this:** [03 · Gradient descent](03_gradient_descent.ipynb) (derivatives and
# finite differences) and [02 · Activation functions](02_activations.ipynb) (the sigmoid).
#
# **Time:** the core path takes about 20 minutes.

# %%
import math

import numpy as np
import matplotlib.pyplot as plt

from helpers import autodiff, checks, widgets

# %% [markdown]
# ## Derivative of a composition (core)
#
# Take two functions and feed the output of one into the other:
#
# $$u = f(x), \qquad z = g(u), \qquad\text{so}\qquad z = g(f(x)).$$
#
# Nudge $x$ by a tiny $\Delta x$. Then $u$ moves by about $\frac{du}{dx}\,\Delta x$, and that
# move of $u$ moves $z$ by about $\frac{dz}{du}$ times as much. The rates **multiply**:
#
# $$\frac{dz}{dx} = \frac{dz}{du}\,\frac{du}{dx}.$$
#
# Think of two gears: if the first turns the second 3 times as fast, and the second turns a
# third 2 times as fast, the third turns $3 \times 2 = 6$ times as fast as the first.
#
# ## The lecture's example: $z = \sin(x^2)$ by hand (core)
#
# Name the inner part: $u = x^2$ and $z = \sin(u)$. Each piece has an easy derivative,
#
# $$\frac{du}{dx} = 2x, \qquad \frac{dz}{du} = \cos(u),$$
#
# and the chain rule puts them together:
#
# $$\frac{dz}{dx} = \cos(u)\cdot 2x = 2x\cos(x^2).$$
#
# With numbers, at $x = 1.5$: $u = 2.25$, $\frac{du}{dx} = 3$, $\frac{dz}{du} = \cos(2.25)$.
# Notice that the code below follows the two steps, not the final formula.

# %%
x = 1.5
u = x**2                       # forward: inner function
z = math.sin(u)                # forward: outer function
du_dx = 2 * x                  # local derivative of the inner function
dz_du = math.cos(u)            # local derivative of the outer function, at u
print(f"u = {u:.4f}, z = {z:.4f}")
print(f"du/dx = {du_dx:.4f}, dz/du = {dz_du:.4f}, dz/dx = {dz_du * du_dx:.4f}")


# %% [markdown]
# ## Numerically: does the slope agree? (core)
#
# Notebook 03 estimated a slope with a **central finite difference**,
# $\frac{z(x+h) - z(x-h)}{2h}$ for a small $h$. It knows nothing about the chain rule, so it is
# an independent check. Compare the two at several points; they should agree to better than
# $10^{-7}$, the threshold every notebook of this collection uses:

# %%
def z_of(x):
    return math.sin(x**2)


def finite_difference(f, x, h=1e-6):
    return (f(x + h) - f(x - h)) / (2 * h)


gaps = []
for x in (-2.0, -0.5, 0.0, 1.0, 1.5):
    by_rule, by_difference = 2 * x * math.cos(x**2), finite_difference(z_of, x)
    gaps.append(abs(by_rule - by_difference))
    print(f"x = {x:5.2f}   chain rule {by_rule:8.4f}   finite difference {by_difference:8.4f}   gap {gaps[-1]:.1e}")
assert max(gaps) < 1e-7

# %% [markdown]
# They agree everywhere. The picture shows why the slope swings so much:
# $x^2$ grows faster and faster, so $\sin(x^2)$ oscillates faster too, and the factor $2x$ in
# the derivative makes the swings larger as $|x|$ grows.

# %%
xs = np.linspace(-3, 3, 601)
fig, ax = plt.subplots(figsize=(7, 2.8))
ax.plot(xs, np.sin(xs**2), color="#0072B2", lw=2, label="$z = \\sin(x^2)$")
ax.plot(xs, 2 * xs * np.cos(xs**2), color="#D55E00", lw=1.5, ls="--", label="$dz/dx = 2x\\cos(x^2)$")
ax.axhline(0, color="grey", lw=0.8)
ax.set(xlabel="$x$", ylabel="value", title="The slope grows with |x|: the factor 2x from the inner function")
ax.legend(loc="lower center", ncol=2, fontsize=9)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## With a computation graph: `Value` (core)
#
# Doing this by hand for a network with thousands of weights is hopeless. The way out: let
# every operation remember **its own local derivative** when it computes its value, and let
# the chain rule combine them afterwards.
#
# `helpers.autodiff.Value` is a number that does exactly that. Each `+`, `*`, `**`, `sin`, ...
# returns a new `Value` that records its inputs (`parents`) and the local derivative with
# respect to each (`local_grads`). Build $z = \sin(x^2)$ with it:

# %%
x = autodiff.Value(1.5, "x")
u = x**2
z = u.sin()
print("u:", u.data, "  parents:", [p.data for p in u.parents], "  local du/dx:", u.local_grads)
print("z:", round(z.data, 4), "  local dz/du:", [round(g, 4) for g in z.local_grads])

# %% [markdown]
# The local derivatives are the two numbers from the hand calculation: $2x = 3$ and
# $\cos(2.25)$. Now `z.backward()` applies the chain rule: it starts with
# $\frac{dz}{dz} = 1$ at the output and walks back, multiplying by each local derivative.
# Each node's `.grad` ends up holding $\frac{dz}{d\,\text{node}}$.

# %%
z.backward()
print(f"dz/dz = {z.grad:.4f}   dz/du = {u.grad:.4f}   dz/dx = {x.grad:.4f}")
assert abs(x.grad - dz_du * du_dx) < 1e-12 and round(x.grad, 4) == -1.8845

# %% [markdown]
# The same $-1.8845$ as by hand and by finite differences. The code that did it is short
# enough to read in full: every operation keeps its derivative next to its forward formula,
# for example
#
# ```python
# def sin(self):
#     # d sin(a)/da = cos(a)
#     return self._unary(math.sin(self.data), math.cos(self.data), "sin")
# ```
#
# and `backward` is one loop over the nodes, output first:
#
# ```python
# for node in reversed(order):          # order: inputs first, output last
#     for parent, local in zip(node.parents, node.local_grads):
#         parent.grad += local * node.grad
# ```

# %% [markdown]
# ## A graph walked forward and backward (core)
#
# The chain the next notebook is about: one input $x$, one hidden sigmoid unit and a sigmoid
# output,
#
# $$x \;\rightarrow\; r = v_0 + v_1 x \;\rightarrow\; u = \text{sigmoid}(r) \;\rightarrow\; s = w_0 + w_1 u \;\rightarrow\; z = \text{sigmoid}(s).$$
#
# `autodiff.one_neuron` builds it with weights $v = (-1, 2)$ and $w = (0.5, -1.5)$.
# **Forward**, each node gets its value from the one before:

# %%
nodes = autodiff.one_neuron(autodiff.Value(0.4))
for name, node in zip("xrusz", nodes):
    print(f"{name} = {node.data:8.4f}")

# %% [markdown]
# **Backward**, each node's derivative comes from the one *after* it. For the sigmoid the
# local derivative is $\text{sigmoid}(r)\,(1 - \text{sigmoid}(r)) = u(1-u)$, which only needs
# the value computed on the way forward. Read the table from the bottom up:

# %%
local, backward = autodiff.chain_derivatives(nodes)
edges = ["dr/dx", "du/dr", "ds/du", "dz/ds"]
for name, grad, edge, d in zip("xrus", backward, edges, local):
    print(f"dz/d{name} = {grad:8.4f}   =  {edge} ({d:7.4f}) x dz/d(next)")
print(f"dz/dz = {backward[-1]:8.4f}")
print(f"product of the four local derivatives: {np.prod(local):.4f}")
assert np.allclose(backward[:-1], [np.prod(local[k:]) for k in range(4)])

# %% [markdown]
# Each line is the line below it times one local derivative: that is the chain rule applied
# one step at a time, and it is exactly what the backpropagation equations of notebook 06 do.

# %% [markdown]
# ## When a value is used twice, derivatives add (core)
#
# In a network, one hidden unit feeds *every* output unit, so a value can reach the result
# along several paths. Take $z = x \cdot x + 3x$. The graph has three edges out of $x$: two
# into the product and one into $3x$. A nudge of $x$ travels along all three, and their
# effects add:
#
# $$\frac{dz}{dx} = \underbrace{x}_{\text{1st factor}} + \underbrace{x}_{\text{2nd factor}} + 3 = 2x + 3.$$
#
# That is why `backward` uses `parent.grad += ...`, not `=`. With `=`, each path would
# overwrite the one before: the most common bug in hand-written backprop.
#
# ### Check your understanding (core)
#
# Without running anything: at $x = 2$, what does `backward` put in `x.grad`? And if
# `backward` used `parent.grad = local * node.grad` instead of `+=`, what could `x.grad` end
# up with? (The three edges out of $x$ are visited one at a time, in some order.)

# %%
right = ...      # x.grad with +=
with_bug = ...   # x.grad with =
checks.check_shared_node_gradient(right, with_bug)

# %% [markdown]
# <details><summary>Hint</summary>
#
# With `=`, each edge sets `x.grad` to its own contribution and forgets the others: the two
# edges into $x \cdot x$ contribute $x$ each, the edge into $3x$ contributes 3.
# </details>
#
# <details><summary>Answer</summary>
#
# The right value is $2x + 3 = 7$. With `=`, whichever edge the loop visits last overwrites
# the others, so you would see 2 or 3 depending on the order: a silent, wrong gradient.
# </details>
#
# The reveal: `backward` itself, and a copy of its loop with the bug.

# %%
def backward_with_bug(output):
    """Value.backward with = instead of +=: each path overwrites the one before."""
    order = output.topological_order()
    for node in order:
        node.grad = 0.0
    output.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad = local * node.grad          # the bug


x = autodiff.Value(2.0, "x")
z = x * x + 3 * x
z.backward()
print(f"z = {z.data}, dz/dx = {x.grad}   (2x + 3 = {2 * 2.0 + 3})")
backward_with_bug(z)
print(f"with the bug: x.grad = {x.grad}")
assert x.grad == 3.0   # here the edge into 3 * x happens to be visited last

# %% [markdown]
# ## Explore: the chain rule, live (core)
#
# **Predict, then reveal.** For $z = \sin(x^2)$: at which $x$ between 0 and 2 is the tangent
# flat ($dz/dx = 0$)? Hint: one of the two factors has to be zero.
#
# Move the slider. The labels on the left name the rows: the forward value above each node,
# the local derivative on each arrow, and $dz/d\,\text{node}$ from the backward pass below
# each node; the product along the bottom is the slope of the dashed tangent. Switch the
# chain to "one neuron" to see the four-step chain from above.

# %%
explorer = widgets.chain_rule_explorer("z = sin(x²)", x=1.0)
explorer

# %% [markdown]
# The reveal, on a second explorer, `probe`, so the one above stays where you left it: the
# tangent is flat at $x = 0$ (the factor $2x$) and at $x = \sqrt{\pi/2} \approx 1.2533$,
# where $x^2 = \pi/2$ and $\cos(x^2) = 0$. The slider moves in steps of 0.05: the slope is 0
# at $x = 0$ and nearly 0 at $x = 1.25$, the slider position closest to $1.2533$.

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe = widgets.chain_rule_explorer("z = sin(x²)", x=1.0)
for x in (0.0, 1.25):
    probe.set(x=x)
    print(f"x = {probe.state['x']:.2f}: dz/dx = {probe.state['dz_dx']:.4f}")
assert abs(probe.state["dz_dx"] - 2 * 1.25 * math.cos(1.25**2)) < 1e-12 and abs(probe.state["dz_dx"]) < 0.05
assert abs(probe.state["product"] - probe.state["dz_dx"]) < 1e-12
assert [getattr(control, "value", None) for control in explorer.controls.values()] == shown


# %% [markdown]
# ## Check your understanding (core)
#
# Write the derivative of $z = \exp(\cos(x))$ as a Python function. Name the inner
# function $u$ first, then apply the chain rule.

# %%
def dz_dx(x):
    return ...   # your formula, e.g. using math.sin, math.cos, math.exp


checks.check_composition_derivative(dz_dx)

# %% [markdown]
# <details><summary>Hint</summary>
#
# $u = \cos(x)$ and $z = \exp(u)$. What are $\frac{du}{dx}$ and $\frac{dz}{du}$?
# </details>
#
# <details><summary>Solution</summary>
#
# $\frac{dz}{dx} = \exp(u)\cdot(-\sin x) = -\sin(x)\,\exp(\cos x)$:
#
# ```python
# def dz_dx(x):
#     return -math.sin(x) * math.exp(math.cos(x))
# ```
# </details>

# %% [markdown]
# ## Summary (core)
#
# - For $z = g(u)$ with $u = f(x)$: $\frac{dz}{dx} = \frac{dz}{du}\frac{du}{dx}$. Rates of
#   change multiply along a chain.
# - $z = \sin(x^2)$ has $\frac{dz}{dx} = 2x\cos(x^2)$; a finite difference confirms it.
# - A computation graph stores each operation's local derivative on the way forward; the
#   backward pass multiplies them from the output back to every input.
# - When a value reaches the output along several paths, its derivative is the **sum** over
#   the paths.
#
# **Think about it**
#
# 1. The backward pass visits nodes in reverse topological order. What would go wrong if it
#    visited a node before all the nodes that use it?
# 2. The sigmoid's local derivative $u(1-u)$ is at most $0.25$. What happens to $dz/dx$ in a
#    chain of ten sigmoids?
# 3. Why is one backward pass enough to get $dz/d\,\text{node}$ for *every* node at once?
#
# **Next:** [06 · MLP and backpropagation](06_mlp_backprop.ipynb), where the same chain
# trains a network that solves XOR.
