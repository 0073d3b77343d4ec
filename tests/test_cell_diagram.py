"""The cell diagram shows the numbers Keras computes at the step it draws.

The models are the Keras models of test_stepthrough (one-hot input -> SimpleRNN/LSTM/GRU of
3 units -> softmax); the expected hidden and cell states are read from Keras itself, the
gates from the engine trace that test_stepthrough ties to Keras.
"""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.charts.cell_diagram import cell_diagram
from rnnviz.charts.config import MIN_FONT
from tests.drawing import numbers as drawn
from tests.drawing import texts, title
from tests.test_stepthrough import KINDS, built

# Every box a drawing of each kind must hold.
BOXES = {
    "SimpleRNN": {"h_prev", "xw", "hu", "b", "pre", "h"},
    "LSTM": {"c_prev", "h_prev", "f", "i", "g", "o", "fc", "ig", "c", "act_c", "h"},
    "GRU": {"h_prev", "z", "r", "rec_h", "hh", "zh", "zhh", "h"},
}


def draw(kind: str, t: int, unit: int | None = None) -> str:
    walk = built(kind).walk
    step = walk.step(t)
    (direction, terms), = step.layers
    return cell_diagram(kind, terms, token=step.token.shown, title="t", output="out",
                        unit=unit, activation=direction.trace.cell.activation)


@pytest.mark.parametrize("kind", KINDS)
def test_the_drawing_prints_the_keras_states_of_every_step(kind: str) -> None:
    case = built(kind)
    for t in range(len(case.walk)):
        numbers = drawn(draw(kind, t))
        assert {key.split("[")[0] for key in numbers} == BOXES[kind]
        previous = case.hidden[t - 1] if t else np.zeros_like(case.hidden[0])
        for u in range(case.hidden.shape[1]):
            assert numbers[f"h[{u}]"] == pytest.approx(case.hidden[t, u], abs=0.0051)
            assert numbers[f"h_prev[{u}]"] == pytest.approx(previous[u], abs=0.0051)
            if case.cells is not None:
                assert numbers[f"c[{u}]"] == pytest.approx(case.cells[t, u], abs=0.0051)


@pytest.mark.parametrize("kind", KINDS)
def test_every_gate_and_product_is_the_traces_value_at_that_step(kind: str) -> None:
    walk = built(kind).walk
    direction = walk.directions[0]
    trace = direction.trace
    for t in (0, len(walk) - 1):
        numbers = drawn(draw(kind, t))
        k = int(direction.order[t])
        from_trace = {name: values[0, k] for name, values in trace.values.items()}
        for gate in ({"i", "f", "g", "o"} if kind == "LSTM" else
                     {"z", "r", "hh", "rec_h"} if kind == "GRU" else {"xw", "hu", "pre"}):
            for u, value in enumerate(from_trace[gate]):
                assert numbers[f"{gate}[{u}]"] == pytest.approx(value, abs=0.0051)
        if kind == "LSTM":
            c_prev = trace.previous["c"][0, k]
            for u in range(len(c_prev)):
                assert numbers[f"fc[{u}]"] == pytest.approx(
                    from_trace["f"][u] * c_prev[u], abs=0.0051)
                assert numbers[f"act_c[{u}]"] == pytest.approx(
                    np.tanh(trace.states["c"][0, k, u]), abs=0.0051)


def test_a_picked_unit_is_drawn_alone_and_the_numbers_change_with_the_step() -> None:
    first, last = drawn(draw("LSTM", 0, unit=2)), drawn(draw("LSTM", 3, unit=2))
    assert set(first) == {f"{key}[2]" for key in BOXES["LSTM"]}
    assert first != last


@pytest.mark.parametrize("kind", KINDS)
def test_labels_are_escaped_well_formed_and_readable_on_a_projector(kind: str) -> None:
    walk = built(kind).walk
    step = walk.step(0)
    (_, terms), = step.layers
    svg = cell_diagram(kind, terms, token="<b>%{x}$a$</b>", title="<i>title</i> & more",
                       output="<script>", activation="tanh")
    assert "<script" not in svg and "<b>" not in svg and "<i>" not in svg
    shown = [element.text for element in texts(svg)]  # parsed: the characters as typed
    assert "<b>%{x}$a$</b>" in shown and "<script>" in shown
    assert title(svg) == "<i>title</i> & more"
    assert min(float(element.get("font-size")) for element in texts(svg)) >= MIN_FONT


def test_a_long_title_wraps_inside_the_drawing() -> None:
    (_, terms), = built("GRU").walk.step(0).layers
    long = "Layer 1 · GRU, 64 units (backward) · the cell at step 12, reading a very long word"
    svg = cell_diagram("GRU", terms, token="a", title=long, output="out")
    lines = [t for t in texts(svg) if t.get("font-weight") == "bold"]
    assert len(lines) == 2 and title(svg) == long
