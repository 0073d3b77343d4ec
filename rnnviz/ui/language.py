"""The session's language: chosen in the sidebar, linkable with `?lang=ko`, guessed from the browser.

The switch writes its choice to the `lang` query parameter, so the address bar always names
the language shown and a teacher can hand out a link that opens the app in Korean. The
parameter is read when a session starts; after that the switch is the one source of truth.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

import streamlit as st

from rnnviz.text import LANGUAGES, t

KEY = "lang"
T = TypeVar("T")


def browser_language() -> str:
    """Korean for a browser that prefers Korean, English for everyone else."""
    locale = st.context.locale or ""
    return "ko" if locale.lower().startswith("ko") else "en"


def current_language() -> str:
    """The language to render in, valid even before the switch has been drawn this run."""
    chosen = st.session_state.get(KEY)
    if chosen in LANGUAGES:
        return chosen
    requested = st.query_params.get(KEY)
    if requested in LANGUAGES:
        return requested
    return browser_language()


def tr(key: str, **fmt: object) -> str:
    """`t` in the session's language, so pages never pass the language around."""
    return t(key, current_language(), **fmt)


def option_names(options: Iterable[T], name: Callable[[T], str]) -> Callable[[T], str]:
    """A widget's `format_func` whose names are fixed now, in this run's language.

    Streamlit's test runner calls `format_func` again outside the script run, where the
    session's language cannot be read; names computed during the run stay right."""
    names = {option: name(option) for option in options}
    return names.__getitem__


def _native_name(code: str) -> str:
    return t(f"common.lang_name_{code}", code)


def language_switch() -> str:
    """Draw the sidebar language selector and return the language it holds."""
    if KEY not in st.session_state:
        st.session_state[KEY] = current_language()
    chosen = st.sidebar.segmented_control(
        tr("common.language"), LANGUAGES, format_func=_native_name, required=True, key=KEY,
    )
    if chosen not in LANGUAGES:
        # The switch came back empty: Streamlit gave it a new identity without a value (see
        # `rnnviz.ui.entry`). Drop it and draw it again from the address, which still names
        # the language, rather than write `lang=None` there and fall back to English.
        del st.session_state[KEY]
        st.rerun()
    st.query_params[KEY] = chosen
    return chosen
