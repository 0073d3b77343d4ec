"""A run others can watch, in Chromium, on the Train and the Language model pages: the watch
link opened in a second browser follows the curve live with no controls, the owner's count
of watchers follows without a click, and the owner's reload finds the run with its controls."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, Page, expect

from rnnviz.text import t
from tests.browser.live_runs import (
    choose_long_lm_run, choose_long_lstm_run, curve_reach, epoch_shown,
)

CONTROLS = ("train.start", "train.pause", "train.resume", "train.stop", "train.reset")
LINK = re.compile(r"\?(watch|run)=")


def wait_until(page: Page, condition: Callable[[], bool], what: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        page.wait_for_timeout(200)


def button(page: Page, key: str):
    return page.get_by_role("button", name=t(key, "en"), exact=True)


def share_and_watch(owner: Page, watcher: Page, app_url: str, path: str,
                    choose: Callable[[Page, Callable[..., None]], None], watching: str,
                    wait_for_app: Callable[..., None]) -> None:
    """The owner starts a long run on `path`, hands its watch link to `watcher`, which
    follows it read-only; the owner reloads and stops it, and both pages say so."""
    owner.goto(f"{app_url}/{path}?lang=en")
    wait_for_app(owner)
    choose(owner, wait_for_app)
    button(owner, "train.start").click()
    wait_until(owner, lambda: epoch_shown(owner) > 0, f"the {path} run never began")

    owner_token = parse_qs(urlparse(owner.url).query)["run"][0]
    owner.get_by_text(t("watch.share_none", "en")).click()
    links = owner.locator('[data-testid="stCode"] code', has_text=LINK)
    expect(links).to_have_count(2)
    watch_link = links.first.inner_text().strip()
    assert "?watch=" in watch_link and owner_token not in watch_link
    assert f"/{path}?watch=" in watch_link
    assert links.nth(1).inner_text().strip().endswith(f"/{path}?run={owner_token}")

    watcher.goto(watch_link)
    wait_for_app(watcher)
    expect(watcher.get_by_text(t(watching, "en"))).to_be_visible()
    wait_until(watcher, lambda: epoch_shown(watcher) > 0, "the watcher saw no epoch")
    reach = curve_reach(watcher)
    wait_until(watcher, lambda: curve_reach(watcher) > reach,
               "the watcher's curve did not grow", 30)
    for key in CONTROLS:
        expect(button(watcher, key)).to_have_count(0)
    assert owner_token not in watcher.content()
    assert "run=" not in watcher.url
    # The owner's count follows its progress, with no rerun of the whole page.
    expect(owner.get_by_text(t("watch.share", "en", count=1))).to_be_visible()

    before = epoch_shown(owner)
    owner.reload()
    wait_for_app(owner)
    wait_until(owner, lambda: epoch_shown(owner) > before, "the reloaded page lost the run")
    expect(owner.get_by_text(t("train.state.running", "en"), exact=False).first
           ).to_be_visible()
    expect(button(owner, "train.pause")).to_be_enabled()
    button(owner, "train.stop").click()
    expect(owner.locator("strong", has_text=t("train.state.stopped", "en"))).to_be_visible()
    expect(watcher.locator("strong", has_text=t("train.state.stopped", "en"))).to_be_visible()


def test_a_watcher_follows_live_and_the_owner_s_reload_keeps_the_controls(
    page: Page, browser: Browser, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    other = browser.new_context(viewport=page.viewport_size, locale="en-US")
    try:
        other.set_default_timeout(120_000)
        watcher = other.new_page()  # a second, fresh context: another device
        share_and_watch(page, watcher, app_url, "train", choose_long_lstm_run,
                        "watch.watching", wait_for_app)
        share_and_watch(page, watcher, app_url, "language_model", choose_long_lm_run,
                        "lmwatch.watching", wait_for_app)
        # What the language model's newest weights write, under its perplexity curve.
        expect(watcher.locator('[data-testid="stCode"]')).to_have_count(1)
    finally:
        other.close()
