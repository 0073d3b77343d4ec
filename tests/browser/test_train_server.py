"""The Train page against a server these tests start cold, as a class meets it.

Its own server, not the shared one: the first test must find TensorFlow not yet loaded, and
a disconnected session is forgotten after 15 s (`server.disconnectedSessionTTL`) instead of 2
minutes and a run whose owner left ends 5 s later instead of 5 minutes, so a closed tab's run
is seen to end within a test.
"""
from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, WebSocketRoute, expect

from rnnviz.text import t
from tests.browser.live_runs import STATUS, choose_long_lstm_run, epoch_shown
from rnnviz.trainer.custom import from_text
from rnnviz.trainer.settings import TrainSettings, max_epochs
from scripts.appserver import Server, serve

SETTLED = ('[data-testid="stApp"][data-test-connection-state="CONNECTED"]'
           '[data-test-script-state="notRunning"]')
SESSION_TTL = 15
# The closed-tab test: the other session's reruns are timed over WINDOW seconds, and one that
# takes STALL seconds counts as the event loop stalled (joining the tracing worker did, for up
# to 10 s).
WINDOW, STALL = 8, 6.0
OWNER_GRACE = 5


@pytest.fixture(scope="module")
def cold() -> Iterator[Server]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL", str(SESSION_TTL))
        patch.setenv("RNNVIZ_OWNER_GRACE_SECONDS", str(OWNER_GRACE))
        with serve(60) as server:
            yield server


def open_train(browser: Browser, server: Server, width: int = 1280, height: int = 720) -> Page:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-US")
    context.set_default_timeout(120_000)
    page = context.new_page()
    page.goto(f"{server.url}/train?lang=en")
    page.wait_for_selector(SETTLED)
    return page


def settle(page: Page) -> None:
    """After a change: the rerun has begun, and then ended."""
    page.wait_for_timeout(300)
    page.wait_for_selector(SETTLED)
    page.wait_for_selector('[data-testid="stStatusWidgetRunningIcon"]', state="detached")


def status(page: Page) -> str:
    strong = page.locator("strong", has_text=STATUS)
    return strong.first.inner_text() if strong.count() else ""


def wait_for(page: Page, condition, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}; status: {status(page)!r}"
        page.wait_for_timeout(100)


def start(page: Page) -> None:
    page.get_by_role("button", name=t("train.start", "en"), exact=True).click()


def choose_pace(page: Page, pace: str) -> None:
    page.get_by_text(t(f"train.pace.{pace}", "en"), exact=True).click()
    settle(page)


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    raise AssertionError("no thread count")


def use_the_longest_settings(page: Page) -> None:
    """The long LSTM run with batch size 1 and as many epochs as the server allows one run."""
    text = t("train.text_default.text", "en")
    heavy = TrainSettings("LSTM", 64, 3, "Adam", 0.02, 1, 1)
    choose_long_lstm_run(page, settle, min(5000, max_epochs(from_text(text), heavy)), 1)


def test_closing_a_tab_while_its_run_waits_never_stalls_the_server(
    browser: Browser, cold: Server
) -> None:
    """Closing a tab whose run is still tracing its first graph used to join the worker on
    Streamlit's event loop, stalling every session for up to 10 s. Another session's reruns,
    timed in its browser, must go on meanwhile: at least four in `WINDOW`, none of them
    stalled. (The trace itself holds the GIL in stretches: with the whole suite and other
    work on the two cores one rerun beside it took 3.5 s, so "stalled" is `STALL`.)"""
    other = open_train(browser, cold)
    page = open_train(browser, cold)
    expect(page.get_by_text(t("train.loading_tensorflow", "en"))).to_be_hidden(timeout=120_000)
    use_the_longest_settings(page)  # a shape nobody has built: its graph takes seconds
    start(page)
    expect(page.get_by_text(t("train.msg.preparing", "en"))).to_be_visible()
    page.context.close()  # the tab goes while its run traces
    box = other.get_by_label(t("train.seed", "en"), exact=True)
    reruns = []
    until = time.monotonic() + WINDOW
    while time.monotonic() < until:  # another session's reruns go on meanwhile
        began = time.monotonic()
        box.fill(str(len(reruns) + 1))
        box.press("Enter")
        settle(other)
        reruns.append(time.monotonic() - began - 0.3)
    other.context.close()
    assert len(reruns) >= 4 and max(reruns) < STALL, f"reruns took {reruns}"


