"""The by-hand network's numbers as LaTeX lines and table rows, for the page to print.

Each equation is written twice, symbols first and then the same sum with this step's numbers,
as a class works it out on the board. Vectors are row vectors, as the lecture multiplies
x_t Wxh; numbers have three decimals except the total loss, which the page prints in full.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnnviz.byhand.network import NAMES, BackwardStep, ForwardStep
from rnnviz.latex import escape, number

PLACES = 3
SYMBOLS: dict[str, str] = {
    "Wxh": r"W_{xh}", "Whh": r"W_{hh}", "Bh": r"B_h", "Wy": r"W_y", "By": r"B_y",
}


def row(values: np.ndarray, places: int = PLACES) -> str:
    cells = " & ".join(number(float(v), places) for v in np.ravel(values))
    return rf"\begin{{bmatrix}} {cells} \end{{bmatrix}}"


def matrix(values: np.ndarray, places: int = PLACES) -> str:
    if np.ndim(values) == 0:
        return number(float(values), places)
    lines = r" \\ ".join(" & ".join(number(float(v), places) for v in r)
                         for r in np.atleast_2d(values))
    return rf"\begin{{bmatrix}} {lines} \end{{bmatrix}}"


def vector_text(values: np.ndarray, places: int = PLACES) -> str:
    """A vector as plain text for a table cell: [0.160, 1.818, 0.783]."""
    return "[" + ", ".join(number(float(v), places) for v in values) + "]"


def _lines(*rows: str) -> str:
    return r"\begin{aligned} " + r" \\[6pt] ".join(rows) + r" \end{aligned}"


def forward_lines(step: ForwardStep, tokens: Sequence[str], labels: Sequence[str],
                  params: Sequence[np.ndarray], no_target: str) -> str:
    """The whole forward step t, from the one-hot input to this step's loss; `no_target` is
    the translated remark for a step without a target."""
    bh, by = float(params[2]), float(params[4])
    token = escape(tokens[step.token])
    out = [
        rf"\mathbf{{x}}_t &= {row(step.x, 0)} \quad (\text{{{token}}})",
        r"\mathbf{a}_t &= \mathbf{x}_t W_{xh} + \mathbf{h}_{t-1} W_{hh} + B_h",
        rf"&= {row(step.x @ params[0])} + {row(step.h_prev)} W_{{hh}} + ({number(bh, PLACES)})"
        rf" = {row(step.pre)}",
        rf"\mathbf{{h}}_t &= \tanh(\mathbf{{a}}_t) = {row(step.h)}",
        rf"\mathbf{{s}}_t &= \mathbf{{h}}_t W_y + B_y = {row(step.scores)}"
        rf" \quad (B_y = {number(by, PLACES)})",
        rf"\mathbf{{y}}_t &= \operatorname{{softmax}}(\mathbf{{s}}_t) = {row(step.probs)}",
    ]
    if step.target is None:
        out.append(rf"L_t &= 0 \quad (\text{{{escape(no_target)}}})")
    else:
        label = escape(labels[step.target])
        p = float(step.probs[step.target])
        out.append(rf"L_t &= -\log y_t[\text{{{label}}}] = -\log {number(p, 4)}"
                   rf" = {number(step.loss, 4)}")
    return _lines(*out)


def backward_lines(record: BackwardStep, step: ForwardStep, labels: Sequence[str],
                   last: bool, no_target: str, last_step: str) -> str:
    """The backward step t: where dL/dh_t comes from and what tanh' lets through; the two
    remarks arrive translated."""
    if step.target is None:
        first = (r"\frac{\partial L}{\partial \mathbf{s}_t} &= \mathbf{0} \quad "
                 rf"(\text{{{escape(no_target)}}})")
    else:
        label = escape(labels[step.target])
        first = (rf"\frac{{\partial L}}{{\partial \mathbf{{s}}_t}} &= \mathbf{{y}}_t - "
                 rf"\text{{onehot}}(\text{{{label}}}) = {row(record.d_scores)}")
    future = (rf"\mathbf{{0}} \ (\text{{{escape(last_step)}}})" if last
              else r"\frac{\partial L}{\partial \mathbf{a}_{t+1}} W_{hh}^\top")
    return _lines(
        first,
        rf"\frac{{\partial L}}{{\partial \mathbf{{h}}_t}} &= "
        rf"\frac{{\partial L}}{{\partial \mathbf{{s}}_t}} W_y^\top + {future}",
        rf"&= {row(record.dh_output)} + {row(record.dh_future)} = {row(record.dh)}",
        r"\frac{\partial L}{\partial \mathbf{a}_t} &= "
        r"\frac{\partial L}{\partial \mathbf{h}_t} \odot (1 - \mathbf{h}_t^2)",
        rf"&= {row(record.dh)} \odot {row(1 - step.h ** 2)} = {row(record.d_pre)}",
    )


def gradient_lines(grads: Sequence[np.ndarray]) -> dict[str, str]:
    """Each weight's gradient as summed so far, one equation per weight name."""
    return {name: rf"\frac{{\partial L}}{{\partial {SYMBOLS[name]}}} = {matrix(g, 2)}"
            for name, g in zip(NAMES, grads)}


def weight_lines(params: Sequence[np.ndarray]) -> str:
    return _lines(*(rf"{SYMBOLS[name]} &= {matrix(p)}" for name, p in zip(NAMES, params)))


def full_loss(value: float) -> str:
    """The loss with every digit a float64 holds (repr), as the lecture prints it."""
    return repr(float(value))
