"""Gradient checking: the slope of a loss measured by nudging one number at a time.

Backpropagation is only trusted once it agrees with this slow, obvious measurement, which is
how the book checks its layers and how the By-hand page and the tests check the engine's BPTT.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np


def centred_differences(loss: Callable[[], float], array: np.ndarray,
                        eps: float = 1e-6) -> np.ndarray:
    """(L(w + eps) - L(w - eps)) / 2 eps for every entry w of `array`, which `loss()` reads;
    each entry is nudged in place and put back."""
    grad = np.zeros_like(array)
    for index in np.ndindex(array.shape):
        kept = array[index].copy()
        array[index] = kept + eps
        up = loss()
        array[index] = kept - eps
        down = loss()
        array[index] = kept
        grad[index] = (up - down) / (2 * eps)
    return grad
