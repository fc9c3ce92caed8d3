# %% [markdown]
# # 06 · MLP and backpropagation
#
# One perceptron cannot compute XOR. Put a few of them in a layer, feed their outputs to one
# more, and train all the weights together with the chain rule: XOR falls. The hardest step,
# the gradient of the hidden layer, you write yourself.
#
# **Learning goals**
#
# - Write a multi-layer perceptron as a composition $x \rightarrow r \rightarrow u \rightarrow s \rightarrow z$
#   and compute its forward pass by hand.
# - Explain binary cross-entropy and why, with a sigmoid output, it gives $\frac{\partial L}{\partial s} = z - y$.
# - Derive the lecture's backpropagation equations and **implement the hidden layer's
#   gradient yourself**, checked against finite differences.
# - Train an MLP on XOR with stochastic gradient descent, using your own gradient.
#
# **Before this:** [05 · The chain rule](05_chain_rule.ipynb) and
# [04 · The perceptron learns](04_perceptron_sgd.ipynb).
#
# **Time:** the core path takes about 30 minutes, about 12 of them for writing
# `hidden_gradient`; the sections marked *(optional)* add about 35.

# %%
import inspect

import numpy as np
import matplotlib.pyplot as plt

from helpers import activations, checks, data, mlp, optim, plots, widgets


# %% [markdown]
# ## The MLP as a composition (core)
#
# The lecture's network has inputs $x_1, \dots, x_m$, one hidden layer of $p$ sigmoid units and
# one sigmoid output. As with the perceptron, a constant input $x_0 = 1$ carries the bias, and
# the hidden layer gets its own constant $u_0 = 1$:
#
# $$r_j = \sum_{i=0}^{m} x_i\,v_{ij}, \qquad u_j = \text{sigmoid}(r_j), \qquad
#   s = \sum_{j=0}^{p} u_j\,w_j, \qquad z = \text{sigmoid}(s).$$
#
# Every hidden unit is a perceptron with a smooth activation; the output unit is one more,
# whose inputs are the hidden units' outputs. Read as a chain:
# $x \rightarrow r \rightarrow u \rightarrow s \rightarrow z$.
#
# `helpers.mlp.MLP` stores $v$ as an $(m+1) \times p$ matrix and $w$ as a $(p+1) \times 1$
# matrix; **row 0 of each holds the bias weights**, the ones multiplied by $x_0 = 1$ and
# $u_0 = 1$.
#
# **Weights have one colour code in this whole collection**, wherever they are drawn (the
# network diagrams here, the weight matrix of notebook 07): a **positive** weight is
# **green** with a solid line, a **negative** one **pink** with a dashed line, and a line is
# thicker the larger $|w|$. Blue and orange always mean the two classes, never the sign of a
# weight.

# %%
model = mlp.MLP([2, 2, 1], hidden="sigmoid", output="sigmoid", seed=0)
print("v (input -> hidden):", model.v.shape, "   w (hidden -> output):", model.w.shape)

# %% [markdown]
# ## A forward pass by hand (core)
#
# Take the small network below and one example, $x = (x_1, x_2) = (1, 0)$ with label $y = 1$:
#
# | | to $u_1$ | to $u_2$ | | | to $z$ |
# |---|---|---|---|---|---|
# | $x_0 = 1$ | $v_{01} = 0.1$ | $v_{02} = -0.2$ | | $u_0 = 1$ | $w_0 = 0.2$ |
# | $x_1$ | $v_{11} = 0.5$ | $v_{12} = 0.3$ | | $u_1$ | $w_1 = 0.6$ |
# | $x_2$ | $v_{21} = -0.4$ | $v_{22} = 0.8$ | | $u_2$ | $w_2 = -0.7$ |
#
# By hand:
#
# - $r_1 = 1 \cdot 0.1 + 1 \cdot 0.5 + 0 \cdot (-0.4) = 0.6$ and $r_2 = -0.2 + 0.3 + 0 = 0.1$;
# - $u_1 = \text{sigmoid}(0.6) = 0.6457$ and $u_2 = \text{sigmoid}(0.1) = 0.5250$;
# - $s = 0.2 + 0.6 \cdot 0.6457 - 0.7 \cdot 0.5250 = 0.2199$;
# - $z = \text{sigmoid}(0.2199) = 0.5548$.
#
# The same steps in numpy, one line per arrow of the chain:

# %%
model, x, y = mlp.worked_example()        # the network and example above
v, w = model.v, model.w


def sigmoid(t):
    return 1 / (1 + np.exp(-t))


x_with_1 = np.r_[1.0, x[0]]               # (x0, x1, x2) = (1, 1, 0)
r = x_with_1 @ v                          # r_j = sum_i x_i v_ij
u = sigmoid(r)
u_with_1 = np.r_[1.0, u]                  # (u0, u1, u2)
s = u_with_1 @ w[:, 0]                    # s = sum_j u_j w_j
z = sigmoid(s)
print(f"r = {r.round(4)}, u = {u.round(4)}, s = {s:.4f}, z = {z:.4f}")
print(f"model.forward(x) = {model.forward(x)[0]:.4f}")

# %% [markdown]
# The network gives $z = 0.5548$: it leans, barely, towards the correct class 1.

