"""The Train page as a watcher sees it: the shared run's status and curves, and no controls.

Everything here is drawn from `rnnviz.trainer.read_only` views, so nothing on this page can
pause, stop or reset the run, and no token is ever drawn. A class watches one run, so its
curves are built once per new epoch and language for every watcher (`curves`), and the page
refreshes on a slower timer than the owner's: forty watchers each building three figures
twice a second would cost the class its cores (bench/bench_watchers.py).
"""
from __future__ import annotations

import threading

import streamlit as st
from plotly.graph_objects import Figure

from rnnviz.ui.chart_export import chart_config
from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure
from rnnviz.trainer.custom import step_names
from rnnviz.trainer.read_only import RunView
from rnnviz.ui.language import current_language, tr
from rnnviz.ui.shared_run import follow_address, stop_watching, watched_trainer
from rnnviz.ui.training_session import message_text, status_text

REFRESH_SECONDS = 2.0
KEEP_CURVES = 16  # sets of figures kept: a few runs watched at once, in two languages
_curves: dict[tuple[int, int, str], list[Figure]] = {}  # (run id, last epoch, language)
_curves_lock = threading.Lock()


def show_watched_run() -> bool:
    """When the address (or the session) follows a shared run, draw its read-only view and
    return True; else draw nothing (the session's own run is adopted from the address) and
    return False."""
    if follow_address() is None:
        return False
    st.title(tr("train.title"))
    st.info(tr("watch.watching"), icon=":material/visibility:")
    _live()
    if st.button(tr("watch.leave"), key="watch.leave"):
        stop_watching()
        st.rerun()
    return True


@st.fragment(run_every=REFRESH_SECONDS)
def _live() -> None:
    view = watched_trainer()
    if view is None:  # the run ended while we watched: the page says so
        st.rerun(scope="app")
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
    session's language; every watcher of the run at the same epoch gets the same figures,
    which Streamlit only reads."""
    history, total, lang = run.history(), run.status().epochs, current_language()
    # A long run's curves are thinned, so their length stops growing; their last epoch does not.
    key = (run.id, int(history.epochs[-1]) if len(history.epochs) else -1, lang)
    with _curves_lock:
        kept = _curves.get(key)
    if kept is not None:
        return kept
    x_title = tr("train.axis_epoch")
    figures = [
        loss_figure(history, tr("train.loss_curve"), x_title, tr("train.axis_loss"), total),
        accuracy_figure(history, tr("train.accuracy_curve"), x_title, tr("train.axis_accuracy"),
                        total),
    ]
    if run.lesson.task == "many_to_many" and not run.loaded:
        figures.append(step_accuracy_figure(history, step_names(run.lesson),
                                            tr("train.step_curve"), x_title,
                                            tr("train.axis_accuracy"), total))
    with _curves_lock:
        while len(_curves) >= KEEP_CURVES:
            del _curves[next(iter(_curves))]
        _curves[key] = figures
    return figures
