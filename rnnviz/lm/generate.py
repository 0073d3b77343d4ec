"""What a language model writes: the next word's softmax after a prompt, and sampled text.

Like the book's `RnnlmGen`, the model reads the prompt one word at a time from a fresh
hidden state, then keeps feeding back the word it picked. A temperature T divides the scores
before the softmax: T < 1 sharpens it towards the likeliest word, T > 1 flattens it.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.engine import softmax
from rnnviz.guards.problems import InputProblem
from rnnviz.lm.corpus import EOS, Corpus, tokenize
from rnnviz.lm.model import RNNLM, Snapshot

MAX_PROMPT_WORDS = 50
MAX_PROMPT_CHARS = 300  # what the prompt box accepts and `prompt_ids` reads
MAX_LENGTH = 200


@dataclass(frozen=True)
class NextWord:
    word: str
    probability: float


def prompt_ids(corpus: Corpus, prompt: str) -> list[int]:
    """The prompt's word ids, led by `<eos>` (a sentence start, as the model saw after every
    sentence; every corpus holds it). InputProblem names words the vocabulary lacks."""
    prompt = prompt[:MAX_PROMPT_CHARS]
    words = tokenize(prompt, typed=True)
    if words and words[-1] == EOS and not prompt.rstrip().endswith((".", "!", "?")):
        words = words[:-1]  # tokenize closes every sentence; an open prompt goes on
    if len(words) > MAX_PROMPT_WORDS:
        raise InputProblem("lm.problem.prompt_too_long", limit=MAX_PROMPT_WORDS)
    index = corpus.word_to_id()
    unknown = [w for w in dict.fromkeys(words) if w not in index]
    if unknown:
        raise InputProblem("lm.problem.unknown_words", words=", ".join(unknown[:8]))
    return [index[EOS]] + [index[w] for w in words]


def _read(model: RNNLM, ids: list[int]) -> np.ndarray:
    model.reset_state()
    scores = model.predict(np.array([ids]))
    return scores[0, -1]


def _probabilities(scores: np.ndarray, temperature: float) -> np.ndarray:
    """softmax(scores / T); InputProblem when the weights no longer give numbers (a run that
    diverged), since sampling from NaN cannot pick a word."""
    probs = softmax(scores.astype(np.float64) / temperature)
    if not np.all(np.isfinite(probs)):
        raise InputProblem("lm.problem.broken_weights")
    return probs


def next_words(snapshot: Snapshot, corpus: Corpus, ids: list[int], k: int,
               temperature: float = 1.0) -> list[NextWord]:
    """The k likeliest next words after `ids`, with their probabilities."""
    probs = _probabilities(_read(snapshot.model(), ids), temperature)
    top = np.argsort(-probs, kind="stable")[:k]
    return [NextWord(corpus.words[i], float(probs[i])) for i in top]


def generate(snapshot: Snapshot, ids: list[int], length: int, temperature: float,
             seed: int = 0) -> list[int]:
    """`length` word ids sampled one after another, each fed back in."""
    rng = np.random.default_rng(seed)
    model = snapshot.model()
    scores = _read(model, ids)
    out: list[int] = []
    for _ in range(min(length, MAX_LENGTH)):
        probs = _probabilities(scores, temperature)
        word = int(rng.choice(len(probs), p=probs))
        out.append(word)
        scores = model.predict(np.array([[word]]))[0, -1]
    return out


def as_text(corpus: Corpus, ids: list[int]) -> str:
    """Words joined by spaces, a line break for every `<eos>`."""
    lines, line = [], []
    for i in ids:
        word = corpus.words[i]
        if word == EOS:
            lines.append(" ".join(line))
            line = []
        else:
            line.append(word)
    if line:
        lines.append(" ".join(line))
    return "\n".join(lines)
