# %% [markdown]
# # 07 · Real birds: telling penguin species apart
#
# The lecture opened with cartoon birds, then turned to real ones with a promise: for
# *real* birds, use the models you have now built. Here are 342 real penguins,
# measured in Antarctica. Can a perceptron, and then a small network, tell their
# species apart?
#
# **Learning goals**
#
# - Look at a real data set before modelling it, and read off which measurements
#   separate which species.
# - See the perceptron converge on a linearly separable pair of species and never
#   settle on a pair that is not.
# - Explain why features are standardised, and why only with the training set's statistics.
# - Define the cross-entropy loss for several classes and its gradient $z_k - y_k$.
# - Train a softmax MLP on three species, judge it on held-out birds (accuracy,
#   confusion matrix, decision regions) and look inside its hidden layer.
#
# **Before this notebook**: [01 · The perceptron](01_perceptron.ipynb),
# [04 · Perceptron SGD](04_perceptron_sgd.ipynb) and
# [06 · MLP and backpropagation](06_mlp_backprop.ipynb).
#
# **Time:** the core path takes about 30 minutes; the sections marked *(optional)* add about 15.

# %% [markdown]
# All the code this notebook leans on lives in the `helpers` package: `data` loads
# and splits the birds, `perceptron` and `mlp` train, `plots` and `widgets` draw,
# `checks` checks your answers.

# %%
import numpy as np
import matplotlib.pyplot as plt

from helpers import activations, checks, data, losses, mlp, perceptron, plots, widgets

# %% [markdown]
# ## 1. Meet the penguins (core)
#
# The Palmer penguins data (Gorman, Williams & Fraser, 2014; released under CC0) has
# four measurements per bird: bill length and bill depth (the bill's upper ridge, in
# mm), flipper length (mm) and body mass (g). Its data card, `data/README.md`, says
# where the file comes from, and the loader refuses the file if a single byte has
# changed. Two of the 344 birds were never measured; the loader drops them.

# %%
X, y, feature_names, class_names = data.load_penguins()
print("X:", X.shape, " features:", feature_names)
for k, name in enumerate(class_names):
    print(f"class {k} = {name:9s}: {np.sum(y == k):3d} birds")
assert len(y) == 342

# %% [markdown]
# Each row of `X` is one bird, `y` holds its species as a class id 0, 1 or 2. The
# first few birds:

# %%
for row, label in zip(X[:4], y[:4]):
    print(row, "->", class_names[label])

# %% [markdown]
# **Predict, then reveal.** Before looking: which single measurement would you use
# to pick out the Gentoo penguins? Is there one that tells Adelie from Chinstrap?
#
# Every pair of measurements, one panel each; species differ by colour *and* marker:

# %%
plots.plot_penguin_pairs(X, y, feature_names, class_names,
                         title="Every pair of measurements: where do the species overlap?")
plt.show()

# %% [markdown]
# ### Check your understanding: read the scatter plots (core)
#
# On bill depth and body mass (the bottom-middle panel), which pair of species can a
# straight line split completely: `"Adelie-Gentoo"` or `"Adelie-Chinstrap"`?

# %%
answer = ...  # "Adelie-Gentoo" or "Adelie-Chinstrap"
checks.check_separable_pair(answer)

# %% [markdown]
# <details><summary>Solution</summary>
#
# `"Adelie-Gentoo"`: Gentoo bills are shallower and Gentoo are heavier, and the gap
# between the two clouds runs diagonally, so a tilted line splits them. Adelie and
# Chinstrap share the same range of both measurements. You can confirm it with
# `perceptron.sgd` on those two columns, as in section 2.
# </details>
#
# What to notice:
#
# - **Gentoo** (squares) sit apart in every panel that uses bill depth: deep
#   bills are Adelie or Chinstrap, shallow bills are Gentoo. Gentoo are also the
#   heaviest birds with the longest flippers.
# - **Adelie and Chinstrap** pile on top of each other in flipper length, body mass
#   and bill depth. Only **bill length** pulls them apart: Chinstrap bills are longer.
#
# So "can a straight line split two species?" depends on which two species and on
# which two measurements. The cell checks these sentences on the numbers (the first with
# notebook 04's perceptron, which stops only when a line splits the pair); the next
# section puts the question to the perceptron in full.

