"""Language model page: the book's RNNLM trained live in numpy, its perplexity, what it writes."""
import hashlib
import math

import pandas as pd
import streamlit as st

from rnnviz.cells import KINDS
from rnnviz.ui.chart_export import chart_config
from rnnviz.charts.lm import batch_strip_figure, loss_figure, next_word_figure, perplexity_figure
from rnnviz.guards.labels import plotly_safe
from rnnviz.guards.problems import InputProblem, say
from rnnviz.lm.corpus import MAX_CHARS, default_corpus, from_text
from rnnviz.lm.generate import (
    MAX_LENGTH, MAX_PROMPT_CHARS, as_text, generate, next_words, prompt_ids,
)
from rnnviz.lm.training import CELLS, LEARNING_RATE, LIMITS, MAX_GRAD, LMSettings
from rnnviz.lm.ui import LANGUAGE_MODEL, lm_session, status_text
from rnnviz.lm.watch_view import show_watched_lm
from rnnviz.ui.entry import require_app
from rnnviz.ui.failures import guarded, show_failure
from rnnviz.ui.language import current_language, option_names, tr
from rnnviz.links import views
from rnnviz.ui import address
from rnnviz.ui.lesson_link import requested_lesson

require_app()
if show_watched_lm():  # a watch link: the shared runs, read-only, instead of this page
    st.stop()
BOOK = LMSettings()

st.title(tr("lm.title"))
st.caption(tr("lm.intro"))
show_failure()

# The corpus and the cell; the other settings are the book's unless opened.
if (route := requested_lesson()) is not None:
    st.session_state["lm.source"] = route.setup
address.share(views.LANGUAGE_MODEL)
top = st.columns([3, 1])
source = top[0].segmented_control(tr("lm.source"), ("pydoc", "paste"), required=True,
                                  format_func=option_names(("pydoc", "paste"),
                                                           lambda s: tr(f"lm.source.{s}")),
                                  key="lm.source",
                                  default="pydoc")
cell = top[1].selectbox(tr("lm.cell"), CELLS, key="lm.cell", help=tr("lm.cell_help"))
if KINDS[cell].gates:
    st.caption(tr("lm.gated_hint"))
if source == "paste":
    text = st.text_area(tr("lm.paste_label"), key="lm.paste", height=140, max_chars=MAX_CHARS,
                        placeholder=tr("lm.paste_placeholder"))
    try:
        corpus = from_text(text)
    except InputProblem as problem:
        st.warning(say(problem, current_language()))
        st.stop()
    corpus_key = "paste:" + hashlib.sha256(text.encode()).hexdigest()[:16]
else:
    corpus, corpus_key = default_corpus(), "pydoc"
st.markdown(tr("lm.corpus_size", words=corpus.size, vocab=corpus.vocab_size))

left, right = st.columns(2)
with left.expander(tr("lm.settings")):
    c = st.columns(3)
    wordvec = c[0].number_input(tr("lm.wordvec"), *LIMITS["wordvec_size"], BOOK.wordvec_size,
                                key="lm.wordvec")
    hidden = c[1].number_input(tr("lm.hidden"), *LIMITS["hidden_size"], BOOK.hidden_size,
                               key="lm.hidden")
    epochs = c[2].number_input(tr("lm.epochs"), *LIMITS["epochs"], BOOK.epochs,
                               key="lm.epochs")
    c = st.columns(3)
    batch_size = c[0].number_input(tr("lm.batch_size"), *LIMITS["batch_size"],
                                   BOOK.batch_size, key="lm.batch")
    time_size = c[1].number_input(tr("lm.time_size"), *LIMITS["time_size"], BOOK.time_size,
                                  key="lm.time")
    lr = c[2].number_input(tr("lm.learning_rate"), *LEARNING_RATE, BOOK.learning_rate,
                           step=0.01, format="%g", key="lm.lr")
    c = st.columns(3)
    seed = c[0].number_input(tr("lm.seed"), *LIMITS["seed"], BOOK.seed, key="lm.seed")
    clip = c[1].toggle(tr("lm.clip"), False, key="lm.clip", help=tr("lm.clip_help"))
    max_grad = c[2].number_input(tr("lm.max_grad"), *MAX_GRAD, 0.25, format="%g",
                                 key="lm.max_grad", disabled=not clip)
with right.expander(tr("lm.corpus_preview")):
    st.text(as_text(corpus, corpus.ids[:300].tolist()))
settings = LMSettings(cell, int(wordvec), int(hidden), int(batch_size), int(time_size),
                      float(lr), int(epochs), float(max_grad) if clip else None, int(seed))

session = lm_session()
run = session.run
runs = session.runs(corpus_key)
status = run.status() if run else None
active = status is not None and status.state.active
paused = status is not None and status.state.value == "paused"

b = st.columns([1, 1, 1, 1, 3])
# Not a callback: its arguments would be the settings of the previous run of the script.
if b[0].button(tr("train.start"), type="primary", disabled=active, key="lm.start",
               width="stretch"):
    session.start(corpus_key, corpus, settings)
    st.rerun()
if paused:
    b[1].button(tr("train.resume"), on_click=guarded(run.resume), key="lm.resume", width="stretch")
else:
    b[1].button(tr("train.pause"), disabled=not active, key="lm.pause", width="stretch",
                on_click=guarded(run.pause if run else None))
b[2].button(tr("train.stop"), disabled=not (active or paused), key="lm.stop", width="stretch",
            on_click=guarded(run.stop if run else None))
b[3].button(tr("train.reset"), disabled=run is None, on_click=guarded(session.reset),
            key="lm.reset", width="stretch")
LANGUAGE_MODEL.share_links(live=active)


