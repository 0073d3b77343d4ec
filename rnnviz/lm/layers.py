"""The book's Time layers (Deep Learning from Scratch 2, chapter 5), vectorised over time
where the maths allows it.

Each layer holds `params` and `grads`, two lists of arrays in the same order; `backward`
writes into `grads[i][...]` so an optimiser that holds the lists sees the new values. Inputs
are (N, T, ...) for batch N and time T. TimeEmbedding, TimeAffine and TimeSoftmaxWithLoss do
the same thing at every step, so they run as one matrix operation over all N*T rows instead of
the book's loop over T; TimeRNN must loop, since each step needs the last one's h.
"""
from __future__ import annotations

import numpy as np

from rnnviz.engine import softmax


class TimeEmbedding:
    """Row lookup: xs (N, T) word ids -> (N, T, D)."""

    def __init__(self, W: np.ndarray) -> None:
        self.params = [W]
        self.grads = [np.zeros_like(W)]
        self._ids: np.ndarray | None = None

    def forward(self, xs: np.ndarray) -> np.ndarray:
        self._ids = xs
        return self.params[0][xs]

    def backward(self, dout: np.ndarray) -> None:
        dW = self.grads[0]
        dW[...] = 0
        # A word that appears twice in the batch gets both rows' gradients: add.at, not =.
        np.add.at(dW, self._ids.reshape(-1), dout.reshape(-1, dout.shape[-1]))


class TimeRNN:
    """h_t = tanh(h_{t-1} Wh + x_t Wx + b), over T steps.

    Stateful: the last h of one batch is the first h of the next (truncated BPTT carries the
    state forward but stops the gradient at the batch's edge) until `reset_state()`."""

    def __init__(self, Wx: np.ndarray, Wh: np.ndarray, b: np.ndarray,
                 stateful: bool = True) -> None:
        self.params = [Wx, Wh, b]
        self.grads = [np.zeros_like(Wx), np.zeros_like(Wh), np.zeros_like(b)]
        self.stateful = stateful
        self.h: np.ndarray | None = None
        self.dh: np.ndarray | None = None
        self._xs: np.ndarray | None = None
        self._hs: np.ndarray | None = None
        self._h0: np.ndarray | None = None

    def set_state(self, h: np.ndarray | None) -> None:
        self.h = h

    def reset_state(self) -> None:
        self.h = None

    def forward(self, xs: np.ndarray) -> np.ndarray:
        Wx, Wh, b = self.params
        N, T, _ = xs.shape
        H = Wh.shape[0]
        if not self.stateful or self.h is None:
            self.h = np.zeros((N, H), dtype=Wh.dtype)
        self._h0 = self.h
        # The input half of every step at once; only h @ Wh must wait for the previous step.
        pre = (xs.reshape(N * T, -1) @ Wx + b).reshape(N, T, H)
        hs = np.empty((N, T, H), dtype=Wh.dtype)
        h = self.h
        for t in range(T):
            h = np.tanh(pre[:, t] + h @ Wh)
            hs[:, t] = h
        self.h = h
        self._xs, self._hs = xs, hs
        return hs

    def backward(self, dhs: np.ndarray) -> np.ndarray:
        Wx, Wh, _ = self.params
        N, T, H = dhs.shape
        dpre = np.empty_like(dhs)
        dh = np.zeros((N, H), dtype=dhs.dtype)
        for t in reversed(range(T)):
            h = self._hs[:, t]
            dpre[:, t] = (dhs[:, t] + dh) * (1 - h * h)
            dh = dpre[:, t] @ Wh.T
        self.dh = dh
        h_prev = np.concatenate([self._h0[:, None], self._hs[:, :-1]], axis=1)
        flat = dpre.reshape(N * T, H)
        self.grads[0][...] = self._xs.reshape(N * T, -1).T @ flat
        self.grads[1][...] = h_prev.reshape(N * T, H).T @ flat
        self.grads[2][...] = flat.sum(axis=0)
        return (flat @ Wx.T).reshape(N, T, -1)


class TimeAffine:
    """(N, T, H) @ W + b -> (N, T, V)."""

    def __init__(self, W: np.ndarray, b: np.ndarray) -> None:
        self.params = [W, b]
        self.grads = [np.zeros_like(W), np.zeros_like(b)]
        self._x: np.ndarray | None = None

    def forward(self, x: np.ndarray) -> np.ndarray:
        W, b = self.params
        N, T, _ = x.shape
        self._x = x
        return (x.reshape(N * T, -1) @ W + b).reshape(N, T, -1)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        W, _ = self.params
        N, T, V = dout.shape
        flat = dout.reshape(N * T, V)
        self.grads[0][...] = self._x.reshape(N * T, -1).T @ flat
        self.grads[1][...] = flat.sum(axis=0)
        return (flat @ W.T).reshape(N, T, -1)


class TimeSoftmaxWithLoss:
    """Cross-entropy of softmax(scores) against word ids, averaged over batch and time.

    Targets equal to `ignore_label` (-1, as in the book) count neither in the sum nor in the
    mean."""

    ignore_label = -1

    def __init__(self) -> None:
        self.params: list[np.ndarray] = []
        self.grads: list[np.ndarray] = []
        self._cache: tuple[np.ndarray, np.ndarray, np.ndarray, tuple[int, ...]] | None = None

    def forward(self, xs: np.ndarray, ts: np.ndarray) -> float:
        N, T, V = xs.shape
        ys = softmax(xs.reshape(N * T, V))
        ts = ts.reshape(N * T)
        mask = ts != self.ignore_label
        picked = ys[np.arange(N * T), np.where(mask, ts, 0)]
        with np.errstate(divide="ignore"):  # p = 0 in float32: an infinite loss, reported
            loss = -np.sum(np.log(picked) * mask) / max(1, mask.sum())
        self._cache = (ys, ts, mask, (N, T, V))
        return float(loss)

    def backward(self, dout: float = 1.0) -> np.ndarray:
        ys, ts, mask, shape = self._cache
        dx = ys.copy()
        rows = np.arange(len(ts))
        dx[rows, np.where(mask, ts, 0)] -= 1
        dx *= (dout / max(1, mask.sum())) * mask[:, None]
        return dx.reshape(shape)
