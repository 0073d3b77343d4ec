"""The cell diagram on the Step-through page (AppTest): it follows the step cursor and the
unit picked for the equations, in both languages, with the engine's numbers."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.pretrained import load
from rnnviz.stepthrough import Walk, read
from rnnviz.text import t
from tests.drawing import drawings, named, numbers, texts, title

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "step_through.py")


@pytest.fixture
def app() -> Iterator[AppTest]:
    at = AppTest.from_file(PAGE, default_timeout=30)
    at.query_params["lang"] = "en"
    yield at.run()


def diagram(at: AppTest) -> str:
    """The drawing (SVG) of the first layer's cell."""
    for svg in drawings(at):
        if any(key.startswith("h[") for key in named(svg)):
            return svg
    raise AssertionError("no cell diagram on the page")


def test_the_hello_cell_shows_every_unit_and_follows_the_step(app: AppTest) -> None:
    assert not app.exception
    walk = Walk(load("hello"), read(load("hello"), "hell"))
    for t_ in range(4):
        if t_:
            app.button(key="step_next").click().run()
        svg = diagram(app)
        assert title(svg) == t("diagram.title", "en", kind="SimpleRNN", t=t_ + 1,
                               token="hell"[t_])
        hidden = walk.directions[0].trace.states["h"][0, t_]
        shown = numbers(svg)
        for u, value in enumerate(hidden):
            assert shown[f"h[{u}]"] == pytest.approx(value, abs=0.0051)


def test_a_wide_lstm_shows_the_unit_its_equations_show(app: AppTest) -> None:
    app.selectbox(key="step_model").set_value("words-lstm").run()
    app.number_input(key="step_unit_0_0").set_value(5).run()
    app.button(key="step_next").click().run()
    assert not app.exception
    svg = diagram(app)
    assert title(svg).endswith("(unit 5)")
    walk = Walk(load("words-lstm"), read(load("words-lstm"), "hell"))
    cells = walk.directions[0].trace.states["c"][0]
    shown = numbers(svg)
    assert set(shown) >= {"c[5]", "c_prev[5]", "f[5]", "i[5]", "o[5]", "g[5]"}
    assert shown["c[5]"] == pytest.approx(cells[1, 5], abs=0.0051)
    assert shown["c_prev[5]"] == pytest.approx(cells[0, 5], abs=0.0051)
    assert not any(key.endswith("[4]") for key in shown)


def test_the_diagram_speaks_korean(app: AppTest) -> None:
    app.query_params["lang"] = "ko"
    app.run()
    svg = diagram(app)
    assert title(svg) == t("diagram.title", "ko", kind="SimpleRNN", t=1, token="h")
    assert t("diagram.to_output", "ko") in [element.text for element in texts(svg)]
    assert t("diagram.caption", "ko") in [c.value for c in app.caption]
