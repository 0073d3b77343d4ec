"""By hand (lesson L7): the lecture's numpy RNN worked out number by number -- the forward
pass, backpropagation through time, a numerical check, and training with plain SGD."""
from __future__ import annotations

import numpy as np
import streamlit as st

from rnnviz.byhand import (
    LESSONS, SEED, ByHandLesson, ByHandRNN, Diverged, Trained, accuracy, check,
    side_by_side, train,
)
from rnnviz.byhand.check import AGREE, EPSILON
from rnnviz.byhand.engine_model import as_sequence_model, preset_lesson
from rnnviz.byhand.display import (
    backward_lines, forward_lines, full_loss, gradient_lines, vector_text, weight_lines,
)
from rnnviz.byhand.training import total_loss
from rnnviz.charts.byhand import gradient_bars, loss_curves
from rnnviz.ui.chart_export import chart_config
from rnnviz.guards.markdown import literal
from rnnviz.ui import player
from rnnviz.ui.entry import require_app
from rnnviz.ui.failures import guarded, show_failure
from rnnviz.ui.language import option_names, tr
from rnnviz.links import views
from rnnviz.ui import address
from rnnviz.ui.lesson_link import requested_lesson
from rnnviz.ui.table import show_table
from rnnviz.ui.training_session import send_model

require_app()
MAX_STEPS = 2000
LEARNING_RATE = (0.001, 100.0)
ss = st.session_state


@st.cache_resource(show_spinner=False)
def comparison(key: str) -> tuple[Trained, Trained]:
    """Read-only: both networks trained once per process (about 0.2 s)."""
    return side_by_side(LESSONS[key]())


def network(lesson: ByHandLesson) -> ByHandRNN:
    """The session's weights for this example, drawn from the seed the first time."""
    key = f"byhand_params_{lesson.key}"
    if key not in ss:
        ss[key] = lesson.network().params
        ss[f"byhand_history_{lesson.key}"] = []
        ss[f"byhand_sgd_{lesson.key}"] = 0
    return ByHandRNN(*ss[key])


def stepper(name: str, n: int) -> int:
    """Previous / play / next buttons and a slider over 1..n, kept in range when n changes.
    The position's key is also the prefix of its player's session keys."""
    key = f"byhand_{name}"
    ss[key] = min(max(1, ss.get(key, 1)), n)
    player.run(key, key, n)
    c1, c2, c3, c4 = st.columns([1, 1, 1, 5], vertical_alignment="bottom")
    c1.button(tr("byhand.prev"), key=f"{key}_prev", disabled=ss[key] <= 1,
              on_click=guarded(player.move), args=(key, key, -1, n), width="stretch")
    player.button(c2, key, key, n, key=f"{key}_play")
    c3.button(tr("byhand.next"), key=f"{key}_next", disabled=ss[key] >= n,
              on_click=guarded(player.move), args=(key, key, 1, n), width="stretch")
    if n > 1:
        player.slider(c4, tr("byhand.timestep" if name.startswith("f") else "byhand.backward_step"),
                      key, n)
    return ss[key]


def forward_view(lesson: ByHandLesson, net: ByHandRNN, sample: int) -> None:
    example = lesson.examples[sample]
    steps = net.forward(example.tokens, example.targets)
    t = stepper(f"fpos_{lesson.key}", len(steps)) - 1
    step = steps[t]
    st.subheader(tr("byhand.forward_heading", t=t + 1, n=len(steps),
                    token=literal(lesson.tokens[step.token])))
    st.latex(forward_lines(step, lesson.tokens, lesson.labels, net.params,
                           tr("byhand.tex_no_target")))
    st.caption(tr("byhand.conventions"))
    st.markdown(f"**{tr('byhand.forward_table')}**")
    header = [tr(f"byhand.col_{c}") for c in
              ("t", "input", "pre", "h", "scores", "probs", "target", "loss")]
    rows = [[str(s.t + 1), lesson.tokens[s.token], vector_text(s.pre), vector_text(s.h),
             vector_text(s.scores), vector_text(s.probs),
             "" if s.target is None else lesson.labels[s.target], f"{s.loss:.4f}"]
            for s in steps]
    show_table(header, rows, bold=t)
    with st.expander(tr("byhand.weights")):
        st.latex(weight_lines(net.params))


