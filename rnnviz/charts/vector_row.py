"""A vector as a row of labelled cells: the step's input x_t (a one-hot row with its 1 framed,
or an embedding) and the head's scores s_t, each value under the token or unit it belongs to.

These were KaTeX arrays; a 27-entry array of numbers is a table more than a formula, and
KaTeX took about 50 ms of the browser's time at every step to lay the two out. As an SVG
image the same rows cost a few milliseconds, keep their labels escaped (a token can be `<`
or anything typed) and wrap at the same widths.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnnviz.charts.config import MIN_FONT
from rnnviz.charts.step import CURRENT, FONT, INK, MUTED
from rnnviz.charts.svg import Drawing
from rnnviz.charts.text_fit import em_width
from rnnviz.glyphs import shown

ROW_PX = 440  # the arithmetic's column at 1280 pixels
LABEL = MIN_FONT + 2
ONE_HOT_PER_LINE = 9
VALUES_PER_LINE = 6


def vector_row(symbol: str, labels: Sequence[str], values: np.ndarray, *, per_line: int,
               digits: int, one_hot: bool = False) -> str:
    """`symbol =` then the values, `per_line` to a line, each under its label with `digits`
    decimals; with `one_hot`, the 1 is framed. An SVG document; each value is named
    `symbol[label]`."""
    values = np.asarray(values, dtype=float)
    left = 12 + em_width(symbol + " =", 0.55) * (FONT + 2)
    cell = (ROW_PX - left - 6) / per_line
    line = LABEL + FONT + 22
    lines = max(1, -(-len(values) // per_line))
    drawing = Drawing(ROW_PX, 8 + line * lines)
    drawing.text(8, 8 + LABEL + 6 + FONT / 2, f"{symbol} =", FONT + 2, INK, anchor="start",
                 bold=True)
    for k, (label, value) in enumerate(zip(labels, values)):
        x = left + (k % per_line + 0.5) * cell
        top = 8 + (k // per_line) * line
        size = max(MIN_FONT, min(LABEL, int((cell - 4) / em_width(label))))
        drawing.text(x, top + LABEL / 2 + 2, label, size, MUTED)
        text = f"{value:.{digits}f}"
        if one_hot and value == 1:
            drawing.rect(x - cell / 2 + 3, top + LABEL + 4, cell - 6, FONT + 10, "#fde68a",
                         stroke=CURRENT, stroke_width=2.5)
        drawing.text(x, top + LABEL + 9 + FONT / 2, text, FONT, INK,
                     bold=one_hot and value == 1, name=f"{symbol}[{label}]")
    return drawing.svg()


def input_row(x: np.ndarray, tokens: Sequence[str] | None) -> str:
    """x_t under its labels: the vocabulary over a one-hot row (a space as ␣), or the
    dimension numbers over an embedding vector."""
    if tokens is None:
        return vector_row("x\N{LATIN SUBSCRIPT SMALL LETTER T}", [str(i) for i in range(len(x))],
                          x, per_line=VALUES_PER_LINE, digits=2)
    return vector_row("x\N{LATIN SUBSCRIPT SMALL LETTER T}", [shown(token) for token in tokens],
                      x, per_line=ONE_HOT_PER_LINE, digits=0, one_hot=True)


def scores_row(logits: np.ndarray, labels: Sequence[str]) -> str:
    """The head's scores before the softmax (logits), one per class under the class names
    as the page shows them."""
    return vector_row("s\N{LATIN SUBSCRIPT SMALL LETTER T}", labels, logits,
                      per_line=VALUES_PER_LINE, digits=2)
