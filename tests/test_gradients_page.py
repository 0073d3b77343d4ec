"""The Gradients page in Streamlit's AppTest, run inside app.py (its shape map links to the
other pages, which only exist under st.navigation): every control, both sources, both
languages, an exploding setting, and the links."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.cells import NAMES
from rnnviz.gradients import SHAPES, Setting, shipped_flow, untrained_flow
from rnnviz.pretrained import load
from rnnviz.text import t

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
PAGE = "pages/gradients.py"


def open_page(lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    return at.switch_page(PAGE).run()


@pytest.fixture
def app() -> Iterator[AppTest]:
    yield open_page()


def no_traceback(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def reach(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def expected(setting: Setting) -> list[str]:
    return [f"{untrained_flow(kind, setting).reach:.1e}" for kind in NAMES]


def chart(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def test_opens_with_three_cells_and_their_numbers(app: AppTest) -> None:
    no_traceback(app)
    assert app.title[0].value == t("gradients.title", "en")
    assert reach(app) == expected(Setting())
    spec = chart(app)
    assert [trace["name"] for trace in spec["data"]] == list(NAMES)
    assert spec["layout"]["yaxis"]["type"] == "log"
    assert spec["layout"]["title"]["text"] == t("gradients.chart", "en", length=50)
    lstm = untrained_flow("LSTM", Setting())
    product = np.prod(lstm.forget[1:], axis=0).mean()
    assert t("gradients.why_lstm", "en", forget=f"{lstm.forget.mean():.3f}",
             product=f"{product:.1e}", reach=f"{lstm.reach:.1e}") in [m.value for m in app.markdown]


def test_every_control_reruns_with_the_engines_numbers(app: AppTest) -> None:
    app.slider(key="gradients_radius").set_value(0.6).run()
    no_traceback(app)
    assert reach(app) == expected(Setting(radius=0.6))
    app.selectbox(key="gradients_activation").set_value("relu").run()
    assert reach(app) == expected(Setting(0.6, "relu"))
    app.slider(key="gradients_length").set_value(100).run()
    assert reach(app) == expected(Setting(0.6, "relu", 100))
    app.number_input(key="gradients_seed").set_value(9).run()
    no_traceback(app)
    assert reach(app) == expected(Setting(0.6, "relu", 100, 9))
    assert chart(app)["layout"]["title"]["text"] == t("gradients.chart", "en", length=100)


def test_shipped_models_fix_the_weights_controls(app: AppTest) -> None:
    app.segmented_control(key="gradients_source").set_value("shipped").run()
    no_traceback(app)
    assert app.slider(key="gradients_radius").disabled
    assert app.selectbox(key="gradients_activation").disabled
    models = ("words-simplernn", "words-lstm", "words-gru")
    assert reach(app) == [f"{shipped_flow(load(k), Setting()).reach:.1e}" for k in models]


def test_an_exploding_setting_is_explained_not_raised(app: AppTest) -> None:
    app.selectbox(key="gradients_activation").set_value("linear").run()
    app.slider(key="gradients_radius").set_value(2.0).run()
    app.slider(key="gradients_length").set_value(100).run()
    no_traceback(app)
    assert t("gradients.overflow", "en", kind="SimpleRNN") in [w.value for w in app.warning]


def test_the_map_links_every_shape_to_its_page(app: AppTest) -> None:
    links = app.get("page_link")
    assert len(links) == len(SHAPES)
    pages = [link.proto.page for link in links]
    assert pages == [Path(shape.page).stem for shape in SHAPES], pages
    assert len(app.get("plotly_chart")) == 1 + len(SHAPES)


def test_korean() -> None:
    at = open_page("ko")
    no_traceback(at)
    assert at.title[0].value == t("gradients.title", "ko")
    assert at.subheader[0].value == t("gradients.why_title", "ko")
    assert at.get("page_link")[0].proto.label == t("gradients.open", "ko", page="손으로 계산하기")
