"""The trainer's budgets on lesson L4, measured side by side in one process; prints, never asserts.

    python3 bench/bench_trainer.py

- epochs per second of the trainer against Keras `model.fit` on the same model (budget: 25x),
- time from Start to 100 % training accuracy,
- process memory (RSS) growth over 100 start/reset cycles (budget: under 50 MB).
"""
from __future__ import annotations

import gc
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import keras_runtime  # noqa: E402
from rnnviz.keras_models import build_model, config_for, encode_inputs  # noqa: E402
from rnnviz.lessons import five_words  # noqa: E402
from rnnviz.trainer import SessionTrainer, State, TrainingRun, defaults_for  # noqa: E402

CYCLES = 100


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


def keras_fit_rates(epochs: int) -> tuple[float, float, int | None]:
    """(epochs/s of one fit call, epochs/s of one fit call per epoch, first epoch at 100 %)."""
    keras = keras_runtime.keras()
    lesson = five_words()
    settings = defaults_for(lesson)
    config = config_for(lesson)
    x, y = encode_inputs(config, lesson.x), lesson.y
    model = build_model(config)
    model.compile(optimizer=keras.optimizers.Adam(settings.learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=1, batch_size=settings.batch_size, verbose=0)  # compile once
    began = time.perf_counter()
    history = model.fit(x, y, epochs=epochs, batch_size=settings.batch_size, shuffle=True,
                        verbose=0)
    one_call = epochs / (time.perf_counter() - began)
    reached = next((i + 2 for i, a in enumerate(history.history["accuracy"]) if a >= 1.0), None)
    began = time.perf_counter()
    for _ in range(20):
        model.fit(x, y, epochs=1, batch_size=settings.batch_size, verbose=0)
    per_epoch_calls = 20 / (time.perf_counter() - began)
    return one_call, per_epoch_calls, reached


def trainer_rate(epochs: int) -> tuple[float, float]:
    """(epochs/s over the whole run, wall clock; the rate the page shows at the end)."""
    lesson = five_words()
    run = TrainingRun(lesson, replace(defaults_for(lesson), epochs=epochs))
    began = time.perf_counter()
    run.join()
    wall = time.perf_counter() - began
    shown = run.status().epochs_per_second
    run.close()
    return epochs / wall, shown


def time_to_full_accuracy() -> tuple[float, int]:
    """Seconds from Start to the first epoch at 100 % (compiled model already pooled)."""
    lesson = five_words()
    began = time.perf_counter()
    run = TrainingRun(lesson, defaults_for(lesson))
    while run.status().accuracy != 1.0 and run.alive:
        time.sleep(0.002)
    seconds = time.perf_counter() - began
    run.join()
    epoch = int(np.argmax(run.history().accuracy >= 1.0))
    run.close()
    return seconds, epoch


def start_reset_growth(cycles: int) -> tuple[float, float, float]:
    """(RSS before, RSS after, seconds per cycle) of Start, first epoch, Reset, `cycles` times."""
    lesson = five_words()
    settings = replace(defaults_for(lesson), epochs=5000)
    trainer = SessionTrainer()

    def cycle() -> None:
        run = trainer.start(lesson, settings)
        while run.status().epoch == 0 and run.status().state is not State.FAILED:
            time.sleep(0.001)
        trainer.reset()

    for _ in range(5):
        cycle()
    gc.collect()
    before = rss_mb()
    began = time.perf_counter()
    for _ in range(cycles):
        cycle()
    per_cycle = (time.perf_counter() - began) / cycles
    gc.collect()
    return before, rss_mb(), per_cycle


def main() -> None:
    began = time.perf_counter()
    keras_runtime.keras()
    print(f"TensorFlow import: {time.perf_counter() - began:.1f} s")
    lesson = five_words()
    began = time.perf_counter()
    first = TrainingRun(lesson, defaults_for(lesson))
    first.join()
    print(f"first L4 run (build + trace + 200 epochs): {time.perf_counter() - began:.2f} s, "
          f"accuracy {first.status().accuracy:.0%}")
    first.close()

    fit_rate, fit_per_call, fit_reached = keras_fit_rates(200)
    wall_200, shown_200 = trainer_rate(200)
    wall_2000, shown_2000 = trainer_rate(2000)
    print("\nL4 (SimpleRNN(8) + Dense(9), Adam, batch 5), epochs per second:")
    print(f"  Keras model.fit(epochs=200), one call      {fit_rate:9.1f}")
    print(f"  Keras model.fit(epochs=1), a call an epoch {fit_per_call:9.1f}")
    print(f"  this trainer, 200-epoch run (wall clock)   {wall_200:9.1f}   "
          f"(page shows {shown_200:.0f})")
    print(f"  this trainer, 2000-epoch run (wall clock)  {wall_2000:9.1f}   "
          f"(page shows {shown_2000:.0f})")
    print(f"  speed-up over one fit call: {wall_200 / fit_rate:.0f}x (200 epochs), "
          f"{wall_2000 / fit_rate:.0f}x (2000 epochs); budget 25x")

    seconds, epoch = time_to_full_accuracy()
    fit_seconds = f"{fit_reached / fit_rate:.1f} s" if fit_reached else "not reached in 200"
    print(f"\ntime from Start to 100 % accuracy: {seconds:.2f} s (epoch {epoch}); "
          f"model.fit needs {fit_seconds} (epoch {fit_reached})")

    before, after, per_cycle = start_reset_growth(CYCLES)
    print(f"\n{CYCLES} start/reset cycles: RSS {before:.0f} MB -> {after:.0f} MB, "
          f"growth {after - before:+.1f} MB (budget < 50 MB), {per_cycle * 1000:.0f} ms a cycle")


if __name__ == "__main__":
    main()