# %%
assert round(z, 4) == 0.5548 and np.isclose(model.forward(x)[0], z)
assert np.array_equal(u.round(4), [0.6457, 0.5250]) and np.allclose(r, [0.6, 0.1]) and round(s, 4) == 0.2199

# %% [markdown]
# ## Binary cross-entropy (core)
#
# How wrong is $z = 0.5548$ when $y = 1$? The lecture's loss for a probability $z$ of class 1 is
#
# $$L = -\,[\,y\log z + (1 - y)\log(1 - z)\,].$$
#
# Only one of the two terms is ever active: for $y = 1$ it is $-\log z$, for $y = 0$ it is
# $-\log(1 - z)$. So $L$ is near zero when the network gives the true class a probability near
# 1, and it grows without limit as that probability goes to 0. Notice the steepness on the
# wrong side:

# %%
zs = np.linspace(0.005, 0.995, 199)
fig, ax = plt.subplots(figsize=(5.2, 3.0))
ax.plot(zs, -np.log(zs), color=plots.class_style(1)["color"], lw=2, label="$y = 1$: $-\\log z$")
ax.plot(zs, -np.log(1 - zs), color=plots.class_style(0)["color"], lw=2, ls="--", label="$y = 0$: $-\\log(1 - z)$")
ax.set(xlabel="output $z$", ylabel="loss $L$", ylim=(0, 5.5),
       title="BCE punishes a confident wrong answer hardest")
ax.legend(fontsize=9)
fig.tight_layout()
plt.show()
print(f"our example: L = -log({z:.4f}) = {-np.log(z):.4f};   model.loss: {model.loss(x, y):.4f}")

# %% [markdown]
# ### Check your understanding: why BCE? (core)
#
# Before reading on, choose: why is binary cross-entropy the usual loss for a sigmoid output?
#
# - **a** &nbsp; Its values are always smaller than those of the squared error.
# - **b** &nbsp; With a sigmoid output, $\frac{\partial L}{\partial s} = z - y$: a confidently wrong output still gets a large gradient.
# - **c** &nbsp; It forces the output to be exactly 0 or 1.

# %%
checks.check_bce_with_sigmoid(...)

# %% [markdown]
# <details><summary>Answer</summary>
#
# **b**. The $z(1-z)$ of the sigmoid cancels against $\frac{\partial L}{\partial z}$, so the
# gradient is as large as the mistake, even when the sigmoid is saturated.
# </details>

# %% [markdown]
# **Why it suits a sigmoid output.** Follow the chain from $L$ back to $s$. The lecture gives
#
# $$\frac{\partial L}{\partial z} = -\frac{y}{z} + \frac{1-y}{1-z}, \qquad
#   \frac{\partial z}{\partial s} = z(1 - z),$$
#
# and their product simplifies beautifully:
#
# $$\frac{\partial L}{\partial s} = \frac{-y(1-z) + (1-y)z}{z(1-z)}\;z(1-z) = z - y.$$
#
# The sigmoid's $z(1-z)$, which is almost 0 when the output saturates, cancels. Compare the
# squared error $\tfrac12(z-y)^2$, whose slope $(z-y)\,z(1-z)$ keeps that factor: at
# $s = -6$ with $y = 1$, a confidently wrong output, it barely pushes at all.

# %%
s_wrong = -6.0
z_wrong = sigmoid(s_wrong)
print(f"z = {z_wrong:.4f} for y = 1")
print(f"BCE:            dL/ds = z - y            = {z_wrong - 1:.4f}")
print(f"squared error:  dL/ds = (z - y) z (1 - z) = {(z_wrong - 1) * z_wrong * (1 - z_wrong):.4f}")
assert abs((z_wrong - 1) * z_wrong * (1 - z_wrong)) < 0.01 < 0.99 < abs(z_wrong - 1)


# %% [markdown]
# ### Check your understanding: the output weights (optional)
#
# A warm-up for the exercise of the next section. You have $\frac{\partial L}{\partial s} = z - y$.
# Before reading on, take the chain rule one step further yourself: for the worked example ($x = (1, 0)$, $y = 1$, the weights of the
# table), compute
# $\frac{\partial L}{\partial w} = (\frac{\partial L}{\partial w_0}, \frac{\partial L}{\partial w_1}, \frac{\partial L}{\partial w_2})$
# from the numbers $z = 0.5548$, $u_1 = 0.6457$, $u_2 = 0.5250$, with $s = \sum_j u_j w_j$
# and $u_0 = 1$.

# %%
dL_dw_answer = ...   # three numbers: (dL/dw0, dL/dw1, dL/dw2)
checks.check_output_gradient(dL_dw_answer)

# %% [markdown]
# <details><summary>Hint</summary>
#
# $\frac{\partial L}{\partial w_j} = \frac{\partial L}{\partial s}\,\frac{\partial s}{\partial w_j}$,
# and $\frac{\partial s}{\partial w_j} = u_j$ because $s = \sum_j u_j w_j$.
# </details>
#
# <details><summary>Solution</summary>
#
# $z - y = -0.4452$, so $\frac{\partial L}{\partial w} = (-0.4452,\; -0.4452 \cdot 0.6457,\; -0.4452 \cdot 0.5250) = (-0.4452, -0.2875, -0.2337)$.
# All negative: gradient descent *increases* every $w_j$, which raises $s$ and with it $z$.
# </details>


