"""The shipped models: Keras computes what the engine shows, and they learned their lesson."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.pretrained import END, catalogue, load
from tests.keras_reference import keras_model_of

KEYS = [p.key for p in catalogue()]


def test_every_model_the_app_offers_is_shipped() -> None:
    assert KEYS == ["hello", "words-simplernn", "words-lstm", "words-gru"]


@pytest.mark.parametrize("key", KEYS)
def test_shipped_model_gives_keras_numbers(key: str) -> None:
    model = load(key)
    reference = keras_model_of(model)
    ids = np.array([[0, 1, 2, 2, 3, 2, 1]]) % len(model.tokens)
    want = np.asarray(reference(np.eye(len(model.tokens), dtype=np.float32)[ids]))
    np.testing.assert_allclose(model.run(ids).output, want, rtol=1e-5, atol=2e-6)


def test_hello_model_spells_ello() -> None:
    model = load("hello")
    ids = np.array([[model.tokens.index(c) for c in "hell"]])
    predicted = "".join(model.labels[i] for i in model.run(ids).output[0].argmax(-1))
    assert predicted == "ello"


def top(model_key: str, prefix: str, k: int = 3) -> list[str]:
    model = load(model_key)
    probs = model.run(np.array([[model.tokens.index(c) for c in prefix]])).output[0, -1]
    return [model.labels[i] for i in np.argsort(probs)[::-1][:k]]


@pytest.mark.parametrize("key", [k for k in KEYS if k.startswith("words")])
def test_word_models_predict_plausible_letters(key: str) -> None:
    assert "e" in top(key, "th")
    assert "u" in top(key, "q", k=1)
    assert END in top(key, "because")
    assert "n" in top(key, "questio", k=1)


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_every_shipped_model_has_a_title_in_both_languages(lang: str) -> None:
    from rnnviz.text import t

    titles = [t(p.title_key, lang) for p in catalogue()]
    assert len(set(titles)) == len(titles) and all(titles)
