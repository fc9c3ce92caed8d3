"""Activation functions f(s), each with its derivative right beside it.

The lecture's convention holds throughout: ``step(0) == 1`` and ``sign(0) == 1``
(numpy's ``np.sign(0)`` is 0, which is why it is not used here).
"""

import numpy as np

from ._validate import as_array


def step(s):
    """Step function: 1 where s >= 0, else 0.

    Parameters
    ----------
    s : float or ndarray
        Weighted sum(s).

    Returns
    -------
    float or ndarray of the same shape, values in {0, 1}.

    >>> step([-0.5, 0.0, 2.0])
    array([0., 1., 1.])
    """
    s = as_array(s, "s", finite=False)
    out = np.where(s >= 0, 1.0, 0.0)
    return out if out.ndim else float(out)


def sign(s):
    """Sign function: +1 where s >= 0, else -1 (so ``sign(0) == 1``).

    >>> sign([-0.5, 0.0, 2.0])
    array([-1.,  1.,  1.])
    """
    s = as_array(s, "s", finite=False)
    out = np.where(s >= 0, 1.0, -1.0)
    return out if out.ndim else float(out)
