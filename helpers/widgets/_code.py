"""``to_code()``: one call that rebuilds an explorer exactly as it stands.

Numbers are written with ``repr``, the shortest text that reads back as the very same
float, so data and weights survive the round trip bit for bit; arrays become nested
lists. The call uses only ``widgets.<factory>(...)`` and literals, so it can be pasted
into any notebook that ran ``from helpers import widgets``.
"""

import numpy as np

WIDTH = 100  # a call longer than this gets one argument per line


class Code(str):
    """A string of Python code that shows as the code itself (no quotes) when it ends a cell."""

    def __repr__(self):
        return str(self)

    def _repr_pretty_(self, printer, cycle):
        printer.text(str(self))


def literal(value):
    """``value`` as Python source that evaluates back to an equal value.

    >>> literal(0.1), literal(np.float64(-2.5)), literal((1, "a")), literal(np.array([[1.0, 2.0]]))
    ('0.1', '-2.5', "(1, 'a')", '[[1.0, 2.0]]')
    """
    if isinstance(value, np.ndarray):
        return literal(value.tolist())
    if isinstance(value, (bool, np.bool_)):
        return repr(bool(value))
    if isinstance(value, (int, np.integer)):
        return repr(int(value))
    if isinstance(value, (float, np.floating)):
        return repr(float(value) + 0.0)  # + 0.0: no "-0.0"
    if isinstance(value, str) or value is None:
        return repr(value)
    if isinstance(value, tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{literal(k)}: {literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as code")


def call(factory, args):
    """``widgets.factory(k=v, ...)``; one argument per line when it gets long.

    >>> call("chain_rule_explorer", {"x": 1.5})     # shows as code, without quotes
    widgets.chain_rule_explorer(x=1.5)
    """
    parts = [f"{name}={literal(value)}" for name, value in args.items()]
    one_line = f"widgets.{factory}({', '.join(parts)})"
    if len(one_line) <= WIDTH:
        return Code(one_line)
    return Code(f"widgets.{factory}(\n" + "".join(f"    {p},\n" for p in parts) + ")")
