"""Figures of the Step-through page: the current step's vectors as bars, the whole word as a
heatmap with the current step framed, the softmax as ranked bars and the typed text as a
strip.

Built for a projector: large type, few colours, states on a diverging scale centred at 0
(red positive, blue negative) and gates on a 0-1 scale. Everything here changes at every
step and nothing on it reacts to the pointer, so all of it is drawn as SVG
(`rnnviz.charts.svg`): as plotly figures these views cost the browser 150 ms of script per
step, and the whole-word heatmap alone 40 ms more. The SVG writer escapes every label, so a
token a student typed (`<end>`, anything) is shown as typed.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import plotly.colors

from rnnviz.charts.config import MIN_FONT
from rnnviz.charts.svg import Drawing
from rnnviz.charts.text_fit import em_width, wrap

DIVERGING = plotly.colors.get_colorscale("RdBu_r")
GATE_SCALE = plotly.colors.get_colorscale("Blues")
FONT = 18
CURRENT = "#f59e0b"  # the current step's frame, everywhere on the page
TARGET = "#16a34a"
OTHER = "#94a3b8"
SERIES = ("#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2")
GRID = "#e5e7eb"
INK = "#111827"
MUTED = "#374151"
HALF_PX = 340  # a half-page drawing's width: the right column is 348 px at 1280 px
TAPE_MIN_COLUMNS = 8
TAPE_PLOT_PX = 640  # the letter strip's cells: with its labels, the 820 px column at 1280
WIDE_PX = 800  # the whole word's heatmap, as wide as the strip


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


def symmetric_limit(values: np.ndarray, floor: float = 1.0) -> float:
    """A range centred at 0 that keeps tanh's [-1, 1] unless the values exceed it."""
    return max(floor, float(np.max(np.abs(values)))) if np.size(values) else floor


def colour(value: float, *, gate: bool, limit: float = 1.0) -> tuple[str, str]:
    """Fill and text colour of one number: gates on the 0-1 scale, everything else on the
    diverging one over [-limit, limit]; white text where the fill is dark."""
    dark = (value if gate else abs(value / limit)) > 0.6
    return _colours(np.array([value]), gate=gate, limit=limit)[0], "white" if dark else INK


def _scale(scale: list) -> tuple[np.ndarray, np.ndarray]:
    """A plotly colour scale as its stops and their RGB values, for `np.interp`."""
    stops = np.array([stop for stop, _ in scale])
    rgb = np.array([plotly.colors.unlabel_rgb(plotly.colors.convert_colors_to_same_type(c)[0][0])
                    for _, c in scale])
    return stops, rgb


_SCALES = {True: _scale(GATE_SCALE), False: _scale(DIVERGING)}


def _colours(values: np.ndarray, *, gate: bool, limit: float) -> list[str]:
    """`colour`'s fills for many values at once, in one pass: a wide layer's whole word is
    thousands of cells, and plotly samples a scale one value at a time (0.15 ms each)."""
    stops, rgb = _SCALES[gate]
    values = np.asarray(values, dtype=float)
    level = (np.clip(values, 0.0, 1.0) if gate
             else (np.clip(values / limit, -1.0, 1.0) + 1) / 2)
    channels = np.stack([np.interp(level, stops, rgb[:, k]) for k in range(3)], axis=-1)
    return [f"rgb({r:.0f}, {g:.0f}, {b:.0f})" for r, g, b in channels.reshape(-1, 3)]


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About `count` round values between `low` and `high`, as an axis marks them."""
    raw = (high - low) / count
    power = 10.0 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = np.ceil(low / step - 1e-9)
    return [round(float(k * step), 10) + 0.0 for k in np.arange(first, high / step + 1e-9)]


def _tick(value: float, percent: bool = False) -> str:
    """An axis label as plotly writes one: 0.5, −1, 40%."""
    text = f"{value:.0%}" if percent else f"{value:g}"
    return text.replace("-", "\N{MINUS SIGN}")


def _half(title: str) -> tuple[Drawing, float]:
    """A half-column drawing (its height set by the caller) with `title` wrapped to it;
    returns it and where the title ends."""
    drawing = Drawing(HALF_PX, 0)
    lines = wrap(title, (HALF_PX - 16) / (FONT + 2))
    return drawing, drawing.title(lines, FONT + 2, INK) + 8


def _unit_axis(drawing: Drawing, units: int, x_of: Callable[[float], float], y: float,
               unit_label: str) -> float:
    """Unit numbers under a plot (every one up to 16 units, else round ones) and the axis
    title under them; returns the bottom."""
    marks = range(units) if units <= 16 else [int(v) for v in _ticks(0, units - 1, 6)]
    room = (x_of(marks[1]) - x_of(marks[0])) if len(marks) > 1 else x_of(1) - x_of(0)
    size = max(MIN_FONT, min(FONT - 2, int(room / em_width(str(units - 1), 0.55))))
    for u in marks:
        drawing.text(x_of(u), y + 12, str(u), size, MUTED)
    drawing.text((x_of(-0.5) + x_of(units - 0.5)) / 2, y + 38, unit_label, FONT, INK)
    return y + 52


def _frame(drawing: Drawing, x_of: Callable[[float], float], unit: int | None, top: float,
           bottom: float) -> None:
    """A frame around one unit's column: the unit the equations are showing."""
    if unit is not None:
        drawing.rect(x_of(unit - 0.5), top, x_of(unit + 0.5) - x_of(unit - 0.5), bottom - top,
                     "none", stroke=CURRENT, stroke_width=3)


