"""The Gradients page in Chromium: a control changes the numbers, a map link opens its page."""
from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.gradients import Setting, untrained_flow

METRIC = '[data-testid="stMetricValue"]'
EXCEPTION = '[data-testid="stException"]'


def test_activation_changes_the_numbers_and_a_link_opens_its_page(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/gradients?lang=en")
    wait_for_app(page)
    first = page.locator(METRIC).first
    expect(first).to_have_text(f"{untrained_flow('SimpleRNN', Setting()).reach:.1e}")
    expect(page.locator('[data-testid="stPlotlyChart"]').first).to_be_visible()

    page.locator(".st-key-gradients_activation").click()
    page.get_by_role("option", name="linear").click()
    wait_for_app(page)
    linear = untrained_flow("SimpleRNN", Setting(activation="linear")).reach
    expect(first).to_have_text(f"{linear:.1e}")
    assert page.locator(EXCEPTION).count() == 0

    page.get_by_role("link", name="Open: Step through").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Step through a recurrent network")).to_be_visible()
