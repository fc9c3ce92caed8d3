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

# %%
import numpy as np

import helpers
from helpers import checks, data, perceptron, widgets

# %% [markdown]
# ## From angry birds to real birds
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
# Here are three gulls described that way. Notice how much knowledge went into choosing the
# columns before any learning happened.

# %%
attributes = ["forehead_color", "head_pattern", "back_color", "wing_color", "size", "bill_shape", "wing_shape"]
birds = {
    "bird 1": ["black", "plain",  "white", "grey/white", "medium", "needle", "pointed"],
    "bird 2": ["black", "capped", "white", "grey",       "large",  "dagger", "tapered"],
    "bird 3": ["black", "plain",  "black", "white",      "medium", "dagger", "long"],
}
print(f"{'attribute':16}" + "".join(f"{name:>12}" for name in birds))
for i, attribute in enumerate(attributes):
    print(f"{attribute:16}" + "".join(f"{values[i]:>12}" for values in birds.values()))

# %% [markdown]
# Two of the three share a forehead colour, a head pattern and a size; what separates them is
# buried in a few columns. A classifier can only be as good as the columns it is given, and
# choosing them for 200 species is slow, expert work.

# %% [markdown]
# ## Deep learning: learn the features too
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
# adds them up, and decides. Here is one deciding, with weights we will meet again in the next
# notebook. The inputs are two yes/no features, written 0 or 1.

# %%
w = [-1.5, 1.0, 1.0]          # w0 (the bias), w1, w2
X, y = data.logic_gate("AND")
s = perceptron.weighted_sum(w, X)
for x, s_i in zip(X, s):
    print(f"x = ({x[0]:g}, {x[1]:g})   s = {s_i:+.1f}   decision: {'yes' if s_i >= 0 else 'no'}")

# %% [markdown]
# The unit says "yes" only when both features are 1. A network is thousands of these,
# wired in layers, with weights set by training instead of by hand. Notebooks 01 to 06 build
# that up from this single unit.

# %% [markdown]
# ## Why now?
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
# ## How to use this collection
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
# **Move sliders.** Explorers like the one below redraw as you drag. Try it now: drag `w0`
# to the left and watch the shaded region for "yes" shrink. The table beside the figure shows
# each point's weighted sum `s`.

# %%
explorer = widgets.perceptron_explorer("AND", w=(-1.5, 1.0, 1.0))
explorer

# %% [markdown]
# Every explorer keeps the numbers behind its picture in `explorer.state`, and its controls
# can be set from code too. These checks are how we (and you) know the picture tells the truth:

# %%
explorer.set(w0=-0.5)
print("misclassified:", explorer.state["misclassified"], "  s:", explorer.state["s"])
assert explorer.state["misclassified"] == 2   # (0,1) and (1,0) now say "yes" too
explorer.set(w0=-1.5)
assert explorer.state["accuracy"] == 1.0

# %% [markdown]
# **Read the code.** Nothing here is hidden in a framework. The notebooks call a small
# package, `helpers`, one module per idea; `helpers.perceptron`, `helpers.mlp` and the rest are
# short files you can open from the JupyterLab file browser (`helpers/` at the top of the
# collection), or print from a cell:

# %%
import inspect

print(inspect.getsource(perceptron.weighted_sum))
print("modules:", ", ".join(helpers.__all__))

# %% [markdown]
# ## Check your understanding
#
# Which sentence describes deep learning, as opposed to traditional machine learning?
#
# - **a** &nbsp; Deep learning needs no training data.
# - **b** &nbsp; A deep network learns the features from raw input as well as the classifier.
# - **c** &nbsp; Deep learning uses a step activation instead of a sigmoid.
# - **d** &nbsp; Traditional machine learning cannot use gradient descent.
#
# Put your letter between the quotes and run the cell.

# %%
answer = "b"
checks.check_deep_learning_difference(answer)

# %% [markdown]
# <details><summary>Why</summary>
#
# In traditional machine learning people engineer the features (like the bird attribute table)
# and the algorithm learns only the mapping from features to classes. A deep network starts
# from the raw input and learns its own features in its hidden layers. It needs *more* data,
# not less.
# </details>

# %% [markdown]
# ## Summary
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
