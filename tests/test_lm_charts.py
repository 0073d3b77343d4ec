"""The language-model figures show the numbers the model and the batches hold."""
from __future__ import annotations

import numpy as np

from rnnviz.charts.lm import batch_strip_figure, next_word_figure, perplexity_figure
from rnnviz.guards.labels import plotly_safe
from rnnviz.lm.batches import batch, positions
from rnnviz.lm.corpus import default_corpus


def test_strip_windows_are_the_batch_the_model_reads() -> None:
    corpus = default_corpus()
    words = corpus.tokens()
    time_idx = 7 * 95 + 35  # epoch 8, iteration 8: rows have drifted past their offsets
    figure = batch_strip_figure(words, 10, 5, time_idx, "t", "x", "row")
    windows = [tr for tr in figure.data if tr.mode == "markers"]
    ticks = [tr for tr in figure.data if tr.mode == "markers+text"]
    xs, _ = batch(corpus.ids, 10, 5, time_idx)
    assert [list(tr.x) for tr in windows] == positions(1000, 10, 5, time_idx).tolist()
    assert [list(tr.text) for tr in windows] == [[plotly_safe(corpus.words[i]) for i in row]
                                                 for row in xs]
    assert any("&lt;eos&gt;" in tr.text for tr in windows)  # plotly would drop a bare <eos>
    assert [tr.x[0] for tr in ticks] == [0, 99, 198, 297, 396, 495, 594, 693, 792, 891]
    # Grey: this epoch's 95 positions of each row, from offset + 7 * 95, split where it wraps.
    grey = [tr for tr in figure.data if tr.mode == "lines"]
    starts = [round(tr.x[0]) for tr in grey]
    assert 665 in starts and (891 + 665) % 999 in starts and 0 in starts
    assert sum(round(tr.x[1] - tr.x[0]) for tr in grey) == 10 * 95


def test_perplexity_curves_one_per_cell() -> None:
    curves = {"SimpleRNN": np.array([300.0, 200, 100]), "LSTM": np.array([310.0, np.inf])}
    figure = perplexity_figure(curves, 100, "t", "x", "y")
    assert [tr.name for tr in figure.data] == ["SimpleRNN", "LSTM"]
    np.testing.assert_array_equal(figure.data[0].y, [300, 200, 100])
    assert np.isnan(figure.data[1].y[1])  # a diverged epoch is a gap, not a wall
    assert figure.layout.showlegend is True
    assert perplexity_figure({"GRU": np.ones(2)}, 5, "t", "x", "y").layout.showlegend is False


def test_next_word_bars_likeliest_on_top() -> None:
    figure = next_word_figure(["a", "<eos>"], [0.7, 0.2], "t", "x")
    assert list(figure.data[0].x) == [0.2, 0.7]
    assert list(figure.data[0].y) == ["&lt;eos&gt; ", "a "]
    assert list(figure.data[0].text) == ["20.0%", "70.0%"]
