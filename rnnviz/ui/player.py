"""The Play / Pause control shared by every page that steps through a sequence.

A player walks a position (the session key `position`, 1..n) one step per tick, and
`slider` draws the slider over it. Its
own state lives under the session keys `{prefix}_playing`, `{prefix}_played_at` and
`{prefix}_rerun_by_player`, so two players on one page (By hand's forward and backward
steppers) never touch each other. The tick is a fragment with `run_every`, but it reruns the
whole page, so every view on the page follows the step.
"""
from __future__ import annotations

import time
from typing import Any

import streamlit as st

from rnnviz.ui.failures import guarded
from rnnviz.ui.language import tr

PLAY_SECONDS = 0.7


def playing(prefix: str) -> bool:
    return bool(st.session_state.get(f"{prefix}_playing", False))


def stop(prefix: str) -> None:
    st.session_state[f"{prefix}_playing"] = False


def move(prefix: str, position: str, delta: int, n: int) -> None:
    """A step by hand: it also stops the player, which would otherwise step on from there."""
    ss = st.session_state
    ss[position] = min(max(1, ss[position] + delta), n)
    stop(prefix)


def toggle(prefix: str, position: str, n: int) -> None:
    """Play or pause; Play at the last step starts again from the first."""
    ss = st.session_state
    ss[f"{prefix}_playing"] = not playing(prefix)
    if playing(prefix) and ss[position] >= n:
        ss[position] = 1
    ss[f"{prefix}_played_at"] = time.monotonic()


def _tick(prefix: str, position: str, n: int) -> None:
    """Advance one step and rerun the whole page, or stop at the last step. The rerun it asks
    for does not count as another tick, however late it starts."""
    ss = st.session_state
    if ss.pop(f"{prefix}_rerun_by_player", False) or not playing(prefix):
        return
    if time.monotonic() - ss.get(f"{prefix}_played_at", 0.0) < PLAY_SECONDS * 0.8:
        return
    ss[f"{prefix}_played_at"] = time.monotonic()
    if ss[position] >= n:
        stop(prefix)
    else:
        ss[position] += 1
    ss[f"{prefix}_rerun_by_player"] = True
    st.rerun()


def slider(where: Any, label: str, position: str, n: int) -> None:
    """The slider over `position`, drawn in `where`. The position is not the slider's own
    key: while the player ticks, the browser can send back the value its slider showed a
    step ago, and a widget keyed by the position took that as a drag and stepped back. The
    widget's key names the step it was drawn at, so such a late value lands on a widget that
    is gone and is dropped; a real drag moves the position."""
    ss = st.session_state
    key = f"{position}_slider_{ss[position]}"
    where.slider(label, 1, n, value=ss[position], key=key, on_change=guarded(_dragged),
                 args=(position, key))


def _dragged(position: str, key: str) -> None:
    st.session_state[position] = st.session_state[key]


def run(prefix: str, position: str, n: int) -> None:
    """The ticking fragment. Call it before the slider over `position` is drawn, so a tick may
    still set the slider's value; it ticks only while playing."""
    every = PLAY_SECONDS if playing(prefix) else None
    st.fragment(_tick, run_every=every)(prefix, position, n)


def button(where: Any, prefix: str, position: str, n: int, key: str,
           shortcut: str | None = None) -> None:
    """The Play / Pause button, drawn in `where` (a column or `st`), with an optional key
    that presses it (Streamlit's own `shortcut`)."""
    on = playing(prefix)
    where.button(tr("step.pause" if on else "step.play"), key=key, type="primary",
                 icon=":material/pause:" if on else ":material/play_arrow:",
                 on_click=guarded(toggle), args=(prefix, position, n), width="stretch", shortcut=shortcut)
