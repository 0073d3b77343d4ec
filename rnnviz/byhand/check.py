"""The numerical check: every backprop gradient against a centred finite difference.

Backprop is the chain rule applied by hand, and one wrong sign hides in it easily; a finite
difference needs nothing but the forward pass, so agreement to about 1e-9 is evidence the
backward pass is right.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rnnviz.byhand.network import NAMES, ByHandRNN
from rnnviz.byhand.training import Example, gradients, total_loss
from rnnviz.engine.gradient_check import centred_differences

EPSILON = 1e-5
FLOOR = 1e-3  # below this a gradient is compared absolutely: the differences carry ~1e-10 of noise
AGREE = 1e-6  # a relative error below this is agreement; a wrong formula gives about 1


@dataclass(frozen=True)
class Checked:
    """One weight: its backprop gradient, the numerical one, and their relative error."""

    name: str
    analytic: np.ndarray
    numeric: np.ndarray

    @property
    def error(self) -> np.ndarray:
        return relative_error(self.analytic, self.numeric)

    @property
    def worst(self) -> float:
        return float(self.error.max())


def numerical_gradients(net: ByHandRNN, examples: Sequence[Example],
                        eps: float = EPSILON) -> list[np.ndarray]:
    """Centred differences (L(w + eps) - L(w - eps)) / 2 eps, one weight entry at a time."""
    return [centred_differences(lambda: total_loss(net, examples), p, eps) for p in net.params]


def relative_error(analytic: np.ndarray, numeric: np.ndarray) -> np.ndarray:
    """|a - n| / max(|a|, |n|, FLOOR). The floor keeps a true zero gradient (By's: softmax
    ignores a constant added to every score) from dividing rounding noise by itself."""
    scale = np.maximum(np.maximum(np.abs(analytic), np.abs(numeric)), FLOOR)
    return np.abs(analytic - numeric) / scale


def check(net: ByHandRNN, examples: Sequence[Example], eps: float = EPSILON) -> list[Checked]:
    """Backprop and numerical gradients of every weight of `net`, which it leaves unchanged."""
    gradients(net, examples)
    analytic = [g.copy() for g in net.grads]
    numeric = numerical_gradients(net, examples, eps)
    return [Checked(name, a, n) for name, a, n in zip(NAMES, analytic, numeric)]
