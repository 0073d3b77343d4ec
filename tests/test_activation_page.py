"""The activation choice on the Train page, two runs side by side, and a non-tanh model on
the Step-through page, in AppTest, in both languages."""
from __future__ import annotations

import base64
import json
import sys
import time
import types
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.hidden_growth import largest_hidden
from rnnviz.lessons import five_words
from rnnviz.text import t
from rnnviz.trainer import TrainingRun, defaults_for
from tests.drawing import drawings

REPO = Path(__file__).resolve().parents[1]
PAGE = str(REPO / "pages" / "train.py")


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def train(at: AppTest, activation: str, source: str = "L4") -> None:
    """Start a run of `source` with `activation` and rerun until it has finished."""
    at.segmented_control(key=f"train.act.{source}").set_value(activation).run()
    at.button(key="train.start").click().run()
    trainer = at.session_state["shared.owned"].item
    deadline = time.monotonic() + 120
    while not (trainer.run and trainer.run.status().state.done):
        assert time.monotonic() < deadline, trainer.run and trainer.run.status()
        time.sleep(0.3)
    at.run()
    no_traceback(at)
    assert trainer.run.status().state.value == "finished"
    assert trainer.run.config.activation == activation


def chart(at: AppTest, key: str) -> dict:
    found = [c for c in at.get("plotly_chart") if key in c.proto.id]
    assert found, [c.proto.id for c in at.get("plotly_chart")]
    return json.loads(found[0].proto.spec)


def values(trace: dict) -> np.ndarray:
    """A plotly trace's y, whether sent as a list or as packed binary."""
    y = trace["y"]
    if isinstance(y, dict):
        return np.frombuffer(base64.b64decode(y["bdata"]), dtype=y["dtype"])
    return np.asarray(y, dtype=float)


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.selectbox(key="train.source").set_value("L4").run()
    yield at
    reset = [b for b in at.button if b.key == "train.reset" and not b.disabled]
    if reset:
        reset[0].click().run()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_l4_with_tanh_then_relu_side_by_side(app: AppTest, lang: str) -> None:
    app.session_state["lang"] = lang
    app.run()
    choice = app.segmented_control(key="train.act.L4")
    assert choice.options == ["tanh", "relu", "sigmoid", "linear"] and choice.value == "tanh"
    assert t("common.activation", lang) in choice.help
    train(app, "tanh")
    assert t("activation.compare_heading", lang) in [s.value for s in app.subheader]
    assert t("activation.compare_none", lang) in [c.value for c in app.caption]
    train(app, "relu")
    assert t("activation.compare_heading", lang) in [s.value for s in app.subheader]
    kept = app.session_state["shared.owned"].item.kept()
    (_, relu), (_, tanh) = kept[0], kept[1]
    picker = app.selectbox(key="train.compare_with")
    assert len(picker.options) == 1 and "SimpleRNN ·" in picker.options[0]  # the tanh run

    curves = chart(app, "train.compare_curves")
    names = [trace["name"] for trace in curves["data"]]
    assert names[0] == t("activation.this_run", lang, model="SimpleRNN relu")
    assert names[2] == t("activation.other_run", lang, model="SimpleRNN tanh")
    np.testing.assert_allclose(values(curves["data"][0]), relu.history().loss)
    np.testing.assert_allclose(values(curves["data"][3]), tanh.history().accuracy)

    word = app.text_input(key="train.compare_word.L4")
    assert word.value == "hellhellhell"
    hidden = chart(app, "train.compare_hidden")
    assert hidden["layout"]["title"]["text"] == t("activation.magnitude_title", lang)
    ids = relu.lesson.vocab.ids("hellhellhell")
    for trace, run in zip(hidden["data"], (relu, tanh), strict=True):
        np.testing.assert_allclose(values(trace), largest_hidden(run.snapshots()[-1][1], ids),
                                   rtol=1e-6)
    assert values(hidden["data"][1]).max() < 1  # tanh's bound

    word.set_value("ho☃ly").run()  # a character no model knows is skipped, not an error
    no_traceback(app)
    assert any(t("activation.skipped", lang, tokens="☃") == c.value for c in app.caption)
    assert len(values(chart(app, "train.compare_hidden")["data"][0])) == 4
    app.text_input(key="train.compare_word.L4").set_value("☃ xqz").run()
    no_traceback(app)
    assert any(i.value.startswith(t("activation.nothing_read", lang, vocabulary="")[:12])
               for i in app.info)


@pytest.fixture(scope="module")
def lstm_relu() -> Iterator[TrainingRun]:
    lesson = five_words()
    run = TrainingRun(lesson, replace(defaults_for(lesson), cell="LSTM", activation="relu",
                                      epochs=20))
    assert run.join(180)
    yield run
    run.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_step_through_names_the_activation_of_an_lstm_trained_with_relu(
    monkeypatch: pytest.MonkeyPatch, lstm_relu: TrainingRun, lang: str
) -> None:
    session = types.ModuleType("rnnviz.ui.training_session")
    session.trained_models = lambda: [types.SimpleNamespace(
        key="trained", name="LSTM (relu)", lesson=lstm_relu.lesson,
        snapshots=lstm_relu.snapshots())]
    monkeypatch.setitem(sys.modules, "rnnviz.ui.training_session", session)
    at = AppTest.from_file(str(REPO / "pages" / "step_through.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    at.selectbox(key="step_model").set_value("trained").run()
    no_traceback(at)
    latex = " ".join(e.value for e in at.latex)
    assert r"\operatorname{relu}(\mathbf{c}_t)" in latex and r"\tanh" not in latex
    diagram = "".join(drawings(at))
    assert "relu(c" in diagram and "tanh" not in diagram


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lab_builds_the_layer_with_the_chosen_activation(lang: str) -> None:
    keras_runtime.keras()  # the page shows results once TensorFlow is loaded
    at = AppTest.from_file(str(REPO / "pages" / "keras_lab.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    choice = at.segmented_control(key="lab_act")
    assert choice.value == "tanh" and choice.label == t("lab.activation", lang)
    for key, term in (("lab_act", "activation"), ("lab_cell", "lstm"), ("lab_bi", "bidirectional")):
        widget = at.segmented_control(key=key) if key != "lab_bi" else at.toggle(key=key)
        assert t(f"glossary.{term}", lang) in widget.help
    assert t("glossary.units", lang) in at.number_input(key="lab_units").help
    assert "activation=" not in at.code[1].value  # Keras's default goes unsaid
    choice.set_value("relu").run()
    no_traceback(at)
    assert "activation='relu'" in at.code[1].value
    assert at.success[0].value.startswith(t("lab.engine_agrees", lang, diff="")[:10])
    at.button(key="lab_preset_L5_gru").click().run()  # a preset is tanh again
    assert at.segmented_control(key="lab_act").value == "tanh"
