"""The Train page in Streamlit's AppTest: presets, live progress, controls, bad input."""
from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.text import CATALOGUE, t

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "train.py")


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    yield at
    reset = [b for b in at.button if b.key == "train.reset" and not b.disabled]
    if reset:
        reset[0].click().run()


def status_line(at: AppTest) -> str:
    lines = [m.value for m in at.markdown if " / " in m.value and m.value.startswith("**")]
    return lines[0] if lines else ""


def rerun_until(at: AppTest, condition: Callable[[AppTest], bool], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition(at):
        assert time.monotonic() < deadline, f"timed out; status: {status_line(at)!r}"
        time.sleep(0.3)
        at.run()


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def test_page_opens_with_the_lesson_model_summary(app: AppTest) -> None:
    no_traceback(app)
    app.selectbox(key="train.source").set_value("L4").run()
    table = app.table[0].value
    assert table.iloc[:, -1].tolist() == [144, 81]
    assert any("225" in c.value for c in app.caption)
    assert app.number_input(key="train.epochs.L4").value == 200
    assert app.button(key="train.start").disabled is False
    assert app.button(key="train.pause").disabled is True
    assert [i.value for i in app.info if i.value == t("train.idle", "en")]


def test_l1_trains_to_ello_with_curves_and_resets(app: AppTest) -> None:
    app.selectbox(key="train.source").set_value("L1").run()
    app.button(key="train.start").click().run()
    no_traceback(app)
    rerun_until(app, lambda at: t("train.state.finished", "en") in status_line(at))
    line = status_line(app)
    assert "epoch 100 / 100" in line and "accuracy 100%" in line
    assert len(app.get("plotly_chart")) == 3  # loss, accuracy, accuracy per timestep
    assert any(t("train.step_hint", "en") == c.value for c in app.caption)
    assert app.button(key="train.start").disabled is False
    app.button(key="train.reset").click().run()
    assert not status_line(app)
    assert app.button(key="train.reset").disabled is True


def test_pause_resume_stop_from_the_buttons(app: AppTest) -> None:
    # Three 64-unit LSTM layers for 5,000 epochs: minutes of work, however slow the machine.
    app.selectbox(key="train.source").set_value("text").run()
    app.selectbox(key="train.cell.text").set_value("LSTM").run()
    app.number_input(key="train.units.text").set_value(64).run()
    app.number_input(key="train.layers.text").set_value(3).run()
    app.number_input(key="train.epochs.text").set_value(5000).run()
    app.button(key="train.start").click().run()
    rerun_until(app, lambda at: t("train.state.running", "en") in status_line(at)
                and "epochs/s" in status_line(at))
    assert app.button(key="train.start").disabled is True
    app.button(key="train.pause").click().run()
    rerun_until(app, lambda at: t("train.state.paused", "en") in status_line(at))
    app.button(key="train.resume").click().run()
    rerun_until(app, lambda at: t("train.state.paused", "en") not in status_line(at))
    app.button(key="train.stop").click().run()
    rerun_until(app, lambda at: t("train.state.stopped", "en") in status_line(at))
    no_traceback(app)
    assert app.get("download_button")


def test_learning_rate_10_shows_why_it_stopped(app: AppTest) -> None:
    app.selectbox(key="train.source").set_value("L4").run()
    app.number_input(key="train.lr.L4").set_value(10.0).run()
    assert not app.warning
    app.button(key="train.start").click().run()
    rerun_until(app, lambda at: t("train.state.diverged", "en") in status_line(at))
    assert any("diverged" in e.value and "smaller learning rate" in e.value for e in app.error)
    no_traceback(app)


@pytest.mark.parametrize(("source", "text", "key"), [
    ("words", "", "train.problem.empty"),
    ("words", "\u200b\u200d\ufeff\x00", "train.problem.empty"),
    ("words", "a b", "train.problem.words_too_short"),
    ("words", "ab " * 100, "train.problem.too_many_words"),
], ids=["empty", "invisible", "one-letter", "many-words"])
def test_bad_text_gets_a_message_not_a_traceback(app: AppTest, source: str, text: str,
                                                  key: str) -> None:
    app.selectbox(key="train.source").set_value(source).run()
    app.text_area(key=f"train.text.{source}").set_value(text).run()
    no_traceback(app)
    assert [w.value for w in app.warning] and key.startswith("train.problem.")
    assert app.warning[0].value.startswith(CATALOGUE[key]["en"].split("{")[0][:12])


def test_own_words_build_a_model_with_their_vocabulary(app: AppTest) -> None:
    app.selectbox(key="train.source").set_value("words").run()
    app.text_area(key="train.text.words").set_value("가나다 라마 🙂🙂!").run()
    no_traceback(app)
    assert not app.warning
    data = app.dataframe[0].value
    assert data.iloc[:, 0].tolist() == ["가나", "라", "🙂🙂"]


def test_korean_page(app: AppTest) -> None:
    app.query_params["lang"] = "ko"
    app.run()
    assert app.title[0].value == t("train.title", "ko")
    assert app.button(key="train.start").label == "시작"


def test_tensorflow_is_ready_after_the_page_asked_for_it(app: AppTest) -> None:
    deadline = time.monotonic() + 120
    while not keras_runtime.is_ready():
        assert time.monotonic() < deadline
        time.sleep(0.2)
    app.run()
    assert not [i for i in app.info if i.value == t("train.loading_tensorflow", "en")]


def test_start_uses_settings_changed_just_before_it(app: AppTest) -> None:
    app.selectbox(key="train.source").set_value("L7").run()
    app.number_input(key="train.epochs.L7").set_value(40)
    app.button(key="train.start").click().run()  # both reach the server in one rerun
    rerun_until(app, lambda at: "/ 40" in status_line(at))
    rerun_until(app, lambda at: t("train.state.finished", "en") in status_line(at))
