"""Step-through: type a word and follow a trained recurrent network through it, one timestep
at a time, every number straight from the engine's trace."""
from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from rnnviz.charts.cell_diagram import cell_diagram
from rnnviz.charts.vector_row import input_row, scores_row
from rnnviz.charts.step import (
    fits_tape, gate_heatmap, softmax_bars, step_heatmap, token_tape, vector_bars,
)
from rnnviz.engine import SequenceModel
from rnnviz.guards.markdown import literal
from rnnviz.links import views
from rnnviz.pretrained import Pretrained, catalogue
from rnnviz.stepthrough import (
    LIMIT, MAX_TEXT_CHARS, Direction, Step, Walk, panel_choices, panels, read, reads_one_hot,
)
from rnnviz.stepthrough.choices import (
    about_hello, examples, model_name, model_of, session_models,
)
from rnnviz.stepthrough.display import (
    label_name, listing, mean_loss, softmax_table, spelled, tape,
)
from rnnviz.stepthrough.equations import (
    VECTOR_UNITS, equations, plain_names, score_formula, stacked, surprise,
)
from rnnviz.stepthrough.export import trace_csv
from rnnviz.stepthrough.notebook import exportable, step_notebook
from rnnviz.ui import address, player
from rnnviz.ui.data_view import class_name
from rnnviz.ui.entry import require_app
from rnnviz.ui.failures import guarded, show_failure
from rnnviz.ui.glossary import term_help
from rnnviz.ui.inline_svg import show_svg
from rnnviz.ui.language import current_language, option_names, tr
from rnnviz.ui.lesson_link import requested_lesson
from rnnviz.ui.table import show_table

require_app()
# The player's session-key prefix and the position it walks (see rnnviz.ui.player).
PLAYER = ("step", "step_pos")
ss = st.session_state


def on_model_change(words: dict[str, str], models: dict[str, Any]) -> None:
    """Keep the typed text when the new model can read all of it; else open its example."""
    reading = read(model_of(ss.step_model, models), ss.get("step_text") or "")
    if not reading.tokens or reading.unknown:
        ss.step_text = words[ss.step_model]
    ss.step_pos = 1
    player.stop("step")


def choose_model(
    models: dict[str, Any], words: dict[str, str], shipped: dict[str, Pretrained]
) -> SequenceModel:
    options = list(words)
    st.selectbox(
        tr("step.model"), options, key="step_model", on_change=guarded(on_model_change),
        args=(words, models),
        format_func=option_names(options, lambda key: model_name(key, models, shipped, tr)),
    )
    if ss.step_model not in models:
        return model_of(ss.step_model, models)
    snapshots = dict(models[ss.step_model].snapshots)
    if ss.get("step_epoch") not in snapshots:
        ss.step_epoch = list(snapshots)[-1]
    st.select_slider(tr("step.epoch"), list(snapshots), key="step_epoch")
    return snapshots[ss.step_epoch]


def direction_title(direction: Direction) -> str:
    key = "step.layer_backward" if direction.backward else "step.layer"
    return tr(key, n=direction.layer + 1, kind=direction.kind, units=direction.trace.cell.units)


def unit_key(direction: Direction) -> str:
    return f"step_unit_{direction.layer}_{int(direction.backward)}"


