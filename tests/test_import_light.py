"""``import helpers`` and its math modules stay light: no matplotlib, no ipywidgets."""

import subprocess
import sys


def test_math_modules_do_not_load_drawing_or_widget_libraries():
    code = (
        "import sys, helpers\n"
        "from helpers import activations, losses, perceptron, optim, autodiff, mlp, data, checks\n"
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'ipympl') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