# %%
def splits(columns, species):
    X_pair, y_pair, _, _ = data.load_penguins(columns, species=species)
    t_pair = np.where(y_pair == 1, 1.0, -1.0)
    return perceptron.sgd(data.standardize(X_pair)[0], t_pair, np.zeros(3), lr=0.1, epochs=200, rng=0)[1].converged


means = {name: X[y == k].mean(axis=0) for k, name in enumerate(class_names)}
assert all(splits([f, "bill_depth_mm"], ["Adelie", "Gentoo"]) for f in feature_names if f != "bill_depth_mm")
assert np.argmax([means[n][2] for n in class_names]) == np.argmax([means[n][3] for n in class_names]) == 2
assert means["Chinstrap"][0] > means["Adelie"][0] + 5          # bill length, mm

# %% [markdown]
# ## 2. A perceptron on two species (core)
#
# Take Adelie (label $-1$) and Gentoo (label $+1$), described by $x_1$ = bill depth
# and $x_2$ = flipper length. The weight sliders run from $-3$ to $3$, but flipper
# lengths are near 200, so the data is first rescaled to mean 0 and standard
# deviation 1 per measurement; section 4 says why this matters so much.

# %%
pair = ["bill_depth_mm", "flipper_length_mm"]
X_ag, y_ag, _, names_ag = data.load_penguins(pair, species=["Adelie", "Gentoo"])
X_ag, _, _ = data.standardize(X_ag)
t_ag = np.where(y_ag == 1, 1.0, -1.0)  # perceptron labels: Gentoo +1, Adelie -1
print(X_ag.shape, "labels:", np.unique(t_ag))
assert len(t_ag) == 274

# %% [markdown]
# **Predict, then reveal.** From the scatter plot above (bill depth against flipper
# length), do you expect weights that put *every* Adelie on one side and every Gentoo
# on the other?
#
# Then move $w_0, w_1, w_2$: can you get all 274 birds right? In the
# explorer Gentoo are class A ($y=+1$, orange triangles) and Adelie class B ($y=-1$,
# blue circles); the vector $w$ (arrow) points to the side the perceptron calls $+1$.

# %%
explorer_ag = widgets.perceptron_explorer(
    X=X_ag, y=t_ag, name="Adelie/Gentoo", w=(0.0, -1.0, 0.0),
    feature_names=(r"x_1\ \mathrm{bill\ depth\ (std.)}", r"x_2\ \mathrm{flipper\ (std.)}"),
)
explorer_ag

# %% [markdown]
# The starting weights $w = (0, -1, 0)$ encode "a shallow bill means Gentoo" and
# already get most birds right, but not all. The cell below reads what an explorer
# started with those weights computes, on a second explorer, so the one above stays
# where you left it.

# %%
probe = widgets.perceptron_explorer(X=X_ag, y=t_ag, name="Adelie/Gentoo", w=(0.0, -1.0, 0.0))
print(f"{probe.state['misclassified']} of {len(t_ag)} birds misclassified")
assert 0 < probe.state["misclassified"] < 0.1 * len(t_ag)

# %% [markdown]
# ### Check your understanding: a separating line
#
# Copy weights from the sliders that classify every bird correctly (or type your own)
# and run the check.

# %%
w_mine = ...  # e.g. [w0, w1, w2]
checks.check_separating_weights(w_mine, X_ag, t_ag)

# %% [markdown]
# <details><summary>Hint</summary>
#
# Start from $w = (0, -1, 0)$: the boundary is the vertical line $x_1 = 0$ and the
# misclassified birds sit near it. Give $x_2$ (flipper length) a positive weight to
# tilt the line.
# </details>
#
# <details><summary>Solution</summary>
#
# `w_mine = [0.0, -1.0, 1.0]` works: $s = -x_1 + x_2$ is positive for shallow bills
# with long flippers. Many other weights work too: a separable data set has
# infinitely many separating lines.
# </details>

