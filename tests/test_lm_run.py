"""The background language-model run: the shared slot cap and queue, pause, stop, snapshots,
and the session that keeps one run per cell."""
from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np

from rnnviz.lm.corpus import default_corpus
from rnnviz.lm.background_run import SNAPSHOT_BYTES, LMRun, snapshot_epochs
from rnnviz.lm.session import LMSession
from rnnviz.lm.training import LMSettings, LMTraining
from rnnviz.trainer.progress import State
from rnnviz.trainer.scheduler import Scheduler


def wait(condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.01)


def test_a_run_records_what_a_plain_training_loop_computes() -> None:
    corpus = default_corpus()
    settings = LMSettings(epochs=3)
    run = LMRun(corpus, settings, scheduler=Scheduler(1))
    run.join(30)
    status, history = run.status(), run.history()
    assert status.state is State.FINISHED and status.epoch == 3
    reference = LMTraining(corpus.ids, corpus.vocab_size, settings)
    curve = [reference.epoch()[1] for _ in range(3)]
    np.testing.assert_allclose(history.perplexity[1:], curve, rtol=1e-5)
    assert len(history.loss) == 3 * reference.iterations
    assert history.perplexity[0] > history.perplexity[1]  # epoch 0: untrained
    assert [s.epoch for s in run.snapshots()] == [0, 1, 2, 3]
    assert status.time_idx == 3 * reference.iterations * settings.time_size
    assert status.tokens_per_second > 0


def test_runs_beyond_the_slot_cap_wait_in_line() -> None:
    corpus, scheduler = default_corpus(), Scheduler(1)
    first = LMRun(corpus, LMSettings(epochs=500), scheduler=scheduler)
    wait(lambda: first.status().state is State.RUNNING)
    second = LMRun(corpus, LMSettings(epochs=1), scheduler=scheduler)
    wait(lambda: second.status().queue_position == 1)
    assert second.status().state is State.QUEUED and second.status().epoch == 0
    first.pause()  # a paused run gives its slot up
    assert first.status().state is State.PAUSED
    second.join(30)
    assert second.status().state is State.FINISHED
    epoch = first.status().epoch
    time.sleep(0.2)
    assert first.status().epoch == epoch
    first.resume()
    wait(lambda: first.status().epoch > epoch)
    first.close()  # only signals: the worker ends itself
    assert first.join(30)
    assert first.status().state is State.STOPPED and first.status().epoch < 500


def test_snapshot_epochs() -> None:
    assert snapshot_epochs(100) == {0, 1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100}
    assert snapshot_epochs(3) == {0, 1, 2, 3}
    assert snapshot_epochs(25) == {0, 1, 3, 6, 9, 12, 15, 18, 21, 24, 25}
    assert snapshot_epochs(100, 1) == {0, 1, 100}


def test_a_big_model_keeps_fewer_snapshots() -> None:
    corpus = default_corpus()
    big = LMRun(corpus, LMSettings(cell="LSTM", wordvec_size=300, hidden_size=300, epochs=40),
                scheduler=Scheduler(1))
    big.close()
    size = sum(p.nbytes for p in big.training.model.params)
    assert len(big._keep) * size <= SNAPSHOT_BYTES
    assert {0, 1, 40} <= big._keep


def test_session_keeps_one_run_per_cell_and_a_new_corpus_drops_them() -> None:
    corpus, session = default_corpus(), LMSession()
    try:
        for cell in ("SimpleRNN", "LSTM", "SimpleRNN"):
            session.start("pydoc", corpus, LMSettings(cell=cell, epochs=1)).join(30)
        runs = session.runs("pydoc")
        assert list(runs) == ["SimpleRNN", "LSTM"] and session.run is runs["SimpleRNN"]
        assert session.runs("other") == {}
        session.start("other", corpus, LMSettings(cell="GRU", epochs=1)).join(30)
        assert list(session.runs("other")) == ["GRU"] and session.runs("pydoc") == {}
    finally:
        session.reset()
    assert session.run is None


def test_one_owner_never_holds_two_slots() -> None:
    """Two runs of one browser session (say this page's and the Train page's) take turns
    even when the cap has room for both; another session's run goes beside them."""
    corpus, scheduler = default_corpus(), Scheduler(2)
    first = LMRun(corpus, LMSettings(epochs=500), scheduler=scheduler, owner="session-a")
    wait(lambda: first.status().state is State.RUNNING)
    second = LMRun(corpus, LMSettings(epochs=1), scheduler=scheduler, owner="session-a")
    other = LMRun(corpus, LMSettings(epochs=1), scheduler=scheduler, owner="session-b")
    try:
        assert other.join(30) and other.status().state is State.FINISHED
        assert second.status().state is State.QUEUED and second.status().epoch == 0
        first.close()
        assert second.join(30) and second.status().state is State.FINISHED
    finally:
        for run in (first, second, other):
            run.close()


def test_a_turn_is_given_up_when_another_session_waits() -> None:
    corpus, scheduler = default_corpus(), Scheduler(1, turn_seconds=0.2)
    long = LMRun(corpus, LMSettings(epochs=5000), scheduler=scheduler, owner="a")
    wait(lambda: long.status().state is State.RUNNING)
    short = LMRun(corpus, LMSettings(epochs=1), scheduler=scheduler, owner="b")
    try:
        assert short.join(30) and short.status().state is State.FINISHED
        assert long.status().epoch < 5000
        wait(lambda: long.status().state is State.RUNNING)  # back after its turn in line
    finally:
        long.close()
        short.close()


def test_closing_the_session_stops_every_run_and_starts_none() -> None:
    corpus, session = default_corpus(), LMSession()
    run = session.start("pydoc", corpus, LMSettings(epochs=5000))
    wait(lambda: run.status().state is State.RUNNING)
    session.close()
    assert session.closed and run.join(30) and run.status().state is State.STOPPED
    assert session.start("pydoc", corpus, LMSettings(epochs=1)) is None
