"""The parameter formulas add up to what Keras's count_params says, layer by layer."""
from __future__ import annotations

import pytest

from rnnviz.keras_models import CELLS, build_model, config_for
from rnnviz.lessons.parameters import breakdown
from rnnviz.lessons.presets import TRAINABLE, five_words


def evaluated(numbers: str) -> tuple[int, int]:
    """(the arithmetic on the left of '=', the count on the right)."""
    left, right = numbers.split(" = ")
    return eval(left.replace("·", "*"), {"__builtins__": {}}), int(right)  # noqa: S307


@pytest.mark.parametrize("cell", CELLS)
def test_every_formula_adds_up_to_keras_count_params(cell: str) -> None:
    for make in TRAINABLE.values():
        for layers in (1, 2):
            config = config_for(make(), cell=cell, layers=layers, seed=1)
            model = build_model(config)
            rows = breakdown(config)
            assert len(rows) == len(model.layers)
            for row, layer in zip(rows, model.layers):
                value, count = evaluated(row.numbers)
                assert value == count == row.count == layer.count_params()


def test_l4_reads_as_the_lecture_writes_it() -> None:
    rows = breakdown(config_for(five_words()))
    assert [row.numbers for row in rows] == ["9·8 + 8·8 + 8 = 144", "8·9 + 9 = 81"]
    assert [row.symbols for row in rows] == ["D·U + U·U + U", "U·K + K"]
