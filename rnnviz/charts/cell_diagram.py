"""The cell of one step drawn as the lectures draw it: x_t and h_{t-1} in, the gates, the
candidate, LSTM's cell-state conveyor belt c_{t-1} -> c_t, and h_t out.

Each box holds the real numbers of this step, one small square per unit shown (the whole
vector for small layers, else the unit the page is looking at), coloured on the page's scales:
states red/blue around 0, gates white (closed) to blue (open). The numbers are the `terms` of
`stepthrough.walk`, sliced from the engine trace that tests tie to Keras; each number's
annotation is named `key[unit]` so a test can read it back.

Each kind's layout (boxes, wires) is its own, in `rnnviz.cells`; this module draws any of
them. Drawn with plotly shapes and annotations (no HTML), every label escaped with `plotly_safe`:
the input box shows the token a student typed.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import plotly.colors
import plotly.graph_objects as go

from rnnviz.cells import KINDS
from rnnviz.charts.step import DIVERGING, GATE_SCALE
from rnnviz.guards.labels import plotly_safe

WIRE = "#64748b"
INK = "#111827"
FONT = 15  # above config.MIN_FONT: the numbers must read on a projector
LABEL_FONT = 17
BOX_W, ROW_H = 0.95, 0.42  # a box's width and one unit's row height, in diagram units
WIDTH, HEIGHT = 12.0, 10.2  # the drawing's extent in diagram units


def shown_units(units: int, unit: int | None) -> list[int]:
    """The units a box shows: all of a small layer's, else the one picked."""
    return list(range(units)) if unit is None else [unit]


def _colour(gate: bool, value: float) -> tuple[str, str]:
    """Fill and text colour of one number: gates on 0-1, everything else around 0."""
    if gate:
        level, scale = min(max(value, 0.0), 1.0), GATE_SCALE
        dark = level > 0.6
    else:
        level, scale = (min(max(value, -1.0), 1.0) + 1) / 2, DIVERGING
        dark = abs(value) > 0.6
    fill = plotly.colors.sample_colorscale(scale, [level])[0]
    return fill, "white" if dark else INK


def cell_diagram(
    kind: str, terms: Mapping[str, np.ndarray], *, token: str, title: str, output: str,
    unit: int | None = None, activation: str = "tanh",
) -> go.Figure:
    """The `kind` cell at one step. `terms` are the step's named vectors
    (`stepthrough.walk.terms`), `token` the input read, `output` the translated word for
    where h_t goes (the next layer or the output layer), `unit` the one unit to show (None:
    every unit, for layers of at most 4)."""
    cell = KINDS[kind]
    nodes, wires, ends, (out_x, out_y) = cell.layout(plotly_safe(activation))
    units = shown_units(len(np.atleast_1d(terms["h"])), unit)
    shapes: list[dict[str, Any]] = []
    notes: list[dict[str, Any]] = []
    for wire in wires:
        path = "M " + " L ".join(f"{x},{y}" for x, y in wire)
        shapes.append({"type": "path", "path": path, "layer": "below",
                       "line": {"color": WIRE, "width": 3}})
    for x, y, label in ends:
        notes.append({"x": x, "y": y, "ax": x - 0.6, "ay": y, "axref": "x", "ayref": "y",
                      "showarrow": True, "arrowhead": 2, "arrowsize": 1.3, "arrowwidth": 3,
                      "arrowcolor": WIRE, "text": ""})
        notes.append({"x": x, "y": y + 0.35, "text": plotly_safe(label), "showarrow": False,
                      "font": {"size": LABEL_FONT, "color": INK}})
    notes.append({"x": out_x - 0.15, "y": out_y, "text": plotly_safe(output),
                  "showarrow": False, "xanchor": "right", "font": {"size": FONT, "color": INK}})
    for node in nodes:
        rows = [None] if node.key is None else units
        height = ROW_H * len(rows)
        y0 = node.y - height / 2
        notes.append({"x": node.x, "y": y0 + height + 0.05, "yanchor": "bottom",
                      "text": plotly_safe(node.label), "showarrow": False,
                      "font": {"size": LABEL_FONT, "color": INK},
                      "bgcolor": "rgba(255,255,255,0.85)"})
        for row, u in enumerate(rows):
            low = y0 + height - (row + 1) * ROW_H
            if node.key is None:
                fill, ink, text, name = "#f1f5f9", INK, plotly_safe(token), "x"
            else:
                value = float(np.atleast_1d(terms[node.key])[u])
                fill, ink = _colour(node.key in cell.gates, value)
                text, name = f"{value:.2f}", f"{node.key}[{u}]"
            shapes.append({"type": "rect", "x0": node.x - BOX_W / 2, "x1": node.x + BOX_W / 2,
                           "y0": low, "y1": low + ROW_H, "fillcolor": fill,
                           "line": {"color": "#1f2937", "width": 1.5}})
            notes.append({"x": node.x, "y": low + ROW_H / 2, "text": text, "name": name,
                          "showarrow": False, "font": {"size": FONT, "color": ink}})
    axis = {"visible": False, "fixedrange": True}
    spec = {"data": [], "layout": {
        "title": {"text": plotly_safe(title), "font": {"size": LABEL_FONT + 1, "color": INK}},
        "height": 520, "font": {"size": FONT}, "margin": {"l": 8, "r": 8, "t": 48, "b": 8},
        "plot_bgcolor": "white", "showlegend": False, "template": {},
        "xaxis": {**axis, "range": [-0.1, WIDTH]}, "yaxis": {**axis, "range": [-0.2, HEIGHT]},
        "shapes": shapes, "annotations": notes,
    }}
    return go.Figure(spec, _validate=False)
