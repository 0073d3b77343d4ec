"""A whole model's backward: `loss_and_gradients` equals tf.GradientTape on the same Keras
model and loss over a generated grid of models (one-hot or embedding input, masking, stacked
and bidirectional layers, many-to-many and many-to-one, summed or averaged loss, softmax or
logits head); a float64 model agrees with finite differences; the optimizers step as Keras's
do; and numpy alone trains L1's "hello" model to spell `ello`."""
from __future__ import annotations

import itertools
import zlib

import numpy as np
import pytest

from rnnviz.engine import from_keras_model
from rnnviz.engine.gradient_check import centred_differences
from rnnviz.engine.loss import softmax_cross_entropy
from rnnviz.engine.model_backward import backward, cross_entropy, loss_and_gradients
from rnnviz.engine.optimizers import SGD, Adam
from rnnviz.keras_runtime import keras, tensorflow
from rnnviz.lessons.presets import hello
from tests.keras_reference import randomize, recurrent_layer
from tests.test_engine_backward import assert_close

VOCAB, CLASSES, TIME, BATCH = 5, 4, 5, 3
STACKS = [("SimpleRNN", None), ("LSTM", None), ("GRU", None), ("SimpleRNN", "concat"),
          ("GRU", "sum"), ("LSTM", "mul"), ("GRU", "ave")]


def grid() -> list[dict]:
    """Every input x many_to_many x reduction x head; the layer stack (one or two layers,
    any cell, plain or bidirectional) varies from case to case."""
    cases = []
    rng = np.random.default_rng(11)
    for encoding, many_to_many, reduction, head in itertools.product(
        ("one_hot", "embedding", "masked_embedding"), [True, False], ("sum", "mean"),
        ("softmax", "linear"),
    ):
        depth = int(rng.choice([1, 2]))
        stack = [STACKS[i] for i in rng.choice(len(STACKS), size=depth)]
        cases.append({"encoding": encoding, "many_to_many": many_to_many,
                      "reduction": reduction, "head": head, "stack": stack})
    return cases


def case_id(case: dict) -> str:
    layers = "+".join(c if w is None else f"Bi{c}-{w}" for c, w in case["stack"])
    arity = "many_to_many" if case["many_to_many"] else "many_to_one"
    return "-".join([case["encoding"], arity, case["reduction"], case["head"], layers])


def keras_model(case: dict, rng: np.random.Generator):
    layers = keras().layers
    if case["encoding"] == "one_hot":
        stack = [keras().Input(shape=(TIME, VOCAB))]
    else:
        stack = [keras().Input(shape=(TIME,), dtype="int32"),
                 layers.Embedding(VOCAB, 3, mask_zero=case["encoding"] == "masked_embedding")]
    last = len(case["stack"]) - 1
    for i, (cell, wrapper) in enumerate(case["stack"]):
        stack.append(recurrent_layer(cell, int(rng.choice([2, 3])), wrapper,
                                     return_sequences=i < last or case["many_to_many"]))
    stack.append(layers.Dense(CLASSES, activation=case["head"]))
    model = keras().Sequential(stack)
    for layer in model.layers:
        randomize(layer, rng)
    return model


def keras_loss_and_gradients(model, inputs, targets, weights, reduction: str):
    """The same loss written in TensorFlow, and the tape's gradient for every weight and,
    for one-hot input, for the input (None for ids)."""
    tf = tensorflow()
    inputs = tf.constant(inputs)
    with tf.GradientTape() as tape:
        if inputs.dtype.is_floating:
            tape.watch(inputs)
        out = model(inputs)
        if model.layers[-1].get_config()["activation"] == "softmax":
            picked = tf.gather(out, targets, axis=-1, batch_dims=targets.ndim)
            per_position = -tf.math.log(picked)
        else:
            per_position = tf.nn.sparse_softmax_cross_entropy_with_logits(targets, out)
        total = tf.reduce_sum(per_position * weights)
        loss = total if reduction == "sum" else total / max(float(weights.sum()), 1.0)
    grads = tape.gradient(loss, [*model.weights, inputs])
    d_inputs = np.asarray(grads[-1]) if inputs.dtype.is_floating else None
    return float(loss), [np.asarray(tf.convert_to_tensor(g)) for g in grads[:-1]], d_inputs


@pytest.mark.parametrize("case", grid(), ids=case_id)
def test_model_gradients_match_gradient_tape(case: dict) -> None:
    rng = np.random.default_rng(zlib.crc32(case_id(case).encode()))
    model = keras_model(case, rng)
    ids = rng.integers(1, VOCAB, size=(BATCH, TIME))
    ids[0, 3:] = 0  # padding at the end of one row (a real token when nothing masks it)
    shape = (BATCH, TIME) if case["many_to_many"] else (BATCH,)
    targets = rng.integers(0, CLASSES, size=shape)
    engine = from_keras_model(model, tuple(str(i) for i in range(VOCAB)),
                              tuple(str(i) for i in range(CLASSES)))
    loss, grads = loss_and_gradients(engine, ids, targets, case["reduction"])
    inputs = np.eye(VOCAB, dtype=np.float32)[ids] if case["encoding"] == "one_hot" else ids
    weights = np.ones(shape, np.float32)
    if case["encoding"] == "masked_embedding" and case["many_to_many"]:
        weights = (ids != 0).astype(np.float32)
    want_loss, want, want_inputs = keras_loss_and_gradients(
        model, inputs, targets, weights, case["reduction"]
    )
    assert loss == pytest.approx(want_loss, rel=1e-5)
    assert len(grads) == len(want) == len(engine.weights)
    for got, expected in zip(grads, want):
        assert_close(got, expected)
    if want_inputs is not None:
        trace = engine.run(ids)
        d_logits = cross_entropy(engine, trace, targets, case["reduction"])[1]
        assert_close(backward(engine, trace, d_logits).inputs, want_inputs)


