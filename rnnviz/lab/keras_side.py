"""The real Keras layer behind the lab: built once per configuration, called, timed.

A Keras call of a small RNN costs tens of milliseconds and building one costs more, so both
the layer and its outputs are cached by the (hashable) config; a rerun with the same widgets
only reads the cache. Keras is reached through `rnnviz.keras_runtime` only.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from rnnviz import keras_runtime
from rnnviz.cells import KINDS
from rnnviz.lab.config import LabConfig, TrainedWeights

WEIGHT_LOW, WEIGHT_HIGH = -1.0, 1.0

# One Keras call at a time: sessions share the cached layer objects, and two cores gain
# nothing from running two tiny layers side by side.
_keras_lock = threading.RLock()


@dataclass(frozen=True)
class LayerKey:
    """Everything that decides the layer's class, flags and weights -- not the batch."""

    cell: str
    units: int
    activation: str
    bidirectional: bool
    merge_mode: str | None
    return_sequences: bool
    return_state: bool
    go_backwards: bool
    wrap_cell: bool
    reset_after: bool
    features: int
    seed: int
    trained: TrainedWeights | None

    @classmethod
    def of(cls, config: LabConfig, features: int) -> "LayerKey":
        return cls(
            config.cell, config.units, config.activation, config.bidirectional, config.merge_mode,
            config.return_sequences, config.return_state, config.go_backwards,
            config.wrap_cell, config.reset_after, features, config.seed, config.trained,
        )


@dataclass(frozen=True)
class BuiltLayer:
    layer: Any
    build_seconds: float


def new_layer(key: LayerKey) -> Any:
    """An unbuilt Keras layer exactly as the code snippet writes it."""
    layers = keras_runtime.keras().layers
    extra = {**KINDS[key.cell].keras_options(key.reset_after), "activation": key.activation}
    flags = {
        "return_sequences": key.return_sequences, "return_state": key.return_state,
        **({"go_backwards": True} if key.go_backwards else {}),
    }
    if key.wrap_cell:
        cell = getattr(layers, f"{key.cell}Cell")(key.units, **extra)
        layer = layers.RNN(cell, **flags)
    else:
        layer = getattr(layers, key.cell)(key.units, **flags, **extra)
    if key.bidirectional:
        layer = layers.Bidirectional(layer, merge_mode=key.merge_mode)
    return layer


def random_weights(shapes: list[tuple[int, ...]], seed: int) -> list[np.ndarray]:
    """Non-zero weights and biases, so every term of the cell shows in the numbers."""
    rng = np.random.default_rng(seed)
    return [rng.uniform(WEIGHT_LOW, WEIGHT_HIGH, s).astype("float32") for s in shapes]


@lru_cache(maxsize=64)
def built_layer(key: LayerKey) -> BuiltLayer:
    """The built layer with the seed's (or the trained) weights; each config is built once."""
    with _keras_lock:
        start = time.perf_counter()
        layer = new_layer(key)
        layer.build((None, None, key.features))
        shapes = [w.shape for w in layer.get_weights()]
        layer.set_weights(key.trained.numpy() if key.trained is not None
                          else random_weights(shapes, key.seed))
        return BuiltLayer(layer, time.perf_counter() - start)


def call_layer(
    layer: Any, x: np.ndarray, mask: np.ndarray | None
) -> tuple[list[np.ndarray], float]:
    """What `layer(x, mask=mask)` returns, always as a list of numpy arrays, and its time."""
    with _keras_lock:
        start = time.perf_counter()
        returned = layer(x, mask=mask)
        seconds = time.perf_counter() - start
    items = list(returned) if isinstance(returned, (list, tuple)) else [returned]
    return [np.asarray(item) for item in items], seconds


@lru_cache(maxsize=256)
def returned_shapes(key: LayerKey, batch: int, time_steps: int) -> tuple[tuple[int, ...], ...]:
    """The shapes Keras says this layer returns, without building or calling it."""
    with _keras_lock:
        shapes = new_layer(key).compute_output_shape((batch, time_steps, key.features))
    if shapes and isinstance(shapes[0], (tuple, list)):
        return tuple(tuple(int(d) for d in s) for s in shapes)
    return (tuple(int(d) for d in shapes),)
