"""The app as a classroom meets it, in a real server and a real browser. Prints figures for
the budgets of DESIGN.md and issue 9; asserts nothing.

- First page interactive within 3 s of the server being ready, TensorFlow still loading.
- Where the student is, once the server has finished its start-up work: a step on
  Step-through (LSTM word model, a 12-letter word, Next pressed until every view is redrawn)
  and the first page usable (text box editable, every chart and formula drawn), each beside
  the same done on bench/floor_app.py, a one-button Streamlit page served in the same run,
  and the ratios.
- A classroom: 40 sessions open, 8 of them training, on 2 cores and under 2.5 GB
  (`--sessions 0` leaves it out).

With `--replicas N` the same load goes through nginx to N replicas (deploy/run_replicas.sh,
needs Debian's nginx); memory is then the sum over the replicas.

    python3 bench/bench_app.py [--sessions 40] [--training 8] [--seconds 60] [--replicas 2]
                               [--passes 3] [--loads 5] [--trace]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from contextlib import AbstractContextManager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from bench.browser_steps import (  # noqa: E402
    Timings, floor_first_page, floor_steps, step_first_page, step_profile, step_steps,
)
from rnnviz.text import t  # noqa: E402
from scripts.appserver import (  # noqa: E402
    CHROMIUM, CHROMIUM_ARGS, Replicas, Server, serve, serve_replicas,
)

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
WORD_BOX = '[data-testid="stTextInput"] input'


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory_mb(server: Server | Replicas) -> float:
    return sum(rss_mb(pid) for pid in server.pids)


def tensorflow_loaded(server: Server | Replicas) -> bool:
    return any("libtensorflow" in Path(f"/proc/{pid}/maps").read_text() for pid in server.pids)


def settle(page: Page) -> None:
    page.wait_for_timeout(150)
    page.wait_for_selector(SETTLED, timeout=120_000)


def open_page(browser: Browser, url: str, replicas: Counter | None = None) -> Page:
    """A new browser session at `url`; behind nginx, counts the replica that served it."""
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    context.set_default_timeout(120_000)
    page = context.new_page()
    response = page.goto(url)
    if replicas is not None and response is not None:
        replicas[response.headers.get("x-upstream", "the server")] += 1
    return page


def cpu_seconds(server: Server | Replicas) -> float:
    ticks = 0
    for pid in server.pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def warmed_up(server: Server | Replicas, timeout_s: float = 300) -> None:
    """Wait until the server has finished its own start-up work (TensorFlow's import and the
    lesson programs, rnnviz/trainer/warmup.py): under 5% of a core for two seconds running.
    A classroom's server has long been up; a step timed beside that work times the work."""
    start = time.monotonic()
    while not tensorflow_loaded(server) and time.monotonic() - start < timeout_s:
        time.sleep(0.5)  # the warm-up waits a few seconds before it starts importing
    quiet = 0
    while quiet < 2 and time.monotonic() - start < timeout_s:
        before = cpu_seconds(server)
        time.sleep(1)
        quiet = quiet + 1 if cpu_seconds(server) - before < 0.05 * len(server.pids) else 0
    print(f"server warmed up (idle) {time.monotonic() - start:.0f} s after the first page")


def first_page(browser: Browser, server: Server | Replicas) -> None:
    page = open_page(browser, f"{server.url}/step_through")
    page.wait_for_selector(WORD_BOX)
    settle(page)
    seconds = time.monotonic() - server.ready_at
    print(f"first page interactive: {seconds:.2f} s after the server was ready (budget 3 s); "
          f"TensorFlow loaded by then: {'yes' if tensorflow_loaded(server) else 'no'}")
    page.context.close()


def classroom(browser: Browser, server: Server | Replicas, sessions: int, training: int,
              seconds: float) -> None:
    base = memory_mb(server)
    replicas: Counter = Counter()
    pages = [open_page(browser, server.url + ("/train" if i < training else "/step_through"),
                       replicas)
             for i in range(sessions)]
    for page in pages:
        settle(page)
    opened = memory_mb(server)
    for page in pages[:training]:
        page.get_by_role("button", name=t("train.start", "en"), exact=True).click()
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            samples.append(memory_mb(server))
            time.sleep(0.5)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    typist = pages[-1]
    words = ["hello", "rhythm", "question", "because", "teacher", "student", "network"]
    latencies = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        box = typist.locator(WORD_BOX).first
        start = time.monotonic()
        box.fill(words[len(latencies) % len(words)])
        box.press("Enter")
        settle(typist)
        latencies.append((time.monotonic() - start) * 1000)
    stop.set()
    sampler.join()
    latencies.sort()
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(f"classroom: {sessions} sessions open, {training} pressed Start, for {seconds:.0f} s")
    if isinstance(server, Replicas):
        print(f"  through nginx to {len(server.pids)} replicas; sessions per replica: "
              + ", ".join(f"{address} {count}" for address, count in sorted(replicas.items())))
    print(f"  server memory: {base:.0f} MB idle, {opened:.0f} MB with all sessions open, "
          f"peak {max(samples):.0f} MB while training (budget 2500 MB)")
    print(f"  a student typing meanwhile: {len(latencies)} reruns seen in the browser, "
          f"p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms")
    for page in pages:
        page.context.close()


def where_the_student_is(browser: Browser, server: Server | Replicas, passes: int,
                         loads: int, trace: bool) -> None:
    """Step and first page on the app beside the floor page, served in this same run."""
    with serve(script="bench/floor_app.py") as floor:
        floor_step = floor_steps(browser, floor.url, passes * 11)
        floor_load = floor_first_page(browser, floor.url, loads)
    app_step = step_steps(browser, server.url, passes)
    app_load = step_first_page(browser, server.url, loads)

    def line(what: str, app: Timings, base: Timings, budget: str) -> None:
        print(f"  {what}: p50 {app.p50:.0f} ms, p95 {app.p95:.0f} ms (n={len(app.ms)}); "
              f"floor p50 {base.p50:.0f} ms, p95 {base.p95:.0f} ms; "
              f"ratio p50 {app.p50 / base.p50:.1f}x, p95 {app.p95 / base.p95:.1f}x ({budget})")

    print("where the student is (Chromium, warm server):")
    line("step, Next on Step-through (words-lstm, 12 letters) until every view is redrawn",
         app_step, floor_step, "budget p95 < 250 ms and within 2.5x")
    line("first page usable (text box editable, every chart and formula drawn)",
         app_load, floor_load, "budget 3000 ms and within 2x")
    if trace:
        step_profile(browser, server.url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--training", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--replicas", type=int, default=0,
                        help="run the load through nginx to this many replicas")
    parser.add_argument("--passes", type=int, default=3,
                        help="times the 12-letter word is stepped through, 11 Nexts each")
    parser.add_argument("--loads", type=int, default=5, help="first page loads timed")
    parser.add_argument("--trace", action="store_true",
                        help="print where a step's browser time goes (Chromium's trace)")
    args = parser.parse_args()
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as run_dir:
        # The browser starts first: its own start-up is not the app's to count.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        started: AbstractContextManager[Server | Replicas] = (
            serve_replicas(args.replicas, Path(run_dir)) if args.replicas else serve())
        with started as server:
            first_page(browser, server)
            warmed_up(server)
            where_the_student_is(browser, server, args.passes, args.loads, args.trace)
            if args.sessions:
                classroom(browser, server, args.sessions, args.training, args.seconds)
        browser.close()


if __name__ == "__main__":
    main()
