"""Gradients (lesson L8): how much of the loss's gradient reaches each earlier timestep in
SimpleRNN, LSTM and GRU, why the LSTM's cell state carries it, and the map of RNN shapes."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go
import streamlit as st

from rnnviz.cells import NAMES
from rnnviz.ui.chart_export import chart_config
from rnnviz.charts.gradients import gradient_lines, shape_diagram
from rnnviz.engine import RecurrentSpec
from rnnviz.gradients import (
    ACTIVATIONS, MAX_LENGTH, PAGE_TITLES, RADIUS, SHAPES, Flow, Setting, shipped_flow,
    untrained_flow,
)
from rnnviz.pretrained import load, words_key
from rnnviz.ui.entry import require_app
from rnnviz.ui.language import option_names, tr
from rnnviz.links import views
from rnnviz.ui import address
from rnnviz.ui.lesson_link import requested_lesson
from rnnviz.ui.training_session import trained_models

require_app()


@st.cache_resource(show_spinner=False)
def diagram(index: int, title: str) -> go.Figure:
    """The map's drawings never change with the controls: built once per language."""
    return shape_diagram(SHAPES[index], title)


def share(value: float) -> str:
    return f"{value:.1e}" if np.isfinite(value) else "—"


def trouble(flow: Flow) -> str | None:
    """Why a line stops early, in words: overflowed, or underflowed to 0 before step 1."""
    if not flow.finite:
        return tr("gradients.overflow", kind=flow.kind)
    if flow.hidden[0] == 0:
        return tr("gradients.underflow", kind=flow.kind)
    return None


st.title(tr("gradients.title"))
st.caption(tr("gradients.intro"))
# The session's trained or sent models whose top layer is one recurrent layer.
own = {m.key: m for m in trained_models() if isinstance(m.snapshots[-1][1].layers[-1],
                                                         RecurrentSpec)}
sources = ("untrained", "shipped", "session") if own else ("untrained", "shipped")
if (route := requested_lesson()) is not None or st.session_state.get(
        "gradients_source", "untrained") not in sources:
    st.session_state.gradients_source = route.setup if route is not None else "untrained"
address.share(views.GRADIENTS)
source_names = {s: tr(f"gradients.source.{s}") for s in sources[:2]}
source_names["session"] = tr("send.gradients_source")
source = st.segmented_control(tr("gradients.source"), sources, required=True,
                              format_func=source_names.__getitem__,
                              key="gradients_source", default="untrained")
untrained = source == "untrained"
c1, c2, c3, c4 = st.columns([3, 2, 3, 2])
radius = c1.slider(tr("gradients.radius"), *RADIUS, 1.0, 0.05, key="gradients_radius",
                   help=tr("gradients.radius_help"), disabled=not untrained)
activation = c2.selectbox(tr("gradients.activation"), ACTIVATIONS, key="gradients_activation",
                          disabled=not untrained)
length = c3.slider(tr("gradients.length"), 2, MAX_LENGTH, 50, key="gradients_length")
seed = c4.number_input(tr("gradients.seed"), 0, 2**31 - 1, 0, key="gradients_seed")
setting = Setting(float(radius), activation, int(length), int(seed))
if untrained:
    flows = [untrained_flow(kind, setting) for kind in NAMES]
    st.caption(tr("gradients.untrained_note"))
elif source == "shipped":
    flows = [shipped_flow(load(words_key(kind)), setting) for kind in NAMES]
    st.caption(tr("gradients.shipped_note", length=setting.length))
else:
    chosen = own[st.selectbox(tr("send.gradients_model"), list(own), key="gradients_model",
                              format_func=option_names(own, lambda key: own[key].name))]
    net = chosen.snapshots[-1][1]
    mine = net.layers[-1].kind
    flows = [shipped_flow(net if kind == mine else load(words_key(kind)), setting)
             for kind in NAMES]
    st.caption(tr("send.gradients_note", kind=mine, name=chosen.name, length=setting.length))

chart, numbers = st.columns([3, 1], gap="large")
chart.plotly_chart(
    gradient_lines({f.kind: f.hidden for f in flows}, tr("gradients.chart", length=length),
                   tr("gradients.axis_t"), tr("gradients.axis_norm")),
    key="gradients_chart", config=chart_config())
with numbers:
    for flow in flows:
        st.metric(f"{flow.kind} · {tr('gradients.reach')}", share(flow.reach),
                  help=tr("gradients.reach_help"))
for flow in flows:
    problem = trouble(flow)
    if problem:
        st.warning(problem)

simple, lstm, gru = flows
st.subheader(tr("gradients.why_title"))
st.markdown(tr("gradients.why_simple", reach=share(simple.reach), steps=length - 1))
forget = lstm.forget if lstm.forget is not None and np.isfinite(lstm.forget).all() else None
st.markdown(tr("gradients.why_lstm", reach=share(lstm.reach),
               forget=f"{forget.mean():.3f}" if forget is not None else "—",
               product=share(float(np.prod(forget[1:], axis=0).mean()))
               if forget is not None else "—"))
st.markdown(tr("gradients.why_gru", reach=share(gru.reach)))

st.divider()
st.subheader(tr("gradients.map_title"))
st.caption(tr("gradients.map_intro"))
for start in range(0, len(SHAPES), 4):
    for index, column in enumerate(st.columns(4), start):
        if index >= len(SHAPES):
            break
        shape = SHAPES[index]
        with column:
            st.plotly_chart(diagram(index, tr(f"gradients.shape.{shape.key}")),
                            key=f"gradients_shape_{shape.key}", config=chart_config())
            st.caption(tr(f"gradients.shape_use.{shape.key}"))
            st.page_link(shape.page, label=tr("gradients.open",
                                              page=tr(PAGE_TITLES[shape.page])))
