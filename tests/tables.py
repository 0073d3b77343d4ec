"""Reading back a table the page shows as HTML (rnnviz.ui.table), on a page run by AppTest."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from streamlit.testing.v1 import AppTest


def _table(html: str) -> ET.Element:
    """The table element, its style left out (entities decoded by the parser)."""
    return ET.fromstring(re.sub(r"<style>.*?</style>", "", html, flags=re.S))


def rows(html: str) -> list[list[str]]:
    """The header and each row, cells as shown."""
    return [[cell.text or "" for cell in row] for row in _table(html).iter("tr")]


def bold_rows(html: str) -> list[int]:
    """Which body rows are bold (from 0)."""
    return [i for i, row in enumerate(_table(html).find("tbody")) if row.get("class")]


def tables(at: AppTest) -> list[str]:
    """The HTML of every table the page shows, top to bottom."""
    found: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if getattr(node, "type", None) == "html" and 'class="rnnviz-table"' in proto.body:
            found.append(proto.body)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found
