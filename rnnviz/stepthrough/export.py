"""A word's whole trace as CSV: what a student takes to a spreadsheet or a notebook to check
the Step-through page's numbers for themselves.

One row per token, in reading order: the token, its input row, every layer's states and
intermediate values (each direction of a Bidirectional apart), the head's scores and softmax.
Numbers are written with `repr`, so reading the file back gives the engine's values exactly."""
from __future__ import annotations

import csv
import io

import numpy as np

from rnnviz.stepthrough.walk import Walk


def _columns(prefix: str, values: np.ndarray) -> dict[str, np.ndarray]:
    """(T, ...) values as one (T,) column per entry, named `prefix.i` (or `prefix.i.j`)."""
    flat = values.reshape(len(values), -1)
    shape = values.shape[1:]
    return {f"{prefix}." + ".".join(str(i) for i in np.unravel_index(k, shape)): flat[:, k]
            for k in range(flat.shape[1])}


def trace_columns(walk: Walk) -> dict[str, np.ndarray]:
    """Every number of the walk's trace as named (T,) columns, in reading order."""
    columns = _columns("input", walk.trace.inputs[0])
    for direction in walk.directions:
        name = f"layer{direction.layer + 1}" + (".backward" if direction.backward else "")
        trace = direction.trace
        for key, values in {**trace.values, **trace.states}.items():
            columns.update(_columns(f"{name}.{key}", direction.by_position(values)))
    columns.update(_columns("score", walk.trace.step_logits[0]))
    columns.update(_columns("softmax", walk.probs))
    return columns


def _cell_text(token: str) -> str:
    """A token as a spreadsheet shows it: one starting like a formula is quoted, never run."""
    return "'" + token if token[:1] in ("=", "+", "-", "@") else token


def trace_csv(walk: Walk) -> str:
    """The walk's trace as CSV text (see the module); a many-to-one model's softmax rows
    before the last step are the head applied there, which it never outputs."""
    columns = trace_columns(walk)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["step", "token", *columns])
    for t, token in enumerate(walk.tokens):
        writer.writerow([t + 1, _cell_text(token.read_as or token.text),
                         *(repr(float(values[t])) for values in columns.values())])
    return out.getvalue()