# %% [markdown]
# Now let SGD find weights (notebook 04's algorithm, $\eta = 0.1$, starting from
# zero, visiting the birds in a shuffled order each epoch). It stops as soon as an
# epoch passes without a mistake.

# %%
w_ag, steps_ag = perceptron.sgd(X_ag, t_ag, w=np.zeros(3), lr=0.1, epochs=50, rng=0)
print("converged:", steps_ag.converged, "after", steps_ag.epochs_run, "epochs")
print("mistakes per epoch:", steps_ag.mistakes_per_epoch())
print("birds misclassified by the weights it found:", int(np.sum(perceptron.predict(w_ag, X_ag) != t_ag)))
assert steps_ag.converged and steps_ag.epochs_run <= 3
assert np.all(perceptron.predict(w_ag, X_ag) == t_ag)

# %% [markdown]
# ### Not every pair can be split (optional)
#
# Now Chinstrap (class A, $+1$, orange triangles) against Adelie (class B, $-1$, blue
# circles) on flipper length and body mass, where the scatter plot showed the two
# species overlapping. Try the sliders: how few mistakes can you get?

# %%
pair_ac = ["flipper_length_mm", "body_mass_g"]
X_ac, y_ac, _, _ = data.load_penguins(pair_ac, species=["Adelie", "Chinstrap"])
X_ac, _, _ = data.standardize(X_ac)
t_ac = np.where(y_ac == 1, 1.0, -1.0)
explorer_ac = widgets.perceptron_explorer(
    X=X_ac, y=t_ac, name="Adelie/Chinstrap", w=(-1.0, 1.0, 0.0),
    feature_names=(r"x_1\ \mathrm{flipper\ (std.)}", r"x_2\ \mathrm{body\ mass\ (std.)}"),
)
explorer_ac

# %%
probe_ac = widgets.perceptron_explorer(X=X_ac, y=t_ac, name="Adelie/Chinstrap", w=(-1.0, 1.0, 0.0))
print(f"at the start: {probe_ac.state['misclassified']} of {len(t_ac)} birds misclassified")
assert probe_ac.state["misclassified"] > 0

# %% [markdown]
# The lecture warned: on data that is not linearly separable, perceptron training
# "fails completely" instead of settling on a decent compromise. Run the same SGD
# for 50 epochs and count the mistakes in each epoch:

# %%
w_ac, steps_ac = perceptron.sgd(X_ac, t_ac, w=np.zeros(3), lr=0.1, epochs=50, rng=0)
mistakes_ac = steps_ac.mistakes_per_epoch()
print("converged:", steps_ac.converged)
print("mistakes per epoch, last 10:", mistakes_ac[-10:])
assert not steps_ac.converged and mistakes_ac.min() > 0

# %% [markdown]
# What to notice: Adelie/Gentoo stops after a few epochs with zero mistakes.
# Adelie/Chinstrap never gets there: every mistake drags the line somewhere else,
# and the weights after epoch 50 are simply wherever the last mistake left them.

# %%
fig, ax = plt.subplots(figsize=(5.8, 3.0), dpi=80, layout="constrained")
ax.plot(np.arange(1, len(mistakes_ac) + 1), mistakes_ac, **plots.series_style(0), ms=4,
        label="Adelie / Chinstrap (flipper, mass)")
ax.plot(np.arange(1, steps_ag.epochs_run + 1), steps_ag.mistakes_per_epoch(), **plots.series_style(1),
        ms=8, lw=2, mew=1.5, label="Adelie / Gentoo (bill depth, flipper)")
ax.annotate(f"0 mistakes in epoch {steps_ag.epochs_run}: done", (steps_ag.epochs_run, 0), xytext=(12, 18),
            textcoords="offset points", fontsize=8, arrowprops={"arrowstyle": "->", "lw": 0.8})
