"""Save a full-page PNG of every page in both languages to artifacts/screenshots/, and each
page in presenter mode as a 1280x720 projector shows it, unscrolled (`*-present-*.png`).

Starts its own server on a free port and drives Debian's Chromium, so it runs on any machine
that `scripts/test.sh` has set up: python3 scripts/screenshots.py
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from playwright.sync_api import Page, WebSocket, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

OUT = REPO / "artifacts" / "screenshots"
PAGES = {
    "home": "", "step_through": "step_through", "keras_lab": "keras_lab", "train": "train",
    "by_hand": "by_hand", "gradients": "gradients", "language_model": "language_model",
}
LANGS = ("en", "ko")
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWPORT = {"width": 1400, "height": 900}
PROJECTOR = {"width": 1280, "height": 720}
# Streamlit scrolls inside its main pane, not the document, so "full page" means growing the
# window to the pane's content height.
CONTENT_HEIGHT = 'document.querySelector(\'[data-testid="stMain"]\').scrollHeight'
# Pages poll the server while TensorFlow loads or a run trains, often without changing what is
# on screen; a page is ready to photograph once its websocket has been silent for QUIET_S.
QUIET_S = 3.0


class Traffic:
    """When the page last heard from, or spoke to, the Streamlit server."""

    def __init__(self, page: Page) -> None:
        self.last = time.monotonic()
        page.on("websocket", self._watch)

    def _watch(self, ws: WebSocket) -> None:
        ws.on("framereceived", self._touch)
        ws.on("framesent", self._touch)

    def _touch(self, _frame: object) -> None:
        self.last = time.monotonic()

    def wait_quiet(self, page: Page, quiet_s: float, limit_s: float = 120) -> bool:
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if time.monotonic() - self.last >= quiet_s and page.locator(SETTLED).count():
                return True
            page.wait_for_timeout(200)
        return False


def settle(page: Page, traffic: Traffic, url: str, viewport: dict[str, int]) -> None:
    page.set_viewport_size(viewport)
    page.goto(url, wait_until="domcontentloaded", timeout=120_000)
    page.wait_for_timeout(500)
    page.wait_for_selector(SETTLED, timeout=120_000)
    if not traffic.wait_quiet(page, QUIET_S):
        print(f"{url} kept talking to the server for 120 s; photographing it as it is")
    page.evaluate("document.fonts.ready")


def shoot(page: Page, traffic: Traffic, url: str, path: Path) -> None:
    settle(page, traffic, url, VIEWPORT)
    height = max(VIEWPORT["height"], page.evaluate(CONTENT_HEIGHT))
    page.set_viewport_size({"width": VIEWPORT["width"], "height": height})
    page.wait_for_timeout(1000)  # charts redraw at the new size
    page.screenshot(path=path, full_page=True, timeout=120_000)
    print(path.relative_to(REPO))


def shoot_projected(page: Page, traffic: Traffic, url: str, path: Path) -> None:
    """What the class sees of the page in presenter mode, before anyone scrolls."""
    settle(page, traffic, url + "&present=1", PROJECTOR)
    page.wait_for_timeout(1000)
    page.screenshot(path=path, timeout=120_000)
    print(path.relative_to(REPO))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with serve() as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORT)
        traffic = Traffic(page)
        for lang in LANGS:
            for name, path in PAGES.items():
                url = f"{server.url}/{path}?lang={lang}"
                shoot(page, traffic, url, OUT / f"{name}-{lang}.png")
                shoot_projected(page, traffic, url, OUT / f"{name}-present-{lang}.png")
        browser.close()


if __name__ == "__main__":
    main()
