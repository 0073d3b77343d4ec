"""The cell-kind registry: each kind's facts are Keras's (parameter counts, bias shapes and
initial values, returned states, options) and the engine's (gates, panels and drawings name
what its trace holds), and every registered kind is offered wherever a kind is chosen."""
from __future__ import annotations

import numpy as np
import pytest

from rnnviz import lab
from rnnviz.cells import KINDS, NAMES, CellKind, kind_of
from rnnviz.engine import RecurrentSpec, from_keras
from rnnviz.engine.cells import CELLS as ENGINE_CELLS
from rnnviz.keras_models import CELLS as TRAIN_CELLS
from rnnviz.keras_runtime import keras
from rnnviz.pretrained import catalogue, load, words_key
from rnnviz.text import CATALOGUE
from tests.keras_reference import randomize

SIZES = [(1, 1), (9, 8), (4, 3), (2, 5)]  # (features, units)


def keras_layer(kind: CellKind, units: int, **options: object) -> object:
    return getattr(keras().layers, kind.name)(units, **options)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("features, units", SIZES)
def test_parameter_formula_is_keras_count_params(name: str, features: int, units: int) -> None:
    kind = KINDS[name]
    for reset_after in (True, False):
        layer = keras_layer(kind, units, **kind.keras_options(reset_after))
        layer.build((None, 3, features))
        assert kind.params(features, units, reset_after) == layer.count_params()


@pytest.mark.parametrize("name", NAMES)
def test_initial_bias_is_keras_initial_bias(name: str) -> None:
    """Shape and values: zeros, and the LSTM's forget block at one (unit_forget_bias)."""
    kind = KINDS[name]
    layer = keras_layer(kind, 3)
    layer.build((None, 2, 4))
    kernel, recurrent, bias = layer.get_weights()
    assert kernel.shape == (4, kind.blocks * 3) and recurrent.shape == (3, kind.blocks * 3)
    np.testing.assert_array_equal(kind.initial_bias(3), bias)
    assert kind.initial_bias(3).dtype == np.float32
    assert kind.zero_bias(3).shape == bias.shape and not kind.zero_bias(3).any()


@pytest.mark.parametrize("name", NAMES)
def test_returned_states_are_what_keras_returns(name: str) -> None:
    kind = KINDS[name]
    x = np.random.default_rng(0).standard_normal((2, 3, 4)).astype(np.float32)
    returned = keras_layer(kind, 5, return_state=True)(x)
    assert len(returned) == 1 + len(kind.states)
    assert all(np.asarray(state).shape == (2, 5) for state in returned[1:])


@pytest.mark.parametrize("name", NAMES)
def test_names_are_what_the_engine_trace_holds(name: str) -> None:
    """Gates, panels, bars and drawings name the step's terms; the terms come from the
    trace; the plain names cover every term; the states are the trace's states."""
    kind = KINDS[name]
    layer = keras_layer(kind, 3)
    x = np.random.default_rng(1).standard_normal((1, 4, 2)).astype(np.float32)
    layer.build(x.shape)
    randomize(layer, np.random.default_rng(2))
    spec = from_keras(layer)
    assert isinstance(spec, RecurrentSpec) and kind_of(spec.cell) is kind
    assert isinstance(spec.cell, kind.engine)
    trace = spec.run(x)
    assert tuple(trace.states) == kind.states
    at = {source: {k: v[0, 1] for k, v in getattr(trace, source).items()}
          for source in ("values", "previous", "states")}
    terms = kind.terms(spec.cell, at["values"], at["previous"], at["states"])
    assert set(kind.gates) <= set(trace.values) and set(kind.gates) <= set(terms)
    assert set(kind.panels) <= set(trace.values) | set(trace.states)
    assert set(kind.bars) <= set(kind.states) and set(kind.gate_map) <= set(kind.gates)
    assert set(kind.plain("relu")) == set(terms)
    nodes, _, _, _ = kind.layout("tanh")
    assert {node.key for node in nodes} - {None} <= set(terms)
    np.testing.assert_array_equal(terms["h"], trace.states["h"][0, 1])
    for gate in kind.gates:
        assert ((terms[gate] >= 0) & (terms[gate] <= 1)).all()


def test_plain_names_say_the_activation() -> None:
    assert KINDS["LSTM"].plain("relu")["act_c"] == "relu(c_t)"
    assert KINDS["LSTM"].plain("tanh")["act_c"] == "tanh(c_t)"


@pytest.mark.parametrize("name", NAMES)
def test_text_keys_exist_in_both_languages(name: str) -> None:
    kind = KINDS[name]
    keys = [kind.step_note, kind.hello_note, kind.state_note, kind.bars_title,
            kind.gate_map_title, *(f"step.panel_{panel}" for panel in kind.panels)]
    for key in filter(None, keys):
        assert set(CATALOGUE[key]) == {"en", "ko"}, key


def test_every_kind_is_offered_everywhere_a_kind_is_chosen() -> None:
    """The engine computes every registered kind, and the Train page, the lab and the
    Step-through page's shipped models offer each of them."""
    assert set(ENGINE_CELLS) == set(NAMES)
    assert all(KINDS[name].engine is ENGINE_CELLS[name] for name in NAMES)
    assert TRAIN_CELLS == NAMES and lab.CELLS == NAMES
    offered = {p.key for p in catalogue()}
    for name in NAMES:
        assert words_key(name) in offered
        assert load(words_key(name)).layers[0].cell.kind == name
