# %% [markdown]
# # 08 · Review: the lecture in five questions
#
# The lecture closed with five questions. If you can answer each one in a few
# sentences *and* back it with a small computation, you own this material.
#
# **Learning goals**
#
# - Answer the lecture's five summary questions in your own words.
# - Back each answer with a computation you can run and check.
# - Know which notebook to go back to for each question.
#
# **Before this notebook**: notebooks [00](00_introduction.ipynb) to
# [07](07_real_birds.ipynb). Each question below says which of them it draws on.
#
# **How to use it.** For each question: write your answer down first (on paper is
# fine), then run the cells, do the small exercise and only then open the model
# answer.
#
# **Time:** the core path takes about 25 minutes.

# %%
import numpy as np

from helpers import autodiff, checks, data, mlp, optim, perceptron, widgets

# %% [markdown]
# ## Where to go back (core)
#
# | Question | Revisit |
# | --- | --- |
# | 1. What is deep learning, and how does it differ from traditional machine learning? | [00 · Introduction](00_introduction.ipynb), [07 · Real birds](07_real_birds.ipynb) |
# | 2. How is a neural network trained with gradient descent? | [03 · Gradient descent](03_gradient_descent.ipynb) |
# | 3. How is a perceptron trained with stochastic gradient descent? | [01 · The perceptron](01_perceptron.ipynb), [04 · Perceptron SGD](04_perceptron_sgd.ipynb) |
# | 4. What is the chain rule? | [05 · The chain rule](05_chain_rule.ipynb) |
# | 5. How do forward prediction and backpropagation work in a multi-layer perceptron? | [02 · Activations](02_activations.ipynb), [06 · MLP and backpropagation](06_mlp_backprop.ipynb) |

# %% [markdown]
# ## 1. What is deep learning, and how does it differ from traditional machine learning? (core)
#
# A computed answer on the smallest problem that shows the difference: XOR. A single
# perceptron on the raw inputs $x_1, x_2$ cannot learn it (no straight line works):

# %%
X_xor, y_xor = data.logic_gate("XOR", labels="pm1")
w, steps = perceptron.sgd(X_xor, y_xor, w=np.zeros(3), lr=0.1, epochs=100)
print("raw inputs: converged", steps.converged, "| mistakes in the last epoch:",
      steps.mistakes_per_epoch()[-1])
assert not steps.converged

# %% [markdown]
# The *traditional* fix: a person designs a better feature. Add $x_3 = (x_1 - x_2)^2$
# (1 exactly when the inputs differ) and the same perceptron succeeds within a few
# epochs:

# %%
X_designed = np.column_stack([X_xor, (X_xor[:, 0] - X_xor[:, 1]) ** 2])
w, steps = perceptron.sgd(X_designed, y_xor, w=np.zeros(4), lr=0.1, epochs=100)
print("with a designed feature: converged", steps.converged, "after", steps.epochs_run, "epochs")
assert steps.converged and steps.epochs_run <= 5

# %% [markdown]
# The *deep learning* way: give a network the raw inputs and let its hidden layer
# learn the features it needs. Feature learning and classification happen in one
# model, trained together:

# %%
net = mlp.MLP([2, 3, 1], hidden="tanh", output="sigmoid", seed=0)
y01 = (y_xor > 0).astype(int)
net.fit(X_xor, y01, lr=0.5, epochs=2000)
print(f"MLP on raw inputs: predictions {net.predict(X_xor).tolist()}, targets {y01.tolist()}")
assert np.array_equal(net.predict(X_xor), y01)

# %% [markdown]
# ### Check your answer
#
# Which sentence says what sets deep learning apart?
#
# - (a) deep learning needs no training data
# - (b) a deep network learns the features from raw input as well as the classifier
# - (c) deep learning uses a step activation instead of a sigmoid
# - (d) traditional machine learning cannot use gradient descent

# %%
choice = ...  # "a", "b", "c" or "d"
checks.check_deep_learning_difference(choice)