def arithmetic(walk: Walk, step: Step, name: Callable[[str], str]) -> None:
    token = literal(step.token.shown)
    one_hot = reads_one_hot(walk.model)
    key = "step.input_one_hot" if one_hot else "step.input_embedding"
    st.markdown(f"**{tr(key, token=token)}**")
    show_svg(input_row(step.x, walk.model.tokens if one_hot else None), "step_input",
             alt=tr(key, token=step.token.shown))
    st.markdown(f"#### {tr('step.arithmetic')}")
    for direction, terms in step.layers:
        cell = direction.trace.cell
        if len(step.layers) > 1:
            st.markdown(f"**{direction_title(direction)}**")
        unit = None
        if cell.units > VECTOR_UNITS:
            unit = st.number_input(tr("step.unit_pick"), 0, cell.units - 1,
                                   key=unit_key(direction))
        st.latex(stacked(equations(cell, terms, unit)))
        note = tr(direction.cell_kind.step_note)
        if direction.cell_kind.hello_note and about_hello(walk.model):
            note += " " + tr(direction.cell_kind.hello_note)
        st.caption(note)
        every = st.expander(tr("step.all_units"), key=unit_key(direction) + "_table",
                            on_change="rerun")
        if every.open:
            names = plain_names(cell)
            every.dataframe(
                pd.DataFrame({names[name]: values for name, values in terms.items()}).round(3),
                height=min(420, 38 + 35 * cell.units),
            )
    if walk.answers_at(step.t):
        st.markdown(f"#### {tr('step.scores')}")
        st.latex(score_formula())
        show_svg(scores_row(step.logits, [name(label) for label in walk.model.labels]),
                 "step_scores", alt=tr("step.scores"))


def states(step: Step) -> None:
    label = tr("step.unit")
    for direction, terms in step.layers:
        if len(step.layers) > 1:
            st.markdown(f"**{direction_title(direction)}**")
        unit = ss.get(unit_key(direction)) if direction.trace.cell.units > VECTOR_UNITS else None
        kind = direction.cell_kind
        title = tr(kind.bars_title)
        show_svg(vector_bars({f"{name}_t": terms[name] for name in kind.bars}, highlight=unit,
                             title=title, unit_label=label),
                 unit_key(direction) + "_states", alt=title)
        if kind.gate_map_title is not None:
            title = tr(kind.gate_map_title)
            show_svg(gate_heatmap({name: terms[name] for name in kind.gate_map}, title=title,
                                  unit_label=label, highlight=unit),
                     unit_key(direction) + "_gates", alt=title)


def cell_drawings(walk: Walk, step: Step) -> None:
    """Each layer's cell at this step, showing the unit its equations show."""
    st.markdown(f"#### {tr('diagram.heading')}")
    top = max(direction.layer for direction in walk.directions)
    for direction, terms in step.layers:
        cell = direction.trace.cell
        unit = ss.get(unit_key(direction), 0) if cell.units > VECTOR_UNITS else None
        title = tr("diagram.title" if unit is None else "diagram.title_unit", kind=cell.kind,
                   t=step.t + 1, token=step.token.shown, unit=unit)
        if len(step.layers) > 1:
            title = f"{direction_title(direction)} · {title}"
        output = tr("diagram.to_output" if direction.layer == top else "diagram.to_next_layer")
        show_svg(cell_diagram(cell.kind, terms, token=step.token.shown, title=title,
                              output=output, unit=unit, activation=cell.activation),
                 f"step_cell_{unit_key(direction)}", alt=title)
    st.caption(tr("diagram.caption"))


def prediction(walk: Walk, step: Step, name: Callable[[str], str]) -> None:
    if not walk.answers_at(step.t):
        st.info(tr("step.answer_later", n=len(walk)), icon=":material/hourglass_empty:")
        return
    softmax = step.softmax
    token = step.token.shown
    if walk.answers_once:
        title = tr("step.answer_title", read=spelled(walk, name)[0])
    elif walk.predicts_next:
        title = tr("step.softmax_title", token=token)
    else:
        title = tr("step.class_title", token=token)
    top = [(name(label), p) for label, p in softmax.top()]
    target = name(softmax.target) if softmax.target is not None else None
    show_svg(softmax_bars(top, title=title, target=target, target_probability=softmax.p_target),
             "step_softmax", alt=title)
    if softmax.target is None:
        if walk.predicts_next:
            st.caption(tr("step.no_target"))
        return
    st.markdown(f"**{tr('step.next_actual')}: {literal(target)}**")
    st.latex(surprise(target, softmax.p_target, softmax.loss))


