"""The trainer of one browser session: its current run and the last few trained models.

The Streamlit layer keeps one of these per session and calls `close()` when the session ends.
Nothing here ever waits for a worker thread: replacing, resetting or closing a run only
signals it, and the run ends itself. Every change happens under one lock that also guards the
`closed` flag, so Start, Reset, an upload and the session's end, in any order and from any
thread, never leave a run behind a closed trainer. The trainer (or the browser session it
is given as `owner`) is its runs' scheduler owner, so a session never holds two training
slots, not even while an old run winds down.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from rnnviz.lessons import Lesson
from rnnviz.trainer.custom import InputProblem
from rnnviz.trainer.files import read_keras_file
from rnnviz.trainer.run import TrainingRun
from rnnviz.trainer.settings import TrainSettings, problems

KEEP = 5


class SessionTrainer:
    def __init__(self, keep: int = KEEP, owner: Hashable | None = None,
                 **run_options: object) -> None:
        self.keep = keep
        self._owner = self if owner is None else owner  # the scheduler's owner of the runs
        self._run_options = run_options  # scheduler, pool: tests give their own
        self._lock = threading.Lock()
        self._run: TrainingRun | None = None
        self._kept: list[TrainingRun] = []  # oldest first, the current run included
        self._numbers: dict[int, int] = {}  # run id: its place in this session, from 1
        self._closed = False

    @property
    def run(self) -> TrainingRun | None:
        """The run the Train page shows, or None before Start and after Reset."""
        return self._run

    @property
    def closed(self) -> bool:
        return self._closed

    def kept(self) -> list[tuple[int, TrainingRun]]:
        """The session's last `keep` runs that have a model, newest first, each with its
        number in this session (1 for the first Start or upload)."""
        with self._lock:
            runs = [(self._numbers[run.id], run) for run in reversed(self._kept)]
        return [(number, run) for number, run in runs if run.snapshots()]

    def start(self, lesson: Lesson, settings: TrainSettings, pace: str = "real"
              ) -> TrainingRun | None:
        """A new run; the previous one is told to stop. None once the trainer is closed.
        Raises InputProblem for settings outside the limits (the page shows them first)."""
        found = problems(settings, lesson)
        if found:
            key, values = found[0]
            raise InputProblem(key, **values)
        return self._replace(
            lambda: TrainingRun(lesson, settings, owner=self._owner, pace=pace, **self._run_options))

    def load(self, lesson: Lesson, data: bytes) -> TrainingRun | None:
        """A finished run holding an uploaded `.keras` model (InputProblem when it won't do)."""
        settings, weights = read_keras_file(data, lesson)
        return self._replace(
            lambda: TrainingRun(lesson, settings, weights=weights, owner=self._owner,
                                **self._run_options))

    def reset(self) -> None:
        """No current run; a model it trained stays among the kept ones."""
        with self._lock:
            run, self._run = self._run, None
            if run is not None and not run.snapshots():
                self._kept.remove(run)
        if run is not None:
            run.close()

    def close(self) -> None:
        """The session ended: every run is told to stop and no new one can start."""
        with self._lock:
            self._closed = True
            runs, self._kept, self._run = self._kept, [], None
        for run in runs:
            run.close()

    def _replace(self, make: Callable[[], TrainingRun]) -> TrainingRun | None:
        dropped: list[TrainingRun] = []
        with self._lock:
            if self._closed:
                return None
            old = self._run
            if old is not None:
                # Closed, it hands its compiled program back; its snapshots stay readable.
                dropped.append(old)
                if not old.snapshots():
                    self._kept.remove(old)
            run = self._run = make()
            self._numbers[run.id] = len(self._numbers) + 1
            self._kept.append(run)
            while len(self._kept) > self.keep:
                dropped.append(self._kept.pop(0))
        for run_ in dropped:
            run_.close()
        return run
