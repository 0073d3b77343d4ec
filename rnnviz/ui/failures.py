"""A page action that fails says so in a sentence instead of showing a traceback.

Streamlit runs `on_click` / `on_change` callbacks before the script and shows anything they
raise as a traceback in place of the page. Every page wraps its callbacks (and any action it
calls inline before `st.rerun()`) in `guarded` and calls `show_failure()` where the message
belongs: an `InputProblem` becomes its sentence, anything else a sentence naming only the
exception's type (its message can hold server paths), with the traceback in the server's log.
The message is kept in the session until a page shows it once, so it survives the rerun that
follows, and nothing the visitor made is lost.
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

import streamlit as st

from rnnviz.guards.problems import InputProblem, Message, say
from rnnviz.ui.language import current_language

SLOT = "rnnviz.failure"
LOG = logging.getLogger(__name__)


def guarded(action: Callable[..., Any] | None) -> Callable[..., Any] | None:
    """`action`, with whatever it raises kept as a message for `show_failure` (None stays
    None, for a button that has nothing to do)."""
    if action is None:
        return None

    @functools.wraps(action)
    def run(*args: Any, **kwargs: Any) -> Any:
        st.session_state[SLOT] = None
        try:
            return action(*args, **kwargs)
        except InputProblem as problem:
            st.session_state[SLOT] = say(problem, current_language())
        except Exception as exc:  # the visitor gets a sentence, the log the traceback
            LOG.exception("%s failed", getattr(action, "__qualname__", action))
            failure = Message("guards.failure", {"error": type(exc).__name__})
            st.session_state[SLOT] = say(failure, current_language())
        return None

    return run


def show_failure() -> None:
    """The last guarded action's failure, once, as an error where the page calls this."""
    message = st.session_state.pop(SLOT, None)
    if message:
        st.error(message, icon=":material/error:")