def whole_word(walk: Walk, t: int, name: Callable[[str], str]) -> None:
    st.subheader(tr("step.whole_word"))
    choices = panel_choices(walk)
    several = len(walk.directions) > 1

    def choice_name(index: int) -> str:
        d, panel = choices[index]
        text = tr(f"step.panel_{panel}")
        return f"{d + 1} · {text}" if several else text

    picked = 0
    if len(choices) > 1:
        picked = st.segmented_control(
            tr("step.panel"), range(len(choices)), key="step_panel",
            format_func=option_names(range(len(choices)), choice_name),
            required=True, default=0,
        )
    d, panel = choices[picked if picked is not None and picked < len(choices) else 0]
    tokens = [token.shown for token in walk.tokens]
    title = tr("step.heatmap_title", panel=tr(f"step.panel_{panel}"))
    show_svg(step_heatmap(
        panels(walk.directions[d])[panel], tokens=tokens, current=t, title=title,
        unit_label=tr("step.unit"), gate=panel in walk.directions[d].cell_kind.gates,
    ), "step_heatmap", alt=title)
    if walk.answers_once:
        return
    st.markdown(f"#### {tr('step.table_title')}")
    show_table(*softmax_table(walk, t, name, tr), bold=t)
    loss = mean_loss(walk)
    if loss is not None:
        st.caption(tr("step.mean_loss", loss=loss, perplexity=math.exp(loss)),
                   help=term_help("cross_entropy", "perplexity"))


def stepper(walk: Walk, playing: bool) -> None:
    """Everything that follows the cursor: the controls, the strip, the step's numbers and
    the whole word with the step framed. A fragment, so a step reruns and redraws only this,
    never the model menu and the text box above. `playing` is what the page was run with: a
    click that starts the player reruns the whole page, so the tick starts with it."""
    n = len(walk)
    if player.playing("step") != playing:
        st.rerun()
    back, play, forward, slider = st.columns([4, 4, 4, 9], vertical_alignment="bottom")
    back.button(tr("step.previous"), key="step_prev", icon=":material/skip_previous:",
                on_click=guarded(player.move), args=(*PLAYER, -1, n), disabled=ss.step_pos <= 1,
                width="stretch", shortcut="Left")
    player.button(play, *PLAYER, n, key="step_play", shortcut="Space")
    forward.button(tr("step.next"), key="step_next", icon=":material/skip_next:",
                   on_click=guarded(player.move), args=(*PLAYER, 1, n), disabled=ss.step_pos >= n,
                   width="stretch", shortcut="Right")
    if n > 1:
        player.slider(slider, tr("step.slider"), "step_pos", n)
    address.follow(views.step_position(n))
    t = ss.step_pos - 1

    name = label_name(tr("step.end"), class_name)
    cells, columns = tape(walk)
    reading_text, predicted_text = spelled(walk, name)
    # A long word's cells are too narrow for "(end)": the strip writes the end as a mark.
    short_end = not fits_tape(tr("step.end"), len(cells))
    strip_name = label_name(tr("step.end_mark"), class_name) if short_end else name
    show_svg(token_tape(
        [cell.text for cell in cells], known=[cell.known for cell in cells],
        below=[cell.below(strip_name) for cell in cells],
        correct=[cell.correct for cell in cells], current=columns[t],
        title=tr("step.tape_title_once" if walk.answers_once else "step.tape_title",
                 read=reading_text, predicted=predicted_text),
        row_labels=(tr("step.tape_input"),
                    tr("step.tape_answer" if walk.answers_once else "step.tape_argmax")),
    ), "step_tape", alt=tr("step.tape_alt", t=t + 1, n=n, token=cells[columns[t]].text,
                            predicted=cells[columns[t]].below(name)))
    legend = tr("step.tape_legend_once" if walk.answers_once else "step.tape_legend")
    if short_end:
        legend += " " + tr("step.end_mark_note", mark=tr("step.end_mark"), end=tr("step.end"))
    st.caption(legend)

    step = walk.step(t)
    # On a 1280x720 projector the step's numbers sit below the fold: the heading carries its
    # own previous/next buttons, so a class steps through without scrolling back up.
    with st.container(horizontal=True, vertical_alignment="center"):
        st.subheader(tr("step.current", t=t + 1, n=n, token=literal(step.token.shown)),
                     width="content")
        st.button(tr("step.previous"), key="step_prev_here", icon=":material/skip_previous:",
                  on_click=guarded(player.move), args=(*PLAYER, -1, n), disabled=ss.step_pos <= 1)
        st.button(tr("step.next"), key="step_next_here", icon=":material/skip_next:",
                  on_click=guarded(player.move), args=(*PLAYER, 1, n), disabled=ss.step_pos >= n)
    left, right = st.columns([5, 4], gap="medium")
    with left:
        arithmetic(walk, step, name)
    with right:
        prediction(walk, step, name)
        states(step)
    cell_drawings(walk, step)
    st.divider()
    whole_word(walk, t, name)


