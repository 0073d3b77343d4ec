"""The registry of shared training runs, without Streamlit: tokens, rights, grace, the cap."""
from __future__ import annotations

import pytest

from rnnviz.lessons import hello
from rnnviz.trainer import Scheduler, SessionTrainer, State, TrainSettings, defaults_for
from rnnviz.trainer.read_only import RunView, TrainerView
from rnnviz.trainer.shared import (
    GRACE_SECONDS, TOKEN_SHAPE, SharedRuns, WatchersFull, new_token, well_formed,
)


class Trainer:
    """Stands in for a SessionTrainer: what the registry needs is `closed` and `close`."""

    def __init__(self, owner: object) -> None:
        self.owner = owner
        self.closed = False

    def close(self) -> None:
        self.closed = True


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def runs(clock: Clock) -> SharedRuns[Trainer]:
    return SharedRuns(Trainer, grace_seconds=300, max_watchers=2, clock=clock)


def test_tokens_are_random_url_safe_and_distinct() -> None:
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(TOKEN_SHAPE.fullmatch(token) for token in tokens)


@pytest.mark.parametrize("text", [
    "", "1", "2", "x" * 31, "x" * 33, "<script>alert(1)</script>", "a" * 10_000,
    "ａ" * 32, "../../etc/passwd", None, ["a" * 32],
], ids=["empty", "one", "counter", "short", "long", "html", "huge", "fullwidth", "path",
        "none", "list"])
def test_malformed_tokens_are_refused_before_any_lookup(text: object) -> None:
    assert not well_formed(text)


def test_owner_reattaches_by_owner_token_with_the_same_trainer(
        runs: SharedRuns[Trainer]) -> None:
    first = runs.open("session-1")
    again = runs.adopt(first.token, "session-2")
    assert again is not None and again.is_owner
    assert again.item is first.item
    # The scheduler owner is the trainer's, made with it: it follows the token.
    assert again.owner == first.owner == first.item.owner == "session-1"


def test_a_run_opened_for_another_scheduler_owner_keeps_it(runs: SharedRuns[Trainer]) -> None:
    """A session that already holds another page's shared run opens this one for that run's
    owner, so one person's runs on both pages count as one in the scheduler."""
    mine = runs.open("session-2", owner="session-1")
    assert mine.owner == mine.item.owner == "session-1"
    assert runs.adopt(mine.token, "session-3").owner == "session-1"


@pytest.mark.parametrize("which", ["unknown", "watch token", "hostile"])
def test_a_wrong_token_adopts_nothing(runs: SharedRuns[Trainer], which: str) -> None:
    mine = runs.open("session-1")
    token = {"unknown": new_token(), "watch token": mine.watch_token,
             "hostile": "'; DROP TABLE runs; --"}[which]
    assert runs.adopt(token, "session-2") is None


def test_an_owner_token_does_not_open_a_watch(runs: SharedRuns[Trainer]) -> None:
    mine = runs.open("session-1")
    assert runs.watch(mine.token, "session-2") is None
    assert runs.watch(new_token(), "session-2") is None


def test_adopting_twice_holds_one_run_from_both_sessions(runs: SharedRuns[Trainer],
                                                         clock: Clock) -> None:
    first = runs.open("tab-1")
    second = runs.adopt(first.token, "tab-2")
    third = runs.adopt(first.token, "tab-2")  # the same session asking again
    assert second.item is third.item is first.item
    assert len(runs) == 1
    first.close()  # one tab closes: the other still holds the run
    clock.now += 10 * GRACE_SECONDS
    assert runs.expire() == 0 and not first.item.closed
    assert runs.adopt(first.token, "tab-3") is not None


def test_watcher_reads_but_cannot_control_or_hand_out_the_link(
        runs: SharedRuns[Trainer]) -> None:
    mine = runs.open("teacher")
    seen = runs.watch(mine.watch_token, "student")
    assert seen is not None and not seen.is_owner
    assert seen.watched is mine.item
    with pytest.raises(PermissionError):
        seen.item
    with pytest.raises(PermissionError):
        seen.watch_token
    assert seen.token == mine.watch_token != mine.token


