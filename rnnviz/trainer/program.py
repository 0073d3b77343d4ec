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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from rnnviz import keras_runtime
from rnnviz.keras_models import ModelConfig, build_model, initial_weights

OPTIMIZERS: tuple[str, ...] = ("Adam", "SGD", "RMSprop")


@dataclass(frozen=True)
class EpochResults:
    """Loss and accuracy on the whole training set after each epoch of a call. When the
    call `diverged`, its last epoch is the bad one and the model holds the weights of the
    epoch before it."""

    loss: np.ndarray  # (k,)
    accuracy: np.ndarray  # (k,)
    step_accuracy: np.ndarray  # (k, T) for many-to-many, (k, 0) otherwise
    diverged: bool = False

    @classmethod
    def unpack(cls, rows: Any, diverged: Any = False) -> "EpochResults":
        rows = np.asarray(rows)
        return cls(rows[:, 0], rows[:, 1], rows[:, 2:], bool(diverged))


# TensorFlow's default executor hands each ready op to its inter-op thread pool. A lesson's
# graph is hundreds of tiny ops an epoch, so on a busy machine every hand-over waits for the
# OS to schedule another thread: first runs on a fresh, busy server crawled at 1 to 60
# epochs a second. The single-threaded executor runs every op on the calling thread
# (measured under load on L4: 2,400 epochs/s against 290), and two runs still use two cores.
EXECUTOR = "SINGLE_THREADED_EXECUTOR"
# A graph call on that executor keeps one inter-op pool thread waiting for its loop body; with
# every pool thread so held, no body can run and all calls wait forever. At most one call fewer
# than the pool has threads runs at once (two training slots and the warm-up need three).
_GRAPH_CALLS = threading.BoundedSemaphore(keras_runtime.INTER_OP_THREADS - 1)


@contextmanager
def _on_this_thread() -> Iterator[None]:
    with _GRAPH_CALLS, keras_runtime.tensorflow().experimental.function_executor_type(EXECUTOR):
        yield


