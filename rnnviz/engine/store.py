"""Specs and models to and from one `.npz` file: arrays plus a JSON config, never pickle.

A trained model leaves the trainer, the repo's pretrained files and user downloads in this
form, and loads in a process that never imported TensorFlow.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import numpy as np

from rnnviz.engine.bidirectional import BidirectionalSpec
from rnnviz.engine.cells import CELLS
from rnnviz.engine.model import Dense, SequenceModel
from rnnviz.engine.recurrent import RecurrentSpec

FORMAT = "rnnviz.sequence_model/1"
_WEIGHTS = ("kernel", "recurrent_kernel", "bias")


def _put_layer(spec: RecurrentSpec | BidirectionalSpec, key: str, arrays: dict) -> dict:
    if isinstance(spec, BidirectionalSpec):
        return {
            "type": "Bidirectional", "merge_mode": spec.merge_mode,
            "forward": _put_layer(spec.forward, f"{key}.forward", arrays),
            "backward": _put_layer(spec.backward, f"{key}.backward", arrays),
        }
    cell = spec.cell
    config = {
        "type": cell.kind, "go_backwards": spec.go_backwards,
        "zero_output_for_mask": spec.zero_output_for_mask,
        "activation": cell.activation, "use_bias": cell.bias is not None,
    }
    for name in ("recurrent_activation", "reset_after"):
        if hasattr(cell, name):
            config[name] = getattr(cell, name)
    for name in _WEIGHTS:
        if getattr(cell, name) is not None:
            arrays[f"{key}.{name}"] = getattr(cell, name)
    return config


def _get_layer(config: dict, key: str, arrays: Any) -> RecurrentSpec | BidirectionalSpec:
    if config["type"] == "Bidirectional":
        return BidirectionalSpec(
            _get_layer(config["forward"], f"{key}.forward", arrays),
            _get_layer(config["backward"], f"{key}.backward", arrays),
            config["merge_mode"],
        )
    options = {k: config[k] for k in ("activation", "recurrent_activation", "reset_after") if k in config}
    cell = CELLS[config["type"]](
        arrays[f"{key}.kernel"], arrays[f"{key}.recurrent_kernel"],
        arrays[f"{key}.bias"] if config["use_bias"] else None, **options,
    )
    return RecurrentSpec(cell, config["go_backwards"], config["zero_output_for_mask"])


Stored = SequenceModel | RecurrentSpec | BidirectionalSpec


def to_bytes(item: Stored) -> bytes:
    """A model, or a single layer spec from `from_keras`, as the bytes of an `.npz` file."""
    arrays: dict[str, np.ndarray] = {}
    if isinstance(item, SequenceModel):
        arrays["head.kernel"], arrays["head.bias"] = item.head.kernel, item.head.bias
        if item.embedding is not None:
            arrays["embedding"] = item.embedding
        config = {
            "format": FORMAT, "tokens": list(item.tokens), "labels": list(item.labels),
            "level": item.level, "mask_zero": item.mask_zero, "many_to_many": item.many_to_many,
            "head_activation": item.head.activation, "meta": item.meta,
            "layers": [_put_layer(s, f"layers.{i}", arrays) for i, s in enumerate(item.layers)],
        }
    else:
        config = {"format": FORMAT, "layer": _put_layer(item, "layer", arrays)}
    buffer = io.BytesIO()
    np.savez_compressed(buffer, config=np.array(json.dumps(config)), **arrays)
    return buffer.getvalue()


def _build(config: dict, arrays: dict[str, np.ndarray]) -> Stored:
    if "layer" in config:
        return _get_layer(config["layer"], "layer", arrays)
    return SequenceModel(
        tokens=tuple(config["tokens"]), labels=tuple(config["labels"]),
        layers=[_get_layer(c, f"layers.{i}", arrays) for i, c in enumerate(config["layers"])],
        head=Dense(arrays["head.kernel"], arrays["head.bias"], config["head_activation"]),
        embedding=arrays.get("embedding"), mask_zero=config["mask_zero"],
        many_to_many=config["many_to_many"], level=config["level"], meta=config["meta"],
    )


def from_bytes(data: bytes) -> Stored:
    """What `to_bytes` stored; raises ValueError for anything else (corrupt, foreign, pickled)."""
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            config = json.loads(str(npz["config"]))
            arrays = {k: npz[k].astype(np.float32) for k in npz.files if k != "config"}
        if config.get("format") != FORMAT:
            raise ValueError(f"not an rnnviz model file (format {config.get('format')!r})")
        return _build(config, arrays)
    except ValueError:
        raise
    except Exception as error:  # a corrupt or foreign file can fail in many ways
        raise ValueError(f"not a readable rnnviz model file: {error}") from error


def save(item: Stored, path: str | Path) -> None:
    Path(path).write_bytes(to_bytes(item))


def load(path: str | Path) -> Stored:
    return from_bytes(Path(path).read_bytes())
