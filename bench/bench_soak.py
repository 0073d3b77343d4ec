"""A soak: many browser sessions opened and closed against one server, some mid-training.
Prints the threads left behind and the server's memory against its baseline; asserts nothing.

Every fourth session presses Start (slowed, so it is still training when its tab closes). A
closed tab's session waits `--ttl` seconds for a reconnect (Streamlit's
`server.disconnectedSessionTTL`, 120 s by default, shortened here so the soak ends sooner),
then its run must end with it.

    python3 bench/bench_soak.py [--sessions 200] [--at-once 8] [--ttl 10]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from rnnviz.text import t  # noqa: E402
from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def proc_status(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def open_session(browser: Browser, url: str, train: bool) -> Page:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(f"{url}/train?lang=en" if train else f"{url}/?lang=en")
    page.wait_for_selector(SETTLED)
    if train:
        page.get_by_text(t("train.pace.slow", "en"), exact=True).click()
        page.wait_for_timeout(300)
        page.wait_for_selector(SETTLED)
        page.get_by_role("button", name=t("train.start", "en"), exact=True).click()
    return page


def quiet(pid: int, seconds: float) -> tuple[int, float]:
    time.sleep(seconds)
    return proc_status(pid, "Threads"), proc_status(pid, "VmRSS") / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--at-once", type=int, default=8)
    parser.add_argument("--ttl", type=int, default=10)
    args = parser.parse_args()
    os.environ["STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL"] = str(args.ttl)
    settle_s = args.ttl + 10  # the session forgotten, then the watcher's next look
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        with serve() as server:
            warm = open_session(browser, server.url, train=True)  # TensorFlow, pools, caches
            warm.wait_for_timeout(15_000)
            warm.context.close()
            threads0, rss0 = quiet(server.pid, settle_s)
            print(f"baseline after one full run and its session's end: {threads0} threads, "
                  f"{rss0:.0f} MB")
            began, opened, trained = time.monotonic(), 0, 0
            while opened < args.sessions:
                batch = []
                for _ in range(min(args.at_once, args.sessions - opened)):
                    train = opened % 4 == 0
                    batch.append(open_session(browser, server.url, train))
                    opened += 1
                    trained += train
                time.sleep(1.0)  # the runs get going
                for page in batch:
                    page.context.close()
            print(f"{opened} sessions opened and closed ({trained} while training) in "
                  f"{time.monotonic() - began:.0f} s; right after: "
                  f"{proc_status(server.pid, 'Threads')} threads, "
                  f"{proc_status(server.pid, 'VmRSS') / 1024:.0f} MB")
            threads1, rss1 = quiet(server.pid, settle_s)
            print(f"{settle_s} s later: {threads1} threads ({threads1 - threads0:+d} against the "
                  f"baseline: threads left behind), {rss1:.0f} MB ({rss1 - rss0:+.0f} MB)")
        browser.close()


if __name__ == "__main__":
    main()