def backward_view(lesson: ByHandLesson, net: ByHandRNN, sample: int) -> None:
    example = lesson.examples[sample]
    steps = net.forward(example.tokens, example.targets)
    records = net.backward(steps)
    st.caption(tr("byhand.backward_intro"))
    if lesson.many_to_one:
        st.info(tr("byhand.many_to_one_note"))
    n = len(records)
    k = stepper(f"bpos_{lesson.key}", n)
    record = records[k - 1]
    t = record.t
    st.subheader(tr("byhand.backward_heading", k=k, n=n, t=t + 1))
    st.latex(backward_lines(record, steps[t], lesson.labels, t == n - 1,
                            tr("byhand.tex_no_target"), tr("byhand.tex_last_step")))
    st.markdown(f"**{tr('byhand.grads_so_far', t=t + 1, n=n)}**")
    lines = gradient_lines(record.grads)
    first, second = st.columns(2), st.columns([4, 3])
    first[0].latex(lines["Wxh"])
    first[1].latex(lines["Whh"])
    second[0].latex(lines["Wy"])
    second[1].latex(lines["Bh"] + r", \qquad " + lines["By"])
    norms = [float(np.linalg.norm(r.dh)) if r.t >= t else None for r in reversed(records)]
    chart, _ = st.columns([3, 2])
    chart.plotly_chart(gradient_bars(norms, t, tr("byhand.dh_chart"), tr("byhand.timestep")),
                       key="byhand_dh_chart", config=chart_config())


def check_view(lesson: ByHandLesson, net: ByHandRNN) -> None:
    st.caption(tr("byhand.check_intro", eps=EPSILON))
    key = f"byhand_checked_{lesson.key}"
    if st.button(tr("byhand.check"), key="byhand_check", type="primary"):
        ss[key] = ([p.copy() for p in net.params], check(net.copy(), lesson.examples))
    kept = ss.get(key)
    if kept is None or not all(np.array_equal(a, b) for a, b in zip(kept[0], net.params)):
        return  # never checked, or the weights changed since
    results = kept[1]
    worst = max(c.worst for c in results)
    message = tr("byhand.check_ok" if worst < AGREE else "byhand.check_bad", error=f"{worst:.1e}")
    (st.success if worst < AGREE else st.error)(message)
    header = [tr(f"byhand.check_{c}")
              for c in ("param", "shape", "analytic_max", "numeric_max", "error")]
    rows = [[c.name, str(c.analytic.shape or "()"), f"{np.abs(c.analytic).max():.6f}",
             f"{np.abs(c.numeric).max():.6f}", f"{c.worst:.1e}"] for c in results]
    show_table(header, rows)
    st.caption(tr("byhand.check_by_note"))
    with st.expander(tr("byhand.check_elements")):
        every = [[f"{c.name}{list(i) if i else ''}", f"{c.analytic[i]:+.9f}",
                  f"{c.numeric[i]:+.9f}", f"{c.error[i]:.1e}"]
                 for c in results for i in np.ndindex(c.analytic.shape)]
        columns = [tr(f"byhand.check_{c}") for c in ("param", "analytic", "numeric", "error")]
        show_table(columns, every)


def send(lesson: ByHandLesson) -> None:
    """Offer the session's weights of this example in the trained-model menus."""
    steps = ss[f"byhand_sgd_{lesson.key}"]
    send_model(f"byhand-{lesson.key}", f"send.name.{lesson.key}", preset_lesson(lesson), steps,
               as_sequence_model(lesson, network(lesson), steps), steps=steps)
    ss["byhand_sent"] = tr(f"send.name.{lesson.key}", steps=steps)


def train_view(lesson: ByHandLesson, net: ByHandRNN) -> None:
    history_key, count_key = f"byhand_history_{lesson.key}", f"byhand_sgd_{lesson.key}"
    st.caption(tr("byhand.sgd_rule"))
    c1, c2 = st.columns(2)
    lr = c1.number_input(tr("byhand.learning_rate"), *LEARNING_RATE, lesson.learning_rate,
                         step=0.05, format="%g", key=f"byhand_lr_{lesson.key}")
    steps = c2.number_input(tr("byhand.steps"), 1, MAX_STEPS, lesson.steps,
                            key=f"byhand_steps_{lesson.key}")
    b1, b2, b3, b4 = st.columns([1, 1, 1, 2])
    b4.button(tr("send.button"), key="byhand_send", on_click=guarded(send), args=(lesson,),
              help=tr("send.help"), icon=":material/send:", width="stretch")
    asked = 0
    if b1.button(tr("byhand.one_step"), key="byhand_one", type="primary", width="stretch"):
        asked = 1
    if b2.button(tr("byhand.train_steps", steps=int(steps)), key="byhand_many", width="stretch"):
        asked = int(steps)
    if b3.button(tr("byhand.reset"), key="byhand_reset", width="stretch"):
        for name in ("params", "history", "sgd", "message"):
            ss.pop(f"byhand_{name}_{lesson.key}", None)
        st.rerun()
    if asked:
        trial = net.copy()
        try:
            losses = train(trial, lesson.examples, float(lr), asked)
        except Diverged:
            ss[f"byhand_message_{lesson.key}"] = ("error", tr("byhand.diverged"))
        else:
            ss[f"byhand_params_{lesson.key}"] = trial.params
            history = ss[history_key][:-1] + losses
            ss[history_key], ss[count_key] = history, ss[count_key] + asked
            ss[f"byhand_lr_used_{lesson.key}"] = float(lr)
            ss[f"byhand_message_{lesson.key}"] = ("success", tr(
                "byhand.step_result", before=f"{losses[0]:.6f}", after=f"{losses[-1]:.6f}",
                steps=asked))
        st.rerun()
    if (sent := ss.pop("byhand_sent", None)) is not None:
        st.success(tr("send.done", name=sent))
        st.page_link("pages/step_through.py", label=tr("send.open"),
                     icon=":material/skip_next:")
    message = ss.get(f"byhand_message_{lesson.key}")
    if message:
        (st.error if message[0] == "error" else st.success)(message[1])
    history = ss[history_key]
    if history:
        st.plotly_chart(loss_curves({tr("byhand.axis_loss"): history}, tr("byhand.loss_curve"),
                                    tr("byhand.axis_step"), tr("byhand.axis_loss")),
                        key="byhand_loss_chart", config=chart_config())
    else:
        st.caption(tr("byhand.no_history"))