# %% [markdown]
# ## Backpropagation: the lecture's equations (core)
#
# To train, we need $\frac{\partial L}{\partial w_j}$ and $\frac{\partial L}{\partial v_{ij}}$.
# The chain rule gives each as a product along the chain $x \rightarrow r \rightarrow u \rightarrow s \rightarrow z$,
# and the lecture computes them from the output backwards, reusing every factor already found:
#
# 1. **Output:** $\frac{\partial L}{\partial s} = \frac{\partial L}{\partial z}\frac{\partial z}{\partial s} = z - y$, as derived above.
# 2. **Output weights:** $s = \sum_j u_j w_j$, so $\frac{\partial s}{\partial w_j} = u_j$ and
#    $\frac{\partial L}{\partial w_j} = \frac{\partial L}{\partial s}\,u_j$ (with $u_0 = 1$ for the bias $w_0$).
# 3. **Into the hidden layer:** $\frac{\partial s}{\partial u_j} = w_j$, so
#    $\frac{\partial L}{\partial u_j} = \frac{\partial L}{\partial s}\,w_j$ for $j = 1, \dots, p$.
#    $u_0 = 1$ is a constant, not a hidden unit: its weight $w_0$ passes nothing further back.
# 4. **Through the hidden sigmoid:** $u_j = \text{sigmoid}(r_j)$, so
#    $\frac{\partial u_j}{\partial r_j} = u_j(1 - u_j)$ and
#    $\frac{\partial L}{\partial r_j} = \frac{\partial L}{\partial u_j}\,u_j(1 - u_j)$.
# 5. **Input weights:** $r_j = \sum_i x_i v_{ij}$, so $\frac{\partial r_j}{\partial v_{ij}} = x_i$ and
#    $\frac{\partial L}{\partial v_{ij}} = \frac{\partial L}{\partial r_j}\,x_i$ (with $x_0 = 1$ for the biases $v_{0j}$).
#
# For a batch of $n$ examples the loss is the **mean** of their losses, so each gradient is the
# mean of the $n$ examples' gradients.
#
# ### Check your understanding: the hidden layer's gradient (core)
#
# This is the heart of backpropagation and the longest exercise of the lab: plan about
# **12 minutes**. Complete `hidden_gradient(model, X, y)` so that it returns
# $\frac{\partial L}{\partial v}$, equations 1, 3, 4 and 5 chained together:
#
# - `model` is an MLP like ours: one hidden layer of sigmoid units and a sigmoid output;
#   `v, w = model.params` gives $v$, shape $(m+1, p)$, and $w$, shape $(p+1, 1)$, each with
#   its bias row first.
# - `X` holds $n$ examples as rows, shape $(n, m)$; `y` their labels, shape $(n,)$, 0 or 1.
# - Return an array shaped like `model.params[0]`: row $i$ for input $x_i$ (row 0: the biases
#   $v_{0j}$), column $j$ for hidden unit $j$; the gradient of the mean loss over the rows.
# - Use `model.params` and `activations.sigmoid`, with the forward pass of the worked example
#   above as a model; not `model.backward`, which would do it all for you. A loop over the
#   rows is fine; so is doing all rows at once.
#
# `checks.check_hidden_gradient` runs your function on the worked example and on three random
# networks (other sizes, batches of several rows, weights large enough to saturate hidden
# units) and compares it with finite differences.

# %%
def hidden_gradient(model, X, y):
    ...  # your code: return dL/dv, shaped like model.params[0]


checks.check_hidden_gradient(hidden_gradient)

# %% [markdown]
# <details><summary>Hint</summary>
#
# For one example `x_row` with label `y_row`: put $x_0 = 1$ in front, `x1 = np.r_[1.0, x_row]`;
# forward, `u = activations.sigmoid(x1 @ v)` and `z = activations.sigmoid(np.r_[1.0, u] @ w[:, 0])`;
# backward, `dL_ds = z - y_row`, `dL_du = dL_ds * w[1:, 0]` (no $w_0$: it belongs to $u_0 = 1$),
# `dL_dr = dL_du * u * (1 - u)` and `np.outer(x1, dL_dr)`, which has the shape of $v$. Add
# that up over the rows of `X` and divide by $n$.
# </details>
#
# <details><summary>Solution</summary>
#
# All rows at once: the rows of `x` are the examples, and `x.T @ dL_dr` sums
# $x_i \frac{\partial L}{\partial r_j}$ over them.
#
# ```python
# def hidden_gradient(model, X, y):
#     v, w = model.params
#     n = len(X)
#     x = np.c_[np.ones(n), X]                             # x_0 = 1 in front of every row
#     u = activations.sigmoid(x @ v)                       # r_j = sum_i x_i v_ij, u_j = sigmoid(r_j)
#     z = activations.sigmoid(np.c_[np.ones(n), u] @ w[:, 0])
#     dL_ds = (z - y) / n                                  # 1. (divided by n: the loss is a mean)
#     dL_du = np.outer(dL_ds, w[1:, 0])                    # 3. w_1..w_p, not w_0
#     dL_dr = dL_du * u * (1 - u)                          # 4.
#     return x.T @ dL_dr                                   # 5. summed over the rows
# ```
# </details>


