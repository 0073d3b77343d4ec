"""The SVG writer's arrowheads: drawings are written into one page (rnnviz.ui.inline_svg),
where an id names one element for all of them, so an arrowhead's id must say what it looks
like."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from rnnviz.charts.svg import Drawing
from tests.drawing import SVG
from tests.test_cell_diagram import draw
from tests.test_stepthrough import KINDS


def arrowheads(svg: str) -> dict[str, str]:
    """Each arrow's stroke by the colour of the arrowhead its `marker-end` names."""
    root = ET.fromstring(svg)
    fills = {marker.get("id"): marker.find(f"{SVG}path").get("fill")
             for marker in root.iter(f"{SVG}marker")}
    return {path.get("stroke"): fills[path.get("marker-end")[len("url(#"):-1]]
            for path in root.iter(f"{SVG}path") if path.get("marker-end")}


def test_each_arrow_ends_in_a_head_of_its_own_colour_named_by_that_colour() -> None:
    shown = []
    for colour in ("#64748b", "#dc2626"):
        drawing = Drawing(40, 20)
        drawing.path([(0, 10), (30, 10)], colour, 2, arrow=True)
        shown.append(drawing.svg())
    assert [arrowheads(svg) for svg in shown] == [{"#64748b": "#64748b"},
                                                  {"#dc2626": "#dc2626"}]
    ids = [{m.get("id") for m in ET.fromstring(svg).iter(f"{SVG}marker")} for svg in shown]
    assert not ids[0] & ids[1]


def test_a_drawing_without_arrows_defines_none() -> None:
    drawing = Drawing(40, 20)
    drawing.path([(0, 10), (30, 10)], "#64748b", 2)
    assert "<marker" not in drawing.svg() and "<defs" not in drawing.svg()


@pytest.mark.parametrize("kind", KINDS)
def test_every_arrow_of_a_cell_diagram_has_its_head(kind: str) -> None:
    heads = arrowheads(draw(kind, 1))
    assert heads and all(stroke == fill for stroke, fill in heads.items())
