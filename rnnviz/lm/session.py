"""A browser session's language-model runs: one training at a time, one kept run per cell.

The page compares SimpleRNN, LSTM and GRU on the same corpus, so a run of one cell stays
(finished or stopped, its curve and snapshots kept) when the user trains another. Starting a
cell again replaces that cell's run; a different corpus or Reset drops them all. Only one run
trains at a time: starting one stops any other still going.

Like the Train page's `SessionTrainer`, nothing here waits for a worker: stopping a run only
signals it. The `owner` (the browser session) is the scheduler's owner of every run, so an old
run winding down, or the Train page's run of the same session, never holds a second slot.
"""
from __future__ import annotations

import threading
from collections.abc import Hashable

from rnnviz.lm.corpus import Corpus
from rnnviz.lm.background_run import LMRun
from rnnviz.lm.training import LMSettings


class LMSession:
    def __init__(self, owner: Hashable | None = None) -> None:
        self._owner = self if owner is None else owner
        self._closed = False
        self._lock = threading.Lock()
        self._runs: dict[str, LMRun] = {}
        self._corpus_key: str | None = None
        self._latest: str | None = None

    @property
    def closed(self) -> bool:
        return self._closed

    def start(self, corpus_key: str, corpus: Corpus, settings: LMSettings) -> LMRun | None:
        """A new run of `settings.cell`; None once the session has ended."""
        with self._lock:
            if self._closed:
                return None
            if corpus_key != self._corpus_key:
                old, self._runs = list(self._runs.values()), {}
            else:
                old = [r for c, r in self._runs.items()
                       if c == settings.cell or r.status().state.active
                       or r.status().state.value == "paused"]
        for run in old:
            run.close()
        run = LMRun(corpus, settings, owner=self._owner)
        with self._lock:
            if self._closed:  # the session ended while the run was being made
                run.close()
                return None
            self._corpus_key, self._latest = corpus_key, settings.cell
            self._runs[settings.cell] = run
        return run

    @property
    def run(self) -> LMRun | None:
        """The run started last (or None)."""
        with self._lock:
            return self._runs.get(self._latest) if self._latest else None

    def runs(self, corpus_key: str) -> dict[str, LMRun]:
        """Every kept run on this corpus, by cell, in the order they were started."""
        with self._lock:
            return dict(self._runs) if corpus_key == self._corpus_key else {}

    def kept(self) -> dict[str, LMRun]:
        """Every kept run (all on one corpus), by cell, in the order they were started: what
        a watcher, who never sees the owner's corpus box, is shown."""
        with self._lock:
            return dict(self._runs)

    def reset(self) -> None:
        with self._lock:
            old = list(self._runs.values())
            self._runs, self._latest, self._corpus_key = {}, None, None
        for run in old:
            run.close()

    def close(self) -> None:
        """The session ended: every run is told to stop and no new one can start."""
        with self._lock:
            self._closed = True
        self.reset()
