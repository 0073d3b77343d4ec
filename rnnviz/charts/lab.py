"""Heatmaps of the tensors a Keras recurrent layer returns, with the shared numbers outlined.

A returned tensor is either (batch, timesteps, units) -- one panel per sequence, timesteps
down, units across -- or (batch, units), one panel with a row per sequence. Outlines mark the
cells that hold the same numbers as a state drawn in another figure, grey bands mark rows that
belong to masked timesteps, and a dashed line splits a concatenated output into its
directions. Labels come in already translated; nothing here knows the language.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from rnnviz.charts.config import MIN_FONT

COLORSCALE = "RdBu_r"  # red positive, blue negative; every value is printed in its cell
ROW_PX = 26
COLUMN_PX = 62
PANEL_EXTRA_PX = 95  # row labels and spacing around one panel
MAX_WIDTH_PX = 800  # the page's main column at 1280 px beside the settings sidebar
MAX_PANELS_PER_ROW = 3
DIGIT_EM = 0.6  # width of a printed digit or sign, in font sizes


@dataclass(frozen=True)
class Outline:
    """Cells [start, stop) of `row` in panel `panel` (for a 2-D tensor: panel 0, row = the
    sequence) drawn with a coloured border."""

    panel: int
    row: int
    start: int
    stop: int
    color: str
    label: str = ""


def _value_range(values: np.ndarray) -> float:
    return max(1.0, float(np.max(np.abs(values))) if values.size else 1.0)


def _fitting(value_format: str, panel_px: float, columns: int, limit: float) -> str:
    """`value_format` with as many decimals as a cell `panel_px / columns` wide can print at
    MIN_FONT (down to 1), or "" when not even that fits: the hover still shows every value."""
    cell = panel_px / max(columns, 1)
    whole = len(f"{-limit:.0f}")  # sign and integer digits of the widest value
    for places in range(int(value_format[-3]) if value_format.endswith("f}") else 0, 0, -1):
        if (whole + 1 + places) * DIGIT_EM * MIN_FONT <= cell - 8:
            return f"%{{z:.{places}f}}"
    return value_format if value_format.endswith(".0f}") else ""


def tensor_heatmap(
    panels: Sequence[np.ndarray],
    *,
    panel_titles: Sequence[str],
    row_labels: Sequence[Sequence[str]],
    column_labels: Sequence[str],
    outlines: Sequence[Outline] = (),
    greyed: Sequence[Sequence[bool]] | None = None,
    split_at: int | None = None,
    zmax: float | None = None,
    value_format: str = "%{z:.3f}",
) -> go.Figure:
    """One heatmap per panel (rows x columns) with each value printed in its cell.

    `greyed[p][r]` greys out row r of panel p; `split_at` draws a dashed line before that
    column.
    """
    count = len(panels)
    columns = list(range(len(column_labels)))
    panel_px = len(columns) * COLUMN_PX + PANEL_EXTRA_PX
    # As many panels side by side as fit the column at full cell width, at least one.
    per_row = max(1, min(count, MAX_PANELS_PER_ROW, (MAX_WIDTH_PX - 20) // panel_px))
    grid_rows = -(-count // per_row)
    limit = zmax if zmax is not None else _value_range(np.concatenate([p.ravel() for p in panels]))
    width = min(MAX_WIDTH_PX, per_row * panel_px + 20)
    value_format = _fitting(value_format, (width - 20) / per_row - PANEL_EXTRA_PX,
                            len(columns), limit)
    # The gap must hold the next panel's row labels ("t=12 · x"), whatever the width.
    gap_x, gap_y = (PANEL_EXTRA_PX / width if per_row > 1 else 0.0), 0.12 / grid_rows
    panel_w = (1 - gap_x * (per_row - 1)) / per_row
    panel_h = (1 - gap_y * (grid_rows - 1)) / grid_rows
    traces, shapes, annotations = [], [], []
    layout: dict = {}
    for p, values in enumerate(panels):
        left = (p % per_row) * (panel_w + gap_x)
        top_edge = 1 - (p // per_row) * (panel_h + gap_y)
        axis = "" if p == 0 else str(p + 1)
        refs = {"xref": f"x{axis}", "yref": f"y{axis}"}
        rows = list(range(values.shape[0]))
        traces.append(go.Heatmap(
            z=values, x=columns, y=rows, zmin=-limit, zmax=limit, zmid=0, xaxis=f"x{axis}",
            yaxis=f"y{axis}", colorscale=COLORSCALE, showscale=False, texttemplate=value_format,
            textfont={"size": MIN_FONT}, xgap=1, ygap=1,
            hovertemplate="%{y}, %{x}: %{z:.6f}<extra></extra>",
        ))
        layout[f"xaxis{axis}"] = {
            "domain": [max(0.0, left), min(1.0, left + panel_w)], "anchor": f"y{axis}",
            "tickvals": columns,
            "ticktext": list(column_labels), "showgrid": False, "zeroline": False,
        }
        layout[f"yaxis{axis}"] = {
            "domain": [max(0.0, top_edge - panel_h), min(1.0, top_edge)], "anchor": f"x{axis}",
            "tickvals": rows,
            "ticktext": list(row_labels[p]), "autorange": "reversed", "showgrid": False,
            "zeroline": False,
        }
        if panel_titles[p]:
            annotations.append({
                "text": panel_titles[p], "x": left + panel_w / 2, "y": top_edge,
                "xref": "paper", "yref": "paper", "xanchor": "center", "yanchor": "bottom",
                "showarrow": False, "font": {"size": MIN_FONT + 2},
            })
        for r, skip in enumerate(greyed[p] if greyed is not None else ()):
            if skip:
                shapes.append({
                    "type": "rect", "x0": -0.5, "x1": len(columns) - 0.5, "y0": r - 0.5,
                    "y1": r + 0.5, "fillcolor": "rgba(120,120,120,0.6)", "line": {"width": 0},
                    **refs,
                })
        if split_at is not None:
            shapes.append({
                "type": "line", "x0": split_at - 0.5, "x1": split_at - 0.5, "y0": -0.5,
                "y1": values.shape[0] - 0.5, "line": {"color": "#222", "width": 2, "dash": "dash"},
                **refs,
            })
    for outline in outlines:
        axis = "" if outline.panel == 0 else str(outline.panel + 1)
        shapes.append({
            "type": "rect", "x0": outline.start - 0.5, "x1": outline.stop - 0.5,
            "y0": outline.row - 0.45, "y1": outline.row + 0.45,
            "line": {"color": outline.color, "width": 3}, "fillcolor": "rgba(0,0,0,0)",
            "xref": f"x{axis}", "yref": f"y{axis}",
        })
    tallest = max(v.shape[0] for v in panels)
    top = 40 if any(panel_titles) else 10
    height = grid_rows * (tallest * ROW_PX + 40) + top + 30
    fig = go.Figure(data=traces, layout={
        **layout, "shapes": shapes, "annotations": annotations, "height": height,
        "width": width, "margin": {"l": 10, "r": 10, "t": top, "b": 30},
        "plot_bgcolor": "white", "font": {"size": MIN_FONT},
    })
    return fig
