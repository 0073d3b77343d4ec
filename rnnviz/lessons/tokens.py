"""How text becomes tokens: one rule for the text a model is trained on and the text a
student steps through it, so every token typed on one page is a token the other knows.

A character token is one Unicode code point of cleaned (NFC) text: what Python iterates,
what the Keras lab one-hot encodes, and what a model's input ids count. Grouping code points
into what a reader sees as one character (a flag is two regional-indicator code points) would
make one side read a token the other never saw. A word token is a whitespace-separated word.
"""
from __future__ import annotations

LEVELS: tuple[str, ...] = ("char", "word")


def tokens(text: str, level: str) -> list[str]:
    """The code points of `text` for a character-level model, its words for a word-level one."""
    if level not in LEVELS:
        raise ValueError(f"level must be one of {LEVELS}, got {level!r}")
    return text.split() if level == "word" else list(text)
