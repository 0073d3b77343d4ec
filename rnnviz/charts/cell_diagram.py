"""The cell of one step drawn as the lectures draw it: x_t and h_{t-1} in, the gates, the
candidate, LSTM's cell-state conveyor belt c_{t-1} -> c_t, and h_t out.

Each box holds the real numbers of this step, one small square per unit shown (the whole
vector for small layers, else the unit the page is looking at), coloured on the page's scales:
states red/blue around 0, gates white (closed) to blue (open). The numbers are the `terms` of
`stepthrough.walk`, sliced from the engine trace that tests tie to Keras; each number's
number carries the name `key[unit]` so a test can read it back.

Each kind's layout (boxes, wires) is its own, in `rnnviz.cells`; this module draws any of
them. Drawn as an SVG image (`rnnviz.charts.svg`), not a plotly figure: nothing in it is
interactive, and as a plotly figure its 30 shapes and labels cost the browser 100-650 ms at
every step. Every label is escaped: the input box shows the token a student typed.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from rnnviz.cells import KINDS
from rnnviz.charts.step import INK, colour
from rnnviz.charts.svg import Drawing
from rnnviz.charts.text_fit import wrap

WIRE = "#64748b"
FONT = 15  # px, above config.MIN_FONT: the numbers must read on a projector
LABEL_FONT = 17
TITLE_FONT = 18
BOX_W, ROW_H = 0.95, 0.42  # a box's width and one unit's row height, in diagram units
WIDTH = 12.0  # the drawing's width in diagram units; its height is what the layout uses
SCALE = 60.0  # px per diagram unit: the drawing is 720 px wide, as wide as a 1280 px page's
MARGIN = 8.0
TITLE_LINE = 24.0


def shown_units(units: int, unit: int | None) -> list[int]:
    """The units a box shows: all of a small layer's, else the one picked."""
    return list(range(units)) if unit is None else [unit]


def cell_diagram(
    kind: str, terms: Mapping[str, np.ndarray], *, token: str, title: str, output: str,
    unit: int | None = None, activation: str = "tanh",
) -> str:
    """The `kind` cell at one step, as an SVG document. `terms` are the step's named vectors
    (`stepthrough.walk.terms`), `token` the input read, `output` the translated word for
    where h_t goes (the next layer or the output layer), `unit` the one unit to show (None:
    every unit, for layers of at most 4)."""
    cell = KINDS[kind]
    nodes, wires, ends, (out_x, out_y) = cell.layout(activation)
    units = shown_units(len(np.atleast_1d(terms["h"])), unit)
    lines = wrap(title, (WIDTH * SCALE) / TITLE_FONT)
    top = MARGIN + TITLE_LINE * len(lines) + 8
    # The rows the layout uses, a unit's box and label above the highest, a box below the
    # lowest: SimpleRNN's cell has no conveyor belt, and leaves its row empty.
    ys = [y for wire in wires for _, y in wire] + [y for _, y, _ in ends] + [out_y]
    ys += [node.y + ROW_H * len(units) / 2 + 0.55 for node in nodes]
    ys += [node.y - ROW_H * len(units) / 2 - 0.2 for node in nodes]
    highest, lowest = max(ys), min(ys)
    drawing = Drawing(WIDTH * SCALE + 2 * MARGIN, top + (highest - lowest) * SCALE + MARGIN)

    def at(x: float, y: float) -> tuple[float, float]:
        """Diagram units (y up, from the bottom) to pixels (y down)."""
        return MARGIN + (x + 0.1) * SCALE, top + (highest - y) * SCALE

    for n, line in enumerate(lines):
        drawing.text(MARGIN, MARGIN + TITLE_LINE * (n + 0.5), line, TITLE_FONT, INK,
                     anchor="start", bold=True)
    for wire in wires:
        drawing.path([at(x, y) for x, y in wire], WIRE, 3)
    for x, y, label in ends:
        drawing.path([at(x - 0.6, y), at(x, y)], WIRE, 3, arrow=True)
        drawing.text(*at(x, y + 0.35), label, LABEL_FONT, INK, halo=True)
    drawing.text(*at(out_x - 0.15, out_y), output, FONT, INK, anchor="end", halo=True)
    for node in nodes:
        rows = [None] if node.key is None else units
        height = ROW_H * len(rows)
        y0 = node.y - height / 2
        drawing.text(*at(node.x, y0 + height + 0.2), node.label, LABEL_FONT, INK, halo=True)
        for row, u in enumerate(rows):
            low = y0 + height - (row + 1) * ROW_H
            if node.key is None:
                fill, ink, text, name = "#f1f5f9", INK, token, "x"
            else:
                value = float(np.atleast_1d(terms[node.key])[u])
                fill, ink = colour(value, gate=node.key in cell.gates)
                text, name = f"{value:.2f}", f"{node.key}[{u}]"
            left, upper = at(node.x - BOX_W / 2, low + ROW_H)
            drawing.rect(left, upper, BOX_W * SCALE, ROW_H * SCALE, fill, stroke="#1f2937",
                         stroke_width=1.5)
            drawing.text(*at(node.x, low + ROW_H / 2), text, FONT, ink, name=name)
    return drawing.svg()
