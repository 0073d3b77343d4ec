"""The process-wide cap on concurrent training runs: a queue with fair turns.

Every browser session of the app shares the machine's few cores; TensorFlow is configured for
one thread per op (`keras_runtime`), so two runs at once fill two cores and a third only slows
all of them down. Runs beyond the cap wait in arrival order and can show their place in line.

A classroom server must not let two long runs hold both slots for hours, so a slot is a turn,
not a lease: a run that has held one for `turn_seconds` while someone else waits should give it
back (`should_yield`) and queue again at the end of the line. And one browser session never
holds two slots: a ticket waits while another ticket of the same `owner` runs, so a session
whose old run is still winding down cannot start a second one beside it.

Any long job can use it (the character trainer and the language-model trainer do):

    if SCHEDULER.acquire(ticket, give_up=stopped.is_set, on_position=show, owner=session):
        try:
            while work_left():
                do_a_chunk()                    # a fraction of a second
                if SCHEDULER.should_yield(ticket):
                    SCHEDULER.release(ticket)   # then acquire again, at the end of the line
                    ...
        finally:
            SCHEDULER.release(ticket)
"""
from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable

TURN_SECONDS = 20.0


class Scheduler:
    """Hands out `slots` running places; the others wait in arrival order."""

    def __init__(self, slots: int, turn_seconds: float = TURN_SECONDS) -> None:
        self.slots = max(1, slots)
        self.turn_seconds = turn_seconds
        self._cond = threading.Condition()
        self._running: dict[object, tuple[Hashable | None, float]] = {}  # ticket: owner, since
        self._queue: deque[tuple[object, Hashable | None]] = deque()

    def _busy_owners(self) -> set[Hashable]:
        return {owner for owner, _ in self._running.values() if owner is not None}

    def _next_eligible(self) -> object | None:
        """The first queued ticket whose owner holds no slot."""
        busy = self._busy_owners()
        for ticket, owner in self._queue:
            if owner is None or owner not in busy:
                return ticket
        return None

    def _position(self, ticket: object) -> int:
        return next(i for i, (t, _) in enumerate(self._queue) if t is ticket) + 1

    def acquire(self, ticket: object, give_up: Callable[[], bool],
                on_position: Callable[[int], None] = lambda _: None,
                owner: Hashable | None = None) -> bool:
        """Wait for a slot; False when `give_up()` turned true first (the run was stopped).
        `on_position` hears the ticket's 1-based place in the queue whenever it changes.
        Tickets of the same `owner` (a browser session) never hold two slots at once."""
        with self._cond:
            self._queue.append((ticket, owner))
            last = -1
            try:
                while True:
                    if len(self._running) < self.slots and self._next_eligible() is ticket:
                        self._remove(ticket)
                        self._running[ticket] = (owner, time.monotonic())
                        self._cond.notify_all()
                        return True
                    if give_up():
                        return False
                    position = self._position(ticket)
                    if position != last:
                        on_position(position)
                        last = position
                    self._cond.wait(0.2)
            finally:
                if self._remove(ticket):
                    self._cond.notify_all()

    def _remove(self, ticket: object) -> bool:
        for item in self._queue:
            if item[0] is ticket:
                self._queue.remove(item)
                return True
        return False

    def release(self, ticket: object) -> None:
        """Give the slot back (a no-op for a ticket that holds none)."""
        with self._cond:
            self._running.pop(ticket, None)
            self._cond.notify_all()

    def should_yield(self, ticket: object) -> bool:
        """Whether `ticket` has had its turn: it has run `turn_seconds` and a run of another
        owner that could take its slot is waiting."""
        with self._cond:
            held = self._running.get(ticket)
            if held is None or time.monotonic() - held[1] < self.turn_seconds:
                return False
            mine = held[0]
            busy = self._busy_owners() - {mine}
            return any(owner is None or (owner != mine and owner not in busy)
                       for _, owner in self._queue)

    def wake(self) -> None:
        """Let waiting runs re-check whether they were stopped."""
        with self._cond:
            self._cond.notify_all()

    def counts(self) -> tuple[int, int]:
        """(running, queued) right now."""
        with self._cond:
            return len(self._running), len(self._queue)


SCHEDULER = Scheduler(
    int(os.environ.get("RNNVIZ_TRAINING_SLOTS", min(2, os.cpu_count() or 1))),
    float(os.environ.get("RNNVIZ_TURN_SECONDS", TURN_SECONDS)),
)
