"""The cell diagram in Chromium: stepping through a word with the LSTM word model, the drawn
cell state follows the step, with the engine's numbers."""
from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.text import t
from tests.browser.test_projector import choose, type_word
from tests.drawing import numbers, title

DRAWING = ".st-key-step_cell_step_unit_0_0 svg"


def test_stepping_through_an_lstm_word_moves_the_diagram(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/step_through?lang=en")
    wait_for_app(page)
    choose(page, "step_model", t("step.model_words_lstm", "en"), wait_for_app)
    type_word(page, "bell", wait_for_app)
    model = load("words-lstm")
    trace = Walk(model, read(model, "bell")).directions[0].trace
    heading = page.get_by_role("heading", name=re.compile(r"^Timestep \d"))
    seen = []
    for step in range(4):
        if step:
            page.locator(".st-key-step_next button").click()
            wait_for_app(page)
        expect(heading).to_have_text(re.compile(rf"^Timestep {step + 1} of 4"))
        drawn_title = f"step {step + 1}, reading {'bell'[step]}"
        page.wait_for_function(  # the new drawing lands, and is laid out, after the heading
            "([sel, text]) => { const svg = document.querySelector(sel);"
            " return svg && svg.getBoundingClientRect().width > 600"
            " && svg.outerHTML.includes(text); }",
            arg=[DRAWING, drawn_title])
        svg = page.locator(DRAWING).evaluate("svg => svg.outerHTML")
        assert drawn_title in title(svg)
        drawn = numbers(svg)
        assert float(drawn["c[0]"]) == pytest.approx(trace.states["c"][0, step, 0], abs=0.0051)
        assert float(drawn["h[0]"]) == pytest.approx(trace.states["h"][0, step, 0], abs=0.0051)
        seen.append(drawn)
    assert all(a != b for a, b in zip(seen, seen[1:]))
    assert page.locator('[data-testid="stException"]').count() == 0
