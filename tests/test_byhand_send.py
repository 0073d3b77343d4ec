"""The By-hand page's network sent to the Step-through page: the engine's SequenceModel of it
computes the by-hand forward's numbers, and Step-through, opened after "Send", shows them."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.byhand import grammar_lesson, hello_lesson, train
from rnnviz.byhand.engine_model import as_sequence_model
from rnnviz.gradients import Setting, shipped_flow
from rnnviz.text import t
from tests.drawing import drawing, named

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")


@pytest.mark.parametrize("make", [hello_lesson, grammar_lesson], ids=["hello", "grammar"])
def test_the_engine_model_computes_the_by_hand_forward(make) -> None:
    lesson = make()
    net = lesson.network()
    train(net, lesson.examples, lesson.learning_rate, 5)  # biases no longer the drawn ones
    model = as_sequence_model(lesson, net, 5)
    for example in lesson.examples:
        steps = net.forward(example.tokens, example.targets)
        run = model.run(np.array([example.tokens]))
        hidden = run.layers[0].outputs(return_sequences=True)[0]
        np.testing.assert_allclose(hidden, [s.h for s in steps], rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(run.step_logits[0], [s.scores for s in steps], rtol=1e-6)
        probs = run.output[0] if lesson.many_to_one else run.output[0][-1]
        np.testing.assert_allclose(probs, steps[-1].probs, rtol=1e-12, atol=1e-12)
    assert model.level == ("word" if lesson.many_to_one else "char")


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_step_through_shows_the_sent_network_with_the_by_hand_numbers(lang: str) -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/by_hand.py").run()
    assert not at.exception, [e.value for e in at.exception]
    lesson = hello_lesson()
    net = lesson.network()
    train(net, lesson.examples, lesson.learning_rate, 3)
    steps = net.forward(lesson.examples[0].tokens, lesson.examples[0].targets)
    # The weights three SGD steps left (the By-hand page's own tests click those buttons).
    at.session_state["byhand_params_hello"] = net.params
    at.session_state["byhand_sgd_hello"] = 3
    at.session_state["byhand_lr_used_hello"] = lesson.learning_rate
    at.button(key="byhand_send").click().run()
    assert not at.exception, [e.value for e in at.exception]
    name = t("send.name.hello", lang, steps=3)
    assert [s.value for s in at.success][-1] == t("send.done", lang, name=name)

    at.switch_page("pages/step_through.py").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox(key="step_model").value == "byhand-hello"
    assert name in at.selectbox(key="step_model").options
    assert at.text_input(key="step_text").value == "hell"
    for step in steps:
        shown = named(drawing(at, "step_scores"))
        assert sorted(shown.values()) == sorted(f"{v:.2f}" for v in step.scores), step.t
        if step.t < len(steps) - 1:
            at.button(key="step_next").click().run()


def test_the_gradients_page_offers_the_sent_network() -> None:
    at = AppTest.from_file(APP, default_timeout=90)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/gradients.py").run()
    assert at.segmented_control(key="gradients_source").options == [
        t("gradients.source.untrained", "en"), t("gradients.source.shipped", "en")]
    at.switch_page("pages/by_hand.py").run()
    at.button(key="byhand_send").click().run()
    at.switch_page("pages/gradients.py").run()
    at.segmented_control(key="gradients_source").set_value("session").run()
    assert not at.exception, [e.value for e in at.exception]
    lesson = hello_lesson()
    model = as_sequence_model(lesson, lesson.network())
    setting = Setting(1.0, "tanh", 50, 0)  # the page's defaults
    reach = shipped_flow(model, setting).reach
    shown = {m.label.split(" · ")[0]: m.value for m in at.metric}
    assert shown["SimpleRNN"] == f"{reach:.1e}"
    assert any(t("send.name.hello", "en", steps=0) in c.value for c in at.caption)
