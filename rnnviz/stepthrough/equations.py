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

from rnnviz.engine.cells import Cell
from rnnviz.glyphs import shown

VECTOR_UNITS = 4  # up to this many units, show whole vectors
# Entries a line in a labelled row: what fits a half-page column at 1280 pixels.
ONE_HOT_PER_LINE = 9
VALUES_PER_LINE = 5

# Plain-text names of the terms, for table headers and chart titles.
PLAIN: dict[str, str] = {
    "xw": "x·W_xh", "h_prev": "h_{t-1}", "hu": "h_{t-1}·W_hh", "b": "b", "pre": "pre-activation",
    "h": "h_t", "a_i": "a_i", "a_f": "a_f", "a_g": "a_g", "a_o": "a_o", "i": "i", "f": "f",
    "g": "g", "o": "o", "c_prev": "c_{t-1}", "fc": "f⊙c_{t-1}", "ig": "i⊙g", "c": "c_t",
    "act_c": "tanh(c_t)", "a_z": "a_z", "a_r": "a_r", "z": "z", "r": "r", "xh": "x·W_h+b", "rec_h": "r⊙(h·U_h+b')",
    "hh": "h~", "zh": "z⊙h_{t-1}", "zhh": "(1−z)⊙h~",
}

_FUNCTIONS = {"tanh": r"\tanh", "sigmoid": r"\sigma"}
_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#",
    "_": r"\_", "%": r"\%", "^": r"\^{}", "~": r"\~{}",
}


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


def escape(text: str) -> str:
    """A label as literal LaTeX text: `<end>` or `{` must not be read as commands."""
    return "".join(_LATEX_ESCAPES.get(c, c) for c in text)


def _aligned(lhs: str, symbolic: str, *numeric: str) -> str:
    rows = [rf"{lhs} &= {symbolic}"] + [rf"&= {row}" for row in numeric]
    return r"\begin{aligned} " + r" \\ ".join(rows) + r" \end{aligned}"


def _subscript(symbol: str, unit: int | None) -> str:
    return symbol if unit is None else rf"{symbol}[{unit}]"


def equations(cell: Cell, terms: Mapping[str, np.ndarray], unit: int | None = None) -> list[str]:
    """One LaTeX block per equation of the step: symbols, then the numbers of this step.

    `unit` picks one hidden unit (scalars); None shows whole vectors. Gate order and mixing
    follow Keras (LSTM i, f, c, o; GRU h = z·h_{t-1} + (1 − z)·h~)."""
    n = Numbers(terms, unit)

    def s(symbol: str) -> str:
        return _subscript(symbol, unit)

    act = function(cell.activation)
    bias = cell.bias is not None
    if cell.kind == "SimpleRNN":
        b_sym, b_num = (r" + \mathbf{b}", f" + {n('b', True)}") if bias else ("", "")
        return [_aligned(
            s(r"\mathbf{h}_t"),
            rf"{act}(\mathbf{{x}}_t W_{{xh}} + \mathbf{{h}}_{{t-1}} W_{{hh}}{b_sym})",
            rf"{act}({n('xw')} + {n('hu', True)}{b_num})",
            rf"{act}({n('pre')}) = {n('h')}",
        )]
    gate = function(cell.recurrent_activation)

    def plus_b(name: str) -> str:
        return rf" + \mathbf{{b}}_{name}" if bias else ""

    if cell.kind == "LSTM":
        blocks = []
        for name, fn in (("i", gate), ("f", gate), ("g", act), ("o", gate)):
            blocks.append(_aligned(
                s(rf"\mathbf{{{name}}}"),
                rf"{fn}(\mathbf{{x}}_t W_{name} + \mathbf{{h}}_{{t-1}} U_{name}{plus_b(name)})",
                rf"{fn}({n('a_' + name)}) = {n(name)}",
            ))
        blocks.append(_aligned(
            s(r"\mathbf{c}_t"),
            r"\mathbf{f} \odot \mathbf{c}_{t-1} + \mathbf{i} \odot \mathbf{g}",
            rf"{n('f')} \odot {n('c_prev', True)} + {n('i')} \odot {n('g', True)}",
            rf"{n('fc')} + {n('ig', True)} = {n('c')}",
        ))
        blocks.append(_aligned(
            s(r"\mathbf{h}_t"),
            rf"\mathbf{{o}} \odot {act}(\mathbf{{c}}_t)",
            rf"{n('o')} \odot {act}({n('c')})",
            rf"{n('o')} \odot {n('act_c', True)} = {n('h')}",
        ))
        return blocks
    blocks = [
        _aligned(
            s(rf"\mathbf{{{name}}}"),
            rf"{gate}(\mathbf{{x}}_t W_{name} + \mathbf{{h}}_{{t-1}} U_{name}{plus_b(name)})",
            rf"{gate}({n('a_' + name)}) = {n(name)}",
        )
        for name in ("z", "r")
    ]
    if getattr(cell, "reset_after", True):
        inner = r"\mathbf{r} \odot (\mathbf{h}_{t-1} U_h + \mathbf{b}'_h)" if bias else (
            r"\mathbf{r} \odot (\mathbf{h}_{t-1} U_h)")
    else:
        inner = r"(\mathbf{r} \odot \mathbf{h}_{t-1}) U_h"
    blocks.append(_aligned(
        s(r"\tilde{\mathbf{h}}"),
        rf"{act}(\mathbf{{x}}_t W_h{plus_b('h')} + {inner})",
        rf"{act}({n('xh')} + {n('rec_h', True)}) = {n('hh')}",
    ))
    blocks.append(_aligned(
        s(r"\mathbf{h}_t"),
        r"\mathbf{z} \odot \mathbf{h}_{t-1} + (1 - \mathbf{z}) \odot \tilde{\mathbf{h}}",
        rf"{n('z')} \odot {n('h_prev', True)} + (1 - {n('z')}) \odot {n('hh', True)}",
        rf"{n('zh')} + {n('zhh', True)} = {n('h')}",
    ))
    return blocks


def stacked(blocks: list[str]) -> str:
    """Equation blocks one under another in a single formula, a gap between them."""
    return r"\begin{gathered} " + r" \\[14pt] ".join(blocks) + r" \end{gathered}"


def surprise(label: str, p: float, loss: float) -> str:
    """p of the true next token and the cross-entropy it costs, -log p."""
    return (rf"p(\text{{{escape(label)}}}) = {number(p, 3)}, \qquad "
            rf"-\log p = {number(loss, 3)}")
