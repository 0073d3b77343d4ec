"""The arithmetic of one step as LaTeX with its real numbers, and as plain column names.

A class follows an equation best when the symbols and the numbers sit on consecutive lines:
first what the cell computes, then the same sum with the values this step produced. Small
layers (the hello model's 3 units) show whole vectors, written as columns so unit 0 is on top
as in the heatmap; wider layers show one unit at a time so a line never runs off a projected
screen.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from rnnviz.cells import kind_of
from rnnviz.latex import Numbers, escape, number
from rnnviz.engine.cells import Cell

VECTOR_UNITS = 4  # up to this many units, show whole vectors


def plain_names(cell: Cell) -> dict[str, str]:
    """Plain-text names of the step's terms, for table headers: its kind's, with its
    activation named (tanh(c_t) or relu(c_t))."""
    return kind_of(cell).plain(cell.activation)


def score_formula() -> str:
    """What the head does with h_t: the scores (their numbers are drawn beside, under the
    class names, `rnnviz.charts.vector_row`) and the softmax that turns them into p."""
    return (r"\mathbf{s}_t = \mathbf{h}_t W_y + \mathbf{b}_y, \qquad "
            r"\mathbf{p}_t = \operatorname{softmax}(\mathbf{s}_t)")


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
