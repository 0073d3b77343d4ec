"""Real Keras layers with random non-zero weights: the reference every engine test checks
against."""
from __future__ import annotations

from typing import Any

import numpy as np

from rnnviz.keras_runtime import keras


def as_numpy(result: Any) -> np.ndarray | list[np.ndarray]:
    """A Keras call's result as an array, or a list of arrays when Keras returned several."""
    if isinstance(result, (list, tuple)):
        return [np.asarray(r) for r in result]
    return np.asarray(result)


def randomize(layer: Any, rng: np.random.Generator, scale: float = 0.6) -> None:
    """Give every weight and bias non-zero random values, so no term can hide."""
    layer.set_weights([
        (rng.standard_normal(w.shape) * scale).astype(np.float32) for w in layer.get_weights()
    ])


def recurrent_layer(cell: str, units: int, wrapper: str | None = None, **options: Any) -> Any:
    """`keras.layers.<cell>(units, **options)`, inside Bidirectional when `wrapper` names a
    merge mode ("none" for merge_mode=None)."""
    layer = getattr(keras().layers, cell)(units, **options)
    if wrapper is None:
        return layer
    return keras().layers.Bidirectional(layer, merge_mode=None if wrapper == "none" else wrapper)


def assert_same(got: Any, want: Any, atol: float = 2e-6) -> None:
    """Same structure (array or list of arrays), shapes and values to float32 precision."""
    if isinstance(want, list):
        assert isinstance(got, list), f"expected a list of {len(want)} arrays, got an array"
        assert len(got) == len(want)
        for g, w in zip(got, want):
            assert_same(g, w, atol)
        return
    assert not isinstance(got, list), "expected one array, got a list"
    assert got.shape == want.shape, (got.shape, want.shape)
    assert got.dtype == np.float32
    scale = max(1.0, float(np.abs(want).max(initial=0.0)))  # float32 precision is relative
    np.testing.assert_allclose(got, want, rtol=2e-5, atol=atol * scale)
