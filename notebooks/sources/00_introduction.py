# %% [markdown]
# # 00 · What deep learning is, and how to use these notebooks
#
# *Is that bird a Bomb or a Chuck?* A child answers in a blink. This collection builds, one
# line of numpy at a time, the kind of machine that learns to answer it too.
#
# **Learning goals**
#
# - Say what deep learning is: a model that learns its own features *and* the classifier on top.
# - Tell it apart from traditional machine learning, where people choose the features.
# - Name three reasons deep learning took off when it did.
# - Use the collection: run cells, move sliders, find the code behind every picture.
#
# **Before this:** nothing but some Python and numpy. Everything else is built here.
#
# **Time:** the core path takes about 15 minutes. Every section is marked *(core)* or
# *(optional)*; optional ones deepen a point and can wait for later.

# %%
import numpy as np

import helpers
from helpers import activations, checks, perceptron, widgets

# %% [markdown]
# ## From angry birds to real birds (core)
#
# Telling two cartoon birds apart is easy: one is round and black, the other is a yellow
# triangle. Real birds are harder. The Caltech-UCSD *Birds 200* data set (Welinder et al.,
# 2010) has 200 species, many of which differ in small details: a grackle, a bobolink, a
# waxwing, a cormorant, several warblers.
#
# The traditional recipe for such a problem has two stages, and people do the first one:
#
# 1. **Feature engineering.** Experts describe every bird with attributes they chose:
#    forehead colour, breast pattern, bill shape, wing shape, size, ...
# 2. **Classification.** A learning algorithm maps those attributes to a species.
#
# Here are three birds of the data set, described that way (the attributes the lecture
# shows). Notice how much knowledge went into choosing the columns before any learning
# happened.

# %%
attributes = ["forehead_color", "breast_pattern", "breast_color", "head_pattern", "back_color", "wing_color",
              "leg_color", "size", "bill_shape", "wing_shape", "primary_color"]
birds = {
    "bird 1": ["black", "solid", "white", "plain",  "white", "grey/white", "orange", "medium", "needle", "pointed", "white"],
    "bird 2": ["black", "solid", "white", "capped", "white", "grey",       "orange", "large",  "dagger", "tapered", "white"],
    "bird 3": ["black", "solid", "white", "plain",  "black", "white",      "orange", "medium", "dagger", "long",    "white"],
}
print(f"{'attribute':16}" + "".join(f"{name:>12}" for name in birds))
for i, attribute in enumerate(attributes):
    print(f"{attribute:16}" + "".join(f"{values[i]:>12}" for values in birds.values()))

same = [a for i, a in enumerate(attributes) if len({values[i] for values in birds.values()}) == 1]
print("\nthe same for all three:", ", ".join(same))

# %% [markdown]
# Five of the eleven columns are the same for all three birds, so they cannot tell them apart
# at all; what separates the birds is buried in the other six. A classifier can only be as
# good as the columns it is given, and choosing them for 200 species is slow, expert work.

# %%
assert len(same) == 5 and len(attributes) == 11

# %% [markdown]
# ## Deep learning: learn the features too (core)
#
# A deep neural network takes the raw input (the pixels of a photo, the samples of a sound)
# and learns **both** stages at once:
#
# > input &rarr; *feature learning + classification* &rarr; output
#
# It does so by stacking many layers of simple units. Each layer turns the previous layer's
# numbers into new ones; early layers come to detect edges and colours, later ones parts such
# as beaks and wings, and the last layer the species. Nobody writes those detectors: they are
# the values of the network's **weights**, found by training. "Deep" just means *many hidden
# layers*.
#
# The simplest unit of such a network is the perceptron: it multiplies each input by a weight,
# adds the products and a bias, and decides "yes" when the sum $s$ is at least 0. Here is one
# telling the two cartoon birds apart from two features between 0 and 1, how round a bird is
# ($x_1$) and how yellow ($x_2$): it says "Chuck" when $s = -0.2 - x_1 + x_2 \ge 0$.

# %%
w = [-0.2, -1.0, 1.0]                         # w0 (the bias), w1 (round), w2 (yellow)
X = np.array([[0.9, 0.1], [0.2, 0.9], [0.5, 0.6]])  # Bomb, Chuck, and a bird in between
s = perceptron.weighted_sum(w, X)
for name, x, s_i in zip(["Bomb", "Chuck", "in between"], X, s):
    print(f"{name:10}  x = ({x[0]:.1f}, {x[1]:.1f})   s = {s_i:+.1f}   says: {'Chuck' if s_i >= 0 else 'not Chuck'}")

# %% [markdown]
# The unit calls a bird Chuck only when it is more yellow than round by at least 0.2, so the
# bird in between is "not Chuck". Someone chose these weights by hand; a network is
# thousands of such units, wired in layers, with weights set by training instead. Notebooks
# 01 to 06 build that up from this single unit.

# %%
assert list(s >= 0) == [False, True, False]

