# %% [markdown]
# # 05 · The chain rule
#
# A neural network is a long chain of small functions. To train it we need the slope of the
# loss with respect to every weight, and one rule gives all of them: the chain rule. In this
# notebook you write the program that applies it.
#
# **Learning goals**
#
# - State the chain rule for a composition $z = g(f(x))$: $\frac{dz}{dx} = \frac{dz}{du}\frac{du}{dx}$.
# - Differentiate the lecture's example $z = \sin(x^2)$ by hand.
# - Build a computation graph from small `Node`s and **write its backward pass yourself**:
#   visit the nodes from the output back, and add up the derivatives of every path.
# - Say what a graph's gradients are before backward has run, and after a careless second run.
#
# **Before this:** [03 · Gradient descent](03_gradient_descent.ipynb) (derivatives and
# finite differences) and [02 · Activation functions](02_activations.ipynb) (the sigmoid).
#
# **Time:** the core path takes about 20 minutes, about 8 of them for writing `backward`;
# the sections marked *(optional)* add about 15.

# %%
import math

import numpy as np
import matplotlib.pyplot as plt

from helpers import autodiff, checks, plots, widgets

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
# ## Numerically: does the slope agree? (optional)
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
ax.plot(xs, np.sin(xs**2), color=plots.style.INK, lw=2, label="$z = \\sin(x^2)$")
ax.plot(xs, 2 * xs * np.cos(xs**2), color=plots.style.DERIVATIVE, lw=1.5, ls="--", label="$dz/dx = 2x\\cos(x^2)$")
ax.axhline(0, color=plots.style.MUTED, lw=0.8)
ax.set(xlabel="$x$", ylabel="value", title="The slope grows with |x|: the factor 2x from the inner function")
ax.legend(loc="lower center", ncol=2, fontsize=9)
fig.tight_layout()
plt.show()


# %% [markdown]
# ## A computation graph: `Node` (core)
#
# Doing this by hand for a network with thousands of weights is hopeless. The way out: let
# every operation remember **its own local derivative** when it computes its value, and let
# a program combine them afterwards.
#
# Here is the whole machinery, small enough to read in full. A `Node` holds a number
# (`data`), the nodes it was computed from (`parents`), the derivative of itself with respect
# to each parent (`local_grads`), and a `grad` that will hold $\frac{d\,\text{root}}{d\,\text{node}}$
# for whatever node ends the graph, the **root**. Each operation computes its value and, right
# beside it, its local derivatives:

# %%
class Node:
    """A number in a computation graph."""

    def __init__(self, data, parents=(), local_grads=(), label=""):
        self.data = data                  # the value, computed on the way forward
        self.grad = 0.0                   # d root / d this node: backward's job
        self.parents = parents            # the nodes this one was computed from
        self.local_grads = local_grads    # d this / d parent, one per parent
        self.label = label

    def __add__(self, other):             # d(a + b)/da = 1, d(a + b)/db = 1
        other = other if isinstance(other, Node) else Node(other)
        return Node(self.data + other.data, (self, other), (1.0, 1.0))

    def __mul__(self, other):             # d(ab)/da = b, d(ab)/db = a
        other = other if isinstance(other, Node) else Node(other)
        return Node(self.data * other.data, (self, other), (other.data, self.data))

    __radd__, __rmul__ = __add__, __mul__     # so that 3 * x works as well as x * 3

    def __pow__(self, k):                 # d(a^k)/da = k a^(k-1), for a constant k
        return Node(self.data**k, (self,), (k * self.data ** (k - 1),))

    def sin(self):                        # d sin(a)/da = cos(a)
        return Node(math.sin(self.data), (self,), (math.cos(self.data),))

    def sigmoid(self):                    # d sigmoid(a)/da = sigmoid(a) (1 - sigmoid(a))
        out = 1 / (1 + math.exp(-self.data))
        return Node(out, (self,), (out * (1 - out),))


# %% [markdown]
# Build the lecture's $z = \sin(x^2)$ from it and look at what each node recorded:

# %%
x = Node(1.5, label="x")
u = x**2
z = u.sin()
for name, node in (("x", x), ("u", u), ("z", z)):
    print(f"{name}: data = {node.data:.4f}   parents' data = {[p.data for p in node.parents]}"
          f"   local_grads = {[round(g, 4) for g in node.local_grads]}")

# %% [markdown]
# The local derivatives are the two numbers of the hand calculation: $\frac{du}{dx} = 2x = 3$
# sits in `u`, and $\frac{dz}{du} = \cos(2.25)$ sits in `z`.
#
# ### Check your understanding: before backward (core)
#
# The graph is built, and every local derivative is in it. What number does `x.grad` hold
# **now**, before anything has been run backward?

# %%
x_grad_now = ...   # one number
checks.check_grad_before_backward(x_grad_now)

