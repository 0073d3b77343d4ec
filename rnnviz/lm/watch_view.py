"""The Language model page as a watcher sees it: the shared runs' status, their perplexity
curves and what the newest weights write, with no controls (`rnnviz.ui.watch_view` draws the
frame, from `rnnviz.lm.read_only` views only)."""
from __future__ import annotations

import streamlit as st
from plotly.graph_objects import Figure

from rnnviz.charts.lm import perplexity_figure
from rnnviz.guards.problems import InputProblem, Message, say
from rnnviz.lm.generate import as_text, generate, prompt_ids
from rnnviz.lm.read_only import LMRunView, LMSessionView
from rnnviz.lm.ui import LANGUAGE_MODEL, status_text
from rnnviz.ui.chart_export import chart_config
from rnnviz.ui.language import current_language, tr
from rnnviz.ui.watch_view import shared, show_watched

WRITE_LENGTH = 40  # words the newest weights write for watchers, from a sentence start


def show_watched_lm() -> bool:
    """The Language model page's watcher view (see `rnnviz.ui.watch_view.show_watched`)."""
    return show_watched(LANGUAGE_MODEL, "lm.title", "lmwatch.watching", _live)


def _live(view: LMSessionView) -> None:
    run, runs = view.run, view.runs()
    if run is None or not runs:
        st.info(tr("watch.idle"))
        return
    status = run.status()
    st.markdown(f"**{run.settings.cell} · {status_text(status)}**")
    if status.message:
        (st.error if status.state.value in ("diverged", "failed") else st.info)(
            say(Message(status.message, status.message_args), current_language()))
    st.progress(min(1.0, status.epoch / max(1, status.epochs)))
    st.plotly_chart(curves(runs), key="lmwatch.perplexity_chart", config=chart_config())
    st.subheader(tr("lm.generate_title"))
    snapshots = run.snapshots()
    if not snapshots:
        st.caption(tr("lmwatch.write_idle"))
        return
    epoch = snapshots[-1].epoch
    try:
        text = shared(("lm.written", run.id, epoch), lambda: written(run))
    except InputProblem as problem:  # weights a diverged run left
        st.warning(say(problem, current_language()))
        return
    st.markdown(tr("lmwatch.written", epoch=epoch, cell=run.settings.cell))
    st.code(text, language=None, wrap_lines=True)


def curves(runs: dict[str, LMRunView]) -> Figure:
    """Every kept run's perplexity per epoch on one chart, built once per state and language
    for every watcher."""
    histories = {cell: run.history().perplexity for cell, run in runs.items()}
    longest = max(run.settings.epochs for run in runs.values())
    state = tuple((run.id, len(histories[cell])) for cell, run in runs.items())
    return shared(("lm.curves", state, current_language()), lambda: perplexity_figure(
        histories, longest, tr("lm.perplexity_curve"), tr("lm.axis_epoch"),
        tr("lm.axis_perplexity")))


def written(run: LMRunView) -> str:
    """What `run`'s newest weights write from a sentence start (temperature 1, seed 0): the
    same words for every watcher, until a newer snapshot is kept."""
    snapshot = run.snapshots()[-1]
    return as_text(run.corpus, generate(snapshot, prompt_ids(run.corpus, ""), WRITE_LENGTH,
                                        1.0, seed=0))
