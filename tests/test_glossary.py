"""The glossary is shown whole, every catalogue key is used somewhere, and no English class
name reaches a Korean page."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.text import CATALOGUE, t
from rnnviz.ui.glossary import glossary_rows, glossary_terms

REPO = Path(__file__).resolve().parents[1]
# The entries of `common` before its glossary: the app's name, navigation, the switch.
NOT_TERMS = re.compile(r"common\.(app_|tagline$|language$|lang_name_|nav_)")


def code() -> str:
    """Every Python file that can show text: the pages and the package, not the catalogue."""
    files = [REPO / "app.py", *(REPO / "pages").glob("*.py"),
             *(p for p in (REPO / "rnnviz").rglob("*.py") if "text" not in p.parts)]
    return "\n".join(path.read_text(encoding="utf-8") for path in files)


def test_every_catalogue_key_is_used() -> None:
    source = code()
    exact = set(re.findall(r"""["']([a-z_]+\.[A-Za-z0-9_.\-]+)["']""", source))
    # Keys built at run time, f"train.source.{key}": everything under the literal prefix.
    prefixes = set(re.findall(r"""f["']([a-z_]+\.[A-Za-z0-9_.\-]*)\{""", source))
    unused = [key for key in CATALOGUE
              if key not in exact and not any(key.startswith(p) for p in prefixes)]
    assert not unused


def test_every_glossary_term_has_a_definition_in_both_languages() -> None:
    terms = [key for key in CATALOGUE if key.startswith("common.") and not NOT_TERMS.match(key)]
    assert [f"common.{term}" for term in glossary_terms()] == terms
    definitions = {key for key in CATALOGUE if key.startswith("glossary.")}
    assert {f"glossary.{term}" for term in glossary_terms()} <= definitions
    for lang, other in (("ko", "en"), ("en", "ko")):
        rows = glossary_rows(lang)
        assert len(rows) == len(terms)
        hidden = next(row for row in rows if row[0] == t("common.hidden_state", lang))
        assert hidden[1] == t("common.hidden_state", other)
        assert hidden[2] == t("glossary.hidden_state", lang)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_home_page_lists_the_glossary(lang: str) -> None:
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)  # home needs the nav
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    assert t("glossary.title", lang) in [e.label for e in at.expander]
    table = next(f.value for f in at.dataframe
                 if t("glossary.col_meaning", lang) in f.value.columns)
    assert table[t("glossary.col_term", lang)].tolist() == [row[0] for row in
                                                             glossary_rows(lang)]
    assert t("common.vanishing_gradient", "ko") in table.to_numpy()


@pytest.mark.parametrize("source, english", [
    ("L3", {"negative", "positive"}), ("L7", {"grammatical", "ungrammatical"}),
])
def test_no_english_class_name_reaches_the_korean_train_page(
    source: str, english: set[str]
) -> None:
    at = AppTest.from_file(str(REPO / "pages" / "train.py"), default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.selectbox(key="train.source").set_value(source).run()
    at.session_state["lang"] = "ko"
    at.run()
    assert not at.exception
    shown = {str(cell) for frame in at.dataframe for cell in frame.value.to_numpy().ravel()}
    shown |= {m.value for m in at.markdown} | {c.value for c in at.caption}
    words = {word for text in shown for word in re.findall(r"[a-z]+", text)}
    assert not words & english
    assert t(f"data.label.{sorted(english)[0]}", "ko") in shown


@pytest.mark.parametrize("lang, other", [("ko", "en"), ("en", "ko")])
def test_the_train_page_tooltips_come_from_the_glossary(lang: str, other: str) -> None:
    at = AppTest.from_file(str(REPO / "pages" / "train.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception
    numbers = next(c.help for c in at.caption if c.value == t("train.terms", lang))
    tips = {
        numbers: ("hidden_state", "units", "stacked", "learning_rate", "epoch", "batch_size"),
        at.selectbox(key="train.opt.L1").help: ("optimizer",),
        at.segmented_control(key="train.act.L1").help: ("activation",),
    }
    for tip, terms in tips.items():
        for term in terms:
            assert f"**{t(f'common.{term}', lang)}** ({t(f'common.{term}', other)})" in tip
            assert t(f"glossary.{term}", lang) in tip
    assert t("common.optimizer", "ko") == "옵티마이저"
