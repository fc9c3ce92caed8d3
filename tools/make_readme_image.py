"""Draw the README's picture: the perceptron explorer mid-exercise, from the real code.

    python tools/make_readme_image.py        # writes docs/perceptron_explorer.png

Rerun it after changing the explorer so the README shows what learners will see.
"""

import pathlib

import matplotlib

matplotlib.use("Agg")

from helpers import widgets  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parents[1] / "docs" / "perceptron_explorer.png"


def main():
    explorer = widgets.perceptron_explorer("AND", w=(-0.8, 1.0, 0.45), canvas="agg")
    explorer.figure.savefig(OUT, dpi=100)
    print(f"wrote {OUT.relative_to(OUT.parents[1])} ({explorer.state['misclassified']} misclassified)")


if __name__ == "__main__":
    main()
