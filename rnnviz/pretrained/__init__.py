"""The trained models the app opens with, so nobody waits for training on first load.

The `.npz` files beside this module are written by `scripts/train_pretrained.py`; tests
rebuild each one as a Keras model and check that the engine gives Keras's numbers.
"""
from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rnnviz.engine import SequenceModel
from rnnviz.engine import load as load_file

OUT_DIR = Path(__file__).resolve().parent
LETTERS: tuple[str, ...] = tuple(string.ascii_lowercase)
END = "<end>"


@dataclass(frozen=True)
class Pretrained:
    key: str
    title_key: str  # text catalogue key of its name
    example: str  # a good first word to type


CATALOGUE: tuple[Pretrained, ...] = (
    Pretrained("hello", "step.model_hello", "hell"),
    Pretrained("words-simplernn", "step.model_words_simplernn", "hello"),
    Pretrained("words-lstm", "step.model_words_lstm", "hello"),
    Pretrained("words-gru", "step.model_words_gru", "hello"),
)


def words_key(kind: str) -> str:
    """The key of the shipped five-words model of a cell kind: `words-lstm` for "LSTM"."""
    return f"words-{kind.lower()}"


def catalogue() -> list[Pretrained]:
    """The shipped models whose weight file is present, in menu order."""
    return [p for p in CATALOGUE if (OUT_DIR / f"{p.key}.npz").exists()]


@lru_cache(maxsize=None)
def load(key: str) -> SequenceModel:
    """The shipped model `key`, read once per process."""
    model = load_file(OUT_DIR / f"{key}.npz")
    assert isinstance(model, SequenceModel)
    return model
