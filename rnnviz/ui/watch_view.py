"""A shared run as a watcher sees it: its status and curves, and no controls.

`show_watched` draws the frame every page's watcher gets (title, what watching means, the
live part on a timer, "Stop watching"); each page gives the live part, drawn from its
`SharedKind`'s read-only view, so nothing on a watcher's page can pause, stop or reset the
run, and no token is ever drawn. Here too the Train page's live part. A class watches one
run, so what its watchers see at one state (the Train run's curves at an epoch, the language
model's text) is built once per state and language for every watcher (`shared`), and the page
refreshes on a slower timer than the owner's: forty watchers each building three figures
twice a second would cost the class its cores (bench/bench_watchers.py).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import streamlit as st
from plotly.graph_objects import Figure

from rnnviz.ui.chart_export import chart_config
from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure
from rnnviz.trainer.custom import step_names
from rnnviz.trainer.read_only import RunView, TrainerView
from rnnviz.ui.language import current_language, tr
from rnnviz.ui.shared_run import SharedKind
from rnnviz.ui.training_session import TRAIN, message_text, status_text

REFRESH_SECONDS = 2.0
KEEP_CURVES = 16  # what is kept: a few runs watched at once, in two languages
_curves: dict[Hashable, Any] = {}  # (what, run id, its state, language): built once
_curves_lock = threading.Lock()
V = TypeVar("V")


def show_watched(kind: SharedKind[Any, V], title: str, watching: str,
                 live: Callable[[V], None]) -> bool:
    """When the address (or the session) follows one of `kind`'s runs, draw the page `title`
    (a text key) as its watcher sees it, `live(view)` refreshed on a timer, and return True;
    else draw nothing (the session's own run is adopted from the address) and return False.
    `watching` says what the watcher sees and that only the owner controls it."""
    if kind.follow_address() is None:
        return False
    st.title(tr(title))
    st.info(tr(watching), icon=":material/visibility:")
    _live(kind, live)
    if st.button(tr("watch.leave"), key="watch.leave"):
        kind.stop_watching()
        st.rerun()
    return True


@st.fragment(run_every=REFRESH_SECONDS)
def _live(kind: SharedKind[Any, V], live: Callable[[V], None]) -> None:
    view = kind.watched()
    if view is None:  # the run ended while we watched: the page says so
        st.rerun(scope="app")
    live(view)


def shared(key: Hashable, build: Callable[[], V]) -> V:
    """What `build` makes for `key` (a run's state and the language), built by the first
    watcher to ask and handed to every other, which Streamlit only reads."""
    with _curves_lock:
        kept = _curves.get(key)
    if kept is not None:
        return kept
    made = build()
    with _curves_lock:
        while len(_curves) >= KEEP_CURVES:
            del _curves[next(iter(_curves))]
        _curves[key] = made
    return made


def show_watched_run() -> bool:
    """The Train page's watcher view (see `show_watched`)."""
    return show_watched(TRAIN, "train.title", "watch.watching", _train_live)


def _train_live(view: TrainerView) -> None:
    run = view.run
    if run is None:
        st.info(tr("watch.idle"))
        return
    status = run.status()
    st.markdown(f"**{status_text(status, run.loaded, run.pace == 'real')}**")
    st.caption(tr("watch.about", lesson=tr(f"train.source.{run.lesson.key}"),
                  cell=run.config.cell))
    message = message_text(status)
    if status.state.value in ("diverged", "failed"):
        st.error(message)
    elif message:
        st.info(message)
    if not run.loaded:
        st.progress(min(1.0, status.epoch / max(1, status.epochs)))
    figures = curves(run)
    c1, c2 = st.columns(2)
    c1.plotly_chart(figures[0], key="watch.loss_chart", config=chart_config())
    c2.plotly_chart(figures[1], key="watch.accuracy_chart", config=chart_config())
    if len(figures) > 2:
        st.plotly_chart(figures[2], key="watch.step_chart", config=chart_config())


def curves(run: RunView) -> list[Figure]:
    """Loss, accuracy and (many-to-many) per-step accuracy of `run` as it is now, in the
    session's language; every watcher of the run at the same epoch gets the same figures."""
    history, total, lang = run.history(), run.status().epochs, current_language()
    # A long run's curves are thinned, so their length stops growing; their last epoch does not.
    last = int(history.epochs[-1]) if len(history.epochs) else -1

    def build() -> list[Figure]:
        x_title = tr("train.axis_epoch")
        figures = [
            loss_figure(history, tr("train.loss_curve"), x_title, tr("train.axis_loss"), total),
            accuracy_figure(history, tr("train.accuracy_curve"), x_title,
                            tr("train.axis_accuracy"), total),
        ]
        if run.lesson.task == "many_to_many" and not run.loaded:
            figures.append(step_accuracy_figure(history, step_names(run.lesson),
                                                tr("train.step_curve"), x_title,
                                                tr("train.axis_accuracy"), total))
        return figures

    return shared(("train", run.id, last, lang), build)
