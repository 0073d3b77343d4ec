"""The book's RNNLM: TimeEmbedding -> TimeRNN -> TimeAffine -> TimeSoftmaxWithLoss.

Initialisation is the book's (`SimpleRnnlm`): embedding randn / 100, recurrent and affine
weights randn / sqrt(fan_in) (Xavier), zero biases. `params` and `grads` are the layers' lists
joined, so SGD and clipping walk both in step. With cell "LSTM" or "GRU" the recurrent layer is
a `TimeCell` around the engine's cell (the book's chapter 6 step, in Keras's conventions).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.lm.layers import TimeAffine, TimeEmbedding, TimeRNN, TimeSoftmaxWithLoss
from rnnviz.lm.time_cell import TimeCell, cell_params

Params = list[np.ndarray]


def init_params(vocab_size: int, wordvec_size: int, hidden_size: int, seed: int,
                dtype: type = np.float32, cell: str = "SimpleRNN") -> Params:
    """[embed W, rnn Wx, rnn Wh, rnn b, affine W, affine b], drawn as the book draws them
    (for LSTM and GRU the middle three are the cell's kernel, recurrent kernel and bias)."""
    rng = np.random.default_rng(seed)
    V, D, H = vocab_size, wordvec_size, hidden_size
    embed = rng.standard_normal((V, D)) / 100
    if cell == "SimpleRNN":
        recurrent = [rng.standard_normal((D, H)) / np.sqrt(D),
                     rng.standard_normal((H, H)) / np.sqrt(H), np.zeros(H)]
    else:
        recurrent = cell_params(cell, D, H, rng)
    params = [embed, *recurrent, rng.standard_normal((H, V)) / np.sqrt(H), np.zeros(V)]
    return [p.astype(dtype) for p in params]


class RNNLM:
    """A language model over `vocab_size` words; see the module docstring."""

    def __init__(self, params: Params, cell: str = "SimpleRNN") -> None:
        embed_W, Wx, Wh, b, affine_W, affine_b = params
        self.cell = cell
        self.embed = TimeEmbedding(embed_W)
        self.rnn = TimeRNN(Wx, Wh, b) if cell == "SimpleRNN" else TimeCell(cell, [Wx, Wh, b])
        self.affine = TimeAffine(affine_W, affine_b)
        self.loss_layer = TimeSoftmaxWithLoss()
        self.layers = [self.embed, self.rnn, self.affine]
        self.params = [p for layer in self.layers for p in layer.params]
        self.grads = [g for layer in self.layers for g in layer.grads]

    @property
    def vocab_size(self) -> int:
        return self.embed.params[0].shape[0]

    def predict(self, xs: np.ndarray) -> np.ndarray:
        """Scores (N, T, V) for the next word after each of xs (N, T)."""
        return self.affine.forward(self.rnn.forward(self.embed.forward(xs)))

    def forward(self, xs: np.ndarray, ts: np.ndarray) -> float:
        return self.loss_layer.forward(self.predict(xs), ts)

    def backward(self, dout: float = 1.0) -> None:
        dx = self.loss_layer.backward(dout)
        for layer in reversed(self.layers):
            dx = layer.backward(dx)

    def reset_state(self) -> None:
        self.rnn.reset_state()

    def state(self) -> np.ndarray | None:
        """The hidden state h carried to the next batch (LSTM also carries c)."""
        return self.rnn.h

    def set_state(self, state: np.ndarray | tuple[np.ndarray, ...] | None) -> None:
        """h for SimpleRNN and GRU, (h, c) for LSTM."""
        if isinstance(self.rnn, TimeCell) and isinstance(state, np.ndarray):
            state = (state,)
        self.rnn.set_state(state)

    def copy_params(self) -> Params:
        return [p.copy() for p in self.params]


def clip_grads(grads: Params, max_norm: float) -> float:
    """Scale every gradient by one factor so their joint L2 norm is at most `max_norm`
    (the book's `clip_grads`); returns the norm before clipping."""
    total = float(np.sqrt(sum(float(np.sum(g * g)) for g in grads)))
    rate = max_norm / (total + 1e-6)
    if rate < 1:
        for g in grads:
            g *= rate
    return total


def sgd(params: Params, grads: Params, lr: float) -> None:
    for p, g in zip(params, grads):
        p -= lr * g


@dataclass(frozen=True)
class Snapshot:
    """The weights a run had after `epoch` epochs, enough to rebuild the model and let it write."""

    epoch: int
    cell: str
    params: Params

    def model(self) -> RNNLM:
        return RNNLM([p.copy() for p in self.params], self.cell)
