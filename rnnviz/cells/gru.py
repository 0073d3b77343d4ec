"""GRU with Keras's blocks z, r, h and its mix h_t = z⊙h_{t-1} + (1 − z)⊙h~ (the book mixes
the other way); `reset_after=True`, Keras's default, adds a second, recurrent bias row."""
from __future__ import annotations

import numpy as np

from rnnviz.cells.drawing import BELT, BUS, GATE, INPUT, MID, Layout, Node, bus
from rnnviz.cells.kind import CellKind, Vectors
from rnnviz.latex import Numbers, aligned, function
from rnnviz.engine.cells import GRUCell


def terms(cell: GRUCell, values: Vectors, previous: Vectors,
          states: Vectors) -> dict[str, np.ndarray]:
    """z and r with what went into their sigmoid, the candidate's two parts, h~ and the two
    halves of the mix. The trace keeps the gates, not their pre-activations, nor the mix's
    halves: the cell's own recurrent product gives the sums it computed the gates from, and
    the halves are its products again."""
    h_prev, z, hh, u = previous["h"], values["z"], values["hh"], cell.units
    inner = cell._inner(h_prev[None])[0]
    x_part = values["x_part"]
    a_z, a_r = x_part[:u] + inner[:u], x_part[u:2 * u] + inner[u:2 * u]
    return {"h_prev": h_prev, "a_z": a_z, "a_r": a_r, "z": z, "r": values["r"],
            "xh": x_part[2 * u:], "rec_h": values["rec_h"], "hh": hh, "zh": z * h_prev,
            "zhh": (1 - z) * hh, "h": states["h"]}


def equations(cell: GRUCell, n: Numbers) -> list[str]:
    act, gate = function(cell.activation), function(cell.recurrent_activation)
    bias = cell.bias is not None

    def plus_b(name: str) -> str:
        return rf" + \mathbf{{b}}_{name}" if bias else ""

    blocks = [
        aligned(
            n.symbol(rf"\mathbf{{{name}}}"),
            rf"{gate}(\mathbf{{x}}_t W_{name} + \mathbf{{h}}_{{t-1}} U_{name}{plus_b(name)})",
            rf"{gate}({n('a_' + name)}) = {n(name)}",
        )
        for name in ("z", "r")
    ]
    if cell.reset_after:
        inner = r"\mathbf{r} \odot (\mathbf{h}_{t-1} U_h + \mathbf{b}'_h)" if bias else (
            r"\mathbf{r} \odot (\mathbf{h}_{t-1} U_h)")
    else:
        inner = r"(\mathbf{r} \odot \mathbf{h}_{t-1}) U_h"
    blocks.append(aligned(
        n.symbol(r"\tilde{\mathbf{h}}"),
        rf"{act}(\mathbf{{x}}_t W_h{plus_b('h')} + {inner})",
        rf"{act}({n('xh')} + {n('rec_h', True)}) = {n('hh')}",
    ))
    blocks.append(aligned(
        n.symbol(r"\mathbf{h}_t"),
        r"\mathbf{z} \odot \mathbf{h}_{t-1} + (1 - \mathbf{z}) \odot \tilde{\mathbf{h}}",
        rf"{n('z')} \odot {n('h_prev', True)} + (1 - {n('z')}) \odot {n('hh', True)}",
        rf"{n('zh')} + {n('zhh', True)} = {n('h')}",
    ))
    return blocks


def plain(activation: str) -> dict[str, str]:
    return {"h_prev": "h_{t-1}", "a_z": "a_z", "a_r": "a_r", "z": "z", "r": "r",
            "xh": "x·W_h+b", "rec_h": "r⊙(h·U_h+b')", "hh": "h~", "zh": "z⊙h_{t-1}",
            "zhh": "(1−z)⊙h~", "h": "h_t"}


def layout(activation: str) -> Layout:
    nodes = [
        Node("h_prev", 0.7, BELT, "hₜ₋₁"), Node("zh", 2.8, BELT, "× zₜ·hₜ₋₁"),
        Node("h", 9.4, BELT, "+ hₜ"),
        Node("z", 2.8, GATE, "zₜ σ"), Node("r", 4.3, GATE, "rₜ σ"),
        Node("rec_h", 6.0, GATE, "× rₜ·(hₜ₋₁U+b)"), Node("hh", 7.9, GATE, "h̃ₜ " + activation),
        Node("zhh", 7.9, MID, "× (1−zₜ)·h̃ₜ"), Node(None, 0.7, INPUT, "xₜ"),
    ]
    wires = [
        ((0.7, BELT), (11.6, BELT)), ((2.0, BELT), (2.0, BUS)),
        ((2.8, GATE), (2.8, BELT)), ((2.8, MID), (7.9, MID)), ((4.3, GATE), (7.9, GATE)),
        ((7.9, GATE), (7.9, MID), (9.4, MID), (9.4, BELT)), ((10.6, BELT), (10.6, INPUT)),
        *bus((2.8, 4.3, 6.0, 7.9)),
    ]
    return nodes, wires, [(11.6, BELT, "hₜ")], (10.6, INPUT)


def numpy_step(reset_after: bool) -> str:
    if reset_after:
        return """def step(x_t, states, kernel, recurrent, bias):
    h = states[0]
    x_z, x_r, x_h = np.split(x_t @ kernel + bias[0], 3, axis=-1)  # Keras's gate order
    h_z, h_r, h_h = np.split(h @ recurrent + bias[1], 3, axis=-1)
    z, r = sigmoid(x_z + h_z), sigmoid(x_r + h_r)
    candidate = act(x_h + r * h_h)  # reset_after=True: r scales h @ U + b
    return [z * h + (1 - z) * candidate]"""
    return """def step(x_t, states, kernel, recurrent, bias):
    h = states[0]
    units = h.shape[-1]
    x_z, x_r, x_h = np.split(x_t @ kernel + bias, 3, axis=-1)  # Keras's gate order
    z = sigmoid(x_z + h @ recurrent[:, :units])
    r = sigmoid(x_r + h @ recurrent[:, units:2 * units])
    candidate = act(x_h + (r * h) @ recurrent[:, 2 * units:])  # reset_after=False
    return [z * h + (1 - z) * candidate]"""


GRU = CellKind(
    name="GRU", keras_name="gru", engine=GRUCell, blocks=3, states=("h",), gates=("z", "r"),
    panels=("h", "z", "r", "hh"), bars=("h",), bars_title="step.hidden_bars",
    gate_map=("z", "r"), gate_map_title="step.gru_gates", step_note="step.gru_note",
    hello_note=None, state_note="lab.note_gru_no_c", terms=terms, equations=equations, plain=plain,
    layout=layout, numpy_step=numpy_step, reset_after=True,
)
