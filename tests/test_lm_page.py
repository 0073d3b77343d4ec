"""The Language model page in Streamlit's AppTest: train, pause, stop, reset, generate, pasted
text with bad input, both languages."""
from __future__ import annotations

import time
import base64
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.lm.corpus import MAX_VOCABULARY, MAX_WORDS, MIN_WORDS, default_corpus
from rnnviz.text import t
from tests.live_pages import rerun_until, status_line, written_text

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "language_model.py")


def open_page(lang: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    return at


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = open_page("en")
    yield at
    reset = [b for b in at.button if b.key == "lm.reset" and not b.disabled]
    if reset:
        reset[0].click().run()


def values(encoded: dict | list) -> np.ndarray:
    """A plotly trace's array, which plotly sends base64-encoded."""
    if isinstance(encoded, list):
        return np.array(encoded, dtype=float)
    return np.frombuffer(base64.b64decode(encoded["bdata"]), dtype=encoded["dtype"])


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def epoch_of(at: AppTest) -> int:
    return int(status_line(at).split("epoch ")[1].split(" /")[0])


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_page_opens_with_the_corpus_and_the_book_settings(lang: str) -> None:
    at = open_page(lang)
    no_traceback(at)
    assert at.title[0].value == t("lm.title", lang)
    corpus = default_corpus()
    assert any(m.value == t("lm.corpus_size", lang, words=1000, vocab=corpus.vocab_size)
               for m in at.markdown)
    assert [at.number_input(key=k).value for k in
            ("lm.wordvec", "lm.hidden", "lm.batch", "lm.time", "lm.lr", "lm.epochs")] == \
        [100, 100, 10, 5, 0.1, 100]
    assert at.toggle(key="lm.clip").value is False
    assert at.info[0].value == t("lm.idle", lang)
    assert at.button(key="lm.pause").disabled and at.button(key="lm.reset").disabled
    # Perplexity explained: p = 0.8 gives 1.25, p = 0.2 gives 5, uniform gives the vocabulary.
    table = at.table[0].value
    assert table.iloc[:, 1].tolist() == pytest.approx([1.25, 2, 5, corpus.vocab_size])


def test_trains_to_single_digits_and_writes(app: AppTest) -> None:
    app.button(key="lm.start").click().run()
    rerun_until(app, lambda at: "Finished" in status_line(at))
    no_traceback(app)
    line = status_line(app)
    assert "epoch 100 / 100" in line and "words/s" in line
    assert float(line.split("perplexity ")[1].split(" ")[0]) < 10
    slider = next(s for s in app.select_slider if s.key.startswith("lm.gen_epoch."))
    assert slider.value == 100
    written = written_text(app)
    assert written.startswith("the ▸ ")
    words = set(default_corpus().words)
    assert all(w in words for w in written.split("▸ ")[1].split())
    # Another epoch's weights write something else; the untrained model babbles.
    slider.set_value(0).run()
    assert written_text(app) != written


def test_pause_resume_stop_and_reset(app: AppTest) -> None:
    app.number_input(key="lm.epochs").set_value(500).run()
    app.number_input(key="lm.hidden").set_value(300).run()
    app.button(key="lm.start").click().run()
    rerun_until(app, lambda at: "Training" in status_line(at) and epoch_of(at) >= 1)
    app.button(key="lm.pause").click().run()
    rerun_until(app, lambda at: "Paused" in status_line(at))
    paused_at = epoch_of(app)
    time.sleep(1.0)
    app.run()
    assert epoch_of(app) == paused_at
    app.button(key="lm.resume").click().run()
    rerun_until(app, lambda at: epoch_of(at) > paused_at)
    app.button(key="lm.stop").click().run()
    rerun_until(app, lambda at: "Stopped" in status_line(at))
    assert epoch_of(app) < 500
    assert app.button(key="lm.start").disabled is False
    app.button(key="lm.reset").click().run()
    no_traceback(app)
    assert status_line(app) == ""
    assert app.info[0].value == t("lm.idle", "en")


def test_unknown_prompt_words_get_a_message(app: AppTest) -> None:
    app.number_input(key="lm.epochs").set_value(2).run()
    app.button(key="lm.start").click().run()
    rerun_until(app, lambda at: "Finished" in status_line(at))
    app.text_input(key="lm.prompt").set_value("the zyzzyva").run()
    no_traceback(app)
    assert app.warning[0].value == t("lm.problem.unknown_words", "en", words="zyzzyva")
    assert not written_text(app) and app.table  # nothing written; the rest of the page stays


@pytest.mark.parametrize("text, key, values", [
    ("just a few words.", "lm.problem.too_short", {"minimum": MIN_WORDS, "count": 5}),
    ("word " * MAX_WORDS + "word", "lm.problem.too_long",
     {"limit": MAX_WORDS, "count": MAX_WORDS + 2}),
    (" ".join(f"w{i}" for i in range(MAX_VOCABULARY + 1)), "lm.problem.too_many_words",
     {"limit": MAX_VOCABULARY, "count": MAX_VOCABULARY + 2}),
])
def test_pasted_text_with_bad_input(app: AppTest, text: str, key: str, values: dict) -> None:
    app.segmented_control(key="lm.source").set_value("paste").run()
    app.text_area(key="lm.paste").set_value(text).run()
    no_traceback(app)
    assert app.warning[0].value == t(key, "en", **values)
    assert not [b for b in app.button if b.key == "lm.start"]


def test_pasted_text_trains(app: AppTest) -> None:
    text = " ".join(["the cat sat on the mat. the dog ate the bone."] * 12)
    app.segmented_control(key="lm.source").set_value("paste").run()
    app.text_area(key="lm.paste").set_value(text).run()
    no_traceback(app)
    # 12 x (7 + 6): "the cat sat on the mat <eos>", "the dog ate the bone <eos>".
    assert any(m.value == t("lm.corpus_size", "en", words=156, vocab=9) for m in app.markdown)
    app.number_input(key="lm.epochs").set_value(20).run()
    app.button(key="lm.start").click().run()
    rerun_until(app, lambda at: "Finished" in status_line(at))
    assert float(status_line(app).split("perplexity ")[1].split(" ")[0]) < 3


def test_cell_choice_puts_every_trained_cell_on_one_chart(app: AppTest) -> None:
    app.number_input(key="lm.epochs").set_value(5).run()
    for cell in ("SimpleRNN", "GRU"):
        app.selectbox(key="lm.cell").set_value(cell).run()
        app.button(key="lm.start").click().run()
        rerun_until(app, lambda at: f"**{cell} · Finished" in status_line(at))
    no_traceback(app)
    chart = next(c for c in app.get("plotly_chart") if "lm.perplexity_chart" in c.proto.id)
    traces = json.loads(chart.proto.spec)["data"]
    assert [tr["name"] for tr in traces] == ["SimpleRNN", "GRU"]
    curves = [values(trace["y"]) for trace in traces]
    assert [len(y) for y in curves] == [6, 6]  # epoch 0 and five trained epochs
    assert all(y[-1] < y[0] for y in curves)
    which = app.selectbox(key="lm.gen_cell.SimpleRNN-GRU")
    assert which.options == ["SimpleRNN", "GRU"] and which.value == "GRU"
    which.set_value("SimpleRNN").run()
    no_traceback(app)
    assert written_text(app).startswith("the ▸ ")


def test_a_diverging_learning_rate_gets_a_message_and_the_page_carries_on(app: AppTest) -> None:
    app.number_input(key="lm.lr").set_value(10.0).run()
    app.button(key="lm.start").click().run()
    rerun_until(app, lambda at: "Diverged" in status_line(at))
    no_traceback(app)
    assert app.error[0].value == t("lm.msg.diverged", "en", epoch=1)
    slider = next(s for s in app.select_slider if s.key.startswith("lm.gen_epoch."))
    assert slider.options == ["0"]  # only the untrained weights were kept
    assert written_text(app).startswith("the ▸ ")


def test_trains_and_writes_in_korean() -> None:
    at = open_page("ko")
    try:
        at.number_input(key="lm.epochs").set_value(3).run()
        at.button(key="lm.start").click().run()
        rerun_until(at, lambda a: t("train.state.finished", "ko") in status_line(a))
        no_traceback(at)
        line = status_line(at)
        assert t("train.epoch_of", "ko", epoch=3, epochs=3) in line and "퍼플렉서티" in line
        assert any(m.value == t("lm.written", "ko", epoch=3) for m in at.markdown)
        assert written_text(at).startswith("the ▸ ")
    finally:
        at.button(key="lm.reset").click().run()
