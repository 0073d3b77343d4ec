"""Presenter mode in AppTest: `?present=1` turns it on in a new session, in both languages, and
the switch turns it off again, taking the parameter out of the address."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.ui.presenter import KEY, ROOT_PX

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def styled(at: AppTest) -> bool:
    return any(f"font-size: {ROOT_PX}px" in html.value for html in at.get("html"))


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_presenter_link_opens_in_presenter_mode_and_the_switch_leaves_it(lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.query_params[KEY] = "1"
    at.switch_page("pages/step_through.py").run()
    assert not at.exception
    assert at.toggle(key=KEY).value is True and styled(at)
    assert at.query_params[KEY] == "1"
    at.toggle(key=KEY).set_value(False).run()
    assert not styled(at) and KEY not in at.query_params
    # The page's own view is untouched by the switch.
    assert at.session_state["step_text"] == "hell"


def test_without_the_parameter_the_page_is_as_usual() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    assert at.toggle(key=KEY).value is False and not styled(at)
