"""The numbers the Step-through page shows, taken from one engine trace.

The page draws; this module decides what a step *is*: the token read, its input vector,
each recurrent layer's arithmetic as the cell computed it (named terms, in the order a
student reads the equation), the hidden and cell states, and the softmax with the true next
token when the text tells us what it is. Every number is sliced out of `SequenceModel.run`,
except the few a trace keeps only the result of (an LSTM's f⊙c_{t-1}, i⊙g and act(c_t), a
GRU's gate pre-activations and the two halves of its mix): each kind's `terms` redoes those
with the cell's own operations in its order, and the tests hold them to the trace.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from rnnviz.cells import CellKind, kind_of
from rnnviz.engine import BidirectionalTrace, ModelTrace, SequenceModel, Trace
from rnnviz.pretrained import END
from rnnviz.stepthrough.tokens import Reading, Token

TOP_K = 5


@dataclass(frozen=True)
class Direction:
    """One recurrent pass the page can show: a layer, or one direction of a Bidirectional."""

    layer: int
    backward: bool
    trace: Trace

    @property
    def kind(self) -> str:
        return self.trace.cell.kind

    @property
    def cell_kind(self) -> CellKind:
        return kind_of(self.trace.cell)

    @cached_property
    def order(self) -> np.ndarray:
        """Processing step of each input position (go_backwards reads them last to first)."""
        return np.argsort(self.trace.positions)

    def by_position(self, values: np.ndarray) -> np.ndarray:
        """(T, ...) values of sequence 0 in the order the text is read, left to right."""
        return values[0][self.order]


def directions(trace: ModelTrace) -> list[Direction]:
    """Every pass the page can show, bottom layer first; a Bidirectional layer's two
    directions are shown apart, since each has its own gates and states."""
    out: list[Direction] = []
    for n, layer in enumerate(trace.layers):
        if isinstance(layer, BidirectionalTrace):
            out += [Direction(n, False, layer.forward), Direction(n, True, layer.backward)]
        else:
            out.append(Direction(n, False, layer))
    return out


def terms(direction: Direction, t: int) -> dict[str, np.ndarray]:
    """The arithmetic of input position `t` as named vectors, in the order its kind's
    equations use them (`rnnviz.cells`)."""
    trace = direction.trace
    k = int(direction.order[t])

    def at(source: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        return {name: values[0, k] for name, values in source.items()}

    return direction.cell_kind.terms(trace.cell, at(trace.values), at(trace.previous),
                                     at(trace.states))


def panels(direction: Direction) -> dict[str, np.ndarray]:
    """(units, T) matrices of the hidden state (and cell state and gates) in reading order."""
    trace = direction.trace
    source = {**trace.values, **trace.states}
    return {name: direction.by_position(source[name]).T for name in direction.cell_kind.panels}


def panel_choices(walk: Walk) -> list[tuple[int, str]]:
    """Every (direction index, panel) the whole-word view can show, bottom layer first."""
    return [(d, panel) for d, direction in enumerate(walk.directions)
            for panel in direction.cell_kind.panels]


def reads_one_hot(model: SequenceModel) -> bool:
    """Whether the model's input rows are one-hot: no embedding, or the identity embedding
    the Train page gives models of the user's own words and text (one column per token)."""
    table = model.embedding
    return table is None or (
        table.shape[0] == table.shape[1] and np.array_equal(table, np.eye(len(table)))
    )


@dataclass(frozen=True)
class Softmax:
    """The head's softmax after one step, and how it scored the token that really came next."""

    labels: tuple[str, ...]
    probs: np.ndarray  # (C,)
    target: str | None  # the next token when the text says what it is

    @property
    def argmax(self) -> str:
        return self.labels[int(np.argmax(self.probs))]

    def top(self, k: int = TOP_K) -> list[tuple[str, float]]:
        order = np.argsort(-self.probs, kind="stable")[:k]
        return [(self.labels[i], float(self.probs[i])) for i in order]

    @property
    def p_target(self) -> float | None:
        if self.target is None:
            return None
        return float(self.probs[self.labels.index(self.target)])

    @property
    def loss(self) -> float | None:
        """-log p of the true next token: the cross-entropy this step adds."""
        p = self.p_target
        if p is None:
            return None
        return float(-np.log(p)) if p > 0 else float("inf")


@dataclass(frozen=True)
class Step:
    """Everything the page shows for one timestep."""

    t: int
    token: Token
    x: np.ndarray  # the model's input row: one-hot or embedding vector
    layers: tuple[tuple[Direction, dict[str, np.ndarray]], ...]
    logits: np.ndarray  # (C,) the head's scores before the softmax
    softmax: Softmax


class Walk:
    """One forward pass over the tokens a `Reading` kept, viewed step by step."""

    def __init__(self, model: SequenceModel, reading: Reading) -> None:
        if not reading.ids:
            raise ValueError("nothing to read: no token of the text is in the vocabulary")
        self.model = model
        self.reading = reading
        self.tokens = reading.read
        self.trace = model.run(np.array([reading.ids]))
        self.directions = directions(self.trace)
        self.probs = self.trace.step_probs[0]  # (T, C)

    def __len__(self) -> int:
        return len(self.tokens)

    @property
    def answers_once(self) -> bool:
        """A many-to-one model: it answers once, after the last step, and the head's softmax
        at an earlier step is not something it ever outputs."""
        return not self.model.many_to_many

    def answers_at(self, t: int) -> bool:
        """Whether the model outputs a prediction after step `t`."""
        return not self.answers_once or t == len(self) - 1

    @cached_property
    def predicts_next(self) -> bool:
        """A next-token model: one prediction per step over the same alphabet it reads."""
        labels = set(self.model.labels) - {END}
        return self.model.many_to_many and bool(labels) and labels <= set(self.model.tokens)

    def target(self, t: int) -> str | None:
        """The token that really follows step `t`: the next one read, or the end of the word
        after the last, when the model has a class for it."""
        if not self.predicts_next:
            return None
        nxt = self.tokens[t + 1].read_as if t + 1 < len(self) else END
        return nxt if nxt in self.model.labels else None

    def softmax(self, t: int) -> Softmax:
        return Softmax(self.model.labels, self.probs[t], self.target(t))

    def step(self, t: int) -> Step:
        return Step(
            t, self.tokens[t], self.trace.inputs[0, t],
            tuple((d, terms(d, t)) for d in self.directions), self.trace.step_logits[0, t],
            self.softmax(t),
        )

    def argmax(self) -> list[str]:
        """The most likely label after every step: `hell` gives `e l l o` when trained."""
        return [self.model.labels[i] for i in np.argmax(self.probs, axis=-1)]

    def softmaxes(self) -> list[Softmax]:
        return [self.softmax(t) for t in range(len(self))]
