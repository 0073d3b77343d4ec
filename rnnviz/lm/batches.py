"""How truncated BPTT cuts one long corpus into mini-batches (the book's `train_custom_loop`).

The corpus is one sequence: inputs xs = corpus[:-1], targets ts = corpus[1:]. Each of the
`batch_size` rows of a batch reads its own stretch of it, starting at offset
i * (corpus_size - 1) // batch_size, and every batch moves all rows `time_size` words further,
wrapping around the end, so row i's batches are consecutive pieces of one stream and the
hidden state carried from one batch to the next belongs to the words just before.
"""
from __future__ import annotations

import numpy as np


def offsets(corpus_size: int, batch_size: int) -> np.ndarray:
    """Where each batch row starts reading: row i at i * jump, with
    jump = (corpus_size - 1) // batch_size."""
    jump = (corpus_size - 1) // batch_size
    return np.arange(batch_size) * jump


def iterations_per_epoch(corpus_size: int, batch_size: int, time_size: int) -> int:
    """The book's max_iters: as many batches as fit the data once (at least one)."""
    return max(1, (corpus_size - 1) // (batch_size * time_size))


def positions(corpus_size: int, batch_size: int, time_size: int, time_idx: int) -> np.ndarray:
    """(batch_size, time_size) indices into xs and ts of the batch that starts at `time_idx`."""
    data_size = corpus_size - 1
    steps = time_idx + np.arange(time_size)
    return (offsets(corpus_size, batch_size)[:, None] + steps[None, :]) % data_size


def batch(corpus: np.ndarray, batch_size: int, time_size: int,
          time_idx: int) -> tuple[np.ndarray, np.ndarray]:
    """(inputs, targets), each (batch_size, time_size) word ids; targets are the next words."""
    where = positions(len(corpus), batch_size, time_size, time_idx)
    return corpus[:-1][where], corpus[1:][where]
