"""Invisible characters typed on a page are dropped before any model reads them, and the pages
that keep the typed text on screen say how many went."""
from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from rnnviz.text import t

PAGES = Path(__file__).resolve().parents[1] / "pages"
HIDDEN = "h\u200be\u202el\x00lo"  # zero-width space, right-to-left override, NUL


def run(page: str, **state: object) -> AppTest:
    at = AppTest.from_file(str(PAGES / page), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception
    return at


def test_step_through_reads_the_visible_word_and_says_what_it_dropped() -> None:
    at = run("step_through.py")
    at.text_input(key="step_text").set_value(HIDDEN).run()
    assert not at.exception
    assert t("guards.dropped", "en", count=3) in [c.value for c in at.caption]
    assert not at.warning  # nothing unknown: the model reads h e l l o
    plain = run("step_through.py")
    plain.text_input(key="step_text").set_value("hello").run()
    assert [c.value for c in plain.caption if "removed" in c.value] == []


def test_train_builds_its_lesson_from_the_visible_text() -> None:
    at = run("train.py", **{"train.source": "words"})
    at.text_area(key="train.text.words").set_value(f"{HIDDEN} ␣␀world").run()
    assert not at.exception and not at.warning
    rows = at.dataframe[0].value
    assert list(rows.iloc[:, 0]) == ["hell", "worl"] and list(rows.iloc[:, 1]) == ["ello", "orld"]
