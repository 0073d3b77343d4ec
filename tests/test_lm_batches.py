"""Truncated BPTT's mini-batches (lesson L6) and the perplexity it reaches on the 1,000 words."""
from __future__ import annotations

import math

import numpy as np
import pytest

from rnnviz.lm.batches import batch, iterations_per_epoch, offsets
from rnnviz.lm.corpus import CORPUS_WORDS, default_corpus
from rnnviz.lm.training import LMSettings, LMTraining, perplexity


def test_offsets_of_the_book_setting() -> None:
    # L6: corpus 1,000 words, batch 10 -> jump = 999 // 10 = 99.
    assert offsets(1000, 10).tolist() == [0, 99, 198, 297, 396, 495, 594, 693, 792, 891]
    assert iterations_per_epoch(1000, 10, 5) == 19  # 999 // 50


def test_worked_example_rows_read_their_own_stream_and_wrap() -> None:
    corpus = np.arange(100, 111)  # 11 words: xs = 100..109, ts = 101..110, data size 10
    # batch 2 -> jump 10 // 2 = 5: row 0 reads from xs[0], row 1 from xs[5].
    xs, ts = batch(corpus, batch_size=2, time_size=3, time_idx=0)
    assert xs.tolist() == [[100, 101, 102], [105, 106, 107]]
    assert ts.tolist() == [[101, 102, 103], [106, 107, 108]]
    xs, ts = batch(corpus, batch_size=2, time_size=3, time_idx=3)
    # Row 1 runs past xs[9] and wraps round to xs[0] (index 10 % 10).
    assert xs.tolist() == [[103, 104, 105], [108, 109, 100]]
    assert ts.tolist() == [[104, 105, 106], [109, 110, 101]]


def test_training_walks_the_stream_across_epochs() -> None:
    corpus = np.arange(11)
    training = LMTraining(corpus, 11, LMSettings(batch_size=2, time_size=3, wordvec_size=4,
                                                 hidden_size=4))
    assert training.iterations == 1
    training.epoch()
    training.epoch()
    assert training.time_idx == 6  # the book never rewinds time_idx at an epoch's start
    xs, _ = batch(corpus, 2, 3, training.time_idx)
    assert xs.tolist() == [[6, 7, 8], [1, 2, 3]]


def test_perplexity_is_the_inverse_probability() -> None:
    assert perplexity([-math.log(0.8)]) == pytest.approx(1.25)
    assert perplexity([-math.log(0.2)]) == pytest.approx(5)
    assert perplexity([-math.log(0.5), -math.log(0.125)]) == pytest.approx(4)  # geometric mean


def test_book_settings_fall_from_hundreds_to_single_digits() -> None:
    corpus = default_corpus()
    assert corpus.size == CORPUS_WORDS
    training = LMTraining(corpus.ids, corpus.vocab_size, LMSettings())
    first_loss = training.model.forward(*batch(corpus.ids, 10, 5, 0))
    training.model.reset_state()
    # Untrained: every word about equally likely, so perplexity about the vocabulary size.
    assert math.exp(first_loss) == pytest.approx(corpus.vocab_size, rel=0.05)
    curve = [training.epoch()[1] for _ in range(100)]
    assert curve[0] > 100
    assert curve[-1] < 10
    assert curve[-1] < curve[49] < curve[9] < curve[0]
