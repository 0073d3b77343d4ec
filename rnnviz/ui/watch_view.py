"""The Train page as a watcher sees it: the shared run's status and curves, and no controls.

Everything here is drawn from `rnnviz.trainer.read_only` views, so nothing on this page can
pause, stop or reset the run, and no token is ever drawn. It refreshes on a slower timer than
the owner's page: forty watchers each redrawing twice a second would cost a class its cores.
"""
from __future__ import annotations

import streamlit as st

from rnnviz.charts.config import PLOTLY_CONFIG
from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure
from rnnviz.trainer.custom import step_names
from rnnviz.ui.language import tr
from rnnviz.ui.shared_run import follow_address, stop_watching, watched_trainer
from rnnviz.ui.training_session import message_text, status_text

REFRESH_SECONDS = 2.0


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
    status, history = run.status(), run.history()
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
    x_title, total = tr("train.axis_epoch"), status.epochs
    c1, c2 = st.columns(2)
    c1.plotly_chart(loss_figure(history, tr("train.loss_curve"), x_title, tr("train.axis_loss"),
                                total), key="watch.loss_chart", config=PLOTLY_CONFIG)
    c2.plotly_chart(accuracy_figure(history, tr("train.accuracy_curve"), x_title,
                                    tr("train.axis_accuracy"), total),
                    key="watch.accuracy_chart", config=PLOTLY_CONFIG)
    if run.lesson.task == "many_to_many" and not run.loaded:
        st.plotly_chart(step_accuracy_figure(history, step_names(run.lesson),
                                             tr("train.step_curve"), x_title,
                                             tr("train.axis_accuracy"), total),
                        key="watch.step_chart", config=PLOTLY_CONFIG)