ax.set(xlabel="epoch", ylabel="mistakes (updates) in the epoch",
       title="Only the separable pair gets down to 0 mistakes")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# ## 3. A loss for three classes: cross-entropy (core)
#
# Section 4 trains a network whose last layer is a softmax: for each bird it outputs
# three probabilities $z_1, z_2, z_3$, one per species, summing to 1 (notebook 02). Binary
# cross-entropy (notebook 06) is for one probability; here is its version for $K$ classes.
#
# Write the true class as a **one-hot** vector $y$: a 1 for the true class and 0 for the
# others (a Chinstrap, class 1 of 0, 1, 2, is $y = (0, 1, 0)$). The **categorical
# cross-entropy** is
#
# $$L = -\sum_{k=1}^{K} y_k \log z_k ,$$
#
# and as only one $y_k$ is 1, it is simply $-\log$ of the probability the network gives the
# true class: near 0 when that probability is near 1, large when it is near 0.
#
# Its gradient with respect to the scores $s_k$ that go into the softmax is as simple as
# BCE's: with $\partial z_k / \partial s_j = z_k(\delta_{kj} - z_j)$ (where $\delta_{kj}$ is 1
# for $k = j$ and 0 otherwise),
#
# $$\frac{\partial L}{\partial s_j} = -\sum_k \frac{y_k}{z_k}\, z_k(\delta_{kj} - z_j)
#   = -y_j + z_j \sum_k y_k = z_j - y_j .$$
#
# Check it numerically, on three scores and a Chinstrap, to better than $10^{-7}$ as always:

# %%
def categorical_cross_entropy(scores, y_onehot):
    return -np.sum(y_onehot * np.log(activations.softmax(scores)))


scores, y_onehot = np.array([2.0, 1.0, 0.1]), np.array([0.0, 1.0, 0.0])
z3 = activations.softmax(scores)
h = 1e-6
numeric = np.array([(categorical_cross_entropy(scores + h * e, y_onehot)
                     - categorical_cross_entropy(scores - h * e, y_onehot)) / (2 * h) for e in np.eye(3)])
print("z =", z3.round(4), "  L =", round(categorical_cross_entropy(scores, y_onehot), 4))
print("z - y:             ", (z3 - y_onehot).round(6))
print("finite differences:", numeric.round(6))
assert np.max(np.abs(numeric - (z3 - y_onehot))) < 1e-7
assert np.isclose(categorical_cross_entropy(scores, y_onehot), losses.cross_entropy(z3, 1))

# %% [markdown]
# **With two classes it is binary cross-entropy.** Give the two classes the scores $s$ and
# $0$: softmax makes $z_1 = e^s / (e^s + 1) = \mathrm{sigmoid}(s)$ and $z_2 = 1 - z_1$, and
# with the one-hot target $(y, 1 - y)$ the sum is $-[y \log z_1 + (1 - y) \log(1 - z_1)]$:
# BCE with $z = \mathrm{sigmoid}(s)$. Even the gradients agree: $z_1 - y$.

# %%
for s_two, y_two in [(0.7, 1), (-1.3, 0), (2.5, 0)]:
    ce = categorical_cross_entropy(np.array([s_two, 0.0]), np.array([y_two, 1 - y_two]))
    bce = losses.binary_cross_entropy(activations.sigmoid(s_two), y_two)
    print(f"s = {s_two:+.1f}, y = {y_two}:  cross-entropy {ce:.6f}   BCE {bce:.6f}")
    assert abs(ce - bce) < 1e-12

# %% [markdown]
# `mlp.MLP(..., output="softmax")` trains with exactly this loss, averaged over the birds:
# the "mean cross-entropy" below.

# %% [markdown]
# ## 4. Why standardise, and with which statistics? (core)
#
# The four measurements live on very different scales:

