"""The browser session's hold on a shared run, read from and written to the address.

A page whose run trains in the background (the Train page's trainer, the Language model
page's runs) keeps it in a process-wide registry (`rnnviz.trainer.shared`), not in the
session: the page keeps its owner token in the address (`?run=`), so a reload, which starts a
new Streamlit session, adopts the same run with its controls. A watch link (`?watch=`) opens
the run read-only on any device. Each page has its `SharedKind`, which says what it keeps and
what a watcher gets; both pages use the same two parameters, since a page change clears the
address. The session lifetime closes a session's hold when the server forgets the session and
reports meanwhile whether it is connected; the registry ends a run 5 minutes after its last
owner went away (RNNVIZ_OWNER_GRACE_SECONDS) and takes RNNVIZ_MAX_WATCHERS watchers.

    TRAIN = SharedKind("shared", make_trainer, TrainerView)
    trainer = TRAIN.owned()            # this session's trainer, adopted from the address
    view = TRAIN.follow_address()      # first thing on the page: a TrainerView when the
                                       # session watches a run, else None

The tokens are never logged and never drawn on a watcher's page; a bad or stale one in the
address gets one message, and the page carries on as if it were not there.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import streamlit as st

from rnnviz.trainer.shared import (
    GRACE_SECONDS, MAX_WATCHERS, Attachment, Closable, SharedRuns, WatchersFull,
)
from rnnviz.ui.language import tr
from rnnviz.ui.session_lifetime import every_tick, keep_for_session

OWNER_PARAM = "run"  # the owner's token: never put it in a link meant for others
WATCH_PARAM = "watch"
ME = "shared.me"  # session state: this session's id in the registries
COUNT_SECONDS = 2.0  # how often an owner's page redraws its count of watchers during a run

T = TypeVar("T", bound=Closable)
V = TypeVar("V")

_KINDS: list[SharedKind] = []


def _session() -> Hashable:
    """This browser session as the registry and the scheduler know it: an id kept in its
    state, since a test harness gives every session the same Streamlit session id."""
    if ME not in st.session_state:
        st.session_state[ME] = f"session-{uuid.uuid4().hex}"
    return st.session_state[ME]


def scheduler_owner() -> Hashable:
    """Who the scheduler counts this session's runs against: the owner of a shared run it
    holds (the session that made it, before a reload), else the session itself. Every kind
    opens its runs with it, so one person never holds two training slots."""
    for kind in _KINDS:
        hold = kind.owner_hold()
        if hold is not None:
            return hold.owner
    return _session()


class SharedKind(Generic[T, V]):
    """One page's shared runs: the registry that keeps them (`make(scheduler owner)` makes
    one), the session-state keys a session holds them by (`<name>.owned`,
    `<name>.watching`), and `view`, the read-only view a watcher is given instead."""

    def __init__(self, name: str, make: Callable[[Hashable], T], view: Callable[[T], V]) -> None:
        self.registry: SharedRuns[T] = SharedRuns(
            make,
            grace_seconds=float(os.environ.get("RNNVIZ_OWNER_GRACE_SECONDS", GRACE_SECONDS)),
            max_watchers=int(os.environ.get("RNNVIZ_MAX_WATCHERS", MAX_WATCHERS)),
        )
        self.owned_key = f"{name}.owned"
        self.watching_key = f"{name}.watching"
        self._view = view
        every_tick(self.registry.expire)
        _KINDS.append(self)

    def _held(self, key: str) -> Attachment[T] | None:
        hold = st.session_state.get(key)
        return hold if isinstance(hold, Attachment) and not hold.closed else None

    def owner_hold(self) -> Attachment[T] | None:
        """This session's hold as owner, or None."""
        return self._held(self.owned_key)

    def owned(self, create: bool = True) -> T | None:
        """What this session owns, made (with fresh tokens) when it has none and `create`.
        Its runs' scheduler owner is fixed when it is made, whichever session adopts it."""
        hold = self.owner_hold()
        if hold is None:
            if not create:
                return None
            hold = keep_for_session(self.owned_key,
                                    self.registry.open(_session(), scheduler_owner()))
        return hold.item

    def watched(self) -> V | None:
        """The run this session follows, read-only, or None."""
        hold = self._held(self.watching_key)
        return self._view(hold.watched) if hold is not None else None

    def stop_watching(self) -> None:
        hold = self._held(self.watching_key)
        if hold is not None:
            hold.close()
        st.session_state.pop(self.watching_key, None)
        st.query_params.pop(WATCH_PARAM, None)

    def follow_address(self) -> V | None:
        """Adopt the run of an owner token in the address, or follow the run of a watch
        token; returns the watched run's view when the session watches one (then the page
        shows only that), else None, with the session's own owner token in the address."""
        params = st.query_params
        owner_token, watch_token = params.get(OWNER_PARAM), params.get(WATCH_PARAM)
        if owner_token is not None:
            params.pop(WATCH_PARAM, None)
            self._adopt(owner_token)
        elif watch_token is not None:
            self._watch(watch_token)
        watching = self._held(self.watching_key)
        if watching is not None:
            params[WATCH_PARAM] = watching.token
            params.pop(OWNER_PARAM, None)
            return self._view(watching.watched)
        self.owned()
        params[OWNER_PARAM] = self.owner_hold().token
        return None

    def _adopt(self, token: str) -> None:
        current = self.owner_hold()
        if current is not None and current.holds(token):
            return
        adopted = self.registry.adopt(token, _session())
        if adopted is None:
            st.warning(tr("watch.owner_link_unknown", minutes=self.grace_minutes()))
            st.query_params.pop(OWNER_PARAM, None)
            return
        if current is not None:
            current.close()
        keep_for_session(self.owned_key, adopted)
        self.stop_watching()

    def _watch(self, token: str) -> None:
        current = self._held(self.watching_key)
        if current is not None and current.holds(token):
            return
        try:
            hold = self.registry.watch(token, _session())
        except WatchersFull:
            st.warning(tr("watch.full", limit=self.registry.max_watchers))
            st.query_params.pop(WATCH_PARAM, None)
            return
        if hold is None:
            st.warning(tr("watch.link_unknown"))
            st.query_params.pop(WATCH_PARAM, None)
            return
        if current is not None:
            current.close()
        keep_for_session(self.watching_key, hold)

    def grace_minutes(self) -> int:
        return round(self.registry.grace_seconds / 60)

    def share_links(self, live: bool) -> None:
        """The watch link to hand out and the owner's own address, each with a copy button,
        under a title counting the connected watchers; while the run is `live`, redrawn on a
        timer of its own, so the count follows without a rerun of the page (slower than the
        progress: a count a second late costs a class nothing)."""
        st.fragment(self._links, run_every=COUNT_SECONDS if live else None)()

    def _links(self) -> None:
        hold = self.owner_hold()
        if hold is None:
            return
        watchers = hold.watchers_connected()
        # Keyed, so a new count in the title leaves an open expander open.
        with st.expander(tr("watch.share", count=watchers) if watchers
                         else tr("watch.share_none"), icon=":material/visibility:",
                         key="watch.share"):
            st.caption(tr("watch.share_help", limit=self.registry.max_watchers))
            st.code(_link(WATCH_PARAM, hold.watch_token), language=None, wrap_lines=True)
            st.caption(tr("watch.owner_help", minutes=self.grace_minutes()))
            st.code(_link(OWNER_PARAM, hold.token), language=None, wrap_lines=True)


def _link(param: str, token: str) -> str:
    """The page's address with only `param` set (st.context.url has no query)."""
    return f"{st.context.url or ''}?{param}={token}"
