"""The Step-through page in Chromium: type a word, step, and the highlight follows."""
from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.text import t

TAPE = '.st-key-step_tape [role="figure"]'
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
    box = page.locator(".st-key-step_text input")
    box.fill("hello")
    box.press("Enter")
    wait_for_app(page)
    heading = page.get_by_role("heading", name=re.compile(r"^Timestep \d"))
    expect(heading).to_have_text("Timestep 1 of 5 · input h")
    expect(page.locator(TAPE)).to_have_attribute("aria-label", tape_name("hello", 1))

    page.locator(".st-key-step_next button").click()
    wait_for_app(page)
    expect(heading).to_have_text("Timestep 2 of 5 · input e")
    expect(page.locator(TAPE)).to_have_attribute("aria-label", tape_name("hello", 2))
    expect(page.get_by_role("slider")).to_have_value("2")
    assert page.locator(EXCEPTION).count() == 0
