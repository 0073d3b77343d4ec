"""The trainer of one browser session: at most one run, replaced on Start, ended on Reset.

The Streamlit layer keeps one of these per session and calls `close()` when the session ends,
so no thread outlives the tab that started it.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

from rnnviz.lessons import Lesson
from rnnviz.trainer.files import read_keras_file
from rnnviz.trainer.run import TrainingRun
from rnnviz.trainer.settings import TrainSettings


class SessionTrainer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._run: TrainingRun | None = None

    @property
    def run(self) -> TrainingRun | None:
        return self._run

    def start(self, lesson: Lesson, settings: TrainSettings) -> TrainingRun:
        """A new run; the previous one (if any) is stopped and its thread joined first."""
        return self._replace(lambda: TrainingRun(lesson, settings))

    def load(self, lesson: Lesson, data: bytes) -> TrainingRun:
        """A finished run holding an uploaded `.keras` model (InputProblem when it won't do)."""
        settings, weights = read_keras_file(data, lesson)
        return self._replace(lambda: TrainingRun(lesson, settings, weights=weights))

    def reset(self) -> None:
        with self._lock:
            run, self._run = self._run, None
        if run is not None:
            run.close()

    close = reset

    def _replace(self, make: Callable[[], TrainingRun]) -> TrainingRun:
        self.reset()
        run = make()
        with self._lock:
            self._run = run
        return run
