"""The language model's corpus: word ids, the vocabulary, and the limits on a pasted text.

The book trains on the first 1,000 words of Penn Treebank, which cannot ship with the app.
Its stand-in is the first 1,000 words of Python's own documentation topics
(`pydoc_data.topics`, PSF-licensed, installed with every Python), read topic by topic in
alphabetical order.

Tokenising follows what the book's PTB files already are: lowercase words with punctuation
removed, one sentence a line, each line end read as the word `<eos>` (`ptb.py` replaces
'\\n' with ' <eos> '). Here a sentence ends at '.', '!' or '?' before a space, and at the
end of a paragraph. The documentation's code examples (indented lines) and heading
underlines are not prose, so they are left out, as Penn Treebank holds only sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np

from rnnviz.guards.cleaner import clean
from rnnviz.guards.problems import InputProblem

EOS = "<eos>"
CORPUS_WORDS = 1000
MIN_WORDS = 100
MAX_WORDS = 5000
MAX_VOCABULARY = 1500
MAX_CHARS = 40_000

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+")
_UNDERLINE = re.compile(r"^[*=\-~^#]{3,}$")


@dataclass(frozen=True)
class Corpus:
    """Word ids in reading order and the vocabulary they index (ids in first-seen order,
    as the book's `preprocess` numbers them)."""

    ids: np.ndarray  # (n,) int
    words: tuple[str, ...]  # id -> word

    @property
    def size(self) -> int:
        return len(self.ids)

    @property
    def vocab_size(self) -> int:
        return len(self.words)

    def word_to_id(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.words)}

    def tokens(self) -> list[str]:
        """The corpus as words, in reading order."""
        return [self.words[i] for i in self.ids]

    def text(self, ids: np.ndarray | list[int]) -> str:
        return " ".join(self.words[int(i)] for i in ids)


def _prose_lines(text: str) -> list[str]:
    """Paragraphs of prose, one string each: code blocks and underlines dropped."""
    paragraphs, current = [], []
    for line in text.replace("\r\n", "\n").split("\n"):
        if not line.strip() or line[:1].isspace() or _UNDERLINE.match(line.strip()):
            if current:
                paragraphs.append(" ".join(current))
                current = []
            continue
        current.append(line.strip())
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def tokenize(text: str, typed: bool = False) -> list[str]:
    """Lowercase words, `<eos>` after every sentence; see the module docstring.

    `typed` is for what a visitor pasted or typed: each line goes through the shared cleaner
    (no invisible characters splitting or joining words) with its line break kept, since a
    blank line ends a paragraph, and indented lines count as prose (a poem, a list), whereas
    the documentation's indented lines are code."""
    if typed:
        text = "\n".join(clean(line, len(line)).text for line in text.split("\n"))
    words: list[str] = []
    for paragraph in _prose_lines(text):
        for sentence in _SENTENCE_END.split(paragraph):
            found = _WORD.findall(sentence.lower())
            if found:
                words.extend(found)
                words.append(EOS)
    return words


def build(words: list[str]) -> Corpus:
    ids: dict[str, int] = {}
    for w in words:
        ids.setdefault(w, len(ids))
    return Corpus(np.array([ids[w] for w in words], dtype=np.int64), tuple(ids))


@cache
def default_corpus(size: int = CORPUS_WORDS) -> Corpus:
    """The first `size` words of `pydoc_data.topics` (the book's 1,000-word setting)."""
    from pydoc_data.topics import topics

    words: list[str] = []
    for key in sorted(topics):
        words.extend(tokenize(topics[key]))
        if len(words) >= size:
            break
    return build(words[:size])


def from_text(text: str) -> Corpus:
    """A pasted text as a corpus, or InputProblem saying why it will not do."""
    if len(text) > MAX_CHARS:
        raise InputProblem("lm.problem.too_many_chars", limit=MAX_CHARS, count=len(text))
    words = tokenize(text, typed=True)
    if len(words) < MIN_WORDS:
        raise InputProblem("lm.problem.too_short", minimum=MIN_WORDS, count=len(words))
    if len(words) > MAX_WORDS:
        raise InputProblem("lm.problem.too_long", limit=MAX_WORDS, count=len(words))
    corpus = build(words)
    if corpus.vocab_size > MAX_VOCABULARY:
        raise InputProblem("lm.problem.too_many_words", limit=MAX_VOCABULARY,
                            count=corpus.vocab_size)
    return corpus
