"""Keras's Bidirectional: the same input read by a forward and a backward layer."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.engine.recurrent import RecurrentSpec
from rnnviz.engine.trace import MERGES, BidirectionalTrace


@dataclass(frozen=True)
class BidirectionalSpec:
    """Two recurrent specs (the backward one has `go_backwards=True`) and a merge mode."""

    forward: RecurrentSpec
    backward: RecurrentSpec
    merge_mode: str | None = "concat"

    def __post_init__(self) -> None:
        if self.merge_mode is not None and self.merge_mode not in MERGES:
            raise ValueError(f"unknown merge_mode {self.merge_mode!r}")

    @property
    def kind(self) -> str:
        return self.forward.kind

    @property
    def units(self) -> int:
        return self.forward.units

    def run(self, x: np.ndarray, mask: np.ndarray | None = None) -> BidirectionalTrace:
        return BidirectionalTrace(
            self.forward.run(x, mask), self.backward.run(x, mask), self.merge_mode
        )
