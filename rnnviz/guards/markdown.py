"""Text that Streamlit renders as Markdown, shown exactly as a visitor typed it.

Streamlit renders Markdown in messages, captions and headers, and a student can type `**`,
`$x$`, `:red[...]`, `:material/icon:`, `<b>` or `![](http://...)`. CommonMark lets a
backslash escape any ASCII punctuation mark, so escaping all of them leaves no formatting,
math, icon, colour or link in the text; a line break would end a table row or start a
block, so it becomes a space.
"""
from __future__ import annotations

import string

_ESCAPES = {c: "\\" + c for c in string.punctuation} | {"\n": " ", "\r": " "}
_TABLE = str.maketrans(_ESCAPES)


def literal(text: object) -> str:
    """Markdown that shows `text` (or its `str`) as typed, never as formatting."""
    return str(text).translate(_TABLE)
