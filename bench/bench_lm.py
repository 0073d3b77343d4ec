"""The numpy RNNLM on the book's settings beside the same model in Keras; prints, never asserts.

    python3 bench/bench_lm.py

Book settings (chapter 5): the 1,000-word corpus, batch 10, time size 5, word vectors 100,
hidden 100, SGD at 0.1, 100 epochs of 19 iterations. Prints words (tokens) per second of
- the numpy RNNLM (float32 and float64), and the wall clock of 100 epochs with the perplexity
  at epochs 1, 10, 50 and 100; the LSTM and GRU variants at the book's chapter 5 learning rate
  and at 5 with clipping at 0.25 (closer to chapter 6's 20 and 0.25);
- a background run as the page starts it (rnnviz.lm.background_run.LMRun, the shared slot
  cap included);
- Keras: Embedding + SimpleRNN(stateful) + Dense with `model.fit` on the same batches in the
  same order (shuffle off), and a compiled `tf.function` GradientTape step carrying h.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rnnviz import keras_runtime  # noqa: E402
from rnnviz.lm.batches import batch  # noqa: E402
from rnnviz.lm.corpus import default_corpus  # noqa: E402
from rnnviz.lm.background_run import LMRun  # noqa: E402
from rnnviz.lm.training import LMSettings, LMTraining, one_blas_thread  # noqa: E402

EPOCHS = 100
KERAS_EPOCHS = 10


def numpy_rate(dtype: type, settings: LMSettings = LMSettings(epochs=EPOCHS)
               ) -> tuple[float, float, list[float]]:
    """(words/s, seconds for EPOCHS epochs, perplexity per epoch)."""
    corpus = default_corpus()
    training = LMTraining(corpus.ids, corpus.vocab_size, settings, dtype)
    began = time.perf_counter()
    curve = [training.epoch()[1] for _ in range(EPOCHS)]
    seconds = time.perf_counter() - began
    words = EPOCHS * training.iterations * training.tokens_per_iteration
    return words / seconds, seconds, curve


def background_run() -> tuple[float, float, float]:
    """(wall seconds, words/s the page shows, final perplexity) of a page-style run."""
    corpus = default_corpus()
    began = time.perf_counter()
    run = LMRun(corpus, LMSettings(epochs=EPOCHS))
    run.join()
    wall = time.perf_counter() - began
    status = run.status()
    run.close()
    return wall, status.tokens_per_second, status.perplexity


def epoch_batches(corpus: np.ndarray, settings: LMSettings, iterations: int) -> tuple:
    """One epoch's batches stacked in training order: rows k*B..k*B+B-1 are batch k, so a
    stateful Keras layer fed them in order with shuffle off carries h exactly as the book."""
    xs, ts = zip(*(batch(corpus, settings.batch_size, settings.time_size,
                         k * settings.time_size) for k in range(iterations)))
    return np.concatenate(xs), np.concatenate(ts)


def keras_model(vocab: int, settings: LMSettings):
    keras = keras_runtime.keras()
    model = keras.Sequential([
        keras.Input((settings.time_size,), batch_size=settings.batch_size, dtype="int32"),
        keras.layers.Embedding(vocab, settings.wordvec_size),
        keras.layers.SimpleRNN(settings.hidden_size, return_sequences=True, stateful=True),
        keras.layers.Dense(vocab),
    ])
    model.compile(optimizer=keras.optimizers.SGD(settings.learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    return model


def keras_fit_rate() -> tuple[float, float]:
    """(words/s, perplexity after KERAS_EPOCHS) of `model.fit` over the same batches."""
    corpus, settings = default_corpus(), LMSettings()
    iterations = LMTraining(corpus.ids, corpus.vocab_size, settings).iterations
    x, t = epoch_batches(corpus.ids, settings, iterations)
    model = keras_model(corpus.vocab_size, settings)
    model.fit(x, t, batch_size=settings.batch_size, epochs=1, shuffle=False, verbose=0)
    began = time.perf_counter()
    history = model.fit(x, t, batch_size=settings.batch_size, epochs=KERAS_EPOCHS,
                        shuffle=False, verbose=0)
    seconds = time.perf_counter() - began
    words = KERAS_EPOCHS * x.size
    return words / seconds, float(np.exp(history.history["loss"][-1]))


def keras_tape_rate() -> tuple[float, float]:
    """(words/s, perplexity of the last epoch) of a compiled GradientTape step carrying h."""
    tf = keras_runtime.tensorflow()
    keras = keras_runtime.keras()
    corpus, settings = default_corpus(), LMSettings()
    B, T, H = settings.batch_size, settings.time_size, settings.hidden_size
    embed = keras.layers.Embedding(corpus.vocab_size, settings.wordvec_size)
    rnn = keras.layers.SimpleRNN(H, return_sequences=True, return_state=True)
    dense = keras.layers.Dense(corpus.vocab_size)
    seq, _ = rnn(embed(tf.zeros((B, T), tf.int32)))
    dense(seq)
    variables = [*embed.trainable_variables, *rnn.trainable_variables,
                 *dense.trainable_variables]
    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    optimizer = keras.optimizers.SGD(settings.learning_rate)
    optimizer.build(variables)

    @tf.function(input_signature=[tf.TensorSpec((B, T), tf.int32), tf.TensorSpec((B, T), tf.int32),
                                  tf.TensorSpec((B, H), tf.float32)])
    def step(x, t, h):
        with tf.GradientTape() as tape:
            out, h_last = rnn(embed(x), initial_state=[h])
            loss = loss_fn(t, dense(out))
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        return loss, h_last

    training = LMTraining(corpus.ids, corpus.vocab_size, settings)
    batches = [tuple(tf.constant(a, tf.int32) for a in batch(corpus.ids, B, T, k * T))
               for k in range(training.iterations)]
    h = tf.zeros((B, H))
    step(*batches[0], h)  # trace once
    began = time.perf_counter()
    for _ in range(KERAS_EPOCHS):
        losses = []
        for x, t in batches:
            loss, h = step(x, t, h)
            losses.append(loss)
    seconds = time.perf_counter() - began
    words = KERAS_EPOCHS * len(batches) * B * T
    return words / seconds, float(np.exp(np.mean([float(v) for v in losses])))


def main() -> None:
    one_blas_thread()
    corpus = default_corpus()
    print(f"corpus: {corpus.size} words of pydoc_data.topics, vocabulary {corpus.vocab_size}")
    print(f"book settings: {LMSettings()}\n")
    for dtype in (np.float32, np.float64):
        rate, seconds, curve = numpy_rate(dtype)
        marks = ", ".join(f"{e}: {curve[e - 1]:.1f}" for e in (1, 10, 50, 100))
        print(f"numpy RNNLM {np.dtype(dtype).name}: {rate:10,.0f} words/s; {EPOCHS} epochs in "
              f"{seconds:.2f} s; perplexity by epoch {marks}")
    for cell in ("LSTM", "GRU"):
        for lr, clip in ((0.1, None), (5.0, 0.25)):
            rate, seconds, curve = numpy_rate(np.float32, LMSettings(
                cell=cell, learning_rate=lr, max_grad=clip, epochs=EPOCHS))
            marks = ", ".join(f"{e}: {curve[e - 1]:.1f}" for e in (1, 10, 50, 100))
            print(f"numpy {cell} lr {lr} clip {clip}: {rate:10,.0f} words/s; {EPOCHS} epochs "
                  f"in {seconds:.2f} s; perplexity by epoch {marks}")
    wall, shown, final = background_run()
    print(f"page-style background run: {EPOCHS} epochs in {wall:.2f} s wall clock, "
          f"page shows {shown:,.0f} words/s, final perplexity {final:.2f}")
    began = time.perf_counter()
    keras_runtime.keras()
    print(f"\n(TensorFlow import {time.perf_counter() - began:.1f} s)")
    fit_rate, fit_ppl = keras_fit_rate()
    print(f"Keras model.fit (stateful SimpleRNN): {fit_rate:10,.0f} words/s "
          f"(perplexity {fit_ppl:.1f} after {KERAS_EPOCHS + 1} epochs)")
    tape_rate, tape_ppl = keras_tape_rate()
    print(f"Keras tf.function GradientTape step:  {tape_rate:10,.0f} words/s "
          f"(perplexity {tape_ppl:.1f} in epoch {KERAS_EPOCHS + 1})")
    numpy32, _, _ = numpy_rate(np.float32)
    print(f"\nnumpy float32 / model.fit: {numpy32 / fit_rate:.1f}x; "
          f"numpy float32 / GradientTape: {numpy32 / tape_rate:.1f}x")


if __name__ == "__main__":
    main()
