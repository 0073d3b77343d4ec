"""Lesson L8's map of RNN shapes, each drawn as boxes and arrows and tied to the page (and
lesson) in the app that runs it.

A diagram is a list of nodes (column, row, role) and arrows between them; rows are 0 for the
inputs x, 1 (and 2 for a second layer or direction) for the hidden states, then the outputs y.
"""
from __future__ import annotations

from dataclasses import dataclass

Node = tuple[float, float, str]  # column, row, role: "x" | "h" | "y"
Arrow = tuple[tuple[float, float], tuple[float, float]]


@dataclass(frozen=True)
class Shape:
    key: str  # text keys gradients.shape.<key> / gradients.shape_use.<key>
    page: str  # the page in the app that runs it
    lesson: str
    nodes: tuple[Node, ...]
    arrows: tuple[Arrow, ...]
    half_width: float = 0.3  # of a box, in columns


def _chain(columns: range, row: float) -> tuple[Arrow, ...]:
    return tuple(((c, row), (c + 1, row)) for c in list(columns)[:-1])


def _up(columns: range | tuple[int, ...], low: float, high: float) -> tuple[Arrow, ...]:
    return tuple(((c, low), (c, high)) for c in columns)


def _nodes(columns: range | tuple[float, ...] | list[float], row: float,
           role: str) -> tuple[Node, ...]:
    return tuple((c, row, role) for c in columns)


T = range(3)
_LEFT = [c - 0.22 for c in T]  # a bidirectional layer's forward row
_RIGHT = [c + 0.22 for c in T]  # and its backward row

# The navigation title of each page (text catalogue keys), for the links to it here and on
# the home page; its icon is under the same key + "_icon".
PAGE_TITLES: dict[str, str] = {
    "pages/step_through.py": "common.nav_step", "pages/keras_lab.py": "common.nav_lab",
    "pages/train.py": "common.nav_train", "pages/by_hand.py": "byhand.nav",
    "pages/language_model.py": "lm.nav", "pages/gradients.py": "gradients.nav",
}

SHAPES: tuple[Shape, ...] = (
    Shape("one_to_one", "pages/by_hand.py", "L1",
          _nodes((1,), 0, "x") + _nodes((1,), 1, "h") + _nodes((1,), 2, "y"),
          _up((1,), 0, 1) + _up((1,), 1, 2)),
    Shape("one_to_many", "pages/language_model.py", "L6",
          _nodes((0,), 0, "x") + _nodes(T, 1, "h") + _nodes(T, 2, "y"),
          _up((0,), 0, 1) + _chain(T, 1) + _up(T, 1, 2)),
    Shape("many_to_one", "pages/train.py", "L3 · L4",
          _nodes(T, 0, "x") + _nodes(T, 1, "h") + _nodes((2,), 2, "y"),
          _up(T, 0, 1) + _chain(T, 1) + _up((2,), 1, 2)),
    Shape("many_to_many", "pages/step_through.py", "L1",
          _nodes(T, 0, "x") + _nodes(T, 1, "h") + _nodes(T, 2, "y"),
          _up(T, 0, 1) + _chain(T, 1) + _up(T, 1, 2)),
    Shape("encoder_decoder", "pages/keras_lab.py", "L5",
          _nodes(range(2), 0, "x") + _nodes(range(4), 1, "h") + _nodes(range(2, 4), 2, "y"),
          _up(range(2), 0, 1) + _chain(range(4), 1) + _up(range(2, 4), 1, 2)),
    Shape("stacked", "pages/train.py", "L3 · L4",
          _nodes(T, 0, "x") + _nodes(T, 1, "h") + _nodes(T, 2, "h") + _nodes(T, 3, "y"),
          _up(T, 0, 1) + _chain(T, 1) + _up(T, 1, 2) + _chain(T, 2) + _up(T, 2, 3)),
    # The two directions sit a little apart, so the arrows that skip a row pass beside it.
    Shape("bidirectional", "pages/keras_lab.py", "L5",
          _nodes(T, 0, "x") + _nodes(_LEFT, 1, "h") + _nodes(_RIGHT, 2, "h") + _nodes(T, 3, "y"),
          tuple(((c, 0), (f, 1)) for c, f in zip(T, _LEFT))
          + tuple(((c, 0), (b, 2)) for c, b in zip(T, _RIGHT))
          + tuple(((f, 1), (g, 1)) for f, g in zip(_LEFT, _LEFT[1:]))
          + tuple(((b, 2), (a, 2)) for a, b in zip(_RIGHT, _RIGHT[1:]))
          + tuple(((f, 1), (c, 3)) for c, f in zip(T, _LEFT))
          + tuple(((b, 2), (c, 3)) for c, b in zip(T, _RIGHT)),
          half_width=0.2),
)
