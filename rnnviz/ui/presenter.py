"""Presenter mode: the page as a class sees it on a projector.

A sidebar switch (kept in the address as `?present=1`, so a teacher can bookmark it) closes
the sidebar, sets the type larger and hides what a presenter talks over instead of showing:
the page's title and the intro under it, and the download buttons. It is a style sheet
only -- no script, nothing typed by a visitor in it -- so every page gets it without a change,
and the step views keep their keyboard shortcuts (left, right, space) from Streamlit's own
`shortcut=` on their buttons.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from rnnviz.ui.language import tr

KEY = "present"
# Streamlit sizes its type in rem: a larger root makes every widget, formula and table
# larger together. Plotly charts keep their pixel sizes (MIN_FONT and up).
ROOT_PX = 19
STYLE = f"""<style>
html {{ font-size: {ROOT_PX}px; }}
[data-testid="stMainBlockContainer"] {{ padding-top: 3.8rem; padding-bottom: 1rem; }}
[data-testid="stMain"] [data-testid="stElementContainer"]:has(h1),
[data-testid="stMain"] [data-testid="stElementContainer"]:has(h1)
  + [data-testid="stElementContainer"]:has([data-testid="stCaptionContainer"]),
[data-testid="stMain"] [data-testid="stElementContainer"]:has([data-testid="stDownloadButton"])
  {{ display: none; }}
</style>"""


def presenting() -> bool:
    return bool(st.session_state.get(KEY, False))


def presenter_switch(where: Any) -> bool:
    """Draw the switch in `where` (a sidebar row) and, while it is on, restyle the page (see
    the module).
    The address is read when a session starts; after that the switch decides."""
    if KEY not in st.session_state:
        st.session_state[KEY] = st.query_params.get(KEY) == "1"
    on = where.toggle(tr("present.switch"), key=KEY, help=tr("present.help"), width="content")
    if on:
        st.query_params[KEY] = "1"
        st.set_page_config(initial_sidebar_state="collapsed")
        st.html(STYLE)
    elif KEY in st.query_params:
        del st.query_params[KEY]
    return on
