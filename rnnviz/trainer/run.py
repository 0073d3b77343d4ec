"""One training run: a worker thread that trains a lesson's model and publishes its progress.

The page never waits for training: it starts a run, reads `status()` / `history()` on a timer
and asks for `snapshots()` (the model as the numpy engine's `SequenceModel` every few epochs,
converted here, in the worker) when it wants to show what the network had learned by then.
Those reads take only short locks of their own, never the one a graph call holds.
The worker checks for pause and stop between graph calls, each about a fifth of a second, so
buttons take effect at once and the thread always ends. Nobody ever joins it: `close()` only
signals, and the worker hands its slot and its compiled program back on the way out, so a
session ending on Streamlit's event loop never waits for TensorFlow.
"""
from __future__ import annotations

import itertools
import math
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

from rnnviz import keras_runtime
from rnnviz.engine import SequenceModel, from_keras_model
from rnnviz.keras_models import encode_inputs
from rnnviz.lessons import PAD, Lesson
from rnnviz.trainer.program import POOL, Program, ProgramPool
from rnnviz.trainer.progress import History, Progress, State, Status
from rnnviz.trainer.scheduler import SCHEDULER, Scheduler
from rnnviz.trainer.settings import TrainSettings, model_config

CHUNK_SECONDS = 0.2
SNAPSHOTS = 20
PACES: tuple[str, ...] = ("real", "slow", "step")
# "slow" spreads a run over about this long, so a class sees the curve fall rather than
# appear.
SLOW_SECONDS = 10.0
# A loss this many times the untrained model's (and this far above it) is not a bad epoch but
# a run that has left the region where it can learn: Adam at learning rate 10 gets there
# within a few epochs, while sane settings never come near.
EXPLODE_FACTOR = 10.0
EXPLODE_MARGIN = 10.0
# Between graph calls the worker needs the GIL back, and while a page thread is busy drawing
# charts each hand-over waits a whole switch interval (5 ms by default): in the app, training
# fell to a few epochs per second. A shorter interval lets the worker straight back in.
SWITCH_INTERVAL = 0.0005
_ids = itertools.count(1)


def _shorten_switch_interval() -> None:
    if sys.getswitchinterval() > SWITCH_INTERVAL:
        sys.setswitchinterval(SWITCH_INTERVAL)


def sample_weights(lesson: Lesson) -> np.ndarray:
    """1 where a target counts, 0 at padding: padded steps must not teach the model."""
    if lesson.task == "many_to_many" and lesson.mask_zero:
        return (lesson.x != 0).astype(np.float32)
    return np.ones(lesson.y.shape, dtype=np.float32)


def token_level(lesson: Lesson) -> str:
    """"word" when the vocabulary holds words (L7), "char" when it holds characters."""
    return "word" if any(len(t) > 1 for t in lesson.vocab.tokens if t != PAD) else "char"


def explosion_limit(reference: float) -> float:
    """The loss above which a run counts as diverged, given the untrained model's loss."""
    return max(EXPLODE_FACTOR * reference, reference + EXPLODE_MARGIN)


