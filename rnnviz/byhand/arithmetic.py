"""Arithmetic as on paper: every product and every sum rounded once, in the order written.

The lecture's hello network has a loss of exactly 12.062061261168791, and the page shows all
17 digits. Those last digits depend on how the sums are done: BLAS matrix products fuse
multiply-adds and pick a kernel per CPU, and numpy's SIMD tanh/exp/log differ from the C
library's in the last bit on some CPUs. So the by-hand network sums left to right without
fusing and takes tanh, exp and log from Python's `math` (the C library): its digits are the
same on every machine, and equal to working the formulas out one number at a time.
"""
from __future__ import annotations

import math

import numpy as np


def dot(a: np.ndarray, w: np.ndarray) -> np.ndarray:
    """a @ w for a vector a (n,) and a matrix w (n, m): the n products of each column added
    one after another (numpy reduces a leading axis row by row, without fused multiply-add)."""
    return (a[:, None] * w).sum(axis=0)


tanh = np.vectorize(math.tanh, otypes=[np.float64])
exp = np.vectorize(math.exp, otypes=[np.float64])
log = np.vectorize(lambda v: math.log(v) if v > 0 else -math.inf, otypes=[np.float64])

# exp overflows a float64 above about 709.78.
_LARGEST_SAFE_SCORE = 700.0


def softmax(z: np.ndarray) -> np.ndarray:
    """exp(z) / sum(exp(z)), as the lecture writes it. Only scores large enough to overflow
    are shifted by max(z) first: the shift is exact in real numbers but moves last digits."""
    if z.max() > _LARGEST_SAFE_SCORE:
        z = z - z.max()
    e = exp(z)
    return e / e.sum()
