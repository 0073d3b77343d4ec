"""BPTT is right: `trace.backward(d_sequence)` equals tf.GradientTape on
sum(d_sequence * layer(x, mask=mask)) over a generated grid of layer configurations, and
equals centred finite differences of the engine's own forward pass in float64."""
from __future__ import annotations

import dataclasses
import itertools
import zlib

import numpy as np
import pytest

from rnnviz.engine import from_keras
from rnnviz.engine.activations import ACTIVATIONS
from rnnviz.engine.derivatives import activation_backward
from rnnviz.engine.gradient_check import centred_differences
from rnnviz.engine.recurrent import RecurrentSpec
from rnnviz.keras_runtime import keras, tensorflow
from tests.keras_reference import randomize, recurrent_layer, tape_gradients, tape_hidden_gradients
from tests.test_engine_parity import IN_CELL, MASKS, make_mask

CELLS = ("SimpleRNN", "LSTM", "GRU")


def assert_close(got: np.ndarray, want: np.ndarray, rtol: float = 2e-5) -> None:
    """Float32 gradients agree to ~1e-5 of the largest magnitude in play."""
    assert got.shape == want.shape, (got.shape, want.shape)
    scale = max(1.0, float(np.abs(want).max(initial=0.0)))
    np.testing.assert_allclose(got, want, rtol=rtol, atol=rtol * scale)


def grid() -> list[dict]:
    """Every cell x mask x go_backwards x zero_output_for_mask (x reset_after); units,
    features, timesteps, batch, bias and activations vary from case to case."""
    cases = []
    rng = np.random.default_rng(2024)
    for cell, mask, backwards, zero in itertools.product(
        CELLS, MASKS, [False, True], [False, True]
    ):
        for reset_after in [True, False] if cell == "GRU" else [None]:
            case = {
                "cell": cell, "mask": mask, "go_backwards": backwards,
                "zero_output_for_mask": zero,
                "units": int(rng.choice([1, 3, 5])), "features": int(rng.choice([1, 3])),
                "time": int(rng.choice([1, 4, 7])), "batch": int(rng.choice([1, 3])),
                "use_bias": bool(rng.random() > 0.25),
                "activation": str(rng.choice(["tanh", "relu", "sigmoid", "softsign", "elu"])),
            }
            if cell != "SimpleRNN":
                case["recurrent_activation"] = str(rng.choice(["sigmoid", "hard_sigmoid"]))
            if reset_after is not None:
                case["reset_after"] = reset_after
            cases.append(case)
    return cases


def case_id(case: dict) -> str:
    parts = [case["cell"], case["mask"], case["activation"]]
    parts += ["backwards"] if case["go_backwards"] else []
    parts += ["zero_output"] if case["zero_output_for_mask"] else []
    parts += [f"reset_after={case['reset_after']}"] if "reset_after" in case else []
    return "-".join(parts)


def keras_case(case: dict, scale: float = 0.6):
    """The Keras layer (return_sequences=True), its input, mask and a random dL/dy."""
    rng = np.random.default_rng(zlib.crc32(case_id(case).encode()))
    x = rng.standard_normal((case["batch"], case["time"], case["features"])).astype(np.float32)
    mask = make_mask(case["mask"], case["batch"], case["time"], rng)
    options = {k: case[k] for k in ("go_backwards", "use_bias", "activation",
                                    "recurrent_activation", "reset_after",
                                    "zero_output_for_mask") if k in case}
    layer = recurrent_layer(case["cell"], case["units"], return_sequences=True, **options)
    layer.build(x.shape)
    randomize(layer, rng, scale)
    d = rng.standard_normal((case["batch"], case["time"], case["units"])).astype(np.float32)
    return layer, x, mask, d


