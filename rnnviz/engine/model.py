"""A whole sequence model in numpy: token ids in, every layer's trace and the softmax out.

It mirrors the Keras models rnnviz trains, `[Embedding] RNN... Dense`, so the Step-through
page can show a trained model without TensorFlow. The head is also applied at every
timestep of a many-to-one model: "what would it answer if the input ended here".
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from rnnviz.engine.activations import activation, softmax
from rnnviz.engine.bidirectional import BidirectionalSpec
from rnnviz.engine.recurrent import RecurrentSpec
from rnnviz.engine.trace import BidirectionalTrace, Trace


@dataclass(frozen=True)
class Dense:
    """Keras Dense: act(x W + b)."""

    kernel: np.ndarray
    bias: np.ndarray
    activation: str = "linear"

    def logits(self, x: np.ndarray) -> np.ndarray:
        return x @ self.kernel + self.bias

    def __call__(self, x: np.ndarray) -> np.ndarray:
        return activation(self.activation)(self.logits(x))


@dataclass
class ModelTrace:
    """Everything one forward pass of a `SequenceModel` computed."""

    ids: np.ndarray  # (B, T) token ids
    inputs: np.ndarray  # (B, T, D) one-hot rows or embedding vectors
    mask: np.ndarray  # (B, T) False at padding when the model masks zeros
    layers: list[Trace | BidirectionalTrace]
    step_logits: np.ndarray  # (B, T, C) head pre-activation at every timestep
    output: np.ndarray  # what the Keras model returns: (B, T, C) or (B, C)

    @cached_property
    def step_probs(self) -> np.ndarray:
        """(B, T, C) softmax of the head at every timestep, computed once."""
        return softmax(self.step_logits)


@dataclass
class SequenceModel:
    """Input encoding, stacked recurrent layers and a Dense head, with the data's names."""

    tokens: tuple[str, ...]  # input vocabulary; a token's index is its id
    labels: tuple[str, ...]  # output classes of the head
    layers: list[RecurrentSpec | BidirectionalSpec]
    head: Dense
    embedding: np.ndarray | None = None  # (V, E); None reads ids as one-hot rows
    mask_zero: bool = False
    many_to_many: bool = True
    level: str = "char"  # "char" or "word": how typed text splits into tokens
    meta: dict = field(default_factory=dict)

    @property
    def weights(self) -> list[np.ndarray]:
        """Every parameter in the Keras model's `get_weights()` order: embedding, each
        recurrent layer's weights, head kernel and bias."""
        weights = [] if self.embedding is None else [self.embedding]
        for layer in self.layers:
            weights += layer.weights
        return weights + [self.head.kernel, self.head.bias]

    def with_weights(self, weights: list[np.ndarray]) -> SequenceModel:
        """The same model holding `weights` (in `weights` order), e.g. after a training step."""
        rest = list(weights)
        embedding = None if self.embedding is None else rest.pop(0)
        layers = []
        for layer in self.layers:
            count = len(layer.weights)
            layers.append(layer.with_weights(rest[:count]))
            rest = rest[count:]
        kernel, bias = rest
        return replace(self, embedding=embedding, layers=layers,
                       head=replace(self.head, kernel=kernel, bias=bias))

    def encode(self, ids: np.ndarray) -> np.ndarray:
        """(B, T) ids -> (B, T, D) float32 inputs, as the Keras model's first layer gives them."""
        ids = np.asarray(ids, dtype=np.int64)
        if ids.size and (ids.min() < 0 or ids.max() >= len(self.tokens)):
            raise ValueError("token id outside the vocabulary")
        if self.embedding is not None:
            return self.embedding[ids]
        return np.eye(len(self.tokens), dtype=np.float32)[ids]

    def run(self, ids: np.ndarray) -> ModelTrace:
        """One forward pass over (B, T) token ids, keeping every layer's trace."""
        ids = np.atleast_2d(np.asarray(ids, dtype=np.int64))
        x = self.encode(ids)
        mask = ids != 0 if self.mask_zero else np.ones(ids.shape, dtype=bool)
        traces: list[Trace | BidirectionalTrace] = []
        seq = x
        for layer in self.layers:
            trace = layer.run(seq, mask)
            traces.append(trace)
            seq = trace.outputs(return_sequences=True)
        step_logits = self.head.logits(seq)
        if self.many_to_many:
            output = self.head(seq)
        else:
            output = self.head(traces[-1].outputs(return_sequences=False))
        return ModelTrace(ids, x, mask, traces, step_logits.astype(np.float32), output)
