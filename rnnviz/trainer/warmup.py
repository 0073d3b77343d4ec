"""Get the server ready to train before anyone presses Start.

On a fresh server the first Start used to wait 10 to 13 s: importing TensorFlow, then
building, tracing and optimising the lesson's graph. `warm_up()`, called as the app first
runs, does that work in a background thread: TensorFlow first, then one compiled program for
each lesson's own settings (and the own-words default), left idle in the pool, so the first
runs of a class start training at once. Pages do not wait for it.
"""
from __future__ import annotations

import gc
import os
import threading
import time

from rnnviz import keras_runtime
from rnnviz.keras_models import encode_inputs
from rnnviz.lessons import TRAINABLE, Lesson
from rnnviz.trainer.custom import from_words
from rnnviz.trainer.program import POOL, ProgramPool
from rnnviz.trainer.run import sample_weights
from rnnviz.trainer.scheduler import SCHEDULER, Scheduler
from rnnviz.trainer.settings import defaults_for, model_config

_lock = threading.Lock()
_thread: threading.Thread | None = None
# The first page of a fresh server is drawn first: an import beside it doubled its time. (The
# Train page does not wait: it starts the import itself as it opens.)
DELAY_SECONDS = 3.0
# The own-words lesson as the page first offers it.
DEFAULT_WORDS = "hello apple lobby daddy bobby"


def lessons() -> list[Lesson]:
    """The lessons a class is most likely to start first, most likely first."""
    order = ["L1", "L4", "L3", "L7"]
    return [TRAINABLE[key]() for key in order if key in TRAINABLE] + [from_words(DEFAULT_WORDS)]


def prepare(lesson: Lesson, pool: ProgramPool = POOL) -> None:
    """One idle, already optimised program for `lesson` at its own settings."""
    settings = defaults_for(lesson)
    config = model_config(lesson, settings)
    data = (encode_inputs(config, lesson.x), lesson.y, sample_weights(lesson))
    pool.prepare(config, settings.optimizer, data, settings.batch_size)


def _idle_machine(scheduler: Scheduler) -> None:
    """Wait while anyone trains: compiling beside a run takes the GIL from it in long
    stretches, and that is what made first runs crawl at a few epochs a second."""
    while scheduler.counts()[0]:
        time.sleep(0.5)


def _warm() -> None:
    time.sleep(DELAY_SECONDS)
    try:
        keras_runtime.keras()
        # TensorFlow's ~400,000 import-time objects live as long as the process: frozen, no
        # full collection walks them again (each walk held the GIL for about 150 ms).
        gc.collect()
        gc.freeze()
        for lesson in lessons():
            _idle_machine(SCHEDULER)
            prepare(lesson)
        # The pooled programs (graphs, models, optimisers) also live as long as the process:
        # unfrozen, their ~200,000 objects made each full collection hold the GIL for 120 to
        # 200 ms, in the middle of a student's step.
        gc.collect()
        gc.freeze()
    except Exception:  # an import failure is kept and shown by keras_runtime; the rest can wait
        return


def warm_up() -> None:
    """Start warming up, once per process; returns at once. `RNNVIZ_WARM_UP=0` turns it off
    (to measure a server without it)."""
    global _thread
    if os.environ.get("RNNVIZ_WARM_UP", "1") == "0":
        return
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_warm, name="rnnviz-warm-up", daemon=True)
            _thread.start()


def warming() -> bool:
    """Whether the warm-up thread is still working."""
    return _thread is not None and _thread.is_alive()
