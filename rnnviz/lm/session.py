"""A browser session's language-model runs: one training at a time, one kept run per cell.

The page compares SimpleRNN, LSTM and GRU on the same corpus, so a run of one cell stays
(finished or stopped, its curve and snapshots kept) when the user trains another. Starting a
cell again replaces that cell's run; a different corpus or Reset drops them all. Only one run
trains at a time: starting one stops any other still going.
"""
from __future__ import annotations

import threading

from rnnviz.lm.corpus import Corpus
from rnnviz.lm.run import LMRun
from rnnviz.lm.training import LMSettings


class LMSession:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._runs: dict[str, LMRun] = {}
        self._corpus_key: str | None = None
        self._latest: str | None = None

    def start(self, corpus_key: str, corpus: Corpus, settings: LMSettings) -> LMRun:
        with self._lock:
            if corpus_key != self._corpus_key:
                old, self._runs = list(self._runs.values()), {}
            else:
                old = [r for c, r in self._runs.items()
                       if c == settings.cell or r.status().state.active
                       or r.status().state.value == "paused"]
        for run in old:
            run.close()
        run = LMRun(corpus, settings)
        with self._lock:
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

    def reset(self) -> None:
        with self._lock:
            old = list(self._runs.values())
            self._runs, self._latest, self._corpus_key = {}, None, None
        for run in old:
            run.close()

    close = reset