# %%
for name, mean, std in zip(feature_names, X.mean(axis=0), X.std(axis=0)):
    print(f"{name:18s} mean {mean:8.1f}   std {std:6.1f}")

# %% [markdown]
# A neuron computes $r_j = \sum_i x_i v_{ij}$. With body mass near 4200, even a
# modest weight gives $|r_j|$ in the hundreds or thousands, where the sigmoid is flat: $u_j$ is 0 or 1
# and its slope $u_j(1-u_j)$ is 0, so backpropagation passes back almost nothing.
# Standardising puts every feature on the same footing: mean 0, standard deviation 1.
#
# First hold out a test set: a quarter of the birds, kept aside and never used for
# training. The split is stratified (each species keeps its share) and seeded.

# %%
X_train, X_test, y_train, y_test = data.train_test_split(X, y, test_size=0.25, seed=0)
print("train:", X_train.shape, np.bincount(y_train), " test:", X_test.shape, np.bincount(y_test))

# %% [markdown]
# The mean and standard deviation are measured **on the training birds only**, then
# applied unchanged to the test birds. The test set stands in for birds nobody has
# seen yet; letting its statistics shape training would make the test score look
# better than it will be on new birds. So the training set comes out with mean 0 and
# std 1 exactly, and the test set only approximately:

# %%
X_train_s, X_test_s, scaler = data.standardize(X_train, X_test)
print(scaler)
print("train mean", X_train_s.mean(axis=0).round(4), " std", X_train_s.std(axis=0).round(4))
print("test  mean", X_test_s.mean(axis=0).round(4), " std", X_test_s.std(axis=0).round(4))

# %% [markdown]
# ### Check your understanding: standardise the test set by hand
#
# Compute the standardised test set yourself with numpy (`X_train.mean(axis=0)`,
# `X_train.std(axis=0)`).

# %%
X_test_by_hand = ...
checks.check_test_standardization(X_test_by_hand, X_train, X_test)


# %% [markdown]
# <details><summary>Solution</summary>
#
# `X_test_by_hand = (X_test - X_train.mean(axis=0)) / X_train.std(axis=0)`.
# Using `X_test.mean(axis=0)` instead is the leak the checker looks for.
# </details>

# %% [markdown]
# **Predict, then reveal.** The same network (4 inputs, 4 sigmoid hidden units, 3
# softmax outputs, same seed, same learning rate) is trained twice: on the raw
# measurements and on the standardised ones. What accuracy on its own training birds
# do you expect from each?

# %%
def train_penguin_mlp(X_fit, y_fit):
    net = mlp.MLP([4, 4, 3], hidden="sigmoid", output="softmax", seed=0)
    history = net.fit(X_fit, y_fit, lr=0.1, epochs=100, batch_size=16, rng=0)
    return net, history


net_raw, _ = train_penguin_mlp(X_train, y_train)
net, history = train_penguin_mlp(X_train_s, y_train)
print(f"raw features:          training accuracy {net_raw.accuracy(X_train, y_train):.4f}")
print(f"standardised features: training accuracy {net.accuracy(X_train_s, y_train):.4f}")

# %% [markdown]
# On raw features the network learned nothing useful: it names every bird by the
# most common species, Adelie, so its accuracy is just Adelie's share of the birds.
# A look at the hidden layer shows why: compute
# $r_j = \sum_i x_i v_{ij}$ (with $x_0 = 1$, so row 0 of `v` is the bias) and
# $u_j = \mathrm{sigmoid}(r_j)$, then count the hidden outputs stuck at 0 or 1.

# %%
assert np.all(net_raw.predict(X_train) == 0) and np.all(net_raw.predict(X_test) == 0)
assert np.isclose(net_raw.accuracy(X_train, y_train), np.mean(y_train == 0))


def hidden_outputs(model, X_in):
    r = X_in @ model.v[1:] + model.v[0]
    return activations.sigmoid(r)


