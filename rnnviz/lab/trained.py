"""A recurrent layer trained on the Train page, brought into the lab with its real weights.

The lab feeds one-hot characters, so it takes the first recurrent layer of a character-level
model whose input is one-hot (no embedding, or L3's identity embedding), with any activation
the Train page offers and Keras's sigmoid gates -- the lab builds layers with those. Anything
else is refused with a reason the page can show.
"""
from __future__ import annotations

from dataclasses import replace

import numpy as np

from rnnviz.engine import BidirectionalSpec, RecurrentSpec, SequenceModel
from rnnviz.guards.problems import InputProblem
from rnnviz.glyphs import shown
from rnnviz.keras_models import ACTIVATIONS
from rnnviz.lab.config import (
    MAX_LAB_WORDS, MAX_UNITS, MAX_VOCAB, MAX_WORD_CHARS, InputConfig, LabConfig, TrainedWeights,
)



def _cells(spec: RecurrentSpec | BidirectionalSpec) -> list:
    if isinstance(spec, BidirectionalSpec):
        return [spec.forward.cell, spec.backward.cell]
    return [spec.cell]


def _check(model: SequenceModel) -> None:
    if model.level != "char":
        raise InputProblem("lab.trained_word_level")
    embedding = model.embedding
    if embedding is not None and not (
        embedding.shape[0] == embedding.shape[1]
        and np.array_equal(embedding, np.eye(len(embedding), dtype=embedding.dtype))
    ):
        raise InputProblem("lab.trained_embedding")
    spec = model.layers[0]
    for cell in _cells(spec):
        if (cell.bias is None or cell.activation not in ACTIVATIONS
                or getattr(cell, "recurrent_activation", "sigmoid") != "sigmoid"):
            raise InputProblem("lab.trained_activation")
    if spec.units > MAX_UNITS or len(model.tokens) > MAX_VOCAB:
        raise InputProblem("lab.trained_too_big", units=MAX_UNITS, vocab=MAX_VOCAB)


def trained_config(model: SequenceModel, lesson: str, epoch: int,
                   samples: tuple[str, ...], base: LabConfig) -> LabConfig:
    """`base`'s flags and masking on the model's first recurrent layer, fed the lesson's
    samples one-hot over the model's vocabulary. Raises InputProblem when the lab cannot
    show this layer."""
    _check(model)
    spec = model.layers[0]
    bidirectional = isinstance(spec, BidirectionalSpec)
    first = spec.forward if bidirectional else spec
    arrays = [w for cell in _cells(spec)
              for w in (cell.kernel, cell.recurrent_kernel, cell.bias)]
    # Tokens a typed word can never contain (padding, a space) get their visible stand-in.
    vocabulary = "".join(shown(token) for token in model.tokens)
    words = tuple(w for sample in samples for w in sample.split() if w)[:MAX_LAB_WORDS]
    return replace(
        base, cell=first.kind, units=first.units, activation=first.cell.activation,
        bidirectional=bidirectional,
        merge_mode=spec.merge_mode if bidirectional else base.merge_mode,
        go_backwards=False if bidirectional else first.go_backwards, wrap_cell=False,
        reset_after=bool(getattr(first.cell, "reset_after", True)),
        trained=TrainedWeights.of(lesson, epoch, arrays, vocabulary),
        input=InputConfig(
            source="words", words=tuple(w[:MAX_WORD_CHARS] for w in words),
            vocabulary=vocabulary, pad=base.input.pad, mask=base.input.mask,
            padding=base.input.padding,
        ),
    )
