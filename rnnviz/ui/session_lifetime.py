"""Objects that live exactly as long as a browser session, not as long as its websocket.

A training run must survive a Wi-Fi drop: Streamlit keeps a disconnected session (and its
`st.session_state`) for `server.disconnectedSessionTTL` seconds so a reconnecting tab finds
it, while a session-scoped `cache_resource` is released at the disconnect. So a page's hold on
its shared run (`rnnviz.ui.shared_run`: the Train page's trainer, the language model's runs)
is kept in session state, and one watcher thread per process closes them once the server has
forgotten their session, tells those that ask whether their session is connected, and runs
the process's periodic chores (ending shared runs whose owner has not come back). Closing only
signals a worker, so nothing here ever waits on one, and Streamlit's event loop never waits
at all.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol, TypeVar

import streamlit as st
from streamlit.runtime import Runtime
from streamlit.runtime.scriptrunner import get_script_run_ctx

WATCH_SECONDS = 2.0


class Closable(Protocol):
    @property
    def closed(self) -> bool: ...

    def close(self) -> None: ...


T = TypeVar("T", bound=Closable)


def _session_connected(session_id: str) -> bool:
    """Whether the session's websocket is connected now."""
    try:
        return Runtime.instance()._session_mgr.is_active_session(session_id)
    except Exception:  # as in _session_known
        return True


def _session_known(session_id: str) -> bool:
    """Whether the server still has this session, connected or waiting for a reconnect."""
    try:
        return Runtime.instance()._session_mgr.get_session_info(session_id) is not None
    except Exception:  # a changing registry read off its event loop: ask again next time
        return True


class _Watcher:
    """One daemon thread for the process, closing what belongs to sessions that have ended."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._watched: dict[tuple[str, str], Closable] = {}  # (session id, key): object
        self._thread: threading.Thread | None = None
        self._chores: list[Callable[[], object]] = []

    def watch(self, session_id: str, key: str, item: Closable) -> None:
        with self._lock:
            self._watched[(session_id, key)] = item
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, name="rnnviz-session-watch",
                                                daemon=True)
                self._thread.start()

    def every_tick(self, chore: Callable[[], object]) -> None:
        with self._lock:
            if chore not in self._chores:
                self._chores.append(chore)

    def _loop(self) -> None:
        while True:
            time.sleep(WATCH_SECONDS)
            with self._lock:
                watched = list(self._watched.items())
                chores = list(self._chores)
            for (session_id, key), item in watched:
                if item.closed or not _session_known(session_id):
                    item.close()
                    with self._lock:
                        if self._watched.get((session_id, key)) is item:
                            del self._watched[(session_id, key)]
                elif hasattr(item, "present"):
                    item.present(_session_connected(session_id))
            for chore in chores:
                chore()


_WATCHER = _Watcher()


def session_id() -> str | None:
    """The browser session running this script (None outside a script run)."""
    ctx = get_script_run_ctx()
    return ctx.session_id if ctx is not None else None


def every_tick(chore: Callable[[], object]) -> None:
    """Run `chore` on the watcher's thread every `WATCH_SECONDS` (once watching has begun). It
    must be quick and never wait on a worker."""
    _WATCHER.every_tick(chore)


def keep_for_session(key: str, item: T) -> T:
    """Put `item` under `key` in session state, to be closed when the server forgets the
    session; an item with a `present(connected: bool)` method also hears, every tick,
    whether the session's websocket is connected."""
    st.session_state[key] = item
    sid = session_id()
    # Only a real server's sessions are watched: a test harness's are not in its registry.
    if sid is not None and Runtime.exists() and Runtime.instance().is_active_session(sid):
        _WATCHER.watch(sid, key, item)
    return item
