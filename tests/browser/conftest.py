"""The running app and a headless Chromium, shared by every browser test.

One Streamlit server and one browser serve the whole session: starting them costs seconds,
while a fresh context per test is cheap and keeps tests from sharing cookies or sessions.
Tests take `app_url`, `page` and `wait_for_app`; nothing here needs importing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from scripts.appserver import CHROMIUM, CHROMIUM_ARGS, serve

STARTUP_TIMEOUT_S = 60
VIEWPORT = {"width": 1400, "height": 900}
# Two cores shared with TensorFlow tests: allow slow steps rather than flaky failures.
TIMEOUT_MS = 90_000
expect.set_options(timeout=30_000)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    """Base URL of `streamlit run app.py`, started from the repo root for this test session."""
    try:
        with serve(STARTUP_TIMEOUT_S) as server:
            yield server.url
    except RuntimeError as error:  # the server did not start: its log says why
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium driven by Playwright; no Playwright browser build is ever downloaded."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page in its own fresh context (English locale, 1400x900) for one test."""
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    yield context.new_page()
    context.close()


def _wait_for_app(page: Page, timeout_ms: float = TIMEOUT_MS, settle_ms: float = 300) -> None:
    """Block until Streamlit has connected and finished running the script.

    A click only starts a rerun after a round trip, so the settle comes first, then the
    script state must read `notRunning` with no running indicator left on screen.
    """
    page.wait_for_timeout(settle_ms)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
        '[data-test-script-state="notRunning"]',
        timeout=timeout_ms,
    )
    page.wait_for_selector(
        '[data-testid="stStatusWidgetRunningIcon"]', state="detached", timeout=timeout_ms
    )


@pytest.fixture
def wait_for_app() -> Callable[..., None]:
    """`wait_for_app(page)` after `goto` or any interaction that reruns the script."""
    return _wait_for_app
