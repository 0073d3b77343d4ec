"""How large a trained model's hidden state gets over the steps of one word.

L4 asks why a recurrent layer uses tanh and not relu: tanh keeps every unit of h_t inside
(-1, 1) however long the input, while relu passes positive sums through unchanged, so
nothing bounds what the recurrence feeds back, and zeroes negative ones. Two models of the
same lesson trained with different activations, run by the numpy engine on the same word,
show it: the largest |h_t| over the units, step by step.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from rnnviz.engine import BidirectionalTrace, SequenceModel
from rnnviz.lessons import Lesson

# Where tanh (and sigmoid) keep every unit of the hidden state: |h_t| < 1.
TANH_BOUND = 1.0


def largest_hidden(model: SequenceModel, ids: Sequence[int]) -> np.ndarray:
    """(T,) the largest |h_t| over the units of the top recurrent layer, the one the head
    reads, after each of the T tokens of `ids`, from the engine's trace of the trained
    weights."""
    if not len(ids):
        return np.zeros(0, np.float32)
    trace = model.run(np.asarray([list(ids)]))
    top = trace.layers[-1]
    if isinstance(top, BidirectionalTrace):
        sequences = [top.forward, top.backward]
    else:
        sequences = [top]
    largest = [np.abs(part.states["h"][0][np.argsort(part.positions)]).max(axis=-1)
               for part in sequences]
    return np.max(largest, axis=0)


def same_data(a: Lesson, b: Lesson) -> bool:
    """Whether two runs learned the same data (one preset, or the same typed words), so
    their curves and their hidden states compare."""
    return a.key == b.key and a.samples == b.samples
