"""LSTM and GRU as a stateful Time layer, built from the engine's cells and their backward.

The book's chapter 6 swaps TimeRNN for TimeLSTM in the same RNNLM. Here the step arithmetic is
the engine's (`rnnviz.engine.cells`: Keras's LSTM and GRU, forward and backward, tested against
Keras and tf.GradientTape), and this layer only does what TimeRNN does around it: loop over
time, carry the states from one batch to the next until `reset_state()`, and stop the gradient
at the batch's edge (truncated BPTT). Keras's conventions hold, not the book's: the LSTM's
blocks are i, f, c, o (the book slices f, g, i, o), and the GRU mixes z·h + (1 - z)·h~ with a
(2, 3H) bias (the book: (1 - z)·h + z·h~).
"""
from __future__ import annotations

import numpy as np

from rnnviz.cells import KINDS


def cell_params(cell: str, wordvec_size: int, hidden_size: int,
                rng: np.random.Generator) -> list[np.ndarray]:
    """[kernel, recurrent kernel, bias] in Keras's shapes, drawn as the book draws its LSTM's:
    randn / sqrt(fan_in), zero bias."""
    D, H, k = wordvec_size, hidden_size, KINDS[cell].blocks
    bias = KINDS[cell].zero_bias(H).astype(np.float64)
    return [rng.standard_normal((D, k * H)) / np.sqrt(D),
            rng.standard_normal((H, k * H)) / np.sqrt(H), bias]


class TimeCell:
    """An engine cell looped over T steps: xs (N, T, D) -> hs (N, T, H)."""

    def __init__(self, cell: str, params: list[np.ndarray], stateful: bool = True) -> None:
        kernel, recurrent_kernel, bias = params
        # The cell holds these very arrays, so an optimiser updating `params` in place
        # updates the cell.
        self.cell = KINDS[cell].engine(kernel, recurrent_kernel, bias)
        self.params = [kernel, recurrent_kernel, bias]
        self.grads = [np.zeros_like(p) for p in self.params]
        self.stateful = stateful
        self.states: tuple[np.ndarray, ...] | None = None
        self._steps: list[tuple[np.ndarray, tuple[np.ndarray, ...], dict[str, np.ndarray]]] = []

    @property
    def h(self) -> np.ndarray | None:
        return None if self.states is None else self.states[0]

    def set_state(self, states: tuple[np.ndarray, ...] | None) -> None:
        self.states = states

    def reset_state(self) -> None:
        self.states = None

    def forward(self, xs: np.ndarray) -> np.ndarray:
        N, T, _ = xs.shape
        H = self.cell.units
        dtype = self.params[0].dtype
        if not self.stateful or self.states is None:
            self.states = tuple(np.zeros((N, H), dtype) for _ in self.cell.state_names)
        hs = np.empty((N, T, H), dtype)
        self._steps = []
        states = self.states
        for t in range(T):
            h, new_states, values = self.cell.step(xs[:, t], states)
            self._steps.append((xs[:, t], states, values))
            hs[:, t] = h
            states = new_states
        self.states = states
        return hs

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        N, T, H = dhs.shape
        for g in self.grads:
            g[...] = 0
        dxs = np.empty((N, T, self.params[0].shape[0]), dhs.dtype)
        after = [np.zeros((N, H), dhs.dtype) for _ in self.cell.state_names]
        for t in reversed(range(T)):
            x, previous, values = self._steps[t]
            d_new = (after[0] + dhs[:, t], *after[1:])
            dx, d_previous, step_grads = self.cell.backward(x, previous, values, d_new)
            dxs[:, t] = dx
            for total, part in zip(self.grads, step_grads):
                total += part
            after = list(d_previous)
        self.d_states = tuple(after)
        return dxs
