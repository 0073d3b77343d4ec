"""Keras 3's elementwise activations in numpy, by the names Keras configs store.

A layer's config names its activation by string; the engine looks the same string up here
so a converted layer computes exactly what Keras computes (Keras 3's `hard_sigmoid` is
relu6(x + 3) / 6, not Keras 2's 0.2x + 0.5).
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np

Activation = Callable[[np.ndarray], np.ndarray]

erf = np.vectorize(math.erf, otypes=[np.float64])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _relu6(x: np.ndarray) -> np.ndarray:
    return np.clip(x, 0.0, 6.0)


def _softplus(x: np.ndarray) -> np.ndarray:
    return np.logaddexp(0.0, x)


def _elu(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0.0)))


def _selu(x: np.ndarray) -> np.ndarray:
    return 1.0507009873554805 * np.where(x > 0, x, 1.6732632423543772 * np.expm1(np.minimum(x, 0.0)))


def softmax(x: np.ndarray) -> np.ndarray:
    """Softmax over the last axis, stable for large inputs."""
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def _log_softmax(x: np.ndarray) -> np.ndarray:
    shifted = x - x.max(axis=-1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))


def _gelu(x: np.ndarray) -> np.ndarray:
    return (0.5 * x * (1.0 + erf(x / math.sqrt(2.0)))).astype(x.dtype)


ACTIVATIONS: dict[str, Activation] = {
    "linear": lambda x: x,
    "tanh": np.tanh,
    "sigmoid": _sigmoid,
    "hard_sigmoid": lambda x: _relu6(x + 3.0) / 6.0,
    "relu": lambda x: np.maximum(x, 0.0),
    "relu6": _relu6,
    "leaky_relu": lambda x: np.where(x >= 0, x, 0.2 * x),
    "elu": _elu,
    "selu": _selu,
    "celu": _elu,
    "softplus": _softplus,
    "softsign": lambda x: x / (1.0 + np.abs(x)),
    "silu": lambda x: x * _sigmoid(x),
    "swish": lambda x: x * _sigmoid(x),
    "hard_silu": lambda x: x * _relu6(x + 3.0) / 6.0,
    "hard_swish": lambda x: x * _relu6(x + 3.0) / 6.0,
    "mish": lambda x: x * np.tanh(_softplus(x)),
    "exponential": np.exp,
    "log_sigmoid": lambda x: -_softplus(-x),
    "hard_tanh": lambda x: np.clip(x, -1.0, 1.0),
    "tanh_shrink": lambda x: x - np.tanh(x),
    "gelu": _gelu,
    "softmax": softmax,
    "log_softmax": _log_softmax,
}


def activation(name: str | None) -> Activation:
    """The numpy function for a Keras activation name (None means linear)."""
    key = "linear" if name is None else name
    if key not in ACTIVATIONS:
        raise ValueError(f"activation {name!r} is not one rnnviz can reproduce")
    return ACTIVATIONS[key]
