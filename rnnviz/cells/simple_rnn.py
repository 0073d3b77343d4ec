"""SimpleRNN (Elman): h_t = act(x_t W_xh + h_{t-1} W_hh + b), one block, no gates."""
from __future__ import annotations

import numpy as np

from rnnviz.cells.drawing import BELT, GATE, INPUT, MID, Layout, Node
from rnnviz.cells.kind import CellKind, Vectors
from rnnviz.latex import Numbers, aligned, function
from rnnviz.engine.cells import SimpleRNNCell


def terms(cell: SimpleRNNCell, values: Vectors, previous: Vectors,
          states: Vectors) -> dict[str, np.ndarray]:
    """xw + hu + b = pre, h = act(pre); a layer without bias shows b as zeros."""
    b = cell.bias if cell.bias is not None else np.zeros(cell.units, np.float32)
    return {"xw": values["xw"], "h_prev": previous["h"], "hu": values["hu"], "b": b,
            "pre": values["pre"], "h": states["h"]}


def equations(cell: SimpleRNNCell, n: Numbers) -> list[str]:
    act = function(cell.activation)
    b_sym, b_num = (r" + \mathbf{b}", f" + {n('b', True)}") if cell.bias is not None else ("", "")
    return [aligned(
        n.symbol(r"\mathbf{h}_t"),
        rf"{act}(\mathbf{{x}}_t W_{{xh}} + \mathbf{{h}}_{{t-1}} W_{{hh}}{b_sym})",
        rf"{act}({n('xw')} + {n('hu', True)}{b_num})",
        rf"{act}({n('pre')}) = {n('h')}",
    )]


def plain(activation: str) -> dict[str, str]:
    return {"xw": "x·W_xh", "h_prev": "h_{t-1}", "hu": "h_{t-1}·W_hh", "b": "b",
            "pre": "a_t", "h": "h_t"}


def layout(activation: str) -> Layout:
    nodes = [
        Node(None, 0.7, INPUT, "xₜ"), Node("xw", 3.0, INPUT, "xₜWₓ"),
        Node("h_prev", 0.7, MID, "hₜ₋₁"), Node("hu", 3.0, MID, "hₜ₋₁Wₕ"),
        Node("b", 3.0, GATE, "b"), Node("pre", 5.5, GATE, "+ aₜ"),
        Node("h", 8.0, GATE, f"hₜ {activation}"),
    ]
    wires = [
        ((0.7, INPUT), (3.0, INPUT), (4.2, INPUT), (4.2, GATE), (5.5, GATE)),
        ((0.7, MID), (3.0, MID), (4.2, MID), (4.2, GATE)), ((3.0, GATE), (11.6, GATE)),
        ((10.0, GATE), (10.0, BELT)),
    ]
    return nodes, wires, [(11.6, GATE, "hₜ")], (10.0, BELT)


def numpy_step(reset_after: bool) -> str:
    return """def step(x_t, states, kernel, recurrent, bias):
    h = act(x_t @ kernel + states[0] @ recurrent + bias)
    return [h]"""


SIMPLE_RNN = CellKind(
    name="SimpleRNN", keras_name="simple_rnn", engine=SimpleRNNCell, blocks=1, states=("h",), gates=(),
    panels=("h",), bars=("h",), bars_title="step.hidden_bars", gate_map=(),
    gate_map_title=None, step_note="step.simplernn_note", hello_note="step.hello_note",
    state_note=None,
    terms=terms, equations=equations, plain=plain, layout=layout, numpy_step=numpy_step,
)
