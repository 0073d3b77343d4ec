"""LSTM with Keras's blocks i, f, c, o: c_t = f⊙c_{t-1} + i⊙g and h_t = o⊙act(c_t), the cell
state c running along the top of the drawing as the lectures' conveyor belt."""
from __future__ import annotations

import numpy as np

from rnnviz.cells.drawing import BELT, BUS, GATE, INPUT, LOW, MID, Layout, Node, bus
from rnnviz.cells.kind import CellKind, Vectors
from rnnviz.latex import Numbers, aligned, function
from rnnviz.engine.activations import activation as activation_of
from rnnviz.engine.cells import LSTMCell


def terms(cell: LSTMCell, values: Vectors, previous: Vectors,
          states: Vectors) -> dict[str, np.ndarray]:
    """The four pre-activations, the gates, c = f⊙c_prev + i⊙g and h = o⊙act(c). The trace
    keeps c and h, not the products and act(c) between: those are the cell's own products
    again, in its order."""
    a_i, a_f, a_g, a_o = np.split(values["pre"], 4)
    c_prev, c = previous["c"], states["c"]
    return {"h_prev": previous["h"], "a_i": a_i, "a_f": a_f, "a_g": a_g, "a_o": a_o,
            "i": values["i"], "f": values["f"], "g": values["g"], "o": values["o"],
            "c_prev": c_prev, "fc": values["f"] * c_prev, "ig": values["i"] * values["g"],
            "c": c, "act_c": activation_of(cell.activation)(c), "h": states["h"]}


def equations(cell: LSTMCell, n: Numbers) -> list[str]:
    act, gate = function(cell.activation), function(cell.recurrent_activation)

    def plus_b(name: str) -> str:
        return rf" + \mathbf{{b}}_{name}" if cell.bias is not None else ""

    blocks = [
        aligned(
            n.symbol(rf"\mathbf{{{name}}}"),
            rf"{fn}(\mathbf{{x}}_t W_{name} + \mathbf{{h}}_{{t-1}} U_{name}{plus_b(name)})",
            rf"{fn}({n('a_' + name)}) = {n(name)}",
        )
        for name, fn in (("i", gate), ("f", gate), ("g", act), ("o", gate))
    ]
    blocks.append(aligned(
        n.symbol(r"\mathbf{c}_t"),
        r"\mathbf{f} \odot \mathbf{c}_{t-1} + \mathbf{i} \odot \mathbf{g}",
        rf"{n('f')} \odot {n('c_prev', True)} + {n('i')} \odot {n('g', True)}",
        rf"{n('fc')} + {n('ig', True)} = {n('c')}",
    ))
    blocks.append(aligned(
        n.symbol(r"\mathbf{h}_t"),
        rf"\mathbf{{o}} \odot {act}(\mathbf{{c}}_t)",
        rf"{n('o')} \odot {act}({n('c')})",
        rf"{n('o')} \odot {n('act_c', True)} = {n('h')}",
    ))
    return blocks


def plain(activation: str) -> dict[str, str]:
    return {"h_prev": "h_{t-1}", "a_i": "a_i", "a_f": "a_f", "a_g": "a_g", "a_o": "a_o",
            "i": "i", "f": "f", "g": "g", "o": "o", "c_prev": "c_{t-1}", "fc": "f⊙c_{t-1}",
            "ig": "i⊙g", "c": "c_t", "act_c": f"{activation}(c_t)", "h": "h_t"}


def layout(activation: str) -> Layout:
    nodes = [
        Node("c_prev", 0.7, BELT, "cₜ₋₁"), Node("fc", 3.0, BELT, "× fₜ·cₜ₋₁"),
        Node("c", 6.0, BELT, "+ cₜ"),
        Node("f", 3.0, GATE, "fₜ σ"), Node("i", 4.5, GATE, "iₜ σ"),
        Node("g", 6.0, GATE, "c̃ₜ " + activation), Node("o", 7.5, GATE, "oₜ σ"),
        Node("ig", 6.0, MID, "× iₜ·c̃ₜ"),
        Node("act_c", 9.0, MID, f"{activation}(cₜ)"), Node("h", 9.0, LOW, "× hₜ"),
        Node("h_prev", 0.7, LOW, "hₜ₋₁"), Node(None, 0.7, INPUT, "xₜ"),
    ]
    wires = [
        ((0.7, BELT), (11.6, BELT)), ((3.0, GATE), (3.0, BELT)),
        ((4.5, GATE), (4.5, MID), (6.0, MID)), ((6.0, GATE), (6.0, BELT)),
        ((7.5, GATE), (7.5, LOW), (9.0, LOW)), ((9.0, BELT), (9.0, LOW)),
        ((9.0, LOW), (11.6, LOW)), ((10.5, LOW), (10.5, INPUT)),
        ((0.7, LOW), (2.0, LOW), (2.0, BUS)), *bus((3.0, 4.5, 6.0, 7.5)),
    ]
    return nodes, wires, [(11.6, BELT, "cₜ"), (11.6, LOW, "hₜ")], (10.5, INPUT)


def numpy_step(reset_after: bool) -> str:
    return """def step(x_t, states, kernel, recurrent, bias):
    h, c = states
    z = x_t @ kernel + h @ recurrent + bias
    i, f, g, o = np.split(z, 4, axis=-1)  # Keras's gate order
    c = sigmoid(f) * c + sigmoid(i) * act(g)
    return [sigmoid(o) * act(c), c]"""


LSTM = CellKind(
    name="LSTM", keras_name="lstm", engine=LSTMCell, blocks=4, states=("h", "c"),
    gates=("i", "f", "o"),
    panels=("h", "c", "i", "f", "g", "o"), bars=("h", "c"), bars_title="step.state_bars",
    gate_map=("i", "f", "o"), gate_map_title="step.lstm_gates", step_note="step.lstm_note",
    hello_note=None, state_note="lab.note_lstm_c", terms=terms, equations=equations, plain=plain,
    layout=layout, numpy_step=numpy_step, forget_block=1,
)
