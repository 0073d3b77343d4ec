"""One address parameter: its name in the URL, the session key it fills, and what it accepts.

A shared link is typed, pasted, shortened by chat apps and edited by curious students, so
every value is checked as hostile text: a parameter that does not parse, or lies outside what
its widget allows, is refused (the page keeps its default) and named in one message. Nothing
here raises on any input.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from rnnviz.guards.cleaner import clean

# How much of a refused value the message shows: enough to recognise it, never a page of it.
SHOWN_CHARS = 16
# No number a widget takes needs more characters than this; longer text is not parsed.
NUMBER_CHARS = 24
TRUE, FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


class Param(Protocol):
    name: str
    key: str

    def parse(self, raw: str) -> Any:
        """The value `raw` stands for; ValueError when it stands for nothing allowed."""

    def write(self, value: Any) -> str:
        """The address text for `value` (what `parse` reads back)."""


@dataclass(frozen=True)
class Choice:
    """One of a widget's options, written as the option's text (`cell=LSTM`, `sentence=2`)."""

    name: str
    key: str
    options: tuple[Any, ...]

    def parse(self, raw: str) -> Any:
        for option in self.options:
            if str(option) == raw.strip():
                return option
        raise ValueError(raw)

    def write(self, value: Any) -> str:
        return str(value)


@dataclass(frozen=True)
class Whole:
    """An integer within a number input's bounds."""

    name: str
    key: str
    low: int
    high: int

    def parse(self, raw: str) -> int:
        text = raw.strip()
        if len(text) > NUMBER_CHARS or not text.lstrip("-").isascii() \
                or not text.lstrip("-").isdigit():
            raise ValueError(raw)
        value = int(text)
        if not self.low <= value <= self.high:
            raise ValueError(raw)
        return value

    def write(self, value: Any) -> str:
        return str(int(value))


@dataclass(frozen=True)
class Real:
    """A finite float within bounds (`lr=0.01`)."""

    name: str
    key: str
    low: float
    high: float

    def parse(self, raw: str) -> float:
        text = raw.strip()
        if len(text) > NUMBER_CHARS or not text.isascii():
            raise ValueError(raw)
        value = float(text)
        if not math.isfinite(value) or not self.low <= value <= self.high:
            raise ValueError(raw)
        return value

    def write(self, value: Any) -> str:
        return format(float(value), ".10g")


@dataclass(frozen=True)
class Flag:
    """A toggle, written 1 or 0."""

    name: str
    key: str

    def parse(self, raw: str) -> bool:
        text = raw.strip().lower()
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        raise ValueError(raw)

    def write(self, value: Any) -> str:
        return "1" if value else "0"


@dataclass(frozen=True)
class Text:
    """What a text box holds, at most `limit` characters (its `max_chars`); a longer value is
    refused rather than silently cut. The text goes into the box as if typed there, where the
    page's own reading cleans it (a multi-line text keeps its lines)."""

    name: str
    key: str
    limit: int

    def parse(self, raw: str) -> str:
        if len(raw) > self.limit:
            raise ValueError(raw)
        return raw

    def write(self, value: Any) -> str:
        return str(value)


@dataclass(frozen=True)
class Reading:
    """What an address asked of some parameters: session values by key, and each refused
    parameter as `name=value` (shortened, cleaned), in the order the page lists them."""

    values: Mapping[str, Any]
    refused: tuple[str, ...]


def shown(name: str, raw: str) -> str:
    """`name=raw` as a message may quote it: invisible characters gone, a few characters."""
    text = clean(raw, SHOWN_CHARS).text
    return f"{name}={text}" + ("…" if len(raw) > SHOWN_CHARS else "")


def read(params: Iterable[Param], query: Mapping[str, str]) -> Reading:
    """The values `query` gives `params`; a parameter the query leaves out is left alone."""
    values: dict[str, Any] = {}
    refused: list[str] = []
    for param in params:
        raw = query.get(param.name)
        if raw is None:
            continue
        try:
            values[param.key] = param.parse(str(raw))
        except (ValueError, OverflowError):
            refused.append(shown(param.name, str(raw)))
    return Reading(values, tuple(refused))


def written(params: Sequence[Param], state: Mapping[str, Any]) -> dict[str, str]:
    """The address for the session values `state` holds, parameter by parameter (a parameter
    whose key is not set yet is left out, so the page's default stands)."""
    return {p.name: p.write(state[p.key]) for p in params
            if p.key in state and state[p.key] is not None}
