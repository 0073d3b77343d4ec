"""The Step-through page in Streamlit's AppTest: typing, stepping, playing, switching model
and language, the model trained in this session, bad input, and no TensorFlow."""
from __future__ import annotations

import subprocess
import sys
import time
import types
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.engine import Dense, RecurrentSpec, SequenceModel, SimpleRNNCell
from rnnviz.lessons import hello
from rnnviz.pretrained import load
from rnnviz.charts.step import CURRENT
from rnnviz.stepthrough import LIMIT, Walk, read
from rnnviz.text import t
from tests.drawing import drawing, frames, named, texts, title
from tests.stepping import position_slider
from tests.tables import bold_rows, rows, tables

REPO = Path(__file__).resolve().parents[1]
PAGE = str(REPO / "pages" / "step_through.py")


@pytest.fixture

def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    yield at.run()


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def table(at: AppTest) -> list[dict[str, str]]:
    """The softmax table, a row per timestep, cells as shown."""
    header, *body = rows(the_table(at))
    return [dict(zip(header, row)) for row in body]


def the_table(at: AppTest) -> str:
    shown, = tables(at)
    return shown


def current(at: AppTest) -> str:
    """The heading of the current step, e.g. "Timestep 2 of 4 · input e"."""
    return at.subheader[0].value


def test_opens_on_the_hello_model_reading_hell(app: AppTest) -> None:
    no_traceback(app)
    assert app.text_input(key="step_text").value == "hell"
    assert current(app) == "Timestep 1 of 4 · input h"
    assert position_slider(app, "step_pos").max == 4
    assert app.button(key="step_prev").disabled and not app.button(key="step_next").disabled
    blocks = [latex.value for latex in app.latex]
    assert any(r"\tanh(\mathbf{x}_t W_{xh}" in block for block in blocks)
    one_hot = named(drawing(app, "step_input"))  # the one-hot row of h
    assert [label[3:-1] for label, v in one_hot.items() if v == "1"] == ["h"]
    tape = drawing(app, "step_tape")
    assert title(tape) == t("step.tape_title", "en", read="hell", predicted="ello")
    assert [named(tape)[f"out[{x}]"] for x in range(4)] == list("ello")
    rows = table(app)
    assert [row["argmax"] for row in rows] == list("ello")  # the argmax spells ello
    assert [row["t"] for row in rows] == ["▶ 1", "2", "3", "4"]
    assert [row["actual next"] for row in rows] == ["e", "l", "l", ""]