# %% [markdown]
# <details><summary>Hint</summary>
#
# Read `Node.__init__` again: which line sets `grad`, and which code has touched it since?
# </details>
#
# The reveal: the graph drawn as it stands, with the forward values above the nodes, the
# local derivatives on the arrows and each node's `grad` below it.

# %%
fig, ax = plt.subplots(figsize=(7, 2.4))
drawing = plots.plot_chain_graph(["x", "u", "z"], ["input", "u = x²", "z = sin(u)"],
                                 ["du/dx = 2x", "dz/du = cos(u)"], ax=ax)
drawing.update([x.data, u.data, z.data], [u.local_grads[0], z.local_grads[0]], [x.grad, u.grad, z.grad])
ax.set_title("Before backward: values and local derivatives are there, every grad is still 0", fontsize=10)
plt.show()
assert x.grad == u.grad == z.grad == 0.0

# %% [markdown]
# Everything the answer needs is in the graph (the product along the bottom is
# $\frac{dz}{dx}$ already), yet every `grad` is still the `0.0` that `__init__` set. Building
# a graph computes values and local derivatives, never gradients: combining them is the job
# of the backward pass, which you are about to write.

# %% [markdown]
# ## The backward pass, one step at a time (core)
#
# The chain rule says how to walk the graph from the root back to the inputs:
#
# 1. The root's gradient with respect to itself is 1: $\frac{dz}{dz} = 1$. That is the
#    **seed**.
# 2. A node whose `grad` is complete passes it on: each parent receives
#    `local × node.grad`, its local derivative times the gradient that has reached the node.
#    For $z = \sin(x^2)$: $u$ receives $\cos(u) \cdot 1$, then $x$ receives $2x \cdot \cos(u)$.
# 3. A node may pass its gradient on only once it is complete, that is, once **every** node
#    that uses it has passed its share back. So the nodes are visited in **reverse
#    topological order**: the root first, every node after all the nodes that use it.
#
# A topological order lists every node after all its parents (inputs first, root last). This
# function produces one; reversed, it is the order the backward pass needs:

# %%
def topological_order(root):
    """Every node that root depends on, each after all its parents: inputs first, root last."""
    order, seen = [], set()

    def visit(node):
        if node not in seen:
            seen.add(node)
            for parent in node.parents:
                visit(parent)
            order.append(node)         # only after all of its parents

    visit(root)
    return order


print("topological order of z = sin(x²):", [round(node.data, 4) for node in topological_order(z)])


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
# So the backward pass must **add** each path's share into a parent's `grad` (`+=`), never
# overwrite what is there (`=`): overwriting is the most common bug in hand-written
# backpropagation.
#
# ### Check your understanding (core)
#
# Without running anything: at $x = 2$, what does a correct backward pass put in `x.grad`?
# And if it used `parent.grad = local * node.grad` instead of `+=`, what could `x.grad` end
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

# %% [markdown]
# ## Write `backward` yourself (core)
#
# **About 8 minutes.** Complete `backward(root)` so that afterwards every node of the graph
# holds $\frac{d\,\text{root}}{d\,\text{node}}$ in its `grad`. Use `topological_order` from
# above and the three steps of the chain rule. One more requirement: calling `backward`
# twice on the same graph must leave the same gradients as calling it once.
#
# `checks.check_backward` runs your function on five graphs: $\sin(x^2)$, the one-neuron chain
# of notebook 06, a node used three times, a diamond (a node that reaches the root along two
# paths of different length) and a chain 30 steps deep. It compares every node's gradient with
# `helpers.autodiff` (the inputs' also with finite differences), and calls your function twice.

# %%
def backward(root):
    ...  # your code: afterwards every node's grad holds d root / d node


checks.check_backward(backward)

# %% [markdown]
# <details><summary>Hint</summary>
#
# Four lines of work: get `order = topological_order(root)`; set every node's `grad` to 0.0
# (so that a second call starts afresh); set the seed `root.grad = 1.0`; then for each node
# in `reversed(order)`, for each pair `parent, local` in `zip(node.parents, node.local_grads)`,
# add `local * node.grad` to `parent.grad`.
# </details>
#
# <details><summary>Solution</summary>
#
# ```python
# def backward(root):
#     order = topological_order(root)
#     for node in order:
#         node.grad = 0.0
#     root.grad = 1.0
#     for node in reversed(order):
#         for parent, local in zip(node.parents, node.local_grads):
#             parent.grad += local * node.grad
# ```
# </details>
#
# The reveal for the question about $z = x \cdot x + 3x$: the right value from
# `helpers.autodiff`, whose `Value.backward` does what the solution above does, and the same
# loop with `=` on a graph of `Node`s.

# %%
def backward_with_bug(root):
    """The solution with = instead of +=: each path overwrites the one before."""
    order = topological_order(root)
    for node in order:
        node.grad = 0.0
    root.grad = 1.0
    for node in reversed(order):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad = local * node.grad          # the bug


