"""The browser session's trainer, kept as a session-scoped resource.

Streamlit releases a session-scoped `cache_resource` entry when the session disconnects and
calls its `on_release` hook, which stops the worker thread: a closed tab leaves no thread
behind. Other pages read the trained model with `current_run()`:

    run = current_run()
    if run is not None and run.snapshots():
        epoch, model = run.snapshots()[-1]   # rnnviz.engine.SequenceModel
"""
from __future__ import annotations

import streamlit as st

from rnnviz.guards.problems import Message, say
from rnnviz.trainer import SessionTrainer, State, Status, TrainingRun
from rnnviz.ui.language import current_language, tr


def _release(trainer: SessionTrainer) -> None:
    trainer.close()


@st.cache_resource(scope="session", on_release=_release, show_spinner=False)
def session_trainer() -> SessionTrainer:
    """This browser session's trainer (one per session, closed when the session ends)."""
    return SessionTrainer()


def current_run() -> TrainingRun | None:
    """The session's latest run, with `.snapshots() -> list[(epoch, SequenceModel)]`,
    `.lesson`, `.settings`, `.status()` and `.history()`; None before the first Start."""
    return session_trainer().run


def status_text(status: Status) -> str:
    """One line: state, epoch, speed or queue place, in the session's language."""
    parts = [tr(f"train.state.{status.state.value}")]
    if status.state is State.QUEUED and status.queue_position:
        parts.append(tr("train.queue_position", position=status.queue_position))
    parts.append(tr("train.epoch_of", epoch=status.epoch, epochs=status.epochs))
    if status.loss is not None:
        parts.append(tr("train.loss_value", loss=status.loss))
    if status.accuracy is not None:
        parts.append(tr("train.accuracy_value", accuracy=status.accuracy))
    if status.epochs_per_second:
        parts.append(tr("train.speed", rate=status.epochs_per_second))
    return " · ".join(parts)


def message_text(status: Status) -> str:
    """The run's message (divergence, loaded file, failure) in the session's language, or "";
    its values (a failure's detail) are escaped like every message's."""
    if not status.message:
        return ""
    return say(Message(status.message, status.message_args), current_language())
