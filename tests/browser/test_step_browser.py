"""The Step-through page in Chromium: type a word, step, and the highlight follows."""
from __future__ import annotations

import re
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from rnnviz.charts.step import CURRENT
from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.text import t
from tests.browser.test_projector import type_word
from tests.drawing import frames, named

TAPE = ".st-key-step_tape [role=img]"
EXCEPTION = '[data-testid="stException"]'


def tape_name(word: str, step: int) -> str:
    """The accessible name the tape gets when `step` (from 1) of `word` is current."""
    model = load("hello")
    predicted = Walk(model, read(model, word)).argmax()[step - 1]
    return t("step.tape_alt", "en", t=step, n=len(word), token=word[step - 1],
             predicted=predicted)


def test_typing_a_word_and_pressing_next_moves_the_highlight(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/step_through?lang=en")
    wait_for_app(page)
    type_word(page, "hello", wait_for_app)
    heading = page.get_by_role("heading", name=re.compile(r"^Timestep \d"))
    expect(heading).to_have_text("Timestep 1 of 5 · input h")
    expect(page.locator(TAPE)).to_have_attribute("aria-label", tape_name("hello", 1))

    page.locator(".st-key-step_next button").click()
    wait_for_app(page)
    expect(heading).to_have_text("Timestep 2 of 5 · input e")
    # Streamlit may show the strip of the step before for a moment while it redraws.
    expect(page.locator(TAPE)).to_have_count(1)
    expect(page.locator(TAPE)).to_have_attribute("aria-label", tape_name("hello", 2))
    expect(page.get_by_role("slider")).to_have_value("2")
    assert page.locator(EXCEPTION).count() == 0
    assert_a_drawing_saves_as_shown(page)


def assert_a_drawing_saves_as_shown(page: Page) -> None:
    """The whole-word heatmap's save button, shown under the pointer, gives the SVG on the
    page: the same numbers, the same step framed."""
    heatmap = page.locator(".st-key-step_heatmap")
    save = heatmap.get_by_role("link", name=t("export.drawing_svg", "en"))
    expect(save).to_have_css("opacity", "0")
    heatmap.hover()
    expect(save).to_have_css("opacity", "1")
    with page.expect_download() as download:
        save.click()
    assert download.value.suggested_filename == "rnnviz-step_heatmap.svg"
    saved = Path(download.value.path()).read_text()
    shown = heatmap.locator("svg").evaluate("svg => svg.outerHTML")
    assert named(saved) == named(shown) and "[2, 1]" in named(saved)
    assert frames(saved, CURRENT) == frames(shown, CURRENT) != []


def test_play_walks_forward_to_the_last_step_and_never_back(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    """While the player ticks, the browser may still send the slider's value of a step ago;
    that must never move the position back."""
    page.goto(f"{app_url}/step_through?lang=en")
    wait_for_app(page)
    type_word(page, "hello", wait_for_app)
    page.locator(".st-key-step_play button").click()
    # While a rerun draws the next step Streamlit keeps the last run's slider on screen
    # beside the new one, its element marked stale: only a current slider tells the position.
    current = """() => [...document.querySelectorAll('[data-testid="stSliderThumbValue"]')]
        .filter(n => n.closest('[data-stale]')?.getAttribute('data-stale') !== 'true')
        .map(n => Number(n.textContent))"""
    seen: list[int] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        values = page.evaluate(current)
        if len(values) == 1:
            if not seen or seen[-1] != values[0]:
                seen.append(values[0])
            if values[0] == 5:
                break
        page.wait_for_timeout(100)
    assert seen[-1] == 5, seen
    assert seen == sorted(seen), seen
    wait_for_app(page)
    expect(page.get_by_role("heading", name=re.compile(r"^Timestep \d"))).to_have_text(
        "Timestep 5 of 5 · input o")
    # The player stopped itself: Play again, and no Pause left once the stale button goes.
    expect(page.get_by_role("button", name=re.compile(r"^Play"))).to_be_visible()
    expect(page.get_by_role("button", name=re.compile(r"^Pause"))).to_have_count(0)
    assert page.locator(EXCEPTION).count() == 0
