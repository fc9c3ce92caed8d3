"""A tiny scalar computation graph that applies the chain rule for you.

Every arithmetic operation on a :class:`Value` returns a new ``Value`` that
remembers its inputs and, right beside its forward formula, the *local*
derivative of its output with respect to each input. ``backward()`` then walks
the graph from the output back to the inputs, multiplying local derivatives
along each path and adding the contributions of all paths: the chain rule.

>>> x = Value(1.5, "x")
>>> z = (x ** 2).sin()        # the lecture's z = sin(x^2)
>>> z.backward()
>>> round(x.grad, 6)          # dz/dx = 2x cos(x^2)
-1.884521
"""

import math
import numbers

from ._validate import as_array, check_number

__all__ = ["Value", "chain_derivatives", "one_neuron", "sin_of_square"]


def _too_large(op, parents):
    inputs = ", ".join(f"{p.data:g}" for p in parents)
    return ValueError(f"{op} of {inputs} is too large for a float (more than about 1.8e308); try smaller inputs")


def _guarded(op, value, compute):
    """``compute()``, with Python's OverflowError turned into the error every Value op gives."""
    try:
        return compute()
    except OverflowError:
        raise _too_large(op, [value]) from None


class Value:
    """A scalar in a computation graph.

    Parameters
    ----------
    data : float
        The forward value.
    label : str, optional
        A name shown in graph drawings (e.g. ``"x"``, ``"u"``).

    Attributes
    ----------
    data : float
        Forward value.
    grad : float
        dL/d(this value) after ``L.backward()`` on some output ``L``.
    parents : tuple of Value
        The inputs this value was computed from.
    local_grads : tuple of float
        d(this value)/d(parent) for each parent, in the same order.
    op : str
        The operation that produced this value ("" for a leaf).
    """

    __slots__ = ("data", "grad", "parents", "local_grads", "op", "label")

    def __init__(self, data, label="", *, _parents=(), _local_grads=(), _op=""):
        if not _op:
            data = check_number(data, "data")
        elif not (math.isfinite(data) and all(math.isfinite(g) for g in _local_grads)):
            raise _too_large(_op, _parents)
        self.data = float(data)
        self.grad = 0.0
        self.parents = tuple(_parents)
        self.local_grads = tuple(float(g) for g in _local_grads)
        self.op = _op
        self.label = str(label)

    def __repr__(self):
        name = f"{self.label}=" if self.label else ""
        return f"Value({name}{self.data:.6g}, grad={self.grad:.6g})"

    # -- building blocks ---------------------------------------------------------

    @staticmethod
    def _lift(other, name="the other operand"):
        if isinstance(other, Value):
            return other
        if isinstance(other, bool) or not isinstance(other, numbers.Real):
            raise TypeError(f"{name} must be a Value or a number; got {type(other).__name__}")
        return Value(check_number(other, name))

    def _unary(self, out, local_grad, op):
        return Value(out, _parents=(self,), _local_grads=(local_grad,), _op=op)

    # -- arithmetic: forward value and local derivatives side by side -------------

    def __add__(self, other):
        other = self._lift(other)
        # d(a+b)/da = 1, d(a+b)/db = 1
        return Value(self.data + other.data, _parents=(self, other), _local_grads=(1.0, 1.0), _op="+")

    def __mul__(self, other):
        other = self._lift(other)
        # d(ab)/da = b, d(ab)/db = a
        return Value(self.data * other.data, _parents=(self, other),
                     _local_grads=(other.data, self.data), _op="*")

    def __pow__(self, exponent):
        if isinstance(exponent, Value):
            raise TypeError("only a constant real exponent is supported (Value ** number)")
        exponent = check_number(exponent, "exponent")
        if self.data == 0 and exponent < 1:
            raise ValueError(f"0 ** {exponent} has no finite derivative")
        if self.data < 0 and not float(exponent).is_integer():
            raise ValueError(f"a negative base ({self.data}) needs an integer exponent; got {exponent}")
        # d(a^k)/da = k a^(k-1)
        op = f"**{exponent:g}"
        out, local = _guarded(op, self, lambda: (self.data ** exponent, exponent * self.data ** (exponent - 1)))
        return self._unary(out, local, op)

    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-self._lift(other))

    def __truediv__(self, other):
        other = self._lift(other)
        if other.data == 0:
            raise ZeroDivisionError("division of a Value by zero")
        return self * other ** -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return self._lift(other) - self

    def __rtruediv__(self, other):
        return self._lift(other) / self

    # -- functions ------------------------------------------------------------------

    def sin(self):
        # d sin(a)/da = cos(a)
        return self._unary(math.sin(self.data), math.cos(self.data), "sin")

    def cos(self):
        # d cos(a)/da = -sin(a)
        return self._unary(math.cos(self.data), -math.sin(self.data), "cos")

    def exp(self):
        out, _ = _guarded("exp", self, lambda: (math.exp(self.data), 0.0))
        # d e^a/da = e^a
        return self._unary(out, out, "exp")

    def log(self):
        if self.data <= 0:
            raise ValueError(f"log needs a positive input; got {self.data}")
        # d log(a)/da = 1/a
        return self._unary(math.log(self.data), 1.0 / self.data, "log")

    def sigmoid(self):
        a = self.data
        # Two forms so that exp never overflows for large |a|.
        out = 1.0 / (1.0 + math.exp(-a)) if a >= 0 else math.exp(a) / (1.0 + math.exp(a))
        # d sigmoid(a)/da = sigmoid(a) (1 - sigmoid(a))
        return self._unary(out, out * (1.0 - out), "sigmoid")

    def tanh(self):
        out = math.tanh(self.data)
        # d tanh(a)/da = 1 - tanh(a)^2
        return self._unary(out, 1.0 - out * out, "tanh")

    def relu(self):
        out = max(self.data, 0.0)
        # d relu(a)/da = 1 for a > 0, else 0 (we pick 0 at a = 0)
        return self._unary(out, 1.0 if self.data > 0 else 0.0, "relu")

    # -- the chain rule -----------------------------------------------------------------

    def topological_order(self):
        """Every value this one depends on, inputs first, this value last."""
        order, seen = [], set()
        stack = [(self, False)]
        while stack:  # iterative depth-first search: deep graphs do not hit the recursion limit
            node, children_done = stack.pop()
            if children_done:
                order.append(node)
                continue
            if id(node) in seen:
                continue
            seen.add(id(node))
            stack.append((node, True))
            stack.extend((p, False) for p in node.parents if id(p) not in seen)
        return order

    def backward(self):
        """Fill ``.grad`` of every value in the graph with d(self)/d(value).

        Gradients are *added* along every path, so a value used twice (``x * x``)
        receives the sum of both contributions. Grads are reset to zero first,
        so calling ``backward()`` twice gives the same answer.
        """
        order = self.topological_order()
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            for parent, local in zip(node.parents, node.local_grads):
                parent.grad += local * node.grad


