"""The LaTeX pieces the pages' equations are written with: an activation's symbol, a number
without "-0.00", a label as literal text, and one equation's aligned lines."""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

_FUNCTIONS = {"tanh": r"\tanh", "sigmoid": r"\sigma"}
_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "_": r"\_", "%": r"\%", "^": r"\^{}", "~": r"\~{}",
}


def escape(text: str) -> str:
    """A label as literal LaTeX text: `<end>` or `{` must not be read as commands."""
    return "".join(_LATEX_ESCAPES.get(c, c) for c in text)


def function(name: str) -> str:
    """LaTeX for an activation: the book's σ and tanh, any other Keras name spelled out."""
    return _FUNCTIONS.get(name, rf"\operatorname{{{escape(name)}}}")


def number(value: float, places: int) -> str:
    """`value` rounded to `places`, without the "-0.00" that rounding a tiny negative gives."""
    text = f"{value:.{places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


class Numbers:
    """Formats terms as row vectors, or as one unit's scalars, the same way in every line."""

    def __init__(self, terms: Mapping[str, np.ndarray], unit: int | None) -> None:
        self.terms = terms
        self.unit = unit

    def __call__(self, name: str, signed: bool = False) -> str:
        """`signed` wraps a negative scalar in parentheses, as it follows a + or ⊙."""
        values = self.terms[name]
        if self.unit is None:
            cells = r" \\ ".join(number(float(v), 2) for v in values)
            return rf"\begin{{bmatrix}} {cells} \end{{bmatrix}}"
        text = number(float(values[self.unit]), 3)
        return f"({text})" if signed and text.startswith("-") else text

    def symbol(self, symbol: str) -> str:
        """`symbol`, with the unit's index when one unit is shown."""
        return symbol if self.unit is None else rf"{symbol}[{self.unit}]"


def aligned(lhs: str, symbolic: str, *numeric: str) -> str:
    """One equation: its symbols on the first line, the same sum with numbers below."""
    rows = [rf"{lhs} &= {symbolic}"] + [rf"&= {row}" for row in numeric]
    return r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}"
