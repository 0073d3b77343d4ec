"""Widget values that survive a visit to another page.

Streamlit forgets a widget's value when a run of the app does not draw it, so leaving a page
and coming back resets every field to its default. A page that wants its form back draws
each widget from a key set here, before the widget, to the value it last had (or the
default), and calls `keep` after the form: the values are copied to a plain session entry
Streamlit never clears. Widgets drawn this way take no default argument of their own.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import streamlit as st


def field(store: str, key: str, default: Any) -> str:
    """`key`, with its session value restored from `store` (or set to `default`) when
    Streamlit has dropped it. A value it still has is written back too: a widget whose label
    changed (the language was switched) is a new widget to Streamlit, which would otherwise
    start it from its minimum."""
    state = st.session_state
    state[key] = state[key] if key in state else state.get(store, {}).get(key, default)
    return key


def keep(store: str, keys: Iterable[str]) -> None:
    """Remember the current values of `keys` for the next visit."""
    state = st.session_state
    saved = dict(state.get(store, {}))
    saved.update({key: state[key] for key in keys if key in state})
    state[store] = saved