# %% [markdown]
# ## Why now? (core)
#
# The ideas are decades old; three things changed in the 2010s:
#
# - **Large data sets.** Millions of labelled images, hours of transcribed speech.
# - **Powerful computing.** Graphics processors do the many multiply-and-adds of a network in parallel.
# - **Better algorithms.** Smarter weight initialisation, better optimisation schemes, and
#   activation functions such as ReLU (notebook 02) that let gradients flow through many layers.
#
# With them, networks grew deeper year after year and reached near-human results on image
# classification, speech recognition and handwriting transcription, and became part of
# autonomous driving.

# %% [markdown]
# ## How to use this collection (core)
#
# | notebook | idea |
# |---|---|
# | 00 | what deep learning is (this one) |
# | 01 | the perceptron: a weighted sum, step and sign, a straight-line boundary; why XOR fails |
# | 02 | activation functions: ReLU, sigmoid, tanh, softmax |
# | 03 | derivatives, gradients and gradient descent; learning rate, batches, epochs, SGD |
# | 04 | training the perceptron with SGD, step by step |
# | 05 | the chain rule |
# | 06 | the multi-layer perceptron: forward pass, cross-entropy, backpropagation |
# | 07 | real birds: classifying penguin species from their measurements |
# | 08 | review of the whole lecture |
#
# **Run** each notebook top to bottom (*Run &rarr; Run All Cells*); every number in it comes
# out the same each time, because every random choice takes a fixed seed.
#
# **Move sliders.** Explorers like the one below redraw as you drag. It shows a perceptron on
# four points with inputs 0 or 1; the shaded side of the line is where it says "yes". Try it
# now: drag `w0` to the left and watch the shaded region shrink. The table beside the figure
# shows each point's weighted sum `s`.

# %%
explorer = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0))
explorer

# %% [markdown]
# Every explorer keeps the numbers behind its picture in `explorer.state`, and its controls
# can be set from code too. The cell below does that on a second explorer that it does not
# show, so the one above stays where you left it. With `w0 = -0.5` every point's $s$ is
# negative: the "yes" region has slid out of the square. These checks are how we (and you)
# know the picture tells the truth:

# %%
shown = [getattr(control, "value", None) for control in explorer.controls.values()]
probe = widgets.perceptron_explorer("AND", w=(-0.1, 0.2, 0.0))
probe.set(w0=-0.5)
print("w0 = -0.5:  s =", probe.state["s"])
assert np.allclose(probe.state["s"], [-0.5, -0.5, -0.3, -0.3])   # w0 + 0.2 x1 at (0,0), (0,1), (1,0), (1,1)
assert np.all(probe.state["s"] < 0)
assert [getattr(control, "value", None) for control in explorer.controls.values()] == shown   # untouched

# %% [markdown]
# ## Read the code (optional)
#
# Nothing here is hidden in a framework. The notebooks call a small
# package, `helpers`, one module per idea; `helpers.activations`, `helpers.mlp` and the rest
# are short files you can open from the JupyterLab file browser (`helpers/` at the top of the
# collection), or print from a cell. Here is the sign function that notebook 01 uses:

# %%
import inspect

print(inspect.getsource(activations.sign))
print("modules:", ", ".join(helpers.__all__))

# %% [markdown]
# ## Check your understanding (core)
#
# Which sentence describes deep learning, as opposed to traditional machine learning?
#
# - **a** &nbsp; Deep learning needs no training data.
# - **b** &nbsp; A deep network learns the features from raw input as well as the classifier.
# - **c** &nbsp; Deep learning uses a step activation instead of a sigmoid.
# - **d** &nbsp; Traditional machine learning cannot use gradient descent.
#
# Replace the `...` with your letter in quotes, for example `"a"`, and run the cell.

# %%
answer = ...   # "a", "b", "c" or "d"
checks.check_deep_learning_difference(answer)

# %% [markdown]
# <details><summary>Answer</summary>
#
# **b**. In traditional machine learning people engineer the features (like the bird attribute table)
# and the algorithm learns only the mapping from features to classes. A deep network starts
# from the raw input and learns its own features in its hidden layers. It needs *more* data,
# not less.
# </details>

# %% [markdown]
# ## Summary (core)
#
# - Deep learning = **feature learning + classification** in one model, trained end to end
#   from raw input; traditional machine learning learns only the classifier on features chosen
#   by people.
# - A deep network stacks many layers of simple units; the simplest unit is the perceptron.
# - It took off with large data sets, fast parallel hardware and better algorithms.
# - Explorers redraw as you move their controls; `explorer.state` holds their numbers; the
#   code behind everything lives in `helpers/`.
#
# **Think about it**
#
# 1. What could go wrong if the people choosing bird attributes left out the one that tells two
#    species apart?
# 2. Why would a network that learns its own features need more examples than one given good
#    features?
#
# **Next:** [01 · The perceptron](01_perceptron.ipynb)
