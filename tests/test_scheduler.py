"""The training slot scheduler alone, with plain threads standing in for runs."""
from __future__ import annotations

import threading
import time

from rnnviz.trainer.scheduler import Scheduler


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


class Waiter:
    """A ticket acquiring in its own thread, as a run's worker does."""

    def __init__(self, scheduler: Scheduler, owner: object = None) -> None:
        self.scheduler = scheduler
        self.stop = threading.Event()
        self.got: bool | None = None
        self.positions: list[int] = []
        self.thread = threading.Thread(target=self._go, args=(owner,), daemon=True)
        self.thread.start()

    def _go(self, owner: object) -> None:
        self.got = self.scheduler.acquire(self, self.stop.is_set, self.positions.append, owner)


def test_first_come_first_served_with_positions() -> None:
    scheduler = Scheduler(slots=1)
    assert scheduler.acquire("a", lambda: False)
    b = Waiter(scheduler)
    wait_until(lambda: b.positions == [1])
    c = Waiter(scheduler)
    wait_until(lambda: c.positions == [2])
    assert scheduler.counts() == (1, 2)
    scheduler.release("a")
    wait_until(lambda: b.got is True)
    wait_until(lambda: c.positions == [2, 1])
    c.stop.set()
    scheduler.wake()
    c.thread.join(5)
    assert c.got is False and scheduler.counts() == (1, 0)
    scheduler.release(b)
    assert scheduler.counts() == (0, 0)


def test_a_long_turn_yields_only_when_someone_waits() -> None:
    scheduler = Scheduler(slots=1, turn_seconds=0.2)
    assert scheduler.acquire("long", lambda: False)
    time.sleep(0.3)
    assert not scheduler.should_yield("long")  # nobody waits: keep going
    waiter = Waiter(scheduler)
    wait_until(lambda: waiter.positions == [1])
    assert scheduler.should_yield("long")
    scheduler.release("long")
    wait_until(lambda: waiter.got is True)
    assert not scheduler.should_yield(waiter)  # its turn has just begun
    scheduler.release(waiter)


def test_a_fresh_turn_does_not_yield() -> None:
    scheduler = Scheduler(slots=1, turn_seconds=60)
    assert scheduler.acquire("a", lambda: False)
    waiter = Waiter(scheduler)
    wait_until(lambda: waiter.positions == [1])
    assert not scheduler.should_yield("a")
    waiter.stop.set()
    scheduler.wake()
    waiter.thread.join(5)
    scheduler.release("a")


def test_one_owner_never_holds_two_slots() -> None:
    scheduler = Scheduler(slots=2, turn_seconds=0)
    assert scheduler.acquire("old run", lambda: False, owner="session")
    new = Waiter(scheduler, owner="session")
    other = Waiter(scheduler, owner="another session")
    wait_until(lambda: other.got is True)  # passes the same session's ticket in the queue
    time.sleep(0.3)
    assert new.got is None and scheduler.counts() == (2, 1)
    # Its own session's waiting ticket is no reason for the other run to yield.
    assert not scheduler.should_yield("old run")
    scheduler.release("old run")
    scheduler.release(other)
    wait_until(lambda: new.got is True)
    scheduler.release(new)
    assert scheduler.counts() == (0, 0)


def test_release_without_a_slot_is_harmless() -> None:
    scheduler = Scheduler(slots=1)
    scheduler.release("never acquired")
    assert scheduler.counts() == (0, 0)
    assert not scheduler.should_yield("never acquired")