def vector_bars(
    series: Mapping[str, np.ndarray], *, title: str, unit_label: str,
    highlight: int | None = None,
) -> str:
    """One bar per unit for each named vector (h_t, or h_t beside c_t), unit `highlight`
    framed, as an SVG document; each printed value is named `h_t[0]`.

    One vector is coloured by its value on the state scale; several get one colour each and
    a legend, so the values of one unit stand next to each other."""
    stacked = np.stack([np.asarray(v, dtype=float) for v in series.values()])
    count, units = stacked.shape
    limit = symmetric_limit(stacked)
    reach = limit * 1.2
    drawing, top = _half(title)
    if count > 1:
        x = HALF_PX - 8.0
        for n, name in reversed(list(enumerate(series))):
            x -= em_width(name, 0.55) * FONT
            drawing.text(x, top + 10, name, FONT, INK, anchor="start")
            x -= 22
            drawing.rect(x, top + 2, 16, 16, SERIES[n % len(SERIES)])
            x -= 14
        top += 30
    marks = _ticks(-reach, reach)
    left = 14 + max(em_width(_tick(v), 0.55) for v in marks) * FONT
    right, plot_h = HALF_PX - 12.0, 230.0
    slot = (right - left) / units
    bar = slot * 0.8 / count
    labels = [[f"{v:.2f}" for v in row] for row in stacked] if units * count <= 24 else None
    size = FONT - 2
    turned = False
    if labels is not None:
        widest = max(em_width(text, 0.55) for row in labels for text in row)
        size = max(MIN_FONT, min(FONT - 2, int(bar / widest)))
        turned = widest * size > bar + 2
    pad = widest * size + 6 if turned else 0.0
    top += pad
    bottom = top + plot_h

    def x_of(u: float) -> float:
        return left + (u + 0.5) * slot

    def y_of(v: float) -> float:
        return top + (reach - v) / (2 * reach) * plot_h

    for v in marks:
        drawing.path([(left, y_of(v)), (right, y_of(v))], GRID, 1)
        drawing.text(left - 6, y_of(v), _tick(v), FONT, MUTED, anchor="end")
    for n, (name, values) in enumerate(zip(series, stacked)):
        for u, v in enumerate(values):
            fill = colour(v, gate=False, limit=limit)[0] if count == 1 else SERIES[n % len(SERIES)]
            x = x_of(u) - slot * 0.4 + n * bar
            drawing.rect(x, min(y_of(v), y_of(0)), bar, abs(y_of(v) - y_of(0)), fill)
            if labels is None:
                continue
            up = v >= 0
            if turned:
                drawing.text(x + bar / 2, y_of(v) + (-4 if up else 4), labels[n][u], size, INK,
                             anchor="start" if up else "end", name=f"{name}[{u}]", turned=True)
            else:
                drawing.text(x + bar / 2, y_of(v) + (-10 if up else 10), labels[n][u], size,
                             INK, name=f"{name}[{u}]")
    drawing.path([(left, y_of(0)), (right, y_of(0))], "#333333", 1.5)
    _frame(drawing, x_of, highlight, top - pad, bottom + pad)
    drawing.height = _unit_axis(drawing, units, x_of, bottom + pad, unit_label)
    return drawing.svg()


