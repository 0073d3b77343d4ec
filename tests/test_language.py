"""The session's language, as `app.py` draws its switch. On a fresh server `/?lang=ko` then a
click on another page gave `/train?lang=None` and English: the first run went through
Streamlit's old pages-directory mode, and the switch drawn there came back empty."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from rnnviz.text import t

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture
def fresh_server() -> Iterator[None]:
    """What a just-started server has: no session has run `st.navigation` yet, so Streamlit
    decides again whether the `pages/` folder means its old multipage mode."""
    before = PagesManager.uses_pages_directory
    PagesManager.uses_pages_directory = None
    yield
    PagesManager.uses_pages_directory = before


def opened(lang: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_language_survives_a_page_change_on_a_fresh_server(
    fresh_server: None, lang: str
) -> None:
    at = opened(lang)
    for page, title in (("pages/keras_lab.py", "lab.title"), ("pages/train.py", "train.title")):
        at.switch_page(page).run()
        assert not at.exception, [e.value for e in at.exception]
        assert at.query_params["lang"] == lang
        assert at.sidebar.button_group(key="lang").value == lang
        assert at.title[0].value == t(title, lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_an_empty_language_switch_is_redrawn_from_the_address(lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["lang"] = lang
    at.session_state["lang"] = None  # what a switch that changed identity comes back with
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["lang"] == lang
    assert at.session_state["lang"] == lang


def test_the_switch_writes_the_chosen_language_to_the_address(fresh_server: None) -> None:
    at = opened("en")
    at.sidebar.button_group(key="lang").set_value("ko").run()
    assert at.query_params["lang"] == "ko"
    assert t("home.intro", "ko") in at.markdown[0].value
