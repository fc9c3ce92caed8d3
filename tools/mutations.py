"""Break the math modules on purpose, one small change at a time, and check a test notices.

Each mutation is a realistic slip (a constant, an inequality, a forgotten seed). It is
applied to a copy of the repository in a temporary folder, the named tests and the
module's doctests run there, and the mutation counts as caught when they fail.

    python tools/mutations.py            # all of them, about two minutes
    python tools/mutations.py -k EPS     # those whose name contains "EPS"

Exit status 1 when a mutation survives.
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (name, file, text to replace, replacement, tests to run)
MUTATIONS = [
    # -- the ones issue 15 found surviving ---------------------------------------------------
    ("losses.EPS 1e-12 -> 1e-7", "helpers/losses.py", "EPS = 1e-12", "EPS = 1e-7", ["tests/test_losses.py"]),
    ("log1p(exp(-|s|)) -> log(1 + exp(-|s|))", "helpers/losses.py",
     "np.log1p(np.exp(-np.abs(s)))", "np.log(1.0 + np.exp(-np.abs(s)))", ["tests/test_losses.py"]),
    ("BOUNDARY_RTOL 1e-9 -> 1e-2", "helpers/perceptron.py", "BOUNDARY_RTOL = 1e-9", "BOUNDARY_RTOL = 1e-2",
     ["tests/test_perceptron.py", "tests/test_perceptron_sgd.py"]),
    ("MLP.fit shuffles with an unseeded generator", "helpers/mlp.py",
     "self._shuffle_rng = np.random.default_rng(self.seed)", "self._shuffle_rng = np.random.default_rng()",
     ["tests/test_mlp.py"]),
    ("make_blobs returns its classes unshuffled", "helpers/data.py",
     "y01 = rng.permutation(np.arange(n) >= n // 2).astype(float)", "y01 = (np.arange(n) >= n // 2).astype(float)",
     ["tests/test_data_blobs.py"]),
    ("plots without ax= draw on a new figure, not the current axes", "helpers/plots/_style.py",
     "        return plt.gca()", "        return plt.figure(figsize=figsize).add_subplot()",
     ["tests/test_plots_boundary.py"]),
    # -- more, across the math modules --------------------------------------------------------
    ("sign(0) = -1", "helpers/activations.py", "np.where(s >= 0, 1.0, -1.0)",
     "np.where(s > 0, 1.0, -1.0)", ["tests/test_activations.py"]),
    ("sigmoid in the naive form 1 / (1 + e^-s)", "helpers/activations.py",
     "    out = np.where(s >= 0, 1.0 / (1.0 + e), e / (1.0 + e))", "    out = 1.0 / (1.0 + np.exp(-s))",
     ["tests/test_activations.py"]),
    ("softmax without the max shift", "helpers/activations.py",
     "        shifted = s - np.max(s, axis=axis, keepdims=True)", "        shifted = s",
     ["tests/test_activations.py"]),
    ("NaN passes where inf is allowed", "helpers/_validate.py",
     "        if nan.any() and not allow_nan:", "        if nan.any() and not (allow_nan or not finite):",
     ["tests/test_activations.py", "tests/test_bad_inputs.py"]),
    ("0/1 labels pass as perceptron labels", "helpers/_validate.py",
     "    bad = (y != -1.0) & (y != 1.0)\n", "    bad = (y != -1.0) & (y != 1.0) & (y != 0.0)\n",
     ["tests/test_perceptron.py", "tests/test_losses.py"]),
    ("a negative seed reaches numpy", "helpers/_validate.py", "    if chosen < 0:", "    if chosen < -1:",
     ["tests/test_data_toy.py"]),
    ("the boundary counts as right in training", "helpers/perceptron.py",
     "    if s * y > 0 and not _near_zero(s, w, x):", "    if s * y >= 0:",
     ["tests/test_perceptron_sgd.py"]),
    ("sgd stops rounding its weights", "helpers/perceptron.py",
     "    snap = digits if digits <= SNAP_DIGITS else None", "    snap = None", ["tests/test_perceptron_sgd.py"]),
    ("sgd shuffles once instead of every epoch", "helpers/perceptron.py",
     "        if shuffle is not None:\n            visit = shuffle.permutation(visit)",
     "        if shuffle is not None and epoch == 1:\n            visit = shuffle.permutation(visit)",
     ["tests/test_perceptron_sgd.py"]),
    ("divergence judged absolutely again", "helpers/mlp.py",
     "limit = DIVERGENCE_FACTOR * max(self._mean_loss(s, y), np.log(max(Y.shape[1], 2)))",
     "limit = DIVERGENCE_FACTOR * np.log(max(Y.shape[1], 2))", ["tests/test_mlp.py"]),
    ("history records the loss before the step", "helpers/mlp.py",
     "                us, s, z = self._forward(X)\n                loss = self._mean_loss(s, y)",
     "                loss = self._mean_loss(s, y)\n                us, s, z = self._forward(X)",
     ["tests/test_mlp.py"]),
    ("tanh slope 1 - u instead of 1 - u^2", "helpers/mlp.py", "    slope = u * u\n", "    slope = u * 1.0\n",
     ["tests/test_mlp.py"]),
    ("gradient_check divides by h instead of 2h", "helpers/mlp.py", "numeric[index] = (up - down) / (2 * h)",
     "numeric[index] = (up - down) / h", ["tests/test_mlp.py"]),
    ("one-sided difference in numerical_derivative", "helpers/optim.py",
     '(_returned(f(x + h), "f(x + h)") - _returned(f(x - h), "f(x - h)")) / (2.0 * h)',
     '(_returned(f(x + h), "f(x + h)") - _returned(f(x), "f(x - h)")) / h', ["tests/test_optim.py"]),
    ("minibatches drops the last, short batch", "helpers/optim.py",
     "for start in range(0, n, batch_size)]", "for start in range(0, n - batch_size + 1, batch_size)]",
     ["tests/test_optim.py"]),
    ("train_test_split ignores stratify", "helpers/data.py", "    if stratify:\n", "    if False:\n",
     ["tests/test_data_penguins.py"]),
    ("standardize with the sample std (ddof=1)", "helpers/data.py", "std = X_train.std(axis=0)",
     "std = X_train.std(axis=0, ddof=1)", ["tests/test_data_penguins.py"]),
    ("Value * swaps its local derivatives", "helpers/autodiff.py", "_local_grads=(other.data, self.data)",
     "_local_grads=(self.data, other.data)", ["tests/test_autodiff.py"]),
    ("gradient_descent stops only beyond limit+1", "helpers/optim.py",
     "(limit is not None and np.max(np.abs(x)) > limit)", "(limit is not None and np.max(np.abs(x)) > limit + 1)",
     ["tests/test_optim.py"]),
    ("toy sets skip the noise draw when noise = 0", "helpers/data.py",
     "    X = X + noise * rng.normal(size=X.shape)", "    X = X + noise * rng.normal(size=X.shape) if noise else X",
     ["tests/test_data_toy.py"]),
    ("split without the largest-remainder top-up", "helpers/data.py",
     "    take[order[: n_test - take.sum()]] += 1\n", "\n", ["tests/test_data_penguins.py"]),
    ("a constant feature divides by std 0", "helpers/data.py", "np.where(std > 0, std, 1.0)", "std",
     ["tests/test_data_penguins.py"]),
    ("test_size fraction floored instead of rounded", "helpers/data.py", "n_test = int(round(fraction * n))",
     "n_test = int(fraction * n)", ["tests/test_data_penguins.py"]),
    ("sgd keeps going after an epoch without mistakes", "helpers/perceptron.py",
     "            steps.converged = True\n            break", "            steps.converged = True",
     ["tests/test_perceptron_sgd.py"]),
    ("MLP.predict calls z = 0.5 class 0", "helpers/mlp.py", "return (z >= 0.5).astype(int)",
     "return (z > 0.5).astype(int)", ["tests/test_mlp.py"]),
    ("DIVERGENCE_FACTOR 50 -> 5", "helpers/mlp.py", "DIVERGENCE_FACTOR = 50.0", "DIVERGENCE_FACTOR = 5.0",
     ["tests/test_mlp.py"]),
    ("backward() keeps the old grads", "helpers/autodiff.py", "            node.grad = 0.0\n", "            pass\n",
     ["tests/test_autodiff.py"]),
    ("sgd's exact digits ignore X's decimals", "helpers/perceptron.py",
     "digits = max(_decimals(w), _decimals([lr]) + _decimals(X))", "digits = max(_decimals(w), _decimals([lr]))",
     ["tests/test_perceptron_sgd.py"]),
    ("a Value overflow becomes inf silently", "helpers/autodiff.py", "            raise _too_large(_op, _parents)",
     "            pass", ["tests/test_autodiff.py", "tests/test_bad_inputs.py"]),
    ("cross-entropy clips with 1e-7", "helpers/losses.py",
     "out = -np.log(np.maximum(p[np.arange(p.shape[0]), y], EPS))",
     "out = -np.log(np.maximum(p[np.arange(p.shape[0]), y], 1e-7))", ["tests/test_losses.py"]),
    # -- issue 13: the hidden space, backprop step by step, gradients that vanish -------------------
    ("backprop_trace: dL/dr times u instead of g'(r)", "helpers/mlp.py",
     "    dL_dr = dL_du * activations.ACTIVATIONS[model.hidden].grad(r)", "    dL_dr = dL_du * u",
     ["tests/test_widgets_backprop.py"]),
    ("backprop stepper shows one step ahead", "helpers/widgets/backprop.py",
     "        shown = {s.name: s.value for s in self.steps[:k]}", "        shown = {s.name: s.value for s in self.steps[:k + 1]}",
     ["tests/test_widgets_backprop.py"]),
    ("backprop steps: '=' judged at three decimals", "helpers/plots/backprop.py",
     "    exact = by_hand.quantize(Decimal(1).scaleb(-DIGITS)) == _dec(shown)",
     "    exact = by_hand.quantize(Decimal(1).scaleb(-3)) == _dec(shown).quantize(Decimal(1).scaleb(-3))",
     ["tests/test_widgets_backprop.py"]),
    ("morph runs from u to x", "helpers/plots/hidden.py",
     "    return (1.0 - t) * points + t * np.asarray(hidden, dtype=float)",
     "    return t * points + (1.0 - t) * np.asarray(hidden, dtype=float)", ["tests/test_widgets_hidden_space.py"]),
    ("hidden_separable when any point is on its side", "helpers/widgets/hidden_space.py",
     "separable = bool(np.all((s >= 0) == (self.y == 1)))", "separable = bool(np.any((s >= 0) == (self.y == 1)))",
     ["tests/test_widgets_hidden_space.py"]),
    ("hidden space trains XOR with lr 2.5, not 06's 2", "helpers/widgets/hidden_space.py",
     'TRAINING = {"XOR": (2.0, 1, 10),', 'TRAINING = {"XOR": (2.5, 1, 10),', ["tests/test_widgets_hidden_space.py"]),
    ("Reset keeps the trained run", "helpers/widgets/_training.py", "        self._restart()\n        self.refresh()",
     "        self.refresh()", ["tests/test_widgets_hidden_space.py", "tests/test_widgets_gradient_flow.py"]),
    ("grad_norms output side first", "helpers/widgets/gradient_flow.py",
     "    return [float(np.linalg.norm(g)) for g in model.backward(X, y)]",
     "    return [float(np.linalg.norm(g)) for g in model.backward(X, y)][::-1]", ["tests/test_widgets_gradient_flow.py"]),
    ("grad_norms without the bias row", "helpers/widgets/gradient_flow.py",
     "    return [float(np.linalg.norm(g)) for g in model.backward(X, y)]",
     "    return [float(np.linalg.norm(g[1:])) for g in model.backward(X, y)]", ["tests/test_widgets_gradient_flow.py"]),
    ("gradient bars drawn in reverse", "helpers/plots/gradients.py",
     "                bar.set_height(max(norms[k], FLOOR) - FLOOR)",
     "                bar.set_height(max(norms[-1 - k], FLOOR) - FLOOR)", ["tests/test_widgets_artists.py"]),
    ("tower checker: every slope 1/4", "helpers/checks.py", "    return us, [u * (1.0 - u) for u in us]",
     "    return us, [0.25 for u in us]", ["tests/test_checks_answers.py"]),
]

COPIED = ["helpers", "tests", "data", "pyproject.toml", "notebooks"]


def run(name, path, old, new, tests, workdir):
    target = workdir / path
    original = target.read_text()
    if original.count(old) != 1:
        return f"NOT APPLIED (text found {original.count(old)} times)"
    target.write_text(original.replace(old, new))
    try:
        module = [path] if path.startswith("helpers/") and not path.startswith("helpers/plots") else []
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-p", "no:nbval",
             "-o", "addopts=--doctest-modules", *tests, *module],
            cwd=workdir, capture_output=True, text=True, env={"PYTHONPATH": str(workdir), "MPLBACKEND": "Agg",
                                                              "PATH": "/usr/bin:/bin", "HOME": str(workdir)})
    finally:
        target.write_text(original)
    if result.returncode == 0:
        return "SURVIVED"
    failed = [line.split(" ")[1] for line in result.stdout.splitlines() if line.startswith("FAILED")]
    return "caught by " + (failed[0] if failed else result.stdout.strip().splitlines()[-1])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="only mutations whose name contains this")
    args = parser.parse_args(argv)
    survived = 0
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for item in COPIED:
            source = ROOT / item
            (shutil.copytree if source.is_dir() else shutil.copy)(source, workdir / item)
        for name, path, old, new, tests in MUTATIONS:
            if args.k not in name:
                continue
            outcome = run(name, path, old, new, tests, workdir)
            survived += not outcome.startswith("caught")
            print(f"{name:48} {outcome}", flush=True)
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main())
