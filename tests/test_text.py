"""The catalogue is complete in both languages and every key the code asks for exists."""
from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from rnnviz.text import AREAS, CATALOGUE, LANGUAGES, t

REPO = Path(__file__).resolve().parents[1]
# tr("key" ...) anywhere, t("key", ...) as a call of its own (not print(, .get(, st.t...).
KEY_USE = re.compile(r"""(?<![\w.])(?:tr\(\s*|t\(\s*(?=["'][^"'\n]+["']\s*,))["']([^"'\n]+)["']""")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def sources() -> list[Path]:
    files = [REPO / "app.py", *(REPO / "pages").rglob("*.py"), *(REPO / "rnnviz").rglob("*.py")]
    return [path for path in files if path.is_file()]


def used_keys() -> dict[str, list[str]]:
    uses: dict[str, list[str]] = {}
    for path in sources():
        for key in KEY_USE.findall(path.read_text(encoding="utf-8")):
            uses.setdefault(key, []).append(str(path.relative_to(REPO)))
    return uses


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = CATALOGUE[key]
    assert set(entry) == set(LANGUAGES), f"{key}: languages {sorted(entry)}"
    for lang in LANGUAGES:
        assert isinstance(entry[lang], str) and entry[lang].strip(), f"{key}: empty {lang}"
    assert placeholders(entry["en"]) == placeholders(entry["ko"]), key


def test_every_key_is_named_after_its_area_and_defined_once() -> None:
    seen: dict[str, str] = {}
    for area, text in AREAS.items():
        for key in text:
            assert key.startswith(f"{area}."), f"{key} lives in rnnviz/text/{area}.py"
            assert key not in seen, f"{key} is in both {seen[key]} and {area}"
            seen[key] = area
    assert len(seen) == len(CATALOGUE)


def test_every_key_used_in_the_code_exists() -> None:
    uses = used_keys()
    missing = {key: files for key, files in uses.items() if key not in CATALOGUE}
    assert not missing, f"keys used but not in rnnviz/text: {missing}"


def test_the_scan_sees_the_shell_keys() -> None:
    assert {"common.nav_step", "common.nav_lab", "common.nav_train", "common.language"} <= set(
        used_keys()
    )


def test_t_formats_and_rejects_unknown_keys() -> None:
    assert t("common.hidden_state", "ko") == "은닉 상태"
    assert t("common.hidden_state", "en") == "hidden state"
    with pytest.raises(KeyError):
        t("common.no_such_key", "en")
    with pytest.raises(KeyError):
        t("common.hidden_state", "fr")


def test_each_language_has_a_name_in_itself() -> None:
    names = {t(f"common.lang_name_{lang}", lang) for lang in LANGUAGES}
    assert names == {"한국어", "English"}


def test_glossary_follows_the_korean_edition() -> None:
    """The book's words; where the lecture notes differ (issue 12), the notes' word, or both."""
    expected = {
        "hidden_state": "은닉 상태", "cell_state": "기억 셀", "forget_gate": "망각 게이트",
        "input_gate": "입력 게이트", "output_gate": "출력 게이트", "update_gate": "업데이트 게이트",
        "reset_gate": "리셋 게이트", "vanishing_gradient": "기울기 소실",
        "exploding_gradient": "기울기 폭발", "weight": "가중치", "bias": "편향",
        "softmax": "소프트맥스", "one_hot": "원핫", "embedding": "임베딩", "loss": "손실",
        "accuracy": "정확도", "epoch": "에폭", "perplexity": "퍼플렉서티(혼란도)",
        "optimizer": "옵티마이저",
    }
    assert {name: t(f"common.{name}", "ko") for name in expected} == expected
