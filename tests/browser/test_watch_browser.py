"""A run others can watch, in Chromium: the watch link opened in a second browser follows the
curve live with no controls, and the owner's reload finds the run with its controls."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page, expect

from rnnviz.text import t

STATUS = re.compile(r"epoch (\d+) / (\d+)")
CONTROLS = ("train.start", "train.pause", "train.resume", "train.stop", "train.reset")


def epoch_shown(page: Page) -> int:
    strong = page.locator("strong", has_text=STATUS)
    return int(STATUS.search(strong.first.inner_text()).group(1)) if strong.count() else -1


def wait_until(page: Page, condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        page.wait_for_timeout(200)


def last_epoch_drawn(page: Page) -> float:
    """The epoch of the loss curve's last point (the first plotly chart)."""
    return page.locator(".js-plotly-plot").first.evaluate(
        "el => (el.calcdata && el.calcdata[0] && el.calcdata[0].length)"
        " ? el.calcdata[0][el.calcdata[0].length - 1].x : -1"
    )


def button(page: Page, key: str):
    return page.get_by_role("button", name=t(key, "en"), exact=True)


def test_a_watcher_follows_live_and_the_owner_s_reload_keeps_the_controls(
    page: Page, browser: Browser, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    owner = page  # the watcher gets a second, fresh context: another device
    other = browser.new_context(viewport=page.viewport_size, locale="en-US")
    try:
        other.set_default_timeout(120_000)
        watcher = other.new_page()
        owner.goto(f"{app_url}/train?lang=en")
        wait_for_app(owner)
        # Three 64-unit LSTM layers on the pasted text for 5,000 epochs: minutes of work, so
        # the run is still going while the test watches and reloads.
        owner.get_by_label(t("train.source", "en")).click()
        owner.get_by_role("option", name=t("train.source.text", "en")).click()
        wait_for_app(owner)
        owner.get_by_label(t("train.cell", "en")).click()
        owner.get_by_role("option", name="LSTM").click()
        wait_for_app(owner)
        for label, value in (("train.units", 64), ("train.layers", 3), ("train.epochs", 5000)):
            box = owner.get_by_label(t(label, "en"))
            box.fill(str(value))
            box.press("Enter")
            wait_for_app(owner)
        button(owner, "train.start").click()
        wait_until(owner, lambda: epoch_shown(owner) > 0, "the run never began")

        owner_token = parse_qs(urlparse(owner.url).query)["run"][0]
        owner.get_by_text(t("watch.share_none", "en")).click()
        links = owner.locator('[data-testid="stCode"] code')
        expect(links).to_have_count(2)
        watch_link = links.first.inner_text().strip()
        assert "?watch=" in watch_link and owner_token not in watch_link
        assert links.nth(1).inner_text().strip().endswith(f"?run={owner_token}")

        watcher.goto(watch_link)
        wait_for_app(watcher)
        expect(watcher.get_by_text(t("watch.watching", "en"))).to_be_visible()
        wait_until(watcher, lambda: epoch_shown(watcher) > 0, "the watcher saw no epoch")
        reach = last_epoch_drawn(watcher)
        wait_until(watcher, lambda: last_epoch_drawn(watcher) > reach,
                   "the watcher's loss curve did not grow", 30)
        for key in CONTROLS:
            expect(button(watcher, key)).to_have_count(0)
        assert owner_token not in watcher.content()
        assert "run=" not in watcher.url

        before = epoch_shown(owner)
        owner.reload()
        wait_for_app(owner)
        wait_until(owner, lambda: epoch_shown(owner) > before, "the reloaded page lost the run")
        expect(owner.get_by_text(t("train.state.running", "en"), exact=False).first
               ).to_be_visible()
        expect(button(owner, "train.pause")).to_be_enabled()
        button(owner, "train.stop").click()
        expect(owner.locator("strong", has_text=t("train.state.stopped", "en"))).to_be_visible()
        expect(watcher.locator("strong", has_text=t("train.state.stopped", "en"))
               ).to_be_visible()
    finally:
        other.close()