def cut_view(lesson: ByHandLesson) -> None:
    real, cut = comparison(lesson.key)
    intro = "byhand.cut_intro" if lesson.key == "hello" else "byhand.cut_intro_grammar"
    st.caption(tr(intro, seed=SEED, steps=lesson.steps, lr=lesson.learning_rate))
    columns = st.columns(2)
    titles = (tr("byhand.real_model"), tr("byhand.cut_model"))
    for column, title, trained in zip(columns, titles, (real, cut)):
        with column:
            st.markdown(f"#### {title}")
            predictions(lesson, trained.net)
            st.markdown(f"**{tr('byhand.accuracy', accuracy=f'{trained.accuracy:.0%}')}**, "
                        f"{tr('byhand.final_loss', loss=f'{trained.losses[-1]:.4f}')}")
    st.plotly_chart(loss_curves({tr("byhand.real_model"): real.losses,
                                 tr("byhand.cut_model"): cut.losses},
                                tr("byhand.cut_curve"), tr("byhand.axis_step"),
                                tr("byhand.axis_loss")),
                    key="byhand_cut_chart", config=chart_config())


def predictions(lesson: ByHandLesson, net: ByHandRNN) -> None:
    if not lesson.many_to_one:
        spelled = "".join(lesson.labels[i] for i in net.predict(lesson.examples[0].tokens))
        st.markdown(tr("byhand.predicted", text=f"`{spelled}`"))
        return
    for sample, example in zip(lesson.samples, lesson.examples):
        label = lesson.labels[net.predict(example.tokens)[-1]]
        st.markdown(f"`{' '.join(sample)}` → " + tr(
            "byhand.predicted_class", label=label, target=lesson.labels[example.targets[-1]]))


st.title(tr("byhand.title"))
st.caption(tr("byhand.intro"))
show_failure()
if (route := requested_lesson()) is not None:
    ss.byhand_example = route.setup
address.share(views.BY_HAND)
choice = st.segmented_control(tr("byhand.example"), list(LESSONS), key="byhand_example",
                              format_func=option_names(LESSONS,
                                                       lambda k: tr(f"byhand.example.{k}")),
                              required=True, default="hello")
lesson = LESSONS[choice or "hello"]()
net = network(lesson)

top = st.columns([1, 1], vertical_alignment="center")
top[0].metric(tr("byhand.loss_total"), full_loss(total_loss(net, lesson.examples)))
sgd = ss[f"byhand_sgd_{lesson.key}"]
with top[1]:
    if sgd:
        st.caption(tr("byhand.loss_trained", steps=sgd, lr=ss[f"byhand_lr_used_{lesson.key}"]))
    else:
        st.caption(tr("byhand.loss_seed", seed=SEED))
    if lesson.many_to_one:
        shown = f"{accuracy(net, lesson.examples):.0%}"
        st.caption(f"{tr('byhand.loss_all')} {tr('byhand.accuracy', accuracy=shown)}")
    else:
        predictions(lesson, net)
sample = 0
if lesson.many_to_one:
    sentences = range(len(lesson.samples))
    address.share(views.by_hand_sentence(len(sentences)))
    sample = st.selectbox(
        tr("byhand.sentence"), sentences, key="byhand_sentence",
        format_func=option_names(sentences, lambda i: tr(
            "byhand.sentence_option", sentence=" ".join(lesson.samples[i]),
            label=lesson.labels[lesson.examples[i].targets[-1]])))

tabs = st.tabs([tr(f"byhand.tab_{name}") for name in
                ("forward", "backward", "check", "train", "cut")])
with tabs[0]:
    forward_view(lesson, net, sample)
with tabs[1]:
    backward_view(lesson, net, sample)
with tabs[2]:
    check_view(lesson, net)
with tabs[3]:
    train_view(lesson, net)
with tabs[4]:
    cut_view(lesson)