class TrainingRun:
    """A lesson, its settings, and the thread training them; see the module docstring."""

    def __init__(self, lesson: Lesson, settings: TrainSettings, *,
                 weights: list[np.ndarray] | None = None, scheduler: Scheduler = SCHEDULER,
                 pool: ProgramPool = POOL, owner: object = None, pace: str = "real") -> None:
        _shorten_switch_interval()
        self.id = next(_ids)
        self.lesson = lesson
        self.settings = settings
        self.config = model_config(lesson, settings)
        self.level = token_level(lesson)
        self.snapshot_every = max(1, math.ceil(settings.epochs / SNAPSHOTS))
        self._weights = weights
        # A model opened from a file: nothing to train, so no epochs to count.
        self.loaded = weights is not None and settings.epochs == 0
        self._scheduler = scheduler
        self._pool = pool
        self._owner = owner
        self._pace = pace if pace in PACES else "real"
        many = lesson.task == "many_to_many"
        self._progress = Progress(settings.epochs, lesson.x.shape[1] if many else 0)
        self._snapshots: list[tuple[int, SequenceModel]] = []
        # Two locks: the worker holds `_program_lock` for a whole graph call, while `_lock` only
        # ever guards a list append or copy, so the page reading snapshots never waits.
        self._lock = threading.Lock()
        self._program_lock = threading.Lock()
        self._program: Program | None = None
        self._keras_file: tuple[int, bytes] | None = None
        self._stop = threading.Event()
        self._pause = threading.Event()
        self._wake = threading.Event()
        self._slow_clock: tuple[float, int] | None = None  # (when, epoch) slowing began
        self._closed = False  # the session is done with the run: give the program back
        self._ended = False  # the worker has left its loop
        self._thread = threading.Thread(
            target=self._work, name=f"rnnviz-trainer-{self.id}", daemon=True
        )
        self._thread.start()

    # What the page reads.
    def status(self) -> Status:
        return self._progress.status()

    def history(self) -> History:
        return self._progress.history()

    def snapshots(self) -> list[tuple[int, SequenceModel]]:
        """(epoch, model) saved so far, oldest first; the last is the newest trained model."""
        with self._lock:
            return list(self._snapshots)

    @property
    def pace(self) -> str:
        return self._pace

    # What the buttons do.
    def pause(self) -> None:
        """Pause now: the status says so at once, even while the model is still compiling;
        the worker stops before its next graph call and gives its slot to the next in line."""
        self._pause.set()
        self._progress.pause()
        self._wake.set()
        self._scheduler.wake()

    def resume(self) -> None:
        """Carry on; with pace "step", for one more epoch."""
        self._pause.clear()
        self._progress.resume()
        self._wake.set()

    def set_pace(self, pace: str) -> None:
        """"real" (as fast as it goes), "slow" (the run spread over about `SLOW_SECONDS`) or
        "step" (one epoch, then paused until `resume`); takes effect at the next graph call."""
        if pace in PACES:
            self._pace = pace
            self._slow_clock = None
            self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._scheduler.wake()

    def close(self) -> None:
        """Stop and let the worker end by itself, handing its slot and compiled model back.
        Never waits: it is called from Streamlit's event loop when a session ends."""
        with self._lock:
            self._closed = True
            ended = self._ended
        self.stop()
        if ended:
            self._release_program()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread to end; True when it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def keras_file(self) -> bytes | None:
        """The current model as a `.keras` file, or None before it exists or after close.
        Meant for a run that has ended: while one trains, this waits for its graph call."""
        epoch = self.status().epoch
        with self._program_lock:
            if self._program is None:
                return None
            if self._keras_file is None or self._keras_file[0] != epoch:
                with tempfile.TemporaryDirectory() as folder:
                    path = Path(folder) / "model.keras"
                    self._program.model.save(path)
                    self._keras_file = (epoch, path.read_bytes())
            return self._keras_file[1]

    # The worker.
    def _release_program(self) -> None:
        with self._program_lock:
            program, self._program = self._program, None
            self._keras_file = None
        if program is not None:
            self._pool.give_back(program)

    def _wait_turn(self) -> bool:
        """Hold a scheduler slot (True), or give up because the run was stopped (False)."""
        while not self._stop.is_set():
            if self._pause.is_set():
                self._progress.set_state(State.PAUSED)
                while self._pause.is_set() and not self._stop.is_set():
                    self._wake.wait(0.2)
                    self._wake.clear()
                continue
            if self._progress.state() is not State.QUEUED:
                self._progress.set_state(State.QUEUED)
            if self._scheduler.acquire(
                self, lambda: self._stop.is_set() or self._pause.is_set(),
                self._progress.set_queue_position, owner=self._owner,
            ):
                self._progress.set_state(State.RUNNING)
                return True
        return False

    def _snapshot(self, epoch: int) -> None:
        """Convert the model as it is now (the worker's own thread, between graph calls)."""
        with self._lock:
            if self._snapshots and self._snapshots[-1][0] == epoch:
                return
        with self._program_lock:
            if self._program is None:
                return
            model = from_keras_model(
                self._program.model, self.lesson.vocab.tokens, self.lesson.labels, self.level,
                meta={"lesson": self.lesson.key, "epoch": epoch, "cell": self.config.cell},
            )
        with self._lock:
            self._snapshots.append((epoch, model))

    def _work(self) -> None:
        holding = False
        try:
            if not keras_runtime.is_ready():
                self._progress.set_state(State.QUEUED, "train.msg.loading_tensorflow")
            keras_runtime.keras()
            if self._progress.state() is State.QUEUED:
                self._progress.set_state(State.QUEUED)  # loaded: the message is old news
            holding = self._wait_turn()
            if holding:
                holding = self._train()
            if self._progress.state() in (State.QUEUED, State.RUNNING, State.PAUSED):
                self._progress.set_state(State.STOPPED)
        except Exception as exc:  # the page shows it; the thread must still end cleanly
            detail = str(exc).strip() or type(exc).__name__
            self._progress.set_state(State.FAILED, "train.msg.failed", detail=detail[:300])
        finally:
            if holding:
                self._scheduler.release(self)
            with self._lock:  # `close()` and this block agree on who gives the program back
                self._ended = True
                closed = self._closed
            if closed:
                self._release_program()

    def _train(self) -> bool:
        """Train until done, stopped or diverged; returns whether a slot is still held."""
        s = self.settings
        self._progress.set_state(State.RUNNING, "train.msg.preparing")
        program = self._pool.take(self.config, s.optimizer)
        with self._program_lock:
            self._program = program
        program.reset(self.config, s.learning_rate, self._weights)
        data = program.data(encode_inputs(self.config, self.lesson.x), self.lesson.y,
                            sample_weights(self.lesson))
        start = program.evaluate(data)
        limit = explosion_limit(float(start.loss[0]))
        self._progress.record(0, start.loss, start.accuracy, start.step_accuracy)
        self._snapshot(0)
        epoch, calls, per_epoch, rate = 0, 0, None, None
        holding = True
        while epoch < s.epochs and not self._stop.is_set():
            if self._pause.is_set():
                self._scheduler.release(self)
                holding = self._wait_turn()
                self._slow_clock = None
                continue
            if self._scheduler.should_yield(self):  # had its turn while others wait
                self._scheduler.release(self)
                self._progress.set_state(State.QUEUED, "train.msg.yielded")
                holding = self._wait_turn()
                self._slow_clock = None
                continue
            k = self._chunk(per_epoch, s.epochs - epoch, epoch)
            began = time.perf_counter()
            with self._program_lock:
                results = program.train(
                    data, epochs=k, batch_size=s.batch_size, shuffle=s.shuffle, seed=s.seed,
                    first_epoch=epoch, limit=limit,
                )
            elapsed = time.perf_counter() - began
            done = len(results.loss)
            if results.diverged:
                self._progress.record(epoch + done, results.loss, results.accuracy,
                                      results.step_accuracy)
                kept = epoch + done - 1
                self._snapshot(kept)
                reason = ("train.msg.diverged_nonfinite" if not math.isfinite(results.loss[-1])
                          else "train.msg.diverged_exploding")
                self._progress.set_state(State.DIVERGED, reason, epoch=epoch + done, kept=kept)
                return True
            if calls:  # the first call may include tracing the graph: it says nothing of speed
                sample = elapsed / k
                # Smoothed, so one call slowed by a busy machine does not shrink every next one.
                per_epoch = sample if per_epoch is None else 0.5 * per_epoch + 0.5 * sample
                rate = 1 / per_epoch
            elif not self._pause.is_set():
                self._progress.set_state(State.RUNNING)  # compiled: the message is old news
            calls += 1
            epoch += k
            self._progress.record(epoch, results.loss, results.accuracy, results.step_accuracy,
                                  rate)
            if epoch % self.snapshot_every == 0 or epoch == s.epochs:
                self._snapshot(epoch)
            if epoch < s.epochs:
                self._keep_pace(epoch)
        self._snapshot(epoch)
        if epoch >= s.epochs:
            self._progress.set_state(State.FINISHED, "train.msg.loaded" if self.loaded else "")
        return holding

    def _chunk(self, per_epoch: float | None, left: int, epoch: int) -> int:
        """Epochs for the next graph call: about `CHUNK_SECONDS` of work at real speed, one
        epoch in step mode, and when slowed down, the epochs the run's clock says are due
        (so a slow call is made up by the next, and the run still takes `SLOW_SECONDS`)."""
        if self._pace == "step" or per_epoch is None:
            k = 1
        elif self._pace == "slow":
            k = self._slow_due(epoch) - epoch
        else:
            k = int(CHUNK_SECONDS / max(per_epoch, 1e-6))
        return max(1, min(k, left, self.snapshot_every - epoch % self.snapshot_every))

    def _slow_due(self, epoch: int) -> int:
        """The epoch a slowed run should have reached by now; its clock starts afresh after
        every pause, yield or change of pace."""
        now = time.monotonic()
        if self._slow_clock is None:
            self._slow_clock = (now, epoch)
        started, first = self._slow_clock
        return first + int((now - started) * self.settings.epochs / SLOW_SECONDS)

    def _keep_pace(self, epoch: int) -> None:
        """Pause after an epoch in step mode; when slowed down, wait until the next epoch is
        due. Both waits end at once on stop, pause or a change of pace."""
        if self._pace == "step":
            self.pause()
        elif self._pace == "slow":
            started, first = self._slow_clock or (time.monotonic(), epoch)
            due = started + (epoch + 1 - first) * SLOW_SECONDS / max(1, self.settings.epochs)
            wait = due - time.monotonic()
            if wait > 0:
                self._wake.clear()
                self._wake.wait(wait)
        if self._pace != "slow" or self._pause.is_set():
            self._slow_clock = None
