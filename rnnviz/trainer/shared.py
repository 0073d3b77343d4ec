"""Training runs shared between browser sessions: one owner's controls, many watchers' eyes.

A Train page's trainer (or a Language model page's runs: the registry is generic over what it
keeps) no longer dies with the browser session that made it. It is kept here
under two random tokens: the owner token, which the owner's address holds so that a reload
(a new Streamlit session) adopts the trainer with its controls, and the watch token, which a
teacher hands out so that others follow the run read-only. A token is the only key: never a
counter, never logged, never shown to a watcher. The trainer ends `grace_seconds` after its
last owner session went away (`expire`, called on a timer), and each run takes at most
`max_watchers` connected watchers.

The scheduler's owner of the trainer's runs is fixed when the trainer is made (the session
that opened it), so a session that adopts it later keeps the one-slot-per-owner rule: its new
run waits for the old one to wind down, exactly as if the page had never been reloaded.

Pure Python: the Streamlit side (`rnnviz.ui.shared_run`) reports sessions arriving, going
away and coming back; nothing here waits on a worker, closing a trainer only signals it.
"""
from __future__ import annotations

import hmac
import re
import secrets
import threading
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, Literal, Protocol, TypeVar

GRACE_SECONDS = 300.0
MAX_WATCHERS = 50
TOKEN_BYTES = 24
# What `secrets.token_urlsafe(TOKEN_BYTES)` writes: anything else in an address is not a token.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{32}")

Role = Literal["owner", "watcher"]


class Closable(Protocol):
    @property
    def closed(self) -> bool: ...

    def close(self) -> None: ...


T = TypeVar("T", bound=Closable)


class WatchersFull(Exception):
    """The run already has as many connected watchers as it takes."""


def well_formed(token: object) -> bool:
    """Whether `token` could be one of ours, checked before any lookup."""
    return isinstance(token, str) and TOKEN_SHAPE.fullmatch(token) is not None


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@dataclass(eq=False)
class SharedRun(Generic[T]):
    """One shared trainer and who holds it: sessions mapped to whether they are connected."""

    item: T
    owner: Hashable  # the scheduler's owner of the item's runs
    owner_token: str = field(repr=False)
    watch_token: str = field(repr=False)
    owners: dict[Hashable, bool] = field(default_factory=dict)
    watchers: dict[Hashable, bool] = field(default_factory=dict)
    gone_since: float | None = None  # when the last connected owner went away

    def connected_watchers(self) -> int:
        return sum(self.watchers.values())


class Attachment(Generic[T]):
    """One session's hold on a shared run, as owner or watcher. The session lifetime closes
    it when the server forgets the session and reports `present(connected)` meanwhile."""

    def __init__(self, registry: SharedRuns[T], shared: SharedRun[T], session: Hashable,
                 role: Role) -> None:
        self._registry = registry
        self._shared = shared
        self.session = session
        self.role: Role = role
        self._left = False

    @property
    def is_owner(self) -> bool:
        return self.role == "owner"

    @property
    def item(self) -> T:
        """The shared trainer itself, with its controls: only an owner gets it."""
        if not self.is_owner:
            raise PermissionError("a watcher cannot control the run")
        return self._shared.item

    @property
    def watched(self) -> T:
        """The shared trainer, for reading; a page gives watchers a read-only view of it."""
        return self._shared.item

    @property
    def owner(self) -> Hashable:
        return self._shared.owner

    @property
    def token(self) -> str:
        """The token this session holds the run by: the owner's, or the watch token."""
        return self._shared.owner_token if self.is_owner else self._shared.watch_token

    @property
    def watch_token(self) -> str:
        """The token to hand out; only an owner hands it out."""
        if not self.is_owner:
            raise PermissionError("a watcher is not the one to hand the link out")
        return self._shared.watch_token

    def watchers_connected(self) -> int:
        return self._registry._connected_watchers(self._shared)

    def holds(self, token: object) -> bool:
        """Whether this attachment came from `token` (compared in constant time)."""
        return isinstance(token, str) and hmac.compare_digest(self.token.encode(),
                                                              token.encode())

    @property
    def closed(self) -> bool:
        return self._left or self._shared.item.closed

    def close(self) -> None:
        """The session is gone for good: it no longer holds the run."""
        if not self._left:
            self._left = True
            self._registry._leave(self._shared, self)

    def present(self, connected: bool) -> None:
        """The session's websocket is (or is no longer) connected."""
        if not self._left:
            self._registry._seen(self._shared, self, connected)


