"""From what a student typed to the token ids a model reads, without hiding anything.

A class types anything: capitals, Hangul, emoji, a pasted paragraph. Every typed token is
kept and shown; the ones the model has no input for are marked and left out of what it
reads, so the page can say which were skipped and why instead of crashing or silently
changing the word.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rnnviz.engine import SequenceModel

LIMIT = 40  # tokens; longer input is cut so every step still fits on a projected screen
ZWJ = "\u200d"
SKIN_TONES = range(0x1F3FB, 0x1F400)
REGIONAL = range(0x1F1E6, 0x1F200)


def _joins_previous(char: str) -> bool:
    """Marks that belong to the character before them: accents, emoji variation selectors and
    skin tones."""
    return unicodedata.category(char) in ("Mn", "Me") or ord(char) in SKIN_TONES


def characters(text: str) -> list[str]:
    """What a reader sees as characters: `é` typed as e + accent, a flag or a family emoji is
    one character here, not the code points Python iterates over."""
    out: list[str] = []
    glue = False
    for char in unicodedata.normalize("NFC", text):
        pair = (
            out and ord(char) in REGIONAL and ord(out[-1][-1]) in REGIONAL
            and len(out[-1]) == 1
        )
        if out and (glue or char == ZWJ or _joins_previous(char) or pair):
            out[-1] += char
        else:
            out.append(char)
        glue = char == ZWJ
    return out


def is_special(token: str) -> bool:
    """`<pad>`, `<end>`: tokens the model uses for itself, which typing cannot produce."""
    return len(token) > 2 and token.startswith("<") and token.endswith(">")


@dataclass(frozen=True)
class Token:
    """One typed token and what the model reads for it."""

    text: str  # as typed
    id: int | None  # the model's input id; None when the model never saw this token
    read_as: str | None  # the vocabulary entry read; differs from `text` when lowercased

    @property
    def known(self) -> bool:
        return self.id is not None

    @property
    def lowered(self) -> bool:
        return self.known and self.read_as != self.text

    @property
    def shown(self) -> str:
        """What to call the token on screen: what the model reads, else what was typed."""
        return self.read_as or self.text


@dataclass(frozen=True)
class Reading:
    """Everything typed (up to the limit) and which of it the model reads."""

    tokens: tuple[Token, ...]
    cut: int  # tokens left out beyond the limit
    level: str

    @property
    def read(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.known)

    @property
    def unknown(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if not t.known)

    @property
    def lowered(self) -> tuple[Token, ...]:
        return tuple(t for t in self.tokens if t.lowered)

    @property
    def ids(self) -> list[int]:
        return [t.id for t in self.read if t.id is not None]


def split(text: str, level: str) -> list[str]:
    """Characters for a character-level model, whitespace-separated words for a word-level
    one. Spaces at the ends are a typing accident, not input."""
    text = text.strip()
    return text.split() if level == "word" else characters(text)


def read(model: SequenceModel, text: str, limit: int = LIMIT) -> Reading:
    """Split `text` the way `model` reads it and look every token up; a token the vocabulary
    lacks is tried in lowercase before it is marked unknown."""
    index = {tok: i for i, tok in enumerate(model.tokens) if not is_special(tok)}
    pieces = split(text, model.level)
    tokens = []
    for piece in pieces[:limit]:
        entry = piece if piece in index else piece.lower() if piece.lower() in index else None
        tokens.append(Token(piece, index.get(entry) if entry else None, entry))
    return Reading(tuple(tokens), max(0, len(pieces) - limit), model.level)
