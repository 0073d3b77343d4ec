"""What is left of typed or pasted text once the characters no reader can see are gone.

A class pastes from anywhere: NUL bytes, right-to-left overrides (U+202E) that reverse what
follows, zero-width spaces (U+200B) that make two equal-looking words differ, unassigned and
private-use code points. Every page cleans typed text here, the same way, before it is split
into tokens, so what the model reads is what the student sees.

The Control Pictures block (U+2400-U+243F: `␀`, `␣`, ...) is dropped as well: the app uses
those symbols to draw padding and spaces, so a typed one could never be told from them.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

DISPLAY_SYMBOLS = range(0x2400, 0x2440)


@dataclass(frozen=True)
class Cleaned:
    """The visible text, and how much was taken away so the page can say so."""

    text: str
    dropped: int  # invisible characters and display symbols removed
    cut: int  # characters beyond the limit, removed before anything else


def invisible(char: str) -> bool:
    """A control, format, surrogate, private-use or unassigned code point, or one of the app's
    display symbols; whitespace is visible (as a space)."""
    if char.isspace():
        return False
    return unicodedata.category(char)[0] == "C" or ord(char) in DISPLAY_SYMBOLS


def clean(text: str, limit: int) -> Cleaned:
    """`text` cut to `limit` characters, NFC-normalised, with invisible characters removed and
    every run of whitespace (tabs, line breaks, no-break spaces) folded to one space."""
    cut = max(0, len(text) - limit)
    text = unicodedata.normalize("NFC", text[:limit])
    kept = "".join(c for c in text if not invisible(c))
    return Cleaned(" ".join(kept.split()), len(text) - len(kept), cut)
