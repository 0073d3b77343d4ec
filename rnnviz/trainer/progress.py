"""What a training run tells the page, published by the worker thread and read by the page.

The worker writes after every graph call and the page reads on a timer; one lock keeps each
read consistent (an epoch count never ahead of its loss), and reads return copies, so the page
never holds anything the worker will change.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from enum import Enum

import numpy as np


class State(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    PAUSED = "paused"
    STOPPED = "stopped"
    FINISHED = "finished"
    DIVERGED = "diverged"
    FAILED = "failed"

    @property
    def active(self) -> bool:
        """Whether progress can still change without the user doing anything."""
        return self in (State.QUEUED, State.RUNNING)

    @property
    def done(self) -> bool:
        """Whether the worker thread has ended or is about to."""
        return self in (State.STOPPED, State.FINISHED, State.DIVERGED, State.FAILED)


@dataclass(frozen=True, kw_only=True)
class RunStatus:
    """One consistent reading of any background run (the Train page's, the language
    model's): where it is and what it says. `message` is a text-catalogue key or empty,
    `message_args` its placeholders."""

    state: State
    epoch: int
    epochs: int
    queue_position: int
    message: str = ""
    message_args: dict = field(default_factory=dict)


@dataclass(frozen=True, kw_only=True)
class Status(RunStatus):
    """A Train-page run's reading: its last epoch's loss and accuracies, its speed."""

    loss: float | None
    accuracy: float | None
    step_accuracy: tuple[float, ...]
    epochs_per_second: float


@dataclass(frozen=True)
class History:
    """Per-epoch curves, epoch 0 being the untrained model."""

    epochs: np.ndarray  # (n,) int
    loss: np.ndarray  # (n,)
    accuracy: np.ndarray  # (n,)
    step_accuracy: np.ndarray  # (n, T), T = 0 for many-to-one


class Progress:
    """Thread-safe progress of one run."""

    def __init__(self, epochs: int, timesteps: int) -> None:
        self._lock = threading.Lock()
        self._state = State.QUEUED
        self._epochs = epochs
        self._epoch = 0
        self._loss: list[float] = []
        self._accuracy: list[float] = []
        self._steps: list[np.ndarray] = []
        self._timesteps = timesteps
        self._rate = 0.0
        self._queue_position = 0
        self._message = ""
        self._message_args: dict = {}
        self._before_pause: tuple[State, str, dict] | None = None

    def set_state(self, state: State, message: str = "", **args: object) -> None:
        with self._lock:
            self._before_pause = None
            self._state = state
            self._message = message
            self._message_args = dict(args)
            if state is not State.QUEUED:
                self._queue_position = 0

    def pause(self) -> None:
        """Show a queued or running run as paused at once; the worker follows between graph
        calls, unless `resume` comes first and puts back what was shown."""
        with self._lock:
            if self._state.active:
                self._before_pause = (self._state, self._message, self._message_args)
                self._state, self._message, self._message_args = State.PAUSED, "", {}

    def resume(self) -> None:
        """Undo a `pause` the worker has not acted on yet."""
        with self._lock:
            if self._state is State.PAUSED and self._before_pause is not None:
                self._state, self._message, self._message_args = self._before_pause
            self._before_pause = None

    def set_queue_position(self, position: int) -> None:
        with self._lock:
            self._queue_position = position

    def record(self, epoch: int, loss: np.ndarray, accuracy: np.ndarray, steps: np.ndarray,
               rate: float | None = None) -> None:
        """Append the results of epochs ending at `epoch`."""
        with self._lock:
            self._loss.extend(float(v) for v in loss)
            self._accuracy.extend(float(v) for v in accuracy)
            self._steps.extend(np.asarray(s, dtype=float) for s in steps)
            self._epoch = epoch
            if rate is not None:
                self._rate = rate

    def state(self) -> State:
        with self._lock:
            return self._state

    def status(self) -> Status:
        with self._lock:
            last = len(self._loss) - 1
            return Status(
                state=self._state, epoch=self._epoch, epochs=self._epochs,
                loss=self._loss[last] if last >= 0 else None,
                accuracy=self._accuracy[last] if last >= 0 else None,
                step_accuracy=tuple(float(v) for v in self._steps[last]) if last >= 0 else (),
                epochs_per_second=self._rate, queue_position=self._queue_position,
                message=self._message, message_args=dict(self._message_args),
            )

    def history(self) -> History:
        with self._lock:
            n = len(self._loss)
            steps = np.array(self._steps).reshape(n, -1) if n else np.zeros((0, self._timesteps))
            return History(np.arange(n), np.array(self._loss), np.array(self._accuracy), steps)


def learned_at(history: History) -> list[int | None]:
    """For each timestep, the epoch from which its accuracy stayed at 100 % to the end of the
    history, or None if it is not at 100 % now. Captions about which step a run learned first
    read this, so they always agree with the chart drawn from the same history."""
    steps = history.step_accuracy
    found: list[int | None] = []
    for t in range(steps.shape[1] if steps.ndim == 2 and len(steps) else 0):
        perfect = steps[:, t] >= 1.0
        if not perfect[-1]:
            found.append(None)
            continue
        misses = np.flatnonzero(~perfect)
        found.append(int(history.epochs[misses[-1] + 1]) if len(misses) else int(history.epochs[0]))
    return found