# %% [markdown]
# <details><summary>Model answer</summary>
#
# Deep learning is machine learning with neural networks of many layers that map raw
# input (pixels, sound) to an output, learning the intermediate features themselves:
# "feature learning + classification" in one model. Traditional machine learning
# relies on features designed by people (a bird's bill shape and wing colour, as in
# the lecture's bird table; the penguin measurements of notebook 07) and learns only
# the classifier on top. Deep learning took off with large data sets, fast hardware
# (GPUs) and better algorithms (initialisation, optimisers, activations such as ReLU).
# </details>

# %% [markdown]
# ## 2. How is a neural network trained with gradient descent? (core)
#
# Training means adjusting the weights to make the loss smaller. The loss is a
# function of the weights, and its gradient points uphill, so each step moves the
# weights a little *against* the gradient: $w \leftarrow w - \eta \, \partial L / \partial w$.
#
# A one-weight example, $L(w) = (w - 3)^2$ with its minimum at $w = 3$, from $w = 1$.
# **Predict, then reveal**: what happens in 20 steps with $\eta = 0.01$, $0.1$, $0.5$,
# $0.95$ and $1.1$? Use notebook 03's words: crawling, converging, zigzagging or
# diverging.

# %%
def grad_L(w):
    return 2 * (w - 3)


def L(w):
    return float(np.sum((w - 3) ** 2))


names = {}
for lr in (0.01, 0.1, 0.5, 0.95, 1.1):
    path = optim.gradient_descent(grad_L, x0=[1.0], lr=lr, steps=20)
    names[lr] = optim.describe_descent(path, grad_L, L)
    print(f"lr = {lr:<5} w after {len(path) - 1:2d} steps: {path[-1, 0]:9.4f}   {names[lr]}")
assert list(names.values()) == ["crawling", "converging", "converging", "zigzagging", "diverging"]
assert optim.gradient_descent(grad_L, x0=[1.0], lr=0.5, steps=1)[1, 0] == 3.0

# %% [markdown]
# What to notice: a tiny $\eta$ is still crawling, $0.1$ converges, $0.5$ lands on the
# minimum in a single step (true for this parabola only, whose factor $1 - 2\eta$ is then
# 0), $0.95$ overshoots back and forth but still closes in, and $1.1$ overshoots further
# every time: it diverges.
#
# ### Check your answer
#
# Take **one** gradient descent step on $L(w) = (w - 3)^2$ from $w = 1$ with
# $\eta = 0.1$, by hand.

# %%
w_new = ...
checks.check_gradient_step(w_new)

# %% [markdown]
# <details><summary>Model answer</summary>
#
# Define a loss $L$ that measures how wrong the network is on the training data, as a
# function of all the weights. Start from random weights. Repeat: compute the
# gradient $\partial L / \partial w_i$ for every weight (backpropagation does this for
# a network) and update $w_i \leftarrow w_i - \eta \, \partial L / \partial w_i$. In
# practice the data is shuffled and split into minibatches, one update per batch; a
# pass over all the data is an epoch. The learning rate $\eta$ matters: too small is
# slow, too large overshoots or diverges. Here: $\partial L/\partial w = 2(1 - 3) = -4$,
# so $w_{new} = 1 - 0.1 \cdot (-4) = 1.4$.
# </details>

# %% [markdown]
# ## 3. How is a perceptron trained with stochastic gradient descent? (core)
#
# The lecture's example: the AND gate with class A $= +1$ (only $(1, 1)$) and class B
# $= -1$, starting from $w = (w_0, w_1, w_2) = (-0.1, 0.2, 0)$ with $\eta = 0.1$. The
# perceptron loss $L = \max(0, -ys)$ has gradient $-y x_i$ on a mistake and 0
# otherwise. SGD visits one example at a time; here $(1, 0)$, then $(1, 1)$.
#
# ### Check your answer
#
# By hand, before the cell below runs it: after both updates, what is
# $w = [w_0, w_1, w_2]$?

# %%
w_after_two = ...
checks.check_perceptron_steps(w_after_two)

# %% [markdown]
# The reveal:

