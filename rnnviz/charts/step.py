"""Figures of the Step-through page: the current step's vectors as bars, the whole word as a
heatmap with the current step framed, and the softmax as ranked bars.

Built for a projector: large type, few colours, states on a diverging scale centred at 0
(red positive, blue negative) and gates on a 0-1 scale. Labels arrive translated and are
escaped here with `plotly_safe`, because plotly reads `<...>` in text as markup and a token
can be `<end>` or anything a student typed.

Figures are written as plain plotly JSON and wrapped without plotly's per-property
validation: validating costs about 40 ms a figure, most of the page's 50 ms rerun budget,
and the tests validate every builder's output instead. Numbers stay numpy arrays, which
plotly copies and encodes in one piece instead of element by element.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import plotly.colors
import plotly.graph_objects as go

from rnnviz.charts.config import MIN_FONT
from rnnviz.charts.text_fit import em_width, wrap
from rnnviz.guards.labels import plotly_safe

DIVERGING = plotly.colors.get_colorscale("RdBu_r")
GATE_SCALE = plotly.colors.get_colorscale("Blues")
FONT = 18
CURRENT = "#f59e0b"  # the current step's frame, everywhere on the page
TARGET = "#16a34a"
OTHER = "#94a3b8"
SERIES = ("#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2")
GRID = "#e5e7eb"
TAPE_MIN_COLUMNS = 8
HALF_TITLE_EM = 16  # a title line that fits a half-page column, in font sizes
TAPE_PLOT_PX = 680  # the letter strip's plot width at 1280 px, a little under


def _tape_cell_px(columns: int) -> float:
    return 0.9 * TAPE_PLOT_PX / max(columns, TAPE_MIN_COLUMNS)


def fits_tape(text: str, columns: int) -> bool:
    """Whether `text` fits one cell of a strip of `columns` cells at the smallest type."""
    return em_width(text) * MIN_FONT <= _tape_cell_px(columns)


def _tape_sizes(texts: Sequence[str], largest: int) -> list[int]:
    """A font size per cell: `largest` where it fits, smaller for a long label so that
    neighbours never overlap, never under MIN_FONT."""
    cell = _tape_cell_px(len(texts))
    return [max(MIN_FONT, min(largest, int(cell / em_width(text)))) for text in texts]


def _figure(data: list[dict[str, Any]], title: str, height: int, *, half: bool = False,
            **layout: Any) -> go.Figure:
    """`half` figures sit in one of the page's two columns, about 340 px wide on a 1280-pixel
    projector: plotly never wraps a title, so theirs is broken into lines here."""
    lines = wrap(title, HALF_TITLE_EM) if half else [title]
    extra = (len(lines) - 1) * (FONT + 8)
    spec = {
        "data": data,
        "layout": {
            "title": {"text": "<br>".join(plotly_safe(line) for line in lines),
                      "font": {"size": FONT + 2}},
            "height": height + extra, "font": {"size": FONT},
            "margin": {"l": 10, "r": 10, "t": 56 + extra, "b": 10},
            "plot_bgcolor": "white", "showlegend": False, "template": {}, **layout,
        },
    }
    return go.Figure(spec, _validate=False)


def symmetric_limit(values: np.ndarray, floor: float = 1.0) -> float:
    """A range centred at 0 that keeps tanh's [-1, 1] unless the values exceed it."""
    return max(floor, float(np.max(np.abs(values)))) if np.size(values) else floor


def _unit_frame(unit: int | None, low: float, high: float) -> list[dict[str, Any]]:
    """A frame around one unit's column: the unit the equations are showing."""
    if unit is None:
        return []
    return [{"type": "rect", "x0": unit - 0.5, "x1": unit + 0.5, "y0": low, "y1": high,
             "line": {"color": CURRENT, "width": 3}}]


