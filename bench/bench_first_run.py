"""A class's first training run on a freshly started server, in a real browser; prints figures,
asserts nothing.

For each fresh server: open the Train page as soon as the server answers, press Start on L1 as
soon as the page is drawn (or `--wait` seconds later), and time Start -> first epoch shown and
Start -> run finished, with the page open and polling as a student's would be. The second
figure is where the crawling first runs showed (L1's 100 epochs once took 17 s to 2 minutes).

    python3 bench/bench_first_run.py [--servers 3] [--wait 0] [--lesson L1]
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import Page, sync_playwright  # noqa: E402

from rnnviz.text import t  # noqa: E402
from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
STATUS = re.compile(r"epoch (\d+) / (\d+)")


def shown_epoch(page: Page) -> tuple[int, int, str] | None:
    strong = page.locator("strong", has_text=STATUS)
    if not strong.count():
        return None
    text = strong.first.inner_text()
    found = STATUS.search(text)
    return int(found.group(1)), int(found.group(2)), text


def one_server(browser, wait: float, lesson: str) -> tuple[float, float, float]:
    with serve() as server:
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-US")
        context.set_default_timeout(180_000)
        page = context.new_page()
        page.goto(f"{server.url}/train?lang=en")
        page.wait_for_selector(SETTLED)
        drawn = time.monotonic() - server.ready_at
        if lesson != "L1":
            page.get_by_label(t("train.source", "en")).click()
            page.get_by_role("option", name=t(f"train.source.{lesson}", "en")).click()
            page.wait_for_timeout(300)
            page.wait_for_selector(SETTLED)
        page.wait_for_timeout(wait * 1000)
        page.get_by_role("button", name=t("train.start", "en"), exact=True).click()
        pressed = time.monotonic()
        first = finished = None
        rates = []
        while finished is None:
            reading = shown_epoch(page)
            if reading and reading[0] >= 1 and first is None:
                first = time.monotonic() - pressed
            if reading and "epochs/s" in reading[2]:
                rates.append(reading[2].rsplit("·", 1)[-1].strip())
            if reading and t("train.state.finished", "en") in reading[2]:
                finished = time.monotonic() - pressed
            assert time.monotonic() - pressed < 300, "the run did not finish in 5 minutes"
            page.wait_for_timeout(50)
        context.close()
        print("   speeds the worker reported:", ", ".join(dict.fromkeys(rates)))
        return drawn, first, finished


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--servers", type=int, default=3)
    parser.add_argument("--wait", type=float, default=0.0,
                        help="seconds between the page being drawn and pressing Start")
    parser.add_argument("--lesson", default="L1")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print(f"{args.lesson} on a fresh server, Start pressed {args.wait:g} s after the page "
              f"was drawn:")
        for i in range(args.servers):
            drawn, first, finished = one_server(browser, args.wait, args.lesson)
            print(f"  server {i + 1}: page drawn {drawn:.1f} s after the server answered; "
                  f"Start -> first epoch shown {first:.2f} s; Start -> finished "
                  f"{finished:.2f} s")
        browser.close()


if __name__ == "__main__":
    main()
