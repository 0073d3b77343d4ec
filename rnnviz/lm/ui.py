"""The Streamlit side of the language model: the session's runs, shared like the Train
page's (`?run=` brings them back after a reload, `?watch=` shows them read-only; kept as long
as their owner has a page open, and 5 minutes more), and status lines in the session's
language."""
from __future__ import annotations

from rnnviz.lm.background_run import LMStatus
from rnnviz.lm.read_only import LMSessionView
from rnnviz.lm.session import LMSession
from rnnviz.ui.language import tr
from rnnviz.ui.run_status import progress_parts
from rnnviz.ui.shared_run import SharedKind

# The Language model page's shared runs (session keys `lm.shared.owned`, `lm.shared.watching`).
LANGUAGE_MODEL: SharedKind[LMSession, LMSessionView] = SharedKind(
    "lm.shared", lambda owner: LMSession(owner=owner), LMSessionView)


def lm_session() -> LMSession:
    """This browser session's language-model runs, with their controls (adopted from the
    address after a reload). Their scheduler owner is the Train page's too
    (`shared_run.scheduler_owner`), so one person never holds two training slots."""
    return LANGUAGE_MODEL.owned()


def status_text(status: LMStatus) -> str:
    """One line: state, epoch, perplexity, speed or queue place."""
    parts = progress_parts(status)
    if status.perplexity is not None:
        parts.append(tr("lm.perplexity_value", value=status.perplexity))
    if status.tokens_per_second:
        parts.append(tr("lm.speed", rate=status.tokens_per_second))
    return " · ".join(parts)