# %% [markdown]
# ## Backpropagation step by step (optional)
#
# The explorer below runs the worked example ($x = (1, 0)$, $y = 1$, the weights of the table)
# through the forward and the backward pass **one quantity per step**: **Step ›** computes the
# next one, **‹ Back** undoes it, ▶ plays through them, **Reset** clears the diagram and
# *jump to* goes straight to any quantity. The quantity being computed lights up (yellow), its
# value is written on its node or edge (forward values in black above the nodes, gradients in
# vermillion under them and on the weights), and the box under the diagram writes it out:
# the formula, then the same with the numbers put in. A "≈" there means the four-decimal
# numbers, worked by hand, round to a different last digit than the exact value.
#
# **Predict, before you step:**
#
# 1. Which of the six $\frac{\partial L}{\partial v_{ij}}$ will come out exactly 0, and why?
# 2. Will $\frac{\partial L}{\partial u_2}$ be positive or negative? What does its sign say
#    about what gradient descent wants $u_2$ to do?

# %%
stepper = widgets.backprop_stepper()
stepper

# %% [markdown]
# The reveal drives a second stepper, `steps`, to the last quantity, so the one above stays
# where you left it, and compares every gradient it wrote with `model.backward`:

# %%
shown = [getattr(control, "value", None) for control in stepper.controls.values()]
steps = widgets.backprop_stepper(step="dL/dv22")          # every quantity computed
grads = steps.state["shown"]
grad_v, grad_w = model.backward(x, y)
for i in range(3):
    print(f"dL/dv{i}1 = {grads[f'dL/dv{i}1']:+.4f}   dL/dv{i}2 = {grads[f'dL/dv{i}2']:+.4f}")
print(f"dL/du2 = dL/ds * w2 = ({grads['dL/ds']:.5f}) * ({w[2, 0]}) = {grads['dL/du2']:+.4f}")
assert all(np.isclose(grads[f"dL/dv{i}{j}"], grad_v[i, j - 1]) for i in range(3) for j in (1, 2))
assert all(np.isclose(grads[f"dL/dw{j}"], grad_w[j, 0]) for j in range(3))
assert grads["dL/dv21"] == grads["dL/dv22"] == 0 and grads["dL/du2"] > 0
assert [getattr(control, "value", None) for control in stepper.controls.values()] == shown

# %% [markdown]
# 1. $\frac{\partial L}{\partial v_{21}}$ and $\frac{\partial L}{\partial v_{22}}$ are 0:
#    $\frac{\partial L}{\partial v_{ij}} = \frac{\partial L}{\partial r_j}\,x_i$ and $x_2 = 0$.
#    A weight whose input is 0 did not contribute to this example's output, so this example
#    does not ask it to change.
# 2. $\frac{\partial L}{\partial u_2} = \frac{\partial L}{\partial s}\,w_2$ is positive: both
#    factors are negative. Raising $u_2$ would lower $s$ (its weight is $-0.7$) and with it $z$,
#    which should move towards $y = 1$. So the loss grows with $u_2$, and gradient descent
#    pushes $u_2$ down: backprop passes the sign on to $r_2$ and to $u_2$'s input weights
#    $v_{02}, v_{12}$, whose gradients are positive too.


# %% [markdown]
# ## Each equation, checked by finite differences (optional)
#
# The equations one at a time on the worked example, each with a **finite-difference check**
# that nudges one number and watches $L$. The helper `slope` is the central difference from
# notebook 03; each check must agree to better than $10^{-7}$, the threshold of the whole
# collection.


# %%
def slope(f, t, h=1e-6):
    """Central finite difference of f at t."""
    return (f(t + h) - f(t - h)) / (2 * h)


def bce(z_value):
    return -(y[0] * np.log(z_value) + (1 - y[0]) * np.log(1 - z_value))


# %% [markdown]
# **1. Output:** $\frac{\partial L}{\partial s} = \frac{\partial L}{\partial z}\frac{\partial z}{\partial s} = z - y$.
# Check: nudge $s$ and recompute $L$.

# %%
dL_ds = z - y[0]
print(f"dL/ds = z - y = {dL_ds:.6f}   finite difference: {slope(lambda t: bce(sigmoid(t)), s):.6f}")
assert abs(dL_ds - slope(lambda t: bce(sigmoid(t)), s)) < 1e-7

# %% [markdown]
# **2. Output weights:** $s = \sum_j u_j w_j$, so $\frac{\partial s}{\partial w_j} = u_j$ and
# $\frac{\partial L}{\partial w_j} = \frac{\partial L}{\partial s}\,u_j$ (with $u_0 = 1$ for the
# bias $w_0$). Check: nudge each $w_j$ with $u$ held fixed.

