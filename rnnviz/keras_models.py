"""Keras models for a lesson or a user's settings, and their summary without TensorFlow.

Initial weights come from numpy with a seed rather than from Keras's global random state, so a
model is reproducible whichever thread builds it, and a compiled model can be re-initialised
for a new run instead of being rebuilt and retraced (see `rnnviz.trainer.program`).
The summary is computed from the configuration, so the Train page shows parameter counts
while TensorFlow is still loading; tests check it against `model.summary()`'s counts.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from rnnviz import keras_runtime
from rnnviz.cells import KINDS, NAMES
from rnnviz.lessons import Lesson

CELLS: tuple[str, ...] = NAMES  # the kinds the Train page offers: every kind there is
# The recurrent layer's own activation (Keras's `activation=`; the gates keep sigmoid): tanh,
# the default, and the three L4 sets against it ("why tanh and not relu").
ACTIVATIONS: tuple[str, ...] = ("tanh", "relu", "sigmoid", "linear")


@dataclass(frozen=True)
class ModelConfig:
    """Everything that fixes a model's shape and initial weights."""

    task: str  # "many_to_many" | "many_to_one"
    timesteps: int
    vocab_size: int
    classes: int
    input_encoding: str  # "one_hot" | "identity_embedding"
    mask_zero: bool
    cell: str = "SimpleRNN"
    units: int = 8
    layers: int = 1
    head_activation: str = "softmax"  # "softmax" | "linear" (logits)
    seed: int = 0
    activation: str = "tanh"  # one of ACTIVATIONS

    @property
    def shape_key(self) -> "ModelConfig":
        """The configuration with the seed zeroed: models equal under it share a compiled graph."""
        return replace(self, seed=0)


def config_for(lesson: Lesson, **changes: Any) -> ModelConfig:
    """The lesson's model, with any of cell, units, layers, seed, activation changed."""
    base = ModelConfig(
        task=lesson.task, timesteps=int(lesson.x.shape[1]), vocab_size=len(lesson.vocab),
        classes=len(lesson.labels), input_encoding=lesson.input_encoding,
        mask_zero=lesson.mask_zero, cell=lesson.cell, units=lesson.units,
        head_activation=lesson.head_activation,
    )
    return replace(base, **changes)


def encode_inputs(config: ModelConfig, ids: np.ndarray) -> np.ndarray:
    """Token ids as the model's input: one-hot rows, or the ids themselves for an embedding."""
    ids = np.asarray(ids)
    if config.input_encoding == "one_hot":
        return np.eye(config.vocab_size, dtype=np.float32)[ids]
    return ids.astype(np.int32)


@dataclass(frozen=True)
class LayerRow:
    """One line of the model summary."""

    name: str
    output_shape: tuple[int | None, ...]
    params: int
    trainable: bool = True


def summary_rows(config: ModelConfig) -> list[LayerRow]:
    """The layers with output shapes and parameter counts, as `model.summary()` lists them."""
    t, v = config.timesteps, config.vocab_size
    rows: list[LayerRow] = []
    features = v
    if config.input_encoding == "identity_embedding":
        rows.append(LayerRow("Embedding", (None, t, v), v * v, trainable=False))
    for i in range(config.layers):
        sequences = i < config.layers - 1 or config.task == "many_to_many"
        shape = (None, t, config.units) if sequences else (None, config.units)
        rows.append(LayerRow(config.cell, shape,
                             KINDS[config.cell].params(features, config.units)))
        features = config.units
    head_shape = (None, t, config.classes) if config.task == "many_to_many" else (None, config.classes)
    rows.append(LayerRow("Dense", head_shape, features * config.classes + config.classes))
    return rows


def _glorot_uniform(rng: np.random.Generator, shape: tuple[int, int]) -> np.ndarray:
    limit = np.sqrt(6.0 / (shape[0] + shape[1]))
    return rng.uniform(-limit, limit, shape).astype(np.float32)


def _orthogonal(rng: np.random.Generator, units: int, blocks: int) -> np.ndarray:
    # Keras's Orthogonal initializer on a (U, blocks*U) matrix: orthonormal rows.
    a = rng.standard_normal((blocks * units, units))
    q, r = np.linalg.qr(a)
    q *= np.sign(np.diag(r))
    return q.T.astype(np.float32)


def initial_weights(config: ModelConfig) -> list[np.ndarray]:
    """Keras's default initialisation (Glorot uniform kernels, orthogonal recurrent kernels,
    zero biases, forget bias one), drawn from numpy with the config's seed, in
    `model.get_weights()` order."""
    rng = np.random.default_rng(config.seed)
    weights: list[np.ndarray] = []
    features = config.vocab_size
    if config.input_encoding == "identity_embedding":
        weights.append(np.eye(config.vocab_size, dtype=np.float32))
    u, kind = config.units, KINDS[config.cell]
    for _ in range(config.layers):
        weights.append(_glorot_uniform(rng, (features, kind.blocks * u)))
        weights.append(_orthogonal(rng, u, kind.blocks))
        weights.append(kind.initial_bias(u))
        features = u
    weights.append(_glorot_uniform(rng, (features, config.classes)))
    weights.append(np.zeros(config.classes, np.float32))
    return weights


def build_model(config: ModelConfig) -> Any:
    """A Sequential `[Input] [Embedding] RNN... Dense` Keras model with seeded initial weights.

    This is the shape `rnnviz.engine.from_keras_model` converts, so every trained model can
    be shown on the Step-through page.
    """
    keras = keras_runtime.keras()
    layers = keras.layers
    stack: list[Any] = []
    if config.input_encoding == "identity_embedding":
        stack.append(keras.Input((config.timesteps,), dtype="int32"))
        stack.append(layers.Embedding(
            config.vocab_size, config.vocab_size, mask_zero=config.mask_zero, trainable=False,
        ))
    else:
        stack.append(keras.Input((config.timesteps, config.vocab_size)))
    recurrent = getattr(layers, config.cell)
    for i in range(config.layers):
        sequences = i < config.layers - 1 or config.task == "many_to_many"
        stack.append(recurrent(config.units, activation=config.activation,
                               return_sequences=sequences))
    stack.append(layers.Dense(config.classes, activation=config.head_activation))
    model = keras.Sequential(stack)
    model.set_weights(initial_weights(config))
    return model
