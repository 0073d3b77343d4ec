"""`/?lesson=L4` opens the page that runs lesson L4, and that page can start from the lesson.

`app.py` calls `follow_lesson_link(page)` between `st.navigation` and `page.run()`: a valid
lesson on the wrong page (the home page, for a bare `/?lesson=L4`) switches to the lesson's
page with the address kept; a bad value draws one warning, drops the parameter and leaves the
visitor where they are (the home page, which lists every lesson).

A page that wants to set itself up for the lesson calls `requested_lesson()` before drawing
its widgets and, when it returns a route, writes `route.setup` into its own widget state::

    route = requested_lesson()
    if route is not None:
        st.session_state["train.source"] = route.setup

It returns the route only on the first run after the address asked for it, so the page sets
the lesson up once and a student's later changes are kept while the address stays shareable.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from rnnviz.guards.problems import InputProblem, say
from rnnviz.lessons.routes import LessonRoute, lesson_route
from rnnviz.ui.language import current_language

KEY = "lesson"
_SEEN = "lesson_link.seen"  # (page, lesson key) of the previous run
_FRESH = "lesson_link.fresh"  # the route this run was asked for, or None


def _runs_on(page: StreamlitPage, route: LessonRoute) -> bool:
    # st.Page infers a file's URL path from its name (pages/train.py -> "train").
    return page.url_path == Path(route.page).stem


def follow_lesson_link(page: StreamlitPage) -> None:
    """Send the session to the page of the lesson the address names (see the module)."""
    try:
        route = lesson_route(st.query_params.get(KEY))
    except InputProblem as problem:
        st.warning(say(problem, current_language()))
        del st.query_params[KEY]
        route = None
    if route is not None and not _runs_on(page, route):
        st.switch_page(route.page, query_params={**st.query_params.to_dict(), KEY: route.key})
    seen = (page.url_path, route.key if route else None)
    st.session_state[_FRESH] = route if seen != st.session_state.get(_SEEN) else None
    st.session_state[_SEEN] = seen


def requested_lesson() -> LessonRoute | None:
    """The lesson the address asked this page for, on the first run that sees it; else None."""
    return st.session_state.get(_FRESH)
