"""Whole models: the engine's SequenceModel gives what the Keras model gives, stores without
pickle, and never needs TensorFlow."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from rnnviz.engine import SequenceModel, from_bytes, from_keras_model, to_bytes
from rnnviz.keras_runtime import keras
from tests.keras_reference import randomize

TOKENS = ("<pad>", "a", "b", "c", "d", "e")


def embedding_model(many_to_many: bool) -> object:
    """Embedding with mask_zero -> LSTM -> Bidirectional GRU -> Dense softmax."""
    layers = keras().layers
    model = keras().Sequential([
        keras().Input(shape=(6,), dtype="int32"),
        layers.Embedding(len(TOKENS), 4, mask_zero=True),
        layers.LSTM(5, return_sequences=True),
        layers.Bidirectional(layers.GRU(3, return_sequences=many_to_many), merge_mode="sum"),
        layers.Dense(4, activation="softmax"),
    ])
    for layer in model.layers:
        randomize(layer, np.random.default_rng(len(layer.name)))
    return model


def one_hot_model() -> object:
    """L1's shape: one-hot input -> SimpleRNN returning sequences -> Dense logits."""
    layers = keras().layers
    model = keras().Sequential([
        keras().Input(shape=(4, len(TOKENS))),
        layers.SimpleRNN(3, return_sequences=True),
        layers.Dense(len(TOKENS)),
    ])
    for layer in model.layers:
        randomize(layer, np.random.default_rng(7))
    return model


IDS = np.array([[1, 2, 3, 4, 0, 0], [5, 4, 3, 2, 1, 2], [2, 0, 0, 0, 0, 0]])


@pytest.mark.parametrize("many_to_many", [False, True])
def test_embedding_model_matches_keras(many_to_many: bool) -> None:
    model = embedding_model(many_to_many)
    engine = from_keras_model(model, TOKENS, ("w", "x", "y", "z"))
    trace = engine.run(IDS)
    np.testing.assert_allclose(trace.output, np.asarray(model(IDS)), rtol=1e-5, atol=2e-6)
    assert engine.many_to_many is many_to_many
    assert trace.mask.tolist() == (IDS != 0).tolist()


def test_one_hot_model_matches_keras_at_every_step() -> None:
    model = one_hot_model()
    engine = from_keras_model(model, TOKENS, TOKENS)
    ids = np.array([[1, 2, 2, 3]])
    trace = engine.run(ids)
    want = np.asarray(model(np.eye(len(TOKENS), dtype=np.float32)[ids]))
    np.testing.assert_allclose(trace.output, want, rtol=1e-5, atol=2e-6)
    np.testing.assert_allclose(trace.step_logits, want, rtol=1e-5, atol=2e-6)
    np.testing.assert_allclose(trace.step_probs.sum(-1), 1.0, rtol=1e-6)


def test_model_round_trips_through_bytes() -> None:
    engine = from_keras_model(embedding_model(False), TOKENS, ("w", "x", "y", "z"), meta={"epoch": 3})
    again = from_bytes(to_bytes(engine))
    assert isinstance(again, SequenceModel)
    assert again.tokens == TOKENS and again.meta == {"epoch": 3}
    np.testing.assert_array_equal(again.run(IDS).output, engine.run(IDS).output)


@pytest.mark.parametrize("data", [b"", b"not a zip", b"PK\x03\x04garbage" * 10])
def test_corrupt_bytes_are_refused_with_value_error(data: bytes) -> None:
    with pytest.raises(ValueError):
        from_bytes(data)


def test_pickled_arrays_are_refused(tmp_path) -> None:
    path = tmp_path / "evil.npz"
    np.savez(path, config=np.array([{"format": "x"}], dtype=object))
    with pytest.raises(ValueError):
        from_bytes(path.read_bytes())


def test_engine_runs_a_stored_model_without_tensorflow(tmp_path) -> None:
    path = tmp_path / "model.npz"
    engine = from_keras_model(one_hot_model(), TOKENS, TOKENS)
    path.write_bytes(to_bytes(engine))
    expected = engine.run(np.array([[1, 2, 3]])).output
    code = (
        "import sys, numpy as np; from rnnviz.engine import load; "
        f"m = load({str(path)!r}); out = m.run(np.array([[1, 2, 3]])).output; "
        "assert 'tensorflow' not in sys.modules and 'keras' not in sys.modules; "
        "import json; print(json.dumps(out.tolist()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    np.testing.assert_allclose(np.array(json.loads(result.stdout)), expected, rtol=1e-7)
