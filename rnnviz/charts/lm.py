"""Language-model figures: perplexity per epoch (one curve a cell), loss per iteration, the
next word's softmax, and the corpus strip that shows how truncated BPTT cuts the batches.

Titles and labels come in from the caller, already in the user's language. The live figures
keep `uirevision` fixed so a zoom survives the twice-a-second redraw.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.cells import NAMES
from rnnviz.charts.training import COLORS, MAX_POINTS
from rnnviz.guards.labels import plotly_safe
from rnnviz.lm.batches import iterations_per_epoch, offsets

HEIGHT = 280
LOG_TICKS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000]
CELL_COLORS = dict(zip(NAMES, COLORS))


def _layout(figure: go.Figure, title: str, x_title: str, y_title: str,
            height: int = HEIGHT) -> go.Figure:
    figure.update_layout(
        title={"text": title, "font": {"size": 14}}, height=height,
        margin={"l": 55, "r": 10, "t": 36, "b": 40}, uirevision="lm",
        xaxis_title=x_title, yaxis_title=y_title,
        legend={"orientation": "h", "y": 1.02, "x": 1, "xanchor": "right", "yanchor": "bottom"},
    )
    return figure


def _finite(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values), values, np.nan)


def perplexity_figure(curves: dict[str, np.ndarray], epochs: int, title: str, x_title: str,
                      y_title: str) -> go.Figure:
    """One line per cell, epoch 0 (untrained) first, on a log axis: 300 and 3 both readable."""
    figure = go.Figure()
    for cell, values in curves.items():
        figure.add_trace(go.Scatter(
            x=np.arange(len(values)), y=_finite(values), mode="lines", name=cell,
            line={"color": CELL_COLORS.get(cell, COLORS[3]), "width": 2},
            hovertemplate=f"{cell}<br>%{{x}}: %{{y:.2f}}<extra></extra>",
        ))
    figure.update_xaxes(range=[0, max(1, epochs)])
    figure.update_yaxes(type="log", tickvals=LOG_TICKS)
    figure.update_layout(showlegend=len(curves) > 1)
    return _layout(figure, title, x_title, y_title)


def loss_figure(loss: np.ndarray, title: str, x_title: str, y_title: str) -> go.Figure:
    """Loss of every iteration, at most MAX_POINTS of them evenly spaced."""
    n = len(loss)
    keep = np.unique(np.linspace(0, n - 1, MAX_POINTS).round().astype(int)) if n > MAX_POINTS \
        else np.arange(n)
    figure = go.Figure(go.Scatter(
        x=keep + 1, y=_finite(np.asarray(loss)[keep]) if n else [], mode="lines",
        line={"color": COLORS[5], "width": 1},
        hovertemplate="%{x}: %{y:.3f}<extra></extra>",
    ))
    figure.update_layout(showlegend=False)
    return _layout(figure, title, x_title, y_title)


def next_word_figure(words: Sequence[str], probabilities: Sequence[float], title: str,
                     x_title: str) -> go.Figure:
    """The top-k of the softmax as horizontal bars, likeliest on top."""
    figure = go.Figure(go.Bar(
        x=list(probabilities)[::-1], y=[f"{plotly_safe(w)} " for w in words][::-1],
        orientation="h",
        marker_color=COLORS[0], text=[f"{p:.1%}" for p in probabilities][::-1],
        textposition="auto", hovertemplate="%{y}: %{x:.4f}<extra></extra>",
    ))
    figure.update_xaxes(range=[0, 1], tickformat=".0%")
    figure.update_layout(showlegend=False)
    return _layout(figure, title, x_title, "", height=max(200, 60 + 26 * len(words)))


def _segments(start: int, length: int, size: int) -> list[tuple[int, int]]:
    """[start, start + length) on a ring of `size` positions, as one or two plain intervals."""
    start %= size
    if start + length <= size:
        return [(start, start + length)]
    return [(start, size), (0, start + length - size)]


def batch_strip_figure(words: Sequence[str], batch_size: int, time_size: int, time_idx: int,
                       title: str, x_title: str, row_label: str) -> go.Figure:
    """The corpus as a strip (x = position in xs = corpus[:-1]). Row i of the batch starts at
    its offset (the tick); grey is what it reads in the current epoch (the book never rewinds
    between epochs, so each epoch starts further on), orange the window of the batch at
    `time_idx`, wrapping round the end."""
    data_size = len(words) - 1
    per_epoch = iterations_per_epoch(len(words), batch_size, time_size) * time_size
    epoch_start = time_idx // per_epoch * per_epoch
    figure = go.Figure()
    for i, start in enumerate(offsets(len(words), batch_size)):
        y = f"{row_label} {i}"
        for a, b in _segments(start + epoch_start, per_epoch, data_size):
            figure.add_trace(go.Scatter(
                x=[a, b - 0.01], y=[y, y], mode="lines", line={"color": "#d5dbe3", "width": 10},
                hoverinfo="skip",
            ))
        figure.add_trace(go.Scatter(
            x=[start], y=[y], mode="markers+text", marker={"symbol": "line-ns", "size": 16,
                                                          "line": {"width": 2, "color": "#555"}},
            text=[str(start)], textposition="middle left", textfont={"size": 10, "color": "#555"},
            hovertemplate=f"{y}: %{{x}}<extra></extra>",
        ))
        cols = (start + time_idx + np.arange(time_size)) % data_size
        figure.add_trace(go.Scatter(
            x=cols, y=[y] * time_size, mode="markers", marker_symbol="square",
            marker={"color": COLORS[1], "size": 10},
            text=[plotly_safe(words[c]) for c in cols],
            hovertemplate="%{x}: %{text}<extra></extra>",
        ))
    figure.update_xaxes(range=[-0.06 * data_size, data_size * 1.01])
    figure.update_yaxes(autorange="reversed", categoryorder="array",
                        categoryarray=[f"{row_label} {i}" for i in range(batch_size)])
    figure.update_layout(showlegend=False)
    return _layout(figure, title, x_title, "", height=min(420, 90 + 24 * batch_size))
