"""Backpropagation through time: one layer's trace walked from its last step to its first.

The cell does the arithmetic of a step (`cell.backward`); this loop only routes gradients the
way the forward loop routed values. A step's hidden state h_t is one variable used three ways:
as the emitted output at t (zeroed there when the step is masked and the layer zeroes masked
outputs), as the next step's input state, and, when the next step is masked, as the state
that step carries on unchanged. So dL/dh_t = dL/dy_t + what flows back from step t + 1, and a
masked step passes its gradient straight to the step before it without touching the cell.
The emitted output of a masked step that repeats the previous one *is* that earlier state,
which is why no separate output gradient has to be carried; only the masked steps before a
row's first unmasked one emit zeros (Keras does so even from a given initial state), so the
loss's gradient there goes nowhere.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from rnnviz.engine.trace import Trace


@dataclass
class Gradients:
    """dL/d(everything) of one recurrent layer, for a given dL/d(output sequence)."""

    weights: list[np.ndarray]  # in `layer.get_weights()` order and shapes
    inputs: np.ndarray  # (B, T, D) dL/dx in input order
    states: dict[str, np.ndarray]  # state name -> (B, T, U) dL/d(state after each step)
    initial_states: list[np.ndarray]  # dL/d(the states the layer started from)

    @property
    def hidden(self) -> np.ndarray:
        """(B, T, U) dL/dh_t for every step, in processing order: all the loss owes to
        `trace.hidden[:, t]`, through that step's output and every later step."""
        return self.states["h"]


@dataclass
class BidirectionalGradients:
    """Both directions' gradients; the input's is their sum, since both read the same x."""

    forward: Gradients
    backward: Gradients

    @property
    def weights(self) -> list[np.ndarray]:
        """In the Bidirectional layer's `get_weights()` order: forward's, then backward's."""
        return self.forward.weights + self.backward.weights

    @property
    def inputs(self) -> np.ndarray:
        return self.forward.inputs + self.backward.inputs


def backpropagate(
    trace: Trace, d_sequence: np.ndarray, zero_output_for_mask: bool | None = None
) -> Gradients:
    """Gradients of sum(d_sequence * trace.sequence(zero_output_for_mask)) with respect to
    every weight, input and state of the layer that left `trace`."""
    cell, mask = trace.cell, trace.mask
    dtype = trace.inputs.dtype
    d_sequence = np.asarray(d_sequence, dtype=dtype)
    if d_sequence.shape != trace.carried.shape:
        raise ValueError(
            f"d_sequence must be (batch, time, units) = {trace.carried.shape}, "
            f"got {d_sequence.shape}"
        )
    if zero_output_for_mask is None:
        zero_output_for_mask = trace.zero_output_for_mask
    emits_state = mask if zero_output_for_mask else np.logical_or.accumulate(mask, axis=1)
    d_sequence = np.where(emits_state[..., None], d_sequence, 0)
    names = cell.state_names
    d_weights = [np.zeros_like(w, dtype=dtype) for w in cell.weights]
    d_inputs = np.zeros_like(trace.inputs)
    d_states = {n: np.zeros_like(trace.states[n]) for n in names}
    batch, _, units = d_sequence.shape
    after = [np.zeros((batch, units), dtype) for _ in names]  # dL/d(state) from later steps
    for t in reversed(range(d_sequence.shape[1])):
        keep = mask[:, t, None]
        here = [after[0] + d_sequence[:, t], *after[1:]]  # h (always first) is also emitted
        for name, d in zip(names, here):
            d_states[name][:, t] = d
        previous = tuple(trace.previous[n][:, t] for n in names)
        values = {k: v[:, t] for k, v in trace.values.items()}
        d_new = tuple(np.where(keep, d, 0) for d in here)
        dx, d_previous, step_weights = cell.backward(trace.inputs[:, t], previous, values, d_new)
        d_inputs[:, t] = np.where(keep, dx, 0)
        for total, part in zip(d_weights, step_weights):
            total += part
        after = [np.where(keep, dp, d) for dp, d in zip(d_previous, here)]
    in_order = np.empty_like(d_inputs)
    in_order[:, trace.positions] = d_inputs
    return Gradients(d_weights, in_order, d_states, after)