# %%
dL_dw = dL_ds * u_with_1
for j in range(3):
    def loss_of_wj(t, j=j):
        w_nudged = w[:, 0].copy()
        w_nudged[j] = t
        return bce(sigmoid(u_with_1 @ w_nudged))
    print(f"dL/dw{j} = {dL_dw[j]:.6f}   finite difference: {slope(loss_of_wj, w[j, 0]):.6f}")
    assert abs(dL_dw[j] - slope(loss_of_wj, w[j, 0])) < 1e-7

# %% [markdown]
# **3. Into the hidden layer:** $\frac{\partial s}{\partial u_j} = w_j$, so
# $\frac{\partial L}{\partial u_j} = \frac{\partial L}{\partial s}\,w_j$ for $j = 1, \dots, p$
# ($u_0 = 1$ is a constant: nothing to pass back). Check: nudge $u_j$.

# %%
dL_du = dL_ds * w[1:, 0]
for j in range(2):
    def loss_of_uj(t, j=j):
        u_nudged = u_with_1.copy()
        u_nudged[j + 1] = t
        return bce(sigmoid(u_nudged @ w[:, 0]))
    print(f"dL/du{j + 1} = {dL_du[j]:.6f}   finite difference: {slope(loss_of_uj, u[j]):.6f}")
    assert abs(dL_du[j] - slope(loss_of_uj, u[j])) < 1e-7

# %% [markdown]
# **4. Through the hidden sigmoid:** $u_j = \text{sigmoid}(r_j)$, so
# $\frac{\partial u_j}{\partial r_j} = u_j(1 - u_j)$ and
# $\frac{\partial L}{\partial r_j} = \frac{\partial L}{\partial u_j}\,u_j(1 - u_j)$. Check:
# nudge $r_j$.

# %%
dL_dr = dL_du * u * (1 - u)
for j in range(2):
    def loss_of_rj(t, j=j):
        r_nudged = r.copy()
        r_nudged[j] = t
        return bce(sigmoid(np.r_[1.0, sigmoid(r_nudged)] @ w[:, 0]))
    print(f"dL/dr{j + 1} = {dL_dr[j]:.6f}   finite difference: {slope(loss_of_rj, r[j]):.6f}")
    assert abs(dL_dr[j] - slope(loss_of_rj, r[j])) < 1e-7

# %% [markdown]
# **5. Input weights:** $r_j = \sum_i x_i v_{ij}$, so $\frac{\partial r_j}{\partial v_{ij}} = x_i$ and
# $\frac{\partial L}{\partial v_{ij}} = \frac{\partial L}{\partial r_j}\,x_i$: an outer product
# of $x$ (with $x_0 = 1$) and $\frac{\partial L}{\partial r}$. This last check goes through the
# whole network: `model.loss` with one $v_{ij}$ nudged.

# %%
dL_dv = np.outer(x_with_1, dL_dr)


def loss_of_v(t, i, j):
    nudged, _, _ = mlp.worked_example()
    nudged.v[i, j] = t
    return nudged.loss(x, y)


numeric = np.array([[slope(lambda t: loss_of_v(t, i, j), v[i, j]) for j in range(2)] for i in range(3)])
print("dL/dv by the equations:\n", dL_dv.round(6) + 0.0)   # + 0.0 turns -0.0 into 0.0
print("by finite differences:\n", numeric.round(6))
print(f"largest gap: {np.max(np.abs(numeric - dL_dv)):.1e}")
assert np.max(np.abs(numeric - dL_dv)) < 1e-7

# %% [markdown]
# $x_2 = 0$ here, so the row for $v_{2j}$ is zero: a weight whose input is 0 did not
# contribute to this mistake and is not blamed for it.

# %%
assert np.all(dL_dv[2] == 0)

# %% [markdown]
# ## The same equations, for a batch and for any depth (optional)
#
# `MLP.backward` runs exactly these steps, with the $n$ examples of a batch as the rows of a
# matrix (the loss is the mean over the batch, hence the $1/n$), and with the $r \rightarrow u$
# step repeated for every hidden layer. Read it and match each line to an equation above:

# %%
print(inspect.getsource(mlp.MLP._backward))

# %% [markdown]
# Its result for our example matches the hand-derived numbers:

# %%
grad_v, grad_w = model.backward(x, y)
print("same dL/dw:", np.allclose(grad_w[:, 0], dL_dw), "   same dL/dv:", np.allclose(grad_v, dL_dv))
assert np.allclose(grad_w[:, 0], dL_dw) and np.allclose(grad_v, dL_dv)

# %% [markdown]
# `mlp.gradient_check` does the finite-difference check for every weight of any network at
# once and reports the largest relative error. Below $10^{-7}$ means the backward pass is
# right; a bug shows up as a number near 1. Here it is for every hidden activation, one to
# three hidden layers, on random data:

# %%
rng = np.random.default_rng(0)
X_random = rng.normal(size=(8, 3))
y_random = rng.integers(0, 2, size=8)
for hidden in ("sigmoid", "tanh", "relu"):
    errors = [mlp.gradient_check(mlp.MLP([3] + [4] * depth + [1], hidden=hidden, seed=depth), X_random, y_random)
              for depth in (1, 2, 3)]
    print(f"{hidden:8} 1, 2, 3 hidden layers: largest errors", "  ".join(f"{e:.1e}" for e in errors))
    assert max(errors) < 1e-7

