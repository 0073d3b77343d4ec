"""The Keras lab's logic against real Keras: names, shapes, values, relations, snippet, params.

The reference for every configuration is the lab's own code snippet, executed: it builds an
independent Keras layer from scratch, so a passing test means the page shows what a student
pasting the snippet gets.
"""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.lab import (
    CELLS, MERGE_MODES, PRESETS, InputConfig, LabConfig, parse_vocabulary, parse_words, run_lab,
    shape_table,
)
from rnnviz.engine import Dense, SequenceModel, from_keras
from rnnviz.guards.problems import InputProblem
from rnnviz.lab.config import MAX_WORD_CHARS, MAX_LAB_WORDS
from rnnviz.charts.config import MIN_FONT
from rnnviz.charts.lab import DIGIT_EM, MAX_WIDTH_PX, PANEL_EXTRA_PX, tensor_heatmap
from rnnviz.lab.trained import trained_config
from rnnviz.text import t

keras_runtime.keras()

RANDOM = InputConfig(source="random", batch=2, time=4, features=2)
RAGGED = InputConfig(words=("hello", "eol", "l"), pad=1, mask=True)
DIRECTIONS = [(False, "concat")] + [(True, m) for m in MERGE_MODES]
FLAGS = list(itertools.product((False, True), (False, True)))


def _snippet_values(result) -> dict[str, np.ndarray]:
    namespace: dict = {}
    exec(compile(result.snippet, "<snippet>", "exec"), namespace)  # noqa: S102 - our own code
    return {t.name: np.asarray(namespace[t.name]) for t in result.tensors}


def _check(config: LabConfig):
    result = run_lab(config)
    reference = _snippet_values(result)
    assert [t.name for t in result.tensors] == list(reference)
    for tensor in result.tensors:
        assert tensor.shape == reference[tensor.name].shape, tensor.name
        np.testing.assert_allclose(tensor.values, reference[tensor.name], atol=1e-6)
        np.testing.assert_allclose(tensor.engine, tensor.values, atol=2e-6)
    assert result.engine_max_abs_diff < 2e-6
    assert result.params.total == result.keras_params
    for link in result.links:
        tensor = result.tensor(link.tensor).values[link.batch]
        row = tensor if link.row is None else tensor[link.row]
        np.testing.assert_array_equal(row[link.start:link.stop],
                                      result.tensor(link.state).values[link.batch])
    return result


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("bidirectional,merge_mode", DIRECTIONS)
@pytest.mark.parametrize("return_sequences,return_state", FLAGS)
def test_every_combination_matches_keras(cell, bidirectional, merge_mode, return_sequences,
                                         return_state):
    config = LabConfig(cell=cell, units=3, bidirectional=bidirectional, merge_mode=merge_mode,
                       return_sequences=return_sequences, return_state=return_state,
                       input=RANDOM, seed=7)
    result = _check(config)
    units = 2 * 3 if bidirectional and merge_mode == "concat" else 3
    main = (2, 4, units) if return_sequences else (2, units)
    outputs = [t for t in result.tensors if t.name.startswith("output")]
    states = [t for t in result.tensors if not t.name.startswith("output")]
    assert {t.shape for t in outputs} == {main}
    assert len(outputs) == (2 if bidirectional and merge_mode is None else 1)
    per_direction = 2 if cell == "LSTM" else 1
    expected_states = per_direction * (2 if bidirectional else 1) if return_state else 0
    assert len(states) == expected_states
    assert all(s.shape == (2, 3) for s in states)
    if return_state and bidirectional and merge_mode in ("concat", None):
        assert {link.state for link in result.links} == {"h_forward", "h_backward"}


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("variant", [
    dict(go_backwards=True),
    dict(go_backwards=True, input=RAGGED),
    dict(input=RAGGED),
    dict(input=RAGGED, return_sequences=False),
    dict(bidirectional=True, input=RAGGED),
    dict(bidirectional=True, merge_mode=None, input=RAGGED),
    dict(bidirectional=True, merge_mode="sum", input=RAGGED, return_sequences=False),
    dict(wrap_cell=True, input=RAGGED),
    dict(wrap_cell=True, bidirectional=True, input=RAGGED),
])
def test_go_backwards_masking_and_cells_in_rnn_match_keras(cell, variant):
    result = _check(LabConfig(cell=cell, units=2, seed=3, **variant))
    config = result.config
    if config.go_backwards:
        steps = result.input.x.shape[1]
        assert result.row_steps == tuple(range(steps - 1, -1, -1))
    if config.input.mask and config.return_sequences:
        skipped = result.skipped
        # "eol" + 1 pad step is 3 real of 6 steps; "l" is 1 real step.
        assert skipped.sum(axis=1).tolist() == [1, 3, 5]
        output = result.tensors[0].values
        if config.bidirectional:
            assert np.all(output[skipped] == 0)
        else:
            # A skipped row repeats the row before it (in processing order), or is zero.
            for b, r in zip(*np.nonzero(skipped)):
                before = output[b, r - 1] if r else np.zeros_like(output[b, r])
                np.testing.assert_array_equal(output[b, r], before)