def vector_bars(
    series: Mapping[str, np.ndarray], *, title: str, unit_label: str,
    highlight: int | None = None,
) -> go.Figure:
    """One bar per unit for each named vector (h_t, or h_t beside c_t), unit `highlight`
    framed.

    One vector is coloured by its value on the state scale; several get one colour each and
    a legend, so the values of one unit stand next to each other."""
    stacked = np.stack([np.asarray(v, dtype=float) for v in series.values()])
    units = list(range(stacked.shape[1]))
    limit = symmetric_limit(stacked)
    single = len(series) == 1
    data = []
    for n, (name, values) in enumerate(zip(series, stacked)):
        marker = (
            {"color": values, "colorscale": DIVERGING, "cmin": -limit, "cmax": limit}
            if single else {"color": SERIES[n % len(SERIES)]}
        )
        data.append({
            "type": "bar", "x": np.arange(len(units)), "y": values, "name": plotly_safe(name),
            "marker": marker, "cliponaxis": False, "textposition": "outside",
            "text": [f"{v:.2f}" for v in values] if len(units) * len(series) <= 24 else None,
            "hovertemplate": f"{plotly_safe(name)}[%{{x}}] = %{{y:.4f}}<extra></extra>",
        })
    return _figure(
        data, title, 340, half=True, barmode="group", showlegend=not single,
        shapes=_unit_frame(highlight, -limit * 1.2, limit * 1.2),
        legend={"orientation": "h", "y": 1.0, "x": 1, "xanchor": "right", "yanchor": "bottom"},
        xaxis={"title": {"text": plotly_safe(unit_label)},
               "tickvals": units if len(units) <= 16 else None},
        yaxis={"range": [-limit * 1.2, limit * 1.2], "zeroline": True, "zerolinecolor": "#333",
               "gridcolor": GRID},
    )


def gate_heatmap(
    gates: Mapping[str, np.ndarray], *, title: str, unit_label: str,
    highlight: int | None = None,
) -> go.Figure:
    """This step's gates, one row each, units across, on the 0-1 scale: which units let the
    new input in, keep their memory, or show it. Unit `highlight` is framed."""
    names = list(gates)
    matrix = np.stack([np.asarray(gates[name], dtype=float) for name in names])
    units = matrix.shape[1]
    heat = {
        "type": "heatmap", "z": matrix, "colorscale": GATE_SCALE, "zmin": 0.0, "zmax": 1.0,
        "xgap": 1, "ygap": 2, "colorbar": {"thickness": 14},
        "hovertemplate": "%{z:.4f}<extra></extra>",
    }
    if units <= 12:
        heat.update(texttemplate="%{z:.2f}", textfont={"size": FONT - 2})
    return _figure(
        [heat], title, 110 + 46 * len(names), half=True,
        shapes=_unit_frame(highlight, -0.5, len(names) - 0.5),
        xaxis={"title": {"text": plotly_safe(unit_label)}, "showgrid": False,
               "tickvals": list(range(units)) if units <= 16 else None},
        yaxis={"tickvals": list(range(len(names))), "ticktext": [plotly_safe(n) for n in names],
               "autorange": "reversed", "showgrid": False, "tickfont": {"size": FONT + 4}},
    )


def step_heatmap(
    matrix: np.ndarray, *, tokens: Sequence[str], current: int, title: str,
    unit_label: str, gate: bool = False,
) -> go.Figure:
    """Units down, timesteps across, the current step framed.

    States use the diverging scale centred at 0; gates (`gate=True`) the 0-1 scale, so a
    closed gate is white and an open one dark."""
    matrix = np.asarray(matrix, dtype=float)
    units, steps = matrix.shape
    columns = list(range(steps))
    if gate:
        scale = {"colorscale": GATE_SCALE, "zmin": 0.0, "zmax": 1.0}
    else:
        limit = symmetric_limit(matrix)
        scale = {"colorscale": DIVERGING, "zmin": -limit, "zmax": limit}
    few = units <= 8 and units * steps <= 120  # rows tall enough to print every value
    heat = {
        "type": "heatmap", "z": matrix,
        "xgap": 1, "ygap": 1 if units <= 40 else 0, "colorbar": {"thickness": 14},
        "hovertemplate": "%{y}, t=%{x}: %{z:.4f}<extra></extra>", **scale,
    }
    if few:
        heat.update(texttemplate="%{z:.2f}", textfont={"size": FONT - 2})
    frame = {
        "type": "rect", "x0": current - 0.5, "x1": current + 0.5, "y0": -0.5,
        "y1": units - 0.5, "line": {"color": CURRENT, "width": 5},
    }
    row = 34 if units <= 8 else 12 if units <= 40 else 6
    return _figure(
        [heat], title, 130 + units * row, shapes=[frame],
        xaxis={"tickvals": columns, "ticktext": [plotly_safe(t) for t in tokens], "side": "top",
               "showgrid": False, "tickfont": {"size": FONT + 4}},
        yaxis={"title": {"text": plotly_safe(unit_label)}, "autorange": "reversed",
               "showgrid": False, "tickvals": list(range(units)) if units <= 16 else None},
        margin={"l": 10, "r": 10, "t": 100, "b": 10},
    )


