"""`?lesson=` values read into the page that runs the lesson, or refused with one sentence."""
from __future__ import annotations

from pathlib import Path

import pytest

from rnnviz.byhand.examples import LESSONS as BY_HAND_EXAMPLES
from rnnviz.guards.problems import InputProblem, say
from rnnviz.lab import PRESETS
from rnnviz.lessons import TRAINABLE
from rnnviz.lessons.routes import HOME, ROUTES, SHOWN_CHARS, lesson_route
from rnnviz.pretrained import catalogue

REPO = Path(__file__).resolve().parents[1]
# Each page's own names for where a lesson starts (see LessonRoute.setup).
SETUPS = {
    "pages/step_through.py": {p.key for p in catalogue()},
    "pages/keras_lab.py": set(PRESETS),
    "pages/train.py": set(TRAINABLE),
    "pages/by_hand.py": set(BY_HAND_EXAMPLES),
    "pages/language_model.py": {"pydoc"},
    "pages/gradients.py": {"untrained"},
}


def test_the_lessons_come_in_course_order_each_on_a_page_that_exists() -> None:
    assert [route.key for route in ROUTES] == [f"L{n}" for n in range(1, 9)]
    for route in ROUTES:
        assert (REPO / route.page).is_file(), route
    assert (REPO / HOME).is_file()


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.key)
def test_each_lesson_starts_from_a_setup_its_page_knows(route) -> None:
    assert route.setup in SETUPS[route.page]


@pytest.mark.parametrize("value", ["L4", "l4", " L4 ", "4", "\tl4\n"])
def test_a_lesson_key_is_read_whatever_its_case_or_spacing(value: str) -> None:
    route = lesson_route(value)
    assert route is not None
    assert (route.key, route.page, route.setup) == ("L4", "pages/train.py", "L4")


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_lesson_in_the_address_is_no_request(value: str | None) -> None:
    assert lesson_route(value) is None


@pytest.mark.parametrize("value", [
    "L9", "L0", "L", "L44", "lesson4", "x", "-1", "L4;L5", "<script>alert(1)</script>",
    "**L4**", "L\u202e4", "L4\x00", "한국어", "L" * 10_000,
])
def test_anything_else_is_refused_with_a_short_plain_value(value: str) -> None:
    with pytest.raises(InputProblem) as caught:
        lesson_route(value)
    problem = caught.value
    assert problem.key == "home.unknown_lesson"
    assert (problem.values["first"], problem.values["last"]) == ("L1", "L8")
    shown = problem.values["value"]
    assert len(shown) <= SHOWN_CHARS + 1
    assert shown.endswith("…") == (len(value) > SHOWN_CHARS)
    assert "\x00" not in shown and "\u202e" not in shown
    for lang in ("en", "ko"):
        sentence = say(problem, lang)
        assert "<script>" not in sentence and "**L4**" not in sentence