def test_masking_changes_what_padding_does():
    plain = run_lab(LabConfig(input=InputConfig(words=("hello", "eo"), pad=2)))
    masked = run_lab(LabConfig(input=InputConfig(words=("hello", "eo"), pad=2, mask=True)))
    assert "lab.note_pad_unmasked" in [n.key for n in plain.notes]
    assert "lab.note_mask" in [n.key for n in masked.notes]
    # Unmasked, the padding steps are processed and move h; masked, h stops at the word's end.
    assert not np.allclose(plain.tensor("h").values[1], masked.tensor("h").values[1])
    np.testing.assert_array_equal(masked.tensor("h").values[1],
                                  masked.tensor("output").values[1, 1])


def test_gru_reset_after_false_param_count():
    for reset_after, extra in ((True, 2), (False, 1)):
        result = _check(LabConfig(cell="GRU", units=4, reset_after=reset_after, input=RANDOM))
        assert result.keras_params == 3 * 4 * (2 + 4 + extra)


def test_l2_presets_give_lesson_shapes():
    cell = run_lab(PRESETS["L2_cell"])
    assert cell.input.x.shape == (1, 1, 4)
    assert [(t.name, t.shape) for t in cell.tensors] == [("output", (1, 1, 2)), ("h", (1, 2))]
    assert "keras.layers.RNN(\n    keras.layers.SimpleRNNCell(2)," in cell.snippet
    batch = run_lab(PRESETS["L2_batch"])
    assert batch.input.features == ("h", "e", "l", "o")
    assert [(t.name, t.shape) for t in batch.tensors] == [("output", (3, 5, 2)), ("h", (3, 2))]
    # outputs holds the hidden state of every timestep; the state only the last one.
    np.testing.assert_array_equal(batch.tensor("output").values[:, -1],
                                  batch.tensor("h").values)
    for preset in ("L2_cell", "L2_batch"):
        _check(PRESETS[preset])


def test_l5_presets_give_lesson_shapes():
    def shapes(preset: str, seq: bool, state: bool) -> list[tuple[str, tuple[int, ...]]]:
        result = run_lab(PRESETS[preset].with_flags(seq, state))
        return [(t.name, t.shape) for t in result.tensors]

    assert shapes("L5_lstm", False, False) == [("output", (2, 3))]
    assert shapes("L5_lstm", True, False) == [("output", (2, 5, 3))]
    assert shapes("L5_lstm", False, True) == [("output", (2, 3)), ("h", (2, 3)), ("c", (2, 3))]
    assert shapes("L5_bi_lstm", False, False) == [("output", (2, 6))]
    assert shapes("L5_bi_lstm", True, True) == [
        ("output", (2, 5, 6)), ("h_forward", (2, 3)), ("c_forward", (2, 3)),
        ("h_backward", (2, 3)), ("c_backward", (2, 3)),
    ]
    assert shapes("L5_gru", True, True) == [("output", (2, 5, 3)), ("h", (2, 3))]
    assert shapes("L5_bi_gru", False, True) == [
        ("output", (2, 6)), ("h_forward", (2, 3)), ("h_backward", (2, 3)),
    ]
    assert run_lab(PRESETS["L5_lstm"]).input.x.shape == (2, 5, 1)


@pytest.mark.parametrize("preset", ["L2_batch", "L5_bi_lstm"])
def test_shape_table_matches_real_calls(preset):
    for row in shape_table(PRESETS[preset]):
        called = run_lab(PRESETS[preset].with_flags(row.return_sequences, row.return_state))
        assert row.returned == tuple((t.name, t.shape) for t in called.tensors)


def test_parse_words_caps_and_cleans():
    assert parse_words("hello, eolll  lleel") == (("hello", "eolll", "lleel"), [])
    words, notices = parse_words(" ".join(["abc"] * 20))
    assert len(words) == MAX_LAB_WORDS and notices[0].key == "lab.notice_words_cut"
    words, notices = parse_words("x" * 100)
    assert words == ("x" * MAX_WORD_CHARS,) and notices[0].key == "lab.notice_word_cut"
    words, notices = parse_words("he\u200bllo\x00 cafe\u0301")
    assert words == ("hello", "café")
    assert notices[0].key == "guards.dropped" and notices[0].values["count"] == 2
    words, notices = parse_words("a" * 10_000)
    assert notices[0].key == "lab.notice_text_cut"
    assert parse_words("<b>hi</b>")[0] == ("<b>hi</b>",)


