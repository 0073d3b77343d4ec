"""From a lab result to what the page draws: figures with labelled rows and outlined links,
and one-line descriptions, in the given language.

Building a plotly figure costs tens of milliseconds (plotly validates every property), so
figures are cached by (config, tensor, language) like the Keras results they show: a rerun
that changes nothing on screen builds nothing.
"""
from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go

from rnnviz.charts.lab import Outline, tensor_heatmap
from rnnviz.guards.labels import plotly_safe
from rnnviz.lab.config import LabConfig
from rnnviz.lab.call import LabResult, Tensor, run_lab
from rnnviz.text import t

# One colour per state, used for its own heatmap and wherever its numbers reappear.
STATE_COLORS = {"h": "#f08c00", "h_forward": "#f08c00", "h_backward": "#2f9e44"}


def _direction(name: str) -> str | None:
    for direction in ("forward", "backward"):
        if name.endswith(direction):
            return direction
    return None


def _column_labels(result: LabResult, tensor: Tensor) -> list[str]:
    units = result.config.units
    arrows = {"forward": "→", "backward": "←"}
    if result.halves and tensor.name == "output":
        return [f"{arrows[h.direction]}{i}" for h in result.halves for i in range(h.stop - h.start)]
    prefix = arrows.get(_direction(tensor.name) or "", "")
    return [f"{prefix}{i}" for i in range(units)]


def sequence_title(result: LabResult, b: int, lang: str) -> str:
    """"sequence 1: eolll" for typed words, "sequence 1" for random input."""
    source = result.config.input
    if source.source == "words":
        return t("lab.sequence_word", lang, b=b, word=plotly_safe(source.words[b]))
    return t("lab.sequence", lang, b=b)


def step_label(result: LabResult, b: int, step: int, lang: str) -> str:
    """"t=2 · l": the input timestep and the character read there, if any."""
    token = result.input.step_tokens[b][step]
    label = t("lab.step_label", lang, t=step)
    return f"{label} · {plotly_safe(token)}" if token else label


@lru_cache(maxsize=256)
def tensor_figure(config: LabConfig, name: str, lang: str) -> go.Figure:
    """The heatmap of one returned tensor, outlining the cells that equal a returned state."""
    result = run_lab(config)
    tensor = result.tensor(name)
    values = tensor.values
    batch = values.shape[0]
    outlines: list[Outline] = []
    for link in result.links:
        color = STATE_COLORS[link.state]
        if link.tensor == tensor.name:
            panel, row = (link.batch, link.row) if tensor.time_axis else (0, link.batch)
            outlines.append(Outline(panel, row, link.start, link.stop, color))
        elif link.state == tensor.name:
            outlines.append(Outline(0, link.batch, 0, values.shape[1], color))
    columns = _column_labels(result, tensor)
    split = result.halves[1].start if result.halves and tensor.name == "output" else None
    if not tensor.time_axis:
        return tensor_heatmap(
            [values], panel_titles=[""],
            row_labels=[[sequence_title(result, b, lang) for b in range(batch)]],
            column_labels=columns, outlines=outlines, split_at=split,
        )
    rows = result.row_steps
    return tensor_heatmap(
        [values[b] for b in range(batch)],
        panel_titles=[sequence_title(result, b, lang) for b in range(batch)],
        row_labels=[[step_label(result, b, s, lang) for s in rows] for b in range(batch)],
        column_labels=columns, outlines=outlines, split_at=split,
        greyed=result.skipped.tolist() if result.config.input.mask else None,
    )


@lru_cache(maxsize=64)
def input_figure(config: LabConfig, lang: str) -> go.Figure:
    """The input batch, one panel per sequence; padding is greyed out when it is masked."""
    result = run_lab(config)
    x = result.input.x
    steps = range(x.shape[1])
    one_hot = result.config.input.source == "words"
    return tensor_heatmap(
        [x[b] for b in range(x.shape[0])],
        panel_titles=[sequence_title(result, b, lang) for b in range(x.shape[0])],
        row_labels=[[step_label(result, b, s, lang) for s in steps] for b in range(x.shape[0])],
        column_labels=[plotly_safe(f) for f in result.input.features],
        greyed=(~result.input.real).tolist() if result.config.input.mask else None,
        value_format="%{z:.0f}" if one_hot else "%{z:.3f}",
    )


def describe(result: LabResult, tensor: Tensor, lang: str) -> str:
    """What this returned tensor is, in one phrase."""
    name, config = tensor.name, result.config
    if name == "output":
        if config.bidirectional:
            span = "seq" if tensor.time_axis else "last"
            return t(f"lab.desc_output_merged_{span}", lang, mode=config.merge_mode)
        return t("lab.desc_output_seq" if tensor.time_axis else "lab.desc_output_last", lang)
    return t(f"lab.desc_{name}", lang)
