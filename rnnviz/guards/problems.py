"""Input the app refuses or trims, said in a sentence in the visitor's language.

Code that checks input never formats text for the page: it raises `InputProblem` or returns
`Message`s, each a text key (`train.problem.empty`, `lab.notice_word_cut`, ...) with the
values for its placeholders. `say` is the one translator: it escapes every value for
Markdown, because values can hold what a visitor typed or what an uploaded file said, and
every Streamlit message renders Markdown. Numbers stay numbers, so `{loss:.4f}` still formats.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Number

from rnnviz.guards.markdown import literal
from rnnviz.text import t


@dataclass(frozen=True)
class Message:
    """A user-facing sentence as a text key and its placeholder values."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)


class InputProblem(ValueError):
    """Input the page explains instead of using: a `Message` raised."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(key)
        self.message = Message(key, values)

    @property
    def key(self) -> str:
        return self.message.key

    @property
    def values(self) -> Mapping[str, object]:
        return self.message.values


def say(message: Message | InputProblem, lang: str) -> str:
    """The sentence in `lang`, every value shown literally in Markdown."""
    if isinstance(message, InputProblem):
        message = message.message
    return t(message.key, lang, **{k: _shown(v) for k, v in message.values.items()})


def _shown(value: object) -> object:
    return value if isinstance(value, Number) and not isinstance(value, bool) else literal(value)
