"""The data view on the Train page (AppTest), in both languages."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.text import t

PAGE = str(Path(__file__).resolve().parents[1] / "pages" / "train.py")


def opened(lang: str, source: str) -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.selectbox(key="train.source").set_value(source).run()
    if lang != "en":  # the menu's names are Korean there; the choice outlives the switch
        at.session_state["lang"] = lang
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def frames(at: AppTest) -> list:
    return [frame.value for frame in at.dataframe]


def test_l4_shows_x_5_4_9_its_one_hot_rows_and_the_notes_mistakes() -> None:
    at = opened("en", "L4")
    texts = [m.value for m in at.markdown]
    assert f"**{t('data.one_hot', 'en', shape='(5, 4, 9)')}**" in texts
    assert f"**{t('data.targets', 'en', shape='(5,)')}**" in texts
    assert t("data.targets_note", "en", shape="(5, 9)") in [c.value for c in at.caption]
    vocabulary = next(f for f in frames(at) if list(f.columns) == list("heloapbyd"))
    assert vocabulary.iloc[0].tolist() == list(range(9))
    hot = next(f for f in frames(at) if f.shape == (4, 9))
    assert hot.to_numpy().argmax(axis=1).tolist() == [0, 1, 2, 2]  # h e l l
    at.selectbox(key="train.data_sample").set_value(1).run()  # appl
    hot = next(f for f in frames(at) if f.shape == (4, 9))
    assert hot.to_numpy().argmax(axis=1).tolist() == [4, 5, 5, 2]  # a p p l, l not o
    notes = next(i.value for i in at.info if i.value.startswith(t("data.notes", "en")))
    assert notes.count("\n- ") == 3


def test_l3_in_korean_shows_the_mask_and_korean_class_names() -> None:
    at = opened("ko", "L3")
    texts = [m.value for m in at.markdown]
    assert f"**{t('data.padded', 'ko')}**" in texts
    mask = next(f for f in frames(at) if f.shape == (4, 10) and "✓" in f.to_numpy())
    assert (mask.to_numpy() == "✓").sum(axis=1).tolist() == [4, 3, 5, 7]
    targets = next(f for f in frames(at) if t("data.target", "ko") in f.columns
                   and t("data.indices", "ko") in f.columns)
    assert set(targets[t("data.target", "ko")]) == {t("data.label.positive", "ko"),
                                                     t("data.label.negative", "ko")}
    assert targets[t("data.indices", "ko")].tolist() == ["1", "0", "0", "1"]


@pytest.mark.parametrize("source", ["L1", "L7", "words"])
def test_every_source_shows_its_data(source: str) -> None:
    at = opened("en", source)
    assert t("data.title", "en") in [e.label for e in at.expander]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_model_table_writes_out_l4s_144_and_81(lang: str) -> None:
    at = opened(lang, "L4")
    assert at.table[0].value.iloc[:, -1].tolist() == [144, 81]
    assert "- SimpleRNN: D·U + U·U + U = 9·8 + 8·8 + 8 = 144\n- Dense: U·K + K = 8·9 + 9 = 81" \
        in [m.value for m in at.markdown]
    assert t("params.legend", lang) in [c.value for c in at.caption]
