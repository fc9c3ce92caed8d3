"""How fast does ``helpers.mlp.MLP.fit`` train, next to a bare numpy loop and PyTorch?

The notebook's network, 2-16-1 with sigmoid hidden and output units, binary
cross-entropy, plain full-batch gradient descent (no momentum, no weight decay),
float64, trained on ``make_moons`` with 200 and 2,000 points by

* ``helpers.mlp.MLP.fit``, the code the notebooks call;
* a bare numpy loop: the same forward pass, backward pass and update written inline,
  with no argument checks, recording the same per-epoch loss and accuracy. It is the
  floor numpy allows; the script checks that its history equals ``fit``'s;
* a standard PyTorch CPU loop (``nn.Sequential``, ``BCEWithLogitsLoss``, ``optim.SGD``),
  which records no history.

Everything runs on one thread (``OMP_NUM_THREADS`` and ``OPENBLAS_NUM_THREADS`` are set
before numpy is imported, ``torch.set_num_threads(1)``). The machine may be shared, so
the three are timed in turns within each repeat (the order rotates) and the medians of
the repeats are compared: a busy moment slows all three alike.

Targets (issue 16): ``fit`` at most 1.5x the bare loop, and faster than PyTorch.

    pip install -r requirements-bench.txt
    python benchmarks/mlp_speed.py            # about half a minute
"""

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

from helpers.data import make_moons  # noqa: E402
from helpers.mlp import MLP  # noqa: E402

LR = 0.5
CASES = [(200, 200), (2000, 100)]  # (points, epochs per timed run)
TARGET_VS_NUMPY = 1.5


def fresh_model():
    return MLP([2, 16, 1], hidden="sigmoid", output="sigmoid", seed=0)


def run_helpers(X, y, epochs):
    model = fresh_model()
    start = time.perf_counter()
    history = model.fit(X, y, lr=LR, epochs=epochs)
    return time.perf_counter() - start, history


def run_numpy(X, y, epochs):
    """Full-batch gradient descent written inline: the floor for this network in numpy."""
    v, w = (p.copy() for p in fresh_model().params)
    n = X.shape[0]
    Y = y[:, None]
    losses, accuracies = [], []
    start = time.perf_counter()
    r = X @ v[1:] + v[0]
    u = 1.0 / (1.0 + np.exp(-r))
    s = u @ w[1:] + w[0]
    z = 1.0 / (1.0 + np.exp(-s))
    for _ in range(epochs):
        dL_ds = (z - Y) / n
        dL_dr = (dL_ds @ w[1:].T) * u * (1.0 - u)
        w[0] -= LR * dL_ds.sum(axis=0)
        w[1:] -= LR * (u.T @ dL_ds)
        v[0] -= LR * dL_dr.sum(axis=0)
        v[1:] -= LR * (X.T @ dL_dr)
        r = X @ v[1:] + v[0]
        u = 1.0 / (1.0 + np.exp(-r))
        s = u @ w[1:] + w[0]
        z = 1.0 / (1.0 + np.exp(-s))
        s0 = s[:, 0]
        losses.append(float(np.mean(np.maximum(s0, 0.0) - y * s0 + np.log1p(np.exp(-np.abs(s0))))))
        accuracies.append(float(np.mean((z[:, 0] >= 0.5) == y)))
    return time.perf_counter() - start, {"loss": losses, "accuracy": accuracies}


def run_torch(X, y, epochs):
    import torch

    torch.manual_seed(0)
    Xt = torch.tensor(X, dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.float64).reshape(-1, 1)
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Sigmoid(), torch.nn.Linear(16, 1)).double()
    loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    start = time.perf_counter()
    for _ in range(epochs):
        opt.zero_grad()
        loss = loss_fn(model(Xt), yt)
        loss.backward()
        opt.step()
    return time.perf_counter() - start, None


RUNNERS = {"helpers": run_helpers, "torch": run_torch, "numpy": run_numpy}


def check_same_history(X, y, epochs):
    """The bare loop must compute what fit computes, or the comparison means nothing."""
    _, h = run_helpers(X, y, epochs)
    _, b = run_numpy(X, y, epochs)
    np.testing.assert_allclose(h["loss"], b["loss"], rtol=1e-10)
    assert h["accuracy"] == b["accuracy"], "bare loop and fit disagree on accuracy"


def measure(repeats):
    """Median seconds per epoch for each runner and case, timed in rotating turns."""
    results = {}
    for n, epochs in CASES:
        X, y = make_moons(n, noise=0.2, seed=0)
        check_same_history(X, y, epochs)
        names = list(RUNNERS)
        for name in names:  # warm-up: imports, caches, first-call costs
            RUNNERS[name](X, y, max(1, epochs // 10))
        times = {name: [] for name in names}
        for k in range(repeats):
            for name in names[k % 3:] + names[:k % 3]:
                elapsed, _ = RUNNERS[name](X, y, epochs)
                times[name].append(elapsed / epochs)
        results[n] = {name: statistics.median(t) for name, t in times.items()}
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=21, help="timed runs per column (default 21)")
    args = parser.parse_args(argv)
    import torch

    torch.set_num_threads(1)
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, torch {torch.__version__}; 1 thread")
    print(f"2-16-1 sigmoid, BCE, full batch, lr={LR}, float64; median over {args.repeats} interleaved runs, "
          "microseconds per epoch\n")
    header = f"{'n':>5} | {'helpers':>8} {'torch':>8} {'numpy':>8} | {'helpers/numpy':>13} {'helpers/torch':>13}"
    print(header)
    print("-" * len(header))
    met = True
    for n, t in measure(args.repeats).items():
        vs_numpy, vs_torch = t["helpers"] / t["numpy"], t["helpers"] / t["torch"]
        met &= vs_numpy <= TARGET_VS_NUMPY and vs_torch < 1.0
        print(f"{n:>5} | {1e6 * t['helpers']:8.1f} {1e6 * t['torch']:8.1f} {1e6 * t['numpy']:8.1f} | "
              f"{vs_numpy:13.2f} {vs_torch:13.2f}")
    print(f"\ntargets (helpers/numpy <= {TARGET_VS_NUMPY}, helpers/torch < 1 at every n): "
          f"{'met' if met else 'NOT met'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
