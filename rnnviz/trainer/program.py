"""A compiled training program: one Keras model, its optimizer and a graph that runs epochs.

Building a model and tracing its train step takes about a second and leaves several MB behind
in TensorFlow's function registry, every time. A classroom presses Start and Reset hundreds of
times, so programs are pooled by shape: a new run with the same shape takes an idle program
and re-initialises its weights and optimizer state instead of building a new one.

The graph runs several epochs per call (each a loop over shuffled mini-batches with a
`GradientTape` step) and evaluates the whole training set after every epoch, so one call
costs a fraction of a millisecond per epoch instead of `model.fit`'s tens of milliseconds.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnnviz import keras_runtime
from rnnviz.keras_models import ModelConfig, build_model, initial_weights

OPTIMIZERS: tuple[str, ...] = ("Adam", "SGD", "RMSprop")


@dataclass(frozen=True)
class EpochResults:
    """Loss and accuracy on the whole training set after each epoch of a call."""

    loss: np.ndarray  # (k,)
    accuracy: np.ndarray  # (k,)
    step_accuracy: np.ndarray  # (k, T) for many-to-many, (k, 0) otherwise


class Program:
    """A model, its optimizer and the compiled graphs that train and evaluate it."""

    def __init__(self, config: ModelConfig, optimizer: str) -> None:
        tf = keras_runtime.tensorflow()
        keras = keras_runtime.keras()
        self.config = config.shape_key
        self.optimizer_name = optimizer
        self.model = build_model(config)
        self.optimizer = getattr(keras.optimizers, optimizer)(learning_rate=0.01)
        self.optimizer.build(self.model.trainable_variables)
        from_logits = config.head_activation == "linear"
        many = config.task == "many_to_many"
        t = config.timesteps
        if config.input_encoding == "one_hot":
            x_spec = tf.TensorSpec((None, t, config.vocab_size), tf.float32)
        else:
            x_spec = tf.TensorSpec((None, t), tf.int32)
        y_spec = tf.TensorSpec((None, t) if many else (None,), tf.int32)
        w_spec = tf.TensorSpec((None, t) if many else (None,), tf.float32)
        model, opt = self.model, self.optimizer
        variables = model.trainable_variables

        def losses(y: Any, w: Any, training: bool, x: Any) -> tuple[Any, Any]:
            out = model(x, training=training)
            per_item = keras.losses.sparse_categorical_crossentropy(y, out, from_logits=from_logits)
            return tf.reduce_sum(per_item * w) / tf.maximum(tf.reduce_sum(w), 1.0), out

        def evaluate(x: Any, y: Any, w: Any) -> tuple[Any, Any, Any]:
            loss, out = losses(y, w, False, x)
            hits = tf.cast(tf.equal(tf.argmax(out, axis=-1, output_type=tf.int32), y), tf.float32) * w
            accuracy = tf.reduce_sum(hits) / tf.maximum(tf.reduce_sum(w), 1.0)
            if many:
                steps = tf.reduce_sum(hits, axis=0) / tf.maximum(tf.reduce_sum(w, axis=0), 1.0)
            else:
                steps = tf.zeros((0,), tf.float32)
            return loss, accuracy, steps

        def run_epochs(x: Any, y: Any, w: Any, epochs: Any, batch: Any, shuffle: Any,
                       seed: Any, first_epoch: Any) -> tuple[Any, Any, Any]:
            n = tf.shape(y)[0]
            batches = (n + batch - 1) // batch
            loss_log = tf.TensorArray(tf.float32, size=epochs)
            acc_log = tf.TensorArray(tf.float32, size=epochs)
            step_log = tf.TensorArray(tf.float32, size=epochs, element_shape=(t if many else 0,))
            for e in tf.range(epochs):
                if shuffle:
                    noise = tf.random.stateless_uniform([n], seed=tf.stack([seed, first_epoch + e]))
                    order = tf.argsort(noise)
                else:
                    order = tf.range(n)
                for b in tf.range(batches):
                    idx = order[b * batch : (b + 1) * batch]
                    with tf.GradientTape() as tape:
                        loss, _ = losses(tf.gather(y, idx), tf.gather(w, idx), True, tf.gather(x, idx))
                    opt.apply(tape.gradient(loss, variables), variables)
                loss, accuracy, steps = evaluate(x, y, w)
                loss_log = loss_log.write(e, loss)
                acc_log = acc_log.write(e, accuracy)
                step_log = step_log.write(e, steps)
            return loss_log.stack(), acc_log.stack(), step_log.stack()

        scalar_i = tf.TensorSpec((), tf.int32)
        self._evaluate = tf.function(evaluate, input_signature=[x_spec, y_spec, w_spec])
        self._run = tf.function(run_epochs, input_signature=[
            x_spec, y_spec, w_spec, scalar_i, scalar_i, tf.TensorSpec((), tf.bool), scalar_i,
            scalar_i,
        ])

    @property
    def key(self) -> tuple[ModelConfig, str]:
        return self.config, self.optimizer_name

    def reset(self, config: ModelConfig, learning_rate: float,
              weights: list[np.ndarray] | None = None) -> None:
        """Start afresh: the config's seeded initial weights (or `weights`), a zeroed optimizer."""
        self.model.set_weights(weights if weights is not None else initial_weights(config))
        for variable in self.optimizer.variables:
            variable.assign(np.zeros(variable.shape, variable.dtype))
        self.optimizer.learning_rate.assign(learning_rate)

    def get_weights(self) -> list[np.ndarray]:
        return self.model.get_weights()

    def set_weights(self, weights: list[np.ndarray]) -> None:
        self.model.set_weights(weights)

    def evaluate(self, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> EpochResults:
        """Loss and accuracy of the current weights, as a one-epoch result."""
        loss, accuracy, steps = self._evaluate(x, y, w)
        return EpochResults(np.array([float(loss)]), np.array([float(accuracy)]),
                            np.asarray(steps)[None])

    def train(self, x: np.ndarray, y: np.ndarray, w: np.ndarray, *, epochs: int, batch_size: int,
              shuffle: bool, seed: int, first_epoch: int) -> EpochResults:
        """Run `epochs` epochs in one graph call; `first_epoch` keeps the shuffling of a run
        the same however its epochs are split into calls."""
        loss, accuracy, steps = self._run(
            x, y, w, np.int32(epochs), np.int32(batch_size), np.bool_(shuffle),
            np.int32(seed % 2**31), np.int32(first_epoch),
        )
        return EpochResults(np.asarray(loss), np.asarray(accuracy), np.asarray(steps))


class ProgramPool:
    """Idle programs by shape and optimizer, the least recently used dropped beyond a limit."""

    def __init__(self, idle_limit: int = 12) -> None:
        self._idle: OrderedDict[tuple[ModelConfig, str], list[Program]] = OrderedDict()
        self._lock = threading.Lock()
        self.idle_limit = idle_limit

    def take(self, config: ModelConfig, optimizer: str) -> Program:
        """An idle program of this shape, or a newly built one (slow: call it off the page)."""
        key = (config.shape_key, optimizer)
        with self._lock:
            free = self._idle.get(key)
            if free:
                program = free.pop()
                if not free:
                    del self._idle[key]
                return program
        return Program(config, optimizer)

    def give_back(self, program: Program) -> None:
        with self._lock:
            self._idle.setdefault(program.key, []).append(program)
            self._idle.move_to_end(program.key)
            while self.idle_count() > self.idle_limit:
                oldest = next(iter(self._idle))
                self._idle[oldest].pop(0)
                if not self._idle[oldest]:
                    del self._idle[oldest]

    def idle_count(self) -> int:
        return sum(len(v) for v in self._idle.values())


POOL = ProgramPool()