# %% [markdown]
# ## Stochastic gradient descent, with your gradient (core)
#
# The lecture's algorithm, with $\theta$ standing for *all* the weights ($v$ and $w$):
#
# > For each epoch, for each training example $(x_j, y_j)$: $\theta \leftarrow \theta - \eta\,\nabla L(\theta)$.
#
# One update is a forward pass, a backward pass and a step. `MLP.fit` runs this loop over a
# data set: each epoch it shuffles the examples and updates once per example
# (`batch_size=1`, the lecture's SGD), once per small batch, or once per epoch on all of them
# (`batch_size=None`). It returns the loss and accuracy after every epoch.
#
# Notebook 01 proved that no single perceptron computes XOR. **Predict:** how many hidden
# units does an MLP need for it? Write your guess down, then run the cell, which trains a
# network with two sigmoid hidden units (2-2-1) by SGD.

# %%
X_xor, y_xor = data.logic_gate("XOR")
xor_model = mlp.MLP([2, 2, 1], hidden="sigmoid", seed=0)
history = xor_model.fit(X_xor, y_xor, lr=2.0, epochs=2000, batch_size=1, rng=0)
print(f"after {xor_model.epoch} epochs: loss {history['loss'][-1]:.4f}, accuracy {history['accuracy'][-1]:.0%}")
print("z =", xor_model.forward(X_xor).round(3), "  predictions:", xor_model.predict(X_xor), "  labels:", y_xor.astype(int))

# %% [markdown]
# Two are enough. Now the same training with **your** gradient. The loop below is what
# `fit(..., batch_size=1, rng=0)` just did, written out, except that $\frac{\partial L}{\partial v}$
# comes from a function you pass in (the output weights' gradient still comes from
# `model.backward`):

# %%
def sgd_on_xor(gradient_v, epochs=2000, lr=2.0):
    """SGD on XOR as xor_model was trained, with dL/dv from gradient_v(model, X, y)."""
    model = mlp.MLP([2, 2, 1], hidden="sigmoid", seed=0)
    rng = np.random.default_rng(0)                           # fit's rng=0: the same shuffles
    losses = []
    for epoch in range(epochs):
        for rows in optim.minibatches(len(X_xor), 1, rng):   # one example per step
            dL_dv = gradient_v(model, X_xor[rows], y_xor[rows])
            dL_dw = model.backward(X_xor[rows], y_xor[rows])[1]
            model.params[0] -= lr * dL_dv                    # theta <- theta - eta * gradient
            model.params[1] -= lr * dL_dw
        losses.append(model.loss(X_xor, y_xor))
    return np.array(losses)


# %% [markdown]
# Run it with your `hidden_gradient` once that passes its check. While it is still `...`, the
# cell uses `model.backward`'s $\frac{\partial L}{\partial v}$ in its place and says so.

# %%
if checks.is_placeholder(hidden_gradient):
    print("hidden_gradient is still ...: once it passes its check, run this cell again to train with it.")
    gradient_v, whose = (lambda model, X, y: model.backward(X, y)[0]), "model.backward's dL/dv (stand-in)"
else:
    gradient_v, whose = hidden_gradient, "your hidden_gradient"
losses = sgd_on_xor(gradient_v)
gap = np.max(np.abs(losses - history["loss"]))
same = gap < 1e-9
print(f"{whose}: {'the same' if same else 'NOT the same'} loss, epoch by epoch, as MLP.fit "
      f"over {len(losses)} epochs ({4 * len(losses)} steps); largest gap {gap:.1e}")
assert same or gradient_v is hidden_gradient   # the stand-in is fit's own computation

# %% [markdown]
# A correct `hidden_gradient` gives the same curve to within rounding (the solution above:
# a gap of about $10^{-13}$): all 8000 steps move the weights to the same place. The way
# to the solution is not smooth, though. The loss after each epoch:

# %%
loss, accuracy = np.array(history["loss"]), np.array(history["accuracy"])
first_below = int(history["epoch"][np.argmax(loss < 0.1)])
fig, ax = plt.subplots(figsize=(5.2, 2.8))
ax.plot(history["epoch"], loss, color=plots.style.MUTED, lw=5, alpha=0.6, label="MLP.fit")
ax.plot(history["epoch"], losses, color=plots.style.INK, lw=1, ls="--", label=whose)
ax.axhline(np.log(2), color=plots.style.MUTED, lw=0.8, ls=":")
ax.set(xlabel="epoch", ylabel="loss $L$ (mean BCE)", xlim=(0, 700), title="XOR: two plateaus, then solved")
ax.legend(fontsize=8)
fig.tight_layout()
plt.show()
print(f"epochs 1-60: loss {loss[:60].min():.2f} to {loss[:60].max():.2f};  "
      f"epochs 70-400: loss {loss[69:400].min():.2f} to {loss[69:400].max():.2f}, median {np.median(loss[69:400]):.2f};  "
      f"first below 0.1 at epoch {first_below}")


# %% [markdown]
# For the first 60 epochs the loss jumps around between 0.65 and 0.86, near and above
# $\log 2 \approx 0.69$ (the dotted line), which is what guessing $z = 0.5$ for every point
# costs. Then it falls onto a plateau around 0.5, where the network gets 3 of the 4 points
# right most of the time, and stays there for more than 300 epochs. Only after epoch 400 do
# the hidden units find the directions that solve it, and the loss drops within a few dozen
# epochs.

