"""Train page: pick a lesson or your own words, start a run, watch it learn."""
import pandas as pd
import streamlit as st

from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure
from rnnviz.guards.problems import InputProblem, say
from rnnviz.keras_models import CELLS, summary_rows
from rnnviz.trainer import MAX_UPLOAD_BYTES, TrainSettings, defaults_for, model_config, problems
from rnnviz.trainer.custom import MAX_CHARS, SOURCES, data_rows, make_lesson, step_names
from rnnviz.trainer.program import OPTIMIZERS
from rnnviz.trainer.settings import LEARNING_RATE, LIMITS
from rnnviz.ui.entry import require_app
from rnnviz.ui.language import current_language, tr
from rnnviz.ui.tensorflow_loading import tensorflow_status
from rnnviz.ui.training_session import (
    current_run, message_text, session_trainer, status_text,
)

require_app()
CHART_CONFIG = {"displayModeBar": False}

st.title(tr("train.title"))
st.caption(tr("train.intro"))

source = st.selectbox(tr("train.source"), SOURCES, format_func=lambda s: tr(f"train.source.{s}"),
                      key="train.source")
text = ""
if source in ("words", "text"):
    text = st.text_area(tr(f"train.text_label.{source}"), tr(f"train.text_default.{source}"),
                        key=f"train.text.{source}", max_chars=MAX_CHARS[source], height=90)
try:
    lesson = make_lesson(source, text)
except InputProblem as problem:
    st.warning(say(problem, current_language()))
    st.stop()

defaults = defaults_for(lesson)
left, right = st.columns([3, 2], gap="large")
with left:
    st.subheader(tr("train.settings"))
    c1, c2, c3, c4 = st.columns([1.3, 1, 1, 1.2])
    cell = c1.selectbox(tr("train.cell"), CELLS, index=CELLS.index(defaults.cell),
                        key=f"train.cell.{source}")
    units = c2.number_input(tr("train.units"), *LIMITS["units"], defaults.units,
                            key=f"train.units.{source}")
    layers = c3.number_input(tr("train.layers"), *LIMITS["layers"], defaults.layers,
                             key=f"train.layers.{source}")
    optimizer = c4.selectbox(tr("train.optimizer"), OPTIMIZERS,
                             index=OPTIMIZERS.index(defaults.optimizer), key=f"train.opt.{source}")
    c1, c2, c3, c4 = st.columns([1.3, 1, 1, 1.2])
    learning_rate = c1.number_input(tr("train.learning_rate"), *LEARNING_RATE,
                                    defaults.learning_rate, step=0.001, format="%g",
                                    key=f"train.lr.{source}")
    epochs = c2.number_input(tr("train.epochs"), *LIMITS["epochs"], defaults.epochs,
                             key=f"train.epochs.{source}")
    batch_size = c3.number_input(tr("train.batch_size"), *LIMITS["batch_size"],
                                 defaults.batch_size, key=f"train.batch.{source}")
    seed = c4.number_input(tr("train.seed"), *LIMITS["seed"], 0, key=f"train.seed.{source}")
    settings = TrainSettings(cell, int(units), int(layers), optimizer, float(learning_rate),
                             int(epochs), int(batch_size), int(seed), defaults.shuffle)
with right:
    st.subheader(tr("train.model"))
    rows = summary_rows(model_config(lesson, settings))
    st.table(pd.DataFrame({
        tr("train.summary_layer"): [r.name for r in rows],
        tr("train.summary_shape"): [str(r.output_shape).replace("None", "batch") for r in rows],
        tr("train.summary_params"): [r.params for r in rows],
    }).set_index(tr("train.summary_layer")))
    st.caption(tr("train.total_params", total=sum(r.params for r in rows),
                  trainable=sum(r.params for r in rows if r.trainable)))
    with st.expander(tr("train.data", count=len(lesson.x))):
        st.dataframe(pd.DataFrame(data_rows(lesson), columns=[tr("train.data_input"),
                                                              tr("train.data_target")]),
                     hide_index=True, width="stretch")

