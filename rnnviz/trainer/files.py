"""`.keras` files in and out: a trained model leaves as a download and comes back as an upload.

An upload is a file from anyone, and Keras's `load_model` builds every layer and allocates
every weight a file declares before anything can look at it: a 500-byte config asking for
`Dense(2_500_000)` costs gigabytes. So Keras never sees an upload. The zip is opened here
with a cap on each entry (`rnnviz.guards.archive`); `config.json` is read as plain JSON and
accepted only when it describes an `[Input] [Embedding] RNN... Dense` model with Keras's
default settings that fits the lesson, within the Train page's limits; then exactly the
weight arrays that model has are read from `model.weights.h5`, each checked for shape and
type before its data is read. The run builds its own model from the settings and sets these
weights. Nothing touches the disk. Every refusal is an `InputProblem` the page can explain.
"""
from __future__ import annotations

import io
import json
from collections import Counter
from typing import Any

import h5py
import numpy as np

from rnnviz.cells import KINDS
from rnnviz.guards.archive import read_entries
from rnnviz.guards.problems import InputProblem
from rnnviz.keras_models import ACTIVATIONS, CELLS, ModelConfig, initial_weights
from rnnviz.lessons import Lesson
from rnnviz.trainer.settings import LIMITS, TrainSettings, defaults_for, model_config

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
CONFIG, METADATA, WEIGHTS = "config.json", "metadata.json", "model.weights.h5"
# What each entry of a `.keras` file may unpack to: a 3-layer, 64-unit LSTM over 80
# characters has 4.3 KB of config and under 0.5 MB of weights.
ENTRY_LIMITS = {CONFIG: 64 * 1024, METADATA: 4 * 1024, WEIGHTS: 4 * 1024 * 1024}
MAX_H5_OBJECTS = 100
# Keras's defaults, which the app trains with: a file saying otherwise is another model.
# The activation is the one setting the Train page offers (`ACTIVATIONS`).
RECURRENT_DEFAULTS = {
    "recurrent_activation": "sigmoid", "use_bias": True,
    "go_backwards": False, "stateful": False, "return_state": False,
}


def read_keras_file(data: bytes, lesson: Lesson) -> tuple[TrainSettings, list[np.ndarray]]:
    """Settings (cell, units, layers) and weights of an uploaded model that fits `lesson`."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputProblem("train.problem.upload_too_big", limit=MAX_UPLOAD_BYTES // 1024)
    entries = read_entries(data, ENTRY_LIMITS)
    _json(entries[METADATA])
    found = describe_config(_json(entries[CONFIG]))
    settings = defaults_for(lesson)
    settings = TrainSettings(
        cell=found.cell, units=found.units, layers=found.layers, optimizer=settings.optimizer,
        learning_rate=settings.learning_rate, epochs=0, batch_size=settings.batch_size,
        activation=found.activation,
    )
    for name in ("units", "layers"):  # a file may not ask for more than the Train page allows
        low, high = LIMITS[name]
        if not low <= getattr(found, name) <= high:
            raise InputProblem(f"train.problem.{name}", low=low, high=high)
    expected = model_config(lesson, settings)
    if found != expected.shape_key:
        raise InputProblem(
            "train.problem.upload_mismatch", lesson=lesson.key,
            expected=_shape_text(expected.timesteps, expected.vocab_size, expected.classes),
            found=_shape_text(found.timesteps, found.vocab_size, found.classes),
        )
    return settings, read_weights(entries[WEIGHTS], expected)


def _json(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as exc:  # not JSON, not UTF-8, nested to no end
        raise InputProblem("train.problem.upload_corrupt") from exc


def _field(mapping: Any, name: str, kind: type | tuple[type, ...]) -> Any:
    value = mapping.get(name) if isinstance(mapping, dict) else None
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise InputProblem("train.problem.upload_unsupported", detail=f"{name}: {value!r:.40}")
    return value


def _layer(entry: Any) -> tuple[str, dict]:
    """A layer's class and config; anything not a built-in Keras layer (a Lambda, a custom
    or registered object) is code, which is never loaded here."""
    name = _field(entry, "class_name", str)
    if name not in ("InputLayer", "Embedding", "Dense", *CELLS):
        raise InputProblem("train.problem.upload_corrupt")
    if entry.get("registered_name") is not None or entry.get("module") != "keras.layers":
        raise InputProblem("train.problem.upload_corrupt")
    return name, _field(entry, "config", dict)


def _require(layer: str, config: dict, name: str, wanted: object) -> None:
    if config.get(name, wanted) != wanted:
        raise InputProblem("train.problem.upload_unsupported",
                           detail=f"{layer} {name}={config.get(name)!r:.40}")


def describe_config(config: Any) -> ModelConfig:
    """The `ModelConfig` a `.keras` file's `config.json` describes (seed 0), read as plain
    JSON; an InputProblem when it is not an `[Input] [Embedding] RNN... Dense` model with
    Keras's default settings."""
    if _field(config, "class_name", str) != "Sequential" or config.get("module") != "keras":
        raise InputProblem("train.problem.upload_corrupt")
    entries = _field(_field(config, "config", dict), "layers", list)
    if not 3 <= len(entries) <= 6:
        raise InputProblem("train.problem.upload_unsupported", detail=f"{len(entries)} layers")
    layers = [_layer(entry) for entry in entries]
    kinds = [kind for kind, _ in layers]
    if kinds[0] != "InputLayer" or kinds[-1] != "Dense":
        raise InputProblem("train.problem.upload_unsupported", detail=" → ".join(kinds))
    shape = _field(layers[0][1], "batch_shape", list)
    embedding = kinds[1] == "Embedding"
    recurrent = layers[2:-1] if embedding else layers[1:-1]
    cells = {kind for kind, _ in recurrent}
    if not recurrent or len(cells) != 1 or not cells <= set(CELLS):
        raise InputProblem("train.problem.upload_unsupported", detail=" → ".join(kinds))
    cell = cells.pop()
    units = {_field(c, "units", int) for _, c in recurrent}
    if len(units) != 1:
        raise InputProblem("train.problem.upload_unsupported", detail="units differ")
    activations = {c.get("activation", "tanh") for _, c in recurrent}  # Keras's default
    if len(activations) != 1 or not activations <= set(ACTIVATIONS):
        raise InputProblem("train.problem.upload_unsupported",
                           detail=f"activation {', '.join(sorted(map(str, activations))):.40}")
    for i, (kind, c) in enumerate(recurrent):
        for name, wanted in RECURRENT_DEFAULTS.items():
            _require(kind, c, name, wanted)
        for name, wanted in KINDS[kind].keras_options(reset_after=True).items():
            _require(kind, c, name, wanted)
        if i < len(recurrent) - 1:
            _require(kind, c, "return_sequences", True)
    head = layers[-1][1]
    activation = _field(head, "activation", str)
    if activation not in ("softmax", "linear"):
        raise InputProblem("train.problem.upload_unsupported", detail=f"Dense {activation:.40}")
    _require("Dense", head, "use_bias", True)
    if embedding:
        table = layers[1][1]
        vocab = _field(table, "input_dim", int)
        if _field(table, "output_dim", int) != vocab or len(shape) != 2:
            raise InputProblem("train.problem.upload_unsupported", detail="Embedding")
        encoding, mask_zero = "identity_embedding", _field(table, "mask_zero", bool)
    else:
        if len(shape) != 3:
            raise InputProblem("train.problem.upload_unsupported", detail="input shape")
        vocab, encoding, mask_zero = shape[2], "one_hot", False
    timesteps = shape[1]
    sizes = (timesteps, vocab, _field(head, "units", int))
    if any(not isinstance(n, int) or isinstance(n, bool) or n < 1 for n in sizes):
        raise InputProblem("train.problem.upload_unsupported", detail="input shape")
    return ModelConfig(
        task="many_to_many" if recurrent[-1][1].get("return_sequences") else "many_to_one",
        timesteps=timesteps, vocab_size=vocab, classes=sizes[2], input_encoding=encoding,
        mask_zero=mask_zero, cell=cell, units=units.pop(), layers=len(recurrent),
        head_activation=activation, activation=activations.pop(),
    )


