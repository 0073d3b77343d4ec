"""The data view reads the lesson the trainer fits, padded and masked as Keras does it."""
from __future__ import annotations

import numpy as np

from rnnviz.keras_runtime import keras
from rnnviz.lessons.data_view import data_view, notes_differences
from rnnviz.lessons.presets import TRAINABLE, five_words, sentiment


def test_five_words_are_x_5_4_9_and_y_5_over_nine_letters() -> None:
    view = data_view(five_words())
    assert view.vocabulary == tuple("heloapbyd")  # in order of first appearance
    assert view.shape == (5, 4, 9) and view.one_hot.shape == (5, 4, 9)
    assert view.target_shape == (5,)
    assert ["".join(row) for row in view.tokens] == ["hell", "appl", "lobb", "dadd", "bobb"]
    assert [names[0] for names in view.target_names] == list("oeyyy")


def test_every_one_hot_row_has_its_one_at_the_tokens_index() -> None:
    for make in TRAINABLE.values():
        lesson = make()
        view = data_view(lesson)
        assert np.all(view.one_hot.sum(axis=-1) == 1)
        np.testing.assert_array_equal(view.one_hot.argmax(axis=-1), view.ids)
        for row, tokens in zip(view.ids, view.tokens):
            assert [view.vocabulary[i] for i in row[: len(tokens)]] == list(tokens)


def test_padding_and_mask_are_keras_pad_sequences_and_embedding_mask() -> None:
    lesson = sentiment()
    view = data_view(lesson)
    sequences = [lesson.vocab.ids(word).tolist() for word in lesson.samples]
    padded = keras().utils.pad_sequences(sequences, maxlen=10, padding="post")
    np.testing.assert_array_equal(view.ids, padded)
    embedding = keras().layers.Embedding(len(lesson.vocab), 4, mask_zero=True)
    np.testing.assert_array_equal(view.mask, np.asarray(embedding.compute_mask(padded)))
    assert [len(t) for t in view.tokens] == [len(w) for w in lesson.samples]
    assert view.shape == (4, 10, len(lesson.vocab))


def test_the_notes_mistakes_in_l4_are_found_and_no_other_lesson_has_any() -> None:
    found = [(d.sample, d.step, d.letter, d.notes_letter) for d in notes_differences(five_words())]
    assert found == [("appl", 4, "l", "o"), ("bobb", 2, "o", "a"), ("bobb", 3, "b", "a")]
    lesson = five_words()
    for d in notes_differences(lesson):
        assert lesson.vocab.tokens[d.index] == d.letter
        assert lesson.vocab.tokens[d.notes_index] == d.notes_letter
    assert all(not notes_differences(make()) for key, make in TRAINABLE.items() if key != "L4")


def test_a_long_data_set_shows_its_first_rows_and_counts_all() -> None:
    lesson = five_words()
    view = data_view(lesson, limit=2)
    assert len(view.tokens) == 2 and view.shape[0] == 5
