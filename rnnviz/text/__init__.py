"""Every user-facing string, in Korean and English, behind one lookup.

Each area of the app keeps its strings in its own module here (`common`, `step`, `lab`,
`train`, ...) as `TEXT = {"area.name": {"en": ..., "ko": ...}}`, so engineers never edit the
same file. Modules are discovered, not listed: adding `rnnviz/text/<area>.py` is enough.
"""
from __future__ import annotations

import importlib
import pkgutil

LANGUAGES: tuple[str, ...] = ("ko", "en")

Entry = dict[str, str]


def _discover() -> dict[str, dict[str, Entry]]:
    areas: dict[str, dict[str, Entry]] = {}
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            areas[info.name] = importlib.import_module(f"{__name__}.{info.name}").TEXT
    return areas


AREAS: dict[str, dict[str, Entry]] = _discover()
CATALOGUE: dict[str, Entry] = {
    key: entry for area in AREAS.values() for key, entry in area.items()
}


def t(key: str, lang: str, **fmt: object) -> str:
    """The text for `key` in `lang`, formatted with `fmt`.

    Always goes through `str.format`, so a literal brace is written `{{` in every entry and a
    missing placeholder value fails loudly instead of showing `{name}` to a class.
    Raises KeyError for an unknown key or language, which tests turn into a missing-key report.
    """
    return CATALOGUE[key][lang].format(**fmt)
