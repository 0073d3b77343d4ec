"""The browser session's trainer, and the models it (or a run it watches) trained.

The trainer is shared (`rnnviz.ui.shared_run`): its owner token in the Train page's address
brings it back after a reload, a watch link shows it read-only elsewhere, and it ends 5
minutes after its last owner session went away; closing only signals the worker, so nothing
here waits on it.

Other pages read the session's trained models with `trained_models()` (a watcher's include
the watched run's):

    for model in trained_models():            # newest first
        model.name                            # in the session's language
        epoch, net = model.snapshots[-1]      # rnnviz.engine.SequenceModel

A page that makes a model without the trainer (the By-hand page's network) adds it to the
same menus with `send_model`.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from rnnviz.engine import SequenceModel
from rnnviz.guards.problems import InputProblem, Message, say
from rnnviz.lessons import Lesson
from rnnviz.trainer import History, SessionTrainer, Status, TrainingRun
from rnnviz.trainer.read_only import RunView, TrainerView
from rnnviz.ui.language import current_language, tr
from rnnviz.ui.run_status import progress_parts
from rnnviz.ui.shared_run import SharedKind

SENT = "train.sent_models"  # key -> _Sent, the models other pages sent, newest last
OPEN = "train.open_sent"  # the key of the model just sent, for Step-through to open once

# The Train page's shared trainers: `?run=` brings the owner's back, `?watch=` shows it
# read-only (session keys `shared.owned`, `shared.watching`).
TRAIN: SharedKind[SessionTrainer, TrainerView] = SharedKind(
    "shared", lambda owner: SessionTrainer(owner=owner), TrainerView)


def session_trainer() -> SessionTrainer:
    """This browser session's trainer, with its controls (adopted from the address after a
    reload). The session that made it is the scheduler's owner of its runs, here and on the
    Language model page (`shared_run.scheduler_owner`), so one person never holds two
    training slots."""
    return TRAIN.owned()


def current_run() -> TrainingRun | None:
    """The run the Train page shows, with `.snapshots() -> list[(epoch, SequenceModel)]`,
    `.lesson`, `.settings`, `.status()` and `.history()`; None before Start and after Reset."""
    return session_trainer().run


@dataclass(frozen=True)
class TrainedModel:
    """One model this session trained (or loaded from a file), at every snapshot it kept."""

    key: str  # stable while the model is kept: "trained-<run id>"
    name: str  # in the session's language
    lesson: Lesson
    snapshots: list[tuple[int, SequenceModel]]
    history: History | None = None  # the run's curves; None for a model another page sent


@dataclass(frozen=True)
class _Sent:
    name_key: str  # named in the language of the run that reads it
    name_args: dict[str, object]
    lesson: Lesson
    snapshots: list[tuple[int, SequenceModel]]


def send_model(key: str, name_key: str, lesson: Lesson, epoch: int, model: SequenceModel,
               **name_args: object) -> None:
    """Offer `model` in the trained-model menus (Step-through, Gradients, the lab) as
    `key`; sending the same key again replaces it, so a page keeps one entry per model it
    makes. Its name is the text `name_key` formatted with `name_args`. The Step-through
    page opens it on its next run (`OPEN`)."""
    sent = dict(st.session_state.get(SENT, {}))
    sent.pop(key, None)
    sent[key] = _Sent(name_key, name_args, lesson, [(epoch, model)])
    st.session_state[SENT] = sent
    st.session_state[OPEN] = key


def trained_models() -> list[TrainedModel]:
    """The models sent by other pages, then the session's last five trained runs, then those
    of the run it watches, each group newest first."""
    sent = st.session_state.get(SENT, {})
    owned, watched = TRAIN.owned(create=False), TRAIN.watched()
    return [
        TrainedModel(key, tr(entry.name_key, **entry.name_args), entry.lesson, entry.snapshots)
        for key, entry in reversed(sent.items())
    ] + [
        TrainedModel(model_key(run), model_name(number, run), run.lesson, run.snapshots(),
                     None if run.loaded else run.history())
        for number, run in (owned.kept() if owned is not None else [])
    ] + [
        TrainedModel(model_key(run), model_name(number, run, "watch.model_name"),
                     run.lesson, run.snapshots(), None if run.loaded else run.history())
        for number, run in (watched.kept() if watched is not None else [])
    ]


def model_key(run: TrainingRun | RunView) -> str:
    """The `TrainedModel.key` of a run's model."""
    return f"trained-{run.id}"


def model_name(number: int, run: TrainingRun | RunView, key: str = "train.model_name") -> str:
    """`L4 five words · SimpleRNN · run 2`, the activation named when it is not tanh:
    `SimpleRNN (relu)`."""
    cell, act = run.config.cell, run.config.activation
    return tr(key, lesson=tr(f"train.short.{run.lesson.key}"),
              cell=cell if act == "tanh" else f"{cell} ({act})", number=number)


def problem_text(problem: InputProblem | Message) -> str:
    """An input problem or message as a sentence in the session's language, its values
    escaped for Markdown."""
    return say(problem, current_language())


def status_text(status: Status, loaded: bool = False, speed: bool = True) -> str:
    """One line: state, epoch, speed (when `speed`: a slowed run's graph speed says nothing
    a class can see) or queue place, in the session's language. A model loaded from a file
    has no epochs to count and says so instead."""
    parts = [tr("train.state.loaded")] if loaded else progress_parts(status)
    if status.loss is not None:
        parts.append(tr("train.loss_value", loss=status.loss))
    if status.accuracy is not None:
        parts.append(tr("train.accuracy_value", accuracy=status.accuracy))
    if status.epochs_per_second and speed and not loaded:
        parts.append(tr("train.speed", rate=status.epochs_per_second))
    return " · ".join(parts)


def message_text(status: Status) -> str:
    """The run's message (divergence, loaded file, failure) in the session's language, or "";
    its values (a failure's detail) are escaped like every message's."""
    if not status.message:
        return ""
    return problem_text(Message(status.message, status.message_args))
