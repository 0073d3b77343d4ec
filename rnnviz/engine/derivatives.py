"""The backward of every activation in `activations.py`, as backpropagation needs it.

`activation_backward(name)(x, dy)` is dL/dx given x and dL/dy for y = act(x). An elementwise
activation multiplies dy by act'(x); softmax and log_softmax mix the last axis, so they take
the Jacobian-vector product instead. At a kink (relu at 0, the ends of hard_sigmoid's ramp)
the derivative is TensorFlow's choice, so the gradients agree with `tf.GradientTape`.
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np

from rnnviz.engine.activations import activation, erf, softmax

Derivative = Callable[[np.ndarray], np.ndarray]
Backward = Callable[[np.ndarray, np.ndarray], np.ndarray]

_SELU_SCALE, _SELU_ALPHA = 1.0507009873554805, 1.6732632423543772


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return activation("sigmoid")(x)


def _sigmoid_slope(x: np.ndarray) -> np.ndarray:
    s = _sigmoid(x)
    return s * (1.0 - s)


def _ramp(x: np.ndarray, low: float, high: float, closed: bool = False) -> np.ndarray:
    """1 inside (low, high), 0 outside: the slope of a clip (relu6 leaves its ends out,
    clip_by_value keeps them)."""
    inside = (x >= low) & (x <= high) if closed else (x > low) & (x < high)
    return inside.astype(x.dtype)


def _celu_slope(x: np.ndarray) -> np.ndarray:
    """TensorFlow builds celu as max(0, x) + min(0, expm1(x)): both halves count at 0."""
    return (x >= 0) + np.where(x <= 0, np.exp(np.minimum(x, 0.0)), 0.0)


def _silu_slope(x: np.ndarray) -> np.ndarray:
    s = _sigmoid(x)
    return s * (1.0 + x * (1.0 - s))


def _hard_silu_slope(x: np.ndarray) -> np.ndarray:
    return np.clip(x + 3.0, 0.0, 6.0) / 6.0 + x * _ramp(x, -3.0, 3.0) / 6.0


def _mish_slope(x: np.ndarray) -> np.ndarray:
    t = np.tanh(np.logaddexp(0.0, x))
    return t + x * (1.0 - t * t) * _sigmoid(x)


def _gelu_slope(x: np.ndarray) -> np.ndarray:
    cdf = 0.5 * (1.0 + erf(x / math.sqrt(2.0)))
    pdf = np.exp(-0.5 * x * x) / math.sqrt(2.0 * math.pi)
    return (cdf + x * pdf).astype(x.dtype)


DERIVATIVES: dict[str, Derivative] = {
    "linear": np.ones_like,
    "tanh": lambda x: 1.0 - np.tanh(x) ** 2,
    "sigmoid": _sigmoid_slope,
    "hard_sigmoid": lambda x: _ramp(x, -3.0, 3.0) / 6.0,
    "relu": lambda x: (x > 0).astype(x.dtype),
    "relu6": lambda x: _ramp(x, 0.0, 6.0),
    "leaky_relu": lambda x: np.where(x > 0, 1.0, 0.2).astype(x.dtype),
    "elu": lambda x: np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0))),
    "selu": lambda x: _SELU_SCALE * np.where(x >= 0, 1.0, _SELU_ALPHA * np.exp(np.minimum(x, 0.0))),
    "celu": _celu_slope,
    "softplus": _sigmoid,
    "softsign": lambda x: 1.0 / (1.0 + np.abs(x)) ** 2,
    "silu": _silu_slope,
    "swish": _silu_slope,
    "hard_silu": _hard_silu_slope,
    "hard_swish": _hard_silu_slope,
    "mish": _mish_slope,
    "exponential": np.exp,
    "log_sigmoid": lambda x: _sigmoid(-x),
    "hard_tanh": lambda x: _ramp(x, -1.0, 1.0, closed=True),
    "tanh_shrink": lambda x: np.tanh(x) ** 2,
    "gelu": _gelu_slope,
}


def _softmax_backward(x: np.ndarray, dy: np.ndarray) -> np.ndarray:
    y = softmax(x)
    return y * (dy - (dy * y).sum(axis=-1, keepdims=True))


def _log_softmax_backward(x: np.ndarray, dy: np.ndarray) -> np.ndarray:
    return dy - softmax(x) * dy.sum(axis=-1, keepdims=True)


_MIXING: dict[str, Backward] = {"softmax": _softmax_backward, "log_softmax": _log_softmax_backward}


def activation_backward(name: str | None) -> Backward:
    """dL/dx from (x, dL/dy) for the Keras activation `name` (None means linear)."""
    key = "linear" if name is None else name
    activation(key)  # the same clear error for a name rnnviz cannot reproduce
    if key in _MIXING:
        return _MIXING[key]
    slope = DERIVATIVES[key]
    return lambda x, dy: (dy * slope(x)).astype(dy.dtype, copy=False)
