"""No English-only text reaches a Korean page.

Every page runs in AppTest in Korean; everything it renders (markdown, captions, widget labels,
options and tooltips, tables, chart titles, axes, legends and annotations) is scanned for
the English catalogue's own phrases that the Korean catalogue never uses, and for the class
names (`negative`, `grammatical`, ...) the lessons' data spells in English. Words the two
languages share (SimpleRNN, LSTM, tanh, code, numbers) are in the Korean catalogue too, so
they are never counted.
"""
from __future__ import annotations

import json
import re
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.charts.svg import Drawing
from rnnviz.engine import from_keras_model
from rnnviz.keras_models import build_model, config_for
from rnnviz.lessons import grammar, sentiment
from rnnviz.text import CATALOGUE
from tests.drawing import texts

REPO = Path(__file__).resolve().parents[1]
KOREAN = "\n".join(entry["ko"] for entry in CATALOGUE.values())
CLASS_NAMES = [CATALOGUE[key]["en"] for key in CATALOGUE if key.startswith("data.label.")]


def english_phrases() -> set[str]:
    """Stretches of English text, two words or more, of entries the Korean catalogue never
    says: what a Korean page must not show. The glossary's terms (`common.*`) are left out:
    the glossary and its tooltips name each term in the other language on purpose."""
    phrases = set()
    for key, entry in CATALOGUE.items():
        if key.startswith("common."):
            continue
        for piece in re.split(r"\{[^{}]*\}", entry["en"]):
            piece = piece.strip(" .,:;·()")
            if (len(piece) >= 12 and " " in piece and re.search(r"[a-z]{3}", piece)
                    and piece not in KOREAN):
                phrases.add(piece)
    return phrases


PHRASES = english_phrases()


def strings(value: object) -> Iterator[str]:
    """Every string inside a proto dict, a chart's JSON spec and an SVG drawing's texts opened
    up."""
    if isinstance(value, str):
        if value.startswith("<svg"):
            yield from (node.text or "" for node in texts(value))
            return
        if value.startswith("{") and value.endswith("}"):
            try:
                yield from strings(json.loads(value))
                return
            except ValueError:
                pass
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in ("id", "formId", "key", "bdata", "arrowData"):
                yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def rendered(at: AppTest) -> list[str]:
    """Every string the page's elements carry, and every cell and header of its tables."""
    out: list[str] = []

    def walk(node: object) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None and hasattr(proto, "DESCRIPTOR"):
            out.extend(strings(MessageToDict(proto)))
        if isinstance(frame := getattr(node, "value", None), pd.DataFrame):
            out.extend(map(str, frame.columns))
            out.extend(map(str, frame.index))
            out.extend(map(str, frame.to_numpy().ravel()))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def english_in(texts: list[str]) -> list[str]:
    found = sorted({p for p in PHRASES for text in texts if p in text})
    words = {w for text in texts for w in re.findall(r"[A-Za-z]+", text)}
    return found + sorted(set(CLASS_NAMES) & words)


def korean(page: str, setup=None, lang: str = "ko") -> AppTest:
    """`page` in Korean (or `lang`), reached through the app's navigation as a student reaches it (a
    page's links name the others), after `setup` has worked its widgets."""
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params["lang"] = lang
    at.run()
    if page != "app.py":
        at.switch_page(page).run()
    if setup is not None:
        setup(at)
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture(scope="module", autouse=True)
def tensorflow_loaded() -> None:
    keras_runtime.keras()  # the lab shows its results only once TensorFlow is there


def test_the_scan_finds_english_when_there_is_some() -> None:
    assert "carrying a hidden state" not in KOREAN
    assert any("carrying a hidden state" in p for p in PHRASES)
    assert english_in(["Largest |h_t| over the units after each step", "부정"]) == [
        "Largest |h_t| over the units after each step"]
    assert english_in(["p = 0.8 · positive"]) == ["positive"]
    assert english_in(["SimpleRNN · tanh · LSTM · 128", "hello"]) == []
    drawing = Drawing(100, 20)
    drawing.text(0, 10, "Largest |h_t| over the units after each step", 12, "black")
    shown = json.dumps({"svg": drawing.svg(), "alt": ""})
    assert english_in(list(strings({"json": shown}))) == [
        "Largest |h_t| over the units after each step"]  # a drawing's texts are read too


@pytest.mark.parametrize("page", [
    "app.py", "pages/step_through.py", "pages/keras_lab.py", "pages/train.py",
    "pages/language_model.py", "pages/by_hand.py", "pages/gradients.py",
])
def test_every_page_in_korean_shows_no_english_only_text(page: str) -> None:
    assert english_in(rendered(korean(page))) == []
    assert english_in(rendered(korean(page, lang="en")))  # the scan reads the page


@pytest.mark.parametrize("source", ["L3", "L7"])
def test_the_train_page_names_the_classes_in_korean(source: str) -> None:
    at = korean("pages/train.py",
                lambda at: at.selectbox(key="train.source").set_value(source).run())
    assert english_in(rendered(at)) == []


@pytest.mark.parametrize("make, text", [(sentiment, "so good"), (grammar, "as soon as")])
def test_step_through_names_the_classes_in_korean(monkeypatch: pytest.MonkeyPatch, make,
                                                  text: str) -> None:
    lesson = make()
    model = build_model(config_for(lesson, seed=3))
    net = from_keras_model(model, lesson.vocab.tokens, lesson.labels,
                           level="word" if lesson.key == "L7" else "char")
    session = types.ModuleType("rnnviz.ui.training_session")
    session.trained_models = lambda: [types.SimpleNamespace(
        key="trained", name="학습한 모델", lesson=lesson, snapshots=[(0, net)])]
    monkeypatch.setitem(sys.modules, "rnnviz.ui.training_session", session)

    def open_model(at: AppTest) -> None:
        at.selectbox(key="step_model").set_value("trained").run()
        at.text_input(key="step_text").set_value(text).run()

    at = korean("pages/step_through.py", open_model)
    shown = rendered(at)
    assert english_in(shown) == []
    names = [CATALOGUE[f"data.label.{label}"]["ko"] for label in lesson.labels]
    assert any(name in text for name in names for text in shown)
    assert np.isfinite(net.run(lesson.x).output).all()
