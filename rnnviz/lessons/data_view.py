"""The data of a lesson as the network receives it, step by step as the lecture builds it:
the vocabulary (token -> index), each sample's index sequence, the padded index matrix and
its mask, the one-hot tensor (samples, timesteps, features) and the targets.

Everything is read from the `Lesson` the trainer fits, so what the page shows is what Keras
gets; the padding and the mask are the ones `keras.utils.pad_sequences(padding="post")` and
`Embedding(mask_zero=True)` produce (tests check both). L4's lecture notes encode two words
by hand with mistakes; `notes_differences` lists where they part from the words.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.lessons.presets import Lesson

SHOWN_SAMPLES = 12  # rows of a table before it stops being readable on a projector

# L4's notes as written: the four letters each word's one-hot rows actually encode.
NOTES_ENCODING: dict[str, dict[str, str]] = {"L4": {"appl": "appo", "bobb": "baab"}}


@dataclass(frozen=True)
class DataView:
    """What the network is given, for the first `SHOWN_SAMPLES` samples."""

    vocabulary: tuple[str, ...]  # the token at each index
    tokens: tuple[tuple[str, ...], ...]  # each sample's tokens, padding left out
    ids: np.ndarray  # (N, T) index matrix, padded with 0 at the end when masked
    mask: np.ndarray | None  # (N, T) True where a real token is; None without masking
    one_hot: np.ndarray  # (N, T, V) what the recurrent layer reads at each step
    targets: np.ndarray  # class indices: (N,) many-to-one, (N, T) many-to-many
    target_names: tuple[tuple[str, ...], ...]  # each sample's target class names
    shape: tuple[int, int, int]  # (samples, timesteps, features) of the whole data set
    target_shape: tuple[int, ...]  # of the whole data set's targets


def data_view(lesson: Lesson, limit: int = SHOWN_SAMPLES) -> DataView:
    """The lesson's data as `DataView`; the one-hot rows are those the identity embedding
    (L3) or the one-hot encoding gives the layer."""
    x, y = lesson.x[:limit], lesson.y[:limit]
    mask = x != 0 if lesson.mask_zero else None
    vocab = lesson.vocab.tokens
    real = mask if mask is not None else x >= 0
    tokens = tuple(tuple(vocab[i] for i in row[keep]) for row, keep in zip(x, real))
    names = tuple(
        tuple(lesson.labels[int(i)] for i in np.atleast_1d(target)[: len(seq)])
        if lesson.task == "many_to_many" else (lesson.labels[int(target)],)
        for target, seq in zip(y, tokens)
    )
    return DataView(
        vocabulary=vocab, tokens=tokens, ids=x, mask=mask, one_hot=lesson.vocab.one_hot(x),
        targets=y, target_names=names,
        shape=(len(lesson.x), lesson.x.shape[1], len(vocab)), target_shape=lesson.y.shape,
    )


@dataclass(frozen=True)
class Difference:
    """One timestep where the notes' one-hot row encodes another letter than the word's."""

    sample: str
    step: int  # from 1, as the notes count
    letter: str
    index: int
    notes_letter: str
    notes_index: int


def notes_differences(lesson: Lesson) -> list[Difference]:
    """Where the lecture notes' hand-made encoding of this lesson differs from the words."""
    out = []
    for sample, written in NOTES_ENCODING.get(lesson.key, {}).items():
        for step, (letter, notes_letter) in enumerate(zip(sample, written), start=1):
            if letter != notes_letter:
                out.append(Difference(sample, step, letter, lesson.vocab.index(letter),
                                      notes_letter, lesson.vocab.index(notes_letter)))
    return out
