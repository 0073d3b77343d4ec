"""Figures of the By-hand page: the loss while training by hand, and how large dL/dh_t is at
each timestep of the backward pass.

Same projector styling as the Step-through figures (large type, the shared colours); labels
arrive translated and are escaped, since a series name can be anything.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.charts.step import CURRENT, FONT, GRID, OTHER, SERIES
from rnnviz.guards.labels import plotly_safe

HEIGHT = 320


def _layout(title: str, x_title: str, y_title: str, **extra: object) -> dict:
    return {
        "title": {"text": plotly_safe(title), "font": {"size": FONT + 2}}, "height": HEIGHT,
        "font": {"size": FONT}, "margin": {"l": 70, "r": 10, "t": 56, "b": 56},
        "plot_bgcolor": "white", "template": {},
        "xaxis": {"title": {"text": plotly_safe(x_title)}, "gridcolor": GRID},
        "yaxis": {"title": {"text": plotly_safe(y_title)}, "gridcolor": GRID}, **extra,
    }


def loss_curves(curves: Mapping[str, Sequence[float]], title: str, x_title: str,
                y_title: str) -> go.Figure:
    """One line per named curve, the loss before each SGD step and after the last; a
    diverged value shows as a gap rather than flattening the rest."""
    data = []
    for i, (name, losses) in enumerate(curves.items()):
        y = np.asarray(losses, dtype=float)
        data.append({"type": "scatter", "mode": "lines", "name": plotly_safe(name),
                     "x": np.arange(len(y)), "y": np.where(np.isfinite(y), y, np.nan),
                     "line": {"color": SERIES[i % len(SERIES)], "width": 3}})
    legend = {"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"}
    return go.Figure({"data": data, "layout": _layout(
        title, x_title, y_title, showlegend=len(curves) > 1, legend=legend)}, _validate=False)


def gradient_bars(norms: Sequence[float | None], current: int, title: str,
                  x_title: str) -> go.Figure:
    """|dL/dh_t| per timestep (1-based on the axis), the step being explained highlighted;
    None marks a step the backward pass has not reached yet (no bar)."""
    values = np.array([np.nan if v is None else v for v in norms], dtype=float)
    colors = [CURRENT if t == current else OTHER for t in range(len(values))]
    data = [{"type": "bar", "x": np.arange(1, len(values) + 1), "y": values,
             "marker": {"color": colors},
             "text": ["" if np.isnan(v) else f"{v:.3f}" for v in values],
             "textposition": "outside"}]
    layout = _layout(title, x_title, "", showlegend=False)
    layout["xaxis"]["dtick"] = 1
    layout["yaxis"]["range"] = [0, max(1e-9, float(np.nanmax(values)) * 1.25)]
    return go.Figure({"data": data, "layout": layout}, _validate=False)
