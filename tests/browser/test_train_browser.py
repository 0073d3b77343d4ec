"""The Train page in Chromium: a run grows live while the rest of the page stays usable."""
from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.text import t
from tests.browser.live_runs import choose_long_lstm_run, curve_reach, epoch_shown



def wait_for_epoch_above(page: Page, floor: int, timeout: float = 90) -> int:
    deadline = time.monotonic() + timeout
    while True:
        if epoch_shown(page) > floor:
            return epoch_shown(page)
        assert time.monotonic() < deadline, f"the epoch counter stayed at or below {floor}"
        page.wait_for_timeout(200)


def test_a_run_grows_live_while_other_widgets_work(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/train?lang=en")
    wait_for_app(page)
    choose_long_lstm_run(page, wait_for_app)
    page.get_by_role("button", name=t("train.start", "en"), exact=True).click()

    first = wait_for_epoch_above(page, 0)
    reach = curve_reach(page)
    second = wait_for_epoch_above(page, first)
    assert second > first
    deadline = time.monotonic() + 30
    while curve_reach(page) <= reach:  # the curve itself grows
        assert time.monotonic() < deadline, "the loss curve did not grow"
        page.wait_for_timeout(200)

    seed = page.get_by_label(t("train.seed", "en"), exact=True)
    seed.fill("7")  # typing elsewhere reruns the page; the run carries on
    seed.press("Enter")
    wait_for_epoch_above(page, epoch_shown(page))
    expect(seed).to_have_value("7")
    expect(page.get_by_text(t("train.state.running", "en"), exact=False).first).to_be_visible()

    page.get_by_role("button", name=t("train.stop", "en"), exact=True).click()
    expect(page.locator("strong", has_text=t("train.state.stopped", "en"))).to_be_visible()
    stopped_at = epoch_shown(page)
    page.wait_for_timeout(1200)
    assert epoch_shown(page) == stopped_at
    expect(page.get_by_role("button", name=re.compile(re.escape(t("train.download", "en"))))
           ).to_be_visible()

    page.get_by_role("button", name=t("train.reset", "en"), exact=True).click()
    expect(page.get_by_text(t("train.idle", "en"))).to_be_visible()
