"""The By-hand page in Streamlit's AppTest: the lecture's loss, stepping forward and back,
the numerical check, training by hand, the many-to-one example, both languages, bad input."""
from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.byhand import grammar_lesson, hello_lesson, side_by_side, train
from rnnviz.byhand.training import total_loss
from rnnviz.text import t
from rnnviz.ui.player import PLAY_SECONDS
from tests.stepping import position_slider
from tests.tables import rows, tables

REPO = Path(__file__).resolve().parents[1]
PAGE = str(REPO / "pages" / "by_hand.py")


def open_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = lang
    return at.run()


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield open_page()


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def loss(at: AppTest) -> str:
    return at.metric[0].value


def headings(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


def latex(at: AppTest) -> str:
    return "\n".join(block.value for block in at.latex)


def test_opens_on_the_lectures_network_and_its_loss(app: AppTest) -> None:
    no_traceback(app)
    assert app.title[0].value == t("byhand.title", "en")
    assert loss(app) == "12.062061261168791"
    assert headings(app) == ["Timestep 1 of 4 · input h", "Backward step 1 of 4 · timestep 4"]
    shown = latex(app)
    assert r"\mathbf{x}_t &= \begin{bmatrix} 1 & 0 & 0 & 0 \end{bmatrix}" in shown
    steps = hello_lesson().network().forward(*_hello())
    assert f"{steps[0].loss:.4f}" in shown  # this step's loss, as the network computed it


def _hello() -> tuple[tuple[int, ...], tuple[int, ...]]:
    example = hello_lesson().examples[0]
    return example.tokens, example.targets


def test_stepping_forward_and_backward(app: AppTest) -> None:
    assert app.button(key="byhand_fpos_hello_prev").disabled
    app.button(key="byhand_fpos_hello_next").click().run()
    no_traceback(app)
    assert headings(app)[0] == "Timestep 2 of 4 · input e"
    position_slider(app, "byhand_fpos_hello").set_value(4).run()
    assert headings(app)[0] == "Timestep 4 of 4 · input l"
    assert app.button(key="byhand_fpos_hello_next").disabled
    app.button(key="byhand_fpos_hello_prev").click().run()
    assert headings(app)[0] == "Timestep 3 of 4 · input l"

    assert r"\mathbf{0} \ (\text{last step})" in latex(app)
    app.button(key="byhand_bpos_hello_next").click().run()
    no_traceback(app)
    assert headings(app)[1] == "Backward step 2 of 4 · timestep 3"
    assert r"\frac{\partial L}{\partial \mathbf{a}_{t+1}} W_{hh}^\top" in latex(app)
    position_slider(app, "byhand_bpos_hello").set_value(4).run()
    assert headings(app)[1] == "Backward step 4 of 4 · timestep 1"


def test_check_numerically_reports_every_weight(app: AppTest) -> None:
    app.button(key="byhand_check").click().run()
    no_traceback(app)
    assert any(s.value.startswith("Every gradient agrees") for s in app.success)
    table = next(t for t in tables(app) if rows(t)[0][0] == "weight")
    assert [row[0] for row in rows(table)[1:]] == ["Wxh", "Whh", "Bh", "Wy", "By"]
    app.button(key="byhand_one").click().run()  # new weights: the old check is not shown
    assert not any(s.value.startswith("Every gradient") for s in app.success)


def test_one_sgd_step_lowers_the_loss_and_training_spells_ello(app: AppTest) -> None:
    app.button(key="byhand_one").click().run()
    no_traceback(app)
    lesson = hello_lesson()
    after = float(loss(app))
    assert after < 12.062061261168791 - 1
    expected = lesson.network()
    train(expected, lesson.examples, 0.1, 1)
    assert after == total_loss(expected, lesson.examples)
    assert any("12.062061 → " in s.value for s in app.success)

    app.number_input(key="byhand_steps_hello").set_value(299).run()
    app.button(key="byhand_many").click().run()
    no_traceback(app)
    assert float(loss(app)) < 0.1
    assert "Argmax at every step: `ello`" in [m.value for m in app.markdown]
    assert app.get("plotly_chart")  # the loss curve is drawn
    app.button(key="byhand_reset").click().run()
    assert loss(app) == "12.062061261168791"


def test_a_diverging_learning_rate_says_so_and_keeps_the_weights(app: AppTest) -> None:
    app.number_input(key="byhand_lr_hello").set_value(100.0).run()
    app.number_input(key="byhand_steps_hello").set_value(2000).run()
    app.button(key="byhand_many").click().run()
    no_traceback(app)
    assert app.error[0].value == t("byhand.diverged", "en")
    assert loss(app) == "12.062061261168791"  # the weights before the run are kept
    app.number_input(key="byhand_lr_hello").set_value(0.1).run()
    app.button(key="byhand_one").click().run()
    assert not app.error and float(loss(app)) < 12


def test_the_grammar_example_is_many_to_one(app: AppTest) -> None:
    app.segmented_control(key="byhand_example").set_value("grammar").run()
    no_traceback(app)
    lesson = grammar_lesson()
    assert float(loss(app)) == total_loss(lesson.network(), lesson.examples)
    assert headings(app) == ["Timestep 1 of 3 · input as", "Backward step 1 of 3 · timestep 3"]
    assert app.info[0].value == t("byhand.many_to_one_note", "en")
    assert r"L_t &= 0 \quad (\text{no target at this step})" in latex(app)
    app.selectbox(key="byhand_sentence").set_value(2).run()
    assert headings(app)[0] == "Timestep 1 of 3 · input soon"
    app.button(key="byhand_bpos_grammar_next").click().run()
    assert r"\frac{\partial L}{\partial \mathbf{s}_t} &= \mathbf{0} \quad (\text{no target at" \
        in latex(app)
    app.button(key="byhand_many").click().run()
    no_traceback(app)
    assert "Accuracy 100%" in " ".join(c.value for c in app.caption)


def test_without_recurrence_is_shown_beside_the_real_model(app: AppTest) -> None:
    markdown = [m.value for m in app.markdown]
    assert "Argmax at every step: `ello`" in markdown  # the trained real model
    assert "Argmax at every step: `elll`" in markdown  # cut: both l steps answer alike
    real, cut = side_by_side(hello_lesson())
    assert f"**Accuracy 100%**, final loss {real.losses[-1]:.4f}" in markdown
    assert f"**Accuracy 75%**, final loss {cut.losses[-1]:.4f}" in markdown


def test_korean_page_has_no_english_headings() -> None:
    at = open_page("ko")
    no_traceback(at)
    assert at.title[0].value == t("byhand.title", "ko")
    assert headings(at)[0] == t("byhand.forward_heading", "ko", t=1, n=4, token="h")
    assert loss(at) == "12.062061261168791"
    at.button(key="byhand_check").click().run()
    assert at.success[0].value.startswith("모든 기울기가")
    assert r"\mathbf{0} \ (\text{마지막 시각})" in latex(at)


def tick(at: AppTest) -> AppTest:
    """One tick of the player: its fragment runs every PLAY_SECONDS, here with the page."""
    time.sleep(PLAY_SECONDS + 0.05)
    return at.run()


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_play_advances_the_forward_step_per_tick_and_stops_at_the_end(lang: str) -> None:
    at = open_page(lang)
    play = at.button(key="byhand_fpos_hello_play")
    assert play.label == t("step.play", lang)
    play.click().run()
    no_traceback(at)
    assert at.session_state["byhand_fpos_hello_playing"]
    assert at.button(key="byhand_fpos_hello_play").label == t("step.pause", lang)
    tokens = "hell"
    for step in (2, 3, 4):
        tick(at)
        no_traceback(at)
        assert headings(at)[0] == t("byhand.forward_heading", lang, t=step, n=4,
                                    token=tokens[step - 1])
    assert headings(at)[1] == t("byhand.backward_heading", lang, k=1, n=4, t=4)  # not playing
    tick(at)
    assert not at.session_state["byhand_fpos_hello_playing"]
    assert headings(at)[0] == t("byhand.forward_heading", lang, t=4, n=4, token="l")
    assert at.button(key="byhand_fpos_hello_play").label == t("step.play", lang)
    at.button(key="byhand_fpos_hello_play").click().run()  # play again from the start
    assert headings(at)[0] == t("byhand.forward_heading", lang, t=1, n=4, token="h")


def test_pause_stops_the_player_where_it_is(app: AppTest) -> None:
    app.button(key="byhand_fpos_hello_play").click().run()
    tick(app)
    assert headings(app)[0] == "Timestep 2 of 4 · input e"
    app.button(key="byhand_fpos_hello_play").click().run()
    assert not app.session_state["byhand_fpos_hello_playing"]
    tick(app)
    tick(app)
    assert headings(app)[0] == "Timestep 2 of 4 · input e"


def test_the_backward_stepper_plays_too_and_a_step_by_hand_stops_it(app: AppTest) -> None:
    app.button(key="byhand_bpos_hello_play").click().run()
    tick(app)
    no_traceback(app)
    assert headings(app) == ["Timestep 1 of 4 · input h", "Backward step 2 of 4 · timestep 3"]
    app.button(key="byhand_bpos_hello_next").click().run()
    assert not app.session_state["byhand_bpos_hello_playing"]
    tick(app)
    assert headings(app)[1] == "Backward step 3 of 4 · timestep 2"
