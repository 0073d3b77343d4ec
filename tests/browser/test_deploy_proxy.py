"""deploy/run_replicas.sh on this machine: Debian's nginx in front of two replicas of the app.
nginx gives each browser a random route cookie and keeps every request of that browser,
websocket included, on one replica; an upload request gets past nginx to its replica; when
one replica stops, the other replica's sessions carry on and the stopped one's route moves."""
from __future__ import annotations

import os
import re
import secrets
import shutil
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Response, expect

from scripts.appserver import Replicas, running, serve_replicas

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
COOKIE = "rnnviz_route"
BOX = ".st-key-step_text input"
EXCEPTION = '[data-testid="stException"]'


def fetch(url: str, route: str | None = None, method: str = "GET",
          data: bytes | None = None) -> tuple[int, Message]:
    request = urllib.request.Request(url, data=data, method=method)
    if route is not None:
        request.add_header("Cookie", f"{COOKIE}={route}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def fetch_ok(url: str) -> bool:
    try:
        return fetch(url)[0] == 200
    except OSError:
        return False


def route_cookies(headers: Message) -> list[str]:
    return [v for v in headers.get_all("Set-Cookie") or [] if v.startswith(f"{COOKIE}=")]


@dataclass
class Session:
    """A browser context through the proxy and every replica that answered it."""

    context: BrowserContext
    page: Page
    replicas: set[str] = field(default_factory=set)

    def record(self, response: Response) -> None:
        """Every answer from the network; a script the page made itself (a component's
        `blob:` module) came from no server."""
        if response.url.startswith("http"):
            self.replicas.add(response.headers.get("x-upstream", "none"))


def open_session(browser: Browser, url: str, route: str | None) -> Session:
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 720})
    context.set_default_timeout(90_000)
    if route is not None:
        context.add_cookies([{"name": COOKIE, "value": route, "url": url}])
    session = Session(context, context.new_page())
    session.page.on("response", session.record)
    return session


def type_word(session: Session, word: str, wait_for_app: Callable[..., None]) -> None:
    box = session.page.locator(BOX)
    box.fill(word)
    box.press("Enter")
    wait_for_app(session.page)
    heading = session.page.get_by_role("heading", name=re.compile(r"^Timestep \d"))
    expect(heading).to_have_text(f"Timestep 1 of {len(word)} · input {word[0]}")
    assert session.page.locator(EXCEPTION).count() == 0


def stopped(pid: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while running(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.2)
    return True


def log_lines(run_dir: Path, route: str) -> list[str]:
    return [line for line in (run_dir / "access.log").read_text().splitlines()
            if f" route={route} " in line]


def test_two_replicas_behind_nginx_keep_each_session_on_its_replica(
    browser: Browser, wait_for_app: Callable[..., None], tmp_path: Path
) -> None:
    if not Path(NGINX).exists():
        pytest.fail("nginx is not installed: apt-get install nginx-light", pytrace=False)
    sessions: list[Session] = []
    with serve_replicas(2, tmp_path / "run") as proxy:
        try:
            check_sessions(browser, wait_for_app, proxy, sessions)
        finally:
            for session in sessions:
                session.context.close()


def check_sessions(browser: Browser, wait_for_app: Callable[..., None], proxy: Replicas,
                   sessions: list[Session]) -> None:
    """The test's steps; `sessions` holds the open ones, for the test to close on failure."""
    url, pids, run_dir = proxy.url, proxy.replicas, proxy.run_dir
    # A browser without the cookie gets a random route; with it, always the same replica
    # and no new cookie.
    status, headers = fetch(f"{url}/")
    assert status == 200
    (cookie,) = route_cookies(headers)
    route = re.fullmatch(rf"{COOKIE}=([0-9a-f]{{32}}); Path=/; HttpOnly; SameSite=Lax",
                         cookie).group(1)
    replica = headers["X-Upstream"]
    assert replica in pids
    for _ in range(4):
        status, headers = fetch(f"{url}/_stcore/health", route)
        assert (status, headers["X-Upstream"], route_cookies(headers)) == (200, replica, [])
    # A 1.5 MB upload request, past nginx's 1 MB default and inside the app's 2 MB, is not
    # refused by nginx (413) and reaches the route's replica, which refuses it for want of a
    # session's XSRF token: 403, or 502 when it resets the connection before reading it all.
    # Either way the replica stays in service for its sessions (max_fails=0).
    status, headers = fetch(f"{url}/_stcore/upload_file/none/none", route, "PUT",
                            b"x" * 1_500_000)
    assert status in (403, 502) and headers["X-Upstream"] == replica
    status, headers = fetch(f"{url}/_stcore/health", route)
    assert (status, headers["X-Upstream"]) == (200, replica)

    # A route for each replica, from random cookies.
    routes: dict[str, str] = {}
    for _ in range(64):
        candidate = secrets.token_hex(16)
        routes.setdefault(fetch(f"{url}/_stcore/health", candidate)[1]["X-Upstream"],
                          candidate)
        if len(routes) == 2:
            break
    assert set(routes) == set(pids)

    # Session A: a fresh browser, routed by the cookie nginx sets; session B on the other
    # replica. Both type into Step-through, which needs their websocket through nginx.
    first = open_session(browser, url, None)
    sessions.append(first)
    first.page.goto(f"{url}/step_through?lang=en")
    wait_for_app(first.page)
    (a_route,) = [c["value"] for c in first.context.cookies() if c["name"] == COOKIE]
    (a_replica,) = first.replicas
    b_replica = next(r for r in pids if r != a_replica)
    second = open_session(browser, url, routes[b_replica])
    sessions.append(second)
    second.page.goto(f"{url}/step_through?lang=en")
    wait_for_app(second.page)
    for session in (first, second):
        type_word(session, "hello", wait_for_app)
    assert (first.replicas, second.replicas) == ({a_replica}, {b_replica})

    # A's replica stops (A closed first, so its browser does not move to B); B goes on.
    first.context.close()
    sessions.remove(first)
    os.kill(pids[a_replica], signal.SIGTERM)
    assert stopped(pids[a_replica], 30)
    type_word(second, "lo", wait_for_app)
    type_word(second, "hell", wait_for_app)
    assert second.replicas == {b_replica}
    second.context.close()
    sessions.remove(second)

    # nginx logs a websocket when it closes: each session's /_stcore/stream was upgraded
    # (101) on its own replica, and nothing of either session went anywhere else.
    expected = {a_route: a_replica, routes[b_replica]: b_replica}
    deadline = time.monotonic() + 20
    while not all(any('"GET /_stcore/stream' in line for line in log_lines(run_dir, r))
                  for r in expected):
        assert time.monotonic() < deadline, (run_dir / "access.log").read_text()
        time.sleep(0.5)
    for session_route, session_replica in expected.items():
        lines = log_lines(run_dir, session_route)
        assert all(f" upstream={session_replica} " in line for line in lines), lines
        assert any('status=101 "GET /_stcore/stream' in line for line in lines), lines

    # Last, A's route: it now tries A's address, is refused, and is answered by B.
    status, headers = fetch(f"{url}/_stcore/health", a_route)
    assert (status, headers["X-Upstream"]) == (200, f"{a_replica}, {b_replica}")
