"""The language model's corpus, tokeniser, limits, and what a model writes."""
from __future__ import annotations

import math

import numpy as np
import pytest

from rnnviz.guards.problems import InputProblem
from rnnviz.lm.corpus import EOS, MAX_CHARS, build, default_corpus, from_text, tokenize
from rnnviz.lm.generate import as_text, generate, next_words, prompt_ids
from rnnviz.lm.model import Snapshot, init_params


def test_tokenize_lowercases_drops_punctuation_and_ends_sentences() -> None:
    text = "The cat sat. Did it?\n\nYes, it did!\n   code = 1\n*****\nEnd"
    assert tokenize(text) == ["the", "cat", "sat", EOS, "did", "it", EOS, "yes", "it", "did",
                              EOS, "end", EOS]
    # Indented lines are code in the documentation, prose in a pasted text.
    assert "code" in tokenize(text, typed=True)
    # Typed text is cleaned first: a zero-width space or a NUL does not split a word.
    assert tokenize("wo\u200brd a\x00b\n\nnext", typed=True) == ["word", "ab", EOS, "next", EOS]


def test_default_corpus_is_the_first_thousand_words_of_pydoc_topics() -> None:
    from pydoc_data.topics import topics

    corpus = default_corpus()
    assert corpus.size == 1000
    first = sorted(topics)[0]
    assert corpus.tokens()[:len(tokenize(topics[first]))] == tokenize(topics[first])[:1000]
    # Ids in first-seen order, as the book's preprocess numbers them.
    assert corpus.ids[0] == 0 and max(corpus.ids[:50]) < 50
    assert corpus.vocab_size == len(set(corpus.tokens()))


def test_from_text_limits() -> None:
    with pytest.raises(InputProblem) as problem:
        from_text("x" * (MAX_CHARS + 1))
    assert problem.value.key == "lm.problem.too_many_chars"
    with pytest.raises(InputProblem) as problem:
        from_text("")
    assert problem.value.key == "lm.problem.too_short"
    corpus = from_text("한국어 문장도 됩니다. " * 40)
    assert corpus.words == ("한국어", "문장도", "됩니다", EOS) and corpus.size == 160


def test_prompt_ids_start_a_sentence_and_name_unknown_words() -> None:
    corpus = build(["a", "b", EOS, "b", "c", EOS])
    assert prompt_ids(corpus, "A b") == [2, 0, 1]
    assert prompt_ids(corpus, "") == [2]
    with pytest.raises(InputProblem) as problem:
        prompt_ids(corpus, "a zz b yy zz")
    assert problem.value.values == {"words": "zz, yy"}


def test_next_words_is_the_softmax_of_the_scores_at_temperature() -> None:
    corpus = build(["a", "b", EOS, "b", "c", EOS])
    snapshot = Snapshot(0, "SimpleRNN", init_params(4, 3, 5, seed=2, dtype=np.float64))
    model = snapshot.model()
    scores = model.predict(np.array([[2, 0]]))[0, -1]
    for temperature in (1.0, 0.5):
        found = next_words(snapshot, corpus, [2, 0], k=4, temperature=temperature)
        e = np.exp(scores / temperature)
        want = dict(zip(corpus.words, e / e.sum()))
        assert [f.probability for f in found] == pytest.approx(sorted(want.values(),
                                                                      reverse=True))
        for f in found:
            assert f.probability == pytest.approx(want[f.word])
    assert math.fsum(f.probability for f in found) == pytest.approx(1)


def test_generate_is_reproducible_and_low_temperature_is_greedy() -> None:
    corpus = default_corpus()
    snapshot = Snapshot(0, "SimpleRNN", init_params(corpus.vocab_size, 8, 8, seed=1))
    ids = prompt_ids(corpus, "the")
    assert generate(snapshot, ids, 10, 1.0, seed=3) == generate(snapshot, ids, 10, 1.0, seed=3)
    greedy = generate(snapshot, ids, 1, 0.001, seed=0)
    assert corpus.words[greedy[0]] == next_words(snapshot, corpus, ids, 1)[0].word
    assert as_text(corpus, prompt_ids(corpus, "the assert.")) == "\nthe assert"


def test_weights_that_give_no_numbers_are_a_problem_not_a_crash() -> None:
    corpus = build(["a", "b", EOS])
    params = init_params(3, 2, 2, seed=0)
    params[4][...] = np.nan
    snapshot = Snapshot(1, "SimpleRNN", params)
    for write in (lambda: generate(snapshot, [2, 0], 3, 1.0),
                  lambda: next_words(snapshot, corpus, [2, 0], 2)):
        with pytest.raises(InputProblem) as problem:
            write()
        assert problem.value.key == "lm.problem.broken_weights"
