# %% [markdown]
# # 09 · Deeper networks
#
# More hidden layers can learn more, but every gradient has to travel back through all of
# them. On the way it is multiplied by one slope per layer. With sigmoid units that slope is
# at most 1/4, and the first layers get almost nothing. With ReLU units they do not.
#
# **Learning goals**
#
# - Stack hidden layers (the $r \rightarrow u$ step repeated) and count their weights.
# - Explain with the chain rule why the gradient that reaches the first layer is a product of
#   one slope per layer, and why sigmoid's slope makes it vanish.
# - Measure the size of the gradient at each layer, at the start and during training, for
#   sigmoid, tanh and ReLU.
# - Say why ReLU is the usual hidden activation of deep networks.
#
# **Before this:** [06 · MLP and backpropagation](06_mlp_backprop.ipynb), and the derivatives
# of the activations in [02 · Activation functions](02_activations.ipynb). This notebook is
# optional: for after the lab, or for whoever finishes early.
#
# **Time:** the core path takes about 25 minutes, about 6 of them for writing
# `tower_gradient`; the section marked *(optional)* adds about 10.

# %%
import math

import matplotlib.pyplot as plt

from helpers import checks, mlp, plots, widgets

# %% [markdown]
# ## More than one hidden layer (core)
#
# A second hidden layer takes the first one's outputs $u^{(1)}$ as its inputs, exactly as the
# first takes $x$. With $u^{(0)} = x$ and a constant $u^{(l)}_0 = 1$ in every layer for the
# biases, layer $l$ computes
#
# $$r^{(l)}_j = \sum_i u^{(l-1)}_i\, v^{(l)}_{ij}, \qquad u^{(l)}_j = g\big(r^{(l)}_j\big),$$
#
# and the output unit reads the last hidden layer. `mlp.MLP` takes the layer sizes in order:
# below, 2 inputs, three hidden layers of 8 units and one output. Each weight matrix has one
# row more than its layer has inputs (row 0: the biases).

# %%
deep = mlp.MLP([2, 8, 8, 8, 1], hidden="sigmoid", seed=0)
for k, weights in enumerate(deep.params, start=1):
    print(f"weight matrix {k}: {weights.shape[0]} x {weights.shape[1]} = {weights.size} weights")
print("in all:", sum(w.size for w in deep.params))

# %% [markdown]
# By hand: $3 \cdot 8 + 9 \cdot 8 + 9 \cdot 8 + 9 \cdot 1 = 24 + 72 + 72 + 9 = 177$ weights.

# %%
assert [w.shape for w in deep.params] == [(3, 8), (9, 8), (9, 8), (9, 1)]
assert sum(w.size for w in deep.params) == 24 + 72 + 72 + 9 == 177

# %% [markdown]
# ## The gradient travels through every layer (core)
#
# Backpropagation (notebook 06) goes from the output back to the input and, at each layer,
# multiplies by that layer's slope $g'(r)$:
# $\frac{\partial L}{\partial r_j} = \frac{\partial L}{\partial u_j}\, g'(r_j)$. A deep network
# repeats this once per layer, so the gradient that reaches the first layer carries one slope
# factor per layer above it.
#
# The simplest deep network shows it alone: a **tower** of sigmoid units, one per layer, each
# taking the previous one's output as its input, with weight 1 and bias 0:
#
# $$u_1 = \text{sigmoid}(x), \quad u_2 = \text{sigmoid}(u_1), \quad \dots, \quad
#   u_n = \text{sigmoid}(u_{n-1}).$$
#
# By the chain rule (notebook 05), $\frac{du_n}{dx}$ is the product of the local derivatives
# along the chain, and each is the sigmoid's slope at that unit's input, $u_k(1 - u_k)$.
#
# ### Check your understanding: the gradient of a tower (core)
#
# Plan about **6 minutes**. Complete `tower_gradient(depth, x)` so that it returns
# $\frac{du_n}{dx}$ for a tower of `depth` sigmoid units with input `x` (a number). Use
# `math.exp`; a loop over the units that keeps a running product will do.

# %%
def tower_gradient(depth, x):
    ...  # your code: return du/dx for a tower of depth sigmoid units


checks.check_tower_gradient(tower_gradient)

# %% [markdown]
# <details><summary>Hint</summary>
#
# Start with `slope = 1.0` and `u = x`. For each unit: `u = 1 / (1 + math.exp(-u))`, then
# multiply `slope` by that unit's local derivative, which is written with its output
# `u` (see notebook 02). Return `slope` after the loop.
# </details>
#
# <details><summary>Solution</summary>
#
# ```python
# def tower_gradient(depth, x):
#     slope, u = 1.0, x
#     for _ in range(depth):
#         u = 1 / (1 + math.exp(-u))      # this unit's output
#         slope *= u * (1 - u)            # times its local slope, sigmoid'(r) = u (1 - u)
#     return slope
# ```
# </details>

