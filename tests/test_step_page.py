"""The Step-through page in Streamlit's AppTest: typing, stepping, playing, switching model
and language, the model trained in this session, bad input, and no TensorFlow."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.lessons import hello
from rnnviz.pretrained import load
from rnnviz.stepthrough import LIMIT
from rnnviz.text import t

REPO = Path(__file__).resolve().parents[1]
PAGE = str(REPO / "pages" / "step_through.py")


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    yield at.run()


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def table(at: AppTest) -> list[dict[str, str]]:
    """The softmax table, a row per timestep, cells as shown (escapes and bold removed)."""
    text = next(m.value for m in at.markdown if m.value.startswith("| "))

    def cells(line: str) -> list[str]:
        inner = re.split(r"(?<!\\)\|", line.strip()[1:-1])
        return [c.strip().strip("*").replace("\\", "") for c in inner]

    header, _, *rows = text.splitlines()
    return [dict(zip(cells(header), cells(row))) for row in rows]


def current(at: AppTest) -> str:
    """The heading of the current step, e.g. "Timestep 2 of 4 · input e"."""
    return at.subheader[0].value


def test_opens_on_the_hello_model_reading_hell(app: AppTest) -> None:
    no_traceback(app)
    assert app.text_input(key="step_text").value == "hell"
    assert current(app) == "Timestep 1 of 4 · input h"
    assert app.slider(key="step_pos").max == 4
    assert app.button(key="step_prev").disabled and not app.button(key="step_next").disabled
    blocks = [latex.value for latex in app.latex]
    assert any(r"\tanh(\mathbf{x}_t W_{xh}" in block for block in blocks)
    assert any(r"\boxed{1}" in block for block in blocks)  # the one-hot row of h
    tape = json.loads(app.get("plotly_chart")[0].proto.spec)
    assert tape["layout"]["title"]["text"] == t("step.tape_title", "en", read="hell",
                                                 predicted="ello")
    rows = table(app)
    assert [row["argmax"] for row in rows] == list("ello")  # the argmax spells ello
    assert [row["t"] for row in rows] == ["▶ 1", "2", "3", "4"]
    assert [row["actual next"] for row in rows] == ["e", "l", "l", ""]


def test_typing_and_stepping_move_the_current_step_everywhere(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("hello").run()
    no_traceback(app)
    assert current(app) == "Timestep 1 of 5 · input h"
    app.button(key="step_next").click().run()
    assert current(app) == "Timestep 2 of 5 · input e"
    assert app.slider(key="step_pos").value == 2
    assert table(app)[1]["t"] == "▶ 2"
    app.slider(key="step_pos").set_value(5).run()
    assert current(app) == "Timestep 5 of 5 · input o"
    assert app.button(key="step_next").disabled
    app.button(key="step_prev").click().run()
    assert current(app) == "Timestep 4 of 5 · input l"
    app.text_input(key="step_text").set_value("he").run()  # shorter: the step is clamped
    no_traceback(app)
    assert current(app) == "Timestep 2 of 2 · input e"


def test_play_advances_one_step_per_tick_and_stops_at_the_end(app: AppTest) -> None:
    app.button(key="step_play").click().run()
    assert app.session_state["step_playing"]
    assert app.button(key="step_play").label == t("step.pause", "en")
    for expected in (2, 3, 4):
        time.sleep(0.75)
        app.run()
        no_traceback(app)
        assert current(app).startswith(f"Timestep {expected} of 4")
    time.sleep(0.75)
    app.run()
    assert not app.session_state["step_playing"]
    assert current(app).startswith("Timestep 4 of 4")
    app.button(key="step_play").click().run()  # play again from the start
    assert current(app).startswith("Timestep 1 of 4")


@pytest.mark.parametrize("key, equations", [
    ("words-simplernn", 1), ("words-lstm", 6), ("words-gru", 4),
])
def test_switching_model_opens_its_example_with_its_equations(
    app: AppTest, key: str, equations: int
) -> None:
    app.button(key="step_next").click().run()
    app.selectbox(key="step_model").set_value(key).run()
    no_traceback(app)
    assert app.text_input(key="step_text").value == "hello"
    assert current(app) == "Timestep 1 of 5 · input h"
    assert len(app.latex) == 3  # x_t, the equations, p and -log p
    assert app.latex[1].value.count(r"\begin{aligned}") == equations
    assert app.number_input(key="step_unit_0_0").value == 0  # 32 units: one at a time
    app.number_input(key="step_unit_0_0").set_value(5).run()
    assert any("[5]" in latex.value for latex in app.latex)
    last = table(app)[-1]
    assert last[t("step.col_actual", "en")] == t("step.end", "en")  # then the word ends


def test_the_page_speaks_korean(app: AppTest) -> None:
    app.session_state["lang"] = "ko"
    app.run()
    no_traceback(app)
    assert app.title[0].value == t("step.title", "ko")
    assert current(app) == "시각 1 / 4 · 입력 h"
    assert app.button(key="step_next").label == "다음"


@pytest.mark.parametrize("text", ["", "    "])
def test_empty_input_asks_for_text(app: AppTest, text: str) -> None:
    app.text_input(key="step_text").set_value(text).run()
    no_traceback(app)
    assert app.info[0].value == t("step.empty", "en", unit=t("step.unit_char", "en"))
    assert not app.subheader


def test_text_the_model_cannot_read_is_explained(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("😀 한글").run()
    no_traceback(app)
    assert not app.warning  # nothing is read, so nothing is "greyed out below"
    assert app.error[0].value == t("step.nothing_known", "en", tokens="😀 ␣ 한 글",
                                   vocabulary="h e l o")
    assert not app.subheader


def test_unknown_characters_are_skipped_and_markdown_is_not_rendered(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("he**l**l").run()
    no_traceback(app)
    assert r"\*" in app.warning[0].value
    assert current(app) == "Timestep 1 of 4 · input h"


def test_overlong_input_is_cut_and_says_so(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("hel" * 30).run()
    no_traceback(app)
    assert app.info[0].value == t("step.cut", "en", limit=LIMIT, cut=90 - LIMIT)
    assert app.slider(key="step_pos").max == LIMIT


class _Run:
    """What the Train page's session run offers the Step-through page."""

    lesson = hello()

    def snapshots(self) -> list:
        model = load("hello")
        return [(10, model), (300, model)]


