"""Text helpers for showing typed tokens and model labels on the page safely: every typed
token reaches Markdown through `rnnviz.guards.markdown.literal`."""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rnnviz.glyphs import shown
from rnnviz.guards.markdown import literal
from rnnviz.stepthrough.tokens import Token
from rnnviz.stepthrough.walk import END, Walk


def listing(tokens: Iterable[Token]) -> str:
    """Typed tokens as Markdown, one space apart, each shown as typed."""
    return literal(" ".join(shown(token.text) for token in tokens))


def label_name(end_text: str, class_name: Callable[[str], str] = str) -> Callable[[str], str]:
    """How a head label reads on screen: the end-of-word class gets a word of its own, a
    class (L3's `negative`) its name from `class_name` in the page's language, a space is ␣."""
    return lambda label: end_text if label == END else shown(class_name(label))


def spelled(walk: Walk, name: Callable[[str], str]) -> tuple[str, str]:
    """What the model read and what it says, as the book writes them: `hell` -> `ello` for
    a next-token model (words joined by spaces for a word-level one), and the one answer of
    a many-to-one model (`lobb` -> `y`)."""
    glue = " " if walk.model.level == "word" else ""
    said = walk.argmax()[-1:] if walk.answers_once else walk.argmax()
    return (glue.join(token.shown for token in walk.tokens),
            glue.join(name(label) for label in said))


def softmax_rows(walk: Walk, name: Callable[[str], str], k: int = 3) -> list[dict]:
    """One row per timestep, ready to print: the input, the k most likely labels, the argmax,
    and the true next token with its probability and -log p where the text says what comes
    next (blank where it does not)."""
    rows = []
    for t, (token, softmax) in enumerate(zip(walk.tokens, walk.softmaxes())):
        rows.append({
            "t": t + 1,
            "input": shown(token.text),
            "top": " · ".join(f"{name(label)} {p:.0%}" for label, p in softmax.top(k)),
            "argmax": name(softmax.argmax),
            "actual": name(softmax.target) if softmax.target is not None else "",
            "p": "" if softmax.p_target is None else f"{softmax.p_target:.3f}",
            "loss": "" if softmax.loss is None else f"{softmax.loss:.3f}",
        })
    return rows


def mean_loss(walk: Walk) -> float | None:
    """Mean -log p over the steps whose next token is known; exp of it is the perplexity."""
    losses = [s.loss for s in walk.softmaxes() if s.loss is not None]
    return sum(losses) / len(losses) if losses and all(map(math.isfinite, losses)) else None


@dataclass(frozen=True)
class TapeCell:
    """One typed token on the tape and the prediction under it."""

    text: str  # as typed, a space as ␣
    known: bool
    predicted: str | None  # argmax after reading it; None where the model says nothing
    correct: bool | None  # whether that is the true next token, when the text says

    def below(self, name: Callable[[str], str]) -> str:
        """What the tape prints under this token: the prediction, a dash under a skipped
        token, nothing under a step a many-to-one model gives no answer after."""
        if not self.known:
            return "–"
        return name(self.predicted) if self.predicted is not None else ""


def tape(walk: Walk) -> tuple[list[TapeCell], list[int]]:
    """Every typed token with the argmax under the ones read, and the tape column of each
    timestep (skipped tokens take a column but no step)."""
    argmax = walk.argmax()
    cells, columns = [], []
    for column, token in enumerate(walk.reading.tokens):
        if not token.known:
            cells.append(TapeCell(shown(token.text), False, None, None))
            continue
        t = len(columns)
        columns.append(column)
        target = walk.target(t)
        predicted = argmax[t] if walk.answers_at(t) else None
        cells.append(TapeCell(shown(token.text), True, predicted,
                              None if target is None else target == argmax[t]))
    return cells, columns


def softmax_table(walk: Walk, t: int, name: Callable[[str], str],
                  tr: Callable[[str], str]) -> tuple[list[str], list[list[str]]]:
    """Every step's softmax as a table's header and rows, step `t` marked; the true next
    token, its p and -log p as columns when the text says what comes next."""
    columns = ["t", "input", "top", "argmax"]
    if walk.predicts_next:
        columns += ["actual", "p", "loss"]
    header = [tr(f"step.col_{c}") for c in columns]
    if not walk.predicts_next:
        header[2] = tr("step.col_classes")
    rows = [[str(row[c]) for c in columns] for row in softmax_rows(walk, name)]
    rows[t][0] = f"▶ {rows[t][0]}"
    return header, rows
