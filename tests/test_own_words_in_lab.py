"""A model trained on a student's own words opens in the Keras lab whatever they typed: the
symbols the lab draws padding and spaces with (␀, ␣) can never be typed characters, and the
layer's one-hot columns are always the model's own vocabulary, commas included."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.engine import Dense, SequenceModel, from_keras
from rnnviz.lab.config import LabConfig
from rnnviz.lab.form import config_from_form, form_values
from rnnviz.lab.call import run_lab
from rnnviz.lab.trained import trained_config
from rnnviz.trainer.custom import from_text, from_words


def trained_on(lesson) -> SequenceModel:
    keras = keras_runtime.keras()
    vocab = len(lesson.vocab)
    layer = keras.layers.SimpleRNN(3)
    layer.build((None, None, vocab))
    rng = np.random.default_rng(0)
    layer.set_weights([rng.normal(size=w.shape).astype("float32") for w in layer.get_weights()])
    head = Dense(np.zeros((3, vocab), np.float32), np.zeros(vocab, np.float32))
    return SequenceModel(tokens=lesson.vocab.tokens, labels=lesson.labels,
                         layers=[from_keras(layer)], head=head,
                         embedding=np.eye(vocab, dtype=np.float32))


@pytest.mark.parametrize(("make", "text"), [
    (from_words, "ab␀ ba abba"),
    (from_text, "ab ba ␣ abab ␀"),
    (from_words, "␣␣ ab ␣a"),
    (from_words, "ab, ba, abba"),  # a comma is a separator in the lab's boxes
    (from_text, "ab, ba; ab ba, abab"),
])
def test_own_words_with_the_display_symbols_open_in_the_lab(make, text: str) -> None:
    lesson = make(text)
    assert not {"␀", "␣"} & set(lesson.vocab.tokens)  # the cleaner kept them out
    model = trained_on(lesson)
    config = trained_config(model, lesson.key, 5, lesson.samples, LabConfig())
    # What the page does: the config goes into the widgets and is read back from them.
    shown, _ = config_from_form(form_values(config))
    assert shown.input.characters == config.input.characters
    assert len(shown.input.characters) == len(model.tokens)
    result = run_lab(shown)
    assert result.input.x.shape[2] == len(model.tokens)
    assert result.engine_max_abs_diff < 1e-5
