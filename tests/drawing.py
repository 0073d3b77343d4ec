"""Reading an SVG drawing back (the cell diagram, the step's views): its texts and its named
numbers, and finding one on a page run by AppTest."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator

from streamlit.testing.v1 import AppTest

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> list[ET.Element]:
    """Every text element, in drawing order (parsing fails on anything not well-formed)."""
    return list(ET.fromstring(svg).iter(f"{SVG}text"))


def numbers(svg: str) -> dict[str, float]:
    """The numbers printed in the drawing, by `key[unit]` (the input token left out)."""
    return {t.get("data-name"): float(t.text) for t in texts(svg)
            if t.get("data-name") not in (None, "x")}


def title(svg: str) -> str:
    """The bold title lines, joined."""
    return " ".join(t.text for t in texts(svg) if t.get("font-weight") == "bold")


def named(svg: str) -> dict[str, str]:
    """Every named text as printed (`p[e]` -> "70.0%"), by its name."""
    return {t.get("data-name"): t.text for t in texts(svg) if t.get("data-name") is not None}


def frames(svg: str, colour: str) -> list[tuple[float, float]]:
    """The left and right edges of each rectangle outlined in `colour`."""
    return [(float(r.get("x")), float(r.get("x")) + float(r.get("width")))
            for r in ET.fromstring(svg).iter(f"{SVG}rect") if r.get("stroke") == colour]


def _shown(node: object) -> Iterator[tuple[str, str]]:
    """(element id, SVG) of every drawing under `node`, in page order (rnnviz.ui.inline_svg
    sends each as its component's data)."""
    for child in getattr(node, "children", {}).values():
        if getattr(child, "type", None) == "bidi_component":
            yield child.proto.id, json.loads(child.proto.json)["svg"]
        yield from _shown(child)


def drawings(at: AppTest) -> list[str]:
    """Every SVG drawing the page shows, top to bottom."""
    return [svg for _, svg in _shown(at._tree)]


def drawing(at: AppTest, key: str) -> str:
    """The SVG drawing the page shows under `key`."""
    found = [svg for element_id, svg in _shown(at._tree) if element_id.endswith(f"-{key}")]
    assert len(found) == 1, (key, len(found))
    return found[0]
