"""The Train page's notebook, run here cell by cell in plain Keras: it builds the trainer's
model (same layers, shapes, parameter count and initial weights) and `model.fit` lowers the
loss it prints."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.keras_models import build_model, encode_inputs, initial_weights, summary_rows
from rnnviz.lessons import TRAINABLE
from rnnviz.notebooks.train import train_notebook
from rnnviz.text import t
from rnnviz.trainer import defaults_for, model_config
from rnnviz.trainer.custom import from_words
from rnnviz.trainer.program import Program
from rnnviz.trainer.run import sample_weights
from tests.notebook_cells import notebook_button, read_notebook, run_notebook

keras_runtime.keras()


def _layers(model) -> list[tuple]:
    """What makes two models the same architecture: each layer's kind, shape and options."""
    rows = []
    for layer in model.layers:
        options = layer.get_config()
        rows.append((type(layer).__name__, tuple(layer.output.shape),
                     *(options.get(k) for k in ("units", "activation", "return_sequences",
                                                "mask_zero", "trainable", "output_dim"))))
    return rows


def _check(lesson, settings) -> tuple[dict, str]:
    config = model_config(lesson, settings)
    namespace, printed = run_notebook(train_notebook(lesson, settings, lesson.key, "en"))
    model, reference = namespace["model"], build_model(config)
    assert model.count_params() == reference.count_params()
    assert model.count_params() == sum(row.params for row in summary_rows(config))
    assert _layers(model) == _layers(reference)
    for ours, theirs in zip(namespace["INITIAL"], initial_weights(config), strict=True):
        np.testing.assert_array_equal(ours, theirs)
    losses = namespace["LOSSES"]
    assert len(losses) == settings.epochs + 1
    # Epoch 0 of the printed curve is the trainer's own starting loss, the page's first point.
    program = Program(config, settings.optimizer)
    program.reset(config, settings.learning_rate)
    start = program.evaluate(program.data(encode_inputs(config, lesson.x), lesson.y,
                                          sample_weights(lesson)))
    assert losses[0] == pytest.approx(float(start.loss[0]), rel=1e-5)
    assert losses[-1] < losses[0]
    assert f"epoch {settings.epochs}: loss {losses[-1]:.4f}" in printed
    return namespace, printed


def test_the_l4_notebook_trains_the_trainers_model() -> None:
    lesson = TRAINABLE["L4"]()
    settings = replace(defaults_for(lesson), epochs=8, learning_rate=0.01)
    namespace, _ = _check(lesson, settings)
    assert namespace["history"].params["epochs"] == 8


@pytest.mark.parametrize("key,changes", [
    ("L1", {"cell": "LSTM", "units": 4, "layers": 2, "optimizer": "RMSprop", "seed": 3}),
    ("L3", {"cell": "GRU", "activation": "relu", "optimizer": "SGD", "learning_rate": 0.5,
            "seed": 11}),
])
def test_other_lessons_and_settings(key: str, changes: dict) -> None:
    lesson = TRAINABLE[key]()
    _check(lesson, replace(defaults_for(lesson), epochs=6, **changes))


def test_own_words_with_padding_reach_the_notebook_as_literals() -> None:
    lesson = from_words("hello help he'll\"); import os #")
    settings = replace(defaults_for(lesson), epochs=5)
    namespace, _ = _check(lesson, settings)
    np.testing.assert_array_equal(namespace["X"], lesson.x)
    assert (namespace["W"] == (lesson.x != 0)).all()
    assert "os" not in namespace


def test_the_notebook_runs_alone_with_only_tensorflow_and_numpy(tmp_path: Path) -> None:
    """Outside this repository, in an isolated interpreter: nothing of rnnviz is importable."""
    lesson = TRAINABLE["L4"]()
    settings = replace(defaults_for(lesson), epochs=3)
    cells = read_notebook(train_notebook(lesson, settings, "L4", "ko"))["cells"]
    script = tmp_path / "notebook.py"
    script.write_text("import importlib.util\nassert importlib.util.find_spec('rnnviz') is None\n"
                      + "\n\n".join(c["source"] for c in cells if c["cell_type"] == "code"),
                      encoding="utf-8")
    done = subprocess.run([sys.executable, "-I", str(script)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "epoch 3: loss" in done.stdout


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_train_page_offers_the_notebook_of_its_settings(lang: str) -> None:
    button = notebook_button("train", "train.notebook", lang)
    assert button.proto.label == t("notebook.download", lang)
    assert button.proto.help == t("notebook.train_download_help", lang)
