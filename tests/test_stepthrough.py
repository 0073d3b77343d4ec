"""The Step-through view: every number it shows is the engine's, and the engine is Keras.

Small Keras models with random non-zero weights are converted with `from_keras_model`; the
view's per-step hidden state, cell state, gates, arithmetic terms and softmax are checked
against what Keras itself returns (the model's output, the layer's sequence output and, for
the cell state, the layer's returned state on every prefix). Then typed text: empty input,
spaces, emoji, Hangul, accents, capitals, unknown tokens and overlong input.
"""
from __future__ import annotations

import functools
import string
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import numpy as np
import pytest

from rnnviz.cells import NAMES
from rnnviz.charts.config import MIN_FONT
from rnnviz.charts.step import (
    CURRENT, HALF_PX, gate_heatmap, softmax_bars, step_heatmap, token_tape, vector_bars,
)
from rnnviz.engine import Dense, RecurrentSpec, SequenceModel, SimpleRNNCell, from_keras_model
from rnnviz.keras_runtime import keras
from rnnviz.stepthrough import END, LIMIT, Walk, panels, read
from rnnviz.stepthrough.display import (
    listing, mean_loss, softmax_rows, spelled, tape,
)
from rnnviz.glyphs import shown
from rnnviz.charts.vector_row import input_row, scores_row
from rnnviz.stepthrough.equations import equations, number
from tests.drawing import frames, named, texts, title
from tests.keras_reference import randomize

TOKENS = tuple("abcde")
LABELS = TOKENS + (END,)
TEXT = "badcab"
RTOL, ATOL = 2e-5, 2e-6


def keras_model(kind: str, units: int = 3) -> object:
    """One-hot input -> `kind` returning sequences -> Dense softmax, as the word models are."""
    layers = keras().layers
    model = keras().Sequential([
        keras().Input(shape=(None, len(TOKENS))),
        getattr(layers, kind)(units, return_sequences=True),
        layers.Dense(len(LABELS), activation="softmax"),
    ])
    for n, layer in enumerate(model.layers):
        randomize(layer, np.random.default_rng(11 + n), scale=0.9)
    return model


def one_hot(ids: list[int]) -> np.ndarray:
    return np.eye(len(TOKENS), dtype=np.float32)[ids][None]


def keras_states(model: object, x: np.ndarray) -> tuple[np.ndarray, np.ndarray | None]:
    """(T, U) hidden states from the layer's sequence output, and for LSTM the (T, U) cell
    states from the state Keras returns after each prefix of the input."""
    layer = model.layers[0]
    hidden = np.asarray(layer(x))[0]
    if type(layer).__name__ != "LSTM":
        return hidden, None
    twin = keras().layers.LSTM(layer.units, return_state=True)
    twin.build(x.shape)
    twin.set_weights(layer.get_weights())
    cells = [np.asarray(twin(x[:, : t + 1])[2])[0] for t in range(x.shape[1])]
    return hidden, np.stack(cells)


@dataclass(frozen=True)
class Case:
    """A Keras model, the view of it reading TEXT, and what Keras computed for TEXT."""

    kind: str
    model: object
    walk: Walk
    probs: np.ndarray  # (T, C) the Keras model's output
    hidden: np.ndarray  # (T, U) the layer's sequence output
    cells: np.ndarray | None  # (T, U) LSTM cell states


@functools.cache
def built(kind: str) -> Case:
    model = keras_model(kind)
    engine = from_keras_model(model, TOKENS, LABELS)
    walk = Walk(engine, read(engine, TEXT))
    x = one_hot(walk.reading.ids)
    hidden, cells = keras_states(model, x)
    return Case(kind, model, walk, np.asarray(model(x))[0], hidden, cells)


KINDS = list(NAMES)