def test_a_slowed_run_is_watchable_and_fits_a_projector(browser: Browser, cold: Server) -> None:
    page = open_train(browser, cold)
    choose_pace(page, "slow")
    start(page)
    wait_for(page, lambda: epoch_shown(page) >= 1, "no epoch was shown")
    seen, began = set(), time.monotonic()
    while t("train.state.finished", "en") not in status(page):
        seen.add(epoch_shown(page))
        page.wait_for_timeout(100)
    # Spread over about 10 s and seen on the way (a loaded machine refreshes the page less
    # often, so fewer epochs are caught than at leisure).
    took = time.monotonic() - began
    assert took >= 5 and len(seen) >= 5, f"the run jumped to its end: {sorted(seen)}, {took:.1f} s"
    # 1280x720 after Start: the status and the curves are in view without scrolling.
    assert page.evaluate("window.scrollY") == 0
    line = page.locator("strong", has_text=STATUS).first.bounding_box()
    loss = page.locator(".js-plotly-plot").first.bounding_box()
    assert line["y"] + line["height"] <= 720 and loss["y"] + loss["height"] <= 720
    # On hover plotly shows its download button alone, and not over the chart's title.
    chart = page.locator(".js-plotly-plot").first
    chart.hover()
    buttons = chart.locator(".modebar-container .modebar-btn")
    expect(buttons).to_have_count(1)
    button, title = buttons.first.bounding_box(), chart.locator(".gtitle").bounding_box()
    assert (button["x"] >= title["x"] + title["width"] or button["y"] >= title["y"] + title["height"]
            or title["y"] >= button["y"] + button["height"])
    page.context.close()


def test_a_dropped_connection_keeps_the_run(browser: Browser, cold: Server) -> None:
    """Wi-Fi drops for a few seconds: the tab reconnects to its session and finds its run,
    still training, with its curves."""
    page = open_train(browser, cold)
    sockets: list[WebSocketRoute] = []
    down = threading.Event()

    def route(ws: WebSocketRoute) -> None:
        if down.is_set():
            ws.close()
            return
        ws.connect_to_server()
        sockets.append(ws)

    page.route_web_socket(re.compile(r".*/_stcore/stream"), route)
    page.reload()
    settle(page)
    page.get_by_label(t("train.source", "en"), exact=True).click()
    page.get_by_role("option", name=t("train.source.L4", "en")).click()
    settle(page)
    epochs = page.get_by_label(t("train.epochs", "en"), exact=True)
    epochs.fill("5000")
    epochs.press("Enter")
    settle(page)
    choose_pace(page, "slow")
    start(page)
    wait_for(page, lambda: epoch_shown(page) > 0, "the run did not start")
    before = epoch_shown(page)
    down.set()
    for ws in sockets:
        ws.close()
    page.wait_for_timeout(3000)
    down.clear()
    wait_for(page, lambda: epoch_shown(page) > before + 500, "the run was not found again", 60)
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    assert t("train.state.running", "en") in status(page) or \
        t("train.state.finished", "en") in status(page)
    page.context.close()


def test_rapid_start_and_refresh_leave_no_worker_behind(browser: Browser, cold: Server) -> None:
    """Each refresh is a new session that adopts the run from its address, and each Start
    replaces the run before it; once the tab is gone, the last run ends too."""
    page = open_train(browser, cold)
    start(page)
    wait_for(page, lambda: t("train.state.finished", "en") in status(page), "no first run")
    page.wait_for_timeout((SESSION_TTL + 5) * 1000)
    baseline = threads(cold.pid)
    for _ in range(20):
        start(page)
        page.wait_for_timeout(150)
        page.reload()
        settle(page)
    page.context.close()
    # A run replaced while it traced its graph ends once the trace is done: on a loaded
    # machine that takes a while.
    deadline = time.monotonic() + OWNER_GRACE + 120
    while threads(cold.pid) > baseline:
        assert time.monotonic() < deadline, (
            f"{threads(cold.pid) - baseline} threads more than before the cycles")
        time.sleep(0.5)


def test_a_short_run_gets_its_turn_beside_two_of_the_longest(
    browser: Browser, cold: Server
) -> None:
    """Two sessions hold both slots with the longest runs the server allows; a third
    session's L1 must still start training within a minute (the long runs take turns)."""
    pages = []
    for _ in range(2):
        page = open_train(browser, cold)
        use_the_longest_settings(page)
        start(page)
        wait_for(page, lambda p=page: t("train.state.running", "en") in status(p),
                 "a long run did not start")
        pages.append(page)
    short = open_train(browser, cold)
    start(short)
    began = time.monotonic()
    wait_for(short, lambda: epoch_shown(short) >= 1, "L1 never got a turn", 60)
    assert time.monotonic() - began < 60
    for page in [*pages, short]:
        page.context.close()