def gate_heatmap(
    gates: Mapping[str, np.ndarray], *, title: str, unit_label: str,
    highlight: int | None = None,
) -> str:
    """This step's gates, one row each, units across, on the 0-1 scale: which units let the
    new input in, keep their memory, or show it. Unit `highlight` is framed. An SVG
    document; each printed value is named `i[0]`."""
    names = list(gates)
    matrix = np.stack([np.asarray(gates[name], dtype=float) for name in names])
    units = matrix.shape[1]
    drawing, top = _half(title)
    row = 44.0
    left = 14 + max(em_width(name) for name in names) * (FONT + 4)
    bar_x = HALF_PX - 58.0
    right = bar_x - 14
    slot = (right - left) / units
    bottom = top + row * len(names)

    def x_of(u: float) -> float:
        return left + (u + 0.5) * slot

    for r, name in enumerate(names):
        y = top + r * row
        drawing.text(left - 8, y + row / 2, name, FONT + 4, INK, anchor="end")
        for u, value in enumerate(matrix[r]):
            fill, ink = colour(value, gate=True)
            drawing.rect(x_of(u) - slot / 2 + 0.5, y + 1, slot - 1, row - 2, fill)
            if units <= 12:
                drawing.text(x_of(u), y + row / 2, f"{value:.2f}", FONT - 2, ink,
                             name=f"{name}[{u}]")
    _frame(drawing, x_of, highlight, top, bottom)
    _colour_bar(drawing, bar_x, top, bottom)
    drawing.height = _unit_axis(drawing, units, x_of, bottom, unit_label)
    return drawing.svg()


def _colour_bar(drawing: Drawing, x: float, top: float, bottom: float, *, gate: bool = True,
                limit: float = 1.0) -> None:
    """The colour scale beside a heatmap, its ends and middle marked: the gates' 0 to 1, or
    the states' -limit to limit."""
    low, high = (0.0, 1.0) if gate else (-limit, limit)
    pieces = 24
    height = (bottom - top) / pieces
    fills = _colours(low + (np.arange(pieces) + 0.5) / pieces * (high - low), gate=gate,
                     limit=limit)
    for k, fill in enumerate(fills):
        drawing.rect(x, bottom - (k + 1) * height, 14, height + 0.5, fill)
    for v in (0.0, 0.5, 1.0):
        drawing.text(x + 18, bottom - v * (bottom - top), _tick(round(low + v * (high - low), 2)),
                     MIN_FONT + 2, MUTED, anchor="start")


def step_heatmap(
    matrix: np.ndarray, *, tokens: Sequence[str], current: int, title: str,
    unit_label: str, gate: bool = False,
) -> str:
    """Units down, timesteps across, the current step framed: an SVG document as wide as
    the letter strip above it, each printed value named `[unit, step]`.

    States use the diverging scale centred at 0; gates (`gate=True`) the 0-1 scale, so a
    closed gate is white and an open one dark. Values are printed when the cells are large
    enough; a wider layer's numbers are in the trace's CSV and the step's table."""
    matrix = np.asarray(matrix, dtype=float)
    units, steps = matrix.shape
    limit = 1.0 if gate else symmetric_limit(matrix)
    drawing = Drawing(WIDE_PX, 0)
    top = drawing.title(wrap(title, (WIDE_PX - 16) / (FONT + 2)), FONT + 2, INK) + 8
    marks = range(units) if units <= 16 else [int(v) for v in _ticks(0, units - 1, 6)]
    left = 44 + em_width(str(units - 1), 0.55) * (FONT - 2)
    bar_x = WIDE_PX - 70.0
    cell = (bar_x - 16 - left) / steps
    sizes = [max(MIN_FONT, min(FONT + 4, int(cell / em_width(token)))) for token in tokens]
    turned = any(em_width(t) * size > cell for t, size in zip(tokens, sizes))
    head = (max(em_width(t) * size for t, size in zip(tokens, sizes)) + 8 if turned
            else FONT + 12)
    row = 34.0 if units <= 8 else 12.0 if units <= 40 else 6.0
    grid_top = top + head
    bottom = grid_top + row * units

    def x_of(t: float) -> float:
        return left + (t + 0.5) * cell

    for t, (token, size) in enumerate(zip(tokens, sizes)):
        if turned:
            drawing.text(x_of(t), grid_top - 6, token, size, INK, anchor="start", turned=True,
                         name=f"token[{t}]")
        else:
            drawing.text(x_of(t), grid_top - head / 2, token, size, INK, name=f"token[{t}]")
    gap = 1.0 if units <= 40 else 0.0
    fills = _colours(matrix, gate=gate, limit=limit)
    printed = units <= 8 and em_width("-0.00", 0.55) * MIN_FONT <= cell - 4
    size = max(MIN_FONT, min(FONT - 2, int((cell - 4) / em_width("-0.00", 0.55))))
    for u in range(units):
        y = grid_top + u * row
        for t in range(steps):
            value = matrix[u, t]
            drawing.rect(x_of(t - 0.5) + 0.5, y + gap / 2, cell - 1, row - gap,
                         fills[u * steps + t])
            if printed:
                drawing.text(x_of(t), y + row / 2, f"{value:.2f}", size,
                             colour(value, gate=gate, limit=limit)[1], name=f"[{u}, {t}]")
    for u in marks:
        drawing.text(left - 8, grid_top + (u + 0.5) * row, str(u), max(MIN_FONT, FONT - 4),
                     MUTED, anchor="end")
    drawing.text(16, (grid_top + bottom) / 2, unit_label, FONT, INK, turned=True)
    drawing.rect(x_of(current - 0.5), grid_top - 2, cell, bottom - grid_top + 4, "none",
                 stroke=CURRENT, stroke_width=5)
    _colour_bar(drawing, bar_x, grid_top, bottom, gate=gate, limit=limit)
    drawing.height = bottom + 10
    return drawing.svg()


