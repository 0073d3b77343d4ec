"""The Keras lab's notebook, run here cell by cell: the tensors it prints are the ones the lab
shows (`run_lab`, Keras's own call), and its plain-numpy replay computes the same numbers."""
from __future__ import annotations


import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.lab import PRESETS, InputConfig, LabConfig, run_lab
from rnnviz.engine import from_keras_model
from rnnviz.keras_models import build_model, config_for
from rnnviz.lab.trained import trained_config
from rnnviz.lessons import hello
from rnnviz.notebooks.lab import lab_notebook
from rnnviz.text import t
from tests.notebook_cells import notebook_button, run_notebook

keras_runtime.keras()

RANDOM = InputConfig(source="random", batch=2, time=4, features=2)
PADDED_PRE = InputConfig(words=("hello", "eol", "l"), pad=1, mask=True, padding="pre")
PADDED_POST = InputConfig(words=("hello", "eol", "l"), pad=1, mask=True, padding="post")
CONFIGS = {
    **PRESETS,
    "simple_relu_last": LabConfig(cell="SimpleRNN", units=3, activation="relu",
                                  return_sequences=False, input=RANDOM, seed=4),
    "lstm_sigmoid_backwards": LabConfig(cell="LSTM", units=2, activation="sigmoid",
                                        go_backwards=True, input=RANDOM, seed=5),
    "gru_reset_before": LabConfig(cell="GRU", units=3, reset_after=False, input=RANDOM, seed=6),
    "gru_wrapped_linear": LabConfig(cell="GRU", units=2, wrap_cell=True, activation="linear",
                                    input=RANDOM),
    "simple_masked_pre": LabConfig(cell="SimpleRNN", units=2, input=PADDED_PRE),
    "lstm_masked_post_last": LabConfig(cell="LSTM", units=2, return_sequences=False,
                                       input=PADDED_POST, seed=1),
    "gru_masked_backwards": LabConfig(cell="GRU", units=2, go_backwards=True, input=PADDED_POST),
    **{f"bi_lstm_{mode}_masked": LabConfig(cell="LSTM", units=2, bidirectional=True,
                                           merge_mode=mode, input=PADDED_PRE, seed=2)
       for mode in ("concat", "sum", "ave", "mul", None)},
    "bi_gru_last_masked": LabConfig(cell="GRU", units=2, bidirectional=True,
                                    return_sequences=False, input=PADDED_POST, seed=3),
    "bi_simple_no_state": LabConfig(cell="SimpleRNN", units=2, bidirectional=True,
                                    return_state=False, merge_mode="sum", input=RANDOM),
}


def _check(config: LabConfig) -> str:
    result = run_lab(config)
    namespace, printed = run_notebook(lab_notebook(config, "en"))
    assert list(namespace["returned"]) == [tensor.name for tensor in result.tensors]
    for tensor in result.tensors:
        np.testing.assert_array_equal(namespace["returned"][tensor.name], tensor.values)
        np.testing.assert_allclose(namespace["replayed"][tensor.name], tensor.values,
                                   rtol=1e-5, atol=1e-5)
        assert f"{tensor.name} {tensor.shape}" in printed
    return printed


@pytest.mark.parametrize("name", CONFIGS)
def test_the_notebook_returns_and_replays_what_the_lab_shows(name: str) -> None:
    printed = _check(CONFIGS[name])
    assert "numpy replay, largest difference from Keras" in printed


def test_a_trained_layer_travels_as_literals() -> None:
    lesson = hello()
    model = from_keras_model(build_model(config_for(lesson, units=3, seed=7)),
                             lesson.vocab.tokens, lesson.labels)
    config = trained_config(model, lesson.key, 12, lesson.samples,
                            LabConfig(input=InputConfig(mask=True)))
    assert config.trained is not None
    _check(config)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_lab_page_offers_the_notebook_of_its_layer(lang: str) -> None:
    button = notebook_button("keras_lab", "lab_notebook", lang)
    assert button.proto.label == t("notebook.download", lang)
    assert button.proto.help == t("notebook.lab_download_help", lang)
