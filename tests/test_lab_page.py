"""The Keras lab page in Streamlit's AppTest: presets, flags, languages, loading, bad input."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.cells import NAMES
from rnnviz.engine import Dense, SequenceModel, from_keras
from rnnviz.lab.config import MAX_LAB_WORDS
from rnnviz.lab.inputs import MAX_TEXT_CHARS
from rnnviz.lessons import hello
from rnnviz.text import t
from rnnviz.ui import training_session

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "keras_lab.py")


@pytest.fixture(scope="module", autouse=True)
def tensorflow_loaded() -> None:
    keras_runtime.keras()


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    yield at.run()


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def returned(at: AppTest) -> list[str]:
    """The tensor headings, e.g. "`output` · shape (3, 5, 2)"."""
    return [m.value.removeprefix("#### ") for m in at.markdown if m.value.startswith("#### `")]


def call_line(at: AppTest) -> str:
    return at.code[0].value


def test_opens_on_the_l2_batch(app: AppTest) -> None:
    no_traceback(app)
    assert call_line(app) == "output, h = layer(x)"
    assert returned(app) == ["`output` · shape (3, 5, 2)", "`h` · shape (3, 2)"]
    assert any(t("lab.note_seq_state", "en") in m.value for m in app.markdown)
    assert app.success[0].value.startswith(t("lab.engine_agrees", "en", diff="")[:40])
    assert "output, h = layer(x)" in app.code[1].value  # the snippet
    assert any("14 parameters" in m.value for m in app.markdown)
    table = app.dataframe[0].value
    assert table.shape[0] == 4
    assert "output (3, 5, 2), h (3, 2)" in table.iloc[:, 2].tolist()


@pytest.mark.parametrize("preset,heads", [
    ("L2_cell", ["`output` · shape (1, 1, 2)", "`h` · shape (1, 2)"]),
    ("L2_batch", ["`output` · shape (3, 5, 2)", "`h` · shape (3, 2)"]),
    ("L5_lstm", ["`output` · shape (2, 5, 3)", "`h` · shape (2, 3)", "`c` · shape (2, 3)"]),
    ("L5_gru", ["`output` · shape (2, 5, 3)", "`h` · shape (2, 3)"]),
    ("L5_bi_lstm", ["`output` · shape (2, 5, 6)", "`h_forward` · shape (2, 3)",
                    "`c_forward` · shape (2, 3)", "`h_backward` · shape (2, 3)",
                    "`c_backward` · shape (2, 3)"]),
    ("L5_bi_gru", ["`output` · shape (2, 5, 6)", "`h_forward` · shape (2, 3)",
                   "`h_backward` · shape (2, 3)"]),
])
def test_presets_show_the_lesson_shapes(app: AppTest, preset: str, heads: list[str]) -> None:
    app.button(key=f"lab_preset_{preset}").click().run()
    no_traceback(app)
    assert returned(app) == heads


def test_flags_change_what_comes_back(app: AppTest) -> None:
    app.button(key="lab_preset_L5_lstm").click().run()
    app.toggle(key="lab_seq").set_value(False).run()
    assert returned(app) == ["`output` · shape (2, 3)", "`h` · shape (2, 3)",
                             "`c` · shape (2, 3)"]
    assert any(t("lab.note_last_state", "en") in m.value for m in app.markdown)
    app.toggle(key="lab_state").set_value(False).run()
    assert call_line(app) == "output = layer(x)"
    assert returned(app) == ["`output` · shape (2, 3)"]
    app.toggle(key="lab_seq").set_value(True).run()
    assert returned(app) == ["`output` · shape (2, 5, 3)"]
    no_traceback(app)


def test_bidirectional_merge_none_and_go_backwards(app: AppTest) -> None:
    app.toggle(key="lab_back").set_value(True).run()
    assert any(t("lab.note_go_backwards", "en") in m.value for m in app.markdown)
    app.toggle(key="lab_bi").set_value(True).run()
    assert app.toggle(key="lab_back").disabled
    app.selectbox(key="lab_merge").set_value("None").run()
    assert call_line(app) == "output_forward, output_backward, h_forward, h_backward = layer(x)"
    app.segmented_control(key="lab_cell").set_value("GRU").run()
    app.toggle(key="lab_reset_after").set_value(False).run()
    assert any("3\\cdot 2\\cdot(4+2+1)" in x.value for x in app.latex)
    no_traceback(app)


def test_padding_and_masking(app: AppTest) -> None:
    app.text_input(key="lab_words").set_value("hello, hi").run()
    app.number_input(key="lab_pad").set_value(1).run()
    assert any(t("lab.note_pad_unmasked", "en") in m.value for m in app.markdown)
    app.toggle(key="lab_mask").set_value(True).run()
    assert call_line(app) == "output, h = layer(x, mask=mask)"
    assert returned(app)[0] == "`output` · shape (2, 6, 2)"
    assert any(t("lab.note_mask", "en") in m.value for m in app.markdown)
    assert "mask = np.any(x != 0, axis=-1)" in app.code[1].value
    no_traceback(app)


def test_random_input_size(app: AppTest) -> None:
    app.segmented_control(key="lab_source").set_value("random").run()
    app.number_input(key="lab_batch").set_value(4).run()
    app.number_input(key="lab_time").set_value(3).run()
    assert returned(app) == ["`output` · shape (4, 3, 2)", "`h` · shape (4, 2)"]
    no_traceback(app)


@pytest.mark.parametrize("words,key", [
    ("", "lab.err_no_words"),
    (" ,, \t", "lab.err_no_words"),
    ("\u200b\u200d\u2063", "lab.err_no_words"),
    ("abcdefghijklmnop qrstuvwxyz012345 6789ABCDEFGHIJKL", "lab.err_too_many_chars"),
])
def test_unusable_words_give_a_message_not_a_traceback(app: AppTest, words: str,
                                                       key: str) -> None:
    app.text_input(key="lab_words").set_value(words).run()
    no_traceback(app)
    assert len(app.error) == 1
    assert app.error[0].value.split()[:3] == t(key, "en", count=0, limit=0).split()[:3]
    assert not returned(app)


def test_huge_or_odd_input_is_trimmed_and_said(app: AppTest) -> None:
    app.text_input(key="lab_words").set_value(" ".join(["hello"] * 5000)).run()
    no_traceback(app)
    # The box holds MAX_TEXT_CHARS, the most the lab reads (cutting is tested in test_lab).
    assert len(app.text_input(key="lab_words").value) == MAX_TEXT_CHARS
    assert returned(app)[0] == f"`output` · shape ({MAX_LAB_WORDS}, 5, 2)"
    app.text_input(key="lab_words").set_value("ab\u0000c <b>x</b> *y* $z$").run()
    no_traceback(app)
    assert t("guards.dropped", "en", count=1) in [i.value for i in app.info]
    assert "'<b>x</b>'" in app.code[1].value  # typed text reaches the snippet as a literal
    app.text_input(key="lab_vocab").set_value("abc").run()
    assert "\\<" in app.error[0].value and "\\*" in app.error[0].value  # shown, not rendered
    no_traceback(app)


def test_korean(app: AppTest) -> None:
    app.query_params["lang"] = "ko"
    app.run()
    no_traceback(app)
    assert app.title[0].value == t("lab.title", "ko")
    assert returned(app) == ["`output` · 형상 (3, 5, 2)", "`h` · 형상 (3, 2)"]


def test_waits_for_tensorflow_without_blocking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keras_runtime, "is_ready", lambda: False)
    monkeypatch.setattr(keras_runtime, "start_loading", lambda: None)
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    no_traceback(at)
    assert [i.value for i in at.info] == [t("lab.loading_tf", "en")]
    assert at.toggle(key="lab_seq").value is True  # the controls are already there
    assert not returned(at)


def _trained(model: SequenceModel, key: str = "trained-1", epoch: int = 100
             ) -> training_session.TrainedModel:
    """A model the Train page kept, holding one snapshot."""
    return training_session.TrainedModel(key, f"Trained here: {key}", hello(), [(epoch, model)])


def test_loads_the_layer_trained_on_the_train_page(monkeypatch: pytest.MonkeyPatch) -> None:
    layer = keras_runtime.keras().layers.SimpleRNN(3)
    layer.build((None, None, 4))
    head = Dense(np.zeros((3, 4), np.float32), np.zeros(4, np.float32))
    model = SequenceModel(tokens=("h", "e", "l", "o"), labels=("h", "e", "l", "o"),
                          layers=[from_keras(layer)], head=head)
    monkeypatch.setattr(training_session, "trained_models", lambda: [_trained(model)])
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.button(key="lab_load_trained").click().run()
    no_traceback(at)
    assert t("lab.trained_active", "en", lesson="L1", epoch=100) in [i.value for i in at.info]
    assert returned(at) == ["`output` · shape (1, 4, 3)", "`h` · shape (1, 3)"]
    assert at.segmented_control(key="lab_cell").disabled
    assert "# trained on the Train page: L1, epoch 100" in at.code[1].value
    at.toggle(key="lab_seq").set_value(False).run()
    assert returned(at) == ["`output` · shape (1, 3)", "`h` · shape (1, 3)"]
    at.button(key="lab_unload_trained").click().run()
    assert not at.segmented_control(key="lab_cell").disabled
    assert "default_rng(0)  # non-zero weights" in at.code[1].value
    no_traceback(at)


def test_no_chart_has_plotly_toolbar_over_its_title(app: AppTest) -> None:
    charts = app.get("plotly_chart")
    assert len(charts) >= 2
    configs = [json.loads(chart.proto.config) for chart in charts]
    assert all(c["displayModeBar"] == "hover" and c["modeBarButtons"] == [["toImage"]]
               for c in configs)


def test_padding_can_go_before_the_words_as_pad_sequences_does(app: AppTest) -> None:
    app.text_input(key="lab_words").set_value("hello, hi").run()
    app.segmented_control(key="lab_padding").set_value("pre").run()
    no_traceback(app)
    assert any(t("lab.note_pad_unmasked_pre", "en") in m.value for m in app.markdown)
    assert "padding='pre'" in app.code[1].value
    output = json.loads(app.get("plotly_chart")[0].proto.spec)
    ticks = output["layout"]["yaxis2"]["ticktext"]  # the second word's panel: "hi"
    assert ticks[:3] == [t("lab.step_label", "en", t=s) for s in range(3)]  # zeros first
    assert ticks[3:] == [f"{t('lab.step_label', 'en', t=s)} · {c}" for s, c in ((3, "h"),
                                                                                (4, "i"))]
    assert app.success  # the engine replays Keras


def test_settings_sit_in_the_sidebar_beside_the_results(app: AppTest) -> None:
    sidebar_keys = {w.key for w in app.sidebar.toggle}
    assert {"lab_seq", "lab_state", "lab_back", "lab_mask"} <= sidebar_keys
    app.sidebar.button(key="lab_preset_L5_lstm").click().run()
    assert returned(app)[0] == "`output` · shape (2, 5, 3)"


def test_heatmap_numbers_are_at_least_12_px(app: AppTest) -> None:
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        assert all(trace["textfont"]["size"] >= 12 for trace in spec["data"])
        assert spec["layout"]["font"]["size"] >= 12


def test_any_kept_model_can_be_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    layer = keras_runtime.keras().layers.SimpleRNN(3)
    layer.build((None, None, 4))
    head = Dense(np.zeros((3, 4), np.float32), np.zeros(4, np.float32))
    model = SequenceModel(tokens=("h", "e", "l", "o"), labels=("h", "e", "l", "o"),
                          layers=[from_keras(layer)], head=head)
    kept = [_trained(model, "trained-2", 30), _trained(model, "trained-1", 100)]
    monkeypatch.setattr(training_session, "trained_models", lambda: kept)
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    choice = at.selectbox(key="lab_trained_choice")
    assert choice.options == ["Trained here: trained-2", "Trained here: trained-1"]
    choice.set_value("trained-1").run()
    at.button(key="lab_load_trained").click().run()
    no_traceback(at)
    assert t("lab.trained_active", "en", lesson="L1", epoch=100) in [i.value for i in at.info]


def test_every_registered_cell_kind_is_offered(app: AppTest) -> None:
    assert list(app.segmented_control(key="lab_cell").options) == list(NAMES)
    for name in NAMES:
        app.segmented_control(key="lab_cell").set_value(name).run()
        no_traceback(app)
        assert any(f"keras.layers.{name}(" in block.value for block in app.code)
