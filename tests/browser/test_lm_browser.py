"""The Language model page in Chromium: perplexity grows live, then the model writes."""
from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.text import t
from tests.browser.live_runs import STATUS, curve_reach



def wait_for_reach_above(page: Page, floor: float, timeout: float = 60) -> float:
    deadline = time.monotonic() + timeout
    while (reach := curve_reach(page)) <= floor:
        assert time.monotonic() < deadline, f"the perplexity curve stayed at epoch {floor}"
        page.wait_for_timeout(150)
    return reach


def test_perplexity_grows_live_and_text_appears(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/language_model?lang=en")
    wait_for_app(page)
    expect(page.get_by_text(t("lm.idle", "en"))).to_be_visible()
    page.get_by_text(t("lm.settings", "en")).click()  # the book's settings, folded away
    epochs = page.get_by_label(t("lm.epochs", "en"), exact=True)
    epochs.fill("300")
    epochs.press("Enter")
    wait_for_app(page)
    page.get_by_role("button", name=t("train.start", "en"), exact=True).click()

    first = wait_for_reach_above(page, 0)
    second = wait_for_reach_above(page, first)
    assert second > first
    expect(page.locator("strong", has_text="Finished")).to_be_visible(timeout=90_000)
    assert curve_reach(page) == 300
    status = page.locator("strong", has_text=STATUS).first.inner_text()
    assert float(re.search(r"perplexity ([\d.,]+)", status).group(1)) < 10

    written = page.locator('[data-testid="stCode"]', has_text="▸").first
    expect(written).to_contain_text("the ▸ ")
    assert len(written.inner_text().split("▸", 1)[1].split()) >= 20
    before = written.inner_text()
    page.get_by_role("button", name=t("lm.write_again", "en")).click()
    wait_for_app(page)
    expect(written).not_to_have_text(before)
