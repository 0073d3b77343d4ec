"""A small SVG writer for drawings that nothing on the page interacts with.

A plotly figure of a few dozen shapes and labels costs the browser 100 ms or more to draw at
every step; the same drawing as an SVG image costs a few milliseconds. Every piece of text
goes through `escape`, so a token a student typed is shown as typed and never read as markup:
the page writes the drawing into its own DOM (rnnviz.ui.inline_svg). Each number can carry a
`data-name` (`h[0]`), so tests read the drawing back.
"""
from __future__ import annotations

from collections.abc import Sequence
from xml.sax.saxutils import escape as _xml_escape

FONT_FAMILY = "'Source Sans', 'Noto Sans', 'Noto Sans CJK KR', sans-serif"
_ATTRIBUTE = {'"': "&quot;", "'": "&apos;"}


def escape(text: object) -> str:
    """Text or an attribute value as SVG shows it: the characters, never markup."""
    return _xml_escape(str(text), _ATTRIBUTE)


def _number(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class Drawing:
    """An SVG document in pixels, built element by element."""

    def __init__(self, width: float, height: float) -> None:
        self.width, self.height = width, height
        self._parts: list[str] = []
        self._arrows: dict[str, str] = {}

    def rect(self, x: float, y: float, width: float, height: float, fill: str, *,
             stroke: str = "none", stroke_width: float = 1.0) -> None:
        line = ("" if stroke == "none" else
                f' stroke="{escape(stroke)}" stroke-width="{_number(stroke_width)}"')
        self._parts.append(
            f'<rect x="{_number(x)}" y="{_number(y)}" width="{_number(width)}" '
            f'height="{_number(height)}" fill="{escape(fill)}"{line}/>')

    def path(self, points: Sequence[tuple[float, float]], colour: str, width: float, *,
             arrow: bool = False) -> None:
        d = "M " + " L ".join(f"{_number(x)},{_number(y)}" for x, y in points)
        end = f' marker-end="url(#{self._arrow(colour)})"' if arrow else ""
        self._parts.append(f'<path d="{d}" fill="none" stroke="{escape(colour)}" '
                           f'stroke-width="{_number(width)}"{end}/>')

    def text(self, x: float, y: float, content: str, size: float, fill: str, *,
             anchor: str = "middle", bold: bool = False, name: str | None = None,
             halo: bool = False, turned: bool = False) -> None:
        """`content` centred vertically on y; `halo` keeps it legible over a wire; `turned`
        runs it upwards from (x, y), for a number wider than its bar."""
        extra = ' font-weight="bold"' if bold else ""
        if turned:
            extra += f' transform="rotate(-90 {_number(x)} {_number(y)})"'
        if name is not None:
            extra += f' data-name="{escape(name)}"'
        if halo:
            extra += ' stroke="white" stroke-width="4" paint-order="stroke"'
        self._parts.append(
            f'<text x="{_number(x)}" y="{_number(y)}" font-size="{_number(size)}" '
            f'fill="{escape(fill)}" text-anchor="{anchor}" dominant-baseline="central"'
            f'{extra}>{escape(content)}</text>')

    def title(self, lines: Sequence[str], size: float, fill: str, *, x: float = 8.0,
              top: float = 8.0) -> float:
        """Bold lines from `top` down, one below the other; returns where they end."""
        step = size * 1.3
        for n, line in enumerate(lines):
            self.text(x, top + step * (n + 0.5), line, size, fill, anchor="start", bold=True)
        return top + step * len(lines)

    def _arrow(self, colour: str) -> str:
        """The id of an arrowhead in `colour`. Named by its colour, so drawings shown inline
        in one page share ids only for arrowheads that look the same."""
        return self._arrows.setdefault(
            colour, "arrow-" + "".join(c for c in colour if c.isalnum()))

    def svg(self) -> str:
        """The document."""
        markers = "".join(
            f'<marker id="{name}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" '
            f'markerHeight="5" orient="auto-start-reverse">'
            f'<path d="M 0 0 L 10 5 L 0 10 z" fill="{escape(colour)}"/></marker>'
            for colour, name in self._arrows.items())
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{_number(self.width)}" '
                f'height="{_number(self.height)}" viewBox="0 0 {_number(self.width)} '
                f'{_number(self.height)}" font-family="{escape(FONT_FAMILY)}">'
                + (f"<defs>{markers}</defs>" if markers else "")
                + '<rect width="100%" height="100%" fill="white"/>'
                + "".join(self._parts) + "</svg>")
