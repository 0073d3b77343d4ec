"""The language model's Time layers and model: every backward against finite differences."""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from rnnviz.engine.gradient_check import centred_differences
from rnnviz.lm.layers import TimeAffine, TimeEmbedding, TimeRNN, TimeSoftmaxWithLoss
from rnnviz.lm.model import RNNLM, clip_grads, init_params
from rnnviz.lm.time_cell import TimeCell, cell_params

N, T, D, H, V = 3, 4, 5, 6, 7
EPS = 1e-6


def numeric_grad(f: Callable[[], float], x: np.ndarray) -> np.ndarray:
    return centred_differences(f, x, EPS)


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(7)


def test_time_embedding_backward_adds_repeated_words(rng: np.random.Generator) -> None:
    layer = TimeEmbedding(rng.standard_normal((V, D)))
    xs = np.array([[1, 2, 1, 1], [0, 2, 6, 1], [3, 3, 3, 3]])
    weight = rng.standard_normal((N, T, D))

    def loss() -> float:
        return float(np.sum(layer.forward(xs) * weight))

    loss()
    layer.backward(weight)
    np.testing.assert_allclose(layer.grads[0], numeric_grad(loss, layer.params[0]), atol=1e-7)
    np.testing.assert_allclose(layer.grads[0][3], weight[2].sum(axis=0))  # word 3, 4 times: summed


@pytest.mark.parametrize("h0", [None, "carried"])
def test_time_rnn_backward(rng: np.random.Generator, h0: str | None) -> None:
    layer = TimeRNN(rng.standard_normal((D, H)) / np.sqrt(D),
                    rng.standard_normal((H, H)) / np.sqrt(H),
                    rng.standard_normal(H) * 0.1)
    start = None if h0 is None else np.tanh(rng.standard_normal((N, H)))
    xs = rng.standard_normal((N, T, D))
    weight = rng.standard_normal((N, T, H))

    def loss() -> float:
        layer.set_state(start)
        return float(np.sum(layer.forward(xs) * weight))

    loss()
    dxs = layer.backward(weight)
    for param, grad in zip(layer.params, layer.grads):
        np.testing.assert_allclose(grad, numeric_grad(loss, param), atol=1e-7)
    np.testing.assert_allclose(dxs, numeric_grad(loss, xs), atol=1e-7)
    if start is not None:  # dh: what the truncated gradient would have passed on
        np.testing.assert_allclose(layer.dh, numeric_grad(loss, start), atol=1e-7)


def test_time_rnn_is_stateful_until_reset(rng: np.random.Generator) -> None:
    layer = TimeRNN(rng.standard_normal((D, H)), rng.standard_normal((H, H)), np.zeros(H))
    xs = rng.standard_normal((N, T, D))
    first = layer.forward(xs)
    carried = layer.forward(xs)
    assert not np.allclose(first, carried)  # the second batch starts from the first's last h
    layer.reset_state()
    np.testing.assert_array_equal(layer.forward(xs), first)


@pytest.mark.parametrize("cell", ["LSTM", "GRU"])
def test_time_cell_backward_with_a_carried_state(rng: np.random.Generator, cell: str) -> None:
    params = cell_params(cell, D, H, rng)
    params[2] = rng.standard_normal(params[2].shape) * 0.3  # non-zero biases
    layer = TimeCell(cell, params)
    start = tuple(np.tanh(rng.standard_normal((N, H))) for _ in layer.cell.state_names)
    xs = rng.standard_normal((N, T, D))
    weight = rng.standard_normal((N, T, H))

    def loss() -> float:
        layer.set_state(start)
        return float(np.sum(layer.forward(xs) * weight))

    loss()
    dxs = layer.backward(weight)
    for param, grad in zip(layer.params, layer.grads):
        np.testing.assert_allclose(grad, numeric_grad(loss, param), atol=1e-7)
    np.testing.assert_allclose(dxs, numeric_grad(loss, xs), atol=1e-7)
    for state, d_state in zip(start, layer.d_states):
        np.testing.assert_allclose(d_state, numeric_grad(loss, state), atol=1e-7)


