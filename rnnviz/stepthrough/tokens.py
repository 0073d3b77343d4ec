"""From what a student typed to the token ids a model reads, without hiding anything.

A class types anything: capitals, Hangul, emoji, a pasted paragraph. Every typed token is
kept and shown; the ones the model has no input for are marked and left out of what it
reads, so the page can say which were skipped and why instead of crashing or silently
changing the word.
"""
from __future__ import annotations

from dataclasses import dataclass

from rnnviz.engine import SequenceModel
from rnnviz.glyphs import shown
from rnnviz.guards.cleaner import clean
from rnnviz.lessons.tokens import tokens

LIMIT = 40  # tokens; longer input is cut so every step still fits on a projected screen
MAX_TEXT_CHARS = 400  # what the text box accepts and `read` keeps


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
        """What to call the token on screen: what the model reads, else what was typed,
        a space as ␣."""
        return shown(self.read_as or self.text)


@dataclass(frozen=True)
class Reading:
    """Everything typed (up to the limit) and which of it the model reads."""

    tokens: tuple[Token, ...]
    cut: int  # tokens left out beyond the limit
    level: str
    dropped: int = 0  # invisible characters removed before reading

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


def read(model: SequenceModel, text: str, limit: int = LIMIT) -> Reading:
    """Clean `text`, split it the way `model` was trained to read (`rnnviz.lessons.tokens`)
    and look every token up; a token the vocabulary lacks is tried in lowercase before it is
    marked unknown."""
    index = {tok: i for i, tok in enumerate(model.tokens) if not is_special(tok)}
    cleaned = clean(text, MAX_TEXT_CHARS)
    pieces = tokens(cleaned.text, model.level)
    found = []
    for piece in pieces[:limit]:
        entry = piece if piece in index else piece.lower() if piece.lower() in index else None
        found.append(Token(piece, index.get(entry) if entry else None, entry))
    return Reading(tuple(found), max(0, len(pieces) - limit), model.level, cleaned.dropped)
