"""The by-hand network of lesson L7: the lecture's loss to the last digit, its BPTT against
finite differences, the engine's SimpleRNN and TensorFlow, and training by hand."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.byhand import (
    NAMES, ByHandRNN, Diverged, accuracy, check, cut, gradients, grammar_lesson, hello_lesson,
    sgd_step, side_by_side, train,
)
from rnnviz.byhand.arithmetic import dot, softmax
from rnnviz.byhand.check import AGREE, numerical_gradients
from rnnviz.byhand.training import total_loss
from rnnviz.engine import Dense, RecurrentSpec, SimpleRNNCell

LECTURE_LOSS = 12.062061261168791


def hello_data() -> tuple[list[int], list[int]]:
    """`hell` -> `ello` over `h e l o`, written out rather than read from the lesson."""
    h, e, l, o = range(4)
    return [h, e, l, l], [e, l, l, o]


def test_the_lectures_seed_gives_the_lectures_loss_to_the_last_digit() -> None:
    net = ByHandRNN.drawn(4, 3, 4, seed=230912)
    assert net.loss(*hello_data()) == LECTURE_LOSS
    lesson = hello_lesson()
    assert total_loss(lesson.network(), lesson.examples) == LECTURE_LOSS


def test_the_draws_are_np_random_seed_then_randn_in_the_lectures_order() -> None:
    np.random.seed(230912)
    wxh, whh, bh = np.random.randn(4, 3), np.random.randn(3, 3), np.random.randn()
    wy, by = np.random.randn(3, 4), np.random.randn()
    net = ByHandRNN.drawn(4, 3, 4)
    for got, want in zip(net.params, (wxh, whh, bh, wy, by)):
        assert np.array_equal(got, want)
    assert [p.shape for p in net.params] == [(4, 3), (3, 3), (), (3, 4), ()]


def test_forward_is_the_lectures_formula_computed_with_numpy() -> None:
    net = ByHandRNN.drawn(4, 3, 4)
    wxh, whh, bh, wy, by = net.params
    tokens, targets = hello_data()
    h, total = np.zeros(3), 0.0
    for step, token, target in zip(net.forward(tokens, targets), tokens, targets):
        h = np.tanh(np.eye(4)[token] @ wxh + h @ whh + bh)
        z = h @ wy + by
        y = np.exp(z) / np.exp(z).sum()
        np.testing.assert_allclose(step.h, h, rtol=1e-13, atol=1e-15)
        np.testing.assert_allclose(step.probs, y, rtol=1e-13, atol=1e-15)
        assert step.loss == pytest.approx(-np.log(y[target]), rel=1e-14)
        total += -np.log(y[target])
    assert total == pytest.approx(LECTURE_LOSS, rel=1e-15)


def test_paper_arithmetic_agrees_with_numpy() -> None:
    rng = np.random.default_rng(3)
    a, w = rng.standard_normal(5), rng.standard_normal((5, 7))
    np.testing.assert_allclose(dot(a, w), a @ w, rtol=1e-13)
    z = rng.standard_normal(6) * 5
    np.testing.assert_allclose(softmax(z), np.exp(z) / np.exp(z).sum(), rtol=1e-14)
    big = softmax(np.array([800.0, 799.0]))  # would overflow exp without the shift
    np.testing.assert_allclose(big, [1 / (1 + np.exp(-1)), 1 / (1 + np.exp(1))], rtol=1e-14)


@pytest.mark.parametrize("make", [hello_lesson, grammar_lesson], ids=["hello", "grammar"])
@pytest.mark.parametrize("seed", [230912, 1, 7])
def test_backprop_matches_centred_differences(make, seed: int) -> None:
    lesson = make()
    results = check(lesson.network(seed), lesson.examples)
    assert [c.name for c in results] == list(NAMES)
    for c in results:
        assert c.worst < AGREE, (c.name, c.worst)
    # Not trivially: the gradients are far from zero, except By's (softmax ignores a shift).
    assert all(np.abs(c.analytic).max() > 1e-2 for c in results if c.name != "By")
    assert abs(float(results[-1].analytic)) < 1e-12


def test_the_check_catches_a_wrong_backward() -> None:
    lesson = hello_lesson()
    net = lesson.network()
    gradients(net, lesson.examples)
    wrong = net.grads[1].T  # dWhh transposed: a typical slip
    numeric = numerical_gradients(net, lesson.examples)[1]
    assert np.abs(wrong - numeric).max() > 1e-2


def test_backward_records_accumulate_to_the_gradients_in_reverse_order() -> None:
    net = ByHandRNN.drawn(4, 3, 4)
    steps = net.forward(*hello_data())
    records = net.backward(steps)
    assert [r.t for r in records] == [3, 2, 1, 0]
    assert np.array_equal(records[0].dh_future, np.zeros(3))  # nothing after the last step
    for later, earlier in zip(records, records[1:]):
        np.testing.assert_allclose(earlier.dh_future, later.d_pre @ net.params[1].T, rtol=1e-13)
    for record, step in zip(records, reversed(steps)):
        np.testing.assert_allclose(record.d_pre, record.dh * (1 - step.h**2), rtol=1e-15)
        np.testing.assert_allclose(record.dh, record.dh_output + record.dh_future, rtol=1e-15)
    for final, grad in zip(records[-1].grads, net.grads):
        assert np.array_equal(final, grad)


def test_many_to_one_gradient_enters_only_at_the_last_step() -> None:
    lesson = grammar_lesson()
    assert lesson.samples == (("as", "soon", "as"), ("as", "as", "soon"), ("soon", "as", "as"))
    assert [e.targets[-1] for e in lesson.examples] == [1, 0, 0]
    net = lesson.network()
    example = lesson.examples[0]
    records = net.backward(net.forward(example.tokens, example.targets))
    assert np.abs(records[0].d_scores).max() > 0.1
    for record in records[1:]:  # earlier steps: no output gradient, only the future's
        assert np.array_equal(record.d_scores, np.zeros(2))
        assert np.array_equal(record.dh_output, np.zeros(3))
        assert np.abs(record.dh_future).max() > 0


def test_one_sgd_step_lowers_the_loss_and_a_few_hundred_spell_ello() -> None:
    lesson = hello_lesson()
    net = lesson.network()
    before = sgd_step(net, lesson.examples, 0.1)
    assert before == LECTURE_LOSS
    assert total_loss(net, lesson.examples) < before - 1.0
    net = lesson.network()
    losses = train(net, lesson.examples, lesson.learning_rate, lesson.steps)
    assert losses[0] == LECTURE_LOSS and losses[-1] < 0.1
    assert "".join(lesson.labels[i] for i in net.predict(lesson.examples[0].tokens)) == "ello"
    assert accuracy(net, lesson.examples) == 1.0


def test_grammar_trains_to_all_three_labels() -> None:
    lesson = grammar_lesson()
    net = lesson.network()
    train(net, lesson.examples, lesson.learning_rate, lesson.steps)
    assert [net.predict(e.tokens)[-1] for e in lesson.examples] == [1, 0, 0]


def test_a_diverging_learning_rate_is_refused_and_leaves_the_weights() -> None:
    lesson = hello_lesson()
    net = lesson.network()
    net.params[3][...] *= 1e306  # scores beyond float64: the next step cannot be finite
    kept = [p.copy() for p in net.params]
    with pytest.raises(Diverged):
        sgd_step(net, lesson.examples, 1e300)
    for p, k in zip(net.params, kept):
        assert np.array_equal(p, k)


def test_without_recurrence_hello_stops_at_75_percent() -> None:
    lesson = hello_lesson()
    real, without = side_by_side(lesson)
    assert real.accuracy == 1.0
    assert without.accuracy <= 0.75
    assert np.array_equal(without.net.params[1], np.zeros((3, 3)))  # Whh stayed cut
    predicted = without.net.predict(lesson.examples[0].tokens)
    assert predicted[2] == predicted[3]  # same input l, same answer, whatever it learned
    assert np.array_equal(cut(lesson.network()).params[1], np.zeros((3, 3)))


def engine_layer(net: ByHandRNN) -> tuple[RecurrentSpec, Dense]:
    """The by-hand weights as Keras holds them: the scalar biases broadcast to vectors."""
    wxh, whh, bh, wy, by = net.params
    cell = SimpleRNNCell(kernel=wxh, recurrent_kernel=whh, bias=np.full(3, float(bh)))
    return RecurrentSpec(cell), Dense(wy, np.full(wy.shape[1], float(by)), "softmax")


def test_forward_equals_the_engines_simplernn_with_the_bias_broadcast() -> None:
    net = ByHandRNN.drawn(4, 3, 4)
    tokens, targets = hello_data()
    steps = net.forward(tokens, targets)
    layer, head = engine_layer(net)
    trace = layer.run(np.eye(4)[tokens][None])
    np.testing.assert_allclose(trace.hidden[0], [s.h for s in steps], atol=2e-6)
    np.testing.assert_allclose(trace.values["pre"][0], [s.pre for s in steps], atol=5e-6)
    np.testing.assert_allclose(head(trace.hidden[0]), [s.probs for s in steps], atol=2e-6)


def keras_gradients(net: ByHandRNN, tokens: list[int],
                    targets: list[int]) -> tuple[list[np.ndarray], float]:
    """tf.GradientTape on a float64 Keras SimpleRNN + Dense holding the by-hand weights,
    loss = summed cross-entropy; returned in the by-hand order (bias vectors summed)."""
    from rnnviz.keras_runtime import keras, tensorflow

    tf, k = tensorflow(), keras()
    wxh, whh, bh, wy, by = net.params
    rnn = k.layers.SimpleRNN(3, return_sequences=True, dtype="float64")
    dense = k.layers.Dense(4, dtype="float64")
    x = tf.constant(np.eye(4)[tokens][None], dtype=tf.float64)
    dense(rnn(x))
    rnn.set_weights([wxh, whh, np.full(3, float(bh))])
    dense.set_weights([wy, np.full(4, float(by))])
    with tf.GradientTape() as tape:
        logits = dense(rnn(x))
        loss = tf.reduce_sum(k.losses.sparse_categorical_crossentropy(
            tf.constant([targets]), logits, from_logits=True))
    variables = rnn.trainable_variables + dense.trainable_variables
    kernel, recurrent, b, w_out, b_out = (np.asarray(g) for g in tape.gradient(loss, variables))
    return [kernel, recurrent, b.sum(), w_out, b_out.sum()], float(loss)


def test_gradients_equal_tensorflows_gradient_tape() -> None:
    for seed in (230912, 5):
        net = ByHandRNN.drawn(4, 3, 4, seed=seed)
        tokens, targets = hello_data()
        loss = gradients(net, [hello_lesson().examples[0]])
        want, keras_loss = keras_gradients(net, tokens, targets)
        assert loss == pytest.approx(keras_loss, rel=1e-12)
        for name, got, w in zip(NAMES, net.grads, want):
            np.testing.assert_allclose(got, w, rtol=1e-9, atol=1e-12, err_msg=name)


@pytest.mark.parametrize("make", [hello_lesson, grammar_lesson], ids=["hello", "grammar"])
def test_bptt_equals_the_engines_backward(make) -> None:
    """The engine's SimpleRNN backward, fed the gradient each step's output sends into h_t,
    gives the by-hand dWxh, dWhh, the bias (summed: one Bh for every unit) and dL/dh_t."""
    lesson = make()
    net = lesson.network(seed=11)
    for example in lesson.examples:
        net.zero_grads()
        records = net.backward(net.forward(example.tokens, example.targets))[::-1]
        layer, _ = engine_layer(net)
        inputs = np.eye(len(lesson.tokens))[list(example.tokens)][None]
        grads = layer.run(inputs).backward(np.array([[r.dh_output for r in records]]))
        kernel, recurrent, bias = grads.weights
        np.testing.assert_allclose(kernel, net.grads[0], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(recurrent, net.grads[1], rtol=1e-5, atol=1e-6)
        assert float(bias.sum()) == pytest.approx(float(net.grads[2]), rel=1e-5, abs=1e-6)
        np.testing.assert_allclose(grads.hidden[0], [r.dh for r in records], rtol=1e-5,
                                   atol=1e-6)