# %%
assert (round(loss[:60].min(), 2), round(loss[:60].max(), 2)) == (0.65, 0.86)
assert 0.4 < loss[69:400].min() and loss[69:400].max() < 0.65 and abs(np.median(loss[69:400]) - 0.5) < 0.05
assert np.mean(accuracy[69:400] == 0.75) > 0.5
assert 400 < first_below < 450


# %% [markdown]
# ## How the hidden units solve XOR (optional)
#
# **How does it do it?** Each hidden unit is a perceptron with a sigmoid: it has its own
# straight boundary $r_j = 0$. Below, each hidden unit's output $u_j$ over the plane (dark = 1)
# with its boundary drawn as a line, and on the right the network's output $z$. Before you
# look at the table under the figure, guess what each hidden unit computes.

# %%
limits = (-0.5, 1.5)
grid = plots.grid_points(limits, limits, size=60)
fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.0))
plots.plot_hidden_units(xor_model.hidden_outputs(grid)[0], limits, limits, X_xor, y_xor, axes=axes[:2])
plots.plot_probability_map(xor_model.forward(grid), limits, limits, X_xor, y_xor, ax=axes[2])
axes[2].set_title("output $z$ = P(y = 1)", fontsize=10)
fig.suptitle("Two straight boundaries (hidden units), combined by the output unit", fontsize=11)
fig.tight_layout()
plt.show()
u_corners = xor_model.hidden_outputs(X_xor)[0]
for x_k, u_k in zip(X_xor, u_corners):
    print(f"x = ({x_k[0]:g}, {x_k[1]:g}):  u1 = {u_k[0]:.3f}  u2 = {u_k[1]:.3f}")
print("output weights (w0, w1, w2):", xor_model.w[:, 0].round(2))

# %% [markdown]
# With this seed, $u_1$ is 1 unless both inputs are 1: it computes **NAND**. $u_2$ is 1 only
# when both inputs are 0: **NOR**. The output unit gives NAND a large positive weight and NOR
# a large negative one, so $z$ is high where NAND is on *and* NOR is off. NOR off is OR on,
# so $z = \text{NAND} \wedge \text{OR} = \text{XOR}$. (Another seed can find other pairs
# of gates; the idea stays: two lines, combined.)

# %%
gates = {"NAND": [1, 1, 1, 0], "NOR": [1, 0, 0, 0]}
assert np.array_equal(u_corners[:, 0] > 0.5, np.array(gates["NAND"], bool))
assert np.array_equal(u_corners[:, 1] > 0.5, np.array(gates["NOR"], bool))
assert xor_model.w[1, 0] > 10 and xor_model.w[2, 0] < -10

# %% [markdown]
# ## The hidden space: where XOR becomes a straight line (optional)
#
# The lecture's claim about hidden layers is that they **learn features**: they move the data
# to a space where one straight line separates it. The explorer shows that space. On the left,
# the data space $(x_1, x_2)$: the points, each hidden unit's line $r_j = 0$, and the output's
# shading. On the right, the same plane carried over to the **hidden space** $(u_1, u_2)$:
# every point, and every grid line of the plane, sits at
#
# $$(1 - t)\,x + t\,u(x),$$
#
# a straight-line slide from its input coordinates ($t = 0$) to its hidden activations
# $u = \text{sigmoid}(r)$ ($t = 1$). Move *morph t* and watch the plane bend. At $t = 1$ the
# output unit is a perceptron on $(u_1, u_2)$, so its boundary there is a straight line.
# ▶ trains the network from its first weights (the same network and training as `xor_model`
# above), **Step ›** trains a few epochs, **Reset** starts again; *data* offers circles and
# moons too, and with more *hidden units* the right panel shows the pair you pick.
#
# **Predict, then reveal:**
#
# 1. The table above says that, trained, $u_1$ computes NAND and $u_2$ NOR. Where in the
#    hidden square will the four XOR points end up? Which two land together, and can one
#    straight line then separate the classes?
# 2. The circles: can a network with **two** hidden units unfold them so that a line separates
#    them in its hidden space? And with three?

# %%
hidden = widgets.hidden_space_explorer("XOR", units=2, t=1.0)
hidden

# %% [markdown]
# The reveal trains a second explorer, `probe`, for 2000 epochs (what 200 presses of ▶ do),
# so the one above stays as you left it, and prints where each point lands at $t = 1$:

# %%
shown = [getattr(control, "value", None) for control in hidden.controls.values()]
probe = widgets.hidden_space_explorer("XOR", units=2, t=1.0).train(2000)
for x_k, u_k in zip(probe.state["X"], probe.state["points"]):
    print(f"x = ({x_k[0]:g}, {x_k[1]:g})  ->  u = ({u_k[0]:.3f}, {u_k[1]:.3f})")
print("the output's line separates the classes in hidden space:", probe.state["hidden_separable"])
assert np.allclose(probe.state["points"], xor_model.hidden_outputs(X_xor)[0])   # the same network as xor_model
assert probe.state["hidden_separable"]
assert [getattr(control, "value", None) for control in hidden.controls.values()] == shown