# -- chains: the lecture's two examples, as lists of nodes from input to output ------------


def sin_of_square(x):
    """The chain x -> u = x^2 -> z = sin(u); returns ``[x, u, z]`` (all Values; a number x becomes one).

    >>> x, u, z = sin_of_square(Value(2.0))
    >>> round(u.data, 4), round(z.data, 4)
    (4.0, -0.7568)
    """
    x = Value._lift(x, "x")
    u = x**2
    z = u.sin()
    return [x, u, z]


def one_neuron(x, v=(-1.0, 2.0), w=(0.5, -1.5)):
    """One hidden sigmoid unit and a sigmoid output: ``[x, r, u, s, z]``.

    ``r = v0 + v1 x``, ``u = sigmoid(r)``, ``s = w0 + w1 u``, ``z = sigmoid(s)``: the
    lecture's x -> r -> u -> s -> z with a single input and a single hidden unit.
    ``x`` may be a number; it becomes a ``Value``.
    """
    x = Value._lift(x, "x")
    v, w = (as_array(pair, name, shape=(2,)).tolist() for pair, name in ((v, "v"), (w, "w")))
    r = v[0] + v[1] * x
    u = r.sigmoid()
    s = w[0] + w[1] * u
    z = s.sigmoid()
    return [x, r, u, s, z]


def chain_derivatives(nodes):
    """Local derivatives along a chain and the backward values of its last node.

    Parameters
    ----------
    nodes : list of Value
        ``[x, ..., z]``, each computed from the one before it.

    Returns
    -------
    local : list of float
        d node[i+1] / d node[i], one per edge.
    backward : list of float
        dz / d node[i], one per node (the last is 1).

    >>> local, backward = chain_derivatives(sin_of_square(Value(1.0)))
    >>> [round(d, 4) for d in local], round(backward[0], 4)
    ([2.0, 0.5403], 1.0806)
    """
    if isinstance(nodes, Value) or not hasattr(nodes, "__len__") or len(nodes) < 2 \
            or not all(isinstance(n, Value) for n in nodes):
        raise TypeError("nodes must be a list of at least two Values, e.g. sin_of_square(Value(1.0))")
    local = []
    for before, after in zip(nodes[:-1], nodes[1:]):
        after.backward()
        local.append(before.grad)
    nodes[-1].backward()
    return local, [n.grad for n in nodes]
