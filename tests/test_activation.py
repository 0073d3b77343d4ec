"""The recurrent activation as a training setting (L4: why tanh and not relu): the engine's
model-level trace equals Keras for every activation, a trained relu model and a trained
tanh model differ and each one's Step-through trace is what Keras computes from its weights,
and the comparison charts draw exactly those numbers."""
from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.charts.compare import curves_figure, magnitude_figure
from rnnviz.engine import from_keras_model
from rnnviz.hidden_growth import TANH_BOUND, largest_hidden, same_data
from rnnviz.keras_models import ACTIVATIONS, CELLS, build_model, config_for, encode_inputs
from rnnviz.lessons import five_words, hello
from rnnviz.stepthrough import Walk, read
from rnnviz.trainer import TrainingRun, defaults_for, model_config, problems
from tests.keras_reference import assert_same

# More steps than L4 trained on (4): where relu's hidden state has room to grow.
WORD = "hellhellhellhell"


@pytest.fixture(scope="module")
def keras() -> Any:
    return keras_runtime.keras()


def keras_hidden_sequences(model: Any, x: np.ndarray) -> list[np.ndarray]:
    """Each recurrent layer's h_t at every step, as Keras computes it: the model's own
    layers rebuilt from their configs with `return_sequences=True`, holding their weights,
    on input of any length."""
    keras = keras_runtime.keras()
    recurrent = [layer for layer in model.layers if type(layer).__name__ in CELLS]
    out, sequences = keras.ops.convert_to_tensor(x), []
    for layer in recurrent:
        twin = type(layer).from_config({**layer.get_config(), "return_sequences": True})
        twin.build(out.shape)
        twin.set_weights(layer.get_weights())
        out = twin(out)
        sequences.append(np.asarray(out))
    return sequences


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_engine_hidden_states_equal_keras_for_every_activation(keras, cell: str,
                                                               activation: str) -> None:
    lesson = five_words()
    config = config_for(lesson, cell=cell, activation=activation, layers=2, seed=4)
    model = build_model(config)
    rng = np.random.default_rng(7)
    # Large enough weights that a SimpleRNN with relu or linear leaves tanh's range.
    model.set_weights([(rng.standard_normal(w.shape) * 0.7).astype(np.float32)
                       for w in model.get_weights()])
    assert model.layers[0].get_config()["activation"] == activation
    engine = from_keras_model(model, lesson.vocab.tokens, lesson.labels)
    assert {layer.cell.activation for layer in engine.layers} == {activation}
    ids = lesson.vocab.ids(WORD)
    x = encode_inputs(config, ids[None])
    trace = engine.run(ids[None])
    reference = keras_hidden_sequences(model, x)
    for layer, want in zip(trace.layers, reference, strict=True):
        assert_same(layer.states["h"], want, atol=1e-5)
    assert_same(largest_hidden(engine, ids), np.abs(reference[-1][0]).max(axis=-1), atol=1e-5)
    if activation == "tanh":
        assert largest_hidden(engine, ids).max() < TANH_BOUND
    if cell == "SimpleRNN" and activation in ("relu", "linear"):  # nothing bounds h_t
        assert largest_hidden(engine, ids).max() > TANH_BOUND


def test_activation_is_a_checked_setting() -> None:
    lesson = five_words()
    assert defaults_for(lesson).activation == "tanh"
    settings = replace(defaults_for(lesson), activation="relu")
    assert model_config(lesson, settings).activation == "relu"
    assert problems(replace(settings, activation="softplus")) == [
        ("train.problem.activation", {"value": "softplus"})]
    assert model_config(lesson, settings).shape_key != model_config(
        lesson, defaults_for(lesson)).shape_key  # one compiled program per activation


@pytest.fixture(scope="module")
def trained_pair() -> Any:
    """L4 trained with its own settings twice, once with tanh and once with relu."""
    lesson = five_words()
    runs = {act: TrainingRun(lesson, replace(defaults_for(lesson), activation=act))
            for act in ("tanh", "relu")}
    for run in runs.values():
        assert run.join(180)
    yield runs
    for run in runs.values():
        run.close()


def test_l4_trained_with_relu_and_tanh_gives_two_models_keras_agrees_with(
    keras, trained_pair, tmp_path
) -> None:
    lesson = five_words()
    nets = {}
    for act, run in trained_pair.items():
        assert run.status().state.value == "finished", run.status()
        _, net = run.snapshots()[-1]
        assert net.layers[0].cell.activation == act
        nets[act] = net
        path = tmp_path / f"{act}.keras"
        path.write_bytes(run.keras_file())
        model = keras.saving.load_model(path, compile=False, safe_mode=True)
        assert model.layers[0].get_config()["activation"] == act
        for sample in (*lesson.samples, WORD):
            walk = Walk(net, read(net, sample))
            ids = np.array(read(net, sample).ids)
            x = encode_inputs(model_config(lesson, run.settings), ids[None])
            h = keras_hidden_sequences(model, x)[0][0]
            for t in range(len(walk)):
                (_, terms), = walk.step(t).layers
                np.testing.assert_allclose(terms["h"], h[t], rtol=2e-5, atol=2e-5)
            if len(ids) == lesson.x.shape[1]:  # what the Keras model itself returns
                np.testing.assert_allclose(walk.step(len(walk) - 1).softmax.probs,
                                           np.asarray(model(x))[0], rtol=1e-4, atol=1e-6)
    tanh_weights, relu_weights = nets["tanh"].weights, nets["relu"].weights
    assert not all(np.allclose(a, b) for a, b in zip(tanh_weights, relu_weights))
    ids = lesson.vocab.ids(WORD)
    assert not np.allclose(largest_hidden(nets["tanh"], ids), largest_hidden(nets["relu"], ids))
    assert largest_hidden(nets["tanh"], ids).max() < TANH_BOUND


def test_the_charts_draw_the_histories_and_the_engine_numbers(trained_pair) -> None:
    runs = [(f"<b>{act}</b>", run.history()) for act, run in trained_pair.items()]
    curves = curves_figure(runs, "Loss", "Accuracy", "epoch")
    loss_lines = [d for d in curves.data if d.xaxis == "x"]
    accuracy_lines = [d for d in curves.data if d.xaxis == "x2"]
    for (name, history), loss, accuracy in zip(runs, loss_lines, accuracy_lines, strict=True):
        assert loss.name == accuracy.name == "&lt;b&gt;" + name[3:-4] + "&lt;/b&gt;"
        np.testing.assert_array_equal(loss.x, history.epochs)
        np.testing.assert_allclose(loss.y, history.loss)
        np.testing.assert_allclose(accuracy.y, history.accuracy)
    ids = five_words().vocab.ids(WORD)
    sizes = [(act, largest_hidden(run.snapshots()[-1][1], ids))
             for act, run in trained_pair.items()]
    figure = magnitude_figure(sizes, list(WORD), "title", "step", "max |h|", TANH_BOUND, "1")
    for (_, values), line in zip(sizes, figure.data, strict=True):
        np.testing.assert_allclose(line.y, values)
    assert figure.layout.shapes[0].y0 == TANH_BOUND


def test_only_runs_of_the_same_data_compare() -> None:
    assert same_data(five_words(), five_words())
    assert not same_data(five_words(), hello())
    assert not same_data(five_words(), replace(five_words(), samples=("hell",)))
