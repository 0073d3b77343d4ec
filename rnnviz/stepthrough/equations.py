"""The arithmetic of one step as LaTeX with its real numbers, and as plain column names.

A class follows an equation best when the symbols and the numbers sit on consecutive lines:
first what the cell computes, then the same sum with the values this step produced. Small
layers (the hello model's 3 units) show whole vectors, written as columns so unit 0 is on top
as in the heatmap; wider layers show one unit at a time so a line never runs off a projected
screen.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from rnnviz.cells import kind_of
from rnnviz.latex import Numbers, escape, number
from rnnviz.engine.cells import Cell
from rnnviz.glyphs import shown

VECTOR_UNITS = 4  # up to this many units, show whole vectors
# Entries a line in a labelled row: what fits a half-page column at 1280 pixels.
ONE_HOT_PER_LINE = 9
VALUES_PER_LINE = 5


def plain_names(cell: Cell) -> dict[str, str]:
    """Plain-text names of the step's terms, for table headers: its kind's, with its
    activation named (tanh(c_t) or relu(c_t))."""
    return kind_of(cell).plain(cell.activation)


def labelled_row(symbol: str, labels: Sequence[str], cells: Sequence[str],
                 per_line: int) -> str:
    """`symbol = ` a row of values, each under its label, wrapped every `per_line` entries
    so the row fits a half-page column on a 1280-pixel projector."""
    rows = []
    for start in range(0, len(cells), per_line):
        heads = " & ".join(rf"\scriptstyle \text{{{escape(label)}}}"
                           for label in labels[start:start + per_line])
        rows.append(rf"{heads} \\ {' & '.join(cells[start:start + per_line])}")
    width = min(len(cells), per_line)
    return (rf"{symbol} = \begin{{array}}{{{'c' * width}}} "
            + r" \\[4pt] ".join(rows) + r" \end{array}")


def input_row(x: np.ndarray, tokens: Sequence[str] | None) -> str:
    """x_t under its labels: the vocabulary over a one-hot row (its 1 boxed, a space as ␣),
    or the dimension numbers over an embedding vector."""
    if tokens is None:
        labels = [str(i) for i in range(len(x))]
        return labelled_row(r"\mathbf{x}_t", labels, [number(float(v), 2) for v in x],
                            VALUES_PER_LINE)
    cells = [r"\boxed{1}" if v == 1 else number(float(v), 0) for v in x]
    return labelled_row(r"\mathbf{x}_t", [shown(token) for token in tokens], cells,
                        ONE_HOT_PER_LINE)


def scores(logits: np.ndarray, labels: Sequence[str]) -> str:
    """The head's scores before the softmax (logits), s_t = h_t W_y + b_y, one per class
    under the class names as the page shows them, and the softmax that turns them into p."""
    cells = [number(float(v), 2) for v in logits]
    return (r"\begin{gathered} \mathbf{s}_t = \mathbf{h}_t W_y + \mathbf{b}_y \\[6pt] "
            + labelled_row(r"\mathbf{s}_t", labels, cells, VALUES_PER_LINE)
            + r" \\[6pt] \mathbf{p}_t = \operatorname{softmax}(\mathbf{s}_t) \end{gathered}")


def equations(cell: Cell, terms: Mapping[str, np.ndarray], unit: int | None = None) -> list[str]:
    """One LaTeX block per equation of the step: symbols, then the numbers of this step,
    as the cell's kind writes them (`rnnviz.cells`).

    `unit` picks one hidden unit (scalars); None shows whole vectors. Gate order and mixing
    follow Keras (LSTM i, f, c, o; GRU h = z·h_{t-1} + (1 − z)·h~)."""
    return kind_of(cell).equations(cell, Numbers(terms, unit))


def stacked(blocks: list[str]) -> str:
    """Equation blocks one under another in a single formula, a gap between them."""
    return r"\begin{gathered} " + r" \\[14pt] ".join(blocks) + r" \end{gathered}"


def surprise(label: str, p: float, loss: float) -> str:
    """p of the true next token and the cross-entropy it costs, -log p."""
    return (rf"p(\text{{{escape(label)}}}) = {number(p, 3)}, \qquad "
            rf"-\log p = {number(loss, 3)}")
