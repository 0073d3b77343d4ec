"""The app as a classroom meets it, in a real server and a real browser. Prints figures for
two budgets of DESIGN.md; asserts nothing.

- First page interactive within 3 s of the server being ready, TensorFlow still loading.
- A classroom: 40 sessions open, 8 of them training, on 2 cores and under 2.5 GB.

    python3 bench/bench_app.py [--sessions 40] [--training 8] [--seconds 60]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from rnnviz.text import t  # noqa: E402
from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
WORD_BOX = '[data-testid="stTextInput"] input'


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def tensorflow_loaded(pid: int) -> bool:
    return "libtensorflow" in Path(f"/proc/{pid}/maps").read_text()


def settle(page: Page) -> None:
    page.wait_for_timeout(150)
    page.wait_for_selector(SETTLED, timeout=120_000)


def open_page(browser: Browser, url: str) -> Page:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-US")
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(url)
    return page


def first_page(browser: Browser, server) -> None:
    page = open_page(browser, f"{server.url}/step_through")
    page.wait_for_selector(WORD_BOX)
    settle(page)
    seconds = time.monotonic() - server.ready_at
    print(f"first page interactive: {seconds:.2f} s after the server was ready (budget 3 s); "
          f"TensorFlow loaded by then: {'yes' if tensorflow_loaded(server.pid) else 'no'}")
    page.context.close()


def classroom(browser: Browser, server, sessions: int, training: int, seconds: float) -> None:
    base = rss_mb(server.pid)
    pages = [open_page(browser, server.url + ("/train" if i < training else "/step_through"))
             for i in range(sessions)]
    for page in pages:
        settle(page)
    opened = rss_mb(server.pid)
    for page in pages[:training]:
        page.get_by_role("button", name=t("train.start", "en"), exact=True).click()
    samples: list[float] = []
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            samples.append(rss_mb(server.pid))
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
    print(f"  server memory: {base:.0f} MB idle, {opened:.0f} MB with all sessions open, "
          f"peak {max(samples):.0f} MB while training (budget 2500 MB)")
    print(f"  a student typing meanwhile: {len(latencies)} reruns seen in the browser, "
          f"p50 {statistics.median(latencies):.0f} ms, p95 {p95:.0f} ms")
    for page in pages:
        page.context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--training", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        # The browser starts first: its own start-up is not the app's to count.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve() as server:
            first_page(browser, server)
            classroom(browser, server, args.sessions, args.training, args.seconds)
        browser.close()


if __name__ == "__main__":
    main()