# %% [markdown]
# $(0, 1)$ and $(1, 0)$, the two class-1 points, land on the same spot near $(1, 0)$: NAND on,
# NOR off. The class-0 points go to two other corners, $(0, 0)$ near $(1, 1)$ and $(1, 1)$
# near $(0, 0)$. A straight line now has the class-1 point on one side and both class-0
# points on the other. No line can do that in the input space (notebook 01); the hidden layer
# made the problem linear, which is what "learning features" means.
#
# And the circles, trained for 600 epochs each:

# %%
for units in (2, 3):
    probe = widgets.hidden_space_explorer("circles", units=units).train(600)
    print(f"circles, {units} hidden units: accuracy {probe.state['accuracy']:.0%}, "
          f"a line (a plane) separates them in hidden space: {probe.state['hidden_separable']}")
    assert probe.state["hidden_separable"] == (units == 3)

# %% [markdown]
# Two hidden units give two straight lines in the data space, and no two lines fence in a
# circle: the output is left with at best a wedge. Three lines can surround the inner circle
# with a triangle, and in the three-dimensional hidden space a plane then separates the
# classes. (Pick two of the three units on the right to see two views of that space.)


# %% [markdown]
# ## Explore: the playground (optional)
#
# Now try it yourself, TensorFlow-Playground style. Press ▶ to train, ⏸ to pause, **Step**
# for a few epochs at a time, **Reset** for fresh weights. The heatmap is the output $z$
# (filled markers: training points, hollow: test points), the curves the train and test loss,
# and the diagram's edges the weights, in the weight colours of the first section (green solid
# positive, pink dashed negative); switch *edges* to `dL/dw` to see the current gradient of
# each weight instead.
#
# **Predict, then reveal:**
#
# 1. XOR with **one** hidden unit: can it reach 100%?
# 2. Spiral with 1 hidden layer of 4 units vs 3 layers of 8: which fits, and which trains faster?
# 3. Raise the learning rate to 10 on a 3-layer relu network with batch size "all": what happens?

# %%
playground = widgets.mlp_playground("XOR", units=4, activation="tanh", lr=0.3, batch_size=8)
playground

# %% [markdown]
# What the figure shows can also be driven from code. The reveal below does it on a second
# playground, `probe`, so the one above stays where you left it. Thirty ticks of ▶, as the
# browser would send them, train XOR to 100% on both the training and the test points:

# %%
shown = [getattr(control, "value", None) for control in playground.controls.values()]
probe = widgets.mlp_playground("XOR", units=4, activation="tanh", lr=0.3, batch_size=8)
for _ in range(30):
    probe.controls["play"].value += 1
state = probe.state
print(f"epoch {state['epoch']}: train accuracy {state['train_accuracy']:.0%}, test accuracy {state['test_accuracy']:.0%}")
assert state["epoch"] == 60 and state["train_accuracy"] == 1.0 and state["test_accuracy"] == 1.0

# %% [markdown]
# And the first prediction: with one hidden unit the network has a single straight boundary
# (squashed by the output sigmoid), so it is back to being a perceptron, and XOR stays out of
# reach.

# %%
probe.set(units=1)
for _ in range(30):
    probe.step()
print(f"1 hidden unit, epoch {probe.state['epoch']}: train accuracy {probe.state['train_accuracy']:.0%}")
assert probe.state["train_accuracy"] < 0.9
assert [getattr(control, "value", None) for control in playground.controls.values()] == shown


# %% [markdown]
# ## Summary (core)
#
# - An MLP is a composition $x \rightarrow r \rightarrow u \rightarrow s \rightarrow z$: weighted
#   sums and activations, with biases as weights of constant inputs $x_0 = u_0 = 1$.
# - Binary cross-entropy $L = -[y\log z + (1-y)\log(1-z)]$ with a sigmoid output gives
#   $\frac{\partial L}{\partial s} = z - y$.
# - Backpropagation is the chain rule, output first:
#   $\frac{\partial L}{\partial w_j} = \frac{\partial L}{\partial s}u_j$,
#   $\frac{\partial L}{\partial u_j} = \frac{\partial L}{\partial s}w_j$,
#   $\frac{\partial L}{\partial r_j} = \frac{\partial L}{\partial u_j}u_j(1-u_j)$,
#   $\frac{\partial L}{\partial v_{ij}} = \frac{\partial L}{\partial r_j}x_i$. You wrote the
#   hidden layer's part yourself and checked it against finite differences.
# - SGD updates all weights with these gradients; with two hidden units it solves XOR, and
#   your gradient trains it exactly as `MLP.fit` does.
#
# **Think about it**
#
# 1. If every weight started at exactly 0, the two hidden units would get identical gradients
#    forever. Why? What does that say about initialisation?
# 2. Which of the backprop equations changes if the hidden activation is tanh instead of the
#    sigmoid, and how?
# 3. In the playground, when does the test loss start rising while the training loss still
#    falls, and what does that mean?
#
# **Next:** [07 · Real birds](07_real_birds.ipynb): the same network on real penguin measurements.
