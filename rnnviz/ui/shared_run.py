"""The browser session's hold on a shared Train-page run, read from and written to the address.

The session's trainer lives in the process-wide `SHARED` registry (`rnnviz.trainer.shared`),
not in the session: the Train page keeps its owner token in the address (`?run=`), so a
reload, which starts a new Streamlit session, adopts the same trainer with its controls. A
watch link (`?watch=`) opens the run read-only on any device. The session lifetime closes a
session's hold when the server forgets the session and reports meanwhile whether it is
connected; the registry ends a trainer 5 minutes after its last owner went away.

    trainer = owned_trainer()          # this session's trainer, adopted from the address
    view = follow_address()            # first thing on the Train page: a TrainerView when
                                       # the session watches a run, else None

The tokens are never logged and never drawn on a watcher's page; a bad or stale one in the
address gets one message, and the page carries on as if it were not there.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Hashable

import streamlit as st

from rnnviz.trainer.read_only import TrainerView
from rnnviz.trainer.session import SessionTrainer
from rnnviz.trainer.shared import (
    GRACE_SECONDS, MAX_WATCHERS, Attachment, SharedRuns, WatchersFull,
)
from rnnviz.ui.language import tr
from rnnviz.ui.session_lifetime import every_tick, keep_for_session

OWNER_PARAM = "run"  # the owner's token: never put it in a link meant for others
WATCH_PARAM = "watch"
OWNED = "shared.owned"  # session state: the session's owner Attachment
WATCHING = "shared.watching"  # session state: the watcher Attachment, while watching
ME = "shared.me"  # session state: this session's id in the registry

SHARED: SharedRuns[SessionTrainer] = SharedRuns(
    lambda owner: SessionTrainer(owner=owner),
    grace_seconds=float(os.environ.get("RNNVIZ_OWNER_GRACE_SECONDS", GRACE_SECONDS)),
    max_watchers=int(os.environ.get("RNNVIZ_MAX_WATCHERS", MAX_WATCHERS)),
)
every_tick(SHARED.expire)


def _session() -> Hashable:
    """This browser session as the registry and the scheduler know it: an id kept in its
    state, since a test harness gives every session the same Streamlit session id."""
    if ME not in st.session_state:
        st.session_state[ME] = f"session-{uuid.uuid4().hex}"
    return st.session_state[ME]


def _held(key: str) -> Attachment[SessionTrainer] | None:
    hold = st.session_state.get(key)
    return hold if isinstance(hold, Attachment) and not hold.closed else None


def owned_trainer(create: bool = True) -> SessionTrainer | None:
    """The trainer this session owns, made (with fresh tokens) when it has none and `create`.
    Its runs' scheduler owner is the session that made it, whichever session adopts it."""
    hold = _held(OWNED)
    if hold is None:
        if not create:
            return None
        hold = keep_for_session(OWNED, SHARED.open(_session()))
    return hold.item


def scheduler_owner() -> Hashable:
    """Who the scheduler counts this session's runs against: the owner of the trainer it
    holds (the session that made it, before a reload), else the session itself."""
    hold = _held(OWNED)
    return hold.owner if hold is not None else _session()


def watched_trainer() -> TrainerView | None:
    """The run this session follows, read-only, or None."""
    hold = _held(WATCHING)
    return TrainerView(hold.watched) if hold is not None else None


def stop_watching() -> None:
    hold = _held(WATCHING)
    if hold is not None:
        hold.close()
    st.session_state.pop(WATCHING, None)
    st.query_params.pop(WATCH_PARAM, None)


def follow_address() -> TrainerView | None:
    """Adopt the run of an owner token in the address, or follow the run of a watch token;
    returns the watched run's view when the session watches one (then the page shows only
    that), else None, with the session's own owner token written to the address."""
    params = st.query_params
    owner_token, watch_token = params.get(OWNER_PARAM), params.get(WATCH_PARAM)
    if owner_token is not None:
        params.pop(WATCH_PARAM, None)
        _adopt(owner_token)
    elif watch_token is not None:
        _watch(watch_token)
    watching = _held(WATCHING)
    if watching is not None:
        params[WATCH_PARAM] = watching.token
        params.pop(OWNER_PARAM, None)
        return TrainerView(watching.watched)
    owned_trainer()
    params[OWNER_PARAM] = _held(OWNED).token
    return None


def _adopt(token: str) -> None:
    current = _held(OWNED)
    if current is not None and current.holds(token):
        return
    adopted = SHARED.adopt(token, _session())
    if adopted is None:
        st.warning(tr("watch.owner_link_unknown", minutes=_grace_minutes()))
        st.query_params.pop(OWNER_PARAM, None)
        return
    if current is not None:
        current.close()
    keep_for_session(OWNED, adopted)
    stop_watching()


def _watch(token: str) -> None:
    current = _held(WATCHING)
    if current is not None and current.holds(token):
        return
    try:
        hold = SHARED.watch(token, _session())
    except WatchersFull:
        st.warning(tr("watch.full", limit=SHARED.max_watchers))
        st.query_params.pop(WATCH_PARAM, None)
        return
    if hold is None:
        st.warning(tr("watch.link_unknown"))
        st.query_params.pop(WATCH_PARAM, None)
        return
    if current is not None:
        current.close()
    keep_for_session(WATCHING, hold)


def _grace_minutes() -> int:
    return round(SHARED.grace_seconds / 60)


def _link(param: str, token: str) -> str:
    """The Train page's address with only `param` set (st.context.url has no query)."""
    return f"{st.context.url or ''}?{param}={token}"


def share_links() -> None:
    """The watch link to hand out and the owner's own address, each with a copy button."""
    hold = _held(OWNED)
    if hold is None:
        return
    watchers = hold.watchers_connected()
    with st.expander(tr("watch.share", count=watchers) if watchers else tr("watch.share_none"),
                     icon=":material/visibility:"):
        st.caption(tr("watch.share_help", limit=SHARED.max_watchers))
        st.code(_link(WATCH_PARAM, hold.watch_token), language=None, wrap_lines=True)
        st.caption(tr("watch.owner_help", minutes=_grace_minutes()))
        st.code(_link(OWNER_PARAM, hold.token), language=None, wrap_lines=True)
