"""How any background run's status line begins, in the session's language: its state, its
place in the queue while it waits, and its epoch. The Train and Language model pages (and
their watchers) add what their kind of run measures."""
from __future__ import annotations

from rnnviz.trainer.progress import RunStatus, State
from rnnviz.ui.language import tr


def progress_parts(status: RunStatus) -> list[str]:
    """`Queued · 2nd in line · epoch 0 / 100`, as parts to join with " · "."""
    parts = [tr(f"train.state.{status.state.value}")]
    if status.state is State.QUEUED and status.queue_position:
        parts.append(tr("train.queue_position", position=status.queue_position))
    parts.append(tr("train.epoch_of", epoch=status.epoch, epochs=status.epochs))
    return parts
