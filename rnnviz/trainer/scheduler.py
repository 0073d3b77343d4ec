"""The process-wide cap on concurrent training runs, with a first-come first-served queue.

Every browser session of the app shares the machine's few cores; TensorFlow is configured for
one thread per op (`keras_runtime`), so two runs at once fill two cores and a third only slows
all of them down. Runs beyond the cap wait their turn and can show their place in the line.
"""
from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable


class Scheduler:
    """Hands out `slots` running places; the others wait in arrival order."""

    def __init__(self, slots: int) -> None:
        self.slots = max(1, slots)
        self._cond = threading.Condition()
        self._running: set[object] = set()
        self._queue: deque[object] = deque()

    def acquire(self, ticket: object, give_up: Callable[[], bool],
                on_position: Callable[[int], None] = lambda _: None) -> bool:
        """Wait for a slot; False when `give_up()` turned true first (the run was stopped).
        `on_position` hears the ticket's 1-based place in the queue whenever it changes."""
        with self._cond:
            self._queue.append(ticket)
            last = -1
            try:
                while True:
                    if self._queue[0] is ticket and len(self._running) < self.slots:
                        self._queue.popleft()
                        self._running.add(ticket)
                        self._cond.notify_all()
                        return True
                    if give_up():
                        return False
                    position = self._queue.index(ticket) + 1
                    if position != last:
                        on_position(position)
                        last = position
                    self._cond.wait(0.2)
            finally:
                if ticket in self._queue:
                    self._queue.remove(ticket)
                    self._cond.notify_all()

    def release(self, ticket: object) -> None:
        with self._cond:
            self._running.discard(ticket)
            self._cond.notify_all()

    def wake(self) -> None:
        """Let waiting runs re-check whether they were stopped."""
        with self._cond:
            self._cond.notify_all()

    def counts(self) -> tuple[int, int]:
        """(running, queued) right now."""
        with self._cond:
            return len(self._running), len(self._queue)


SCHEDULER = Scheduler(int(os.environ.get("RNNVIZ_TRAINING_SLOTS", min(2, os.cpu_count() or 1))))
