"""The Train page's settings in the address, read from `TrainSettings` itself.

Every field of the settings dataclass that the page draws a widget for becomes a parameter
named like the field (`units=8&learning_rate=0.01`), typed by the field's annotation, so a
field added to the dataclass (and its widget) is shared without touching this module. Values
are checked by the trainer's own `problems()`: a link cannot ask for more than the form can.
"""
from __future__ import annotations

import math
import typing
from collections.abc import Callable, Collection, Mapping
from dataclasses import fields, replace

from rnnviz.links.params import Choice, Flag, Param, Reading, Real, Text, Whole, read, shown
from rnnviz.trainer.custom import MAX_CHARS, SOURCES
from rnnviz.trainer.settings import TrainSettings, problems

# A setting's text value (a cell or optimizer name) is never longer than this.
NAME_CHARS = 40
SOURCE = Choice("source", "train.source", tuple(SOURCES))
# The Train page's short widget names for a few fields (`train.<name>.<source>`).
SHORT = {"optimizer": "opt", "learning_rate": "lr", "batch_size": "batch", "activation": "act"}
_KINDS: dict[type, Callable[[str, str], Param]] = {
    bool: Flag,
    int: lambda name, key: Whole(name, key, -2**63, 2**63 - 1),
    float: lambda name, key: Real(name, key, -math.inf, math.inf),
    str: lambda name, key: Text(name, key, NAME_CHARS),
}


def text_params(source: str) -> list[Param]:
    """The typed words or text of an own-data source (none for a lesson)."""
    if source not in MAX_CHARS:
        return []
    return [Text("text", f"train.text.{source}", MAX_CHARS[source])]


def settings_params(source: str, drawn: Collection[str]) -> list[Param]:
    """One parameter per settings field the page draws a widget for: its widget is
    `train.<name>.<source>`, `name` the field's (or its `SHORT` name) and one of `drawn`."""
    hints = typing.get_type_hints(TrainSettings)
    out: list[Param] = []
    for field in fields(TrainSettings):
        short = SHORT.get(field.name, field.name)
        if short in drawn and hints[field.name] in _KINDS:
            out.append(_KINDS[hints[field.name]](field.name, f"train.{short}.{source}"))
    return out


def read_settings(params: Collection[Param], query: Mapping[str, str],
                  defaults: TrainSettings) -> Reading:
    """What `query` asks of the settings, each value parsed by its type and then held to
    `problems()`: a field it finds wrong is refused and keeps the page's value."""
    reading = read(params, query)
    by_key = {p.key: p for p in params}
    asked = {by_key[k].name: v for k, v in reading.values.items()}
    wrong = {key.rsplit(".", 1)[-1] for key, _ in problems(replace(defaults, **asked))}
    kept = {k: v for k, v in reading.values.items() if by_key[k].name not in wrong}
    refused = [shown(p.name, query[p.name]) for p in params
               if p.name in wrong and p.key in reading.values]
    return Reading(kept, reading.refused + tuple(refused))
