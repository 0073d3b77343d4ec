"""The Keras lab in Chromium: flipping return_sequences and return_state changes what the real
layer returns, and the shapes on screen follow."""
from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

TENSOR_HEADINGS = '[data-testid="stMain"] h4'
EXCEPTION = '[data-testid="stException"]'


def flip(page: Page, key: str, wait_for_app: Callable[..., None]) -> None:
    page.locator(f".st-key-{key} label").first.click()
    wait_for_app(page)


def test_flags_change_the_returned_shapes(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/keras_lab?lang=en")
    wait_for_app(page)
    headings = page.locator(TENSOR_HEADINGS)
    # TensorFlow may still be loading: the page shows a notice, then reruns by itself.
    expect(headings).to_have_text(["output · shape (3, 5, 2)", "h · shape (3, 2)"],
                                  timeout=120_000)
    expect(page.locator(".st-key-lab_chart_output")).to_be_visible()

    flip(page, "lab_seq", wait_for_app)
    expect(headings).to_have_text(["output · shape (3, 2)", "h · shape (3, 2)"])

    flip(page, "lab_state", wait_for_app)
    expect(headings).to_have_text(["output · shape (3, 2)"])
    expect(page.get_by_text("output = layer(x)", exact=True)).to_be_visible()

    flip(page, "lab_seq", wait_for_app)
    expect(headings).to_have_text(["output · shape (3, 5, 2)"])
    expect(page.locator(EXCEPTION)).to_have_count(0)
