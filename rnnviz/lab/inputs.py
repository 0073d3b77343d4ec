"""The lab's input batch, from typed words or random numbers, and the checks on typed text.

Whatever a student types ends up as a short list of short words: text is cleaned
(`rnnviz.guards.cleaner`), and anything over the caps is trimmed with a notice instead of an
error, so the page always has something to show and says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from rnnviz.guards.cleaner import clean
from rnnviz.guards.problems import InputProblem, Message
from rnnviz.lab.config import MAX_LAB_WORDS, MAX_VOCAB, MAX_WORD_CHARS, InputConfig
from rnnviz.lessons import Vocabulary, random_sequences

MAX_TEXT_CHARS = 400  # what each of the lab's text boxes accepts and `_clean` keeps


@dataclass(frozen=True)
class LabInput:
    """The batch as the layer receives it, plus what the page needs to label it."""

    x: np.ndarray  # (B, T, D) float32
    real: np.ndarray  # (B, T) bool: False on padding
    mask: np.ndarray | None  # what is passed as `mask=`, or None
    step_tokens: tuple[tuple[str, ...], ...]  # (B, T) character read at each step, "" if none
    features: tuple[str, ...]  # the D column names


def _clean(text: str) -> tuple[str, list[Message]]:
    cleaned = clean(text, MAX_TEXT_CHARS)
    notices: list[Message] = []
    if cleaned.cut:
        notices.append(Message("lab.notice_text_cut", {"limit": MAX_TEXT_CHARS}))
    if cleaned.dropped:
        notices.append(Message("guards.dropped", {"count": cleaned.dropped}))
    return cleaned.text, notices


def parse_words(text: str) -> tuple[tuple[str, ...], list[Message]]:
    """Words separated by commas or spaces, trimmed to the caps; raises InputProblem when
    nothing usable is left."""
    text, notices = _clean(text)
    words = [w for w in re.split(r"[\s,]+", text) if w]
    if not words:
        raise InputProblem("lab.err_no_words")
    if len(words) > MAX_LAB_WORDS:
        notices.append(Message("lab.notice_words_cut",
                               {"limit": MAX_LAB_WORDS, "count": len(words)}))
        words = words[:MAX_LAB_WORDS]
    if any(len(w) > MAX_WORD_CHARS for w in words):
        notices.append(Message("lab.notice_word_cut", {"limit": MAX_WORD_CHARS}))
        words = [w[:MAX_WORD_CHARS] for w in words]
    distinct = len(set("".join(words)))
    if distinct > MAX_VOCAB:
        raise InputProblem("lab.err_too_many_chars", count=distinct, limit=MAX_VOCAB)
    return tuple(words), notices


def parse_vocabulary(text: str, words: tuple[str, ...]) -> tuple[str, list[Message]]:
    """The one-hot alphabet typed by the user (spaces and commas ignored, repeats dropped);
    empty means "the words' own characters". Raises InputProblem when a word uses a character
    it lacks."""
    text, notices = _clean(text)
    vocabulary = "".join(dict.fromkeys(re.sub(r"[\s,]+", "", text)))
    return check_vocabulary(vocabulary, words), notices


def check_vocabulary(vocabulary: str, words: tuple[str, ...]) -> str:
    """`vocabulary` when it has room for every character of `words`, else InputProblem."""
    if len(vocabulary) > MAX_VOCAB:
        raise InputProblem("lab.err_too_many_chars", count=len(vocabulary), limit=MAX_VOCAB)
    used = dict.fromkeys("".join(words))
    missing = "".join(c for c in used if vocabulary and c not in vocabulary)
    if missing:
        raise InputProblem("lab.err_not_in_vocabulary", chars=" ".join(missing))
    return vocabulary


def build_input(config: InputConfig, seed: int) -> LabInput:
    """The (B, T, D) batch for `config`; random input is `random_sequences(seed, B, T, D)`.

    Zeros go where Keras's `pad_sequences(..., padding=config.padding)` puts them: before
    each sequence ("pre") or after it ("post")."""
    pre = config.padding == "pre"
    if config.source == "words":
        vocab = Vocabulary(config.characters)
        length = max(len(w) for w in config.words) + config.pad
        ids = np.full((len(config.words), length), -1, dtype=np.int64)
        tokens = []
        for b, word in enumerate(config.words):
            start = length - len(word) if pre else 0
            ids[b, start:start + len(word)] = vocab.ids(word)
            gap = [""] * (length - len(word))
            tokens.append(gap + list(word) if pre else list(word) + gap)
        x = vocab.one_hot(ids)
        features = vocab.tokens
    else:
        x = random_sequences(seed, config.batch, config.time, config.features)
        tokens = [[""] * (config.time + config.pad) for _ in range(config.batch)]
        features = tuple(f"x{d}" for d in range(config.features))
        zeros = np.zeros((x.shape[0], config.pad, x.shape[2]), np.float32)
        x = np.concatenate([zeros, x] if pre else [x, zeros], 1)
    real = np.any(x != 0, axis=-1)
    return LabInput(
        x=x, real=real, mask=real if config.mask else None,
        step_tokens=tuple(tuple(row) for row in tokens), features=tuple(features),
    )
