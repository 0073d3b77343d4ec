"""Every page runs inside `app.py`, and `app.py` itself never runs in Streamlit's old mode.

Streamlit treats a folder named `pages/` beside the entrypoint as the old automatic
multipage app until some session has run `st.navigation`. On a fresh server the first
visitor's run therefore goes through that old mode: a link to `/train` runs the page file on
its own (no language switch, an automatic page list), and a visit to `/` runs `app.py` as
one page of the automatic list. The second case is the quiet one: widget ids include the
running page's hash, which in the old mode is not the hash every later run uses, so each
widget `app.py` draws in that first run (the language switch) changes identity on the next
click and comes back empty. `app.py` and every page call `require_app()` before drawing
anything: the first one to run switches the server to `st.navigation` and reruns, so every
widget is drawn once, under its final id.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_app() -> None:
    """Rerun through `app.py`'s `st.navigation` when Streamlit is still in its old
    pages-directory mode; a no-op on every later run."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
