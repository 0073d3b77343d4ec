"""Reading an SVG drawing back (the cell diagram, the step's views): its texts and its named
numbers, and finding one on a page run by AppTest."""
from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

from streamlit.testing.v1 import AppTest

SVG = "{http://www.w3.org/2000/svg}"
DATA_URI = "data:image/svg+xml;base64,"


def from_data_uri(url: str) -> str:
    """The SVG document an `<img>` (or Streamlit's image proto) carries inline."""
    assert url.startswith(DATA_URI), url[:40]
    return base64.b64decode(url[len(DATA_URI):]).decode()


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


def drawing(at: AppTest, key: str) -> str:
    """The SVG drawing the page shows under `key` (its container's)."""
    def find(node: object) -> str | None:
        for child in getattr(node, "children", {}).values():
            if str(getattr(getattr(child, "proto", None), "id", "")).endswith(f"-{key}"):
                image, = [c for c in child.children.values() if c.type == "image"]
                return from_data_uri(image.proto.imgs[0].url)
            if (found := find(child)) is not None:
                return found
        return None
    found = find(at._tree)
    assert found is not None, key
    return found
