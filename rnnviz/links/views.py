"""The parameters each page keeps in its address, in the order it reads them.

Each list names the URL parameter, the page's own session key and what its widget allows, so
a shared link holds exactly what the widgets can hold. Options that depend on the session
(Step-through's models, the training source) are passed in.
"""
from __future__ import annotations

from collections.abc import Sequence

from rnnviz.byhand.examples import LESSONS as BYHAND_EXAMPLES
from rnnviz.gradients.flow import ACTIVATIONS, MAX_LENGTH, RADIUS
from rnnviz.lab import CELLS as LAB_CELLS, MERGE_MODES, PADDINGS, SOURCES as LAB_SOURCES
from rnnviz.lab.config import MAX_BATCH, MAX_FEATURES, MAX_PAD, MAX_SEED, MAX_TIME, MAX_UNITS
from rnnviz.lab.form import NO_MERGE
from rnnviz.lab.inputs import MAX_TEXT_CHARS as LAB_TEXT_CHARS
from rnnviz.links.params import Choice, Flag, Param, Real, Text, Whole
from rnnviz.lm.training import CELLS as LM_CELLS, LEARNING_RATE as LM_RATE, LIMITS as LM
from rnnviz.lm.training import MAX_GRAD
from rnnviz.stepthrough.tokens import MAX_TEXT_CHARS as STEP_TEXT_CHARS


def step(models: Sequence[str]) -> list[Param]:
    """Step-through's model and word (the step needs the word first: see `step_position`)."""
    return [Choice("model", "step_model", tuple(models)),
            Text("word", "step_text", STEP_TEXT_CHARS)]


def step_position(steps: int) -> list[Param]:
    """The step shown, 1..steps of the word now read."""
    return [Whole("t", "step_pos", 1, steps)]


LAB: list[Param] = [
    Flag("return_sequences", "lab_seq"), Flag("return_state", "lab_state"),
    Flag("go_backwards", "lab_back"),
    Choice("cell", "lab_cell", tuple(LAB_CELLS)), Whole("units", "lab_units", 1, MAX_UNITS),
    Flag("wrap_cell", "lab_wrap"), Flag("bidirectional", "lab_bi"),
    Choice("merge_mode", "lab_merge", tuple(NO_MERGE if m is None else m for m in MERGE_MODES)),
    Flag("reset_after", "lab_reset_after"),
    Choice("input", "lab_source", tuple(LAB_SOURCES)),
    Text("words", "lab_words", LAB_TEXT_CHARS), Text("vocabulary", "lab_vocab", LAB_TEXT_CHARS),
    Whole("batch", "lab_batch", 1, MAX_BATCH), Whole("time", "lab_time", 1, MAX_TIME),
    Whole("features", "lab_features", 1, MAX_FEATURES), Whole("pad", "lab_pad", 0, MAX_PAD),
    Choice("padding", "lab_padding", tuple(PADDINGS)), Flag("mask", "lab_mask"),
    Whole("seed", "lab_seed", 0, MAX_SEED),
]

BY_HAND: list[Param] = [Choice("example", "byhand_example", tuple(BYHAND_EXAMPLES))]


def by_hand_sentence(sentences: int) -> list[Param]:
    """The sentence By hand follows, 0..sentences-1 of the example's."""
    return [Whole("sentence", "byhand_sentence", 0, sentences - 1)]

GRADIENTS: list[Param] = [
    Choice("source", "gradients_source", ("untrained", "shipped")),
    Real("radius", "gradients_radius", *RADIUS),
    Choice("activation", "gradients_activation", tuple(ACTIVATIONS)),
    Whole("length", "gradients_length", 2, MAX_LENGTH),
    Whole("seed", "gradients_seed", 0, 2**31 - 1),
]

# The pasted corpus stays out: up to 40,000 characters do not belong in an address.
LANGUAGE_MODEL: list[Param] = [
    Choice("corpus", "lm.source", ("pydoc",)), Choice("cell", "lm.cell", tuple(LM_CELLS)),
    Whole("wordvec", "lm.wordvec", *LM["wordvec_size"]),
    Whole("hidden", "lm.hidden", *LM["hidden_size"]), Whole("epochs", "lm.epochs", *LM["epochs"]),
    Whole("batch", "lm.batch", *LM["batch_size"]), Whole("time", "lm.time", *LM["time_size"]),
    Real("lr", "lm.lr", *LM_RATE), Whole("seed", "lm.seed", *LM["seed"]),
    Flag("clip", "lm.clip"), Real("max_grad", "lm.max_grad", *MAX_GRAD),
]