@pytest.mark.parametrize("text,key", [
    ("", "lab.err_no_words"), (" , ,\n", "lab.err_no_words"), ("\u200b\u200d", "lab.err_no_words"),
    ("abcdefghijklmnop qrstuvwxyz012345 6789ABCDEFGHIJKL", "lab.err_too_many_chars"),
])
def test_parse_words_rejects_with_a_message(text, key):
    with pytest.raises(InputProblem) as caught:
        parse_words(text)
    assert caught.value.message.key == key


def test_parse_vocabulary():
    assert parse_vocabulary("h, e l o", ("h",)) == ("helo", [])
    assert parse_vocabulary("", ("h",)) == ("", [])
    with pytest.raises(InputProblem) as caught:
        parse_vocabulary("hel", ("hello",))
    assert caught.value.message.values == {"chars": "o"}


def test_bad_config_is_refused():
    with pytest.raises(ValueError):
        LabConfig(bidirectional=True, go_backwards=True)
    with pytest.raises(ValueError):
        LabConfig(units=0)
    with pytest.raises(ValueError):
        InputConfig(words=())


def _trained_model(layer, tokens: tuple[str, ...], **kwargs) -> SequenceModel:
    units = layer.forward_layer.units if hasattr(layer, "forward_layer") else layer.units
    head = Dense(np.zeros((units, 2), np.float32), np.zeros(2, np.float32))
    return SequenceModel(tokens=tokens, labels=("a", "b"), layers=[from_keras(layer)],
                         head=head, **kwargs)


@pytest.mark.parametrize("make,tokens,samples,embedding", [
    (lambda k: k.layers.SimpleRNN(3), ("h", "e", "l", "o"), ("hell",), None),
    (lambda k: k.layers.Bidirectional(k.layers.LSTM(2), merge_mode=None),
     ("<pad>", " ", "a", "b"), ("ab ba", "b"), np.eye(4, dtype=np.float32)),
    (lambda k: k.layers.GRU(2, reset_after=False), ("x", "y"), ("xyyx",), None),
])
def test_a_trained_layer_shows_its_own_numbers(make, tokens, samples, embedding):
    keras = keras_runtime.keras()
    layer = make(keras)
    layer.build((None, None, len(tokens)))
    rng = np.random.default_rng(5)
    layer.set_weights([rng.normal(size=w.shape).astype("float32") for w in layer.get_weights()])
    model = _trained_model(layer, tokens, embedding=embedding)
    config = trained_config(model, "L3", 30, samples, LabConfig(input=InputConfig(mask=True)))
    assert config.trained is not None and config.input.mask
    result = _check(config)
    assert "L3, epoch 30" in result.snippet
    # The lab's input is the one-hot of the samples over the model's own vocabulary, and the
    # trained layer itself (built without either flag) returns what the lab shows.
    x = result.input.x
    assert x.shape[2] == len(tokens)
    returned = layer(x, mask=result.input.mask)
    returned = returned if isinstance(returned, (list, tuple)) else [returned]
    shown = run_lab(config.with_flags(False, False)).tensors
    assert len(shown) == len(returned)
    for tensor, value in zip(shown, returned):
        np.testing.assert_allclose(tensor.values, np.asarray(value), atol=1e-6)


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("activation", ["relu", "sigmoid", "linear"])
def test_every_activation_matches_keras(cell, activation):
    result = _check(LabConfig(cell=cell, units=3, activation=activation, input=RAGGED,
                              seed=2))
    assert f"activation='{activation}'" in result.snippet
    assert "activation=" not in _check(LabConfig(cell=cell, units=3, seed=2)).snippet


def test_a_layer_trained_with_relu_comes_with_its_activation():
    keras = keras_runtime.keras()
    layer = keras.layers.SimpleRNN(3, activation="relu")
    layer.build((None, None, 4))
    rng = np.random.default_rng(6)
    layer.set_weights([rng.normal(size=w.shape).astype("float32") for w in layer.get_weights()])
    config = trained_config(_trained_model(layer, ("h", "e", "l", "o")), "L4", 200,
                            ("hell",), LabConfig())
    assert config.activation == "relu"
    result = _check(config)
    last = run_lab(config.with_flags(False, False)).tensors[0].values
    np.testing.assert_allclose(last, np.asarray(layer(result.input.x)), atol=1e-6)