def softmax_bars(
    top: Sequence[tuple[str, float]], *, title: str, target: str | None = None,
    target_probability: float | None = None,
) -> go.Figure:
    """The k most likely next tokens, most likely on top; the true next token green, and
    added below the k when it is not among them."""
    rows = list(top)
    if target is not None and target_probability is not None and target not in {
        label for label, _ in rows
    }:
        rows.append((target, target_probability))
    rows.reverse()
    positions = list(range(len(rows)))
    return _figure(
        [{
            "type": "bar", "orientation": "h", "x": [p for _, p in rows], "y": positions,
            "marker": {"color": [TARGET if label == target else OTHER for label, _ in rows]},
            "text": [f"{p:.1%}" for _, p in rows], "textposition": "outside",
            "cliponaxis": False, "hovertemplate": "%{x:.4f}<extra></extra>",
        }],
        title, 110 + 44 * len(rows), half=True,
        yaxis={"tickvals": positions, "ticktext": [plotly_safe(label) for label, _ in rows],
               "tickfont": {"size": FONT + 6}},
        xaxis={"range": [0, 1.2], "tickformat": ".0%", "gridcolor": GRID},
    )


def token_tape(
    tokens: Sequence[str], *, known: Sequence[bool], below: Sequence[str],
    correct: Sequence[bool | None], current: int, row_labels: tuple[str, str], title: str,
) -> go.Figure:
    """The typed text as a strip of cells with what the network predicts under each one,
    the current step filled: `hell` over `ello`. Skipped tokens are grey; a prediction is
    green when it is the token that really comes next."""
    columns = list(range(len(tokens)))
    cells = [
        {"type": "rect", "x0": x - 0.46, "x1": x + 0.46, "y0": y - 0.42, "y1": y + 0.42,
         "line": {"color": "#cbd5e1", "width": 1}, "layer": "below",
         "fillcolor": "#fde68a" if x == current else "white" if ok else "#f1f5f9"}
        for x, ok in zip(columns, known) for y in (0, 1)
    ]
    cells.append({"type": "rect", "x0": current - 0.5, "x1": current + 0.5, "y0": -0.5,
                  "y1": 1.5, "line": {"color": CURRENT, "width": 4}, "layer": "below"})
    colour = {True: TARGET, False: "#111827", None: "#111827"}
    data = [
        {"type": "scatter", "mode": "text", "x": columns, "y": [1] * len(columns),
         "text": [plotly_safe(t) for t in tokens], "hoverinfo": "skip",
         "textfont": {"size": _tape_sizes(tokens, 34),
                      "color": ["#111827" if ok else "#94a3b8" for ok in known]}},
        {"type": "scatter", "mode": "text", "x": columns, "y": [0] * len(columns),
         "text": [plotly_safe(t) for t in below], "hoverinfo": "skip",
         "textfont": {"size": _tape_sizes(below, 28),
                      "color": [colour[c] for c in correct]}},
    ]
    return _figure(
        data, title, 210, shapes=cells,
        xaxis={"range": [-0.6, max(len(columns), TAPE_MIN_COLUMNS) - 0.4], "visible": False,
               "fixedrange": True},
        yaxis={"range": [-0.6, 1.6], "tickvals": [0, 1], "fixedrange": True,
               "ticktext": [plotly_safe(row_labels[1]), plotly_safe(row_labels[0])],
               "showgrid": False, "zeroline": False},
        margin={"l": 10, "r": 10, "t": 48, "b": 4},
    )
