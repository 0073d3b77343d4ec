"""The rule of truth: the engine returns what Keras returns, over a generated grid of layer
configurations and every combination of return_sequences and return_state."""
from __future__ import annotations

import itertools
import zlib

import numpy as np
import pytest

from rnnviz.engine import from_keras
from rnnviz.engine.activations import ACTIVATIONS
from rnnviz.keras_runtime import keras
from tests.keras_reference import as_numpy, assert_same, randomize, recurrent_layer

FLAGS = list(itertools.product([False, True], repeat=2))
MASKS = ("none", "padded", "holes")


def make_mask(kind: str, batch: int, time: int, rng: np.random.Generator) -> np.ndarray | None:
    """"padded": end padding of different lengths, one row fully padded when possible;
    "holes": random gaps, the first step of row 0 always masked."""
    if kind == "none":
        return None
    if kind == "padded":
        lengths = rng.integers(1, time + 1, size=batch)
        if batch > 1:
            lengths[-1] = 0
        return np.arange(time)[None, :] < lengths[:, None]
    mask = rng.random((batch, time)) > 0.35
    mask[0, 0] = False
    return mask


def grid() -> list[dict]:
    """Every cell x wrapper x mask (x go_backwards, x reset_after); the remaining dimensions
    (units, features, timesteps, batch, bias, activations) vary from case to case."""
    cases = []
    rng = np.random.default_rng(1234)
    wrappers = [None, "concat", "sum", "ave", "mul", "none"]
    for cell, wrapper, mask in itertools.product(("SimpleRNN", "LSTM", "GRU"), wrappers, MASKS):
        backwards = [False] if wrapper else [False, True]  # Keras refuses go_backwards inside
        resets = [True, False] if cell == "GRU" else [None]
        for go_backwards, reset_after in itertools.product(backwards, resets):
            case = {
                "cell": cell, "wrapper": wrapper, "mask": mask, "go_backwards": go_backwards,
                "units": int(rng.choice([1, 2, 5])), "features": int(rng.choice([1, 3, 4])),
                "time": int(rng.choice([1, 4, 7])), "batch": int(rng.choice([1, 3])),
                "use_bias": bool(rng.random() > 0.2),
                "activation": str(rng.choice(["tanh", "relu", "sigmoid", "hard_sigmoid"])),
            }
            if cell != "SimpleRNN":
                case["recurrent_activation"] = str(rng.choice(["sigmoid", "hard_sigmoid"]))
            if reset_after is not None:
                case["reset_after"] = reset_after
            cases.append(case)
    return cases


def case_id(case: dict) -> str:
    parts = [case["cell"], case["wrapper"] or "plain", case["mask"]]
    parts += ["backwards"] if case["go_backwards"] else []
    parts += [f"reset_after={case['reset_after']}"] if "reset_after" in case else []
    return "-".join(parts)


def check_against_keras(
    case: dict, flags: list[tuple[bool, bool]] = FLAGS, scale: float = 0.6
) -> None:
    rng = np.random.default_rng(zlib.crc32(case_id(case).encode()))
    x = rng.standard_normal((case["batch"], case["time"], case["features"])).astype(np.float32)
    mask = make_mask(case["mask"], case["batch"], case["time"], rng)
    options = {k: case[k] for k in ("go_backwards", "use_bias", "activation",
                                    "recurrent_activation", "reset_after") if k in case}
    weights = None
    for return_sequences, return_state in flags:
        layer = recurrent_layer(
            case["cell"], case["units"], case["wrapper"],
            return_sequences=return_sequences, return_state=return_state, **options,
        )
        layer.build(x.shape)
        if weights is None:
            randomize(layer, rng, scale)
            weights = layer.get_weights()
        layer.set_weights(weights)
        want = as_numpy(layer(x, mask=mask))
        got = from_keras(layer).run(x, mask).outputs(return_sequences, return_state)
        assert_same(got, want)


@pytest.mark.parametrize("case", grid(), ids=case_id)
def test_engine_matches_keras(case: dict) -> None:
    check_against_keras(case)


# exp(exp(...)) overflows float32 within a few steps, in Keras as here: nothing to compare.
IN_CELL = sorted(set(ACTIVATIONS) - {"softmax", "log_softmax", "exponential"})


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_matches_keras(name: str) -> None:
    x = np.linspace(-8, 8, 161, dtype=np.float32).reshape(7, 23)
    want = np.asarray(keras().activations.get(name)(x))
    np.testing.assert_allclose(ACTIVATIONS[name](x), want, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("cell", ["SimpleRNN", "LSTM", "GRU"])
@pytest.mark.parametrize("name", IN_CELL)
def test_every_activation_inside_each_cell(cell: str, name: str) -> None:
    case = {"cell": cell, "wrapper": None, "mask": "holes", "go_backwards": False, "units": 3,
            "features": 2, "time": 4, "batch": 2, "use_bias": True, "activation": name}
    if cell != "SimpleRNN":
        case["recurrent_activation"] = name
    check_against_keras(case, flags=[(True, True)], scale=0.3)


def test_rnn_wrapping_a_cell_matches_keras() -> None:
    """L2's `layers.RNN(SimpleRNNCell(2), return_sequences=True, return_state=True)`."""
    rng = np.random.default_rng(0)
    layers = keras().layers
    layer = layers.RNN(layers.SimpleRNNCell(2), return_sequences=True, return_state=True)
    x = rng.standard_normal((1, 1, 4)).astype(np.float32)
    layer.build(x.shape)
    randomize(layer, rng)
    assert_same(from_keras(layer).run(x).outputs(True, True), as_numpy(layer(x)))


def test_unknown_activation_is_refused_clearly() -> None:
    from rnnviz.engine.activations import activation

    with pytest.raises(ValueError, match="not one rnnviz can reproduce"):
        activation("not_an_activation")
