"""How wide a label is, in font sizes, and where to break it: the charts size their text to
fit a projected column without a browser to measure it."""
from __future__ import annotations

import unicodedata


def em_width(text: str, narrow: float = 0.6) -> float:
    """Width of `text` in font sizes: wide (Hangul, CJK) characters are about 1, others
    `narrow` (0.6 holds for any Latin letter, 0.5 for ordinary text)."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else narrow for c in text) or narrow


def wrap(text: str, em: float) -> list[str]:
    """`text` broken at spaces into lines at most `em` font sizes wide (a longer word keeps a
    line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and em_width(lines[-1] + " " + word, 0.5) <= em:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]
