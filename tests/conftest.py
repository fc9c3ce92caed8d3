"""Shared fixtures: every plot test draws on the Agg backend."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture
def ax():
    """A fresh Axes, closed after the test."""
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)
