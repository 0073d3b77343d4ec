"""Train page: pick a lesson or your own words, start a run, watch it learn."""
import pandas as pd
import streamlit as st

from rnnviz.ui.chart_export import chart_config
from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure
from rnnviz.guards.problems import InputProblem, Message
from rnnviz.keras_models import ACTIVATIONS, CELLS, summary_rows
from rnnviz.lessons.parameters import breakdown
from rnnviz.links.training import SOURCE, read_settings, settings_params, text_params
from rnnviz.notebooks.train import train_notebook
from rnnviz.trainer import MAX_UPLOAD_BYTES, TrainSettings, defaults_for, model_config, problems
from rnnviz.trainer.custom import MAX_CHARS, SOURCES, data_rows, make_lesson, step_names
from rnnviz.trainer.program import OPTIMIZERS
from rnnviz.trainer.progress import learned_at
from rnnviz.trainer.run import PACES
from rnnviz.trainer.settings import LEARNING_RATE, LIMITS
from rnnviz.ui.compare import show_comparison
from rnnviz.ui import address
from rnnviz.ui.data_view import class_name, show_data
from rnnviz.ui.entry import require_app
from rnnviz.ui.failures import guarded, show_failure
from rnnviz.ui.glossary import term_help
from rnnviz.ui.language import current_language, option_names, tr
from rnnviz.ui.lesson_link import requested_lesson
from rnnviz.ui.remember import field, keep
from rnnviz.ui.tensorflow_loading import tensorflow_status
from rnnviz.ui.training_session import (
    TRAIN, current_run, message_text, model_key, problem_text, session_trainer, status_text,
)
from rnnviz.ui.watch_view import show_watched_run

require_app()
if show_watched_run():  # a watch link: the shared run, read-only, instead of this page
    st.stop()
FORM = "train.form"
FIELDS = {"source", "text", "cell", "act", "opt", "units", "layers", "seed", "lr", "epochs",
          "batch", "pace"}
ss = st.session_state


def remember_form() -> None:
    """Keep every field of the form (`train.<field>[.<source>]`) for the next visit."""
    keep(FORM, [k for k in ss if isinstance(k, str) and k.startswith("train.")
                and k.split(".")[1] in FIELDS])


trainer = session_trainer()
run = current_run()
status = run.status() if run else None
active = status is not None and status.state.active
paused = status is not None and status.state.value == "paused"

st.title(tr("train.title"))
st.caption(tr("train.intro"))
setup, view = st.columns([2, 3], gap="large")

with setup:
    if (route := requested_lesson()) is not None:
        ss["train.source"] = route.setup
    address.share([SOURCE])
    source = st.selectbox(tr("train.source"), SOURCES,
                          format_func=option_names(SOURCES, lambda s: tr(f"train.source.{s}")),
                          key=field(FORM, "train.source", SOURCES[0]))
    text = ""
    address.share(text_params(source))
    if source in ("words", "text"):
        text = st.text_area(tr(f"train.text_label.{source}"), max_chars=MAX_CHARS[source],
                            height=90,
                            key=field(FORM, f"train.text.{source}",
                                      tr(f"train.text_default.{source}")))
    try:
        lesson = make_lesson(source, text)
    except InputProblem as problem:
        st.warning(problem_text(problem))
        remember_form()
        st.stop()

    defaults = defaults_for(lesson)
    shared = settings_params(source, FIELDS)
    address.share(shared, read_settings(shared, address.arrived(), defaults))

    def setting(name: str, default: object) -> str:
        return field(FORM, f"train.{name}.{source}", default)

    c1, c2 = st.columns(2)
    cell = c1.selectbox(tr("train.cell"), CELLS, key=setting("cell", defaults.cell),
                        help=term_help("rnn", "lstm", "gru"))
    optimizer = c2.selectbox(tr("train.optimizer"), OPTIMIZERS,
                             key=setting("opt", defaults.optimizer), help=term_help("optimizer"))
    activation = st.segmented_control(
        tr("train.activation"), ACTIVATIONS, required=True, key=setting("act", defaults.activation),
        help=tr("activation.choices") + "\n\n" + term_help("activation"))
    c1, c2, c3 = st.columns(3)
    units = c1.number_input(tr("train.units"), *LIMITS["units"],
                            key=setting("units", defaults.units))
    layers = c2.number_input(tr("train.layers"), *LIMITS["layers"],
                             key=setting("layers", defaults.layers))
    seed = c3.number_input(tr("train.seed"), *LIMITS["seed"], key=setting("seed", 0))
    c1, c2, c3 = st.columns(3)
    learning_rate = c1.number_input(tr("train.learning_rate"), *LEARNING_RATE, step=0.001,
                                    format="%g", key=setting("lr", defaults.learning_rate))
    epochs = c2.number_input(tr("train.epochs"), *LIMITS["epochs"],
                             key=setting("epochs", defaults.epochs))
    batch_size = c3.number_input(tr("train.batch_size"), *LIMITS["batch_size"],
                                 key=setting("batch", defaults.batch_size))
    # One tooltip for the six numbers: a "?" beside each label wraps it in a third of the column.
    st.caption(tr("train.terms"), help=term_help("hidden_state", "units", "stacked",
                                                 "learning_rate", "epoch", "batch_size",
                                                 "minibatch"))
    settings = TrainSettings(cell, int(units), int(layers), optimizer, float(learning_rate),
                             int(epochs), int(batch_size), int(seed), defaults.shuffle,
                             activation)
    found = problems(settings, lesson)
    for key, values in found:
        st.warning(problem_text(Message(key, values)))

    def change_pace() -> None:
        shown = current_run()
        if shown is not None:
            shown.set_pace(ss["train.pace"])

    pace = st.segmented_control(tr("train.pace"), PACES, required=True,
                                format_func=lambda p: tr(f"train.pace.{p}"),
                                help=tr("train.pace_help"), on_change=guarded(change_pace),
                                key=field(FORM, "train.pace", PACES[0]))

    buttons = st.container(horizontal=True)
    running = active or paused
    # Not a callback: its arguments would be the settings of the previous run of the script.
    if buttons.button(tr("train.start"), type="primary", disabled=bool(found) or running,
                      key="train.start"):
        guarded(trainer.start)(lesson, settings, pace)
        st.rerun()
    if paused and run.pace == "step":
        buttons.button(tr("train.next_epoch"), on_click=guarded(run.resume),
                       key="train.resume", type="primary")
    elif paused:
        buttons.button(tr("train.resume"), on_click=guarded(run.resume), key="train.resume")
    else:
        buttons.button(tr("train.pause"), disabled=not active, key="train.pause",
                       on_click=guarded(run.pause) if run else None)
    buttons.button(tr("train.stop"), disabled=not running, key="train.stop",
                   on_click=guarded(run.stop) if run else None)
    buttons.button(tr("train.reset"), disabled=run is None, on_click=guarded(trainer.reset),
                   key="train.reset")
    show_failure()
    TRAIN.share_links(live=active)

    with st.expander(tr("train.model")):
        config = model_config(lesson, settings)
        rows, formulas = summary_rows(config), breakdown(config)
        st.table(pd.DataFrame({
            tr("train.summary_layer"): [r.name for r in rows],
            tr("train.summary_shape"): [str(r.output_shape).replace("None", "batch")
                                        for r in rows],
            tr("train.summary_params"): [r.params for r in rows],
        }).set_index(tr("train.summary_layer")))
        st.markdown("\n".join(f"- {r.name}: {f.symbols} = {f.numbers}"
                               for r, f in zip(rows, formulas)))
        st.caption(tr("params.legend"))
        st.caption(tr("train.total_params", total=sum(r.params for r in rows),
                      trainable=sum(r.params for r in rows if r.trainable)))
    count = len(lesson.x)
    with st.expander(tr("train.data_one") if count == 1 else tr("train.data", count=count)):
        st.dataframe(pd.DataFrame([(x, class_name(y)) for x, y in data_rows(lesson)],
                                  columns=[tr("train.data_input"), tr("train.data_target")]),
                     hide_index=True, width="stretch")

