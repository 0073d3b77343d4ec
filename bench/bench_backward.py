"""The numpy backward pass's speed beside TensorFlow's GradientTape, printed; asserts nothing.

- The L1 "hello" model (one-hot, SimpleRNN(3), Dense softmax, `hell` -> `ello`): the engine's
  `loss_and_gradients` (forward, loss and every gradient) against a GradientTape on the Keras
  model holding the same weights, eager and inside a `tf.function`.
- Training L1 in numpy alone: a few hundred Adam steps, their time and the word reached.
- A 100-step SimpleRNN / LSTM / GRU of 32 units (batch 1, 8 features): the engine's forward
  run and `trace.backward` against a GradientTape on the Keras layer, eager and compiled.
  The Gradients page's budget is a rerun under 150 ms for 100 steps, all three cells.
Each line also prints the largest difference between the two sides' gradients.

    python3 bench/bench_backward.py [--repeats 30]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import numpy as np  # noqa: E402

from rnnviz.engine import from_keras, loss_and_gradients  # noqa: E402
from rnnviz.lessons.presets import hello  # noqa: E402
from rnnviz.pretrained import load  # noqa: E402


def median_ms(action: Callable[[], object], repeats: int) -> float:
    action()  # warm up (tf.function traces here)
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds) * 1000


def largest_difference(ours: list[np.ndarray], theirs: list) -> float:
    return max(float(np.max(np.abs(a - np.asarray(b)))) for a, b in zip(ours, theirs))


def report(name: str, engine: float, eager: float, compiled: float, diff: float) -> None:
    print(f"  {name:30} numpy {engine:7.2f} ms | "
          f"tape eager {eager:7.1f} ms ({eager / engine:5.1f}x) | tape tf.function {compiled:6.2f} ms ({compiled / engine:5.1f}x) | "
          f"max |diff| {diff:.1e}")


def hello_model(repeats: int) -> None:
    from rnnviz.keras_runtime import tensorflow
    from tests.keras_reference import keras_model_of

    tf = tensorflow()
    lesson, model = hello(), load("hello")
    reference = keras_model_of(model)
    x = tf.constant(np.eye(len(model.tokens), dtype=np.float32)[lesson.x])
    y = tf.constant(lesson.y)

    def tape():
        with tf.GradientTape() as t:
            probs = reference(x)
            loss = -tf.reduce_sum(tf.math.log(tf.gather(probs, y, axis=-1, batch_dims=2)))
        return t.gradient(loss, reference.weights)

    compiled = tf.function(tape)
    _, ours = loss_and_gradients(model, lesson.x, lesson.y, "sum")
    report("hello (L1), summed loss",
           median_ms(lambda: loss_and_gradients(model, lesson.x, lesson.y, "sum"), repeats * 5),
           median_ms(tape, repeats), median_ms(compiled, repeats),
           largest_difference(ours, tape()))


def train_hello(steps: int = 300) -> None:
    """L1 trained from small random weights by numpy alone, as the engine's test does."""
    from rnnviz.engine import Adam, Dense, RecurrentSpec, SequenceModel, SimpleRNNCell

    lesson, rng = hello(), np.random.default_rng(0)
    tokens, units = lesson.vocab.tokens, lesson.units

    def draw(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    cell = SimpleRNNCell(draw(len(tokens), units), draw(units, units), np.zeros(units, np.float32))
    head = Dense(draw(units, len(tokens)), np.zeros(len(tokens), np.float32), "softmax")
    model = SequenceModel(tokens, lesson.labels, [RecurrentSpec(cell)], head)
    optimizer = Adam(learning_rate=lesson.learning_rate)
    first, start = None, time.perf_counter()
    for _ in range(steps):
        loss, grads = loss_and_gradients(model, lesson.x, lesson.y, "sum")
        first = loss if first is None else first
        model = model.with_weights(optimizer.step(model.weights, grads))
    seconds = time.perf_counter() - start
    spelled = "".join(lesson.labels[i] for i in model.run(lesson.x).output.argmax(-1)[0])
    print(f"  hello trained in numpy: {steps} Adam steps in {seconds * 1000:.0f} ms "
          f"({seconds / steps * 1000:.2f} ms a step), loss {first:.3f} -> {loss:.3f}, "
          f"spells {spelled!r}")


def long_layer(cell: str, repeats: int, time_steps: int = 100, units: int = 32) -> None:
    from rnnviz.keras_runtime import keras, tensorflow
    from tests.keras_reference import randomize

    tf = tensorflow()
    rng = np.random.default_rng(0)
    x = rng.standard_normal((1, time_steps, 8)).astype(np.float32)
    d = np.zeros((1, time_steps, units), np.float32)
    d[:, -1] = 1.0  # the loss looks at the last step, as on the Gradients page
    layer = getattr(keras().layers, cell)(units, return_sequences=True)
    layer.build(x.shape)
    randomize(layer, rng, scale=0.2)
    spec = from_keras(layer)
    x_t, d_t = tf.constant(x), tf.constant(d)

    def tape():
        with tf.GradientTape() as t:
            loss = tf.reduce_sum(d_t * layer(x_t))
        return t.gradient(loss, layer.weights)

    compiled = tf.function(tape)
    ours = spec.run(x).backward(d).weights
    report(f"{cell} {time_steps} steps, {units} units",
           median_ms(lambda: spec.run(x).backward(d), repeats),
           median_ms(tape, repeats), median_ms(compiled, repeats),
           largest_difference(ours, tape()))
    forward = median_ms(lambda: spec.run(x), repeats)
    trace = spec.run(x)
    backward = median_ms(lambda: trace.backward(d), repeats)
    print(f"  {'':30} (numpy forward {forward:.2f} ms + backward {backward:.2f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    from rnnviz.keras_runtime import keras

    keras()  # import TensorFlow before timing anything
    print("Backward pass: numpy engine against tf.GradientTape (median of repeats)")
    hello_model(args.repeats)
    train_hello()
    for cell in ("SimpleRNN", "LSTM", "GRU"):
        long_layer(cell, args.repeats)


if __name__ == "__main__":
    main()
