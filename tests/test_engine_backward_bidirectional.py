"""Bidirectional BPTT: `BidirectionalTrace.gradients(d_output, return_sequences)` equals
tf.GradientTape on the Keras Bidirectional layer, for every cell, merge mode, mask and
return_sequences, with dL/d(output) shaped as the layer returns it."""
from __future__ import annotations

import itertools
import zlib

import numpy as np
import pytest

from rnnviz.engine import from_keras
from tests.keras_reference import randomize, recurrent_layer, tape_gradients
from tests.test_engine_backward import CELLS, assert_close
from tests.test_engine_parity import MASKS, make_mask

MERGES = ("concat", "sum", "ave", "mul", "none")


def grid() -> list[dict]:
    cases = []
    rng = np.random.default_rng(5)
    for cell, merge, mask, sequences in itertools.product(CELLS, MERGES, MASKS, [True, False]):
        case = {"cell": cell, "merge": merge, "mask": mask, "return_sequences": sequences,
                "units": int(rng.choice([1, 3])), "features": int(rng.choice([1, 3])),
                "time": int(rng.choice([1, 4, 6])), "batch": int(rng.choice([1, 3])),
                "use_bias": bool(rng.random() > 0.25),
                "activation": str(rng.choice(["tanh", "relu", "softsign"]))}
        if cell == "GRU":
            case["reset_after"] = bool(rng.random() > 0.5)
        cases.append(case)
    return cases


def case_id(case: dict) -> str:
    parts = [case["cell"], case["merge"], case["mask"]]
    parts += ["sequences" if case["return_sequences"] else "last"]
    parts += [f"reset_after={case['reset_after']}"] if "reset_after" in case else []
    return "-".join(parts)


@pytest.mark.parametrize("case", grid(), ids=case_id)
def test_bidirectional_backward_matches_gradient_tape(case: dict) -> None:
    rng = np.random.default_rng(zlib.crc32(case_id(case).encode()))
    batch, time, units = case["batch"], case["time"], case["units"]
    x = rng.standard_normal((batch, time, case["features"])).astype(np.float32)
    mask = make_mask(case["mask"], batch, time, rng)
    options = {k: case[k] for k in ("use_bias", "activation", "reset_after") if k in case}
    layer = recurrent_layer(case["cell"], units, case["merge"],
                            return_sequences=case["return_sequences"], **options)
    layer.build(x.shape)
    randomize(layer, rng)
    shape = (batch, time) if case["return_sequences"] else (batch,)
    if case["merge"] == "none":
        d = [rng.standard_normal((*shape, units)).astype(np.float32) for _ in range(2)]
    else:
        width = 2 * units if case["merge"] == "concat" else units
        d = rng.standard_normal((*shape, width)).astype(np.float32)
    grads = from_keras(layer).run(x, mask).gradients(d, case["return_sequences"])
    want_x, want_weights = tape_gradients(layer, x, mask, d)
    assert len(grads.weights) == len(want_weights)
    for got, want in zip(grads.weights, want_weights):
        assert_close(got, want)
    assert_close(grads.inputs, want_x)