stuck_by = {}
for label, model, X_in in [("raw", net_raw, X_train), ("standardised", net, X_train_s)]:
    u = hidden_outputs(model, X_in)
    stuck = np.mean((u < 1e-6) | (u > 1 - 1e-6))
    print(f"{label:13s} hidden outputs stuck at 0 or 1: {stuck:.0%}")
    stuck_by[label] = stuck
assert stuck_by["raw"] > 0.9 and stuck_by["standardised"] < 0.1

# %% [markdown]
# With saturated units the slope $u_j(1 - u_j)$ is zero and so is every
# $\partial L / \partial v_{ij}$: gradient descent has nothing to follow.
# Standardised inputs keep $r_j$ near the sigmoid's steep middle.

# %% [markdown]
# ## 5. Three species with a softmax MLP (core)
#
# The network trained on standardised features, `net`, reads all four measurements
# and outputs three probabilities $z_k$ (softmax); the predicted species is the
# largest. Its loss, the mean cross-entropy of section 3, fell like this during
# training:

# %%
fig, ax = plt.subplots(figsize=(5.2, 3.0), dpi=80, layout="constrained")
ax.plot(history["epoch"], history["loss"], color=plots.style.INK)
ax.set(xlabel="epoch", ylabel="mean cross-entropy $L$ (training)",
       title="The training loss falls fast, then levels off")
plt.show()
P_train = net.predict_proba(X_train_s)
assert np.isclose(net.loss(X_train_s, y_train), -np.mean(np.log(P_train[np.arange(len(y_train)), y_train])))
loss_curve = np.array(history["loss"])
assert loss_curve[0] - loss_curve[9] > 5 * (loss_curve[49] - loss_curve[99]) > 0

# %% [markdown]
# The honest score is on the test birds it never trained on. Its predictions:

# %%
y_pred = net.predict(X_test_s)
print(f"{len(y_test)} test birds; the first ten predicted {y_pred[:10]}, true {y_test[:10]}")

# %% [markdown]
# ### Check your understanding: accuracy (core)
#
# Compute the test accuracy yourself from `y_pred` and `y_test`, as a fraction.

# %%
accuracy = ...
checks.check_accuracy(accuracy, y_test, y_pred)

# %% [markdown]
# <details><summary>Solution</summary>
#
# `accuracy = np.mean(y_pred == y_test)`: the comparison gives True/False per bird,
# and the mean of booleans is the fraction of True.
# </details>
#
# The reveal:

# %%
n_right = int(np.sum(y_pred == y_test))
print(f"test accuracy: {n_right / len(y_test):.4f} ({n_right} of {len(y_test)} birds)")
assert len(y_test) == 86 and n_right >= 80

# %% [markdown]
# ### The confusion matrix (optional)
#
# Accuracy hides *which* birds go wrong. A confusion matrix counts, for each true
# species (row), how the birds were predicted (column); correct predictions sit on
# the diagonal. Build it: `cm[t, p]` is the number of test birds of true species `t`
# predicted as `p`.

# %%
cm = ...   # a (3, 3) array of counts
checks.check_confusion_matrix(cm, y_test, y_pred, n_classes=3)

# %% [markdown]
# <details><summary>Solution</summary>
#
# ```python
# cm = np.zeros((3, 3), dtype=int)
# for true_k, pred_k in zip(y_test, y_pred):
#     cm[true_k, pred_k] += 1
# ```
# </details>
#
# The reveal:

# %%
cm = np.zeros((3, 3), dtype=int)
for true_k, pred_k in zip(y_test, y_pred):
    cm[true_k, pred_k] += 1
print(cm)

# %%
fig, ax = plt.subplots(figsize=(3.9, 3.4), dpi=80, layout="constrained")
plots.plot_confusion_matrix(cm, class_names, ax=ax,
                            title="86 test birds: the few mistakes\nconfuse Adelie and Chinstrap")
plt.show()

# %% [markdown]
# What to notice: every Gentoo is right. The few mistakes are between Adelie and
# Chinstrap, the pair that overlapped in section 1.