for key, values in problems(settings):
    st.warning(tr(key, **values))
trainer = session_trainer()
run = current_run()
status = run.status() if run else None
active = status is not None and status.state.active
paused = status is not None and status.state.value == "paused"

b1, b2, b3, b4, _ = st.columns([1, 1, 1, 1, 3])
# Not a callback: its arguments would be the settings of the previous run of the script.
if b1.button(tr("train.start"), type="primary", disabled=bool(problems(settings)) or active,
             key="train.start", width="stretch"):
    trainer.start(lesson, settings)
    st.rerun()
if paused:
    b2.button(tr("train.resume"), on_click=run.resume, key="train.resume", width="stretch")
else:
    b2.button(tr("train.pause"), disabled=not active, key="train.pause", width="stretch",
              on_click=run.pause if run else None)
b3.button(tr("train.stop"), disabled=not (active or paused), key="train.stop", width="stretch",
          on_click=run.stop if run else None)
b4.button(tr("train.reset"), disabled=run is None, on_click=trainer.reset, key="train.reset",
          width="stretch")

ready = tensorflow_status(tr("train.loading_tensorflow"), show=run is None)


@st.fragment(run_every=0.5 if active else None)
def live() -> None:
    """Progress of the session's run; on a timer only while the run is active."""
    run = current_run()
    if run is None:
        st.info(tr("train.idle"))
        return
    status, history = run.status(), run.history()
    if active and not status.state.active:
        st.rerun(scope="app")  # the run ended: refresh the buttons and stop the timer
    st.markdown(f"**{status_text(status)}**")
    if run.lesson.key != lesson.key:
        st.caption(tr("train.run_of_other", lesson=tr(f"train.source.{run.lesson.key}")))
    message = message_text(status)
    if status.state.value in ("diverged", "failed"):
        st.error(message)
    elif status.state.active and message:
        st.info(message, icon=":material/hourglass_top:")
    elif message:
        st.success(message)
    st.progress(min(1.0, status.epoch / max(1, status.epochs)))
    x_title, total = tr("train.axis_epoch"), status.epochs
    c1, c2 = st.columns(2)
    c1.plotly_chart(loss_figure(history, tr("train.loss_curve"), x_title, tr("train.axis_loss"),
                                total), key="train.loss_chart", config=CHART_CONFIG)
    c2.plotly_chart(accuracy_figure(history, tr("train.accuracy_curve"), x_title,
                                    tr("train.axis_accuracy"), total),
                    key="train.accuracy_chart", config=CHART_CONFIG)
    if run.lesson.task == "many_to_many":
        st.plotly_chart(step_accuracy_figure(history, step_names(run.lesson),
                                             tr("train.step_curve"), x_title,
                                             tr("train.axis_accuracy"), total),
                        key="train.step_chart", config=CHART_CONFIG)
        if run.lesson.key == "L1":
            st.caption(tr("train.step_hint"))


live()

st.divider()
d1, d2 = st.columns(2)
with d1:
    if run is not None and status.state.done:
        st.download_button(
            tr("train.download"), run.keras_file, file_name=f"rnnviz-{run.lesson.key}.keras",
            mime="application/octet-stream", key="train.download", icon=":material/download:",
        )
    else:
        st.caption(tr("train.download_hint"))


def load_upload() -> None:
    upload = st.session_state.get("train.upload")
    st.session_state["train.upload_problem"] = None
    if upload is not None:
        try:
            trainer.load(lesson, upload.getvalue())
        except InputProblem as problem:
            st.session_state["train.upload_problem"] = say(problem, current_language())


with d2:
    st.file_uploader(tr("train.upload", lesson=tr(f"train.source.{source}")), type=["keras"],
                     key="train.upload", on_change=load_upload,
                     max_upload_size=max(1, MAX_UPLOAD_BYTES // 2**20),
                     disabled=active or not ready)
    if st.session_state.get("train.upload_problem"):
        st.error(st.session_state["train.upload_problem"])
