"""The shell every page lives in: navigation, the language switch, and pages that open cleanly."""
from __future__ import annotations

from collections.abc import Callable
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from rnnviz.text import t
from scripts.appserver import serve

PAGES = (
    ("home.nav", "/"), ("common.nav_step", "/step_through"), ("common.nav_lab", "/keras_lab"),
    ("common.nav_train", "/train"), ("byhand.nav", "/by_hand"), ("gradients.nav", "/gradients"),
    ("lm.nav", "/language_model"),
)
NAV_LINK = '[data-testid="stSidebarNavLink"]'
ACTIVE_TITLE = f'{NAV_LINK}[aria-current="page"] [data-testid="stMarkdownContainer"]'
EXCEPTION = '[data-testid="stException"]'


def titles(lang: str) -> list[str]:
    return [t(key, lang) for key, _ in PAGES]


def expect_nav_titles(page: Page, lang: str) -> None:
    """Retrying, so a rerun that is still on its way cannot make the check read old titles."""
    nav = page.locator(f'{NAV_LINK} [data-testid="stMarkdownContainer"]')
    expect(nav).to_have_text(titles(lang))


def expect_lang_param(page: Page, lang: str) -> None:
    page.wait_for_url(lambda url: parse_qs(urlparse(url).query).get("lang") == [lang])


def test_navigation_lists_every_page_and_opens_the_home_page(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(app_url)
    wait_for_app(page)
    expect_nav_titles(page, "en")
    expect(page.locator(ACTIVE_TITLE)).to_have_text(t("home.nav", "en"))
    expect_lang_param(page, "en")


def test_sidebar_switch_turns_the_app_korean(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(app_url)
    wait_for_app(page)
    switch = page.locator('[data-testid="stSidebar"] .st-key-lang')
    switch.get_by_role("radio", name=t("common.lang_name_ko", "ko")).click()
    wait_for_app(page)
    expect_nav_titles(page, "ko")
    expect(switch.get_by_role("radio", checked=True)).to_have_text("한국어")
    expect_lang_param(page, "ko")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_lang_parameter_picks_the_language(
    page: Page, app_url: str, wait_for_app: Callable[..., None], lang: str
) -> None:
    page.goto(f"{app_url}/train?lang={lang}")
    wait_for_app(page)
    expect_nav_titles(page, lang)
    expect(page.locator(ACTIVE_TITLE)).to_have_text(t("common.nav_train", lang))


def test_korean_browser_gets_korean_without_asking(
    browser: Browser, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    context = browser.new_context(locale="ko-KR", viewport={"width": 1400, "height": 900})
    context.set_default_timeout(90_000)
    try:
        page = context.new_page()
        page.goto(app_url)
        wait_for_app(page)
        expect_nav_titles(page, "ko")
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_page_opens_from_the_navigation_without_an_exception(
    page: Page, app_url: str, wait_for_app: Callable[..., None], lang: str
) -> None:
    page.goto(f"{app_url}/?lang={lang}")
    wait_for_app(page)
    for key, path in reversed(PAGES):
        title = t(key, lang)
        page.locator('[data-testid="stSidebarNav"]').get_by_role(
            "link", name=title, exact=True
        ).click()
        page.wait_for_url(lambda url, path=path: urlparse(url).path == path)
        wait_for_app(page)
        expect(page.locator(ACTIVE_TITLE)).to_have_text(title)
        assert page.locator(EXCEPTION).count() == 0, page.locator(EXCEPTION).first.inner_text()
        expect_lang_param(page, lang)
        expect_nav_titles(page, lang)


def test_a_link_to_a_page_on_a_fresh_server_opens_inside_the_app(
    browser: Browser, wait_for_app: Callable[..., None]
) -> None:
    """A fresh server runs a `pages/` file on its own until some session has run app.py's
    `st.navigation`; a teacher's link to /train must still get the app's navigation and
    language switch."""
    with serve() as server:
        context = browser.new_context(locale="en-US")
        page = context.new_page()
        page.goto(f"{server.url}/train")
        wait_for_app(page)
        expect_nav_titles(page, "en")
        expect(page.locator('[data-testid="stSidebar"] .st-key-lang')).to_have_count(1)
        expect(page.locator("h1").first).to_have_text(t("train.title", "en"))
        context.close()


def test_the_language_of_a_link_survives_clicks_on_a_fresh_server(
    browser: Browser, wait_for_app: Callable[..., None]
) -> None:
    """On a just-started server `/?lang=ko` then a click in the sidebar gave
    `/train?lang=None` and English from then on: the first run drew the language switch
    under Streamlit's old pages-directory mode, and the switch came back empty."""
    with serve() as server:
        context = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 900})
        context.set_default_timeout(90_000)
        try:
            page = context.new_page()
            page.goto(f"{server.url}/?lang=ko")
            wait_for_app(page)
            for key, path in (("common.nav_train", "/train"), ("common.nav_lab", "/keras_lab"),
                              ("common.nav_step", "/step_through"), ("home.nav", "/")):
                page.locator('[data-testid="stSidebarNav"]').get_by_role(
                    "link", name=t(key, "ko"), exact=True
                ).click()
                page.wait_for_url(lambda url, path=path: urlparse(url).path == path)
                wait_for_app(page)
                expect_lang_param(page, "ko")
                expect_nav_titles(page, "ko")
                switch = page.locator('[data-testid="stSidebar"] .st-key-lang')
                expect(switch.get_by_role("radio", checked=True)).to_have_text("한국어")
        finally:
            context.close()
