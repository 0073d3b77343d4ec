"""Backpropagation through a whole `SequenceModel`: head, stacked layers, input encoding.

With it a model trains in numpy alone (see `optimizers.py`), and its gradients are the ones
tf.GradientTape gives on the same Keras model and loss. The loss reads every step's logits
of a many-to-many model and only the last output's of a many-to-one model; the gradient
enters the recurrent stack there and BPTT carries it back through each layer in turn.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.engine.bptt import BidirectionalGradients, Gradients
from rnnviz.engine.loss import softmax_cross_entropy
from rnnviz.engine.model import ModelTrace, SequenceModel
from rnnviz.engine.trace import BidirectionalTrace, Trace

SOFTMAX_HEADS = ("softmax", "linear")


def _top_output(trace: ModelTrace, many_to_many: bool) -> np.ndarray:
    """What the head reads: every step's output of the last layer, or only its last one."""
    return trace.layers[-1].outputs(return_sequences=many_to_many)


@dataclass
class ModelGradients:
    """A whole model's gradients: every parameter's, and each layer's own BPTT record (its
    per-step dL/dh_t, for showing how far back the loss reaches)."""

    weights: list[np.ndarray]  # in `model.weights` (Keras `get_weights()`) order
    layers: list[Gradients | BidirectionalGradients]  # bottom layer first
    inputs: np.ndarray  # (B, T, D) dL/d(one-hot rows or embedding vectors)


def backward(model: SequenceModel, trace: ModelTrace, d_logits: np.ndarray) -> ModelGradients:
    """Backpropagate dL/d(head logits), (B, T, C) for a many-to-many model and (B, C) for a
    many-to-one one, through the head, every layer and the embedding."""
    top = _top_output(trace, model.many_to_many)
    d_kernel = top.reshape(-1, top.shape[-1]).T @ d_logits.reshape(-1, d_logits.shape[-1])
    d_bias = d_logits.reshape(-1, d_logits.shape[-1]).sum(axis=0)
    d_out = d_logits @ model.head.kernel.T
    sequences = model.many_to_many
    layers: list[Gradients | BidirectionalGradients] = []
    for layer in reversed(trace.layers):
        grads = _layer_backward(layer, d_out, sequences)
        layers.insert(0, grads)
        d_out, sequences = grads.inputs, True
    weights = [w for grads in layers for w in grads.weights]
    if model.embedding is not None:
        d_embedding = np.zeros_like(model.embedding)
        np.add.at(d_embedding, trace.ids, d_out)
        weights.insert(0, d_embedding)
    return ModelGradients(weights + [d_kernel, d_bias], layers, d_out)


def cross_entropy(
    model: SequenceModel, trace: ModelTrace, targets: np.ndarray, reduction: str = "mean"
) -> tuple[float, np.ndarray]:
    """(loss, dL/d(head logits)) of softmax cross-entropy against class ids, (B, T) for a
    many-to-many model or (B,) for a many-to-one one; padded steps of a model that masks
    zeros do not count."""
    if model.head.activation not in SOFTMAX_HEADS:
        raise ValueError(
            f"cross-entropy needs a softmax or linear (logits) head, not {model.head.activation!r}"
        )
    logits = model.head.logits(_top_output(trace, model.many_to_many))
    weights = trace.mask if model.many_to_many and model.mask_zero else None
    return softmax_cross_entropy(logits, targets, weights, reduction)


def _layer_backward(
    layer: Trace | BidirectionalTrace, d_out: np.ndarray, sequences: bool
) -> Gradients | BidirectionalGradients:
    """One layer's gradients for dL/d(what the next layer or the head read from it)."""
    if isinstance(layer, BidirectionalTrace):
        return layer.gradients(d_out, return_sequences=sequences)
    if not sequences:
        d_sequence = np.zeros_like(layer.carried, dtype=d_out.dtype)
        d_sequence[:, -1] = d_out
        d_out = d_sequence
    return layer.backward(d_out)


def loss_and_gradients(
    model: SequenceModel, ids: np.ndarray, targets: np.ndarray, reduction: str = "mean"
) -> tuple[float, list[np.ndarray]]:
    """One training step's numbers: the cross-entropy of the model on (B, T) ids, and its
    gradient for every parameter in `model.weights` order."""
    trace = model.run(ids)
    loss, d_logits = cross_entropy(model, trace, targets, reduction)
    return loss, backward(model, trace, d_logits).weights