# %%
X_and, y_and = data.logic_gate("AND", labels="pm1")
w_two, steps = perceptron.sgd(X_and, y_and, w=[-0.1, 0.2, 0.0], lr=0.1, epochs=1, order=[2, 3])
for step in steps:
    print(f"x = {step.x}, y = {step.y:+.0f}: s = {step.s:+.2f}, "
          f"w becomes {np.round(step.w_after, 4)}")

# %% [markdown]
# Those weights are not the end of training. Put them into the explorer and see which
# AND points are still wrong, then move the sliders towards a separating line.

# %%
explorer = widgets.perceptron_explorer("AND", w=tuple(w_two))
explorer

# %% [markdown]
# With those weights two AND points are still wrong, and one of them is a point exactly
# *on* the line: $(0, 1)$ gives $s = -0.1 + 0.1 = 0$, and $\mathrm{sign}(0) = +1$ calls
# it class A. Its loss $\max(0, -ys)$ is 0 all the same, so the total loss counts only
# the other mistake. The lecture's convention matters at the boundary. The cell checks
# this on an explorer of its own, so the one above stays where you left it:

# %%
probe = widgets.perceptron_explorer("AND", w=tuple(w_two))
print("misclassified:", probe.state["misclassified"], "  loss:", probe.state["loss"],
      "  s at (0, 1):", perceptron.weighted_sum(w_two, [0.0, 1.0]))
assert probe.state["misclassified"] == int(np.sum(perceptron.predict(w_two, X_and) != y_and)) == 2
assert perceptron.weighted_sum(w_two, [0.0, 1.0]) == 0 and np.isclose(probe.state["loss"], 0.1)

# %% [markdown]
# <details><summary>Model answer</summary>
#
# Encode the classes as $+1$ and $-1$, start from some weights, and repeat for a
# number of epochs: for each training example in turn compute
# $s = \sum_i x_i w_i$ (with $x_0 = 1$); if $ys \le 0$ (a mistake) update
# $w_i \leftarrow w_i + \eta \, y x_i$, which is $w - \eta \nabla L$ for
# $L = \max(0, -ys)$; otherwise leave $w$ alone. On linearly separable data this
# converges to *some* separating line; on non-separable data (XOR above, Adelie and
# Chinstrap in notebook 07) it never settles. Here the two updates give
# $w = [-0.1, 0.2, 0.1]$.
# </details>

# %% [markdown]
# ## 4. What is the chain rule? (core)
#
# For a composition $z = g(u)$ with $u = f(x)$: $\frac{dz}{dx} = \frac{dz}{du}\frac{du}{dx}$.
# The lecture's example is $z = \sin(x^2)$.
#
# ### Check your answer
#
# Compute $dz/dx$ for $z = \sin(x^2)$ at $x = 1.5$ as a number (using `np.cos`).

# %%
dz_dx = ...
checks.check_chain_rule(dz_dx)

# %% [markdown]
# The reveal: three ways to get it, which must agree (to better than $10^{-7}$, the
# threshold of the whole collection):

# %%
x0 = 1.5
by_hand = np.cos(x0**2) * 2 * x0
by_differences = optim.numerical_derivative(lambda x: np.sin(x**2), x0)
x = autodiff.Value(x0)
z = (x**2).sin()
z.backward()
print(f"chain rule by hand: {by_hand:.6f}")
print(f"finite differences: {by_differences:.6f}")
print(f"autodiff backward:  {x.grad:.6f}")
assert abs(by_hand - by_differences) < 1e-7 and abs(by_hand - x.grad) < 1e-12

# %% [markdown]
# <details><summary>Model answer</summary>
#
# The chain rule gives the derivative of a composition of functions as the product of
# the derivatives of the pieces, each taken at the value flowing through it: for
# $z = g(f(x))$, $dz/dx = g'(f(x)) \, f'(x)$. A network is a long composition
# $x \to r \to u \to s \to z \to L$, so the derivative of the loss with respect to any
# weight is a product of local derivatives along the path from that weight to $L$.
# Here: $\cos(2.25) \cdot 3 \approx -1.8845$.
# </details>

