"""The Gradients page's numbers: |dL/dh_t| per timestep from the engine's backward, checked
against tf.GradientTape on the same Keras cells, and the weights it draws."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.cells import NAMES
from rnnviz.gradients import (
    ACTIVATIONS, PAGE_TITLES, SHAPES, Setting, shipped_flow, untrained, untrained_flow,
)
from rnnviz.gradients.flow import FEATURES, UNITS
from rnnviz.pretrained import load
from rnnviz.text import CATALOGUE


def keras_hidden_gradients(kind: str, setting: Setting) -> np.ndarray:
    """|dL/dh_t| from tf.GradientTape: the Keras cell unrolled step by step, with the same
    weights, inputs and L = w . h_T as the page."""
    from rnnviz.keras_runtime import keras, tensorflow

    tf, k = tensorflow(), keras()
    spec = untrained(kind, setting)
    options = {"activation": setting.activation}
    if kind == "GRU":
        options["reset_after"] = True
    cell = getattr(k.layers, f"{kind}Cell")(UNITS, **options)
    cell.build((1, FEATURES))
    cell.set_weights([spec.cell.kernel, spec.cell.recurrent_kernel, spec.cell.bias])
    rng = np.random.default_rng([setting.seed, 1])
    x = rng.standard_normal((1, setting.length, FEATURES)).astype(np.float32)
    w = rng.standard_normal(UNITS)
    w = tf.constant((w / np.linalg.norm(w)).astype(np.float32))
    states = [tf.zeros((1, UNITS))] * (2 if kind == "LSTM" else 1)
    hidden = []
    with tf.GradientTape(persistent=True) as tape:
        for t in range(setting.length):
            out, states = cell(tf.constant(x[:, t]), states)
            states = list(states) if isinstance(states, (list, tuple)) else [states]
            hidden.append(out)
        loss = tf.reduce_sum(w * hidden[-1])
    grads = tape.gradient(loss, hidden)
    return np.array([np.linalg.norm(np.asarray(g)) for g in grads])


@pytest.mark.parametrize("kind", NAMES)
@pytest.mark.parametrize("activation,radius", [("tanh", 1.0), ("relu", 0.8), ("linear", 1.2)])
def test_gradient_per_step_equals_gradient_tape(kind: str, activation: str,
                                                radius: float) -> None:
    setting = Setting(radius, activation, 30, seed=4)
    flow = untrained_flow(kind, setting)
    want = keras_hidden_gradients(kind, setting)
    assert flow.hidden.shape == (30,)
    np.testing.assert_allclose(flow.hidden, want, rtol=2e-4, atol=1e-30)
    assert flow.hidden[-1] == pytest.approx(1.0, rel=1e-6)  # |w| = 1


def test_recurrent_blocks_have_the_chosen_singular_values() -> None:
    for kind, blocks in (("SimpleRNN", 1), ("LSTM", 4), ("GRU", 3)):
        recurrent = untrained(kind, Setting(radius=0.7, seed=3)).cell.recurrent_kernel
        assert recurrent.shape == (UNITS, blocks * UNITS)
        for block in np.split(recurrent, blocks, axis=1):
            np.testing.assert_allclose(np.linalg.svd(block, compute_uv=False), 0.7, rtol=1e-5)


def test_a_linear_simplernn_scales_the_gradient_by_the_radius_per_step() -> None:
    """With an orthogonal W_hh times r and no squashing, |dL/dh_t| = r^(T - t) exactly."""
    for radius in (0.5, 1.0, 1.3):
        flow = untrained_flow("SimpleRNN", Setting(radius, "linear", 20, seed=1))
        np.testing.assert_allclose(flow.hidden, radius ** np.arange(19, -1, -1), rtol=1e-4)


def test_tanh_simplernn_vanishes_where_lstm_keeps_more() -> None:
    setting = Setting(1.0, "tanh", 100, seed=0)
    simple, lstm, gru = (untrained_flow(kind, setting) for kind in NAMES)
    assert simple.reach < 1e-6
    assert lstm.reach > 100 * simple.reach
    assert lstm.forget is not None and lstm.forget.shape == (100, UNITS)
    assert simple.forget is None and gru.cell is None


def test_an_exploding_forward_pass_is_reported_not_raised() -> None:
    flow = untrained_flow("SimpleRNN", Setting(2.0, "linear", 100, seed=0))
    assert not flow.finite


def test_shipped_models_use_their_own_head() -> None:
    from rnnviz.keras_runtime import tensorflow

    tf = tensorflow()
    setting = Setting(length=12, seed=5)
    for key in ("words-simplernn", "words-lstm", "words-gru"):
        model = load(key)
        flow = shipped_flow(model, setting)
        assert flow.kind == model.layers[0].kind and flow.hidden.shape == (12,)
        assert np.all(flow.hidden > 0) and flow.finite
        # The last step's gradient is the head's: (p - onehot) W^T, as GradientTape gives it.
        rng = np.random.default_rng([5, 2])
        ids = rng.integers(0, len(model.tokens), size=(1, 12))
        target = rng.integers(len(model.labels))
        h = tf.Variable(model.run(ids).layers[-1].hidden[0, -1])
        with tf.GradientTape() as tape:
            logits = tf.linalg.matvec(tf.constant(model.head.kernel), h, transpose_a=True)
            logits += model.head.bias
            loss = -tf.nn.log_softmax(logits)[target]
        want = np.linalg.norm(tape.gradient(loss, h))
        assert flow.hidden[-1] == pytest.approx(want, rel=1e-5)


def test_every_shape_links_to_a_page_with_a_title() -> None:
    assert [s.key for s in SHAPES] == ["one_to_one", "one_to_many", "many_to_one",
                                       "many_to_many", "encoder_decoder", "stacked",
                                       "bidirectional"]
    for shape in SHAPES:
        assert PAGE_TITLES[shape.page] in CATALOGUE
        assert {role for _, _, role in shape.nodes} <= {"x", "h", "y"}
        places = {(c, r) for c, r, _ in shape.nodes}
        for start, end in shape.arrows:
            assert start in places and end in places, (shape.key, start, end)
    assert set(ACTIVATIONS) == {"tanh", "relu", "linear"}