def test_typing_and_stepping_move_the_current_step_everywhere(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("hello").run()
    no_traceback(app)
    assert current(app) == "Timestep 1 of 5 · input h"
    app.button(key="step_next").click().run()
    assert current(app) == "Timestep 2 of 5 · input e"
    assert position_slider(app, "step_pos").value == 2
    assert table(app)[1]["t"] == "▶ 2"
    assert bold_rows(the_table(app)) == [1]
    position_slider(app, "step_pos").set_value(5).run()
    assert current(app) == "Timestep 5 of 5 · input o"
    assert app.button(key="step_next").disabled
    app.button(key="step_prev").click().run()
    assert current(app) == "Timestep 4 of 5 · input l"
    app.text_input(key="step_text").set_value("he").run()  # shorter: the step is clamped
    no_traceback(app)
    assert current(app) == "Timestep 2 of 2 · input e"


def test_play_advances_one_step_per_tick_and_stops_at_the_end(app: AppTest) -> None:
    app.button(key="step_play").click().run()
    assert app.session_state["step_playing"]
    assert app.button(key="step_play").label == t("step.pause", "en")
    for expected in (2, 3, 4):
        time.sleep(0.75)
        app.run()
        no_traceback(app)
        assert current(app).startswith(f"Timestep {expected} of 4")
    time.sleep(0.75)
    app.run()
    assert not app.session_state["step_playing"]
    assert current(app).startswith("Timestep 4 of 4")
    app.button(key="step_play").click().run()  # play again from the start
    assert current(app).startswith("Timestep 1 of 4")


@pytest.mark.parametrize("key, equations", [
    ("words-simplernn", 1), ("words-lstm", 6), ("words-gru", 4),
])
def test_switching_model_keeps_a_word_it_can_read_and_shows_its_equations(
    app: AppTest, key: str, equations: int
) -> None:
    app.button(key="step_next").click().run()
    app.selectbox(key="step_model").set_value(key).run()
    no_traceback(app)
    assert app.text_input(key="step_text").value == "hell"  # the word models read it too
    assert current(app) == "Timestep 1 of 4 · input h"
    assert len(app.latex) == 3  # the equations, what the scores are, p and -log p
    assert app.latex[0].value.count(r"\begin{aligned}") == equations
    assert app.number_input(key="step_unit_0_0").value == 0  # 32 units: one at a time
    app.number_input(key="step_unit_0_0").set_value(5).run()
    assert any("[5]" in latex.value for latex in app.latex)
    last = table(app)[-1]
    assert last[t("step.col_actual", "en")] == t("step.end", "en")  # then the word ends


def test_switching_to_a_model_that_cannot_read_the_word_opens_its_example(
    app: AppTest,
) -> None:
    app.selectbox(key="step_model").set_value("words-lstm").run()
    app.text_input(key="step_text").set_value("quiz").run()
    app.selectbox(key="step_model").set_value("hello").run()
    no_traceback(app)
    assert app.text_input(key="step_text").value == "hell"  # hello knows no q, u, i, z


def test_the_page_speaks_korean(app: AppTest) -> None:
    app.session_state["lang"] = "ko"
    app.run()
    no_traceback(app)
    assert app.title[0].value == t("step.title", "ko")
    assert current(app) == "시각 1 / 4 · 입력 h"
    assert app.button(key="step_next").label == "다음"


@pytest.mark.parametrize("text", ["", "    "])
def test_empty_input_asks_for_text(app: AppTest, text: str) -> None:
    app.text_input(key="step_text").set_value(text).run()
    no_traceback(app)
    assert app.info[0].value == t("step.empty", "en", unit=t("step.unit_char", "en"))
    assert not app.subheader


def test_text_the_model_cannot_read_is_explained(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("😀 한글").run()
    no_traceback(app)
    assert not app.warning  # nothing is read, so nothing is "greyed out below"
    assert app.error[0].value == t("step.nothing_known", "en", tokens="😀 ␣ 한 글",
                                   vocabulary="h e l o")
    assert not app.subheader


def test_unknown_characters_are_skipped_and_markdown_is_not_rendered(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("he**l**l").run()
    no_traceback(app)
    assert r"\*" in app.warning[0].value
    assert current(app) == "Timestep 1 of 4 · input h"


def test_overlong_input_is_cut_and_says_so(app: AppTest) -> None:
    app.text_input(key="step_text").set_value("hel" * 30).run()
    no_traceback(app)
    assert app.info[0].value == t("step.cut", "en", limit=LIMIT, cut=90 - LIMIT)
    assert position_slider(app, "step_pos").max == LIMIT


def trained(key: str, name: str, lesson: object, snapshots: list) -> types.SimpleNamespace:
    """What `training_session.trained_models()` lists for the Step-through page."""
    return types.SimpleNamespace(key=key, name=name, lesson=lesson, snapshots=snapshots)


def with_trained_models(monkeypatch: pytest.MonkeyPatch, *models: object) -> None:
    trainer = types.ModuleType("rnnviz.ui.training_session")
    trainer.trained_models = lambda: list(models)
    monkeypatch.setitem(sys.modules, "rnnviz.ui.training_session", trainer)


def test_the_model_trained_in_this_session_is_offered_with_its_epochs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = load("hello")
    name = "L1 hello, trained here"  # the trainer names it; any name will do
    with_trained_models(monkeypatch, trained("trained", name, hello(),
                                             [(10, model), (300, model)]))
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    assert at.selectbox(key="step_model").options[-1] == name
    at.selectbox(key="step_model").set_value("trained").run()
    no_traceback(at)
    assert at.text_input(key="step_text").value == "hell"
    assert at.select_slider[0].options == ["10", "300"]
    assert at.select_slider[0].value == 300
    at.select_slider[0].set_value(10).run()
    no_traceback(at)
    assert current(at) == "Timestep 1 of 4 · input h"


def test_the_page_never_imports_tensorflow() -> None:
    code = (
        "import sys; from streamlit.testing.v1 import AppTest; "
        f"at = AppTest.from_file({PAGE!r}, default_timeout=60); at.run(); "
        "at.text_input(key='step_text').set_value('hello').run(); "
        "at.button(key='step_next').click().run(); "
        "assert not at.exception, [e.value for e in at.exception]; "
        "print('tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True, timeout=300)
    assert result.stdout.split()[-2:] == ["False", "False"]


def framed_token(svg: str) -> int:
    """The timestep whose token sits inside the heatmap's current-step frame."""
    (left, right), = frames(svg, CURRENT)
    return next(int(node.get("data-name")[6:-1]) for node in texts(svg)
                if (node.get("data-name") or "").startswith("token[")
                and left < float(node.get("x")) < right)


def test_the_whole_word_shows_the_engines_states_and_frames_the_current_step(
    app: AppTest,
) -> None:
    app.text_input(key="step_text").set_value("hello").run()
    model = load("hello")
    hidden = Walk(model, read(model, "hello")).directions[0].trace.hidden[0]  # (steps, units)
    for step in range(5):
        svg = drawing(app, "step_heatmap")
        assert framed_token(svg) == step
        assert [named(svg)[f"token[{t}]"] for t in range(5)] == list("hello")
        assert {k: v for k, v in named(svg).items() if not k.startswith("token")} == {
            f"[{u}, {t}]": f"{hidden[t, u]:.2f}" for t in range(5) for u in range(3)}
        if step < 4:
            app.button(key="step_next").click().run()
    assert not app.get("plotly_chart")  # nothing on this page reacts to the pointer


# Models trained on the Train page, as its session run offers them.


def small_model(tokens: tuple[str, ...], *, many_to_many: bool = True,
                identity: bool = False) -> SequenceModel:
    """A SimpleRNN over `tokens` predicting one of them: one-hot input, or the identity
    embedding (with masking) the Train page gives models of the user's own words and text."""
    rng = np.random.default_rng(5)
    cell = SimpleRNNCell(rng.standard_normal((len(tokens), 3)).astype(np.float32),
                         rng.standard_normal((3, 3)).astype(np.float32) * 0.5,
                         rng.standard_normal(3).astype(np.float32))
    head = Dense(rng.standard_normal((3, len(tokens))).astype(np.float32) * 3,
                 np.zeros(len(tokens), np.float32), "softmax")
    embedding = np.eye(len(tokens), dtype=np.float32) if identity else None
    return SequenceModel(tokens, tokens, [RecurrentSpec(cell)], head, embedding=embedding,
                         mask_zero=identity, many_to_many=many_to_many)


def page_with_run(monkeypatch: pytest.MonkeyPatch, key: str, samples: tuple[str, ...],
                  model: SequenceModel) -> AppTest:
    """The page with a training run of this session whose last snapshot is `model`,
    chosen in the model menu."""
    with_trained_models(monkeypatch, trained(
        "trained", key, types.SimpleNamespace(key=key, samples=samples), [(1, model)]))
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    at.selectbox(key="step_model").set_value("trained").run()
    no_traceback(at)
    return at


def softmax_labels(svg: str) -> list[str]:
    """The softmax drawing's rows, top to bottom."""
    return [name[2:-1] for name in named(svg) if name.startswith("p[")]


def test_a_space_as_the_next_character_shows_as_a_visible_mark(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = small_model(("<pad>", " ", "a", "b"), identity=True)
    at = page_with_run(monkeypatch, "text", ("a b",), model)
    assert at.text_input(key="step_text").value == "a b"
    shown = [m.value for m in at.markdown]
    assert f"**{t('step.next_actual', 'en')}: ␣**" in shown  # after a comes a space
    assert not any(": **" in m or "** " in m.replace("** |", "") for m in shown)
    assert any(r"p(\text{␣})" in latex.value for latex in at.latex)
    labels = softmax_labels(drawing(at, "step_softmax"))
    assert "␣" in labels and all(label.strip() for label in labels)
    assert [row["input"] for row in table(at)] == ["a", "␣", "b"]
    at.button(key="step_next").click().run()
    assert current(at) == "Timestep 2 of 3 · input ␣"


def test_a_model_of_own_words_reads_one_hot_rows_labelled_with_characters(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = small_model(("<pad>", "a", "b", "c"), identity=True)
    at = page_with_run(monkeypatch, "words", ("abc",), model)
    assert any(m.value == f"**{t('step.input_one_hot', 'en', token='a')}**" for m in at.markdown)
    row = named(drawing(at, "step_input"))
    assert row == {"xₜ[␀]": "0", "xₜ[a]": "1", "xₜ[b]": "0", "xₜ[c]": "0"}  # ␀: the padding


def test_a_many_to_one_model_answers_once_after_the_last_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = small_model(tuple("abcd"), many_to_many=False)
    at = page_with_run(monkeypatch, "L4", ("abca",), model)
    answer = model.labels[int(np.argmax(model.run(np.array([[0, 1, 2, 0]])).output[0]))]
    tape = drawing(at, "step_tape")
    assert title(tape) == t("step.tape_title_once", "en", read="abca", predicted=answer)
    shown = named(tape)
    assert [shown[f"out[{x}]"] for x in range(4)] == [None, None, None, answer]  # at the end
    assert t("step.tape_answer", "en") in [node.text for node in texts(tape)]
    assert at.info[0].value == t("step.answer_later", "en", n=4)  # step 1: no answer yet
    assert not tables(at)  # no per-step softmax table
    position_slider(at, "step_pos").set_value(4).run()
    softmax = drawing(at, "step_softmax")
    assert title(softmax) == t("step.answer_title", "en", read="abca")  # wrapped to its column
    assert softmax_labels(softmax)[0] == answer  # most likely on top
    assert not any("hello" in c.value for c in at.caption)


def test_the_hello_caption_appears_only_under_the_hello_model(app: AppTest) -> None:
    hello_note = t("step.hello_note", "en")
    assert any(hello_note in c.value for c in app.caption)
    app.selectbox(key="step_model").set_value("words-simplernn").run()
    assert not any(hello_note in c.value for c in app.caption)


def test_gru_gates_show_their_sigmoid_step_as_lstm_gates_do(app: AppTest) -> None:
    app.selectbox(key="step_model").set_value("words-gru").run()
    gru = app.latex[0].value
    assert gru.count(r"\sigma(") == 4  # z and r: the symbols, then sigma of the numbers
    app.selectbox(key="step_model").set_value("words-lstm").run()
    assert app.latex[0].value.count(r"\sigma(") == 6  # i, f, o


def test_the_scores_before_the_softmax_are_the_engines_logits(app: AppTest) -> None:
    model = load("hello")
    logits = model.run(np.array([[model.tokens.index(c) for c in "hell"]])).step_logits[0]
    for step in range(4):
        assert named(drawing(app, "step_scores")) == {
            f"sₜ[{c}]": f"{v:.2f}" for c, v in zip(model.labels, logits[step])}
        if step < 3:
            app.button(key="step_next").click().run()


def test_the_letter_strip_explains_its_green(app: AppTest) -> None:
    assert app.caption[1].value == t("step.tape_legend", "en")


def test_korean_sentences_around_typed_words_need_no_particle_guess() -> None:
    """"hell을(를) … ello을(를)": a particle after a word the student typed is a guess, so the
    Step-through and lab sentences put typed words where none is needed."""
    from rnnviz.text import AREAS

    guesses = ("을(를)", "이(가)", "은(는)", "와(과)", "(으)로")
    for area in ("step", "lab"):
        for key, entry in AREAS[area].items():
            assert not any(g in entry["ko"] for g in guesses), key


def test_no_sentence_strikes_itself_through() -> None:
    """Streamlit's Markdown strikes through text between two single tildes: "0~2번 열은
    순방향, 3~5번" came out struck through."""
    import re

    from rnnviz.text import AREAS

    for area in ("step", "lab"):
        for key, entry in AREAS[area].items():
            for text in entry.values():
                prose = re.sub(r"`[^`]*`|\$[^$]*\$", "", text)
                assert not re.search(r"~[^~]*~", prose), key


def test_the_step_heading_has_its_own_previous_and_next(app: AppTest) -> None:
    assert app.button(key="step_prev_here").disabled
    app.button(key="step_next_here").click().run()
    assert current(app) == "Timestep 2 of 4 · input e"
    assert position_slider(app, "step_pos").value == 2
    app.button(key="step_prev_here").click().run()
    assert current(app) == "Timestep 1 of 4 · input h"


def test_every_kept_model_is_in_the_menu_with_its_own_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hello_model = load("hello")
    words = small_model(("<pad>", "a", "b"), identity=True)
    with_trained_models(
        monkeypatch,
        trained("trained-2", "Trained here: my words", types.SimpleNamespace(
            key="words", samples=("ab",)), [(1, words)]),
        trained("trained-1", "Trained here: L1 hello", hello(), [(100, hello_model)]),
    )
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    at.run()
    options = at.selectbox(key="step_model").options
    assert options[-2:] == ["Trained here: my words", "Trained here: L1 hello"]
    at.selectbox(key="step_model").set_value("trained-1").run()
    no_traceback(at)
    assert at.text_input(key="step_text").value == "hell"
    at.selectbox(key="step_model").set_value("trained-2").run()
    no_traceback(at)
    assert at.text_input(key="step_text").value == "ab"
