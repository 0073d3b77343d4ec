"""A copied address opens the same view in a new session, on every page and in both
languages; an address with values a page cannot show gets its defaults and one warning."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.text import t

REPO = Path(__file__).resolve().parents[1]
APP = str(REPO / "app.py")
# A view on each page that differs from the page's first view in every value it sets.
VIEWS = {
    "pages/step_through.py": {"step_model": "words-lstm", "step_text": "bobby", "step_pos": 4},
    "pages/keras_lab.py": {"lab_cell": "GRU", "lab_units": 5, "lab_seq": False,
                           "lab_state": True, "lab_bi": True, "lab_merge": "sum",
                           "lab_mask": True, "lab_pad": 2},
    "pages/train.py": {"train.source": "L3", "train.cell.L3": "GRU", "train.units.L3": 12,
                       "train.lr.L3": 0.05, "train.epochs.L3": 40, "train.act.L3": "relu"},
    "pages/by_hand.py": {"byhand_example": "grammar", "byhand_sentence": 2},
    "pages/gradients.py": {"gradients_radius": 1.5, "gradients_activation": "relu",
                           "gradients_length": 30, "gradients_seed": 7},
    "pages/language_model.py": {"lm.cell": "GRU", "lm.hidden": 50, "lm.lr": 0.5,
                                "lm.clip": True},
}


def opened(page: str, query: dict[str, str]) -> AppTest:
    """A new session that opens `page` at an address holding `query`."""
    at = AppTest.from_file(APP, default_timeout=90)
    for name, value in query.items():
        at.query_params[name] = value
    at.switch_page(page).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def set_up(at: AppTest, view: dict[str, object]) -> None:
    # One value at a time, as a visitor sets them: later widgets appear after earlier ones.
    for key, value in view.items():
        at.session_state[key] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", list(VIEWS), ids=lambda p: Path(p).stem)
def test_a_copied_link_opens_the_same_view(page: str, lang: str) -> None:
    first = opened(page, {"lang": lang})
    view = VIEWS[page]
    assert any(first.session_state[key] != value for key, value in view.items()
               if key in first.session_state)
    set_up(first, view)
    shared = first.sidebar.code[0].value
    query = dict(parse_qsl(shared.split("?", 1)[1], keep_blank_values=True))
    # The whole address but the owner's token of a training run (the Train page has one).
    assert query == {k: v for k, v in first.query_params.items() if k != "run"}
    assert query["lang"] == lang
    second = opened(page, query)
    assert {key: second.session_state[key] for key in view} == view
    assert not second.warning
    assert second.session_state["lang"] == lang


BAD = {
    "pages/step_through.py": ({"model": "words-lstm", "word": "daddy", "t": "99"},
                              {"step_model": "words-lstm", "step_text": "daddy", "step_pos": 1},
                              "t=99"),
    "pages/train.py": ({"source": "L4", "units": "999", "epochs": "<b>x</b>"},
                       {"train.source": "L4", "train.units.L4": 8}, "units=999"),
    "pages/keras_lab.py": ({"cell": "Transformer", "units": "3"},
                           {"lab_units": 3}, "cell=Transformer"),
    "pages/gradients.py": ({"radius": "nan", "length": "30"},
                           {"gradients_radius": 1.0, "gradients_length": 30}, "radius=nan"),
}


@pytest.mark.parametrize("lang", ["en", "ko"])
@pytest.mark.parametrize("page", list(BAD), ids=lambda p: Path(p).stem)
def test_values_a_page_cannot_show_get_its_default_and_one_warning(page: str, lang: str) -> None:
    query, state, quoted = BAD[page]
    at = opened(page, {"lang": lang, **query})
    assert {key: at.session_state[key] for key in state} == state
    warnings = [w.value for w in at.warning]
    assert len(warnings) == 1, warnings
    assert quoted in warnings[0].replace("\\", "")
    assert warnings[0].startswith(t("links.refused", lang, values="")[:12])
    # The warning is said once: the next run keeps the view and stops warning.
    at.run()
    assert not at.warning and not at.exception


def test_a_huge_hostile_word_is_refused_without_a_traceback() -> None:
    at = opened("pages/step_through.py", {"lang": "en", "word": "<script>" * 200, "t": "2"})
    assert at.session_state["step_text"] == "hell" and at.session_state["step_pos"] == 2
    assert len(at.warning) == 1
    # The quoted value is escaped: no markup of the link's reaches the page.
    assert "word\\=\\<script\\>" in at.warning[0].value


def test_a_link_that_names_only_a_word_keeps_it_on_the_first_model() -> None:
    at = opened("pages/step_through.py", {"lang": "ko", "word": "ole"})
    assert at.session_state["step_model"] == "hello"
    assert at.session_state["step_text"] == "ole" and not at.warning


def test_the_copied_link_never_holds_a_training_runs_owner_token() -> None:
    from rnnviz.ui import address, shared_run

    assert shared_run.OWNER_PARAM in address.PRIVATE
    assert {shared_run.OWNER_PARAM, shared_run.WATCH_PARAM} <= set(address.OWNED)
    at = opened("pages/train.py", {"lang": "en", "run": "secret-owner-token"})
    assert "secret-owner-token" not in at.sidebar.code[0].value