# %% [markdown]
# ## 5. Forward prediction and backpropagation in a multi-layer perceptron (core)
#
# **Forward**: $r_j = \sum_i x_i v_{ij}$, $u_j = g(r_j)$, $s = \sum_j u_j w_j$,
# $z = h(s)$, then the loss $L$. **Backward**: start from $\partial L/\partial s = z - y$
# (sigmoid output with binary cross-entropy) and apply the chain rule layer by layer
# back to every $w_j$ and $v_{ij}$.
#
# Backpropagation must agree with finite differences on every weight. For a small
# network on the AND data:

# %%
small = mlp.MLP([2, 3, 1], hidden="sigmoid", output="sigmoid", seed=1)
X_small, y_small = data.logic_gate("AND", labels="01")
error = mlp.gradient_check(small, X_small, y_small)
print(f"largest relative error between backprop and finite differences: {error:.1e}")
assert error < 1e-7

# %% [markdown]
# ### Check your answer
#
# The last layer by hand. Hidden outputs $u = [u_0, u_1, u_2] = [1, 0.5, 0.25]$
# ($u_0 = 1$ carries the bias), output weights $w = [0.1, -0.2, 0.4]$, a sigmoid output
# and binary cross-entropy with label $y = 1$. Compute the three numbers
# $\partial L / \partial w_j$.

# %%
u = np.array([1.0, 0.5, 0.25])
w_out = np.array([0.1, -0.2, 0.4])
dL_dw = ...
checks.check_last_layer_gradient(dL_dw)

# %% [markdown]
# <details><summary>Hint</summary>
#
# $s = \sum_j u_j w_j$, $z = 1/(1 + e^{-s})$, $\partial L/\partial s = z - y$, and
# $\partial L/\partial w_j = (\partial L/\partial s)\, u_j$.
# </details>
#
# <details><summary>Model answer</summary>
#
# Forward prediction feeds the input through the layers: weighted sums, then
# activations, up to the output $z$ and the loss. Backpropagation runs the chain rule
# backwards through the same quantities: $\partial L/\partial s = z - y$, then
# $\partial L/\partial w_j = \partial L/\partial s \cdot u_j$,
# $\partial L/\partial u_j = \partial L/\partial s \cdot w_j$,
# $\partial L/\partial r_j = \partial L/\partial u_j \cdot u_j(1 - u_j)$ and
# $\partial L/\partial v_{ij} = \partial L/\partial r_j \cdot x_i$. Every value it
# needs was stored on the forward pass, so one backward pass gives all gradients.
# Here $s = 0.1 - 0.1 + 0.1 = 0.1$, $z \approx 0.5250$, $z - y \approx -0.4750$ and
# `dL_dw = (1 / (1 + np.exp(-u @ w_out)) - 1) * u` $\approx [-0.4750, -0.2375, -0.1188]$.
# </details>

# %% [markdown]
# ## Summary (core)
#
# - Deep learning learns the features and the classifier together from raw input;
#   traditional machine learning classifies features that people designed.
# - Gradient descent moves the weights against the gradient of the loss, with a
#   learning rate that must be neither too small nor too large.
# - The perceptron's SGD updates on one mistake at a time and converges only on
#   linearly separable data.
# - The chain rule multiplies local derivatives along a composition.
# - An MLP predicts with a forward pass and gets every gradient from one backward pass.
#
# **Questions to think about**
#
# 1. Why does the loss for a network have to be differentiable, while the
#    perceptron's step or sign output does not stop its own training rule?
# 2. Where in backpropagation does the sigmoid's slope $u(1 - u)$ appear, and what
#    does that mean for inputs that were not standardised (notebook 07)?
# 3. What would a network need to classify the lecture's 200 bird species from
#    photographs rather than from measurements?
#
# **Next**: [09 · Deeper networks](09_deeper_networks.ipynb) (optional): what happens to the
# gradient on its way through many layers, and why ReLU. After that, the lecture continues
# with convolutional neural networks, networks built to learn features from images.
