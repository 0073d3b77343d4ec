"""The per-step numbers the app shows (states, gates, pre-activations) are tied to Keras:
states step by step against Keras runs on every prefix, and each intermediate through the
equation that links it to a state Keras returned."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz.engine import from_keras
from rnnviz.engine.activations import activation
from tests.keras_reference import as_numpy, randomize, recurrent_layer

RTOL, ATOL = 2e-5, 2e-6


def keras_states_per_step(layer_factory, x: np.ndarray, weights) -> list[list[np.ndarray]]:
    """Keras's final states after each prefix x[:, :t+1]: the state after every step."""
    per_step = []
    for t in range(x.shape[1]):
        layer = layer_factory()
        layer.build(x[:, : t + 1].shape)
        layer.set_weights(weights)
        per_step.append(as_numpy(layer(x[:, : t + 1]))[1:])
    return per_step


@pytest.mark.parametrize("cell", ["SimpleRNN", "LSTM", "GRU"])
def test_every_step_state_and_intermediate_matches_keras(cell: str) -> None:
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 5, 3)).astype(np.float32)

    def factory():
        return recurrent_layer(cell, 4, return_sequences=True, return_state=True)

    layer = factory()
    layer.build(x.shape)
    randomize(layer, rng)
    weights = layer.get_weights()
    trace = from_keras(layer).run(x)
    keras_steps = keras_states_per_step(factory, x, weights)
    for t, states in enumerate(keras_steps):
        for name, want in zip(trace.cell.state_names, states):
            np.testing.assert_allclose(trace.states[name][:, t], want, rtol=RTOL, atol=ATOL)
            previous = keras_steps[t - 1][trace.cell.state_names.index(name)] if t else 0 * want
            np.testing.assert_allclose(trace.previous[name][:, t], previous, rtol=RTOL, atol=ATOL)

    v, h, h_prev = trace.values, trace.states["h"], trace.previous["h"]
    cell_spec = trace.cell
    if cell == "SimpleRNN":
        np.testing.assert_allclose(v["xw"], x @ cell_spec.kernel, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(v["hu"], h_prev @ cell_spec.recurrent_kernel, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(v["pre"], v["xw"] + cell_spec.bias + v["hu"], rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(np.tanh(v["pre"]), h, rtol=RTOL, atol=ATOL)
    elif cell == "LSTM":
        sig = activation("sigmoid")
        u = cell_spec.units
        for k, gate in enumerate(["i", "f", "g", "o"]):
            act = np.tanh if gate == "g" else sig
            np.testing.assert_allclose(act(v["pre"][..., k * u:(k + 1) * u]), v[gate], rtol=RTOL, atol=ATOL)
        c, c_prev = trace.states["c"], trace.previous["c"]
        np.testing.assert_allclose(v["f"] * c_prev + v["i"] * v["g"], c, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(v["o"] * np.tanh(c), h, rtol=RTOL, atol=ATOL)
    else:
        np.testing.assert_allclose(np.tanh(v["pre"]), v["hh"], rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(v["z"] * h_prev + (1 - v["z"]) * v["hh"], h, rtol=RTOL, atol=ATOL)
        assert np.all((v["z"] > 0) & (v["z"] < 1) & (v["r"] > 0) & (v["r"] < 1))


def test_masked_steps_keep_state_and_positions_follow_go_backwards() -> None:
    rng = np.random.default_rng(5)
    x = rng.standard_normal((1, 4, 2)).astype(np.float32)
    layer = recurrent_layer("GRU", 3, go_backwards=True, return_sequences=True)
    layer.build(x.shape)
    randomize(layer, rng)
    mask = np.array([[True, False, True, True]])
    trace = from_keras(layer).run(x, mask)
    assert trace.positions.tolist() == [3, 2, 1, 0]
    np.testing.assert_array_equal(trace.inputs[0, 0], x[0, 3])
    skipped = 2  # processing step 2 reads input position 1, which is masked
    assert not trace.mask[0, skipped]
    np.testing.assert_array_equal(trace.states["h"][:, skipped], trace.states["h"][:, skipped - 1])
    np.testing.assert_allclose(trace.outputs(True), as_numpy(layer(x, mask=mask)), rtol=RTOL, atol=ATOL)
