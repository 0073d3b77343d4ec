"""Keras lab: flip return_sequences / return_state and see exactly what a Keras RNN returns."""
import pandas as pd
import streamlit as st

from rnnviz.cells import KINDS
from rnnviz.ui.chart_export import chart_config
from rnnviz.engine import SequenceModel
from rnnviz.guards.problems import InputProblem, say
from rnnviz.lab import CELLS, MERGE_MODES, PADDINGS, PRESETS, SOURCES, run_lab, shape_table
from rnnviz.lab.config import (
    MAX_BATCH, MAX_FEATURES, MAX_LAB_WORDS, MAX_PAD, MAX_SEED, MAX_TIME, MAX_UNITS,
    MAX_WORD_CHARS,
)
from rnnviz.lab.config import InputConfig, LabConfig
from rnnviz.lab.form import NO_MERGE, config_from_form, form_values
from rnnviz.lab.inputs import MAX_TEXT_CHARS
from rnnviz.lab.trained import trained_config
from rnnviz.lab.view import describe, input_figure, tensor_figure
from rnnviz.keras_models import ACTIVATIONS
from rnnviz.lessons import Lesson
from rnnviz.links import views
from rnnviz.notebooks.lab import lab_notebook
from rnnviz.ui import address
from rnnviz.ui.entry import require_app
from rnnviz.ui.failures import guarded, show_failure
from rnnviz.ui.glossary import term_help
from rnnviz.ui.language import current_language, option_names, tr
from rnnviz.ui.lesson_link import requested_lesson
from rnnviz.ui.tensorflow_loading import tensorflow_status
from rnnviz.ui.training_session import trained_models

require_app()
KEEP = {"persist_state": "session"}  # settings survive a visit to another page

for _key, _value in form_values(PRESETS["L2_batch"]).items():
    st.session_state.setdefault(_key, _value)


def _load_preset(name: str) -> None:
    st.session_state.update(form_values(PRESETS[name], st.session_state.get("lab_words")))


if (route := requested_lesson()) is not None:
    _load_preset(route.setup)
address.share(views.LAB)


def _flags_now() -> LabConfig:
    state = st.session_state
    return LabConfig(return_sequences=state["lab_seq"], return_state=state["lab_state"],
                     input=InputConfig(pad=state["lab_pad"], mask=state["lab_mask"]))


def _load_trained(lesson: Lesson, epoch: int, model: SequenceModel) -> None:
    config = trained_config(model, lesson.key, epoch, lesson.samples, _flags_now())
    st.session_state.update(form_values(config))


def _offer_trained_layer() -> None:
    """The session's trained models whose recurrent layer the lab can show, newest first."""
    trained = st.session_state["lab_trained"]
    if trained is not None:
        with st.container(horizontal=True, vertical_alignment="center"):
            st.info(tr("lab.trained_active", lesson=trained.lesson, epoch=trained.epoch),
                    icon=":material/model_training:")
            st.button(tr("lab.trained_unload"), key="lab_unload_trained",
                      on_click=guarded(st.session_state.update), args=({"lab_trained": None},))
        return
    offers, refusal = {}, None
    for model in trained_models():
        epoch, net = model.snapshots[-1]
        try:
            trained_config(net, model.lesson.key, epoch, model.lesson.samples, LabConfig())
        except InputProblem as refused:
            refusal = refusal or say(refused, current_language())
        else:
            offers[model.key] = model
    if not offers:
        if refusal:
            st.caption(refusal)
        return
    with st.container(horizontal=True, vertical_alignment="bottom"):
        if len(offers) > 1:
            st.selectbox(tr("step.model"), list(offers), key="lab_trained_choice",
                         format_func=lambda key: offers[key].name)
        chosen = offers.get(st.session_state.get("lab_trained_choice"),
                            next(iter(offers.values())))
        epoch, net = chosen.snapshots[-1]
        st.button(tr("lab.trained_load", lesson=chosen.lesson.key, epoch=epoch),
                  key="lab_load_trained", on_click=guarded(_load_trained),
                  args=(chosen.lesson, epoch, net), icon=":material/model_training:")


