"""What the Keras lab is asked to show: one layer, one input, one pair of flags.

A `LabConfig` is frozen and hashable so the Keras layer and its result can be cached by it:
a rerun with the same widgets never builds or calls Keras again.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from rnnviz.cells import NAMES as CELLS
from rnnviz.keras_models import ACTIVATIONS
MERGE_MODES: tuple[str | None, ...] = ("concat", "sum", "ave", "mul", None)
SOURCES: tuple[str, ...] = ("words", "random")
PADDINGS: tuple[str, ...] = ("pre", "post")  # Keras `pad_sequences` pads "pre" by default
L2_WORDS: tuple[str, ...] = ("hello", "eolll", "lleel")

# Caps keep every tensor small enough to read on screen and every Keras call well under a
# second; the page names the cap whenever it trims the user's input.
MAX_LAB_WORDS = 6
MAX_WORD_CHARS = 16
MAX_VOCAB = 32
MAX_UNITS = 16
MAX_BATCH = 6
MAX_TIME = 16
MAX_FEATURES = 8
MAX_PAD = 5
MAX_SEED = 2**31 - 1


@dataclass(frozen=True)
class InputConfig:
    """The batch fed to the layer: one-hot words (L2) or random normal numbers (L5).

    The one-hot columns are `vocabulary`'s characters, or when it is empty the words'
    distinct characters in order of first appearance (`h e l o` for L2). `pad` adds that
    many all-zero timesteps to every sequence (words are also padded to the longest one),
    before it (`padding="pre"`, what Keras's `pad_sequences` does by default) or after it
    (`"post"`); `mask` passes `mask = any(x != 0, axis=-1)` so the layer skips them.
    """

    source: str = "words"
    words: tuple[str, ...] = L2_WORDS
    vocabulary: str = ""
    batch: int = 2
    time: int = 5
    features: int = 1
    pad: int = 0
    mask: bool = False
    padding: str = "post"

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"source must be one of {SOURCES}, got {self.source!r}")
        if self.padding not in PADDINGS:
            raise ValueError(f"padding must be one of {PADDINGS}, got {self.padding!r}")
        if self.source == "words":
            if not self.words or len(self.words) > MAX_LAB_WORDS:
                raise ValueError(f"1 to {MAX_LAB_WORDS} words, got {len(self.words)}")
            if any(not w or len(w) > MAX_WORD_CHARS for w in self.words):
                raise ValueError(f"every word needs 1 to {MAX_WORD_CHARS} characters")
            if len(self.characters) > MAX_VOCAB:
                raise ValueError(f"at most {MAX_VOCAB} distinct characters")
            if len(set(self.vocabulary)) != len(self.vocabulary):
                raise ValueError("the vocabulary lists a character twice")
            if self.vocabulary and not set("".join(self.words)) <= set(self.vocabulary):
                raise ValueError("every character of the words must be in the vocabulary")
        _check_range("batch", self.batch, 1, MAX_BATCH)
        _check_range("time", self.time, 1, MAX_TIME)
        _check_range("features", self.features, 1, MAX_FEATURES)
        _check_range("pad", self.pad, 0, MAX_PAD)

    @property
    def characters(self) -> tuple[str, ...]:
        """The one-hot columns, in order."""
        return tuple(self.vocabulary or dict.fromkeys("".join(self.words)))


@dataclass(frozen=True)
class TrainedWeights:
    """A trained layer's weight arrays in Keras's `get_weights()` order and the one-hot columns
    they read (`vocabulary`, stand-ins for padding and space); hashable (shapes and raw float32
    bytes), so configs holding them are cached like any other. The columns travel here, not
    through the vocabulary box: typed text never holds the stand-ins (the cleaner drops them),
    and a comma or space in the model's vocabulary would read as a separator."""

    lesson: str
    epoch: int
    arrays: tuple[tuple[tuple[int, ...], bytes], ...]
    vocabulary: str

    @classmethod
    def of(cls, lesson: str, epoch: int, arrays: list[np.ndarray],
           vocabulary: str) -> "TrainedWeights":
        packed = tuple((a.shape, np.ascontiguousarray(a, np.float32).tobytes()) for a in arrays)
        return cls(lesson, epoch, packed, vocabulary)

    def numpy(self) -> list[np.ndarray]:
        return [np.frombuffer(raw, np.float32).reshape(shape) for shape, raw in self.arrays]


@dataclass(frozen=True)
class LabConfig:
    """One Keras recurrent layer and how it is called.

    `wrap_cell` builds `layers.RNN(<Cell>Cell(units), ...)` instead of the layer class, as
    L2's first example does; `reset_after` only matters for GRU; `activation` is the
    layer's own (its gates keep the sigmoid). Weights and biases are drawn
    from `seed` (uniform in [-1, 1), never zero), as is the random input, unless `trained`
    holds a trained layer's weights.
    """

    cell: str = "SimpleRNN"
    units: int = 2
    activation: str = "tanh"
    bidirectional: bool = False
    merge_mode: str | None = "concat"
    return_sequences: bool = True
    return_state: bool = True
    go_backwards: bool = False
    wrap_cell: bool = False
    reset_after: bool = True
    seed: int = 0
    input: InputConfig = field(default_factory=InputConfig)
    trained: TrainedWeights | None = None

    def __post_init__(self) -> None:
        if self.cell not in CELLS:
            raise ValueError(f"cell must be one of {CELLS}, got {self.cell!r}")
        if self.activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {ACTIVATIONS}, got {self.activation!r}")
        if self.merge_mode not in MERGE_MODES:
            raise ValueError(f"merge_mode must be one of {MERGE_MODES}, got {self.merge_mode!r}")
        if self.bidirectional and self.go_backwards:
            # Legal Keras, but both directions then read backwards and the page could not
            # say which half is which without contradicting the lesson.
            raise ValueError("go_backwards is only offered for a single-direction layer")
        _check_range("units", self.units, 1, MAX_UNITS)
        _check_range("seed", self.seed, 0, MAX_SEED)

    def with_flags(self, return_sequences: bool, return_state: bool) -> "LabConfig":
        """The same layer and input with the other flags: one row of the four-way table."""
        return replace(self, return_sequences=return_sequences, return_state=return_state)


def _check_range(name: str, value: int, low: int, high: int) -> None:
    if not low <= value <= high:
        raise ValueError(f"{name} must be in [{low}, {high}], got {value}")


PRESETS: dict[str, LabConfig] = {
    # L2, first example: SimpleRNNCell(2) in layers.RNN on the single input `h` one-hot over
    # `h e l o`: shape (1, 1, 4).
    "L2_cell": LabConfig(
        cell="SimpleRNN", units=2, wrap_cell=True,
        input=InputConfig(source="words", words=("h",), vocabulary="helo"),
    ),
    "L2_batch": LabConfig(cell="SimpleRNN", units=2, input=InputConfig(words=L2_WORDS)),
    "L5_lstm": LabConfig(
        cell="LSTM", units=3, input=InputConfig(source="random", batch=2, time=5, features=1),
    ),
    "L5_gru": LabConfig(
        cell="GRU", units=3, input=InputConfig(source="random", batch=2, time=5, features=1),
    ),
    "L5_bi_lstm": LabConfig(
        cell="LSTM", units=3, bidirectional=True,
        input=InputConfig(source="random", batch=2, time=5, features=1),
    ),
    "L5_bi_gru": LabConfig(
        cell="GRU", units=3, bidirectional=True,
        input=InputConfig(source="random", batch=2, time=5, features=1),
    ),
}
