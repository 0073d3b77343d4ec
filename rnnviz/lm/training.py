"""Truncated BPTT over a corpus, iteration by iteration, as the book's training loop.

`LMTraining` keeps what carries across iterations and epochs: the model (its hidden state
included, never reset between batches or epochs, as in the book) and `time_idx`, the stream
position every batch row has reached. Perplexity per epoch is exp(mean loss of its iterations).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from threadpoolctl import threadpool_limits

from rnnviz.cells import NAMES
from rnnviz.lm.batches import batch, iterations_per_epoch
from rnnviz.lm.model import RNNLM, clip_grads, init_params, sgd


CELLS: tuple[str, ...] = NAMES
# (min, max) of what the page lets a student set: enough to try the book's variations, small
# enough that a run stays seconds long on a shared two-core server.
LIMITS = {
    "wordvec_size": (1, 300), "hidden_size": (1, 300), "batch_size": (1, 50),
    "time_size": (1, 50), "epochs": (1, 500), "seed": (0, 9999),
}
LEARNING_RATE = (0.001, 50.0)  # chapter 6 trains its LSTM at 20
MAX_GRAD = (0.01, 100.0)


@dataclass(frozen=True)
class LMSettings:
    """The book's chapter 5 settings are the defaults. `max_grad` None means no clipping."""

    cell: str = "SimpleRNN"
    wordvec_size: int = 100
    hidden_size: int = 100
    batch_size: int = 10
    time_size: int = 5
    learning_rate: float = 0.1
    epochs: int = 100
    max_grad: float | None = None
    seed: int = 0


_blas_limited = False


def one_blas_thread() -> None:
    """numpy's BLAS on one thread, process-wide, as `keras_runtime` gives TensorFlow one
    thread per op: the RNNLM's small matrices gain nothing from a second thread, and on two
    busy cores OpenBLAS threads waiting for each other made 100 epochs take 5 s instead of 1."""
    global _blas_limited
    if not _blas_limited:
        threadpool_limits(limits=1, user_api="blas")
        _blas_limited = True


class LMTraining:
    """One model learning one corpus; call `step()` per iteration or `epoch()` per epoch."""

    def __init__(self, corpus: np.ndarray, vocab_size: int, settings: LMSettings,
                 dtype: type = np.float32) -> None:
        one_blas_thread()
        self.corpus = np.asarray(corpus)
        self.settings = settings
        self.model = RNNLM(init_params(vocab_size, settings.wordvec_size, settings.hidden_size,
                                       settings.seed, dtype, settings.cell), settings.cell)
        self.iterations = iterations_per_epoch(len(corpus), settings.batch_size,
                                               settings.time_size)
        self.time_idx = 0

    @property
    def tokens_per_iteration(self) -> int:
        return self.settings.batch_size * self.settings.time_size

    def batch(self, time_idx: int) -> tuple[np.ndarray, np.ndarray]:
        s = self.settings
        return batch(self.corpus, s.batch_size, s.time_size, time_idx)

    def step(self) -> float:
        """One mini-batch: forward, backward, (clip,) SGD; returns its loss."""
        s = self.settings
        xs, ts = self.batch(self.time_idx)
        self.time_idx += s.time_size
        loss = self.model.forward(xs, ts)
        self.model.backward()
        if s.max_grad is not None:
            clip_grads(self.model.grads, s.max_grad)
        sgd(self.model.params, self.model.grads, s.learning_rate)
        return loss

    def epoch(self) -> tuple[list[float], float]:
        """One epoch: the loss of every iteration and the epoch's perplexity."""
        losses = [self.step() for _ in range(self.iterations)]
        return losses, perplexity(losses)


def perplexity(losses: list[float]) -> float:
    """exp(mean cross-entropy): the inverse of the geometric-mean probability of the right word."""
    mean = float(np.mean(losses))
    return math.exp(mean) if mean < 700 else math.inf