def test_layers_the_lab_cannot_show_are_refused_with_a_reason():
    keras = keras_runtime.keras()
    softplus = keras.layers.SimpleRNN(2, activation="softplus")
    softplus.build((None, None, 2))
    hard_gates = keras.layers.GRU(2, recurrent_activation="hard_sigmoid")
    hard_gates.build((None, None, 2))
    plain = keras.layers.SimpleRNN(2)
    plain.build((None, None, 2))
    cases = [
        (_trained_model(softplus, ("a", "b")), "lab.trained_activation"),
        (_trained_model(hard_gates, ("a", "b")), "lab.trained_activation"),
        (_trained_model(plain, ("as", "soon"), level="word"), "lab.trained_word_level"),
        (_trained_model(plain, ("a", "b"), embedding=np.ones((2, 2), np.float32)),
         "lab.trained_embedding"),
    ]
    for model, key in cases:
        with pytest.raises(InputProblem) as caught:
            trained_config(model, "L4", 1, ("ab",), LabConfig())
        assert caught.value.message.key == key


@pytest.mark.parametrize("padding", ["pre", "post"])
def test_padding_goes_where_keras_pad_sequences_puts_it(padding):
    """The zeros sit where `keras.utils.pad_sequences(..., padding=...)` puts them, with the
    extra padding steps on the same side; the layer and its engine replay agree there."""
    words = ("hello", "eol", "l")
    config = InputConfig(words=words, pad=2, padding=padding)
    batch = run_lab(LabConfig(input=config)).input
    chars = list(config.characters)
    ids = [[chars.index(c) + 1 for c in w] for w in words]  # 0 is the padding id
    keras_ids = keras_runtime.keras().utils.pad_sequences(ids, maxlen=7, padding=padding)
    assert batch.real.tolist() == (keras_ids != 0).tolist()
    for b, row in enumerate(keras_ids):
        for step, token in enumerate(row):
            assert batch.step_tokens[b][step] == ("" if token == 0 else chars[token - 1])


@pytest.mark.parametrize("cell", CELLS)
@pytest.mark.parametrize("variant", [
    dict(), dict(return_sequences=False), dict(bidirectional=True), dict(go_backwards=True),
])
@pytest.mark.parametrize("mask", [False, True])
def test_pre_padding_matches_keras_with_and_without_masking(cell, variant, mask):
    result = _check(LabConfig(cell=cell, units=2, seed=5, **variant, input=InputConfig(
        words=("hello", "eol", "l"), pad=1, mask=mask, padding="pre")))
    assert "padding='pre'" in result.snippet
    keys = [n.key for n in result.notes]
    assert ("lab.note_pad_unmasked_pre" in keys) is not mask


def test_pre_padding_of_random_input_puts_the_zeros_first():
    result = _check(LabConfig(input=InputConfig(source="random", batch=2, time=3, pad=2,
                                                padding="pre")))
    assert result.input.real.tolist() == [[False, False, True, True, True]] * 2


def test_the_bidirectional_note_names_the_columns_of_each_direction():
    result = run_lab(LabConfig(units=3, bidirectional=True, input=RANDOM))
    note = next(n for n in result.notes if n.key == "lab.note_bi_concat")
    assert t(note.key, "en", **note.values).endswith("columns 0–2 are the forward direction, "
                                                  "columns 3–5 the backward one.")
    assert "0–2번 열은 순방향, 3–5번 열은 역방향" in t(note.key, "ko", **note.values)


@pytest.mark.parametrize("units, batch", [(2, 3), (6, 3), (16, 3), (16, 6), (4, 6)])
def test_heatmaps_fit_the_main_column_and_print_only_numbers_that_fit(units, batch):
    """At 1280 px the lab's main column is about 800 px beside its sidebar: a figure wider
    than that is squeezed and its printed numbers run into each other."""
    rng = np.random.default_rng(units)
    panels = [rng.uniform(-1, 1, (5, units)) for _ in range(batch)]
    figure = tensor_heatmap(panels, panel_titles=[""] * batch, row_labels=[["t"] * 5] * batch,
                            column_labels=[str(u) for u in range(units)])
    assert figure.layout.width <= MAX_WIDTH_PX
    per_row = len({tuple(figure.layout[f"xaxis{a}"].domain) for a in [""] + [
        str(p + 2) for p in range(batch - 1)]})
    cell = ((figure.layout.width - 20) / per_row - PANEL_EXTRA_PX) / units
    template = figure.data[0].texttemplate
    if template:
        places = int(template[-3])
        assert (2 + 1 + places) * DIGIT_EM * MIN_FONT <= cell  # "-0." and the decimals
    assert figure.data[0].textfont.size >= MIN_FONT
