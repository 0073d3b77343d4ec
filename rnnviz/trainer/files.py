"""`.keras` files in and out: a trained model leaves as a download and comes back as an upload.

An upload is a file from anyone, so it is size-checked before Keras sees it, loaded with
`safe_mode=True` (no code inside a file runs) and accepted only when it has the shape of the
lesson it is meant for; every refusal is an `InputProblem` the page can explain.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

import numpy as np

from rnnviz import keras_runtime
from rnnviz.guards.problems import InputProblem
from rnnviz.keras_models import describe_keras_model
from rnnviz.lessons import Lesson
from rnnviz.trainer.settings import TrainSettings, defaults_for, model_config

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


def read_keras_file(data: bytes, lesson: Lesson) -> tuple[TrainSettings, list[np.ndarray]]:
    """Settings (cell, units, layers) and weights of an uploaded model that fits `lesson`."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise InputProblem("train.problem.upload_too_big", limit=MAX_UPLOAD_BYTES // 1024)
    keras = keras_runtime.keras()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "upload.keras"
        path.write_bytes(data)
        try:
            model = keras.saving.load_model(path, compile=False, safe_mode=True)
        except Exception as exc:  # Keras's messages name our temporary path: say it plainly
            raise InputProblem("train.problem.upload_corrupt") from exc
    try:
        found = describe_keras_model(model)
    except (ValueError, AttributeError, IndexError) as exc:
        raise InputProblem("train.problem.upload_unsupported", detail=str(exc)[:200]) from exc
    settings = defaults_for(lesson)
    settings = TrainSettings(
        cell=found.cell, units=found.units, layers=found.layers, optimizer=settings.optimizer,
        learning_rate=settings.learning_rate, epochs=0, batch_size=settings.batch_size,
    )
    expected = model_config(lesson, settings)
    if found != expected.shape_key:
        raise InputProblem(
            "train.problem.upload_mismatch", lesson=lesson.key,
            expected=_shape_text(expected.timesteps, expected.vocab_size, expected.classes),
            found=_shape_text(found.timesteps, found.vocab_size, found.classes),
        )
    return settings, model.get_weights()


def _shape_text(timesteps: int, vocab: int, classes: int) -> str:
    return f"{timesteps} × {vocab} → {classes}"