def test_model_gradients_match_finite_differences_in_float64() -> None:
    case = {"encoding": "masked_embedding", "many_to_many": True, "reduction": "mean",
            "head": "linear", "stack": [("LSTM", None), ("GRU", "concat")]}
    rng = np.random.default_rng(3)
    engine = from_keras_model(keras_model(case, rng), tuple("abcde"), tuple("wxyz"))
    engine = engine.with_weights([w.astype(np.float64) for w in engine.weights])
    ids = np.array([[1, 2, 3, 0, 0], [4, 3, 2, 1, 2]])
    targets = rng.integers(0, CLASSES, size=ids.shape)
    _, grads = loss_and_gradients(engine, ids, targets)
    params = engine.weights
    for index, got in enumerate(grads):
        assert got.dtype == np.float64

        def loss() -> float:
            return loss_and_gradients(engine.with_weights(params), ids, targets)[0]

        want = centred_differences(loss, params[index])
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-8)


def test_cross_entropy_sums_or_averages_over_unmasked_positions() -> None:
    logits = np.log(np.array([[[0.5, 0.5], [0.25, 0.75]]]))
    targets = np.array([[0, 1]])
    summed, _ = softmax_cross_entropy(logits, targets, reduction="sum")
    assert summed == pytest.approx(-np.log(0.5) - np.log(0.75))
    averaged, d = softmax_cross_entropy(logits, targets, np.array([[True, False]]))
    assert averaged == pytest.approx(-np.log(0.5))
    assert not d[0, 1].any()
    with pytest.raises(ValueError, match="reduction"):
        softmax_cross_entropy(logits, targets, reduction="median")


@pytest.mark.parametrize("optimizer", ["SGD", "Adam"])
def test_optimizer_steps_as_keras_does(optimizer: str) -> None:
    tf = tensorflow()
    rng = np.random.default_rng(1)
    params = [rng.standard_normal(shape).astype(np.float32) for shape in ((3, 2), (2,))]
    grads = [[rng.standard_normal(p.shape).astype(np.float32) for p in params] for _ in range(4)]
    rate = 0.1 if optimizer == "SGD" else 0.05
    ours = SGD(rate) if optimizer == "SGD" else Adam(rate)
    theirs = getattr(keras().optimizers, optimizer)(learning_rate=rate)
    variables = [tf.Variable(p) for p in params]
    for g in grads:
        params = ours.step(params, g)
        theirs.apply_gradients(zip([tf.constant(x) for x in g], variables))
    for p, v in zip(params, variables):
        assert p.dtype == np.float32
        np.testing.assert_allclose(p, np.asarray(v), rtol=1e-6, atol=1e-6)


def untrained_hello():
    """L1's model shape (one-hot, SimpleRNN(3), Dense softmax) with small random weights."""
    from rnnviz.engine import Dense, RecurrentSpec, SequenceModel, SimpleRNNCell

    lesson, rng = hello(), np.random.default_rng(0)
    tokens, units = lesson.vocab.tokens, lesson.units

    def draw(*shape: int) -> np.ndarray:
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    cell = SimpleRNNCell(draw(len(tokens), units), draw(units, units), np.zeros(units, np.float32))
    head = Dense(draw(units, len(tokens)), np.zeros(len(tokens), np.float32), "softmax")
    return lesson, SequenceModel(tokens, lesson.labels, [RecurrentSpec(cell)], head)


def test_one_sgd_step_lowers_the_loss() -> None:
    lesson, model = untrained_hello()
    before, grads = loss_and_gradients(model, lesson.x, lesson.y, "sum")
    after, _ = loss_and_gradients(model.with_weights(SGD(0.1).step(model.weights, grads)),
                                  lesson.x, lesson.y, "sum")
    assert after < before


def test_numpy_alone_trains_hello_to_spell_ello() -> None:
    lesson, model = untrained_hello()
    optimizer = Adam(learning_rate=lesson.learning_rate)
    first = None
    for _ in range(300):
        loss, grads = loss_and_gradients(model, lesson.x, lesson.y, "sum")
        first = loss if first is None else first
        model = model.with_weights(optimizer.step(model.weights, grads))
    predicted = model.run(lesson.x).output.argmax(axis=-1)[0]
    assert "".join(lesson.labels[i] for i in predicted) == "ello"
    assert loss < first / 10
