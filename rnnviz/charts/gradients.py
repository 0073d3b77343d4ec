"""Figures of the Gradients page: |dL/dh_t| per timestep on a log scale, one line per cell,
and the small box-and-arrow diagrams of the RNN shapes.

Projector styling as elsewhere. A gradient that underflowed float32 (0) or overflowed (inf)
has no place on a log axis: it shows as a gap, and the page says why in words.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import plotly.graph_objects as go

from rnnviz.charts.step import FONT, GRID, SERIES
from rnnviz.guards.labels import plotly_safe
from rnnviz.gradients.shapes import Shape

HEIGHT = 420
ROLE_COLORS = {"x": "#dbeafe", "h": "#dcfce7", "y": "#ffedd5"}
ROLE_LINES = {"x": "#2563eb", "h": "#16a34a", "y": "#ea580c"}


def gradient_lines(norms: Mapping[str, np.ndarray], title: str, x_title: str,
                   y_title: str) -> go.Figure:
    """One line per cell over timesteps 1..T on a log y axis."""
    data = []
    for i, (name, values) in enumerate(norms.items()):
        y = np.asarray(values, dtype=float)
        y = np.where(np.isfinite(y) & (y > 0), y, np.nan)
        data.append({"type": "scatter", "mode": "lines", "name": plotly_safe(name),
                     "x": np.arange(1, len(y) + 1), "y": y,
                     "line": {"color": SERIES[i % len(SERIES)], "width": 3}})
    layout = {
        "title": {"text": plotly_safe(title), "font": {"size": FONT + 2}}, "height": HEIGHT,
        "font": {"size": FONT}, "margin": {"l": 80, "r": 10, "t": 60, "b": 56},
        "plot_bgcolor": "white", "template": {},
        "legend": {"orientation": "h", "y": 1.0, "x": 1, "xanchor": "right",
                   "yanchor": "bottom"},
        "xaxis": {"title": {"text": plotly_safe(x_title)}, "gridcolor": GRID},
        "yaxis": {"title": {"text": plotly_safe(y_title)}, "type": "log", "gridcolor": GRID,
                  "exponentformat": "power"},
    }
    return go.Figure({"data": data, "layout": layout}, _validate=False)


def shape_diagram(shape: Shape, title: str) -> go.Figure:
    """Boxes for x (blue), h (green) and y (orange), arrows for what feeds what."""
    shapes, annotations = [], []
    half = shape.half_width
    for column, row, role in shape.nodes:
        shapes.append({"type": "rect", "x0": column - half, "x1": column + half,
                       "y0": row - 0.25, "y1": row + 0.25, "fillcolor": ROLE_COLORS[role],
                       "line": {"color": ROLE_LINES[role], "width": 2}})
        annotations.append({"x": column, "y": row, "text": role, "showarrow": False,
                            "font": {"size": FONT - 2}})
    for (x0, y0), (x1, y1) in shape.arrows:
        if abs(y1 - y0) > abs(x1 - x0):  # up: from the top of one box to the bottom of the next
            dy = np.sign(y1 - y0) * 0.25
            start, end = (x0, y0 + dy), (x1, y1 - dy)
        else:  # along a row
            dx = np.sign(x1 - x0) * half
            start, end = (x0 + dx, y0), (x1 - dx, y1)
        annotations.append({
            "x": end[0], "y": end[1], "ax": start[0], "ay": start[1],
            "xref": "x", "yref": "y", "axref": "x", "ayref": "y", "text": "",
            "showarrow": True, "arrowhead": 2, "arrowwidth": 1.5, "arrowcolor": "#475569"})
    rows = max(row for _, row, _ in shape.nodes)
    hidden = {"visible": False, "fixedrange": True}
    layout = {
        "title": {"text": plotly_safe(title), "font": {"size": FONT}, "x": 0.02},
        "height": 120 + 55 * rows, "margin": {"l": 5, "r": 5, "t": 40, "b": 5},
        "plot_bgcolor": "white", "template": {}, "showlegend": False,
        "shapes": shapes, "annotations": annotations,
        "xaxis": {**hidden, "range": [-0.5, 3.5]},
        "yaxis": {**hidden, "range": [-0.45, rows + 0.45]},
    }
    return go.Figure({"data": [], "layout": layout}, _validate=False)