# %%
assert cm[2, 2] == cm[2].sum() == cm[:, 2].sum(), "no Gentoo confusions"
assert cm.sum() - np.trace(cm) == cm[0, 1] + cm[1, 0] > 0

# %% [markdown]
# ### Decision regions in two measurements (optional)
#
# Four measurements cannot be drawn in a plane, so train a second network on just
# two: bill length and bill depth. The shading is the species it would predict at
# every point (in mm, after the same standardisation), the points are the test birds.

# %%
cols = [0, 1]  # bill length, bill depth
X2_train_s, X2_test_s, scaler2 = data.standardize(X_train[:, cols], X_test[:, cols])
net2 = mlp.MLP([2, 3, 3], hidden="sigmoid", output="softmax", seed=0)
net2.fit(X2_train_s, y_train, lr=0.1, epochs=200, batch_size=16, rng=0)
print(f"two measurements: test accuracy {net2.accuracy(X2_test_s, y_test):.4f}")

# %%
fig, ax = plt.subplots(figsize=(4.8, 3.9), dpi=80, layout="constrained")
plots.plot_class_regions(lambda P: net2.predict(scaler2.apply(P)), X_test[:, cols], y_test,
                         [feature_names[c] for c in cols], class_names, ax=ax,
                         title="Three regions with bent borders")
plt.show()

# %% [markdown]
# What to notice: one perceptron draws one straight line; the hidden layer lets the
# network combine several lines into three regions. Bill length splits Adelie from
# Chinstrap, bill depth splits both from Gentoo. The cell checks that at a few points
# (bill length, bill depth in mm): short and deep is Adelie, long and deep Chinstrap,
# shallow Gentoo.

# %%
points = np.array([[38.0, 18.0], [40.0, 18.5], [50.0, 18.5], [52.0, 19.5], [45.0, 15.0], [47.0, 14.5]])
print(net2.predict(scaler2.apply(points)))
assert net2.predict(scaler2.apply(points)).tolist() == [0, 0, 1, 1, 2, 2]

# %% [markdown]
# ## 6. What did the hidden layer learn? (optional)
#
# Left: the weights $v_{ij}$ from each (standardised) input and the bias to each
# hidden unit $u_j$, in the weight colours of notebook 06 (pink negative, green positive;
# the colour bar gives the scale). Right: each test
# bird's hidden outputs $u_j$, one row per bird, grouped by species.

# %%
fig, (ax_v, ax_u) = plt.subplots(1, 2, figsize=(8.4, 3.6), dpi=80, layout="constrained",
                                 width_ratios=[1.2, 1])
plots.plot_weight_matrix(net.v, ["bias $x_0$"] + [plots.feature_label(f).split(" (")[0] for f in feature_names],
                         [f"$u_{j}$" for j in range(1, 5)], ax=ax_v, title="Weights $v_{ij}$ into the hidden units")
plots.plot_hidden_activations(hidden_outputs(net, X_test_s), y_test, class_names, ax=ax_u,
                              title="Hidden outputs $u_j$ of the test birds")
plt.show()

# %% [markdown]
# The average hidden output per species makes the pattern readable:

# %%
u_test = hidden_outputs(net, X_test_s)
u_mean = np.array([u_test[y_test == k].mean(axis=0) for k in range(3)])
for name, row in zip(class_names, u_mean):
    print(f"{name:9s}", "  ".join(f"u{j + 1}={v:.2f}" for j, v in enumerate(row)))

# %% [markdown]
# The network was never told about "bill length" or "Gentoo", yet its hidden units
# became species detectors built from the measurements:
#
# - Gentoo switch **every** hidden unit off (all $u_j$ near 0): the shallow bill and
#   long flipper push every $r_j$ negative.
# - One unit is **on** for Chinstrap and off for Adelie, and another the other way
#   round: their largest input weight is on bill length, the one measurement that
#   splits that pair.
#
# The output layer then only has to combine these codes. The cell below checks those
# claims against the numbers, so they stay true if anything changes.