def test_a_run_ends_after_the_grace_period_without_its_owner(runs: SharedRuns[Trainer],
                                                             clock: Clock) -> None:
    mine = runs.open("session-1")
    watcher = runs.watch(mine.watch_token, "student")
    mine.close()  # the server forgot the owner's session
    clock.now += 299
    assert runs.expire() == 0 and not mine.item.closed
    clock.now += 1
    assert runs.expire() == 1 and mine.item.closed
    assert watcher.closed  # a watcher's page sees the run has ended
    assert runs.adopt(mine.token, "session-2") is None
    assert runs.watch(mine.watch_token, "student-2") is None
    assert len(runs) == 0


def test_an_owner_back_within_the_grace_period_keeps_the_run(runs: SharedRuns[Trainer],
                                                             clock: Clock) -> None:
    mine = runs.open("session-1")
    mine.present(False)  # the websocket dropped
    clock.now += 200
    back = runs.adopt(mine.token, "session-2")  # the reload
    mine.close()
    clock.now += 200
    assert runs.expire() == 0 and not back.item.closed
    back.present(False)
    clock.now += 200
    back.present(True)  # the same session reconnected
    clock.now += 400
    assert runs.expire() == 0


def test_the_grace_period_counts_from_the_last_owner_going(runs: SharedRuns[Trainer],
                                                           clock: Clock) -> None:
    mine = runs.open("tab-1")
    other = runs.adopt(mine.token, "tab-2")
    mine.present(False)
    clock.now += 250
    other.close()
    clock.now += 250  # 500 s after the first tab, 250 s after the last
    assert runs.expire() == 0
    clock.now += 50
    assert runs.expire() == 1


def test_watchers_are_capped_counting_only_connected_ones(runs: SharedRuns[Trainer]) -> None:
    mine = runs.open("teacher")
    first = runs.watch(mine.watch_token, "a")
    runs.watch(mine.watch_token, "b")
    with pytest.raises(WatchersFull):
        runs.watch(mine.watch_token, "c")
    assert runs.watch(mine.watch_token, "a") is not None  # already in: no second place
    first.present(False)  # a watcher's tab reloads: its old session no longer counts
    assert runs.watch(mine.watch_token, "c") is not None
    assert mine.watchers_connected() == 2
    first.close()
    assert mine.watchers_connected() == 2


def test_watchers_never_keep_a_run_alive(runs: SharedRuns[Trainer], clock: Clock) -> None:
    mine = runs.open("teacher")
    runs.watch(mine.watch_token, "student")
    mine.close()
    clock.now += GRACE_SECONDS
    assert runs.expire() == 1


def test_a_trainer_closed_elsewhere_is_forgotten(runs: SharedRuns[Trainer]) -> None:
    mine = runs.open("teacher")
    mine.item.close()
    assert mine.closed
    assert runs.expire() == 1 and len(runs) == 0


def test_holds_compares_tokens_and_rejects_other_text(runs: SharedRuns[Trainer]) -> None:
    mine = runs.open("teacher")
    assert mine.holds(mine.token)
    assert not mine.holds(mine.watch_token)
    assert not mine.holds("한국어" * 11)
    assert not mine.holds(None)


def test_tokens_stay_out_of_reprs(runs: SharedRuns[Trainer]) -> None:
    mine = runs.open("teacher")
    shared = runs.adopt(mine.token, "again")._shared
    assert mine.token not in repr(shared) and mine.watch_token not in repr(shared)


def test_read_only_views_show_progress_and_no_controls() -> None:
    lesson = hello()
    trainer = SessionTrainer(scheduler=Scheduler(1), owner="teacher")
    settings: TrainSettings = defaults_for(lesson)
    run = trainer.start(lesson, settings)
    view = TrainerView(trainer)
    try:
        assert isinstance(view.run, RunView) and view.run.id == run.id
        assert view.run.lesson is lesson and view.run.settings == settings
        assert view.run.status().state in tuple(State)
        for control in ("pause", "resume", "stop", "close", "set_pace", "keras_file"):
            assert not hasattr(view.run, control)
        for control in ("start", "load", "reset", "close"):
            assert not hasattr(view, control)
        assert run.join(120)
        assert [n for n, _ in view.kept()] == [1]
        assert view.kept()[0][1].snapshots()[-1][0] == settings.epochs
    finally:
        trainer.close()
