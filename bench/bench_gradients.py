"""The Gradients page's speed at 100 timesteps, printed; asserts nothing.

- Budget (issue 10): the page reruns in under 150 ms server side for 100 steps.
- What a rerun computes: three 32-unit cells (SimpleRNN, LSTM, GRU) forward and backward
  over the sequence, and the gradient chart (the map's drawings are cached, built once). Timed alone, then as whole reruns in AppTest
  inside app.py (the page links to other pages, which exist only under st.navigation);
  AppTest's run() also parses everything the page sent, which a server never does, so it is
  an upper bound.

    python3 bench/bench_gradients.py [--repeats 30]
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

from streamlit.testing.v1 import AppTest  # noqa: E402

from rnnviz.charts.gradients import gradient_lines  # noqa: E402
from rnnviz.gradients import (  # noqa: E402
    KINDS, Setting, shipped_flow, untrained_flow,
)
from rnnviz.pretrained import load  # noqa: E402

SHIPPED = ("words-simplernn", "words-lstm", "words-gru")


def percentiles(seconds: list[float]) -> str:
    ms = sorted(s * 1000 for s in seconds)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"p50 {statistics.median(ms):6.1f} ms   p95 {p95:6.1f} ms   (n={len(ms)})"


def timed(action: Callable[[int], object], repeats: int) -> list[float]:
    out = []
    for n in range(repeats):
        start = time.perf_counter()
        action(n)
        out.append(time.perf_counter() - start)
    return out


def page_work(flows: Callable[[Setting], list], n: int) -> None:
    setting = Setting(radius=0.5 + (n % 10) / 10, length=100, seed=n)
    computed = flows(setting)
    gradient_lines({f.kind: f.hidden for f in computed}, "t", "x", "y")


def apptest_reruns(repeats: int, source: str) -> list[float]:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/gradients.py").run()
    at.segmented_control(key="gradients_source").set_value(source).run()
    at.slider(key="gradients_length").set_value(100).run()
    out = []
    for n in range(repeats):
        at.number_input(key="gradients_seed").set_value(n + 1)
        start = time.perf_counter()
        at.run()
        out.append(time.perf_counter() - start)
    if at.exception:
        print(f"  the page raised {[e.value for e in at.exception]}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    models = [load(key) for key in SHIPPED]
    print("Gradients page, 100 timesteps, 32 units; budget: rerun < 150 ms server side")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    untrained = timed(lambda n: page_work(
        lambda s: [untrained_flow(k, s) for k in KINDS], n), args.repeats)
    shipped = timed(lambda n: page_work(
        lambda s: [shipped_flow(m, s) for m in models], n), args.repeats)
    print(f"  untrained cells: 3 x (forward + BPTT) + chart     {percentiles(untrained)}")
    print(f"  shipped models:  3 x (forward + BPTT) + chart     {percentiles(shipped)}")
    for source in ("untrained", "shipped"):
        print(f"  AppTest rerun ({source:9}) after a seed change    "
              f"{percentiles(apptest_reruns(args.repeats, source))}")


if __name__ == "__main__":
    main()
