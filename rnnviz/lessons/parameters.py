"""Where each layer's parameter count comes from, written out with the lesson's numbers
(L4: 9·8 + 8·8 + 8 = 144 and 8·9 + 9 = 81), beside the counts `keras_models.summary_rows`
gives and `model.summary()` prints.

Keras stacks a cell's gates side by side: SimpleRNN has one block (kernel D×U, recurrent
kernel U×U, bias U), LSTM four (i, f, c, o), GRU three (z, r, h) with two bias rows, since
Keras's GRU adds a bias inside the reset product too (`reset_after=True`).
"""
from __future__ import annotations

from dataclasses import dataclass

from rnnviz.cells import KINDS
from rnnviz.keras_models import ModelConfig


@dataclass(frozen=True)
class Breakdown:
    """One summary row's count: the formula in symbols and with this model's numbers."""

    symbols: str
    numbers: str  # ends in "= <count>"
    count: int


def _recurrent(cell: str, d: int, u: int) -> Breakdown:
    kind = KINDS[cell]
    g, bias_rows = kind.blocks, kind.bias_rows()
    bias, bias_n = ("2·U", f"2·{u}") if bias_rows == 2 else ("U", f"{u}")
    inner, inner_n = f"D·U + U·U + {bias}", f"{d}·{u} + {u}·{u} + {bias_n}"
    count = kind.params(d, u)
    if g == 1:
        return Breakdown(inner, f"{inner_n} = {count}", count)
    return Breakdown(f"{g}·({inner})", f"{g}·({inner_n}) = {count}", count)


def breakdown(config: ModelConfig) -> list[Breakdown]:
    """One `Breakdown` per layer, in `summary_rows` order: the identity embedding (V·V, not
    trained), each recurrent layer (D is the vocabulary, then the units below), the head."""
    v, u, k = config.vocab_size, config.units, config.classes
    rows = []
    if config.input_encoding == "identity_embedding":
        rows.append(Breakdown("V·V", f"{v}·{v} = {v * v}", v * v))
    features = v
    for _ in range(config.layers):
        rows.append(_recurrent(config.cell, features, u))
        features = u
    rows.append(Breakdown("U·K + K", f"{features}·{k} + {k} = {features * k + k}",
                          features * k + k))
    return rows
