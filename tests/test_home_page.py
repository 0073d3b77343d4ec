"""The home page and `?lesson=` links in Streamlit's AppTest, run inside app.py: the lessons
in course order with a working link each, in both languages; every lesson's address landing
on its page once; bad values answered with one message on a page that still works."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.gradients.shapes import PAGE_TITLES
from rnnviz.guards.markdown import literal
from rnnviz.lessons.routes import ROUTES
from rnnviz.text import t

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
# The title each page draws first, to tell which page a run landed on.
PAGE_HEADINGS = {
    "pages/home.py": "common.app_name", "pages/step_through.py": "step.title",
    "pages/keras_lab.py": "lab.title", "pages/train.py": "train.title",
    "pages/by_hand.py": "byhand.title", "pages/gradients.py": "gradients.title",
    "pages/language_model.py": "lm.title",
}


def opened(lang: str = "en", lesson: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    if lesson is not None:
        at.query_params["lesson"] = lesson
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def on_page(at: AppTest, page: str, lang: str = "en") -> bool:
    return at.title[0].value == t(PAGE_HEADINGS[page], lang)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_first_page_lists_every_lesson_in_order_with_a_link_to_its_page(lang: str) -> None:
    at = opened(lang)
    assert on_page(at, "pages/home.py", lang)
    assert at.markdown[0].value == f"{t('common.tagline', lang)} {t('home.intro', lang)}"
    links, captions = at.main.get("page_link"), at.main.caption
    assert len(links) == len(captions) == len(ROUTES)
    for route, link, caption in zip(ROUTES, links, captions):
        page = PAGE_TITLES[route.page]
        assert link.proto.label == f"**{route.key} · {t(f'home.lesson.{route.key}', lang)}**"
        assert link.proto.page == Path(route.page).stem
        assert link.proto.query_string == f"lesson={route.key}"
        assert link.proto.icon == t(f"{page}_icon", lang)
        assert caption.value == t("home.runs_on", lang, page=t(page, lang),
                                  about=t(f"home.about.{route.key}", lang))
    assert not at.warning


@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.key)
def test_a_lesson_address_lands_on_its_page_and_asks_for_the_lesson_once(route) -> None:
    at = opened("en", route.key.lower())
    assert on_page(at, route.page)
    assert at.query_params["lesson"] == route.key
    assert at.session_state["lesson_link.fresh"] == route
    at.run()
    assert on_page(at, route.page)
    assert at.session_state["lesson_link.fresh"] is None  # the student's changes now stand
    assert not at.warning


def test_the_same_link_asks_again_after_a_visit_elsewhere() -> None:
    at = opened("en", "L3")
    del at.query_params["lesson"]  # as a click in the sidebar clears the address
    at.switch_page("pages/home.py").run()
    assert on_page(at, "pages/home.py")
    assert at.session_state["lesson_link.fresh"] is None
    at.query_params["lesson"] = "L3"
    at.switch_page("pages/train.py").run()
    assert at.session_state["lesson_link.fresh"].key == "L3"


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("value", ["L9", "<b>**L4**</b>", "x" * 5000, "L\u202e1"])
def test_a_bad_lesson_gives_the_home_page_and_one_message(lang: str, value: str) -> None:
    at = opened(lang, value)
    assert on_page(at, "pages/home.py", lang)
    assert len(at.warning) == 1
    shown = at.warning[0].value
    assert shown.startswith(t("home.unknown_lesson", lang, value="", first="L1", last="L8")
                            .split("“")[0])
    assert "<b>" not in shown and len(shown) < 300
    assert "lesson" not in at.query_params  # the address no longer repeats the bad value
    assert len(at.get("page_link")) == len(ROUTES)
    at.run()
    assert not at.warning


def test_the_message_shows_the_value_as_typed() -> None:
    at = opened("en", "L9")
    assert at.warning[0].value == t("home.unknown_lesson", "en", value=literal("L9"),
                                    first="L1", last="L8")


def test_a_bad_lesson_on_another_page_keeps_that_page() -> None:
    at = opened("en")
    at.query_params["lesson"] = "nine"
    at.switch_page("pages/gradients.py").run()
    assert not at.exception
    assert on_page(at, "pages/gradients.py")
    assert len(at.warning) >= 1
    assert at.warning[0].value == t("home.unknown_lesson", "en", value="nine", first="L1",
                                    last="L8")