# %% [markdown]
# How fast does it shrink? The cell below measures $\frac{du_n}{dx}$ at $x = 0$ by finite
# differences (nudge $x$, watch $u_n$), so it runs before your function is done. It measures
# the same tower with tanh and with ReLU units as well (for ReLU at $x = 0.5$: at $x = 0$ its
# slope is not defined).

# %%
towers = {"sigmoid": (lambda t: 1 / (1 + math.exp(-t)), 0.0), "tanh": (math.tanh, 0.0),
          "relu": (lambda t: max(0.0, t), 0.5)}


def tower_slope(g, depth, x, h=1e-6):
    """du_n/dx of the tower of depth units g, by a central difference."""
    def top(t):
        for _ in range(depth):
            t = g(t)
        return t
    return (top(x + h) - top(x - h)) / (2 * h)


depths = range(1, 7)
slopes = {name: [tower_slope(g, n, x) for n in depths] for name, (g, x) in towers.items()}
for name, values in slopes.items():
    print(f"{name:8}", "  ".join(f"{v:.2e}" for v in values))

# %%
fig, ax = plt.subplots(figsize=(5.2, 3.0))
for k, (name, values) in enumerate(slopes.items()):   # tanh's and relu's lie on top of each other, at 1
    ax.plot(list(depths), values, label=name, ms=10 - 2 * k, **plots.series_style(k))
ax.plot(list(depths), [0.25**n for n in depths], color="grey", lw=0.8, ls=":", label="$(1/4)^n$")
ax.set(yscale="log", xlabel="units in the tower $n$", ylabel="$du_n/dx$ (log scale)",
       title="Sigmoid's slopes multiply into almost nothing")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()

# %% [markdown]
# Sigmoid's slope is at most $\frac14$, and only at 0. The first unit gets $x = 0$ and passes on
# 0.5; from then on the outputs settle near 0.66, where the slope $u(1 - u)$ is about 0.225.
# Six units leave $1.5 \times 10^{-4}$, below even $(1/4)^6 \approx 2.4 \times 10^{-4}$. Tanh's
# slope is 1 at 0 and this tower stays at 0, so it keeps its gradient (1 at every depth).
# ReLU's slope is exactly 1 wherever the unit is on.

# %%
u = 0.0
for _ in range(6):
    u = 1 / (1 + math.exp(-u))
print(f"u_6 = {u:.3f}, its slope u(1 - u) = {u * (1 - u):.3f}")
assert round(u, 2) == 0.66 and round(u * (1 - u), 3) == 0.225
assert math.isclose(slopes["sigmoid"][0], 0.25, rel_tol=1e-6)
assert 1.4e-4 < slopes["sigmoid"][5] < 0.25**6 and round(slopes["sigmoid"][5], 5) == 0.00015
assert all(math.isclose(v, 1.0, rel_tol=1e-6) for v in slopes["tanh"] + slopes["relu"])

# %% [markdown]
# ## Gradients layer by layer in a real network (core)
#
# A real network has many units per layer and weights other than 1, so the factor per layer
# is a sum over paths, not a single slope. Does the gradient still shrink? The explorer trains
# a network of 1 to 6 hidden layers of 8 units on the two moons (200 points). The bars show,
# for each weight matrix from the input side (layer 1, $v$) to the output (the last layer,
# $w$), the size of its gradient
# $\lVert \frac{\partial L}{\partial W} \rVert = \sqrt{\sum_{ij} (\partial L / \partial W_{ij})^2}$,
# on a **log scale**: each grid line is ten times the one below. The grey dashes mark the sizes
# at the start of training; the bars, the sizes now. The initial weights are `mlp.MLP`'s:
# scaled to the layer sizes (Glorot for sigmoid and tanh, He for ReLU), so that $r$ keeps a
# size of about 1 from layer to layer.
#
# **Predict, then reveal:**
#
# 1. With 6 sigmoid layers, untrained: which layer's bar is the shortest, and about how many
#    times smaller than the last layer's is it: 2, 10, 100, 1000?
# 2. Switch *g(r)* to relu: what happens to that ratio?
# 3. Press ▶ with sigmoid, then with relu (Reset in between): which network learns the moons
#    within 100 epochs?

# %%
flow = widgets.gradient_flow_explorer(depth=6, activation="sigmoid", lr=0.1)
flow

# %% [markdown]
# The reveal drives a second explorer, `probe`, so the one above stays where you left it:
# the ratio of the first layer's gradient to the last one's, at the start, for each
# activation; then 100 epochs of training each.

# %%
shown = [getattr(control, "value", None) for control in flow.controls.values()]
probe = widgets.gradient_flow_explorer(depth=6, activation="sigmoid", lr=0.1)
ratios, losses, norms = {}, {}, {}
for name in ("sigmoid", "tanh", "relu"):
    probe.set(activation=name)
    ratios[name], norms[name] = probe.state["ratio"], probe.state["grad_norms"]
    probe.train(100)
    losses[name] = probe.state["loss"]
    print(f"{name:8} first / last at the start: {ratios[name]:.1e}   "
          f"loss after {probe.state['epoch']} epochs: {losses[name]:.3f}")
