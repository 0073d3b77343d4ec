"""Hostile `.keras` uploads on the Train page in Chromium: each gets a sentence, no traceback,
and the page stays usable."""
from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.text import CATALOGUE
from tests.test_uploads import size_bomb

EXCEPTION = '[data-testid="stException"]'


def opening(key: str) -> str:
    """The sentence's words before its first placeholder."""
    return CATALOGUE[key]["en"].split("{")[0].strip()


def test_hostile_uploads_are_refused_with_a_sentence(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/train?lang=en")
    wait_for_app(page)
    chooser = page.locator('[data-testid="stFileUploader"] input[type="file"]')
    expect(chooser).to_be_enabled(timeout=90_000)  # once TensorFlow has loaded
    for name, data, key in [
        ("bomb.keras", size_bomb(), "train.problem.upload_mismatch"),
        ("notes.keras", b"not a model at all\n" * 50, "train.problem.upload_corrupt"),
    ]:
        chooser.set_input_files(files=[{"name": name, "mimeType": "application/octet-stream",
                                        "buffer": data}])
        wait_for_app(page)
        expect(page.get_by_text(opening(key))).to_be_visible()
        assert page.locator(EXCEPTION).count() == 0
    expect(page.get_by_role("button", name=CATALOGUE["train.start"]["en"], exact=True)) \
        .to_be_enabled()