x_value = autodiff.Value(2.0)
z_value = x_value * x_value + 3 * x_value
z_value.backward()
x = Node(2.0)
z = x * x + 3 * x
backward_with_bug(z)
print(f"dz/dx = {x_value.grad} (helpers.autodiff);   with the bug: x.grad = {x.grad}")
assert x_value.grad == 7.0 and x.grad == 2.0   # here the two edges into x * x are visited last

# %% [markdown]
# ## Calling backward twice (core)
#
# Your `backward` sets every gradient to 0 before it starts. Many libraries leave that to you:
# PyTorch's `backward()` adds into `.grad`, and a training loop calls `zero_grad()` before
# each step. Forget it and the gradients of one step stay in the next.
#
# ### Check your understanding: twice without a reset (core)
#
# Take `x = Node(3.0)`, `y = Node(-2.0)` and `z = x * y`. A backward pass that does
# everything yours does **except** the reset (it sets the seed `root.grad = 1.0` and adds) is
# called twice on `z`. What is `x.grad` then?

# %%
x_grad_after_two_calls = ...   # one number
checks.check_backward_twice(x_grad_after_two_calls)

# %% [markdown]
# <details><summary>Hint</summary>
#
# One call gives `x.grad` $= \frac{dz}{dx} = y$. What does `+=` do the second time?
# </details>
#
# The reveal, computed:

# %%
def backward_without_reset(root):
    """The solution without its reset: each call adds to whatever the grads already hold."""
    root.grad = 1.0
    for node in reversed(topological_order(root)):
        for parent, local in zip(node.parents, node.local_grads):
            parent.grad += local * node.grad


x, y = Node(3.0), Node(-2.0)
z = x * y
for call in (1, 2):
    backward_without_reset(z)
    print(f"after call {call}: x.grad = {x.grad}, y.grad = {y.grad}")
assert (x.grad, y.grad) == (-4.0, 6.0)

# %% [markdown]
# Twice the gradients. In a longer chain it is worse than doubling: in $z = \sin(x^2)$ the
# inner node $u$ doubles its `grad` first and then passes the doubled value on to $x$, which
# adds it to the share it already holds.

# %%
x = Node(1.5)
u = x**2
z = u.sin()
backward_without_reset(z)
once = x.grad
backward_without_reset(z)
print(f"x.grad after one call {once:.4f}, after two calls {x.grad:.4f}: {x.grad / once:.0f} times as large")
assert abs(x.grad / once - 3) < 1e-12

# %% [markdown]
# Three times as large: a gradient of the wrong size, and no error message. That is why a
# backward pass either resets the gradients itself, like yours, or every training loop resets
# them before each step.

# %% [markdown]
# ## A longer chain walked forward and backward (optional)
#
# The chain the next notebook is about: one input $x$, one hidden sigmoid unit and a sigmoid
# output,
#
# $$x \;\rightarrow\; r = v_0 + v_1 x \;\rightarrow\; u = \text{sigmoid}(r) \;\rightarrow\; s = w_0 + w_1 u \;\rightarrow\; z = \text{sigmoid}(s).$$
#
# `autodiff.one_neuron` builds it from `helpers.autodiff.Value`s (the same idea as `Node`,
# with more operations) with weights $v = (-1, 2)$ and $w = (0.5, -1.5)$.
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
local, backward_values = autodiff.chain_derivatives(nodes)
edges = ["dr/dx", "du/dr", "ds/du", "dz/ds"]
for name, grad, edge, d in zip("xrus", backward_values, edges, local):
    print(f"dz/d{name} = {grad:8.4f}   =  {edge} ({d:7.4f}) x dz/d(next)")
print(f"dz/dz = {backward_values[-1]:8.4f}")
print(f"product of the four local derivatives: {np.prod(local):.4f}")
assert np.allclose(backward_values[:-1], [np.prod(local[k:]) for k in range(4)])

# %% [markdown]
# Each line is the line below it times one local derivative: that is the chain rule applied
# one step at a time, and it is exactly what the backpropagation equations of notebook 06 do.

# %% [markdown]
# ## Explore: the chain rule, live (optional)
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
# ## Check your understanding: another composition (optional)
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
#   change multiply along a chain; $z = \sin(x^2)$ has $\frac{dz}{dx} = 2x\cos(x^2)$.
# - A computation graph stores each operation's local derivative on the way forward. Its
#   gradients stay 0 until a backward pass runs.
# - The backward pass seeds the root with 1, visits the nodes in reverse topological order
#   and adds `local × node.grad` into every parent's `grad`: you wrote it in a few lines.
# - When a value reaches the output along several paths, its derivative is the **sum** over
#   the paths: `+=`, never `=`. And gradients must be reset before each backward pass, or a
#   second pass adds onto the first.
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
# trains a network that solves XOR, and you write the gradient of its hidden layer.
