"""A next-character task built from the user's own words or a pasted text.

Whatever a student types becomes a many-to-many lesson like L1 (`hell` -> `ello`): the input is
the text, the target the same text one character later, with a vocabulary built from the text
itself. Input is cleaned (`rnnviz.guards.cleaner`) and bounded in size, because it arrives
from anyone in a classroom and the server is shared; the text box accepts exactly `MAX_CHARS`.
"""
from __future__ import annotations

import numpy as np

from rnnviz.guards.cleaner import clean
from rnnviz.guards.problems import InputProblem
from rnnviz.lessons import PAD, TRAINABLE, Lesson, Vocabulary

MAX_WORDS = 40
MAX_WORD_LENGTH = 24
MAX_TEXT = 3000
MIN_TEXT = 8
MAX_DISTINCT = 80
WINDOW = 16
# Characters each source's text box accepts, and the most the lesson builders take.
MAX_CHARS = {"words": MAX_WORDS * (MAX_WORD_LENGTH + 1), "text": MAX_TEXT}


def _cleaned(text: str, source: str) -> str:
    cleaned = clean(text, MAX_CHARS[source])
    if cleaned.cut:
        raise InputProblem("train.problem.text_too_long", count=len(text),
                           limit=MAX_CHARS[source])
    return cleaned.text


def _lesson(key: str, samples: list[str], inputs: list[str], targets: list[str]) -> Lesson:
    vocab = Vocabulary.of_characters(samples, pad=True)
    if len(vocab) - 1 > MAX_DISTINCT:
        raise InputProblem("train.problem.too_many_characters", count=len(vocab) - 1,
                           limit=MAX_DISTINCT)
    length = max(len(s) for s in inputs)
    x = np.zeros((len(inputs), length), dtype=np.int64)
    y = np.zeros((len(inputs), length), dtype=np.int64)
    for i, (a, b) in enumerate(zip(inputs, targets)):
        x[i, : len(a)] = vocab.ids(a)
        y[i, : len(b)] = vocab.ids(b)
    return Lesson(
        key=key, task="many_to_many", samples=tuple(samples), vocab=vocab, labels=vocab.tokens,
        x=x, y=y, input_encoding="identity_embedding", mask_zero=True, cell="SimpleRNN",
        units=16, head_activation="softmax", optimizer="Adam", learning_rate=0.02, epochs=300,
        batch_size=8, shuffle=True, target_accuracy=1.0,
    )


def from_words(text: str) -> Lesson:
    """Each word is one sequence: `hello` reads `hell` and predicts `ello`."""
    words = _cleaned(text, "words").split()
    if not words:
        raise InputProblem("train.problem.empty")
    if len(words) > MAX_WORDS:
        raise InputProblem("train.problem.too_many_words", count=len(words), limit=MAX_WORDS)
    long = [w for w in words if len(w) > MAX_WORD_LENGTH]
    if long:
        raise InputProblem("train.problem.word_too_long", limit=MAX_WORD_LENGTH)
    words = [w for w in words if len(w) >= 2]
    if not words:
        raise InputProblem("train.problem.words_too_short")
    return _lesson("words", words, [w[:-1] for w in words], [w[1:] for w in words])


def from_text(text: str) -> Lesson:
    """The text cut into windows of `WINDOW` characters, each predicting the next character."""
    text = _cleaned(text, "text")
    if not text:
        raise InputProblem("train.problem.empty")
    if len(text) < MIN_TEXT:
        raise InputProblem("train.problem.text_too_short", limit=MIN_TEXT)
    starts = range(0, len(text) - 1, WINDOW)
    inputs = [text[s : min(s + WINDOW, len(text) - 1)] for s in starts]
    targets = [text[s + 1 : s + 1 + len(a)] for s, a in zip(starts, inputs)]
    return _lesson("text", [text], inputs, targets)


SOURCES: tuple[str, ...] = (*TRAINABLE, "words", "text")


def make_lesson(source: str, text: str = "") -> Lesson:
    """The lesson a source names: a preset of LESSONS.md, or one built from `text`."""
    if source in TRAINABLE:
        return TRAINABLE[source]()
    if source == "words":
        return from_words(text)
    if source == "text":
        return from_text(text)
    raise InputProblem("train.problem.source", value=source)


def _spell(lesson: Lesson, ids: np.ndarray) -> list[str]:
    return [lesson.vocab.tokens[i] for i in ids if lesson.vocab.tokens[i] != PAD]


def _join(lesson: Lesson, tokens: list[str]) -> str:
    return " ".join(tokens) if any(len(t) > 1 for t in tokens) else "".join(tokens)


def data_rows(lesson: Lesson, limit: int = 12) -> list[tuple[str, str]]:
    """(input, target) of the first `limit` samples, spelled in tokens."""
    rows = []
    for x, y in zip(lesson.x[:limit], lesson.y[:limit]):
        source = _join(lesson, _spell(lesson, x))
        if lesson.task == "many_to_many":
            target = _join(lesson, [lesson.labels[i] for i in y[: len(_spell(lesson, x))]])
        else:
            target = lesson.labels[int(y)]
        rows.append((source, target))
    return rows


def step_names(lesson: Lesson) -> list[str]:
    """Names of the timesteps of a many-to-many lesson: `t3 l→l` when there is one sample,
    so the per-step accuracy chart says which input each line reads."""
    steps = lesson.x.shape[1]
    if len(lesson.x) != 1:
        return [f"t{t + 1}" for t in range(steps)]
    return [f"t{t + 1} {lesson.vocab.tokens[a]}→{lesson.labels[b]}"
            for t, (a, b) in enumerate(zip(lesson.x[0], lesson.y[0]))]
