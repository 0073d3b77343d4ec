"""Training settings, their lesson defaults and the limits a shared classroom server needs.

Problems come back as text-catalogue keys (`train.problem.*`) with their values, so the page
shows a sentence in the user's language instead of a traceback.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from rnnviz.keras_models import CELLS, ModelConfig, config_for
from rnnviz.lessons import Lesson
from rnnviz.trainer.program import OPTIMIZERS

LIMITS = {
    "units": (1, 64), "layers": (1, 3), "epochs": (1, 5000), "batch_size": (1, 512),
    "seed": (0, 2**31 - 1),
}
LEARNING_RATE = (1e-5, 10.0)


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


def defaults_for(lesson: Lesson) -> TrainSettings:
    """The lesson's own settings: the ones LESSONS.md states reach its result."""
    return TrainSettings(
        cell=lesson.cell, units=lesson.units, layers=1, optimizer=lesson.optimizer,
        learning_rate=lesson.learning_rate, epochs=lesson.epochs,
        batch_size=lesson.batch_size, seed=0, shuffle=lesson.shuffle,
    )


def model_config(lesson: Lesson, settings: TrainSettings) -> ModelConfig:
    return config_for(lesson, cell=settings.cell, units=settings.units,
                      layers=settings.layers, seed=settings.seed)


def problems(settings: TrainSettings) -> list[tuple[str, dict]]:
    """Everything wrong with the settings, as (text key, placeholders); empty when fine."""
    found: list[tuple[str, dict]] = []
    if settings.cell not in CELLS:
        found.append(("train.problem.cell", {"value": settings.cell}))
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
    return found
