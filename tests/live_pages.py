"""Waiting on a page whose run trains in the background (Train, Language model, a watch link),
driven by AppTest: read its status line (and what a language model wrote), rerun until
something shows."""
from __future__ import annotations

import time
from collections.abc import Callable

from streamlit.testing.v1 import AppTest


def status_line(at: AppTest) -> str:
    """The bold `**… epoch n / N …**` line, or "" before a run."""
    lines = [m.value for m in at.markdown if m.value.startswith("**") and " / " in m.value]
    return lines[0] if lines else ""


def written_text(at: AppTest) -> str:
    """What the Language model page's model wrote (`prompt ▸ words`), or "" (its other code
    blocks are the run's links)."""
    return next((c.value for c in at.code if " ▸ " in c.value), "")


def rerun_until(at: AppTest, condition: Callable[[AppTest], bool], timeout: float = 90) -> None:
    """Rerun the page until `condition` holds; fails with the status it last showed."""
    deadline = time.monotonic() + timeout
    while not condition(at):
        assert time.monotonic() < deadline, f"timed out; status: {status_line(at)!r}"
        time.sleep(0.3)
        at.run()
