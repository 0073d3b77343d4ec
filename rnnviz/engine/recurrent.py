"""A recurrent layer = a cell looped over time, the way Keras's RNN layer loops it.

Masking follows Keras: at a masked step every state keeps its value and the emitted output
repeats the previous one (zeros before the first unmasked step), or is zero when
`zero_output_for_mask`. With `go_backwards` the inputs are read last to first and the
outputs stay in processing order. The layer computes in its weights' dtype: float32 for
everything converted from Keras, float64 when a gradient check asks for it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from rnnviz.engine.cells import Cell
from rnnviz.engine.trace import Trace


def _check_input(
    x: np.ndarray, mask: np.ndarray | None, dtype: np.dtype
) -> tuple[np.ndarray, np.ndarray]:
    x = np.asarray(x, dtype=dtype)
    if x.ndim != 3:
        raise ValueError(f"input must be (batch, time, features), got shape {x.shape}")
    if mask is None:
        return x, np.ones(x.shape[:2], dtype=bool)
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != x.shape[:2]:
        raise ValueError(f"mask must be (batch, time) = {x.shape[:2]}, got {mask.shape}")
    return x, mask


@dataclass(frozen=True)
class RecurrentSpec:
    """A built Keras SimpleRNN / LSTM / GRU layer reduced to plain numpy weights and flags."""

    cell: Cell
    go_backwards: bool = False
    zero_output_for_mask: bool = False

    @property
    def kind(self) -> str:
        return self.cell.kind

    @property
    def units(self) -> int:
        return self.cell.units

    @property
    def weights(self) -> list[np.ndarray]:
        """The weights in `layer.get_weights()` order."""
        return self.cell.weights

    def with_weights(self, weights: list[np.ndarray]) -> RecurrentSpec:
        return replace(self, cell=self.cell.with_weights(weights))

    def run(
        self, x: np.ndarray, mask: np.ndarray | None = None,
        initial_state: list[np.ndarray] | None = None,
    ) -> Trace:
        """Run over every timestep of `x` (batch, time, features), keeping each step.
        `initial_state` (Keras's order: h, then c for LSTM) defaults to zeros; a language
        model carries the last states of one batch into the next this way."""
        dtype = self.cell.kernel.dtype
        x, mask = _check_input(x, mask, dtype)
        batch, time = x.shape[:2]
        positions = np.arange(time)[::-1] if self.go_backwards else np.arange(time)
        x, mask = x[:, positions], mask[:, positions]
        names = self.cell.state_names
        if initial_state is None:
            state = tuple(np.zeros((batch, self.units), dtype) for _ in names)
        else:
            state = tuple(np.asarray(s, dtype=dtype) for s in initial_state)
            if len(state) != len(names) or any(s.shape != (batch, self.units) for s in state):
                raise ValueError(
                    f"initial_state must be {len(names)} array(s) of shape {(batch, self.units)}"
                )
        emitted = np.zeros((batch, self.units), dtype)
        previous, states, values, carried, zeroed = [], [], [], [], []
        for t in range(time):
            out, new_state, inner = self.cell.step(x[:, t], state)
            keep = mask[:, t, None]
            previous.append(state)
            state = tuple(np.where(keep, new, old) for new, old in zip(new_state, state))
            emitted = np.where(keep, out, emitted)
            states.append(state)
            values.append(inner)
            carried.append(emitted)
            zeroed.append(np.where(keep, out, np.zeros_like(out)))

        def stack(rows: list[np.ndarray]) -> np.ndarray:
            if not rows:
                return np.zeros((batch, 0, self.units), dtype)
            return np.stack(rows, axis=1).astype(dtype, copy=False)

        return Trace(
            cell=self.cell,
            positions=positions,
            inputs=x,
            mask=mask,
            previous={n: stack([s[i] for s in previous]) for i, n in enumerate(names)},
            states={n: stack([s[i] for s in states]) for i, n in enumerate(names)},
            values={k: stack([v[k] for v in values]) for k in (values[0] if values else {})},
            carried=stack(carried),
            zeroed=stack(zeroed),
            zero_output_for_mask=self.zero_output_for_mask,
        )
