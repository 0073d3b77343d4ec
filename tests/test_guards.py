"""The one Markdown escaper, plotly-label escaper, text cleaner, input-problem translator and
tokenizer every page uses, tested against what reads their output (a CommonMark parser, the
HTML entities plotly decodes, the lesson builders and the Step-through reader)."""
from __future__ import annotations

import html
import string

import numpy as np
import pytest
from markdown_it import MarkdownIt

from rnnviz.engine import Dense, RecurrentSpec, SequenceModel, SimpleRNNCell
from rnnviz.guards.cleaner import clean
from rnnviz.guards.labels import plotly_safe
from rnnviz.guards.markdown import literal
from rnnviz.guards.problems import InputProblem, Message, say
from rnnviz.lessons import Vocabulary
from rnnviz.lessons.tokens import tokens
from rnnviz.stepthrough import read
from rnnviz.text import CATALOGUE, LANGUAGES
from rnnviz.trainer.custom import from_text, from_words

HOSTILE = [
    "**bold** _it_ `code` $x^2$ :red[red] :material/home: ![img](http://a/b.png)",
    "[link](javascript:alert(1)) <b>tag</b> &amp; # heading | pipe | ~~strike~~",
    "> quote\n- item\n1. one\n---\n\\ backslash {brace} ==mark== @at %{x}",
    "한글 😀 🇰🇷 e\u0301",
    string.punctuation,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_markdown_literal_renders_as_the_typed_text(text: str) -> None:
    rendered = MarkdownIt("commonmark").render(literal(text)).strip()
    # One paragraph holding exactly the text (line breaks read as spaces), no other markup.
    shown = text.replace("\n", " ")
    assert rendered == f"<p>{html.escape(shown, quote=False)}</p>".replace('"', "&quot;")
    # Streamlit's own extensions (colours, icons, math) start with ':' or '$': all escaped.
    assert ":" not in literal(text).replace("\\:", "") and "$" not in literal(text).replace("\\$", "")


@pytest.mark.parametrize("text", HOSTILE + ["<end>", "50%", "$\\alpha$"])
def test_plotly_labels_hold_no_markup_template_or_math_and_decode_to_the_text(text: str) -> None:
    label = plotly_safe(text)
    assert "<" not in label and ">" not in label and "%" not in label and "$" not in label
    assert html.unescape(label) == text  # plotly turns the entities back into the characters


def test_cleaner_drops_invisible_characters_and_says_how_many() -> None:
    typed = "a\x00b\u202ec\u200bd\ufeffe\U000f0000f\u2400g\u2423h"
    cleaned = clean(typed, 100)
    assert cleaned.text == "abcdefgh" and cleaned.dropped == 7 and cleaned.cut == 0


def test_cleaner_normalises_folds_whitespace_and_cuts_at_the_limit() -> None:
    assert clean("  cafe\u0301\t\n\u00a0x  ", 100).text == "café x"
    cleaned = clean("x" * 12, 10)
    assert cleaned.text == "x" * 10 and cleaned.cut == 2
    assert (clean("\u200b", 10).text, clean("\u200b", 10).dropped) == ("", 1)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_say_escapes_text_values_and_formats_numbers(lang: str) -> None:
    problem = InputProblem("lab.err_not_in_vocabulary", chars="*x* $y$")
    shown = say(problem, lang)
    assert r"\*x\* \$y\$" in shown and "*x*" not in shown
    loss = say(Message("train.loss_value", {"loss": 0.123456}), lang)
    assert "0.1235" in loss
    assert say(problem.message, lang) == shown and problem.key == "lab.err_not_in_vocabulary"


def test_every_problem_the_lesson_builders_raise_is_in_the_catalogue() -> None:
    for make, text in [(from_words, ""), (from_text, "x" * 5000), (from_words, "a" * 2000)]:
        with pytest.raises(InputProblem) as caught:
            make(text)
        assert caught.value.key in CATALOGUE
        for lang in LANGUAGES:
            say(caught.value, lang)


TRICKY = [
    "hello world, hello you",
    "flags 🇰🇷🇯🇵 and a family 👨\u200d👩\u200d👧 and 👍🏽 and ❤️",
    "café cafe\u0301 q\u0303 한국어 안녕",
    "right\u202eto left\x00 zero\u200bwidth ␀ pad ␣ space",
]


def _model_for(vocab: Vocabulary, level: str = "char") -> SequenceModel:
    v, u = len(vocab), 2
    cell = SimpleRNNCell(np.zeros((v, u), np.float32), np.zeros((u, u), np.float32),
                         np.zeros(u, np.float32))
    return SequenceModel(tokens=vocab.tokens, labels=vocab.tokens, layers=[RecurrentSpec(cell)],
                         head=Dense(np.zeros((u, v), np.float32), np.zeros(v, np.float32)),
                         level=level)


@pytest.mark.parametrize("text", TRICKY)
def test_step_through_reads_every_token_a_model_was_trained_on(text: str) -> None:
    """One tokenizer rule: whatever text a model is trained on, typing the same text on the
    Step-through page reads every token, with the ids training used."""
    lesson = from_text(text)
    reading = read(_model_for(lesson.vocab), text, limit=10_000)
    assert not reading.unknown
    trained_ids = [i for row in lesson.x for i in row if i != 0]
    assert reading.ids[: len(trained_ids)] == trained_ids[: len(reading.ids)]
    assert len(reading.ids) == len(trained_ids) + 1  # training never reads the last character


def test_tokens_are_code_points_or_words() -> None:
    assert tokens("🇰🇷é", "char") == ["\U0001f1f0", "\U0001f1f7", "é"]
    assert tokens(" as  soon ", "word") == ["as", "soon"]
    with pytest.raises(ValueError):
        tokens("x", "grapheme")
    vocab = Vocabulary.of_words(["as soon as"])
    assert read(_model_for(vocab, "word"), "as\u200b soon").ids == [0, 1]
