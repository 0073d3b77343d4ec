"""The Streamlit side of the language model: the session's runs, kept as long as the browser
session (a dropped websocket keeps them; `rnnviz.ui.session_lifetime`), and status lines in
the session's language."""
from __future__ import annotations

from rnnviz.lm.background_run import LMStatus
from rnnviz.lm.session import LMSession
from rnnviz.trainer.progress import State
from rnnviz.ui.language import tr
from rnnviz.ui.session_lifetime import session_object
from rnnviz.ui.shared_run import scheduler_owner


def lm_session() -> LMSession:
    """This browser session's language-model runs; their scheduler owner is the Train page's
    (`shared_run.scheduler_owner`), so one person never holds two training slots."""
    return session_object("lm.session", LMSession, lambda: LMSession(owner=scheduler_owner()))


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
