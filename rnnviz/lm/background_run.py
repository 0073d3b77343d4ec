"""One language-model training run in a background thread, published for the page to poll.

Like the Train page's runs it takes a place from the process-wide `SCHEDULER` (the slot cap
and queue every session shares), gives it up while paused and when its turn is over while
others wait, and checks for pause and stop between iterations (each well under a
millisecond), so the buttons act at once and the thread always ends. Nobody joins it:
`close()` only signals, so a session that ends never waits on Streamlit's event loop. It
keeps the weights at a few epochs (`Snapshot`), so the page can let the model write as it
was at any of them.
"""
from __future__ import annotations

import itertools
import math
import threading
import time
from collections.abc import Hashable
from dataclasses import dataclass

import numpy as np

from rnnviz.lm.corpus import Corpus
from rnnviz.lm.model import Snapshot
from rnnviz.lm.training import LMSettings, LMTraining, perplexity
from rnnviz.trainer.progress import RunStatus, State
from rnnviz.trainer.scheduler import SCHEDULER, Scheduler

SNAPSHOTS = 10
# Weights kept per run. The book's model is 0.3 MB, so it keeps all SNAPSHOTS; the largest the
# page allows (1,500 words, 300-wide LSTM) is 6.5 MB, and forty sessions each keeping three
# cells' worth of those must still fit the server.
SNAPSHOT_BYTES = 24 * 2**20
_ids = itertools.count(1)


def snapshot_epochs(epochs: int, count: int = SNAPSHOTS) -> set[int]:
    """Epoch 0 (untrained), epoch 1, every epochs/count-th epoch and the last."""
    every = max(1, math.ceil(epochs / max(1, count)))
    return {0, 1, epochs, *range(every, epochs + 1, every)}


@dataclass(frozen=True, kw_only=True)
class LMStatus(RunStatus):
    """A language-model run's reading: where its batch rows are, its last perplexity, speed."""

    time_idx: int  # where the batch rows have reached in the stream
    perplexity: float | None
    tokens_per_second: float


@dataclass(frozen=True)
class LMHistory:
    perplexity: np.ndarray  # (epochs + 1,): epoch 0 is the untrained model
    loss: np.ndarray  # (iterations so far,)


