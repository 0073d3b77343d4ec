"""Training settings, their lesson defaults and the limits a shared classroom server needs.

Problems come back as text-catalogue keys (`train.problem.*`) with their values, so the page
shows a sentence in the user's language instead of a traceback.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

from rnnviz.keras_models import ACTIVATIONS, CELLS, ModelConfig, config_for
from rnnviz.lessons import Lesson
from rnnviz.trainer.program import OPTIMIZERS

LIMITS = {
    "units": (1, 64), "layers": (1, 3), "epochs": (1, 5000), "batch_size": (1, 512),
    "seed": (0, 2**31 - 1),
}
LEARNING_RATE = (1e-5, 10.0)
# The most work one run may ask of a shared server, counted as epochs x batches x layers x
# units^2 (the weight updates a run makes, up to a constant). At the heaviest settings (three
# 64-unit LSTM layers, batch size 1) this machine does about 10^6 a second, so the longest
# allowed run trains for a few minutes, in turns when others wait.
MAX_WORK = 200_000_000


@dataclass(frozen=True)
class TrainSettings:
    cell: str
    units: int
    layers: int
    optimizer: str
    learning_rate: float
    epochs: int
    batch_size: int
    seed: int = 0
    shuffle: bool = True
    activation: str = "tanh"


def defaults_for(lesson: Lesson) -> TrainSettings:
    """The lesson's own settings: the ones LESSONS.md states reach its result."""
    return TrainSettings(
        cell=lesson.cell, units=lesson.units, layers=1, optimizer=lesson.optimizer,
        learning_rate=lesson.learning_rate, epochs=lesson.epochs,
        batch_size=lesson.batch_size, seed=0, shuffle=lesson.shuffle,
    )


def model_config(lesson: Lesson, settings: TrainSettings) -> ModelConfig:
    return config_for(lesson, cell=settings.cell, units=settings.units,
                      layers=settings.layers, seed=settings.seed,
                      activation=settings.activation)


def work(lesson: Lesson, settings: TrainSettings) -> int:
    """epochs x batches x layers x units^2: what a run of these settings costs the server."""
    batches = math.ceil(len(lesson.x) / max(1, settings.batch_size))
    return settings.epochs * batches * settings.layers * settings.units ** 2


def max_epochs(lesson: Lesson, settings: TrainSettings) -> int:
    """The most epochs these settings may run within `MAX_WORK`."""
    per_epoch = work(lesson, replace(settings, epochs=1))
    return max(1, MAX_WORK // max(1, per_epoch))


def problems(settings: TrainSettings, lesson: Lesson | None = None) -> list[tuple[str, dict]]:
    """Everything wrong with the settings, as (text key, placeholders); empty when fine.
    Given the lesson, also whether the whole run fits `MAX_WORK`."""
    found: list[tuple[str, dict]] = []
    if settings.cell not in CELLS:
        found.append(("train.problem.cell", {"value": settings.cell}))
    if settings.activation not in ACTIVATIONS:
        found.append(("train.problem.activation", {"value": settings.activation}))
    if settings.optimizer not in OPTIMIZERS:
        found.append(("train.problem.optimizer", {"value": settings.optimizer}))
    for name, (low, high) in LIMITS.items():
        value = getattr(settings, name)
        if not isinstance(value, int) or not low <= value <= high:
            found.append((f"train.problem.{name}", {"low": low, "high": high}))
    lr = settings.learning_rate
    low, high = LEARNING_RATE
    if not isinstance(lr, (int, float)) or not math.isfinite(lr) or not low <= lr <= high:
        found.append(("train.problem.learning_rate", {"low": low, "high": high}))
    if lesson is not None and not found and work(lesson, settings) > MAX_WORK:
        found.append(("train.problem.too_much_work",
                      {"epochs": settings.epochs, "limit": max_epochs(lesson, settings)}))
    return found
