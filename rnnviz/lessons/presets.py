"""The classroom examples of LESSONS.md as data: one click in the app loads one of these.

Only what the lesson states lives here (data, vocabulary, model shape, training settings,
expected result); building Keras models from it is the Keras side's job.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.lessons.vocabulary import Vocabulary


@dataclass(frozen=True)
class Lesson:
    """A trainable preset. `x` holds token ids (N, T), 0-padded at the end when `mask_zero`;
    `y` holds class ids, (N, T) for many-to-many and (N,) for many-to-one."""

    key: str
    task: str  # "many_to_many" | "many_to_one"
    samples: tuple[str, ...]
    vocab: Vocabulary
    labels: tuple[str, ...]
    x: np.ndarray
    y: np.ndarray
    input_encoding: str  # "one_hot" | "identity_embedding"
    mask_zero: bool
    cell: str  # "SimpleRNN" | "LSTM" | "GRU"
    units: int
    head_activation: str  # "softmax" | "linear" (logits)
    optimizer: str
    learning_rate: float
    epochs: int
    batch_size: int
    shuffle: bool
    target_accuracy: float


def _pad(rows: list[np.ndarray], length: int) -> np.ndarray:
    out = np.zeros((len(rows), length), dtype=np.int64)
    for i, row in enumerate(rows):
        out[i, : len(row)] = row[:length]
    return out


def hello() -> Lesson:
    """L1: `hell` -> `ello`; only the hidden state tells the two `l`s apart."""
    vocab = Vocabulary.of_characters(["hello"], sort=False)
    return Lesson(
        key="L1", task="many_to_many", samples=("hell",), vocab=vocab, labels=vocab.tokens,
        x=vocab.ids("hell")[None], y=vocab.ids("ello")[None],
        input_encoding="one_hot", mask_zero=False, cell="SimpleRNN", units=3,
        head_activation="softmax", optimizer="Adam", learning_rate=0.05, epochs=100,
        batch_size=1, shuffle=False, target_accuracy=1.0,
    )


def sentiment() -> Lesson:
    """L3: character-level sentiment of four short texts, identity embedding with masking."""
    words = ["good", "bad", "worse", "so good"]
    vocab = Vocabulary.of_characters(words, pad=True)
    return Lesson(
        key="L3", task="many_to_one", samples=tuple(words), vocab=vocab,
        labels=("negative", "positive"),
        x=_pad([vocab.ids(w) for w in words], 10), y=np.array([1, 0, 0, 1]),
        input_encoding="identity_embedding", mask_zero=True, cell="SimpleRNN", units=10,
        head_activation="linear", optimizer="Adam", learning_rate=0.01, epochs=30,
        batch_size=2, shuffle=True, target_accuracy=1.0,
    )


def five_words() -> Lesson:
    """L4: read four letters, predict the fifth (`hell` -> `o`, `lobb` -> `y`)."""
    words = ["hello", "apple", "lobby", "daddy", "bobby"]
    vocab = Vocabulary.of_characters(words, sort=False)
    return Lesson(
        key="L4", task="many_to_one", samples=tuple(w[:4] for w in words), vocab=vocab,
        labels=vocab.tokens,
        x=np.stack([vocab.ids(w[:4]) for w in words]), y=vocab.ids([w[4] for w in words]),
        input_encoding="one_hot", mask_zero=False, cell="SimpleRNN", units=8,
        head_activation="softmax", optimizer="Adam", learning_rate=0.001, epochs=200,
        batch_size=5, shuffle=True, target_accuracy=1.0,
    )


def grammar() -> Lesson:
    """L7's word-level many-to-one example: is the word order grammatical?"""
    sentences = ["as soon as", "as as soon", "soon as as"]
    vocab = Vocabulary.of_words(sentences)
    return Lesson(
        key="L7", task="many_to_one", samples=tuple(sentences), vocab=vocab,
        labels=("ungrammatical", "grammatical"),
        x=np.stack([vocab.ids(s.split()) for s in sentences]), y=np.array([1, 0, 0]),
        input_encoding="one_hot", mask_zero=False, cell="SimpleRNN", units=3,
        head_activation="softmax", optimizer="Adam", learning_rate=0.05, epochs=100,
        batch_size=3, shuffle=False, target_accuracy=1.0,
    )


TRAINABLE = {"L1": hello, "L3": sentiment, "L4": five_words, "L7": grammar}


def shapes_batch() -> tuple[Vocabulary, np.ndarray]:
    """L2's batch `hello`, `eolll`, `lleel` one-hot over `h e l o`: shape (3, 5, 4)."""
    vocab = Vocabulary.of_characters(["hello"], sort=False)
    return vocab, vocab.one_hot(np.stack([vocab.ids(w) for w in ("hello", "eolll", "lleel")]))


def random_sequences(seed: int = 0, batch: int = 2, time: int = 5, features: int = 1) -> np.ndarray:
    """L5's input: random normal (B, T, D) = (2, 5, 1) by default."""
    return np.random.default_rng(seed).standard_normal((batch, time, features)).astype(np.float32)