print(f"log 2 = {math.log(2):.3f}: the loss of answering z = 0.5 for every point")

# %% [markdown]
# With sigmoid, layer 1 has the shortest bar: it starts with about 1/2000 of the last layer's
# gradient, and each layer back loses a factor of 2 to 6. After 100 epochs the loss still sits
# at $\log 2$: the network answers $z \approx 0.5$ everywhere and has learned nothing. Tanh and
# ReLU start with ratios between 1/10 and 1, and both learn the moons in the same 100 epochs.

# %%
steps_back = [later / earlier for earlier, later in zip(norms["sigmoid"], norms["sigmoid"][1:])]
print("sigmoid, factor lost per layer going back:", "  ".join(f"{f:.1f}" for f in steps_back))
assert min(norms["sigmoid"]) == norms["sigmoid"][0] and 1 / 3000 < ratios["sigmoid"] < 1 / 1000
assert all(2 < f < 6 for f in steps_back)
assert 1 / 10 < ratios["relu"] < 1 and 1 / 10 < ratios["tanh"] < 1
assert abs(losses["sigmoid"] - math.log(2)) < 0.01 and losses["relu"] < 0.05 and losses["tanh"] < 0.1
assert [getattr(control, "value", None) for control in flow.controls.values()] == shown

# %% [markdown]
# **Why ReLU is the default.** A ReLU unit passes the gradient on unchanged wherever it is on
# ($g'(r) = 1$ for $r > 0$), so depth alone does not shrink it. Tanh, with slope 1 at 0, does
# well too while its units stay near 0; once its weights grow and its units saturate, its
# slopes fall towards 0 like sigmoid's. ReLU never saturates on the positive side, and it is
# the cheapest to compute. Its weak spot: a unit whose $r$ stays negative for every example
# has slope 0 and stops learning for good (a *dead* unit), which a small positive bias at the
# start makes rarer (`mlp.MLP` starts ReLU biases at 0.1).
#
# ## Depth with sigmoid: it learns, eventually (optional)
#
# A vanishing gradient is small, not zero. **Predict:** with sigmoid units and lr 0.1, how
# many epochs does a network of 1, 2, 3 and 6 hidden layers need before its loss falls below
# 0.3? Try a few in the explorer above (▶ trains up to 500 epochs), then run the cell, which
# measures it on fresh explorers.

# %%
first_below = {}
for depth in (1, 2, 3, 6):
    runner = widgets.gradient_flow_explorer(depth=depth, activation="sigmoid", lr=0.1).train(500)
    below = [epoch for epoch, loss in enumerate(runner.state["losses"]) if loss < 0.3]
    first_below[depth] = below[0] if below else None
    print(f"{depth} hidden layer{'s' if depth > 1 else ''}: loss below 0.3 "
          + (f"from epoch {below[0]}" if below else "not within 500 epochs"))

# %% [markdown]
# Every layer more costs epochs: about 80 with one layer, about 100 with two, nearly 200 with
# three, and six layers do not get there within 500. The first layers' weights barely move, so
# the layers above them keep seeing almost the same inputs. Vanishing gradients are one reason
# why deep networks had to wait for ReLU, careful initialisation and, later, normalisation
# layers and shortcut connections.

# %%
assert 70 <= first_below[1] <= 90 and 90 <= first_below[2] <= 110 and 180 <= first_below[3] <= 200
assert first_below[6] is None

# %% [markdown]
# ## Summary (core)
#
# - A deep MLP repeats $r^{(l)} = u^{(l-1)} v^{(l)}$, $u^{(l)} = g(r^{(l)})$ once per hidden layer;
#   each weight matrix has a bias row.
# - Backpropagation multiplies the gradient by one slope $g'(r)$ per layer on its way to the
#   input. Sigmoid's slope is at most $\frac14$, so a tower of six sigmoid units passes on
#   $1.5 \times 10^{-4}$ of the gradient.
# - In a real network at the start of training, the first of six sigmoid layers gets about
#   1/2000 of the last layer's gradient, and the network does not learn. With tanh or ReLU the
#   layers get gradients of similar size.
# - ReLU keeps the gradient (slope 1 where a unit is on) and never saturates for large
#   positive $r$: the usual choice for the hidden layers of deep networks.
#
# **Think about it**
#
# 1. Why does the *last* layer's gradient not shrink with depth, whatever the activation?
# 2. If every weight were 3 instead of 1, what would a tower of sigmoid units do to the
#    gradient? And of ReLU units? (Think of each factor $w \cdot g'(r)$.)
# 3. The output unit is still a sigmoid, even in a ReLU network. Why is that not a problem?
#
# **Next:** this is the last notebook of the collection. Back to the
# [08 · Review](08_review.ipynb), or on to the lecture's next topic, convolutional networks.
