"""SGD and Adam on a list of numpy arrays, so a `SequenceModel` trains without TensorFlow.

Adam follows Keras 3's update line for line (bias correction folded into the step size,
epsilon outside the square root), so the same gradients move the weights the same way.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

Arrays = list[np.ndarray]


@dataclass
class SGD:
    """w <- w - learning_rate * g."""

    learning_rate: float = 0.01

    def step(self, params: Arrays, grads: Arrays) -> Arrays:
        return [p - self.learning_rate * g for p, g in zip(params, grads)]


@dataclass
class Adam:
    """Keras 3's Adam; it keeps its moments between steps, so use one per training run."""

    learning_rate: float = 0.001
    beta_1: float = 0.9
    beta_2: float = 0.999
    epsilon: float = 1e-7
    iterations: int = 0
    _m: Arrays = field(default_factory=list, repr=False)
    _v: Arrays = field(default_factory=list, repr=False)

    def step(self, params: Arrays, grads: Arrays) -> Arrays:
        if not self._m:
            self._m = [np.zeros_like(p) for p in params]
            self._v = [np.zeros_like(p) for p in params]
        self.iterations += 1
        t = self.iterations
        alpha = float(self.learning_rate * np.sqrt(1 - self.beta_2**t) / (1 - self.beta_1**t))
        out = []
        for p, g, m, v in zip(params, grads, self._m, self._v):
            m += (g - m) * (1 - self.beta_1)
            v += (g * g - v) * (1 - self.beta_2)
            out.append(p - m * alpha / (np.sqrt(v) + self.epsilon))
        return out
