"""The Step-through page's speed, printed; asserts nothing.

- Budget (DESIGN.md): a rerun after typing a 20-character word, server side, p95 under 50 ms.
  Measured with Streamlit's AppTest, which runs the page as the server does, without a
  browser, after changing the text and after stepping: the page script's own wall and CPU
  time, and the whole `at.run()` (which adds AppTest's parsing of what the page sent).
- The engine against Keras on the same model and the same word: `SequenceModel.run` against
  `model.predict` and `model(x)` of the Keras model holding the same weights.

    python3 bench/bench_step.py [--repeats 40]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from rnnviz.pretrained import catalogue, load  # noqa: E402
from rnnviz.stepthrough import read  # noqa: E402

PAGE = str(REPO / "pages" / "step_through.py")
# Two 20-letter words, typed in turn so that every rerun reads a new word.
WORDS = ("internationalization", "counterrevolutionary")


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ms)})"


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        out.append(time.perf_counter() - start)
    return out


# The page run inside a wrapper that clocks the script itself, apart from AppTest's own work
# (it parses every message back into an element tree, which a server never does).
CLOCKED = f"""
import time
import streamlit as st
code = compile(open({PAGE!r}, encoding="utf-8").read(), {PAGE!r}, "exec")
wall, cpu = time.perf_counter(), time.thread_time()
try:
    exec(code, {{"__name__": "__main__"}})
finally:
    st.session_state["_clock"] = (time.perf_counter() - wall, time.thread_time() - cpu)
"""


class Clocks:
    """Per rerun: AppTest's `run()` wall time, and the page script's wall and CPU time."""

    def __init__(self) -> None:
        self.apptest: list[float] = []
        self.script: list[float] = []
        self.cpu: list[float] = []

    def rerun(self, at: AppTest) -> None:
        start = time.perf_counter()
        at.run()
        self.apptest.append(time.perf_counter() - start)
        wall, cpu = at.session_state["_clock"]
        self.script.append(wall)
        self.cpu.append(cpu)


def rerun_times(model_key: str, repeats: int) -> tuple[Clocks, Clocks]:
    """(after typing, after stepping) rerun times of the page showing `model_key`."""
    at = AppTest.from_string(CLOCKED, default_timeout=60)
    at.session_state["lang"] = "en"  # as the app's language switch leaves it
    at.run()
    at.selectbox(key="step_model").set_value(model_key).run()
    at.text_input(key="step_text").set_value(WORDS[0]).run()
    for _ in range(3):  # warm up caches and imports
        at.run()
    typed, stepped = Clocks(), Clocks()
    for n in range(repeats):
        at.text_input(key="step_text").set_value(WORDS[n % 2])
        typed.rerun(at)
    for n in range(repeats):
        at.slider(key="step_pos").set_value(1 + n % len(WORDS[0]))
        stepped.rerun(at)
    if at.exception:
        print(f"  {model_key}: the page raised {[e.value for e in at.exception]}")
    return typed, stepped


def engine_against_keras(model_key: str, repeats: int) -> None:
    from rnnviz.keras_runtime import keras
    from tests.keras_reference import keras_model_of

    keras()  # import TensorFlow before timing anything
    model = load(model_key)
    ids = np.array([read(model, WORDS[0]).ids])
    x = np.eye(len(model.tokens), dtype=np.float32)[ids]
    reference = keras_model_of(model)
    diff = float(np.max(np.abs(model.run(ids).output - np.asarray(reference(x)))))
    engine = timed(lambda: model.run(ids), repeats * 5)
    reference.predict(x, verbose=0)
    predict = timed(lambda: reference.predict(x, verbose=0), repeats)
    call = timed(lambda: reference(x), repeats)
    e, p, c = (statistics.median(s) for s in (engine, predict, call))
    print(f"  {model_key:16} engine run {e * 1000:6.2f} ms | keras predict {p * 1000:6.1f} ms "
          f"({p / e:5.0f}x) | keras model(x) {c * 1000:6.1f} ms ({c / e:5.0f}x) | "
          f"max |diff| {diff:.1e}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=40)
    args = parser.parse_args()
    keys = [p.key for p in catalogue() if p.key != "hello"]
    print(f"Step-through rerun, server side (AppTest), 20-character word {WORDS[0]!r};"
          " budget p95 < 50 ms")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for key in keys:
        for action, clocks in zip(("typing", "stepping"), rerun_times(key, args.repeats)):
            print(f"  {key:16} {action:8} page script wall {percentiles(clocks.script)}")
            print(f"  {'':25} page script CPU  {percentiles(clocks.cpu)}")
            print(f"  {'':25} AppTest run()    {percentiles(clocks.apptest)}")
    print(f"  TensorFlow imported by the page: {'tensorflow' in sys.modules}")
    print(f"\nEngine vs Keras on the same model and the same 20-character word {WORDS[0]!r}"
          " (medians)")
    for key in keys:
        engine_against_keras(key, args.repeats)


if __name__ == "__main__":
    main()
