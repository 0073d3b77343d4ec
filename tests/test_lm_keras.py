"""Truncated BPTT against TensorFlow: the same RNNLM as Keras layers (Embedding, SimpleRNN /
LSTM / GRU with the carried state as initial_state, Dense), the same weights and batches, give
the same loss and the same gradients (tf.GradientTape) for two iterations in a row."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.keras_runtime import keras, tensorflow
from rnnviz.lm.batches import batch
from rnnviz.lm.corpus import default_corpus
from rnnviz.lm.model import RNNLM, init_params, sgd


def keras_lm(cell: str, vocab: int, wordvec: int, hidden: int) -> tuple:
    k = keras()
    embed = k.layers.Embedding(vocab, wordvec)
    rnn = getattr(k.layers, cell)(hidden, return_sequences=True, return_state=True)
    dense = k.layers.Dense(vocab)
    embed.build((None, None))
    rnn.build((None, None, wordvec))
    dense.build((None, None, hidden))
    return embed, rnn, dense


@pytest.mark.parametrize("cell", ["SimpleRNN", "LSTM", "GRU"])
def test_two_iterations_match_keras_loss_and_gradients(cell: str) -> None:
    tf = tensorflow()
    corpus = default_corpus()
    V, D, H, lr = corpus.vocab_size, 100, 100, 0.1
    params = init_params(V, D, H, seed=5, cell=cell)
    # Non-zero biases, so a wrong bias gradient cannot hide behind zeros.
    rng = np.random.default_rng(1)
    params[3][...] = rng.standard_normal(params[3].shape) * 0.1
    params[5][...] = rng.standard_normal(V) * 0.1
    model = RNNLM(params, cell)
    embed, rnn, dense = keras_lm(cell, V, D, H)
    embed.set_weights([params[0]])
    rnn.set_weights(params[1:4])
    dense.set_weights(params[4:])
    variables = [*embed.trainable_variables, *rnn.trainable_variables, *dense.trainable_variables]
    loss_fn = keras().losses.SparseCategoricalCrossentropy(from_logits=True)

    states = [tf.zeros((10, H))] * (2 if cell == "LSTM" else 1)
    for time_idx in (0, 5):
        xs, ts = batch(corpus.ids, 10, 5, time_idx)
        with tf.GradientTape() as tape:
            seq, *last = rnn(embed(xs), initial_state=states)
            loss = loss_fn(ts, dense(seq))
        grads = tape.gradient(loss, variables)
        # Truncated: the state goes on to the next batch, its gradient does not.
        states = [tf.stop_gradient(s) for s in last]

        ours = model.forward(xs, ts)
        model.backward()
        np.testing.assert_allclose(ours, float(loss), rtol=1e-6)
        for mine, theirs in zip(model.grads, grads):
            np.testing.assert_allclose(mine, np.asarray(tf.convert_to_tensor(theirs)),
                                       rtol=1e-4, atol=2e-6)
        np.testing.assert_allclose(model.state(), np.asarray(states[0]), atol=2e-6)

        sgd(model.params, model.grads, lr)
        for variable, grad in zip(variables, grads):
            variable.assign_sub(lr * tf.convert_to_tensor(grad))
    for mine, variable in zip(model.params, variables):
        np.testing.assert_allclose(mine, variable.numpy(), atol=2e-6)