def _weight_paths(config: ModelConfig) -> list[str]:
    """Where Keras 3 stores each array of `model.get_weights()` in `model.weights.h5`: one
    group per layer, named after its class and numbered in order."""
    names = ["embedding"] if config.input_encoding == "identity_embedding" else []
    names += [KINDS[config.cell].keras_name] * config.layers + ["dense"]
    seen: Counter[str] = Counter()
    paths = []
    for name in names:
        group = f"layers/{name}" + (f"_{seen[name]}" if seen[name] else "")
        seen[name] += 1
        if name == "embedding":
            paths.append(f"{group}/vars/0")
        elif name == "dense":
            paths += [f"{group}/vars/0", f"{group}/vars/1"]
        else:
            paths += [f"{group}/cell/vars/{i}" for i in range(3)]
    return paths


def read_weights(raw: bytes, config: ModelConfig) -> list[np.ndarray]:
    """The arrays of `config`'s model from a `model.weights.h5`, in `get_weights()` order.

    Only hard-linked float32 datasets of exactly the expected shapes are read (shapes are
    checked before any data is), so a file cannot make this allocate more than the model
    itself; an identity embedding must be the identity."""
    expected = [w.shape for w in initial_weights(config)]
    paths = _weight_paths(config)
    try:
        with h5py.File(io.BytesIO(raw), "r") as f:
            count = 0

            def visit(name: str, obj: Any) -> None:
                nonlocal count
                count += 1
                if count > MAX_H5_OBJECTS or (isinstance(obj, h5py.Dataset)
                                              and name not in paths):
                    raise InputProblem("train.problem.upload_unsupported", detail=name[:60])

            f.visititems(visit)
            weights = [_dataset(f, path, shape) for path, shape in zip(paths, expected)]
    except InputProblem:
        raise
    except Exception as exc:  # h5py raises OSError, KeyError, ValueError... for a bad file
        raise InputProblem("train.problem.upload_corrupt") from exc
    if config.input_encoding == "identity_embedding" and not np.array_equal(
        weights[0], np.eye(config.vocab_size, dtype=np.float32)
    ):
        raise InputProblem("train.problem.upload_unsupported", detail="Embedding")
    return weights


def _dataset(f: h5py.File, path: str, shape: tuple[int, ...]) -> np.ndarray:
    parts = path.split("/")
    for i in range(1, len(parts) + 1):  # no soft or external link anywhere on the way
        if not isinstance(f.get("/".join(parts[:i]), getlink=True), h5py.HardLink):
            raise InputProblem("train.problem.upload_unsupported", detail=path)
    data = f[path]
    if (not isinstance(data, h5py.Dataset) or data.shape != shape or data.dtype != np.float32
            or data.is_virtual or data.external):  # data kept in other files on this server
        raise InputProblem("train.problem.upload_unsupported", detail=path)
    values = np.asarray(data[()], dtype=np.float32)
    if not np.all(np.isfinite(values)):
        raise InputProblem("train.problem.upload_unsupported", detail=path)
    return values


def _shape_text(timesteps: int, vocab: int, classes: int) -> str:
    return f"{timesteps} × {vocab} → {classes}"