class SharedRuns(Generic[T]):
    """The process's shared trainers, found only by token. `clock` and `token` are injectable
    so tests can move time and know nothing else."""

    def __init__(self, make: Callable[[Hashable], T], grace_seconds: float = GRACE_SECONDS,
                 max_watchers: int = MAX_WATCHERS, clock: Callable[[], float] = time.monotonic,
                 token: Callable[[], str] = new_token) -> None:
        self._make = make
        self.grace_seconds = grace_seconds
        self.max_watchers = max_watchers
        self._clock = clock
        self._token = token
        self._lock = threading.Lock()
        self._by_owner: dict[str, SharedRun[T]] = {}
        self._by_watch: dict[str, SharedRun[T]] = {}

    def __len__(self) -> int:
        with self._lock:
            return len(self._by_owner)

    def open(self, session: Hashable, owner: Hashable | None = None) -> Attachment[T]:
        """A new trainer owned by `session`; its runs' scheduler owner is `owner` (by default
        the session), so a session that holds another shared run keeps one owner for both."""
        owner = session if owner is None else owner
        shared = SharedRun(self._make(owner), owner, self._token(), self._token())
        with self._lock:
            self._by_owner[shared.owner_token] = shared
            self._by_watch[shared.watch_token] = shared
            shared.owners[session] = True
        return Attachment(self, shared, session, "owner")

    def adopt(self, owner_token: object, session: Hashable) -> Attachment[T] | None:
        """`session` becomes an owner of the run `owner_token` names; None when no live run
        has that owner token (unknown, ended, malformed, or a watch token)."""
        if not well_formed(owner_token):
            return None
        with self._lock:
            shared = self._by_owner.get(owner_token)
            if shared is None or shared.item.closed:
                return None
            shared.owners[session] = True
            shared.gone_since = None
        return Attachment(self, shared, session, "owner")

    def watch(self, watch_token: object, session: Hashable) -> Attachment[T] | None:
        """`session` follows the run `watch_token` names, read-only; None when there is no
        such live run. Raises WatchersFull when it has `max_watchers` connected watchers."""
        if not well_formed(watch_token):
            return None
        with self._lock:
            shared = self._by_watch.get(watch_token)
            if shared is None or shared.item.closed:
                return None
            if session not in shared.watchers and \
                    shared.connected_watchers() >= self.max_watchers:
                raise WatchersFull()
            shared.watchers[session] = True
        return Attachment(self, shared, session, "watcher")

    def expire(self) -> int:
        """Close the trainers whose owners have been gone for the grace period (or that were
        closed already) and forget them; returns how many. Only signals each trainer."""
        now = self._clock()
        with self._lock:
            ended = [s for s in self._by_owner.values() if s.item.closed or (
                s.gone_since is not None and now - s.gone_since >= self.grace_seconds)]
            for shared in ended:
                del self._by_owner[shared.owner_token]
                del self._by_watch[shared.watch_token]
        for shared in ended:
            shared.item.close()
        return len(ended)

    def _connected_watchers(self, shared: SharedRun[T]) -> int:
        with self._lock:
            return shared.connected_watchers()

    def _holders(self, attachment: Attachment[T]) -> dict[Hashable, bool]:
        return attachment._shared.owners if attachment.is_owner else attachment._shared.watchers

    def _leave(self, shared: SharedRun[T], attachment: Attachment[T]) -> None:
        with self._lock:
            self._holders(attachment).pop(attachment.session, None)
            self._owners_changed(shared)

    def _seen(self, shared: SharedRun[T], attachment: Attachment[T], connected: bool) -> None:
        with self._lock:
            holders = self._holders(attachment)
            if attachment.session in holders:
                holders[attachment.session] = connected
            self._owners_changed(shared)

    def _owners_changed(self, shared: SharedRun[T]) -> None:
        if any(shared.owners.values()):
            shared.gone_since = None
        elif shared.gone_since is None:
            shared.gone_since = self._clock()
