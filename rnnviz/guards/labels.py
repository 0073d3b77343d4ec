"""Text that plotly draws (titles, tick labels, legend names, hover text) shown as typed.

Plotly reads a subset of HTML in every label (`<b>`, `<br>`, `<a href=...>`, entities),
fills `%{...}` in hover and text templates, and typesets a label between `$` signs as
LaTeX when MathJax is present. A token can be `<end>` or anything a student typed, so the
characters that start any of those are written as HTML entities, which plotly turns back
into the characters themselves.
"""
from __future__ import annotations

_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "%": "&#37;", "$": "&#36;"})


def plotly_safe(text: object) -> str:
    """A label plotly shows as typed, never as markup, a template or math."""
    return str(text).translate(_ENTITIES)
