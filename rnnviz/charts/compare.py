"""Two trained runs on the same charts: their curves, and their hidden state's size.

Each run keeps one colour and one dash on every chart, the first run solid blue, the run it
is compared with dashed orange, so a projected slide reads without a legend lookup. Names
come in already in the user's language and are shown as typed (`plotly_safe`).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from rnnviz.charts.config import MIN_FONT
from rnnviz.charts.training import COLORS, thin
from rnnviz.guards.labels import plotly_safe
from rnnviz.trainer.progress import History

HEIGHT = 330
STYLES = ({"color": COLORS[0], "dash": "solid"}, {"color": COLORS[1], "dash": "dash"})


def _finite(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values), values, np.nan)


def curves_figure(runs: Sequence[tuple[str, History]], loss_title: str,
                  accuracy_title: str, x_title: str) -> go.Figure:
    """Loss (left) and accuracy (right) per epoch of each (name, history), on one figure."""
    figure = make_subplots(rows=1, cols=2, subplot_titles=(loss_title, accuracy_title),
                           horizontal_spacing=0.12)
    for (name, history), style in zip(runs, STYLES):
        history = thin(history)
        label = plotly_safe(name)
        for col, values in ((1, history.loss), (2, history.accuracy)):
            figure.add_scatter(x=history.epochs, y=_finite(values), mode="lines", name=label,
                               legendgroup=label, showlegend=col == 1,
                               line={**style, "width": 2}, row=1, col=col)
    figure.update_xaxes(title_text=x_title)
    figure.update_yaxes(rangemode="tozero", row=1, col=1)
    figure.update_yaxes(range=[-0.02, 1.05], tickformat=".0%", row=1, col=2)
    figure.update_annotations(font_size=MIN_FONT + 2)
    figure.update_layout(height=HEIGHT, margin={"l": 50, "r": 10, "t": 30, "b": 40},
                         legend={"orientation": "h", "y": -0.3, "yanchor": "top"},
                         font={"size": MIN_FONT})
    return figure


def magnitude_figure(runs: Sequence[tuple[str, np.ndarray]], steps: Sequence[str],
                     title: str, x_title: str, y_title: str, bound: float,
                     bound_label: str) -> go.Figure:
    """The largest |h_t| at each step of each (name, values), with the tanh bound drawn."""
    figure = go.Figure()
    x = list(range(1, len(steps) + 1))
    for (name, values), style in zip(runs, STYLES):
        figure.add_scatter(x=x, y=_finite(values), mode="lines+markers", name=plotly_safe(name),
                           line={**style, "width": 2})
    figure.add_hline(y=bound, line={"color": "#7f8c8d", "dash": "dot", "width": 1},
                     annotation_text=plotly_safe(bound_label), annotation_position="top right")
    figure.update_xaxes(title_text=x_title, tickmode="array", tickvals=x,
                        ticktext=[f"{i}<br>{plotly_safe(s)}" for i, s in zip(x, steps)])
    figure.update_yaxes(title_text=y_title, rangemode="tozero")
    figure.update_layout(title={"text": plotly_safe(title), "font": {"size": MIN_FONT + 2}},
                         height=HEIGHT, margin={"l": 50, "r": 10, "t": 40, "b": 40},
                         legend={"orientation": "h", "y": -0.3, "yanchor": "top"},
                         font={"size": MIN_FONT})
    return figure
