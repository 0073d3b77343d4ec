"""Token <-> index tables built from the data, never typed by hand.

The original lecture notes encode some one-hot rows by hand, with mistakes (LESSONS.md, L4);
building every table from the words themselves makes that impossible.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.lessons.tokens import tokens as split

PAD = "<pad>"


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of tokens; a token's position is its index."""

    tokens: tuple[str, ...]

    @classmethod
    def of_characters(
        cls, texts: list[str], *, pad: bool = False, sort: bool = True
    ) -> "Vocabulary":
        """Distinct characters of `texts`, sorted or in order of first appearance (`h e l o`
        in L1); with `pad`, `<pad>` first at index 0."""
        chars = list(dict.fromkeys(c for text in texts for c in split(text, "char")))
        return cls(((PAD,) if pad else ()) + tuple(sorted(chars) if sort else chars))

    @classmethod
    def of_words(cls, sentences: list[str], *, pad: bool = False) -> "Vocabulary":
        """Distinct whitespace-separated words in order of first appearance."""
        words = list(dict.fromkeys(w for s in sentences for w in split(s, "word")))
        return cls(((PAD,) if pad else ()) + tuple(words))

    def __len__(self) -> int:
        return len(self.tokens)

    def index(self, token: str) -> int:
        """The token's index, or -1 when the vocabulary does not hold it."""
        try:
            return self.tokens.index(token)
        except ValueError:
            return -1

    def ids(self, tokens: list[str] | str) -> np.ndarray:
        """Indices of `tokens` (a string is read character by character); -1 marks unknowns."""
        if isinstance(tokens, str):
            tokens = split(tokens, "char")
        return np.array([self.index(t) for t in tokens], dtype=np.int64)

    def one_hot(self, ids: np.ndarray) -> np.ndarray:
        """float32 one-hot rows for `ids` of any shape; an unknown (-1) gets an all-zero row."""
        ids = np.asarray(ids)
        out = np.zeros(ids.shape + (len(self),), dtype=np.float32)
        known = ids >= 0
        out[known, ids[known]] = 1.0
        return out
