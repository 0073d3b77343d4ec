"""One home per kind of recurrent cell: `KINDS["LSTM"]` is everything the app teaches about
an LSTM (see `rnnviz.cells.kind.CellKind`). The arithmetic stays in `rnnviz.engine.cells`,
which each kind links. Adding a kind is one module here, listed below, plus its tests."""
from __future__ import annotations

from rnnviz.cells.gru import GRU
from rnnviz.cells.kind import CellKind
from rnnviz.cells.lstm import LSTM
from rnnviz.cells.simple_rnn import SIMPLE_RNN

KINDS: dict[str, CellKind] = {kind.name: kind for kind in (SIMPLE_RNN, LSTM, GRU)}
# The kinds' names in the order every menu lists them.
NAMES: tuple[str, ...] = tuple(KINDS)


def kind_of(cell: object) -> CellKind:
    """The kind of an engine cell (its `kind` attribute names it)."""
    return KINDS[cell.kind]


__all__ = ["KINDS", "NAMES", "CellKind", "kind_of"]
