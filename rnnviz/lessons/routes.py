"""Where each lesson of LESSONS.md runs in the app, and what a `?lesson=` address asks for.

A teacher writes `/?lesson=L4` on the board; the home page lists the same links. This module
says which page runs each lesson and which of that page's own presets it starts from, and reads
what a visitor typed after `lesson=` into one of those routes, or a sentence saying why not.
It knows nothing of Streamlit: `rnnviz.ui.lesson_link` does the page switching.
"""
from __future__ import annotations

from dataclasses import dataclass

from rnnviz.guards.cleaner import clean
from rnnviz.guards.problems import InputProblem

HOME = "pages/home.py"
# A value longer than any lesson key is shown shortened in the message, never whole.
SHOWN_CHARS = 12


@dataclass(frozen=True)
class LessonRoute:
    """One lesson and the page that runs it.

    `setup` is the target page's own name for the lesson's starting point: the Train page's
    source, the Keras lab's preset, Step-through's model, By hand's example, the Language
    model's corpus and the Gradients page's source."""

    key: str
    page: str
    setup: str = ""


ROUTES: tuple[LessonRoute, ...] = (
    LessonRoute("L1", "pages/step_through.py", "hello"),
    LessonRoute("L2", "pages/keras_lab.py", "L2_batch"),
    LessonRoute("L3", "pages/train.py", "L3"),
    LessonRoute("L4", "pages/train.py", "L4"),
    LessonRoute("L5", "pages/keras_lab.py", "L5_lstm"),
    LessonRoute("L6", "pages/language_model.py", "pydoc"),
    LessonRoute("L7", "pages/by_hand.py", "hello"),
    LessonRoute("L8", "pages/gradients.py", "untrained"),
)
BY_KEY: dict[str, LessonRoute] = {route.key: route for route in ROUTES}


def lesson_route(value: str | None) -> LessonRoute | None:
    """The route a `lesson=` value names, or None when the address names no lesson.

    Case and surrounding spaces do not matter (`l4`, ` L4 `); a bare number works too (`4`).
    Anything else raises InputProblem `home.unknown_lesson` with the value cleaned and
    shortened, so a hostile or huge parameter is shown as a few plain characters."""
    if value is None or not value.strip():
        return None
    key = value.strip().upper()
    key = key if key.startswith("L") else f"L{key}"
    if key in BY_KEY:
        return BY_KEY[key]
    shown = clean(value, SHOWN_CHARS).text + ("…" if len(value) > SHOWN_CHARS else "")
    raise InputProblem("home.unknown_lesson", value=shown, first=ROUTES[0].key,
                       last=ROUTES[-1].key)
