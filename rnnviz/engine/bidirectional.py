"""Keras's Bidirectional: the same input read by a forward and a backward layer."""
from __future__ import annotations

from dataclasses import dataclass, replace

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

    @property
    def weights(self) -> list[np.ndarray]:
        """In the Bidirectional layer's `get_weights()` order: forward's, then backward's."""
        return self.forward.weights + self.backward.weights

    def with_weights(self, weights: list[np.ndarray]) -> BidirectionalSpec:
        split = len(self.forward.weights)
        return replace(self, forward=self.forward.with_weights(weights[:split]),
                       backward=self.backward.with_weights(weights[split:]))

    def run(self, x: np.ndarray, mask: np.ndarray | None = None) -> BidirectionalTrace:
        return BidirectionalTrace(
            self.forward.run(x, mask), self.backward.run(x, mask), self.merge_mode
        )
