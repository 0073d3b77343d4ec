"""How a token is written wherever the app shows it: whitespace as ␣, padding as ␀.

A space is a real input (and a real next character) of a model trained on text, but printed
as itself it vanishes: a blank chart label, an empty table cell, `p( ) = 1.000`, and Markdown
`** **` that no longer makes bold text. Every view names tokens through `shown` so they all
agree.
"""
from __future__ import annotations

from rnnviz.lessons import PAD

SPACE = "␣"
STAND_INS = {PAD: "␀"}


def shown(token: str) -> str:
    """`token` as it can be seen: padding as ␀, each space, tab or newline as ␣."""
    if token in STAND_INS:
        return STAND_INS[token]
    return "".join(SPACE if c.isspace() else c for c in token)