st.title(tr("lab.title"))
st.caption(tr("lab.intro"))
show_failure()

_offer_trained_layer()
# A loaded trained layer fixes the layer and its vocabulary; flags and words stay free.
locked = st.session_state["lab_trained"] is not None
LAYER = {**KEEP, "disabled": locked}

# The settings live in the sidebar, which scrolls on its own: on a projector the results
# stay in view beside every toggle.
with st.sidebar:
    with st.popover(tr("lab.presets"), icon=":material/school:", width="stretch"):
        for name in PRESETS:
            st.button(tr(f"lab.preset_{name}"), key=f"lab_preset_{name}",
                      on_click=guarded(_load_preset), args=(name,), help=tr("lab.preset_help"),
                      width="stretch")
    st.markdown(f"**{tr('lab.flags_heading')}**")
    st.toggle(tr("lab.return_sequences"), key="lab_seq", help=tr("lab.return_sequences_help"),
              **KEEP)
    st.toggle(tr("lab.return_state"), key="lab_state", help=tr("lab.return_state_help"),
              **KEEP)
    bidirectional = st.session_state["lab_bi"]
    st.toggle(tr("lab.go_backwards"), key="lab_back", disabled=bidirectional or locked,
              help=tr("lab.go_backwards_bi" if bidirectional else "lab.go_backwards_help"),
              **KEEP)

    st.markdown(f"**{tr('lab.layer_heading')}**")
    st.segmented_control(tr("lab.cell"), CELLS, key="lab_cell", required=True,
                         help=term_help("rnn", "lstm", "gru"), **LAYER)
    st.segmented_control(tr("lab.activation"), ACTIVATIONS, key="lab_act", required=True,
                         help=tr("activation.choices") + "\n\n" + term_help("activation"),
                         **LAYER)
    st.number_input(tr("lab.units"), 1, MAX_UNITS, key="lab_units",
                    help=term_help("units", "hidden_state"), **LAYER)
    st.toggle(tr("lab.wrap_cell"), key="lab_wrap", help=tr("lab.wrap_cell_help"), **LAYER)
    st.toggle(tr("lab.bidirectional"), key="lab_bi", help=term_help("bidirectional"), **LAYER)
    if st.session_state["lab_bi"]:
        merges = [NO_MERGE if m is None else m for m in MERGE_MODES]
        st.selectbox(
            tr("lab.merge_mode"), merges, key="lab_merge", **LAYER,
            format_func=option_names(
                merges, lambda m: tr("lab.merge_none") if m == NO_MERGE else f"'{m}'"),
        )
    if KINDS[st.session_state["lab_cell"]].reset_after:
        st.toggle(tr("lab.reset_after"), key="lab_reset_after",
                  help=tr("lab.reset_after_help"), **LAYER)

    st.markdown(f"**{tr('lab.input_heading')}**")
    st.segmented_control(
        tr("lab.source"), SOURCES, key="lab_source", required=True, **LAYER,
        format_func=option_names(SOURCES, lambda s: tr(f"lab.source_{s}")),
    )
    if st.session_state["lab_source"] == "words":
        st.text_input(tr("lab.words"), key="lab_words", max_chars=MAX_TEXT_CHARS, **KEEP,
                      help=tr("lab.words_help", words=MAX_LAB_WORDS, chars=MAX_WORD_CHARS))
        st.text_input(tr("lab.vocabulary"), key="lab_vocab", help=tr("lab.vocabulary_help"),
                      max_chars=MAX_TEXT_CHARS, **LAYER)
    else:
        b_col, t_col = st.columns(2)
        b_col.number_input(tr("lab.batch"), 1, MAX_BATCH, key="lab_batch", **KEEP)
        t_col.number_input(tr("lab.time"), 1, MAX_TIME, key="lab_time", **KEEP)
        st.number_input(tr("lab.features"), 1, MAX_FEATURES, key="lab_features", **KEEP)
    pad_col, seed_col = st.columns(2)
    pad_col.number_input(tr("lab.pad"), 0, MAX_PAD, key="lab_pad", help=tr("lab.pad_help"),
                         **KEEP)
    seed_col.number_input(tr("lab.seed"), 0, MAX_SEED, key="lab_seed",
                          help=tr("lab.seed_help"), **KEEP)
    st.segmented_control(
        tr("lab.padding"), PADDINGS, key="lab_padding", required=True, **KEEP,
        help=tr("lab.padding_help"),
        format_func=option_names(PADDINGS, lambda p: tr(f"lab.padding_{p}")),
    )
    st.toggle(tr("lab.mask"), key="lab_mask", help=tr("lab.mask_help"), **KEEP)

