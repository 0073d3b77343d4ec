"""The Step-through trace as CSV: every number read back equals the engine's trace, in
reading order, for a one-way and a Bidirectional model; the page offers the file."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.engine import BidirectionalSpec, Dense, RecurrentSpec, SequenceModel
from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.stepthrough.export import trace_csv

REPO = Path(__file__).resolve().parents[1]


def rows(text: str) -> tuple[list[str], list[list[str]]]:
    table = list(csv.reader(io.StringIO(text)))
    return table[0], table[1:]


def column(header: list[str], body: list[list[str]], name: str) -> np.ndarray:
    index = header.index(name)
    return np.array([float(row[index]) for row in body])


@pytest.mark.parametrize("key,word", [("hello", "hell"), ("words-lstm", "hello")])
def test_every_number_equals_the_engines_trace(key: str, word: str) -> None:
    model = load(key)
    walk = Walk(model, read(model, word))
    header, body = rows(trace_csv(walk))
    assert [row[1] for row in body] == list(word)
    run = model.run(np.array([[model.tokens.index(c) for c in word]]))
    layer = run.layers[0]
    for u in range(layer.hidden.shape[-1]):
        np.testing.assert_array_equal(column(header, body, f"layer1.h.{u}"), layer.hidden[0, :, u])
    for c in range(len(model.labels)):
        np.testing.assert_array_equal(column(header, body, f"score.{c}"), run.step_logits[0, :, c])
        np.testing.assert_array_equal(column(header, body, f"softmax.{c}"),
                                      run.step_probs[0, :, c])
    if layer.cell.kind == "LSTM":
        assert any(name.startswith("layer1.c.") for name in header)


def test_a_backward_direction_is_written_in_reading_order() -> None:
    model = load("hello")
    cell = model.layers[0].cell
    both = SequenceModel(model.tokens, model.labels, [BidirectionalSpec(
        RecurrentSpec(cell), RecurrentSpec(cell, go_backwards=True), "sum")],
        Dense(model.head.kernel, model.head.bias, "softmax"))
    walk = Walk(both, read(both, "hel"))
    header, body = rows(trace_csv(walk))
    backward = both.run(np.array([[0, 1, 2]])).layers[0].backward
    np.testing.assert_array_equal(column(header, body, "layer1.backward.h.0"),
                                  backward.hidden[0, ::-1, 0])


def test_the_step_through_page_offers_the_csv() -> None:
    at = AppTest.from_file(str(REPO / "pages" / "step_through.py"), default_timeout=60).run()
    assert not at.exception
    buttons = [b for b in at.get("download_button") if b.key == "step_trace_csv"]
    assert len(buttons) == 1
