"""Every page runs inside `app.py`, even when a fresh server's first visitor follows a link.

Streamlit treats a folder named `pages/` beside the entrypoint as the old automatic
multipage app until some session has run `st.navigation`: that first visitor to `/train`
would get the page alone, with no language switch and an automatic page list. A page that
finds itself run that way switches the server to `st.navigation` and reruns, so `app.py`
draws it.
"""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def require_app() -> None:
    """Rerun through `app.py` when Streamlit ran this page file on its own."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
