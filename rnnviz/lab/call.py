"""One lab run: the real Keras call, the engine's replay of it, and everything the page says
about the two."""
from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from rnnviz.engine import from_keras
from rnnviz.guards.problems import Message
from rnnviz.lab.config import LabConfig
from rnnviz.lab.explain import (
    Half, Link, ParamCount, halves, has_time_axis, links, notes, param_count, returned_names,
    row_steps, skipped_rows,
)
from rnnviz.lab.inputs import LabInput, build_input
from rnnviz.lab.keras_side import LayerKey, built_layer, call_layer, returned_shapes
from rnnviz.lab.snippet import keras_snippet


@dataclass(frozen=True)
class Tensor:
    """One returned tensor: Keras's values and the engine's for the same call."""

    name: str
    values: np.ndarray
    engine: np.ndarray
    time_axis: bool

    @property
    def shape(self) -> tuple[int, ...]:
        return tuple(self.values.shape)


@dataclass(frozen=True)
class ShapeRow:
    """What the same layer returns under one of the four flag combinations."""

    return_sequences: bool
    return_state: bool
    returned: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class LabResult:
    config: LabConfig
    input: LabInput
    tensors: tuple[Tensor, ...]
    engine_max_abs_diff: float
    links: tuple[Link, ...]
    halves: tuple[Half, ...]
    row_steps: tuple[int, ...]  # input timestep of each output row
    skipped: np.ndarray  # (B, rows) True where an output row belongs to a masked step
    notes: tuple[Message, ...]
    params: ParamCount
    keras_params: int
    snippet: str
    build_seconds: float  # building the layer and setting its weights (once per layer)
    call_seconds: float  # one `layer(x, mask=mask)`
    engine_seconds: float

    def tensor(self, name: str) -> Tensor:
        return next(t for t in self.tensors if t.name == name)


def _as_list(returned: np.ndarray | list[np.ndarray]) -> list[np.ndarray]:
    return [np.asarray(r) for r in returned] if isinstance(returned, list) else [returned]


@lru_cache(maxsize=128)
def run_lab(config: LabConfig) -> LabResult:
    """Call the Keras layer `config` describes on its input and explain what came back.

    Needs TensorFlow: call it once `keras_runtime.is_ready()`. Cached by config.
    """
    batch = build_input(config.input, config.seed)
    built = built_layer(LayerKey.of(config, batch.x.shape[2]))
    values, call_seconds = call_layer(built.layer, batch.x, batch.mask)
    start = time.perf_counter()
    trace = from_keras(built.layer).run(batch.x, mask=batch.mask)
    engine = _as_list(trace.outputs(config.return_sequences, config.return_state))
    engine_seconds = time.perf_counter() - start
    names = returned_names(config)
    if len(names) != len(values) or len(engine) != len(values):
        raise RuntimeError(f"expected {names}, Keras returned {len(values)} tensors")
    tensors = tuple(
        Tensor(n, v, e.astype(np.float32), has_time_axis(config, n))
        for n, v, e in zip(names, values, engine)
    )
    masked = batch.mask is not None
    return LabResult(
        config=config, input=batch, tensors=tensors,
        engine_max_abs_diff=max(float(np.max(np.abs(t.values - t.engine))) for t in tensors),
        links=links(config, batch.real, masked), halves=halves(config),
        row_steps=row_steps(config, batch.x.shape[1]),
        skipped=skipped_rows(config, batch.real, masked),
        notes=notes(config, padded=not batch.real.all(), masked=masked),
        params=param_count(config, batch.x.shape[2]),
        keras_params=int(built.layer.count_params()),
        snippet=keras_snippet(config),
        build_seconds=built.build_seconds, call_seconds=call_seconds,
        engine_seconds=engine_seconds,
    )


def shape_table(config: LabConfig) -> tuple[ShapeRow, ...]:
    """The four flag combinations for this layer and input, shapes as Keras computes them."""
    b, t, features = build_input(config.input, config.seed).x.shape
    rows = []
    for seq in (False, True):
        for state in (False, True):
            flagged = config.with_flags(seq, state)
            shapes = returned_shapes(LayerKey.of(flagged, features), b, t)
            rows.append(ShapeRow(seq, state, tuple(zip(returned_names(flagged), shapes))))
    return tuple(rows)