def check_against_tape(case: dict, scale: float = 0.6) -> None:
    layer, x, mask, d = keras_case(case, scale)
    grads = from_keras(layer).run(x, mask).backward(d)
    want_x, want_weights = tape_gradients(layer, x, mask, d)
    assert len(grads.weights) == len(want_weights)
    for got, want in zip(grads.weights, want_weights):
        assert got.dtype == np.float32
        assert_close(got, want)
    assert_close(grads.inputs, want_x)
    sequence, want_hidden = tape_hidden_gradients(layer, x, mask, d)
    assert_close(sequence, np.asarray(layer(x, mask=mask)), rtol=2e-6)
    assert_close(grads.hidden, want_hidden)


@pytest.mark.parametrize("case", grid(), ids=case_id)
def test_backward_matches_gradient_tape(case: dict) -> None:
    check_against_tape(case)


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("name", IN_CELL)
def test_every_activation_backward_inside_each_cell(cell: str, name: str) -> None:
    case = {"cell": cell, "mask": "holes", "go_backwards": False, "zero_output_for_mask": False,
            "units": 3, "features": 2, "time": 4, "batch": 2, "use_bias": True,
            "activation": name}
    if cell != "SimpleRNN":
        case["recurrent_activation"] = name
    check_against_tape(case, scale=0.3)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_backward_matches_tensorflow(name: str) -> None:
    """On a grid that hits every kink exactly (0, +-1, +-3, 6): TensorFlow's choice there."""
    tf = tensorflow()
    x = np.linspace(-8, 8, 161, dtype=np.float32).reshape(7, 23)
    dy = np.random.default_rng(0).standard_normal(x.shape).astype(np.float32)
    x_t = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x_t)
        loss = tf.reduce_sum(dy * keras().activations.get(name)(x_t))
    want = np.asarray(tape.gradient(loss, x_t))
    np.testing.assert_allclose(activation_backward(name)(x, dy), want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_backward_matches_finite_differences(name: str) -> None:
    rng = np.random.default_rng(zlib.crc32(name.encode()))
    x = rng.uniform(-5, 5, (3, 8))
    kinks = np.array([-3.0, -1.0, 0.0, 1.0, 3.0, 6.0])
    x[np.abs(x[..., None] - kinks).min(axis=-1) < 1e-3] += 0.01  # away from the kinks
    dy = rng.standard_normal(x.shape)
    act = ACTIVATIONS[name]
    want = centred_differences(lambda: float((dy * act(x)).sum()), x)
    np.testing.assert_allclose(activation_backward(name)(x, dy), want, rtol=1e-6, atol=1e-8)


def float64_spec(case: dict) -> tuple[RecurrentSpec, np.ndarray, np.ndarray | None, np.ndarray]:
    """The Keras case's spec with its weights cast to float64, and float64 x and dL/dy."""
    layer, x, mask, d = keras_case(case, scale=0.4)
    spec = from_keras(layer)
    cell = spec.cell
    wide = {name: getattr(cell, name).astype(np.float64)
            for name in ("kernel", "recurrent_kernel", "bias") if getattr(cell, name) is not None}
    spec = dataclasses.replace(spec, cell=dataclasses.replace(cell, **wide))
    return spec, x.astype(np.float64), mask, d.astype(np.float64)


def fd_grid() -> list[dict]:
    """Each cell with every activation, softmax and exponential too (float64 and small
    weights keep exp(exp(...)) finite here, where float32 parity with Keras cannot); masks,
    directions and the masked-output mode vary from case to case."""
    cases = []
    rng = np.random.default_rng(77)
    for cell, name in itertools.product(CELLS, sorted(ACTIVATIONS)):
        case = {"cell": cell, "activation": name, "mask": str(rng.choice(MASKS)),
                "go_backwards": bool(rng.random() > 0.5),
                "zero_output_for_mask": bool(rng.random() > 0.5),
                "units": 2, "features": 2, "time": 4, "batch": 2,
                "use_bias": bool(rng.random() > 0.2)}
        if cell != "SimpleRNN":
            case["recurrent_activation"] = str(rng.choice(["sigmoid", "hard_sigmoid", name]))
        if cell == "GRU":
            case["reset_after"] = bool(rng.random() > 0.5)
        cases.append(case)
    return cases


@pytest.mark.parametrize("case", fd_grid(), ids=case_id)
def test_backward_matches_finite_differences(case: dict) -> None:
    spec, x, mask, d = float64_spec(case)
    grads = spec.run(x, mask).backward(d)

    def loss() -> float:
        return float((d * spec.run(x, mask).sequence()).sum())

    for got, weight in zip(grads.weights, spec.cell.weights):
        assert got.dtype == np.float64
        np.testing.assert_allclose(got, centred_differences(loss, weight), rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(grads.inputs, centred_differences(loss, x), rtol=1e-6, atol=1e-8)


def test_a_masked_step_gets_no_input_gradient_and_passes_its_state_gradient_back() -> None:
    case = {"cell": "LSTM", "mask": "none", "go_backwards": False,
            "zero_output_for_mask": False, "units": 3, "features": 2, "time": 3, "batch": 1,
            "use_bias": True, "activation": "tanh", "recurrent_activation": "sigmoid"}
    layer, x, _, d = keras_case(case)
    d[:, :2] = 0.0
    mask = np.array([[True, False, True]])
    trace = from_keras(layer).run(x, mask)
    grads = trace.backward(d)
    assert not grads.inputs[:, 1].any()
    np.testing.assert_array_equal(grads.hidden[:, 0], grads.hidden[:, 1])
    np.testing.assert_array_equal(grads.states["c"][:, 0], grads.states["c"][:, 1])


def test_wrong_gradient_shape_is_refused_clearly() -> None:
    layer, x, mask, d = keras_case({
        "cell": "SimpleRNN", "mask": "none", "go_backwards": False,
        "zero_output_for_mask": False, "units": 2, "features": 1, "time": 3, "batch": 1,
        "use_bias": True, "activation": "tanh"})
    with pytest.raises(ValueError, match="d_sequence must be"):
        from_keras(layer).run(x, mask).backward(d[:, :2])


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("mask_kind", MASKS)
@pytest.mark.parametrize("go_backwards", [False, True])
def test_initial_state_runs_and_gets_its_gradient_as_keras(
    cell: str, mask_kind: str, go_backwards: bool
) -> None:
    """A given initial state: the same outputs and states as Keras, and dL/d(initial state)
    equal to the tape's (masked steps before the first real one emit zeros, not the state)."""
    tf = tensorflow()
    case = {"cell": cell, "mask": mask_kind, "go_backwards": go_backwards,
            "zero_output_for_mask": False, "units": 3, "features": 2, "time": 5, "batch": 3,
            "use_bias": True, "activation": "tanh"}
    layer, x, mask, d = keras_case(case)
    rng = np.random.default_rng(len(cell) + len(mask_kind))
    count = 2 if cell == "LSTM" else 1
    initial = [rng.standard_normal((3, 3)).astype(np.float32) for _ in range(count)]
    trace = from_keras(layer).run(x, mask, initial_state=initial)
    initial_t = [tf.constant(s) for s in initial]
    with tf.GradientTape() as tape:
        tape.watch(initial_t)
        y = layer(x, mask=mask, initial_state=initial_t)
        loss = tf.reduce_sum(d * y)
    assert_close(trace.sequence(), np.asarray(y), rtol=2e-6)
    grads = trace.backward(d)
    for got, want in zip(grads.initial_states, tape.gradient(loss, initial_t)):
        assert_close(got, np.asarray(want))


def test_a_wrong_initial_state_is_refused_clearly() -> None:
    layer, x, mask, _ = keras_case({
        "cell": "LSTM", "mask": "none", "go_backwards": False, "zero_output_for_mask": False,
        "units": 2, "features": 1, "time": 3, "batch": 1, "use_bias": True,
        "activation": "tanh"})
    with pytest.raises(ValueError, match="initial_state must be 2 array"):
        from_keras(layer).run(x, mask, initial_state=[np.zeros((1, 2))])
