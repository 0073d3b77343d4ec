"""The By-hand page in Chromium: the lecture's loss on screen, a step forward, one SGD step."""
from __future__ import annotations

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.byhand import hello_lesson, sgd_step
from rnnviz.byhand.training import total_loss

METRIC = '[data-testid="stMetricValue"]'
EXCEPTION = '[data-testid="stException"]'


def test_step_forward_and_train_one_step(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/by_hand?lang=en")
    wait_for_app(page)
    expect(page.locator(METRIC).first).to_have_text("12.062061261168791")
    heading = page.get_by_role("heading", name=re.compile(r"^Timestep \d"))
    expect(heading).to_have_text("Timestep 1 of 4 · input h")

    page.locator(".st-key-byhand_fpos_hello_next button").click()
    wait_for_app(page)
    expect(heading).to_have_text("Timestep 2 of 4 · input e")

    page.get_by_role("tab", name="Train by hand").click()
    page.locator(".st-key-byhand_one button").click()
    wait_for_app(page)
    lesson = hello_lesson()
    net = lesson.network()
    sgd_step(net, lesson.examples, lesson.learning_rate)
    expect(page.locator(METRIC).first).to_have_text(repr(total_loss(net, lesson.examples)))
    assert page.locator(EXCEPTION).count() == 0
