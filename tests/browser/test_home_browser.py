"""The home page in a real browser: a teacher's `/?lesson=L4` on a just-started server opens
the Train page, and a lesson link on the home page opens its page."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import Browser, expect

from rnnviz.text import t
from scripts.appserver import serve

EXCEPTION = '[data-testid="stException"]'


def test_a_lesson_link_on_a_fresh_server_lands_on_the_lesson_page(
    browser: Browser, wait_for_app: Callable[..., None]
) -> None:
    with serve() as server:
        context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 720})
        context.set_default_timeout(90_000)
        try:
            page = context.new_page()
            page.goto(f"{server.url}/?lesson=L4")
            page.wait_for_url(lambda url: urlparse(url).path == "/train")
            wait_for_app(page)
            expect(page.locator("h1").first).to_have_text(t("train.title", "en"))
            assert parse_qs(urlparse(page.url).query)["lesson"] == ["L4"]
            assert page.locator(EXCEPTION).count() == 0

            page.goto(f"{server.url}/?lang=en")
            wait_for_app(page)
            page.get_by_role("link", name=f"L7 · {t('home.lesson.L7', 'en')}").click()
            page.wait_for_url(lambda url: urlparse(url).path == "/by_hand")
            wait_for_app(page)
            expect(page.locator("h1").first).to_have_text(t("byhand.title", "en"))
            assert parse_qs(urlparse(page.url).query)["lesson"] == ["L7"]
        finally:
            context.close()