@st.fragment(run_every=0.5 if active else None)
def live() -> None:
    """The run's progress; on a timer only while it is active."""
    run, runs = lm_session().run, lm_session().runs(corpus_key)
    now = run.status() if run else None
    if now is None or not runs:
        st.info(tr("lm.idle"))
    else:
        if active and not now.state.active:
            st.rerun(scope="app")  # the run ended: refresh the buttons, stop the timer
        st.markdown(f"**{run.settings.cell} · {status_text(now)}**")
        if now.message:
            (st.error if now.state.value in ("diverged", "failed") else st.info)(
                tr(now.message, **now.message_args))
        st.progress(min(1.0, now.epoch / max(1, now.epochs)))
    curves = {c: r.history().perplexity for c, r in runs.items()}
    longest = max([r.settings.epochs for r in runs.values()] + [settings.epochs])
    left, right = st.columns(2)
    left.plotly_chart(perplexity_figure(curves, longest, tr("lm.perplexity_curve"),
                                        tr("lm.axis_epoch"), tr("lm.axis_perplexity")),
                      key="lm.perplexity_chart", config=chart_config())
    loss = run.history().loss if run and runs else []
    right.plotly_chart(loss_figure(loss, tr("lm.loss_curve"), tr("lm.axis_iteration"),
                                   tr("lm.axis_loss")),
                       key="lm.loss_chart", config=chart_config())
    shown = run.settings if run and runs else settings
    st.subheader(tr("lm.batches_title"))
    st.caption(tr("lm.batches_help", batch=shown.batch_size, time=shown.time_size,
                  jump=(corpus.size - 1) // shown.batch_size, data=corpus.size - 1))
    time_idx = now.time_idx - shown.time_size if now and runs and now.time_idx else 0
    st.plotly_chart(batch_strip_figure(corpus.tokens(), shown.batch_size,
                                       shown.time_size, time_idx, tr("lm.batches_chart"),
                                       tr("lm.axis_position"), tr("lm.row")),
                    key="lm.batch_chart", config=chart_config())


live()

# Generate.
st.divider()
st.subheader(tr("lm.generate_title"))
trained = {c: r for c, r in runs.items() if r.snapshots()}
if not trained:
    st.caption(tr("lm.generate_idle"))
else:
    g = st.columns([1, 2, 2, 1])
    cells = list(trained)
    latest = run.settings.cell if run is not None and run.settings.cell in trained else cells[-1]
    which = g[0].selectbox(tr("lm.model"), cells, index=cells.index(latest),
                           key="lm.gen_cell." + "-".join(cells))
    snapshots = trained[which].snapshots()
    # Keyed by the snapshots there are, so a new one (or a new run) shows the newest weights.
    epoch = g[1].select_slider(tr("lm.gen_epoch"), [s.epoch for s in snapshots],
                               value=snapshots[-1].epoch,
                               key=f"lm.gen_epoch.{trained[which].id}.{len(snapshots)}")
    temperature = g[2].slider(tr("lm.temperature"), 0.1, 2.0, 1.0, 0.05, key="lm.temperature",
                              help=tr("lm.temperature_help"))
    length = g[3].number_input(tr("lm.length"), 1, MAX_LENGTH, 40, key="lm.length")
    prompt = st.text_input(tr("lm.prompt"), "the", key="lm.prompt", max_chars=MAX_PROMPT_CHARS)
    snapshot = next(s for s in snapshots if s.epoch == epoch)
    sample = st.session_state.setdefault("lm.sample", 0)
    try:
        ids = prompt_ids(corpus, prompt)
        written = generate(snapshot, ids, int(length), temperature, seed=sample)
        found = next_words(snapshot, corpus, ids, 8, temperature)
    except InputProblem as problem:
        st.warning(say(problem, current_language()))
    else:
        left, right = st.columns([3, 2], gap="large")
        with left:
            st.markdown(tr("lm.written", epoch=epoch))
            st.code(as_text(corpus, ids[1:]) + " ▸ " + as_text(corpus, written),
                    language=None, wrap_lines=True)
            if st.button(tr("lm.write_again"), key="lm.write_again", icon=":material/refresh:"):
                st.session_state["lm.sample"] = sample + 1
                st.rerun()
        right.plotly_chart(next_word_figure([f.word for f in found],
                                            [f.probability for f in found],
                                            tr("lm.next_word_title",
                                               word=plotly_safe(corpus.words[ids[-1]])),
                                            tr("lm.axis_probability")),
                           key="lm.next_chart", config=chart_config())

# Perplexity, with numbers.
st.divider()
st.subheader(tr("lm.ppl_title"))
st.markdown(tr("lm.ppl_inverse"))
st.table(pd.DataFrame({
    tr("lm.ppl_p"): [0.8, 0.5, 0.2, 1 / corpus.vocab_size],
    tr("lm.ppl_value"): [1 / 0.8, 1 / 0.5, 1 / 0.2, float(corpus.vocab_size)],
    tr("lm.ppl_reading"): [tr("lm.ppl_reading_value", n=1 / p) for p in (0.8, 0.5, 0.2)]
    + [tr("lm.ppl_reading_uniform", vocab=corpus.vocab_size)],
}).style.format({tr("lm.ppl_p"): "{:.4g}", tr("lm.ppl_value"): "{:.4g}"}))
st.markdown(tr("lm.ppl_branching"))
start = next((r.history().perplexity[0] for r in runs.values() if len(r.history().perplexity)),
             None)
st.markdown(tr("lm.ppl_untrained", vocab=corpus.vocab_size) + (
    " " + tr("lm.ppl_untrained_measured", value=start) if start is not None
    and math.isfinite(start) else ""))
