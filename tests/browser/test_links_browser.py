"""Shared links and presenter mode in Chromium: a link copied from one browser opens the same
step in a fresh one, and a projected Step-through steps with the arrow keys and plays with
the space bar."""
from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Browser, Page, expect

from rnnviz.text import t
from tests.browser.test_projector import type_word

EXCEPTION = '[data-testid="stException"]'
PROJECTOR = {"width": 1280, "height": 720}


def heading(page: Page):
    return page.get_by_role("heading", name=re.compile(r"^(Timestep|타임스텝) \d"))


def test_a_copied_link_opens_the_same_step_in_a_fresh_browser(
    page: Page, browser: Browser, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/step_through?lang=en")
    wait_for_app(page)
    type_word(page, "hello", wait_for_app)
    step = page.locator(".st-key-step_next button").click
    until_heading(page, step, "Timestep 2 of 5 · input e", wait_for_app)
    until_heading(page, step, "Timestep 3 of 5 · input l", wait_for_app)

    page.get_by_role("button", name=t("links.copy", "en")).click()
    link = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"] code')
    expect(link).to_contain_text("t=3")
    url = link.inner_text().strip()
    assert url.startswith(f"{app_url}/step_through?")

    other = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ko-KR")
    try:
        fresh = other.new_page()
        fresh.goto(url)
        wait_for_app(fresh)
        expect(heading(fresh)).to_have_text("Timestep 3 of 5 · input l")
        expect(fresh.locator(".st-key-step_text input")).to_have_value("hello")
        # The language came with the link, not from the browser's Korean locale.
        expect(fresh.get_by_role("heading", level=1)).to_have_text(t("step.title", "en"))
        assert fresh.locator(EXCEPTION).count() == 0
    finally:
        other.close()


def until_heading(page: Page, act: Callable[[], None], expected: str,
                  wait_for_app: Callable[..., None]) -> None:
    """`act` (a click, a key) until the heading reads `expected`, at most three times. On a
    machine busy with the whole suite a click or key press can come while the page is still
    redrawing its buttons after a rerun, and is lost; one that lands moves exactly one step,
    so the heading never passes `expected`."""
    before = heading(page).inner_text()
    for _ in range(3):
        act()
        wait_for_app(page)
        try:
            expect(heading(page)).to_have_text(expected, timeout=10_000)
            return
        except AssertionError:
            expect(heading(page)).to_have_text(before)
    expect(heading(page)).to_have_text(expected)


def test_presenter_mode_steps_with_the_arrow_keys_and_plays_with_space(
    browser: Browser, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    context = browser.new_context(viewport=PROJECTOR, locale="en-US")
    context.set_default_timeout(90_000)
    try:
        page = context.new_page()
        page.goto(f"{app_url}/step_through?lang=en&present=1&word=hello")
        wait_for_app(page)
        expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute(
            "data-collapsed", "true")
        # Projected at 1280x720, the strip and the step's heading are on screen unscrolled.
        for element in (page.locator(".st-key-step_tape"), heading(page)):
            box = element.bounding_box()
            assert box is not None and box["y"] + box["height"] <= PROJECTOR["height"]
        expect(heading(page)).to_have_text("Timestep 1 of 5 · input h")
        # The page has written its step into the address: its first runs are over.
        expect(page).to_have_url(re.compile(r"[?&]t=1(&|$)"))
        heading(page).click()  # focus on the page, not in the text box
        wait_for_app(page, settle_ms=1_000)
        def press(key: str) -> Callable[[], None]:
            return lambda: page.keyboard.press(key)

        until_heading(page, press("ArrowRight"), "Timestep 2 of 5 · input e", wait_for_app)
        until_heading(page, press("ArrowRight"), "Timestep 3 of 5 · input l", wait_for_app)
        until_heading(page, press("ArrowLeft"), "Timestep 2 of 5 · input e", wait_for_app)
        page.keyboard.press("Space")
        expect(heading(page)).to_have_text("Timestep 5 of 5 · input o", timeout=30_000)
        assert page.locator(EXCEPTION).count() == 0
    finally:
        context.close()
