"""Each page keeps its view in the address, so a copied link opens the same view elsewhere.

A page lists its parameters (`rnnviz.links.views`) and calls `share(params)` before drawing
their widgets:

- on the first run that sees an address (a link opened, a page entered), the values it names
  are written into the widgets' session keys, after the lesson a `?lesson=` link set up, so
  a link's own values win; refused values keep the page's default and are named in one
  warning;
- on every run, the current values are written back to the address, and the sidebar's
  "Copy link to this view" shows the whole address.

An address counts as opened only on a session's first run or when the page changes: within
a page, the browser sends back the address of a run or two ago while it catches up (the play
button's ticks on a busy server), and taking that for a new link stepped the player back. Settings remembered across pages
(`rnnviz.ui.remember`) still apply: the address only speaks for the parameters it names.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from rnnviz.guards.problems import Message, say
from rnnviz.links.params import Param, Reading, read, written
from rnnviz.ui.language import current_language, tr

_SEEN = "address.seen"  # the address as the previous run left it
_ARRIVED = "address.arrived"  # the parameters this run found new, or {}
_SLOT = "address.slot"  # this run's placeholder for the link, inside the popover
_PAGE = "address.page"  # the page the previous run showed
# Parameters other modules own: the language switch, lesson links, presenter mode and a shared
# run's addresses (rnnviz.ui.shared_run).
OWNED = ("lang", "lesson", "present", "run", "watch")
# Never in a link for others: the owner's token of a training run, and its watch token, which
# only the owner hands out (a watcher's page shows no token at all).
PRIVATE = ("run", "watch")


def start(where: Any, page: str) -> None:
    """Called once a run by app.py before `page` (its URL path) runs: note whether an address
    has just been opened, and draw "Copy link to this view" in `where` (the sidebar).

    The link is shown in a popover that reruns the app when opened, so it is drawn from the
    current view even when the last change came from a fragment (Step-through's steps),
    which cannot redraw the sidebar."""
    now = _page_part()
    opened = st.session_state.get(_PAGE) != page
    st.session_state[_ARRIVED] = now if opened and now != st.session_state.get(_SEEN) else {}
    st.session_state[_SEEN], st.session_state[_PAGE] = now, page
    with where.popover(tr("links.copy"), icon=":material/link:", width="stretch",
                       key="address_link", on_change="rerun"):
        st.caption(tr("links.copy_help"))
        st.session_state[_SLOT] = st.empty()
    _show_link()


def arrived() -> Mapping[str, str]:
    """The parameters of an address this session has just opened (empty on later runs)."""
    return st.session_state.get(_ARRIVED, {})


def share(params: Sequence[Param], reading: Reading | None = None) -> None:
    """Fill `params`' session keys from an address just opened, then write them back to the
    address and the link. `reading` overrides the plain parse (the Train page checks its
    settings)."""
    state = st.session_state
    reading = reading if reading is not None else read(params, arrived())
    state.update(reading.values)
    if reading.refused:
        st.warning(say(Message("links.refused", {"values": ", ".join(reading.refused)}),
                       current_language()), icon=":material/link_off:")
    follow(params)
    _show_link()


def follow(params: Sequence[Param]) -> None:
    """Write `params`' current values to the address. A fragment calls this for what it
    changes, after the page has called `share` for the same parameters: a fragment cannot
    redraw the sidebar, and the link is drawn afresh when its popover opens."""
    state = st.session_state
    for name, value in written(params, state).items():
        if st.query_params.get(name) != value:
            st.query_params[name] = value
    state[_SEEN] = _page_part()


def _page_part() -> dict[str, str]:
    return {k: v for k, v in st.query_params.to_dict().items() if k not in OWNED}


def link() -> str:
    """The address of this view, absolute when the browser said where the app is served."""
    query = urlencode({k: v for k, v in st.query_params.to_dict().items()
                       if k not in PRIVATE})
    base = st.context.url or ""
    return f"{base}?{query}" if query else base


def _show_link() -> None:
    slot = st.session_state.get(_SLOT)
    if slot is not None:
        slot.code(link(), language=None, wrap_lines=True)