try:
    config, notices = config_from_form(st.session_state)
except InputProblem as error:
    st.error(say(error, current_language()))
    st.stop()
for notice in notices:
    st.info(say(notice, current_language()))

if not tensorflow_status(tr("lab.loading_tf")):
    st.stop()

result = run_lab(config)
lang = current_language()
names = [t.name for t in result.tensors]
call = "layer(x, mask=mask)" if config.input.mask else "layer(x)"

st.subheader(tr("lab.returns_heading"))
st.code(f"{', '.join(names)} = {call}", language="python")
for note in result.notes:
    st.markdown(f"- {say(note, lang)}")

for tensor in result.tensors:
    st.markdown(f"#### `{tensor.name}` · {tr('lab.shape', shape=tensor.shape)}")
    st.caption(describe(result, tensor, lang))
    st.plotly_chart(tensor_figure(config, tensor.name, lang), key=f"lab_chart_{tensor.name}",
                    width="content", config=chart_config())

with st.expander(tr("lab.input_expander", shape=result.input.x.shape)):
    st.plotly_chart(input_figure(config, lang), key="lab_chart_input",
                    width="content", config=chart_config())

diff = f"{result.engine_max_abs_diff:.1e}"
if result.engine_max_abs_diff < 1e-5:
    st.success(tr("lab.engine_agrees", diff=diff), icon=":material/check_circle:")
else:
    st.warning(tr("lab.engine_disagrees", diff=diff))
st.caption(tr("lab.timing", build=f"{result.build_seconds * 1000:.0f}",
              call=f"{result.call_seconds * 1000:.0f}",
              engine=f"{result.engine_seconds * 1000:.1f}"))

st.subheader(tr("lab.snippet_heading"))
st.caption(tr("lab.snippet_caption"))
st.code(result.snippet, language="python")
st.download_button(tr("notebook.download"), lambda: lab_notebook(config, lang),
                   file_name="rnnviz-keras-lab.ipynb", mime="application/x-ipynb+json",
                   key="lab_notebook", icon=":material/code:",
                   help=tr("notebook.lab_download_help"), on_click="ignore")

param_col, table_col = st.columns([1, 1.4], gap="large")
with param_col:
    st.subheader(tr("lab.params_heading"))
    st.markdown(tr("lab.params_value", total=result.params.total))
    st.latex(result.params.formula)
    st.latex(result.params.worked)
    st.caption(tr("lab.params_legend", d=result.input.x.shape[2], u=config.units))
    st.caption(tr(f"lab.params_blocks_{config.cell}"))
    if config.bidirectional:
        st.caption(tr("lab.params_blocks_bi"))

with table_col, st.expander(tr("lab.table_heading")):
    rows = [
        {
            "return_sequences": row.return_sequences,
            "return_state": row.return_state,
            tr("lab.table_returns"): ", ".join(f"{n} {s}" for n, s in row.returned),
            tr("lab.table_current"): "◀" if (row.return_sequences, row.return_state)
            == (config.return_sequences, config.return_state) else "",
        }
        for row in shape_table(config)
    ]
    st.dataframe(pd.DataFrame(rows), hide_index=True)
