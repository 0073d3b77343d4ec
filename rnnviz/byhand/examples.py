"""The two examples of lesson L7, as the by-hand network reads them.

`hello` is L1's many-to-many data (`hell` -> `ello`, a target at every step); `grammar` is
the word-level many-to-one example (`as soon as` = 1, `as as soon` = 0, `soon as as` = 0),
whose only target is at the last step. Both come from `rnnviz.lessons`, so the by-hand page
and the Keras pages read the same data.
"""
from __future__ import annotations

from dataclasses import dataclass

from rnnviz.byhand.network import ByHandRNN
from rnnviz.byhand.training import Example
from rnnviz.lessons import grammar, hello

HIDDEN = 3


@dataclass(frozen=True)
class ByHandLesson:
    key: str  # "hello" | "grammar"
    tokens: tuple[str, ...]  # input vocabulary
    labels: tuple[str, ...]  # output classes
    samples: tuple[tuple[str, ...], ...]  # each example's input tokens, as shown
    examples: tuple[Example, ...]
    many_to_one: bool
    learning_rate: float  # plain SGD on the summed loss; reaches 100 % in STEPS steps
    steps: int

    def network(self, seed: int | None = None) -> ByHandRNN:
        """The lecture's initial weights (seed 230912 unless told otherwise)."""
        size = len(self.tokens), HIDDEN, len(self.labels)
        return ByHandRNN.drawn(*size) if seed is None else ByHandRNN.drawn(*size, seed=seed)


def hello_lesson() -> ByHandLesson:
    lesson = hello()
    tokens = lesson.vocab.tokens
    example = Example(tuple(int(i) for i in lesson.x[0]), tuple(int(i) for i in lesson.y[0]))
    return ByHandLesson("hello", tokens, lesson.labels, (tuple(tokens[i] for i in example.tokens),),
                        (example,), many_to_one=False, learning_rate=0.1, steps=300)


def grammar_lesson() -> ByHandLesson:
    lesson = grammar()
    tokens = lesson.vocab.tokens
    examples = tuple(
        Example(tuple(int(i) for i in row), (None,) * (len(row) - 1) + (int(label),))
        for row, label in zip(lesson.x, lesson.y)
    )
    samples = tuple(tuple(tokens[i] for i in e.tokens) for e in examples)
    return ByHandLesson("grammar", tokens, ("0", "1"), samples, examples, many_to_one=True,
                        learning_rate=0.1, steps=300)


LESSONS = {"hello": hello_lesson, "grammar": grammar_lesson}
