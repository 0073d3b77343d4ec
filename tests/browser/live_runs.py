"""Reading a training page in Chromium (Train, Language model, a watch link): the epoch its
status line shows, how far its first curve reaches, and the long runs tests keep going."""
from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page

from rnnviz.text import t

STATUS = re.compile(r"epoch (\d+) / (\d+)")


def epoch_shown(page: Page) -> int:
    """The epoch in the bold status line, -1 before there is one."""
    strong = page.locator("strong", has_text=STATUS)
    return int(STATUS.search(strong.first.inner_text()).group(1)) if strong.count() else -1


def curve_reach(page: Page) -> float:
    """The x of the first plotly chart's last point (-1 before it has one). Point counts stop
    growing once a long run's curve is thinned, so a curve's reach is what must grow."""
    return page.locator(".js-plotly-plot").first.evaluate(
        "el => (el.calcdata && el.calcdata[0] && el.calcdata[0].length)"
        " ? el.calcdata[0][el.calcdata[0].length - 1].x : -1"
    )


def choose_long_lstm_run(page: Page, settle: Callable[[Page], None], epochs: int = 5000,
                         batch_size: int | None = None) -> None:
    """Three 64-unit LSTM layers on the pasted text: minutes of work, so a run is still going
    while a test watches, types elsewhere or reloads."""
    page.get_by_label(t("train.source", "en"), exact=True).click()
    page.get_by_role("option", name=t("train.source.text", "en")).click()
    settle(page)
    page.get_by_label(t("train.cell", "en"), exact=True).click()
    page.get_by_role("option", name="LSTM").click()
    settle(page)
    fields = [("train.units", 64), ("train.layers", 3), ("train.epochs", epochs)]
    if batch_size is not None:
        fields.insert(2, ("train.batch_size", batch_size))
    for label, value in fields:
        box = page.get_by_label(t(label, "en"), exact=True)
        box.fill(str(value))
        box.press("Enter")
        settle(page)


def choose_long_lm_run(page: Page, settle: Callable[[Page], None]) -> None:
    """The Language model page's slowest run: a 300-wide LSTM for 500 epochs, minutes of
    work, so it is still going while a test watches or reloads."""
    page.get_by_label(t("lm.cell", "en"), exact=True).click()
    page.get_by_role("option", name="LSTM").click()
    settle(page)
    page.get_by_text(t("lm.settings", "en")).click()  # the book's settings, folded away
    for label, value in (("lm.wordvec", 300), ("lm.hidden", 300), ("lm.epochs", 500)):
        box = page.get_by_label(t(label, "en"), exact=True)
        box.fill(str(value))
        box.press("Enter")
        settle(page)
