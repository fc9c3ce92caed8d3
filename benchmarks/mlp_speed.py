"""How fast is helpers.mlp compared with scikit-learn and PyTorch on the notebook's network?

The same network (2-16-1, sigmoid hidden and output, binary cross-entropy, plain SGD
without momentum or weight decay, float64) is trained for the same number of epochs
on the same data by

* ``helpers.mlp.MLP.fit`` (numpy, the code the notebook shows),
* ``sklearn.neural_network.MLPClassifier(solver="sgd")``,
* a standard PyTorch CPU loop (``nn.Sequential``, ``BCEWithLogitsLoss``, ``optim.SGD``),

full-batch and with minibatches of 32, on 200 and 2,000 points (``make_moons``).
Each timing is repeated; the median time per epoch and the p95 are printed, and the
ratio helpers / other (below 1.0: helpers.mlp is faster).

Note on fairness: helpers.mlp also evaluates the loss and accuracy on the whole
training set after every epoch (its history); the PyTorch loop does not, and
scikit-learn sums the minibatch losses it already has. So helpers.mlp does a little
more work per epoch than the others.

    pip install -r requirements-bench.txt
    python benchmarks/mlp_speed.py            # about a minute
"""

import statistics
import sys
import time
import warnings

import numpy as np

from helpers.data import make_moons
from helpers.mlp import MLP

LR = 0.5
REPEATS = 7
CASES = [  # (points, batch size or None for full batch, epochs)
    (200, None, 200),
    (200, 32, 50),
    (2000, None, 100),
    (2000, 32, 10),
]


def time_helpers(X, y, batch, epochs):
    model = MLP([2, 16, 1], hidden="sigmoid", output="sigmoid", seed=0)
    start = time.perf_counter()
    model.fit(X, y, lr=LR, epochs=epochs, batch_size=batch, rng=0)
    return time.perf_counter() - start


def time_sklearn(X, y, batch, epochs):
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    model = MLPClassifier(
        hidden_layer_sizes=(16,), activation="logistic", solver="sgd", learning_rate="constant",
        learning_rate_init=LR, momentum=0.0, nesterovs_momentum=False, alpha=0.0,
        batch_size=len(X) if batch is None else batch, max_iter=epochs, shuffle=True,
        tol=0.0, n_iter_no_change=epochs + 1, early_stopping=False, random_state=0,
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        start = time.perf_counter()
        model.fit(X, y)
        elapsed = time.perf_counter() - start
    assert model.n_iter_ == epochs, "scikit-learn stopped early; the comparison would be unfair"
    return elapsed


def time_torch(X, y, batch, epochs):
    import torch

    torch.manual_seed(0)
    Xt = torch.tensor(X, dtype=torch.float64)
    yt = torch.tensor(y, dtype=torch.float64).reshape(-1, 1)
    model = torch.nn.Sequential(torch.nn.Linear(2, 16), torch.nn.Sigmoid(), torch.nn.Linear(16, 1)).double()
    loss_fn = torch.nn.BCEWithLogitsLoss()
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    n = len(X)
    size = n if batch is None else batch
    start = time.perf_counter()
    for _ in range(epochs):
        order = torch.randperm(n) if size < n else torch.arange(n)
        for i in range(0, n, size):
            idx = order[i:i + size]
            opt.zero_grad()
            loss = loss_fn(model(Xt[idx]), yt[idx])
            loss.backward()
            opt.step()
    return time.perf_counter() - start


def per_epoch(timer, X, y, batch, epochs):
    timer(X, y, batch, max(1, epochs // 10))  # warm-up: imports, caches, first-call costs
    times = sorted(timer(X, y, batch, epochs) / epochs for _ in range(REPEATS))
    return statistics.median(times), times[int(round(0.95 * (len(times) - 1)))]


def main():
    import sklearn
    import torch

    torch.set_num_threads(1)  # small matrices: threads only add overhead on a shared 2-core machine
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, scikit-learn {sklearn.__version__}, "
          f"torch {torch.__version__} (threads: 1)")
    print(f"2-16-1 sigmoid, BCE, SGD lr={LR}, float64; median (p95) over {REPEATS} runs, ms per epoch\n")
    header = f"{'points':>6} {'batch':>6} {'epochs':>6} | {'helpers':>15} {'sklearn':>15} {'torch':>15} | {'h/sk':>5} {'h/torch':>7}"
    print(header)
    print("-" * len(header))
    for n, batch, epochs in CASES:
        X, y = make_moons(n, noise=0.2, seed=0)
        results = {name: per_epoch(timer, X, y, batch, epochs)
                   for name, timer in (("helpers", time_helpers), ("sklearn", time_sklearn), ("torch", time_torch))}
        cells = " ".join(f"{1e3 * med:7.3f} ({1e3 * p95:5.3f})" for med, p95 in results.values())
        h = results["helpers"][0]
        print(f"{n:>6} {batch or 'full':>6} {epochs:>6} | {cells} | {h / results['sklearn'][0]:5.2f} "
              f"{h / results['torch'][0]:7.2f}")


if __name__ == "__main__":
    main()
