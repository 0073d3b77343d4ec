"""Train the small models the app opens with and write them to rnnviz/pretrained/.

    python3 scripts/train_pretrained.py            # all of them
    python3 scripts/train_pretrained.py hello      # just one

Reproducible: fixed seeds, data from packages that work offline (the L1 lesson's `hello`, and
the frequency-ranked English word list that `wordfreq` ships, CC BY-SA 4.0). The models are
stored in the engine's numpy format, so the app needs no TensorFlow to show them.
"""
from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rnnviz import engine, keras_runtime  # noqa: E402
from rnnviz.cells import NAMES  # noqa: E402
from rnnviz.lessons import Vocabulary, hello  # noqa: E402
from rnnviz.pretrained import END, LETTERS, OUT_DIR, words_key  # noqa: E402

WORDS = 20000
MAX_LEN = 12
UNITS = 32


def english_words() -> list[str]:
    """The most frequent English words of 2 to 12 plain letters, most frequent first."""
    from wordfreq import top_n_list

    pattern = re.compile(f"^[a-z]{{2,{MAX_LEN}}}$")
    return [w for w in top_n_list("en", 4 * WORDS) if pattern.match(w)][:WORDS]


def train_hello() -> engine.SequenceModel:
    """L1: SimpleRNN(3) reads `hell` one-hot and must spell `ello`."""
    keras = keras_runtime.keras()
    keras.utils.set_random_seed(1)
    lesson = hello()
    size = len(lesson.vocab)
    model = keras.Sequential([
        keras.Input(shape=(None, size)),
        keras.layers.SimpleRNN(lesson.units, return_sequences=True),
        keras.layers.Dense(size, activation="softmax"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(0.05), loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    x = lesson.vocab.one_hot(lesson.x)
    model.fit(x, lesson.y, epochs=300, verbose=0)
    meta = {"lesson": "L1", "data": "hell -> ello", "epochs": 300}
    return engine.from_keras_model(model, lesson.vocab.tokens, lesson.labels, meta=meta)


def word_data(words: list[str], vocab: Vocabulary) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inputs: the word's letters one-hot, zero rows after its end. Targets: the next letter,
    `<end>` after the last one. Weights: 1 on real steps, 0 on padding."""
    x = np.zeros((len(words), MAX_LEN), np.int64) - 1
    y = np.zeros((len(words), MAX_LEN), np.int64)
    w = np.zeros((len(words), MAX_LEN), np.float32)
    for row, word in enumerate(words):
        ids = vocab.ids(word)
        x[row, : len(word)] = ids
        y[row, : len(word) - 1] = ids[1:]
        y[row, len(word) - 1] = len(vocab)  # <end>
        w[row, : len(word)] = 1.0
    return vocab.one_hot(x), y, w


def train_words(cell: str, words: list[str]) -> engine.SequenceModel:
    """A next-letter model of English words with the given cell type."""
    keras = keras_runtime.keras()
    keras.utils.set_random_seed(7)
    vocab = Vocabulary(LETTERS)
    x, y, w = word_data(words, vocab)
    model = keras.Sequential([
        keras.Input(shape=(None, len(vocab))),
        getattr(keras.layers, cell)(UNITS, return_sequences=True),
        keras.layers.Dense(len(vocab) + 1, activation="softmax"),
    ])
    model.compile(
        optimizer=keras.optimizers.Adam(0.01), loss="sparse_categorical_crossentropy",
        weighted_metrics=["accuracy"],
    )
    epochs = 12
    history = model.fit(x, y, sample_weight=w, batch_size=128, epochs=epochs, verbose=0)
    meta = {
        "data": f"{len(words)} most frequent English words (wordfreq)", "epochs": epochs,
        "loss": round(float(history.history["loss"][-1]), 4),
        "accuracy": round(float(history.history["accuracy"][-1]), 4),
    }
    return engine.from_keras_model(model, vocab.tokens, LETTERS + (END,), meta=meta)


def main(names: list[str]) -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    jobs = {"hello": train_hello}
    words = None
    for cell in NAMES:
        def job(cell: str = cell) -> engine.SequenceModel:
            nonlocal words
            words = words or english_words()
            return train_words(cell, words)
        jobs[words_key(cell)] = job
    for name in names or list(jobs):
        start = time.perf_counter()
        model = jobs[name]()
        engine.save(model, OUT_DIR / f"{name}.npz")
        print(f"{name}: {time.perf_counter() - start:.1f} s, {model.meta}")


if __name__ == "__main__":
    main(sys.argv[1:])
