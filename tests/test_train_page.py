"""The Train page in Streamlit's AppTest: presets, live progress, controls, bad input."""
from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.lessons import five_words
from rnnviz.trainer import SessionTrainer, TrainingRun, defaults_for
from rnnviz.text import CATALOGUE, t
from tests.live_pages import rerun_until, status_line

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


APP = str(Path(__file__).resolve().parents[1] / "app.py")


def trainer_of(at: AppTest):
    return at.session_state["shared.owned"].item


def test_settings_survive_a_visit_to_another_page() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/train.py").run()
    at.selectbox(key="train.source").set_value("words").run()
    at.text_area(key="train.text.words").set_value("rhythm blues").run()
    at.number_input(key="train.epochs.words").set_value(120).run()
    at.segmented_control(key="train.pace").set_value("step").run()
    at.switch_page("pages/step_through.py").run()
    assert "train.source" not in [w.key for w in at.selectbox]
    at.switch_page("pages/train.py").run()
    no_traceback(at)
    assert at.selectbox(key="train.source").value == "words"
    assert at.text_area(key="train.text.words").value == "rhythm blues"
    assert at.number_input(key="train.epochs.words").value == 120
    assert at.segmented_control(key="train.pace").value == "step"
    at.session_state["lang"] = "ko"  # every label changes: Streamlit sees new widgets
    at.run()
    assert at.number_input(key="train.epochs.words").value == 120
    assert at.number_input(key="train.units.words").value == 16


def test_the_step_caption_says_what_this_run_learned_first_and_last(app: AppTest) -> None:
    app.button(key="train.start").click().run()
    rerun_until(app, lambda at: t("train.state.finished", "en") in status_line(at))
    history = trainer_of(app).run.history()
    steps = history.step_accuracy
    learned = []
    for column in steps.T:  # the last epoch each step was still wrong, plus one
        wrong = np.flatnonzero(column < 1.0)
        learned.append(int(wrong[-1]) + 1 if len(wrong) else 0)
    names = ["t1 h→e", "t2 e→l", "t3 l→l", "t4 l→o"]
    captions = [c.value for c in app.caption]
    if min(learned) == max(learned):
        expected = t("train.step_order_tie", "en", epoch=learned[0])
    else:
        first, last = learned.index(min(learned)), learned.index(max(learned))
        expected = t("train.step_order", "en", first=names[first], first_epoch=min(learned),
                     last=names[last], last_epoch=max(learned))
    assert expected in captions
    assert not any("learned last" in c for c in captions)  # no claim the run may contradict


def test_data_of_one_sequence_is_singular(app: AppTest) -> None:
    labels = [e.label for e in app.expander]
    assert t("train.data_one", "en") in labels and "1 sequences" not in " ".join(labels)
    app.selectbox(key="train.source").set_value("L4").run()
    assert t("train.data", "en", count=5) in [e.label for e in app.expander]


def test_a_model_opened_from_a_file_says_so_not_epoch_0_of_0(app: AppTest) -> None:
    lesson = five_words()
    run = TrainingRun(lesson, replace(defaults_for(lesson), epochs=20))
    assert run.join(60)
    data = run.keras_file()
    run.close()
    app.selectbox(key="train.source").set_value("L4").run()
    trainer_of(app).load(lesson, data)
    rerun_until(app, lambda at: t("train.state.loaded", "en") in status_line(at)
                if status_line(at) else bool(loaded_line(at)))
    line = loaded_line(app)
    assert line.startswith(f"**{t('train.state.loaded', 'en')}") and "0 / 0" not in line
    no_traceback(app)


def loaded_line(at: AppTest) -> str:
    lines = [m.value for m in at.markdown
             if m.value.startswith(f"**{t('train.state.loaded', 'en')}")]
    return lines[0] if lines else ""


def test_start_stays_disabled_while_paused_and_step_mode_waits_for_a_click(
    app: AppTest,
) -> None:
    app.selectbox(key="train.source").set_value("L4").run()
    app.segmented_control(key="train.pace").set_value("step").run()
    app.button(key="train.start").click().run()
    rerun_until(app, lambda at: t("train.state.paused", "en") in status_line(at)
                and "epoch 1 /" in status_line(at))
    assert app.button(key="train.start").disabled  # paused is not done
    assert app.button(key="train.resume").label == t("train.next_epoch", "en")
    app.button(key="train.resume").click().run()
    rerun_until(app, lambda at: "epoch 2 /" in status_line(at)
                and t("train.state.paused", "en") in status_line(at))
    app.segmented_control(key="train.pace").set_value("real").run()
    app.button(key="train.resume").click().run()
    rerun_until(app, lambda at: t("train.state.finished", "en") in status_line(at))
    assert "epoch 200 / 200" in status_line(app)


def test_too_much_work_is_refused_with_a_message(app: AppTest) -> None:
    app.selectbox(key="train.source").set_value("text").run()
    app.selectbox(key="train.cell.text").set_value("LSTM").run()
    app.number_input(key="train.units.text").set_value(64).run()
    app.number_input(key="train.layers.text").set_value(3).run()
    app.number_input(key="train.batch.text").set_value(1).run()
    app.text_area(key="train.text.text").set_value("the cat sat on the mat. " * 120).run()
    app.number_input(key="train.epochs.text").set_value(5000).run()
    warnings = [w.value for w in app.warning]
    assert any("more than this shared server allows" in w for w in warnings)
    assert app.button(key="train.start").disabled


def test_a_failing_action_becomes_a_message(app: AppTest, monkeypatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("/secret/path exploded")

    monkeypatch.setattr(SessionTrainer, "start", broken)
    app.button(key="train.start").click().run()
    no_traceback(app)
    assert app.error and "/secret/path" not in app.error[0].value


def test_a_failed_tensorflow_import_is_said_not_loading_forever(monkeypatch) -> None:
    monkeypatch.setattr(keras_runtime, "start_loading", lambda: None)
    monkeypatch.setattr(keras_runtime, "is_ready", lambda: False)
    monkeypatch.setattr(keras_runtime, "failure",
                        lambda: "ImportError: libtensorflow_cc.so.2: cannot open *shared*")
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    no_traceback(at)
    errors = [e.value for e in at.error]
    assert any("could not be loaded" in e and r"\*shared\*" in e for e in errors), errors
    assert not [i for i in at.info if i.value == t("train.loading_tensorflow", "en")]
