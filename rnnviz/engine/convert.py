"""Keras layers and models -> plain numpy specs.

Reads only what a built layer exposes (`get_config()`, `get_weights()`, a few attributes),
so this module never imports TensorFlow; what it returns runs and saves without it.
"""
from __future__ import annotations

from dataclasses import fields
from typing import Any

import numpy as np

from rnnviz.engine.bidirectional import BidirectionalSpec
from rnnviz.engine.cells import CELLS, Cell
from rnnviz.engine.model import Dense, SequenceModel
from rnnviz.engine.recurrent import RecurrentSpec

LayerSpec = RecurrentSpec | BidirectionalSpec



def _activation_name(value: Any) -> str:
    if value is None or isinstance(value, str):
        return value or "linear"
    if isinstance(value, dict):  # serialized built-in: {"class_name": "function", "config": "tanh"}
        return str(value.get("config"))
    return getattr(value, "__name__", str(value))


def _cell(keras_cell: Any) -> Cell:
    # Keras's cell classes are the layers' names with "Cell": LSTMCell for LSTM.
    kind = type(keras_cell).__name__.removesuffix("Cell")
    if kind not in CELLS:
        raise ValueError(f"{type(keras_cell).__name__} is not a {', '.join(CELLS)} cell")
    options = {f.name for f in fields(CELLS[kind])}
    config = keras_cell.get_config()
    weights = [np.asarray(w, dtype=np.float32) for w in keras_cell.get_weights()]
    if not weights:
        raise ValueError("the layer is not built yet: call it on an input first")
    kernel, recurrent = weights[0], weights[1]
    bias = weights[2] if config.get("use_bias", True) else None
    kwargs: dict[str, Any] = {"activation": _activation_name(config.get("activation"))}
    if "recurrent_activation" in options:
        kwargs["recurrent_activation"] = _activation_name(config.get("recurrent_activation"))
    if "reset_after" in options:
        kwargs["reset_after"] = bool(config.get("reset_after", True))
    return CELLS[kind](kernel, recurrent, bias, **kwargs)


def from_keras(layer: Any) -> LayerSpec:
    """Numpy spec of a built Keras SimpleRNN, LSTM, GRU, RNN(cell) or Bidirectional layer."""
    name = type(layer).__name__
    if name == "Bidirectional":
        return BidirectionalSpec(
            from_keras(layer.forward_layer), from_keras(layer.backward_layer), layer.merge_mode
        )
    cell = getattr(layer, "cell", None)
    if cell is None:
        raise ValueError(f"{name} is not a recurrent layer")
    return RecurrentSpec(
        _cell(cell),
        go_backwards=bool(layer.go_backwards),
        zero_output_for_mask=bool(getattr(layer, "zero_output_for_mask", False)),
    )


def from_keras_model(
    model: Any,
    tokens: tuple[str, ...],
    labels: tuple[str, ...],
    level: str = "char",
    meta: dict | None = None,
) -> SequenceModel:
    """A Sequential `[Input] [Embedding] RNN... Dense` model as a `SequenceModel`."""
    embedding, mask_zero, layers, head = None, False, [], None
    for layer in model.layers:
        name = type(layer).__name__
        if name == "InputLayer":
            continue
        if name == "Embedding":
            embedding = np.asarray(layer.get_weights()[0], dtype=np.float32)
            mask_zero = bool(layer.mask_zero)
        elif name == "Dense":
            weights = layer.get_weights()
            bias = weights[1] if len(weights) > 1 else np.zeros(weights[0].shape[1], np.float32)
            head = Dense(
                np.asarray(weights[0], np.float32), np.asarray(bias, np.float32),
                _activation_name(layer.get_config().get("activation")),
            )
        elif head is None:
            spec = from_keras(layer)
            if isinstance(spec, BidirectionalSpec) and spec.merge_mode is None:
                raise ValueError("a Bidirectional layer inside a model needs a merge_mode")
            layers.append(spec)
        else:
            raise ValueError(f"rnnviz cannot show a {name} layer after the Dense head")
    if not layers or head is None:
        raise ValueError("the model needs at least one recurrent layer and a Dense head")
    last = model.layers[-2] if type(model.layers[-1]).__name__ == "Dense" else None
    many_to_many = bool(getattr(last, "return_sequences", False))
    return SequenceModel(
        tokens=tuple(tokens), labels=tuple(labels), level=level, embedding=embedding,
        mask_zero=mask_zero, layers=layers, head=head, many_to_many=many_to_many,
        meta=dict(meta or {}),
    )
