"""Address parameters read without Streamlit: every kind of value, hostile text, and the Train
page's settings held to the trainer's own checks."""
from __future__ import annotations

import math
from dataclasses import fields

import pytest

from rnnviz.links import views
from rnnviz.links.params import SHOWN_CHARS, Choice, Flag, Real, Text, Whole, read, written
from rnnviz.links.training import SHORT, read_settings, settings_params
from rnnviz.lessons.presets import five_words
from rnnviz.trainer.settings import LIMITS, TrainSettings, defaults_for

HOSTILE = [
    "", " ", "\x00", "1e309", "nan", "inf", "-inf", "0x10", "１２", "٣", "9" * 5000,
    "<script>alert(1)</script>", "**bold**", "\u202e12", "1;DROP", "[x](javascript:1)", "1.5.2",
]
PARAMS = [Choice("cell", "k", ("SimpleRNN", "LSTM")), Whole("units", "k", 1, 64),
          Real("lr", "k", 1e-5, 10.0), Flag("mask", "k")]


@pytest.mark.parametrize("param", PARAMS, ids=lambda p: p.name)
@pytest.mark.parametrize("raw", HOSTILE)
def test_a_hostile_value_is_refused_by_name_never_raised(param, raw: str) -> None:
    reading = read([param], {param.name: raw})
    assert reading.values == {}
    assert len(reading.refused) == 1 and reading.refused[0].startswith(param.name + "=")
    # A message quotes a few characters at most, never the page of text that was sent.
    assert len(reading.refused[0]) <= len(param.name) + 1 + SHOWN_CHARS + 1


def test_quoted_values_lose_their_invisible_characters() -> None:
    reading = read([Whole("t", "k", 1, 5)], {"t": "\u202e\u200b9\x00"})
    assert reading.refused == ("t=9",)


@pytest.mark.parametrize("param,raw,value", [
    (Choice("cell", "k", ("SimpleRNN", "LSTM")), " LSTM ", "LSTM"),
    (Choice("sentence", "k", (0, 1, 2)), "2", 2),
    (Whole("units", "k", 1, 64), "64", 64),
    (Whole("units", "k", 1, 64), "1", 1),
    (Real("lr", "k", 1e-5, 10.0), "0.01", 0.01),
    (Real("lr", "k", 1e-5, 10.0), "1e-3", 0.001),
    (Flag("mask", "k"), "1", True), (Flag("mask", "k"), "false", False),
    (Text("word", "k", 10), "daddy", "daddy"),
])
def test_good_values_are_read(param, raw: str, value) -> None:
    assert read([param], {param.name: raw}).values == {"k": value}


@pytest.mark.parametrize("param,raw", [
    (Whole("units", "k", 1, 64), "65"), (Whole("units", "k", 1, 64), "0"),
    (Real("lr", "k", 1e-5, 10.0), "11"), (Text("word", "k", 10), "x" * 11),
    (Choice("cell", "k", ("LSTM",)), "lstm"),
])
def test_values_outside_what_the_widget_allows_are_refused(param, raw: str) -> None:
    reading = read([param], {param.name: raw})
    assert reading.values == {} and reading.refused


def test_a_parameter_the_address_leaves_out_is_left_alone() -> None:
    reading = read(PARAMS, {"other": "1"})
    assert reading.values == {} and reading.refused == ()


def test_text_is_taken_as_typed_and_only_its_length_is_checked() -> None:
    # The page's own reading cleans it, as it cleans what is typed into the box.
    typed = "good\nbad\tworse\u200b"
    assert read([Text("text", "k", 40)], {"text": typed}).values == {"k": typed}


@pytest.mark.parametrize("params,state", [
    (views.LAB, {"lab_seq": True, "lab_state": False, "lab_cell": "GRU", "lab_units": 7,
                 "lab_merge": "None", "lab_words": "hello, apple", "lab_seed": 3}),
    (views.GRADIENTS, {"gradients_radius": 1.35, "gradients_length": 70,
                       "gradients_activation": "relu"}),
    (views.LANGUAGE_MODEL, {"lm.lr": 0.1, "lm.clip": True, "lm.max_grad": 0.25,
                            "lm.cell": "GRU"}),
    (views.step(["hello", "words-lstm"]) + views.step_position(5),
     {"step_model": "words-lstm", "step_text": "bobby", "step_pos": 4}),
])
def test_what_is_written_reads_back_to_the_same_state(params, state) -> None:
    address = written(params, state)
    assert set(address) == {p.name for p in params if p.key in state}
    assert read(params, address).values == state


def test_every_settings_field_with_a_widget_is_shared_by_its_own_name() -> None:
    drawn = {"cell", "act", "opt", "units", "layers", "seed", "lr", "epochs", "batch"}
    params = settings_params("L4", drawn)
    names = {f.name for f in fields(TrainSettings) if SHORT.get(f.name, f.name) in drawn}
    assert {p.name for p in params} == names
    assert {"learning_rate", "activation"} <= names
    assert all(p.key.startswith("train.") and p.key.endswith(".L4") for p in params)


def test_settings_are_held_to_the_trainers_own_limits() -> None:
    defaults = defaults_for(five_words())
    params = settings_params("L4", {"cell", "act", "opt", "units", "lr", "epochs", "batch"})
    high = LIMITS["units"][1]
    reading = read_settings(params, {
        "units": str(high + 1), "cell": "Transformer", "learning_rate": "100",
        "epochs": "30", "optimizer": "SGD", "batch_size": "abc", "activation": "gelu"},
        defaults)
    assert reading.values == {"train.epochs.L4": 30, "train.opt.L4": "SGD"}
    assert {r.split("=")[0] for r in reading.refused} == {
        "units", "cell", "learning_rate", "batch_size", "activation"}
    ok = read_settings(params, {"units": str(high), "learning_rate": "0.05"}, defaults)
    assert ok.values == {"train.units.L4": high, "train.lr.L4": 0.05} and not ok.refused


def test_real_numbers_round_trip_through_their_text() -> None:
    param = Real("lr", "k", 1e-5, 10.0)
    for value in (0.001, 0.1, 1 / 3, 9.999):
        assert math.isclose(param.parse(param.write(value)), value, rel_tol=1e-9)
