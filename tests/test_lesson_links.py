"""`?lesson=` lands on the lesson's state, not only its page: each target page, with a
student's other choice already made, switches to the lesson's preset once, in both
languages; a bad value leaves the student's choice and says so once."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.lab import PRESETS
from rnnviz.lab.form import form_values
from rnnviz.lessons.routes import ROUTES
from rnnviz.text import t

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
# Each lesson page's widget for the lesson's setup, and a different value a student might
# have chosen before following the link.
CHOICE = {
    "pages/step_through.py": ("step_model", "words-lstm"),
    "pages/keras_lab.py": ("lab_cell", "GRU"),
    "pages/train.py": ("train.source", "words"),
    "pages/by_hand.py": ("byhand_example", "grammar"),
    "pages/gradients.py": ("gradients_source", "shipped"),
    "pages/language_model.py": ("lm.source", "paste"),
}


def on_page_with_other_choice(page: str, lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page(page).run()
    key, other = CHOICE[page]
    at.session_state[key] = other
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state[key] == other
    return at


def shows_preset(at: AppTest, route) -> bool:
    """Whether the page's widgets show the route's setup (every field, for a lab preset)."""
    if route.page == "pages/keras_lab.py":
        wanted = form_values(PRESETS[route.setup])
        return all(at.session_state[key] == value for key, value in wanted.items())
    key, _ = CHOICE[route.page]
    return at.session_state[key] == route.setup


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.key)
def test_a_lesson_link_selects_the_lessons_preset_on_its_page(route, lang: str) -> None:
    at = on_page_with_other_choice(route.page, lang)
    assert not shows_preset(at, route)
    at.query_params["lesson"] = route.key
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert shows_preset(at, route)
    assert not at.warning
    key, other = CHOICE[route.page]
    at.session_state[key] = other  # the student's later change stands
    at.run()
    assert at.session_state[key] == other
    assert at.query_params["lesson"] == route.key


def test_step_through_opens_the_hello_model_on_its_example_word() -> None:
    at = on_page_with_other_choice("pages/step_through.py", "en")
    at.session_state["step_pos"] = 3
    at.query_params["lesson"] = "L1"
    at.run()
    assert at.selectbox(key="step_model").value == "hello"
    assert at.text_input(key="step_text").value == "hell"
    assert at.session_state["step_pos"] == 1


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_bad_lesson_keeps_the_students_choice_and_says_so_once(lang: str) -> None:
    at = on_page_with_other_choice("pages/train.py", lang)
    at.query_params["lesson"] = "L99"
    at.run()
    assert not at.exception
    assert at.session_state["train.source"] == "words"
    assert [w.value for w in at.warning] == [
        t("home.unknown_lesson", lang, value="L99", first="L1", last="L8")]
    assert "lesson" not in at.query_params