class LMRun:
    """A corpus, settings, and the thread training them; see the module docstring."""

    def __init__(self, corpus: Corpus, settings: LMSettings,
                 scheduler: Scheduler = SCHEDULER, owner: Hashable | None = None) -> None:
        self.id = next(_ids)
        self.corpus = corpus
        self.settings = settings
        self.training = LMTraining(corpus.ids, corpus.vocab_size, settings)
        size = sum(p.nbytes for p in self.training.model.params)
        self._keep = snapshot_epochs(settings.epochs,
                                     min(SNAPSHOTS, SNAPSHOT_BYTES // size - 3))
        self._scheduler = scheduler
        self._owner = owner  # the browser session: it never holds two slots
        self._lock = threading.Lock()
        self._state = State.QUEUED
        self._message, self._message_args = "", {}
        self._queue_position = 0
        self._epoch = self._time_idx = 0
        self._perplexity: list[float] = []
        self._loss: list[float] = []
        self._rate = 0.0
        self._snapshots: list[Snapshot] = []
        self._stop = threading.Event()
        self._pause = threading.Event()
        self._paused = threading.Event()  # the worker has stopped between iterations
        self._thread = threading.Thread(target=self._work, name=f"rnnviz-lm-{self.id}",
                                        daemon=True)
        self._thread.start()

    # What the page reads.
    def status(self) -> LMStatus:
        with self._lock:
            return LMStatus(
                state=self._state, epoch=self._epoch, epochs=self.settings.epochs,
                time_idx=self._time_idx,
                perplexity=self._perplexity[-1] if self._perplexity else None,
                tokens_per_second=self._rate, queue_position=self._queue_position,
                message=self._message, message_args=dict(self._message_args),
            )

    def history(self) -> LMHistory:
        with self._lock:
            return LMHistory(np.array(self._perplexity), np.array(self._loss))

    def snapshots(self) -> list[Snapshot]:
        with self._lock:
            return list(self._snapshots)

    # What the page's buttons do.
    def pause(self, timeout: float = 1.0) -> None:
        """Pause between two iterations; waits (briefly) until the worker has, so the page
        never shows "paused" while one more epoch completes."""
        if self.status().state is State.RUNNING:
            self._paused.clear()
            self._pause.set()
            self._paused.wait(timeout)
        elif self.status().state is State.QUEUED:
            self._pause.set()
            self._set_state(State.PAUSED)

    def resume(self) -> None:
        if self.status().state is State.PAUSED:
            self._set_state(State.QUEUED)
            self._pause.clear()

    def stop(self) -> None:
        self._stop.set()
        self._pause.clear()
        self._scheduler.wake()

    close = stop  # Reset, a new run or the session's end: the thread ends by itself

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread (tests and benches only); whether it has ended."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # The worker.
    def _set_state(self, state: State, message: str = "", **args: object) -> None:
        with self._lock:
            self._state = state
            self._message, self._message_args = message, args
            if state is not State.QUEUED:
                self._queue_position = 0

    def _on_position(self, position: int) -> None:
        with self._lock:
            self._queue_position = position

    def _wait_turn(self, message: str = "") -> bool:
        self._set_state(State.QUEUED, message)
        got = self._scheduler.acquire(self, self._stop.is_set, self._on_position,
                                      owner=self._owner)
        if got:
            self._set_state(State.RUNNING)
        return got

    def _snapshot(self, epoch: int) -> None:
        with self._lock:
            if not self._snapshots or self._snapshots[-1].epoch != epoch:
                self._snapshots.append(Snapshot(epoch, self.settings.cell,
                                                self.training.model.copy_params()))

    def _untrained_perplexity(self) -> float:
        """Epoch 0 on the curve: one pass over the epoch's batches without learning."""
        t = self.training
        losses = []
        for k in range(t.iterations):
            xs, ts = t.batch(k * self.settings.time_size)
            losses.append(t.model.forward(xs, ts))
        t.model.reset_state()
        return perplexity(losses)

    def _work(self) -> None:
        holding = False
        try:
            holding = self._wait_turn()
            if holding:
                holding = self._train()
            if self.status().state in (State.QUEUED, State.RUNNING, State.PAUSED):
                self._set_state(State.STOPPED)
        except Exception as exc:  # the page shows it; the thread must still end cleanly
            self._set_state(State.FAILED, "lm.msg.failed", detail=str(exc)[:300])
        finally:
            if holding:
                self._scheduler.release(self)

    def _train(self) -> bool:
        """Train until done, stopped or diverged; returns whether a slot is still held."""
        t, s = self.training, self.settings
        with self._lock:
            self._perplexity.append(self._untrained_perplexity())
        self._snapshot(0)
        holding, busy = True, 0.0
        while self._epoch < s.epochs and not self._stop.is_set():
            began, losses = time.perf_counter(), []
            while len(losses) < t.iterations:
                if self._stop.is_set():
                    return holding
                if self._pause.is_set():
                    busy += time.perf_counter() - began
                    self._scheduler.release(self)
                    self._set_state(State.PAUSED)
                    self._paused.set()
                    while self._pause.is_set() and not self._stop.is_set():
                        time.sleep(0.05)
                    holding = self._wait_turn()
                    if not holding:
                        return False
                    began = time.perf_counter()
                    continue
                loss = t.step()
                losses.append(loss)
                with self._lock:
                    self._loss.append(loss)
                    self._time_idx = t.time_idx
                if not math.isfinite(loss):
                    self._set_state(State.DIVERGED, "lm.msg.diverged", epoch=self._epoch + 1)
                    return holding
            busy += time.perf_counter() - began
            with self._lock:
                self._epoch += 1
                self._perplexity.append(perplexity(losses))
                # Over the whole run so far (pauses left out): one slow epoch on a busy
                # machine does not make the figure jump.
                self._rate = self._epoch * t.iterations * t.tokens_per_iteration / busy
            if self._epoch in self._keep:
                self._snapshot(self._epoch)
            if self._scheduler.should_yield(self):  # had its turn while others wait
                self._scheduler.release(self)
                holding = self._wait_turn("train.msg.yielded")
                if not holding:
                    return False
        self._snapshot(self._epoch)
        if self._epoch >= s.epochs:
            self._set_state(State.FINISHED)
        return holding
