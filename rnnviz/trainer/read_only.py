"""What a watcher of a shared trainer may hold: its runs' progress, never their controls.

A watcher's page is built only from these views, so no code path on it can reach pause,
stop, reset or start, whatever widget a later change adds.
"""
from __future__ import annotations

from rnnviz.engine import SequenceModel
from rnnviz.keras_models import ModelConfig
from rnnviz.lessons import Lesson
from rnnviz.trainer.progress import History, Status
from rnnviz.trainer.run import TrainingRun
from rnnviz.trainer.session import SessionTrainer
from rnnviz.trainer.settings import TrainSettings


class RunView:
    """A training run, read-only."""

    def __init__(self, run: TrainingRun) -> None:
        self._run = run

    @property
    def id(self) -> int:
        return self._run.id

    @property
    def lesson(self) -> Lesson:
        return self._run.lesson

    @property
    def settings(self) -> TrainSettings:
        return self._run.settings

    @property
    def config(self) -> ModelConfig:
        return self._run.config

    @property
    def loaded(self) -> bool:
        return self._run.loaded

    @property
    def pace(self) -> str:
        return self._run.pace

    def status(self) -> Status:
        return self._run.status()

    def history(self) -> History:
        return self._run.history()

    def snapshots(self) -> list[tuple[int, SequenceModel]]:
        return self._run.snapshots()


class TrainerView:
    """A session trainer, read-only: the run its owner sees and the models it kept."""

    def __init__(self, trainer: SessionTrainer) -> None:
        self._trainer = trainer

    @property
    def run(self) -> RunView | None:
        run = self._trainer.run
        return RunView(run) if run is not None else None

    def kept(self) -> list[tuple[int, RunView]]:
        return [(number, RunView(run)) for number, run in self._trainer.kept()]