def softmax_bars(
    top: Sequence[tuple[str, float]], *, title: str, target: str | None = None,
    target_probability: float | None = None,
) -> str:
    """The k most likely next tokens, most likely on top; the true next token green, and
    added below the k when it is not among them. An SVG document; each printed probability
    is named `p[label]`."""
    rows = list(top)
    if target is not None and target_probability is not None and target not in {
        label for label, _ in rows
    }:
        rows.append((target, target_probability))
    drawing, head = _half(title)
    row = 44.0
    label_size = FONT + 6
    left = 16 + min(max(em_width(label) for label, _ in rows) * label_size, HALF_PX * 0.35)
    right = HALF_PX - 30.0
    bottom = head + row * len(rows)

    def x_of(p: float) -> float:
        return left + p / 1.2 * (right - left)

    for p in _ticks(0, 1.2, 6):
        drawing.path([(x_of(p), head), (x_of(p), bottom)], GRID, 1)
        drawing.text(x_of(p), bottom + 14, _tick(p, percent=True), FONT - 2, MUTED)
    for r, (label, p) in enumerate(rows):
        middle = head + (r + 0.5) * row
        size = max(MIN_FONT, min(label_size, int((left - 16) / em_width(label))))
        drawing.text(left - 8, middle, label, size, INK, anchor="end")
        drawing.rect(left, middle - row * 0.4, x_of(p) - left, row * 0.8,
                     TARGET if label == target else OTHER)
        drawing.text(x_of(p) + 6, middle, f"{p:.1%}", FONT, INK, anchor="start",
                     name=f"p[{label}]")
    drawing.path([(left, head), (left, bottom)], "#333333", 1)
    drawing.height = bottom + 30
    return drawing.svg()


def token_tape(
    tokens: Sequence[str], *, known: Sequence[bool], below: Sequence[str],
    correct: Sequence[bool | None], current: int, row_labels: tuple[str, str], title: str,
) -> str:
    """The typed text as a strip of cells with what the network predicts under each one,
    the current step filled: `hell` over `ello`. Skipped tokens are grey; a prediction is
    green when it is the token that really comes next. An SVG document; the cells' texts are
    named `in[t]` and `out[t]`."""
    columns = max(len(tokens), TAPE_MIN_COLUMNS)
    cell = TAPE_PLOT_PX / columns
    row = 70.0
    left = 24 + max(em_width(label, 0.55) for label in row_labels) * (FONT - 2)
    width = left + (columns + 0.2) * cell + 10
    drawing = Drawing(width, 0)
    top = drawing.title(wrap(title, (width - 16) / (FONT + 2)), FONT + 2, INK) + 10

    def x_of(column: float) -> float:
        return left + (column + 0.6) * cell

    def y_of(line: float) -> float:
        return top + (line + 0.5) * row

    for line, label in enumerate(row_labels):
        drawing.text(left - 10, y_of(line), label, FONT - 2, MUTED, anchor="end")
    for x, ok in enumerate(known):
        fill = "#fde68a" if x == current else "white" if ok else "#f1f5f9"
        for line in (0, 1):
            drawing.rect(x_of(x - 0.46), y_of(line - 0.42), 0.92 * cell, 0.84 * row, fill,
                         stroke="#cbd5e1")
    drawing.rect(x_of(current - 0.5), y_of(-0.5), cell, 2 * row, "none", stroke=CURRENT,
                 stroke_width=4)
    ink = {True: TARGET, False: INK, None: INK}
    for x, (text, size, ok) in enumerate(zip(tokens, _tape_sizes(tokens, 34), known)):
        drawing.text(x_of(x), y_of(0), text, size, INK if ok else OTHER, name=f"in[{x}]")
    for x, (text, size, c) in enumerate(zip(below, _tape_sizes(below, 28), correct)):
        drawing.text(x_of(x), y_of(1), text, size, ink[c], name=f"out[{x}]")
    drawing.height = y_of(1.5) + 6
    return drawing.svg()