class Program:
    """A model, its optimizer and the compiled graphs that train and evaluate it.

    Every call from Python into TensorFlow has to win back the GIL, which takes up to a
    switch interval (5 ms) while a page thread is busy drawing charts; so one graph call does
    a whole chunk of epochs, keeps the last good weights in shadow variables itself, and
    returns everything packed in one tensor. Every call runs on `EXECUTOR`.
    """

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
        weights = model.weights
        shadow = [tf.Variable(v, trainable=False) for v in weights]

        def keep_good() -> None:
            for good, current in zip(shadow, weights):
                good.assign(current)

        def restore_good() -> None:
            for good, current in zip(shadow, weights):
                current.assign(good)

        def losses(y: Any, w: Any, training: bool, x: Any) -> tuple[Any, Any]:
            out = model(x, training=training)
            per_item = keras.losses.sparse_categorical_crossentropy(y, out, from_logits=from_logits)
            return tf.reduce_sum(per_item * w) / tf.maximum(tf.reduce_sum(w), 1.0), out

        def evaluate(x: Any, y: Any, w: Any) -> Any:
            """One row: loss, accuracy, then accuracy per timestep (many-to-many)."""
            loss, out = losses(y, w, False, x)
            hits = tf.cast(tf.equal(tf.argmax(out, axis=-1, output_type=tf.int32), y), tf.float32) * w
            accuracy = tf.reduce_sum(hits) / tf.maximum(tf.reduce_sum(w), 1.0)
            if many:
                steps = tf.reduce_sum(hits, axis=0) / tf.maximum(tf.reduce_sum(w, axis=0), 1.0)
            else:
                steps = tf.zeros((0,), tf.float32)
            return tf.concat([tf.stack([loss, accuracy]), steps], axis=0)

        def run_epochs(x: Any, y: Any, w: Any, params: Any, limit: Any) -> tuple[Any, Any]:
            epochs, batch, shuffle, seed, first_epoch = tf.unstack(params)
            n = tf.shape(y)[0]
            batches = (n + batch - 1) // batch
            log = tf.TensorArray(tf.float32, size=0, dynamic_size=True,
                                 element_shape=(2 + (t if many else 0),))
            diverged = tf.constant(False)
            keep_good()
            for e in tf.range(epochs):
                if shuffle > 0:
                    noise = tf.random.stateless_uniform([n], seed=tf.stack([seed, first_epoch + e]))
                    order = tf.argsort(noise)
                else:
                    order = tf.range(n)
                for b in tf.range(batches):
                    idx = order[b * batch : (b + 1) * batch]
                    with tf.GradientTape() as tape:
                        loss, _ = losses(tf.gather(y, idx), tf.gather(w, idx), True, tf.gather(x, idx))
                    opt.apply(tape.gradient(loss, variables), variables)
                row = evaluate(x, y, w)
                log = log.write(e, row)
                if tf.math.is_finite(row[0]) and row[0] <= limit:
                    keep_good()
                else:
                    restore_good()
                    diverged = tf.constant(True)
                    break
            return log.stack(), diverged

        state = [*weights, *opt.variables]

        def assign_all(values: list[Any]) -> None:
            for variable, value in zip(state, values):
                variable.assign(value)

        self._state = state
        self._assign = tf.function(assign_all, input_signature=[
            [tf.TensorSpec(v.shape, v.dtype) for v in state]
        ])
        self._evaluate = tf.function(evaluate, input_signature=[x_spec, y_spec, w_spec])
        self._run = tf.function(run_epochs, input_signature=[
            x_spec, y_spec, w_spec, tf.TensorSpec((5,), tf.int32), tf.TensorSpec((), tf.float32),
        ])

    @property
    def key(self) -> tuple[ModelConfig, str]:
        return self.config, self.optimizer_name

    def reset(self, config: ModelConfig, learning_rate: float,
              weights: list[np.ndarray] | None = None) -> None:
        """Start afresh: the config's seeded initial weights (or `weights`), a zeroed optimizer."""
        values = list(weights if weights is not None else initial_weights(config))
        for variable in self.optimizer.variables:
            value = learning_rate if variable.path.endswith("learning_rate") else 0
            values.append(np.full(variable.shape, value, variable.dtype))
        with _on_this_thread():
            self._assign(values)  # one call: each eager assign would wait for the GIL alone

    def data(self, x: np.ndarray, y: np.ndarray, w: np.ndarray) -> tuple[Any, Any, Any]:
        """The training set as tensors, converted once per run rather than once per call."""
        tf = keras_runtime.tensorflow()
        return tf.constant(x), tf.constant(y, tf.int32), tf.constant(w, tf.float32)

    def evaluate(self, data: tuple[Any, Any, Any]) -> EpochResults:
        """Loss and accuracy of the current weights, as a one-epoch result."""
        with _on_this_thread():
            return EpochResults.unpack(self._evaluate(*data)[None])

    def train(self, data: tuple[Any, Any, Any], *, epochs: int, batch_size: int, shuffle: bool,
              seed: int, first_epoch: int, limit: float) -> EpochResults:
        """Up to `epochs` epochs in one graph call, stopping after the first epoch whose loss is
        not finite or above `limit` (and then restoring the weights of the epoch before it).
        `first_epoch` keeps the shuffling of a run the same however it is split into calls."""
        params = np.array([epochs, batch_size, int(shuffle), seed % 2**31, first_epoch], np.int32)
        with _on_this_thread():
            rows, diverged = self._run(*data, params, np.float32(min(limit, 3e38)))
            return EpochResults.unpack(rows, diverged)


class ProgramPool:
    """Idle programs by shape and optimizer, the least recently used dropped beyond a limit.
    `prepare` builds one ahead of time (the server warming up); a run asking for a shape
    being prepared waits for it rather than compiling a second copy beside it."""

    def __init__(self, idle_limit: int = 12) -> None:
        self._idle: OrderedDict[tuple[ModelConfig, str], list[Program]] = OrderedDict()
        self._lock = threading.Lock()
        self._preparing: dict[tuple[ModelConfig, str], threading.Event] = {}
        self.idle_limit = idle_limit

    def take(self, config: ModelConfig, optimizer: str) -> Program:
        """An idle program of this shape, or a newly built one (slow: call it off the page)."""
        key = (config.shape_key, optimizer)
        with self._lock:
            ready = self._preparing.get(key)
        if ready is not None:
            ready.wait(60)
        with self._lock:
            free = self._idle.get(key)
            if free:
                program = free.pop()
                if not free:
                    del self._idle[key]
                return program
        return Program(config, optimizer)

    def prepare(self, config: ModelConfig, optimizer: str,
                data: tuple[np.ndarray, np.ndarray, np.ndarray], batch_size: int) -> None:
        """Build a program of this shape and run one epoch on `data`, so that the graph is
        traced and TensorFlow has optimised it; then keep it idle for the first run."""
        key = (config.shape_key, optimizer)
        with self._lock:
            if self._idle.get(key) or key in self._preparing:
                return
            self._preparing[key] = threading.Event()
        try:
            program = Program(config, optimizer)
            program.reset(config, 0.001)
            tensors = program.data(*data)
            program.evaluate(tensors)
            program.train(tensors, epochs=1, batch_size=batch_size, shuffle=True, seed=0,
                          first_epoch=0, limit=float("inf"))
            self.give_back(program)
        finally:
            with self._lock:
                self._preparing.pop(key).set()

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
