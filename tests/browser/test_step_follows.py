"""Stepping through a word in Chromium (Next, Previous, the slider, the heading's own Next):
every view follows the cursor, with the engine's numbers. The views after a step are drawn by
a fragment rerun, so this checks what the browser shows, not what the script sent."""
from __future__ import annotations

import time
from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.charts.step import CURRENT
from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.text import t

WORD = "hello"
MODEL = load("hello")
WALK = Walk(MODEL, read(MODEL, WORD))
EXCEPTION = '[data-testid="stException"]'
# The letter strip's accessible names: one strip, naming the step it highlights.
TAPE = """() => [...document.querySelectorAll('.st-key-step_tape [role=img]')]
  .map(node => node.getAttribute('aria-label'))"""
# The numbers a drawing prints.
BAR_TEXT = """key => [...document.querySelectorAll(`.st-key-${key} svg text[data-name]`)]
  .map(node => node.textContent).sort()"""
# The whole-word heatmap: the token under its current-step frame, and the numbers it prints.
FRAMED = """frame => [...document.querySelectorAll('.st-key-step_heatmap svg')].map(svg => {
  const box = [...svg.querySelectorAll('rect')].find(r => r.getAttribute('stroke') === frame);
  const left = +box.getAttribute('x'), right = left + +box.getAttribute('width');
  return [...svg.querySelectorAll('text[data-name^="token["]')]
    .filter(node => left < +node.getAttribute('x') && +node.getAttribute('x') < right)
    .map(node => node.textContent).join();
})"""
# The whole-word table's marked rows, each as its first two cells (t, input).
CURRENT_ROW = """() => [...document.querySelectorAll('.rnnviz-table tr')]
  .filter(row => row.textContent.includes('▶'))
  .map(row => [...row.cells].slice(0, 2).map(cell => cell.textContent.trim()))"""


def shows(page: Page, script: str, arg: object, expected: object) -> None:
    """Wait until `script` evaluates to `expected` in the page (the views are drawn a moment
    after the script run ends)."""
    seen = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        seen = page.evaluate(script, arg)
        if seen == expected:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"{script!r} showed {seen!r}, not {expected!r}")


def assert_views_at(page: Page, step: int) -> None:
    """Step `step` (from 1) everywhere: heading, slider, letter strip, state bars, softmax,
    the whole-word heatmap's frame and the table's marked row, each value as the engine
    computes it."""
    token = WORD[step - 1]
    predicted = WALK.argmax()[step - 1]
    expect(page.get_by_role("heading", name=t("step.current", "en", t=step, n=len(WORD),
                                              token=token))).to_be_visible()
    expect(page.get_by_role("slider")).to_have_value(str(step))
    shows(page, TAPE, None, [t("step.tape_alt", "en", t=step, n=len(WORD), token=token,
                                 predicted=predicted)])
    engine = WALK.step(step - 1)
    (_, terms), = engine.layers
    shows(page, BAR_TEXT, "step_unit_0_0_states", sorted(f"{v:.2f}" for v in terms["h"]))
    softmax = engine.softmax
    probabilities = [p for _, p in softmax.top()]
    if softmax.target is not None and softmax.target not in {label for label, _ in
                                                              softmax.top()}:
        probabilities.append(softmax.p_target)
    shows(page, BAR_TEXT, "step_softmax", sorted(f"{p:.1%}" for p in probabilities))
    shows(page, CURRENT_ROW, None, [[f"▶ {step}", token]])
    shows(page, FRAMED, CURRENT, [token])
    hidden = WALK.directions[0].trace.hidden[0]  # (steps, units): the whole word
    shows(page, BAR_TEXT, "step_heatmap", sorted(
        [f"{v:.2f}" for v in hidden.ravel()] + list(WORD)))
    assert page.locator(EXCEPTION).count() == 0


def test_every_view_follows_next_previous_and_the_slider(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/step_through?lang=en")
    wait_for_app(page)
    box = page.locator(".st-key-step_text input")
    box.fill(WORD)
    box.press("Enter")
    wait_for_app(page)
    assert_views_at(page, 1)
    for expected in (2, 3):
        page.locator(".st-key-step_next button").click()
        wait_for_app(page)
        assert_views_at(page, expected)
    page.locator(".st-key-step_prev button").click()
    wait_for_app(page)
    assert_views_at(page, 2)
    page.get_by_role("slider").focus()
    page.keyboard.press("End")
    wait_for_app(page)
    assert_views_at(page, len(WORD))
    expect(page.locator(".st-key-step_next button")).to_be_disabled()
    page.locator(".st-key-step_prev_here button").click()
    wait_for_app(page)
    assert_views_at(page, len(WORD) - 1)
