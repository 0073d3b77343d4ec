"""Training curves: loss, accuracy, and accuracy per timestep.

The page redraws these twice a second while a run is active, so each figure is small and
keeps `uirevision` fixed: a student who zoomed into the curve keeps the zoom as it grows.
Titles come in from the caller, already in the user's language.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from rnnviz.guards.labels import plotly_safe
from rnnviz.trainer.progress import History

HEIGHT = 260
MAX_POINTS = 400
COLORS = ("#1f5fbf", "#d9822b", "#2a9d5c", "#c0392b", "#8e44ad", "#7f8c8d", "#16a085", "#b7950b")


def _frame(title: str, x_title: str, y_title: str, epochs: int | None) -> go.Figure:
    figure = go.Figure()
    if epochs:  # the whole run's width from the start: the curve grows into a fixed frame
        figure.update_xaxes(range=[0, epochs])
    figure.update_layout(
        title={"text": title, "font": {"size": 14}}, height=HEIGHT,
        margin={"l": 50, "r": 10, "t": 36, "b": 40}, uirevision="training",
        xaxis_title=x_title, yaxis_title=y_title, showlegend=False,
    )
    return figure


def _kept(n: int, limit: int = MAX_POINTS) -> np.ndarray | slice:
    if n <= limit:
        return slice(None)
    return np.unique(np.linspace(0, n - 1, limit).round().astype(int))


def thin(history: History, limit: int = MAX_POINTS) -> History:
    """At most `limit` evenly spaced epochs, first and last kept: a 5,000-epoch run redrawn
    twice a second must not cost the server more than a short one."""
    keep = _kept(len(history.epochs), limit)
    return History(history.epochs[keep], history.loss[keep], history.accuracy[keep],
                   history.step_accuracy[keep])


def _finite(values: np.ndarray) -> np.ndarray:
    # A diverged epoch's inf would flatten the whole curve; show it as a gap.
    values = np.asarray(values, dtype=float)
    return np.where(np.isfinite(values), values, np.nan)


def _curve(values: np.ndarray, history: History, color: str, title: str, x_title: str,
           y_title: str, epochs: int | None) -> go.Figure:
    figure = _frame(title, x_title, y_title, epochs)
    keep = _kept(len(values))
    figure.add_scatter(x=history.epochs[keep], y=_finite(values[keep]), mode="lines",
                       line={"color": color, "width": 2}, name=y_title)
    return figure


def loss_figure(history: History, title: str, x_title: str, y_title: str,
                epochs: int | None = None) -> go.Figure:
    """Loss after each epoch (epoch 0: the untrained model)."""
    figure = _curve(history.loss, history, COLORS[0], title, x_title, y_title, epochs)
    figure.update_yaxes(rangemode="tozero")
    return figure


def accuracy_figure(history: History, title: str, x_title: str, y_title: str,
                    epochs: int | None = None) -> go.Figure:
    """Training accuracy after each epoch, on a fixed 0..1 scale so 1.0 is visibly the top."""
    figure = _curve(history.accuracy, history, COLORS[2], title, x_title, y_title, epochs)
    figure.update_yaxes(range=[-0.02, 1.05], tickformat=".0%")
    return figure


def step_accuracy_figure(history: History, step_names: Sequence[str], title: str, x_title: str,
                         y_title: str, epochs: int | None = None) -> go.Figure:
    """One accuracy line per timestep, named by `step_names` (L1: `t3 l→l`, `t4 l→o`): the steps
    whose input alone decides the answer are learned first, the ones that need the hidden
    state later."""
    figure = _frame(title, x_title, y_title, epochs)
    history = thin(history)
    steps = history.step_accuracy
    for t in range(steps.shape[1] if steps.ndim == 2 else 0):
        color = COLORS[t % len(COLORS)]
        name = plotly_safe(step_names[t]) if t < len(step_names) else f"t{t + 1}"
        figure.add_scatter(x=history.epochs, y=_finite(steps[:, t]), mode="lines", name=name,
                           line={"color": color, "width": 2, "dash": "solid" if t % 2 else "dot"})
    figure.update_yaxes(range=[-0.02, 1.05], tickformat=".0%")
    figure.update_layout(showlegend=True, legend={"orientation": "h", "y": -0.3})
    figure.update_layout(height=HEIGHT + 40, margin={"b": 20})
    return figure