@pytest.mark.parametrize("kind", KINDS)
def test_hidden_state_and_softmax_of_every_step_are_keras(kind: str) -> None:
    case = built(kind)
    walk, probs, hidden = case.walk, case.probs, case.hidden
    assert len(walk) == len(TEXT)
    for t in range(len(walk)):
        step = walk.step(t)
        (direction, terms), = step.layers
        assert direction.kind == kind
        np.testing.assert_allclose(terms["h"], hidden[t], rtol=RTOL, atol=ATOL)
        previous = hidden[t - 1] if t else np.zeros_like(hidden[0])
        np.testing.assert_allclose(terms["h_prev"], previous, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(step.softmax.probs, probs[t], rtol=RTOL, atol=ATOL)
        np.testing.assert_array_equal(step.x, np.eye(len(TOKENS))[TOKENS.index(TEXT[t])])
    heat = panels(walk.directions[0])["h"]
    np.testing.assert_allclose(heat, hidden.T, rtol=RTOL, atol=ATOL)


@pytest.mark.parametrize("kind", KINDS)
def test_argmax_top_k_and_the_true_next_token_follow_keras(kind: str) -> None:
    walk, probs = built(kind).walk, built(kind).probs
    assert walk.argmax() == [LABELS[i] for i in probs.argmax(-1)]
    for t in range(len(walk)):
        softmax = walk.softmax(t)
        top = softmax.top(3)
        assert [label for label, _ in top] == [LABELS[i] for i in np.argsort(-probs[t])[:3]]
        want = TEXT[t + 1] if t + 1 < len(TEXT) else END
        assert softmax.target == want
        p = probs[t][LABELS.index(want)]
        assert softmax.p_target == pytest.approx(p, rel=1e-5)
        assert softmax.loss == pytest.approx(-np.log(p), rel=1e-5)


def test_simplernn_arithmetic_adds_up_to_keras() -> None:
    case = built("SimpleRNN")
    walk, hidden, model = case.walk, case.hidden, case.model
    kernel, recurrent, bias = model.layers[0].get_weights()
    x = one_hot(walk.reading.ids)[0]
    for t in range(len(walk)):
        (_, terms), = walk.step(t).layers
        previous = hidden[t - 1] if t else np.zeros_like(hidden[0])
        np.testing.assert_allclose(terms["xw"], x[t] @ kernel, rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(terms["hu"], previous @ recurrent, rtol=1e-4, atol=1e-5)
        np.testing.assert_array_equal(terms["b"], bias)
        np.testing.assert_allclose(terms["xw"] + terms["hu"] + terms["b"], terms["pre"],
                                   rtol=RTOL, atol=ATOL)
        np.testing.assert_allclose(np.tanh(terms["pre"]), hidden[t], rtol=RTOL, atol=ATOL)


def test_lstm_gates_and_cell_state_are_keras() -> None:
    case = built("LSTM")
    walk, hidden, cells = case.walk, case.hidden, case.cells
    for t in range(len(walk)):
        (_, terms), = walk.step(t).layers
        np.testing.assert_allclose(terms["c"], cells[t], rtol=RTOL, atol=ATOL)
        previous = cells[t - 1] if t else np.zeros_like(cells[0])
        np.testing.assert_allclose(terms["c_prev"], previous, rtol=RTOL, atol=ATOL)
        sigmoid = 1 / (1 + np.exp(-np.stack([terms["a_i"], terms["a_f"], terms["a_o"]])))
        np.testing.assert_allclose(np.stack([terms["i"], terms["f"], terms["o"]]), sigmoid,
                                   rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(terms["g"], np.tanh(terms["a_g"]), rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(terms["f"] * previous + terms["i"] * terms["g"], cells[t],
                                   rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(terms["o"] * np.tanh(cells[t]), hidden[t], rtol=1e-5,
                                   atol=1e-6)
    np.testing.assert_allclose(panels(walk.directions[0])["c"], cells.T, rtol=RTOL, atol=ATOL)


def test_gru_mix_is_keras_convention_and_adds_up_to_keras() -> None:
    case = built("GRU")
    walk, hidden = case.walk, case.hidden
    for t in range(len(walk)):
        (_, terms), = walk.step(t).layers
        previous = hidden[t - 1] if t else np.zeros_like(hidden[0])
        z, hh = terms["z"], terms["hh"]
        assert np.all((z > 0) & (z < 1)) and np.all((terms["r"] > 0) & (terms["r"] < 1))
        np.testing.assert_allclose(z * previous + (1 - z) * hh, hidden[t], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(terms["zh"] + terms["zhh"], hidden[t], rtol=1e-5, atol=1e-6)
        np.testing.assert_allclose(np.tanh(terms["xh"] + terms["rec_h"]), hh, rtol=1e-5,
                                   atol=1e-6)
    # What goes into the gates' sigmoid, from Keras's weights: x W + b_in + h U + b_rec.
    kernel, recurrent, bias = case.model.layers[0].get_weights()
    x, u = one_hot(walk.reading.ids)[0], hidden.shape[1]
    for t in range(len(walk)):
        (_, terms), = walk.step(t).layers
        previous = hidden[t - 1] if t else np.zeros_like(hidden[0])
        a = x[t] @ kernel + bias[0] + previous @ recurrent + bias[1]
        np.testing.assert_allclose(terms["a_z"], a[:u], rtol=1e-4, atol=1e-5)
        np.testing.assert_allclose(terms["a_r"], a[u:2 * u], rtol=1e-4, atol=1e-5)
        np.testing.assert_allclose(1 / (1 + np.exp(-terms["a_z"])), terms["z"], rtol=1e-5,
                                   atol=1e-6)


@pytest.mark.parametrize("kind", KINDS)
def test_the_scores_before_the_softmax_are_keras_logits(kind: str) -> None:
    """The head's logits the page prints: Keras's own Dense, without its softmax, on the
    layer's sequence output."""
    case = built(kind)
    dense = case.model.layers[-1]
    linear = keras().layers.Dense(dense.units)
    linear.build((None, None, case.hidden.shape[1]))
    linear.set_weights(dense.get_weights())
    want = np.asarray(linear(case.hidden[None]))[0]
    got = np.stack([case.walk.step(t).logits for t in range(len(case.walk))])
    np.testing.assert_allclose(got, want, rtol=RTOL, atol=1e-5)
    labels = [str(label) for label in LABELS]
    shown = named(scores_row(got[2], labels))
    assert shown == {f"sₜ[{label}]": f"{v:.2f}" for label, v in zip(labels, want[2])}


@pytest.mark.parametrize("kind", KINDS)
def test_equations_print_the_numbers_of_the_step(kind: str) -> None:
    walk, hidden = built(kind).walk, built(kind).hidden
    (direction, terms), = walk.step(2).layers
    vectors = " ".join(equations(direction.trace.cell, terms))
    assert all(number(float(v), 2) in vectors for v in hidden[2])
    one_unit = " ".join(equations(direction.trace.cell, terms, unit=1))
    assert number(float(hidden[2][1]), 3) in one_unit
    assert {"SimpleRNN": 1, "LSTM": 6, "GRU": 4}[kind] == len(equations(direction.trace.cell,
                                                                        terms))


# Typed text.


def letters_model(level: str = "char", tokens: tuple[str, ...] = tuple(string.ascii_lowercase),
                  many_to_many: bool = True, labels: tuple[str, ...] | None = None) -> SequenceModel:
    rng = np.random.default_rng(3)
    labels = labels if labels is not None else tokens + (END,)
    cell = SimpleRNNCell(rng.standard_normal((len(tokens), 4)).astype(np.float32),
                         rng.standard_normal((4, 4)).astype(np.float32) * 0.5,
                         rng.standard_normal(4).astype(np.float32))
    head = Dense(rng.standard_normal((4, len(labels))).astype(np.float32),
                 np.zeros(len(labels), np.float32), "softmax")
    return SequenceModel(tokens, labels, [RecurrentSpec(cell)], head, level=level,
                         many_to_many=many_to_many)


@pytest.mark.parametrize("text", ["", "   ", "\t\n "])
def test_empty_and_blank_text_reads_nothing(text: str) -> None:
    reading = read(letters_model(), text)
    assert reading.tokens == () and reading.cut == 0
    with pytest.raises(ValueError):
        Walk(letters_model(), reading)


def test_unknown_characters_are_kept_marked_and_not_read() -> None:
    model = letters_model()
    reading = read(model, "h😀i 한")
    assert [t.text for t in reading.tokens] == ["h", "😀", "i", " ", "한"]
    assert [t.text for t in reading.unknown] == ["😀", " ", "한"]
    assert reading.ids == [7, 8]
    walk = Walk(model, reading)
    assert [t.text for t in walk.tokens] == ["h", "i"]
    cells, columns = tape(walk)
    assert [c.known for c in cells] == [True, False, True, False, False]
    assert columns == [0, 2]
    assert cells[1].predicted is None and cells[0].predicted == walk.argmax()[0]
    assert cells[0].correct == (walk.argmax()[0] == "i")


def test_hangul_only_text_has_nothing_to_read() -> None:
    reading = read(letters_model(), "안녕하세요")
    assert len(reading.unknown) == 5 and reading.read == ()
    with pytest.raises(ValueError):
        Walk(letters_model(), reading)


def test_capitals_are_read_in_lowercase_and_say_so() -> None:
    reading = read(letters_model(), "HeLLo")
    assert [t.read_as for t in reading.tokens] == list("hello")
    assert [t.text for t in reading.lowered] == ["H", "L", "L"]


def test_overlong_text_is_cut_and_the_cut_is_counted() -> None:
    reading = read(letters_model(), "ab" * 50)
    assert len(reading.tokens) == LIMIT and reading.cut == 100 - LIMIT
    assert len(Walk(letters_model(), reading)) == LIMIT


def test_word_level_reads_words_and_never_its_own_special_tokens() -> None:
    tokens = ("<pad>", "as", "soon")
    model = letters_model("word", tokens, many_to_many=False, labels=("no", "yes"))
    reading = read(model, "  as  <pad> soon later ")
    assert [t.text for t in reading.tokens] == ["as", "<pad>", "soon", "later"]
    assert reading.ids == [1, 2]
    walk = Walk(model, reading)
    assert not walk.predicts_next and walk.target(0) is None and walk.softmax(1).loss is None
    assert spelled(walk, str)[0] == "as soon"


def test_a_model_without_an_end_class_has_no_target_after_the_last_step() -> None:
    model = letters_model(tokens=tuple("helo"), labels=tuple("helo"))
    walk = Walk(model, read(model, "hell"))
    assert [walk.target(t) for t in range(4)] == ["e", "l", "l", None]
    assert spelled(walk, str) == ("hell", "".join(walk.argmax()))
    rows = softmax_rows(walk, str)
    assert rows[3]["actual"] == "" and rows[3]["p"] == "" and rows[0]["actual"] == "e"
    losses = [walk.softmax(t).loss for t in range(3)]
    assert mean_loss(walk) == pytest.approx(sum(losses) / 3)


def test_skipped_spaces_are_shown_as_visible_marks() -> None:
    reading = read(letters_model(), "a b\t😀")
    assert listing(reading.unknown) == "␣ ␣ 😀"
    assert shown("x y") == "x␣y"


def test_input_row_frames_the_one_and_wraps_long_vocabularies() -> None:
    x = np.eye(27, dtype=np.float32)[4]
    svg = input_row(x, tuple(string.ascii_lowercase) + (END,))
    values = named(svg)
    assert values == {f"xₜ[{c}]": "1" if c == "e" else "0"
                      for c in tuple(string.ascii_lowercase) + (END,)}
    (left, right), = frames(svg, CURRENT)  # the 1, and only it, framed
    place = {t.get("data-name"): t for t in texts(svg) if t.get("data-name")}
    assert left < float(place["xₜ[e]"].get("x")) < right
    rows = {float(node.get("y")) for node in place.values()}
    assert len(rows) == 3  # 27 entries, 9 a line
    assert all(float(t.get("font-size")) >= MIN_FONT for t in texts(svg))
    embedding = named(input_row(np.array([0.5, -1.25]), None))
    assert embedding == {"xₜ[0]": "0.50", "xₜ[1]": "-1.25"}


# Drawings: well-formed SVG, labels escaped, the current step framed.


def test_every_drawing_is_well_formed_svg_and_escapes_labels() -> None:
    drawings = [
        vector_bars({"h_t": np.array([0.5, -0.2])}, title="<b>h</b>", unit_label="unit"),
        vector_bars({"h_t": np.zeros(3), "c_t": np.ones(3)}, title="h, c", unit_label="u",
                    highlight=2),
        gate_heatmap({"i": np.full(3, 0.2), "f": np.full(3, 0.9)}, title="g", unit_label="u",
                     highlight=0),
        softmax_bars([("e", 0.7), (END, 0.2)], title="p", target="o", target_probability=0.01),
        token_tape(["<b>", "x"], known=[False, True], below=["–", END], correct=[None, True],
                   current=1, row_labels=("in", "out"), title="tape"),
    ]
    for svg in drawings:  # parsing fails on anything not well-formed
        assert all(float(t.get("font-size")) >= MIN_FONT for t in texts(svg))
    assert title(drawings[0]) == "<b>h</b>"  # shown as typed, never read as markup
    assert not frames(drawings[0], CURRENT)  # no unit picked: nothing framed
    for svg, unit in ((drawings[1], "c_t[2]"), (drawings[2], "i[0]")):
        (left, right), = frames(svg, CURRENT)
        x = next(float(t.get("x")) for t in texts(svg) if t.get("data-name") == unit)
        assert left < x < right  # the frame holds the picked unit's numbers
    # Most likely on top; the target, not in the top k, is added below them.
    labels = [t.text for t in texts(drawings[3]) if t.get("text-anchor") == "end"]
    assert labels == ["e", END, "o"]
    assert named(drawings[3]) == {"p[e]": "70.0%", f"p[{END}]": "20.0%", "p[o]": "1.0%"}
    assert named(drawings[4]) == {"in[0]": "<b>", "in[1]": "x", "out[0]": "–", "out[1]": END}
    (left, right), = frames(drawings[4], CURRENT)  # the current step, both rows
    assert left < float(texts(drawings[4])[-1].get("x")) < right


def test_the_bars_print_every_value_as_the_step_has_it() -> None:
    h, c = np.array([0.5, -0.2, 0.004]), np.array([-1.5, 2.25, 0.0])
    assert named(vector_bars({"h_t": h, "c_t": c}, title="h", unit_label="u")) == {
        **{f"h_t[{u}]": f"{v:.2f}" for u, v in enumerate(h)},
        **{f"c_t[{u}]": f"{v:.2f}" for u, v in enumerate(c)},
    }
    gates = {"z": np.array([0.1, 0.999]), "r": np.array([0.5, 0.25])}
    assert named(gate_heatmap(gates, title="g", unit_label="u")) == {
        f"{name}[{u}]": f"{v:.2f}" for name, values in gates.items() for u, v in enumerate(values)
    }
    many = np.linspace(-1, 1, 20)  # narrow bars: the values run upwards, still readable
    printed = [t for t in texts(vector_bars({"h_t": many}, title="h", unit_label="u"))
               if t.get("data-name")]
    assert [t.text for t in printed] == [f"{v:.2f}" for v in many]
    assert all("rotate" in t.get("transform") and float(t.get("font-size")) >= MIN_FONT
               for t in printed)
    wide = np.zeros(32)  # 32 units: too many numbers to print
    assert not named(vector_bars({"h_t": wide}, title="h", unit_label="u"))
    assert not named(gate_heatmap({"i": wide}, title="g", unit_label="u"))


def test_half_column_titles_wrap_and_tall_heatmaps_print_no_numbers() -> None:
    long = "게이트: i 입력, f 망각, o 출력 (0 닫힘, 1 열림)"
    drawing = gate_heatmap({"i": np.full(3, 0.2)}, title=long, unit_label="u")
    lines = [t.text for t in texts(drawing) if t.get("font-weight") == "bold"]
    assert len(lines) == 2 and " ".join(lines) == long
    assert HALF_PX * 0.9 < float(ET.fromstring(drawing).get("width")) <= HALF_PX


def test_the_whole_word_prints_each_value_under_its_token_and_frames_the_step() -> None:
    matrix = np.array([[0.5, -0.25, 0.125, 1.0], [-1.5, 0.0, 0.75, -0.5], [0, 0, 0, 0.01]])
    svg = step_heatmap(matrix, tokens=["h", "e", "<", "<b>"], current=2, title="<i>h</i>",
                       unit_label="unit")
    printed = named(svg)
    assert [printed[f"token[{t}]"] for t in range(4)] == ["h", "e", "<", "<b>"]
    assert {name: text for name, text in printed.items() if not name.startswith("token")} == {
        f"[{u}, {t}]": f"{matrix[u, t]:.2f}" for u in range(3) for t in range(4)}
    assert title(svg) == "<i>h</i>"
    assert all(float(t.get("font-size")) >= MIN_FONT for t in texts(svg))
    (left, right), = frames(svg, CURRENT)
    x = {t.get("data-name"): float(t.get("x")) for t in texts(svg) if t.get("data-name")}
    assert left < x["token[2]"] < right and left < x["[1, 2]"] < right
    assert not left < x["token[1]"] < right and not left < x["token[3]"] < right
    # A state beyond tanh's range widens the scale; a gate keeps 0-1.
    scale = [t.text for t in texts(svg) if t.get("text-anchor") == "start"
             and t.get("data-name") is None and not t.get("font-weight")]
    assert scale == ["\N{MINUS SIGN}1.5", "0", "1.5"]
    gates = step_heatmap(np.full((2, 3), 0.5), tokens=list("abc"), current=0, title="g",
                         unit_label="u", gate=True)
    assert [t.text for t in texts(gates) if t.get("text-anchor") == "start"
            and t.get("data-name") is None and not t.get("font-weight")] == ["0", "0.5", "1"]


def test_wide_layers_and_long_words_print_no_number_that_would_not_fit() -> None:
    wide = step_heatmap(np.zeros((32, 2)), tokens=["a", "b"], current=0, title="h",
                        unit_label="unit")
    assert set(named(wide)) == {"token[0]", "token[1]"}  # 32 rows: numbers would overlap
    long = step_heatmap(np.zeros((3, 40)), tokens=[f"word{t}" for t in range(40)], current=39,
                        title="h", unit_label="unit")
    assert len(named(long)) == 40  # 40 narrow columns: the tokens only, turned upwards
    labels = [t for t in texts(long) if (t.get("data-name") or "").startswith("token")]
    assert all("rotate" in t.get("transform") and float(t.get("font-size")) >= MIN_FONT
               for t in labels)
    assert float(ET.fromstring(long).get("width")) <= 820  # the main column at 1280 px