remember_form()


def order_caption(names: list[str], learned: list[int | None]) -> str:
    """Which step this run learned first and last, read from the curves it draws."""
    waiting = [name for name, epoch in zip(names, learned) if epoch is None]
    if waiting:
        return tr("train.step_order_open", steps=", ".join(waiting))
    first, last = min(learned), max(learned)
    if first == last:
        return tr("train.step_order_tie", epoch=first)
    return tr("train.step_order", first=names[learned.index(first)], first_epoch=first,
              last=names[learned.index(last)], last_epoch=last)


with view:
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
        st.markdown(f"**{status_text(status, run.loaded, run.pace == 'real')}**")
        if run.lesson.key != lesson.key:
            st.caption(tr("train.run_of_other", lesson=tr(f"train.source.{run.lesson.key}")))
        message = message_text(status)
        if status.state.value in ("diverged", "failed"):
            st.error(message)
        elif status.state.active and message:
            st.info(message, icon=":material/hourglass_top:")
        elif message:
            st.success(message)
        if not run.loaded:
            st.progress(min(1.0, status.epoch / max(1, status.epochs)))
        x_title, total = tr("train.axis_epoch"), status.epochs
        c1, c2 = st.columns(2)
        c1.plotly_chart(loss_figure(history, tr("train.loss_curve"), x_title,
                                    tr("train.axis_loss"), total),
                        key="train.loss_chart", config=chart_config())
        c2.plotly_chart(accuracy_figure(history, tr("train.accuracy_curve"), x_title,
                                        tr("train.axis_accuracy"), total),
                        key="train.accuracy_chart", config=chart_config())
        if run.lesson.task == "many_to_many" and not run.loaded:
            names = step_names(run.lesson)
            st.plotly_chart(step_accuracy_figure(history, names, tr("train.step_curve"),
                                                 x_title, tr("train.axis_accuracy"), total),
                            key="train.step_chart", config=chart_config())
            if run.lesson.key == "L1":
                st.caption(tr("train.step_hint"))
            if status.state.done and len(names) > 1:
                st.caption(order_caption(names, learned_at(history)))

    live()
    if run is not None and status.state.done and not run.loaded:
        show_comparison(model_key(run))

show_data(lesson)
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
    if not found:
        source_name, lang = tr(f"train.source.{source}"), current_language()
        st.download_button(
            tr("notebook.download"),
            lambda: train_notebook(lesson, settings, source_name, lang),
            file_name=f"rnnviz-train-{lesson.key}.ipynb", mime="application/x-ipynb+json",
            key="train.notebook", icon=":material/code:",
            help=tr("notebook.train_download_help"), on_click="ignore")


def load_upload() -> None:
    upload = ss.get("train.upload")
    ss["train.upload_problem"] = None
    if upload is not None:
        try:
            trainer.load(lesson, upload.getvalue())
        except InputProblem as problem:
            ss["train.upload_problem"] = problem_text(problem)


with d2:
    st.file_uploader(tr("train.upload", lesson=tr(f"train.source.{source}")), type=["keras"],
                     key="train.upload", on_change=guarded(load_upload),
                     max_upload_size=max(1, MAX_UPLOAD_BYTES // 2**20),
                     disabled=running or not ready)
    if ss.get("train.upload_problem"):
        st.error(ss["train.upload_problem"])
