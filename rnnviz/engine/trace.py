"""What one run of a recurrent layer leaves behind: every timestep's numbers.

Arrays are indexed (batch, step, ...) in processing order, as Keras emits them; with
`go_backwards` step 0 reads the last input, and `positions[k]` says which input step k read.
`outputs()` assembles from the trace exactly what the Keras layer returns; `backward()` runs
backpropagation through time over the same steps.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.engine.bptt import BidirectionalGradients, Gradients, backpropagate
from rnnviz.engine.cells import Cell

Returned = np.ndarray | list[np.ndarray]


@dataclass
class Trace:
    """Per-timestep record of one recurrent layer (one direction)."""

    cell: Cell
    positions: np.ndarray  # (T,) input position read at each step
    inputs: np.ndarray  # (B, T, D)
    mask: np.ndarray  # (B, T) bool: False where the step was skipped
    previous: dict[str, np.ndarray]  # state name -> (B, T, U) state entering each step
    states: dict[str, np.ndarray]  # state name -> (B, T, U) state after each step
    values: dict[str, np.ndarray]  # intermediate name -> (B, T, ...) as the cell computed it
    carried: np.ndarray  # (B, T, U) emitted outputs; a masked step repeats the previous one
    zeroed: np.ndarray  # (B, T, U) emitted outputs; a masked step emits zeros
    zero_output_for_mask: bool = False

    @property
    def hidden(self) -> np.ndarray:
        """(B, T, U) hidden state after each step."""
        return self.states["h"]

    def final_states(self) -> list[np.ndarray]:
        """The states after the last step, in Keras's order (h, then c for LSTM)."""
        return [self.states[name][:, -1] for name in self.cell.state_names]

    def sequence(self, zero_output_for_mask: bool | None = None) -> np.ndarray:
        """The emitted output sequence, as Keras's `return_sequences=True` gives it."""
        zero = self.zero_output_for_mask if zero_output_for_mask is None else zero_output_for_mask
        return self.zeroed if zero else self.carried

    def outputs(self, return_sequences: bool = False, return_state: bool = False) -> Returned:
        """Exactly what the Keras layer returns with these two flags."""
        seq = self.sequence()
        out = seq if return_sequences else seq[:, -1]
        return [out, *self.final_states()] if return_state else out

    def backward(
        self, d_sequence: np.ndarray, zero_output_for_mask: bool | None = None
    ) -> Gradients:
        """BPTT for dL/d(output sequence) `d_sequence` (B, T, U), in processing order as
        `outputs(return_sequences=True)` gives it (zeros where the loss does not look):
        `.weights` in `layer.get_weights()` order, `.inputs` dL/dx in input order, `.hidden`
        dL/dh_t per step. Equals tf.GradientTape on sum(d_sequence * layer(x, mask=mask))."""
        return backpropagate(self, d_sequence, zero_output_for_mask)


MERGES = {
    "concat": lambda a, b: np.concatenate([a, b], axis=-1),
    "sum": lambda a, b: a + b,
    "ave": lambda a, b: (a + b) / 2,
    "mul": lambda a, b: a * b,
}


@dataclass
class BidirectionalTrace:
    """A forward and a backward trace, merged the way Keras's Bidirectional merges them."""

    forward: Trace
    backward: Trace
    merge_mode: str | None = "concat"

    def directions(self, return_sequences: bool) -> tuple[np.ndarray, np.ndarray]:
        """(forward, backward) outputs before merging; the backward sequence is flipped back
        into input order. Bidirectional zeroes masked outputs exactly when it returns
        sequences."""
        y = self.forward.sequence(zero_output_for_mask=return_sequences)
        y_rev = self.backward.sequence(zero_output_for_mask=return_sequences)
        if return_sequences:
            return y, y_rev[:, ::-1]
        return y[:, -1], y_rev[:, -1]

    def final_states(self) -> list[np.ndarray]:
        return self.forward.final_states() + self.backward.final_states()

    def outputs(self, return_sequences: bool = False, return_state: bool = False) -> Returned:
        """Exactly what the Keras Bidirectional layer returns with these two flags."""
        y, y_rev = self.directions(return_sequences)
        merged = [y, y_rev] if self.merge_mode is None else [MERGES[self.merge_mode](y, y_rev)]
        if return_state:
            return merged + self.final_states()
        return merged if self.merge_mode is None else merged[0]

    def gradients(
        self, d_output: np.ndarray | list[np.ndarray], return_sequences: bool = True
    ) -> BidirectionalGradients:
        """BPTT through both directions for dL/d(what `outputs(return_sequences)` returns):
        the merged array, or the [forward, backward] pair when merge_mode is None, with the
        backward half in input order as Keras returns it. (Named apart from `backward`, which
        is the backward direction's trace.)"""
        d_y, d_y_rev = self._unmerge(d_output, return_sequences)
        if return_sequences:
            d_y_rev = d_y_rev[:, ::-1]
        else:
            d_y, d_y_rev = self._at_last_step(d_y), self._at_last_step(d_y_rev)
        return BidirectionalGradients(
            self.forward.backward(d_y, zero_output_for_mask=return_sequences),
            self.backward.backward(d_y_rev, zero_output_for_mask=return_sequences),
        )

    def _unmerge(
        self, d_output: np.ndarray | list[np.ndarray], return_sequences: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """dL/d(each direction's output) from dL/d(merged output)."""
        if self.merge_mode is None:
            d_y, d_y_rev = d_output
            return np.asarray(d_y), np.asarray(d_y_rev)
        d = np.asarray(d_output)
        if self.merge_mode == "concat":
            return d[..., : self.forward.cell.units], d[..., self.forward.cell.units :]
        if self.merge_mode == "sum":
            return d, d
        if self.merge_mode == "ave":
            return d / 2, d / 2
        y, y_rev = self.directions(return_sequences)
        return d * y_rev, d * y

    def _at_last_step(self, d_last: np.ndarray) -> np.ndarray:
        """(B, U) dL/d(last output) as a (B, T, U) sequence gradient, zero before it."""
        d_sequence = np.zeros_like(self.forward.carried, dtype=d_last.dtype)
        d_sequence[:, -1] = d_last
        return d_sequence