st.title(tr("step.title"))
st.caption(tr("step.intro"))
show_failure()
models = session_models()
shipped = {p.key: p for p in catalogue()}
words = examples(models, shipped)
if (route := requested_lesson()) is not None and route.setup in words:
    ss.step_model, ss.step_text, ss.step_pos = route.setup, words[route.setup], 1
if (sent := ss.pop("train.open_sent", None)) in words:
    ss.step_model, ss.step_text, ss.step_pos = sent, words[sent], 1
if "step_pos" not in ss:
    ss.step_pos = 1
if ss.get("step_model") not in words:
    ss.step_model = next(iter(words))
    ss.step_text = words[ss.step_model]
# After the defaults, so a link that names only a word keeps it.
address.share(views.step(list(words)))
pick, typed = st.columns([1, 2])
with pick:
    model = choose_model(models, words, shipped)
with typed:
    text = st.text_input(tr("step.text"), key="step_text", max_chars=MAX_TEXT_CHARS,
                         help=tr("step.text_help"))

reading = read(model, text or "")
unit_word = tr("step.unit_word" if model.level == "word" else "step.unit_char")
if not reading.tokens:
    st.info(tr("step.empty", unit=unit_word))
    st.stop()
skipped = listing(reading.unknown)
if not reading.read:
    st.error(tr("step.nothing_known", tokens=skipped,
                vocabulary=literal(" ".join(model.tokens))))
    st.stop()
if reading.cut:
    st.info(tr("step.cut", limit=LIMIT, cut=reading.cut))
if reading.unknown:
    st.warning(tr("step.unknown", tokens=skipped))
if reading.lowered:
    st.caption(tr("step.lowered", tokens=listing(reading.lowered)))
if reading.dropped:
    st.caption(tr("guards.dropped", count=reading.dropped))

walk = Walk(model, reading)
address.share(views.step_position(len(walk)))
downloads = st.container(horizontal=True)
# Both files are built when clicked (Streamlit calls the function then), never on a rerun.
downloads.download_button(tr("export.trace_csv"), lambda: trace_csv(walk),
                          file_name="rnnviz-trace.csv",
                          mime="text/csv", key="step_trace_csv", icon=":material/download:",
                          help=tr("export.trace_csv_help"), on_click="ignore")
if exportable(model):
    name, lang = model_name(ss.step_model, models, shipped, tr), current_language()
    downloads.download_button(
        tr("notebook.download"), lambda: step_notebook(walk, name, text, lang),
        file_name="rnnviz-step-through.ipynb", mime="application/x-ipynb+json",
        key="step_notebook", icon=":material/code:", help=tr("notebook.download_help"),
        on_click="ignore")
ss.step_pos = min(max(1, ss.step_pos), len(walk))
playing = player.playing("step")
player.run(*PLAYER, len(walk))
# While playing, every tick reruns the whole page anyway: the views run with it, not as a
# fragment, so a tick never meets a fragment of the run before.
(stepper if playing else st.fragment(stepper))(walk, playing)
