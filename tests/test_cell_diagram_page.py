"""The cell diagram on the Step-through page (AppTest): it follows the step cursor and the
unit picked for the equations, in both languages, with the engine's numbers."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.text import t

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "step_through.py")


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    yield at.run()


def diagram(at: AppTest) -> dict:
    """The drawing's layout: the chart with numbers named after the cell's terms."""
    for chart in at.get("plotly_chart"):
        layout = json.loads(chart.proto.spec)["layout"]
        if any(str(note.get("name")).startswith("h[") for note in layout.get("annotations", [])):
            return layout
    raise AssertionError("no cell diagram on the page")


def numbers(layout: dict) -> dict[str, float]:
    return {note["name"]: float(note["text"]) for note in layout["annotations"]
            if note.get("name") and note["name"] != "x"}


def test_the_hello_cell_shows_every_unit_and_follows_the_step(app: AppTest) -> None:
    assert not app.exception
    walk = Walk(load("hello"), read(load("hello"), "hell"))
    for t_ in range(4):
        if t_:
            app.button(key="step_next").click().run()
        layout = diagram(app)
        assert layout["title"]["text"] == t("diagram.title", "en", kind="SimpleRNN", t=t_ + 1,
                                            token="hell"[t_])
        hidden = walk.directions[0].trace.states["h"][0, t_]
        shown = numbers(layout)
        for u, value in enumerate(hidden):
            assert shown[f"h[{u}]"] == pytest.approx(value, abs=0.0051)


def test_a_wide_lstm_shows_the_unit_its_equations_show(app: AppTest) -> None:
    app.selectbox(key="step_model").set_value("words-lstm").run()
    app.number_input(key="step_unit_0_0").set_value(5).run()
    app.button(key="step_next").click().run()
    assert not app.exception
    layout = diagram(app)
    assert layout["title"]["text"].endswith("(unit 5)")
    walk = Walk(load("words-lstm"), read(load("words-lstm"), "hell"))
    cells = walk.directions[0].trace.states["c"][0]
    shown = numbers(layout)
    assert set(shown) >= {"c[5]", "c_prev[5]", "f[5]", "i[5]", "o[5]", "g[5]"}
    assert shown["c[5]"] == pytest.approx(cells[1, 5], abs=0.0051)
    assert shown["c_prev[5]"] == pytest.approx(cells[0, 5], abs=0.0051)
    assert not any(key.endswith("[4]") for key in shown)


def test_the_diagram_speaks_korean(app: AppTest) -> None:
    app.query_params["lang"] = "ko"
    app.run()
    layout = diagram(app)
    assert layout["title"]["text"] == t("diagram.title", "ko", kind="SimpleRNN", t=1, token="h")
    assert any(note["text"] == t("diagram.to_output", "ko") for note in layout["annotations"])
    assert t("diagram.caption", "ko") in [c.value for c in app.caption]