def test_time_cell_is_stateful_until_reset(rng: np.random.Generator) -> None:
    layer = TimeCell("LSTM", cell_params("LSTM", D, H, rng))
    xs = rng.standard_normal((N, T, D))
    first = layer.forward(xs)
    assert not np.allclose(layer.forward(xs), first)
    layer.reset_state()
    np.testing.assert_array_equal(layer.forward(xs), first)


def test_time_affine_backward(rng: np.random.Generator) -> None:
    layer = TimeAffine(rng.standard_normal((H, V)), rng.standard_normal(V))
    x = rng.standard_normal((N, T, H))
    weight = rng.standard_normal((N, T, V))

    def loss() -> float:
        return float(np.sum(layer.forward(x) * weight))

    loss()
    dx = layer.backward(weight)
    for param, grad in zip(layer.params, layer.grads):
        np.testing.assert_allclose(grad, numeric_grad(loss, param), atol=1e-7)
    np.testing.assert_allclose(dx, numeric_grad(loss, x), atol=1e-7)


def test_time_softmax_with_loss_mean_and_backward(rng: np.random.Generator) -> None:
    layer = TimeSoftmaxWithLoss()
    xs = rng.standard_normal((N, T, V))
    ts = rng.integers(0, V, (N, T))
    ts[0, 0] = -1  # ignored: counts neither in the sum nor in the mean

    def loss() -> float:
        return layer.forward(xs, ts)

    value = loss()
    p = np.exp(xs) / np.exp(xs).sum(-1, keepdims=True)
    kept = [(n, t) for n in range(N) for t in range(T) if ts[n, t] >= 0]
    assert value == pytest.approx(-np.mean([np.log(p[n, t, ts[n, t]]) for n, t in kept]))
    np.testing.assert_allclose(layer.backward(), numeric_grad(loss, xs), atol=1e-7)


@pytest.mark.parametrize("cell", ["SimpleRNN", "LSTM", "GRU"])
def test_whole_model_gradient(rng: np.random.Generator, cell: str) -> None:
    model = RNNLM(init_params(V, D, H, seed=3, dtype=np.float64, cell=cell), cell)
    xs, ts = rng.integers(0, V, (N, T)), rng.integers(0, V, (N, T))
    start = np.tanh(rng.standard_normal((N, H)))
    if cell == "LSTM":
        start = (start, rng.standard_normal((N, H)))

    def loss() -> float:
        model.set_state(start)
        return model.forward(xs, ts)

    loss()
    model.backward()
    for param, grad in zip(model.params, model.grads):
        np.testing.assert_allclose(grad, numeric_grad(loss, param), atol=1e-7)


def test_init_follows_the_book() -> None:
    embed, wx, wh, b, aw, ab = init_params(400, 100, 100, seed=0)
    assert embed.std() == pytest.approx(0.01, rel=0.05)
    assert wx.std() == pytest.approx(0.1, rel=0.05) and wh.std() == pytest.approx(0.1, rel=0.05)
    assert aw.std() == pytest.approx(0.1, rel=0.05)
    assert not b.any() and not ab.any()
    assert embed.dtype == np.float32


def test_clip_grads_scales_to_max_norm(rng: np.random.Generator) -> None:
    grads = [rng.standard_normal((3, 4)) * 10, rng.standard_normal(5) * 10]
    before = np.sqrt(sum(np.sum(g * g) for g in grads))
    copies = [g.copy() for g in grads]
    assert clip_grads(grads, 1.0) == pytest.approx(before)
    assert np.sqrt(sum(np.sum(g * g) for g in grads)) == pytest.approx(1.0, rel=1e-5)
    np.testing.assert_allclose(grads[0] / copies[0], grads[1][0] / copies[1][0])
    small = [np.full(2, 0.1)]
    clip_grads(small, 1.0)
    np.testing.assert_array_equal(small[0], 0.1)
