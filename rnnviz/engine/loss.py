"""Softmax cross-entropy, the loss every rnnviz lesson trains with, and its gradient.

Lessons differ only in how they reduce it: L7 sums over timesteps, Keras's default averages.
Positions a mask hides (padding) count for nothing, and the average is over the rest.
"""
from __future__ import annotations

import numpy as np

from rnnviz.engine.activations import softmax

REDUCTIONS = ("sum", "mean")


def softmax_cross_entropy(
    logits: np.ndarray, targets: np.ndarray, weights: np.ndarray | None = None,
    reduction: str = "mean",
) -> tuple[float, np.ndarray]:
    """(loss, dL/dlogits) of -log softmax(logits)[target] over every position of `targets`
    (logits have one more axis, the classes), weighted by `weights` (e.g. a padding mask)."""
    if reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {REDUCTIONS}, got {reduction!r}")
    targets = np.asarray(targets, dtype=np.int64)
    if logits.shape[:-1] != targets.shape:
        raise ValueError(f"targets {targets.shape} do not match logits {logits.shape[:-1]}")
    w = np.ones(targets.shape, logits.dtype) if weights is None else weights.astype(logits.dtype)
    shifted = logits - logits.max(axis=-1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=-1, keepdims=True))
    picked = np.take_along_axis(log_probs, targets[..., None], axis=-1)[..., 0]
    count = 1.0 if reduction == "sum" else max(float(w.sum()), 1.0)
    d_logits = softmax(logits)
    np.put_along_axis(d_logits, targets[..., None],
                      np.take_along_axis(d_logits, targets[..., None], axis=-1) - 1, axis=-1)
    return float(-(w * picked).sum() / count), d_logits * (w / count)[..., None]