def test_the_model_trained_in_this_session_is_offered_with_its_epochs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    trainer = types.ModuleType("rnnviz.ui.training_session")
    trainer.current_run = _Run
    monkeypatch.setitem(sys.modules, "rnnviz.ui.training_session", trainer)
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    assert at.selectbox(key="step_model").options[-1] == t("step.model_trained", "en",
                                                            lesson="L1")
    at.selectbox(key="step_model").set_value("trained").run()
    no_traceback(at)
    assert at.text_input(key="step_text").value == "hell"
    assert at.select_slider[0].options == ["10", "300"]
    assert at.select_slider[0].value == 300
    at.select_slider[0].set_value(10).run()
    no_traceback(at)
    assert current(at) == "Timestep 1 of 4 · input h"


def test_the_page_never_imports_tensorflow() -> None:
    code = (
        "import sys; from streamlit.testing.v1 import AppTest; "
        f"at = AppTest.from_file({PAGE!r}, default_timeout=60); at.run(); "
        "at.text_input(key='step_text').set_value('hello').run(); "
        "at.button(key='step_next').click().run(); "
        "assert not at.exception, [e.value for e in at.exception]; "
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True, timeout=300)
    assert result.stdout.split()[-2:] == ["False", "False"]


@pytest.mark.parametrize("key", ["hello", "words-lstm", "words-gru"])
def test_no_chart_has_plotly_toolbar_over_its_title(app: AppTest, key: str) -> None:
    app.selectbox(key="step_model").set_value(key).run()
    charts = app.get("plotly_chart")
    assert len(charts) >= 4
    assert all(json.loads(chart.proto.config)["displayModeBar"] is False for chart in charts)