# %%
assert np.all(u_mean[2] < 0.15), "Gentoo: every hidden unit off"
chinstrap_minus_adelie = u_mean[1] - u_mean[0]
assert chinstrap_minus_adelie.max() > 0.5 and chinstrap_minus_adelie.min() < -0.5
for j in np.flatnonzero(np.abs(chinstrap_minus_adelie) > 0.5):
    assert np.argmax(np.abs(net.v[1:, j])) == feature_names.index("bill_length_mm")
print("claims hold")

# %% [markdown]
# ## 7. Honest limits (optional)
#
# **Small data.** With 86 test birds, one bird is worth more than one percentage
# point of accuracy ($1/86 = 1.2\,\%$). Another random split of the same birds gives
# another score:

# %%
scores = []
for split_seed in range(5):
    Xa, Xb, ya, yb = data.train_test_split(X, y, test_size=0.25, seed=split_seed)
    Xa_s, Xb_s, _ = data.standardize(Xa, Xb)
    scores.append(train_penguin_mlp(Xa_s, ya)[0].accuracy(Xb_s, yb))
print("test accuracy over 5 splits:", np.round(scores, 4))
print(f"mean {np.mean(scores):.4f}, spread {np.min(scores):.4f} to {np.max(scores):.4f}")
assert round(1 / 86, 3) == 0.012 and np.max(scores) > np.min(scores)

# %% [markdown]
# So the test score in section 5 is one draw, not a property of the model; quote a range, or use
# cross-validation, when data is this small.
#
# **A closed world.** Softmax always spreads probability over the three species it
# knows. Show it a bird that is nothing like a Palmer penguin (an invented bird, far
# bigger than any in the data) and it still answers with confidence:

# %%
strange_bird = np.array([[80.0, 12.0, 330.0, 30000.0]])  # mm, mm, mm, g: made up
probabilities = net.predict_proba(scaler.apply(strange_bird))[0]
print({name: round(float(p), 4) for name, p in zip(class_names, probabilities)})
assert probabilities.max() > 0.9

# %% [markdown]
# **Features chosen by people.** Every input here was picked and measured by a
# biologist with callipers and a scale. The network learned how to *combine* them,
# which is close to traditional machine learning: a person designs the features, a
# model classifies them. The lecture's real-bird images (200 species, photographs)
# are where deep learning earns its name: a deep network takes the raw pixels and
# learns the features itself, feature learning and classification in one model. That
# needs far more data and many more layers, and it is where the next lecture, on
# convolutional networks, begins.

# %% [markdown]
# ## Summary (core)
#
# - Looking first pays: the scatter plots showed Gentoo separate on bill depth and
#   Adelie/Chinstrap split only by bill length.
# - The perceptron found a separating line for Adelie/Gentoo within a few epochs, and
#   never stopped making mistakes on the overlapping Adelie/Chinstrap pair.
# - Categorical cross-entropy $-\sum_k y_k \log z_k$ with one-hot targets is the loss of a
#   softmax output; its gradient is $z_k - y_k$, and for two classes it is BCE.
# - Standardising with the training statistics alone turned a network stuck at the
#   majority class into one that gets nearly every unseen bird right.
# - A softmax MLP with four hidden units separated three species; its mistakes were
#   Adelie/Chinstrap, and its hidden units turned into species detectors.
# - The limits: a small test set, a closed set of species, and features chosen by
#   people rather than learned.
#
# **Questions to think about**
#
# 1. Why would a network trained on all 342 birds and scored on the same birds look
#    better than the 86-bird test score? By how much might it?
# 2. Which single extra measurement would you collect to separate Adelie from
#    Chinstrap better, and how would you check that it helps?
# 3. If you standardised with the mean and std of *all* birds before splitting, would
#    the test accuracy go up or down? Why is it still wrong?
#
# **Next**: [08 · Review](08_review.ipynb) asks the lecture's summary questions and
# points you back to the notebook that answers each.
