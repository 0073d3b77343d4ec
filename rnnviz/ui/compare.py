"""The Train page's comparison of its run with another run of the same data: both curves on
one chart, and what each one's hidden state does over the steps of one word (L4: tanh
against relu)."""
from __future__ import annotations

import streamlit as st

from rnnviz.charts.compare import curves_figure, magnitude_figure
from rnnviz.ui.chart_export import chart_config
from rnnviz.glyphs import shown
from rnnviz.guards.markdown import literal
from rnnviz.hidden_growth import TANH_BOUND, largest_hidden, same_data
from rnnviz.stepthrough.display import listing
from rnnviz.stepthrough.tokens import MAX_TEXT_CHARS, read
from rnnviz.ui.glossary import term_help
from rnnviz.ui.language import option_names, tr
from rnnviz.ui.training_session import TrainedModel, trained_models


def default_word(model: TrainedModel) -> str:
    """The lesson's first input three times over: more steps than it trained on."""
    first = model.lesson.samples[0] if model.lesson.samples else ""
    glue = " " if model.snapshots[-1][1].level == "word" else ""
    return glue.join([first] * 3)


def short_name(model: TrainedModel) -> str:
    """What a legend needs to tell two runs apart: the cell and its activation."""
    cell = model.snapshots[-1][1].layers[0].cell
    return f"{cell.kind} {cell.activation}"


def show_comparison(run_key: str) -> None:
    """The run `run_key` beside another kept run that learned the same data."""
    models = {model.key: model for model in trained_models()}
    current = models.get(run_key)
    if current is None or current.history is None:
        return
    others = [m for m in models.values() if m.key != run_key and m.history is not None
              and same_data(m.lesson, current.lesson)]
    st.subheader(tr("activation.compare_heading"), help=term_help("activation", "tanh", "relu"))
    if not others:
        st.caption(tr("activation.compare_none"))
        return
    keys = [m.key for m in others]
    picked = st.selectbox(tr("activation.compare_with"), keys, key="train.compare_with",
                          format_func=option_names(keys, lambda k: models[k].name))
    other = models.get(picked, others[0])
    pair = (current, other)
    legend = [tr("activation.this_run", model=short_name(current)),
              tr("activation.other_run", model=short_name(other))]
    st.plotly_chart(curves_figure(list(zip(legend, (m.history for m in pair))),
                                  tr("train.loss_curve"), tr("train.accuracy_curve"),
                                  tr("train.axis_epoch")),
                    key="train.compare_curves", config=chart_config())
    word_key = f"train.compare_word.{current.lesson.key}"
    if word_key not in st.session_state:
        st.session_state[word_key] = default_word(current)
    text = st.text_input(tr("activation.word"), key=word_key, max_chars=MAX_TEXT_CHARS,
                         help=tr("activation.word_help"))
    net = current.snapshots[-1][1]
    reading = read(net, text or "")
    if reading.unknown:
        st.caption(tr("activation.skipped", tokens=listing(reading.unknown)))
    if not reading.read:
        st.info(tr("activation.nothing_read",
                   vocabulary=literal(" ".join(shown(t) for t in net.tokens))))
        return
    runs = [(name, largest_hidden(m.snapshots[-1][1], reading.ids))
            for name, m in zip(legend, pair)]
    st.plotly_chart(magnitude_figure(
        runs, [token.shown for token in reading.read], tr("activation.magnitude_title"),
        tr("common.timestep"), tr("activation.axis_magnitude"), TANH_BOUND,
        tr("activation.bound"),
    ), key="train.compare_hidden", config=chart_config())
    st.caption(tr("activation.magnitude_caption"), help=term_help("hidden_state", "relu"))
