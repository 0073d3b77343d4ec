"""The lecture's RNN written out by hand in numpy, one timestep at a time, forward and back.

    a_t = x_t Wxh + h_{t-1} Whh + Bh        h_{-1} = 0
    h_t = tanh(a_t)
    s_t = h_t Wy + By                        scores (logits)
    y_t = softmax(s_t)
    L   = sum over the steps with a target of -log y_t[target_t]

In the book's style (Deep Learning from Scratch 2): `params` and `grads` are parallel lists,
`forward` keeps what `backward` needs, and `backward` fills `grads`. Bh and By are scalars,
as in the lecture, broadcast to every unit; Keras gives every unit its own bias. A step
without a target (every step but the last in a many-to-one task) adds nothing to the loss,
so no gradient enters there: dL/ds_t = 0 and only the future reaches h_t.

Every record keeps each intermediate so the page can show it; nothing here is approximate.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rnnviz.byhand.arithmetic import dot, log, softmax, tanh

SEED = 230912
NAMES: tuple[str, ...] = ("Wxh", "Whh", "Bh", "Wy", "By")


@dataclass(frozen=True)
class ForwardStep:
    """What timestep t computed on its way forward."""

    t: int
    token: int  # index of the input token; x_t is its one-hot row
    x: np.ndarray
    h_prev: np.ndarray
    pre: np.ndarray  # a_t, before tanh
    h: np.ndarray
    scores: np.ndarray  # s_t, before softmax
    probs: np.ndarray  # y_t
    target: int | None
    loss: float  # -log y_t[target_t]; 0.0 without a target


@dataclass(frozen=True)
class BackwardStep:
    """What timestep t computed on the way back, and the gradients summed so far."""

    t: int
    d_scores: np.ndarray  # dL/ds_t = y_t - onehot(target_t); zeros without a target
    dh_output: np.ndarray  # from this step's output: dL/ds_t Wy^T
    dh_future: np.ndarray  # from step t+1: dL/da_{t+1} Whh^T (zeros at the last step)
    dh: np.ndarray  # dL/dh_t, the sum of the two
    d_pre: np.ndarray  # dL/da_t = dL/dh_t * (1 - h_t^2), through tanh'
    grads: tuple[np.ndarray, ...]  # each weight's gradient over steps T-1 .. t, NAMES order


class ByHandRNN:
    """A one-layer tanh RNN with a softmax head at every step, params [Wxh, Whh, Bh, Wy, By]."""

    def __init__(self, wxh: np.ndarray, whh: np.ndarray, bh: float, wy: np.ndarray,
                 by: float) -> None:
        self.params = [np.array(p, dtype=np.float64) for p in (wxh, whh, bh, wy, by)]
        self.grads = [np.zeros_like(p) for p in self.params]

    @classmethod
    def drawn(cls, inputs: int, hidden: int, outputs: int, seed: int = SEED) -> "ByHandRNN":
        """Standard normal draws in the lecture's order Wxh, Whh, Bh, Wy, By, as
        `np.random.seed(seed)` then `np.random.randn` per weight gives them (RandomState is
        that same generator, without touching numpy's global one). With the hello data and
        seed 230912 the summed loss is 12.062061261168791."""
        rng = np.random.RandomState(seed)
        return cls(rng.randn(inputs, hidden), rng.randn(hidden, hidden), rng.randn(),
                   rng.randn(hidden, outputs), rng.randn())

    def copy(self) -> "ByHandRNN":
        return ByHandRNN(*self.params)

    @property
    def hidden(self) -> int:
        return self.params[1].shape[0]

    def forward(self, tokens: Sequence[int], targets: Sequence[int | None]) -> list[ForwardStep]:
        """Run the sequence; `targets[t]` is the class step t should predict, or None."""
        wxh, whh, bh, wy, by = self.params
        h = np.zeros(self.hidden)
        steps = []
        for t, (token, target) in enumerate(zip(tokens, targets, strict=True)):
            x = np.eye(wxh.shape[0])[token]
            pre = dot(x, wxh) + dot(h, whh) + bh
            h_t = tanh(pre)
            scores = dot(h_t, wy) + by
            probs = softmax(scores)
            loss = -float(log(probs[target])) if target is not None else 0.0
            steps.append(ForwardStep(t, int(token), x, h, pre, h_t, scores, probs, target, loss))
            h = h_t
        return steps

    def backward(self, steps: list[ForwardStep]) -> list[BackwardStep]:
        """Backpropagation through time, last step first; adds the gradients to `grads` and
        returns one record per step in the order it was computed (T-1 down to 0)."""
        _, whh, _, wy, _ = self.params
        d_wxh, d_whh, d_bh, d_wy, d_by = self.grads
        dh_future = np.zeros(self.hidden)
        records = []
        for step in reversed(steps):
            d_scores = step.probs.copy()
            if step.target is None:
                d_scores[:] = 0.0
            else:
                d_scores[step.target] -= 1.0
            d_wy += np.outer(step.h, d_scores)
            d_by += d_scores.sum()
            dh_output = dot(d_scores, wy.T)
            dh = dh_output + dh_future
            d_pre = dh * (1.0 - step.h**2)
            d_wxh += np.outer(step.x, d_pre)
            d_whh += np.outer(step.h_prev, d_pre)
            d_bh += d_pre.sum()
            records.append(BackwardStep(step.t, d_scores, dh_output, dh_future, dh, d_pre,
                                        tuple(g.copy() for g in self.grads)))
            dh_future = dot(d_pre, whh.T)
        return records

    def zero_grads(self) -> None:
        for g in self.grads:
            g[...] = 0.0

    def loss(self, tokens: Sequence[int], targets: Sequence[int | None]) -> float:
        """The summed cross-entropy of one sequence, added step by step in order."""
        total = 0.0
        for step in self.forward(tokens, targets):
            total += step.loss
        return total

    def predict(self, tokens: Sequence[int]) -> list[int]:
        """The argmax class at every step."""
        return [int(np.argmax(s.probs)) for s in self.forward(tokens, [None] * len(tokens))]
