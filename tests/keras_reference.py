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


def _keras_layer(spec: Any, return_sequences: bool) -> Any:
    from rnnviz.engine import BidirectionalSpec

    layers = keras().layers
    if isinstance(spec, BidirectionalSpec):
        return layers.Bidirectional(
            _keras_layer(spec.forward, return_sequences), merge_mode=spec.merge_mode
        )
    cell = spec.cell
    options = {"activation": cell.activation, "use_bias": cell.bias is not None,
               "go_backwards": spec.go_backwards, "return_sequences": return_sequences}
    for name in ("recurrent_activation", "reset_after"):
        if hasattr(cell, name):
            options[name] = getattr(cell, name)
    return getattr(layers, cell.kind)(cell.units, **options)


def _spec_weights(spec: Any) -> list[np.ndarray]:
    from rnnviz.engine import BidirectionalSpec

    if isinstance(spec, BidirectionalSpec):
        return _spec_weights(spec.forward) + _spec_weights(spec.backward)
    cell = spec.cell
    return [w for w in (cell.kernel, cell.recurrent_kernel, cell.bias) if w is not None]


def keras_model_of(model: Any) -> Any:
    """The Keras model a SequenceModel stands for, with its weights: ids in when it has an
    embedding, one-hot rows in otherwise."""
    layers = keras().layers
    stack: list[Any] = []
    if model.embedding is not None:
        stack += [keras().Input(shape=(None,), dtype="int32"),
                  layers.Embedding(*model.embedding.shape, mask_zero=model.mask_zero)]
    else:
        stack.append(keras().Input(shape=(None, len(model.tokens))))
    last = len(model.layers) - 1
    stack += [_keras_layer(s, i < last or model.many_to_many) for i, s in enumerate(model.layers)]
    stack.append(layers.Dense(model.head.bias.shape[0], activation=model.head.activation))
    built = keras().Sequential(stack)
    weights = [model.embedding] if model.embedding is not None else []
    for spec in model.layers:
        weights += _spec_weights(spec)
    built.set_weights(weights + [model.head.kernel, model.head.bias])
    return built


def tape_gradients(
    layer: Any, x: np.ndarray, mask: np.ndarray | None, d_out: Any
) -> tuple[np.ndarray, list[np.ndarray]]:
    """tf.GradientTape's dL/dx and dL/d(each weight, in `get_weights()` order) for
    L = sum(d_out * layer(x, mask=mask)); `d_out` is a list when the layer returns several."""
    from rnnviz.keras_runtime import tensorflow

    tf = tensorflow()
    x_t = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x_t)
        y = layer(x_t, mask=None if mask is None else tf.constant(mask))
        pairs = zip(y, d_out) if isinstance(y, (list, tuple)) else [(y, d_out)]
        loss = tf.add_n([tf.reduce_sum(tf.constant(d) * out) for out, d in pairs])
    grads = tape.gradient(loss, [x_t, *layer.weights],
                          unconnected_gradients=tf.UnconnectedGradients.ZERO)
    return np.asarray(grads[0]), [np.asarray(g) for g in grads[1:]]


def tape_hidden_gradients(
    layer: Any, x: np.ndarray, mask: np.ndarray | None, d_sequence: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The layer's own Keras cell looped by hand, so the tape can see each step's hidden
    state h_t: returns (the output sequence, dL/dh_t per step) in processing order, for
    L = sum(d_sequence * outputs). Callers check the sequence equals `layer(x, mask=mask)`,
    which ties the loop to the layer."""
    from rnnviz.keras_runtime import tensorflow

    tf = tensorflow()
    batch, time = x.shape[:2]
    order = np.arange(time)[::-1] if layer.go_backwards else np.arange(time)
    keep_all = (np.ones((batch, time), bool) if mask is None else mask)[:, order]
    started = np.logical_or.accumulate(keep_all, axis=1)  # leading masked steps emit zeros
    sizes = layer.cell.state_size
    sizes = list(sizes) if isinstance(sizes, (list, tuple)) else [sizes]
    zero_output = bool(getattr(layer, "zero_output_for_mask", False))
    with tf.GradientTape() as tape:
        states = [tf.zeros((batch, size)) for size in sizes]
        hidden, emitted = [], []
        for step, t in enumerate(order):
            _, new = layer.cell(tf.constant(x[:, t]), states)
            new = list(new) if isinstance(new, (list, tuple)) else [new]
            keep = tf.constant(keep_all[:, step, None])
            states = [tf.where(keep, n, s) for n, s in zip(new, states)]
            hidden.append(states[0])
            emits = keep if zero_output else tf.constant(started[:, step, None])
            emitted.append(tf.where(emits, states[0], 0.0))
        sequence = tf.stack(emitted, axis=1)
        loss = tf.reduce_sum(tf.constant(d_sequence) * sequence)
    grads = tape.gradient(loss, hidden)
    return np.asarray(sequence), np.stack([np.asarray(g) for g in grads], axis=1)
