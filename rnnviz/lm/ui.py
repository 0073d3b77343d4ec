"""The Streamlit side of the language model: the session's runs as a session-scoped resource,
and status lines in the session's language.

Streamlit releases a session-scoped `cache_resource` entry when the browser session ends and
calls `on_release`, which stops the worker thread: a closed tab leaves no training behind.
"""
from __future__ import annotations

import streamlit as st

from rnnviz.lm.run import LMStatus
from rnnviz.lm.session import LMSession
from rnnviz.trainer.progress import State
from rnnviz.ui.language import tr


def _release(session: LMSession) -> None:
    session.close()


@st.cache_resource(scope="session", on_release=_release, show_spinner=False)
def lm_session() -> LMSession:
    """This browser session's language-model runs."""
    return LMSession()


def status_text(status: LMStatus) -> str:
    """One line: state, epoch, perplexity, speed or queue place."""
    parts = [tr(f"train.state.{status.state.value}")]
    if status.state is State.QUEUED and status.queue_position:
        parts.append(tr("train.queue_position", position=status.queue_position))
    parts.append(tr("train.epoch_of", epoch=status.epoch, epochs=status.epochs))
    if status.perplexity is not None:
        parts.append(tr("lm.perplexity_value", value=status.perplexity))
    if status.tokens_per_second:
        parts.append(tr("lm.speed", rate=status.tokens_per_second))
    return " · ".join(parts)
