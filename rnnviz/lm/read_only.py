"""What a watcher of a shared language-model session may hold: its runs' progress and the
weights they kept, never their controls.

A watcher's Language model page is built only from these views, so no code path on it can
start, pause, stop or reset a run, whatever widget a later change adds.
"""
from __future__ import annotations

from rnnviz.lm.background_run import LMHistory, LMRun, LMStatus
from rnnviz.lm.corpus import Corpus
from rnnviz.lm.model import Snapshot
from rnnviz.lm.session import LMSession
from rnnviz.lm.training import LMSettings


class LMRunView:
    """A language-model run, read-only."""

    def __init__(self, run: LMRun) -> None:
        self._run = run

    @property
    def id(self) -> int:
        return self._run.id

    @property
    def corpus(self) -> Corpus:
        return self._run.corpus

    @property
    def settings(self) -> LMSettings:
        return self._run.settings

    def status(self) -> LMStatus:
        return self._run.status()

    def history(self) -> LMHistory:
        return self._run.history()

    def snapshots(self) -> list[Snapshot]:
        return self._run.snapshots()


class LMSessionView:
    """A session's language-model runs, read-only: the one started last and every kept one."""

    def __init__(self, session: LMSession) -> None:
        self._session = session

    @property
    def run(self) -> LMRunView | None:
        run = self._session.run
        return LMRunView(run) if run is not None else None

    def runs(self) -> dict[str, LMRunView]:
        return {cell: LMRunView(run) for cell, run in self._session.kept().items()}
