"""Uploaded `.keras` files are checked before anything is built from them: hostile files are
refused with a message while the process's memory stays flat, and a real Keras file still
loads with exactly the weights Keras reads from it."""
from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import h5py
import numpy as np
import pytest

from rnnviz import keras_runtime
from rnnviz.guards.problems import InputProblem, say
from rnnviz.keras_models import build_model
from rnnviz.lessons import TRAINABLE
from rnnviz.text import CATALOGUE, LANGUAGES
from rnnviz.trainer.custom import MAX_DISTINCT, from_text
from rnnviz.trainer.files import ENTRY_LIMITS, MAX_UPLOAD_BYTES, read_keras_file
from rnnviz.trainer.settings import defaults_for, model_config

REPO = Path(__file__).resolve().parents[1]
LESSON = "L1"
MAX_GROWTH_MB = 50  # "well under 100 MB"


def lesson():
    return TRAINABLE[LESSON]()


def saved(model, tmp_path: Path, name: str = "model.keras") -> bytes:
    model.save(tmp_path / name)
    return (tmp_path / name).read_bytes()


def zipped(entries: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def entries_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def size_bomb() -> bytes:
    """A whole `.keras` file under 1 KB whose config asks for a Dense(2_500_000) head, which
    Keras's load_model would allocate (about 2.5 GB of weights) before anyone looked."""
    config = {"module": "keras", "class_name": "Sequential", "config": {"layers": [
        {"module": "keras.layers", "class_name": "InputLayer",
         "config": {"batch_shape": [None, 4, 4]}},
        {"module": "keras.layers", "class_name": "SimpleRNN",
         "config": {"units": 64, "return_sequences": True}},
        {"module": "keras.layers", "class_name": "Dense",
         "config": {"units": 2_500_000, "activation": "softmax"}},
    ]}}
    return zipped({"metadata.json": b"{}", "config.json": json.dumps(config).encode(),
                   "model.weights.h5": b""})


def deflate_bomb(valid: bytes, gigabytes: float = 0.5) -> bytes:
    """The valid file with config.json replaced by half a gigabyte of deflated spaces."""
    out = io.BytesIO()
    chunk = b" " * (1 << 20)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries_of(valid).items():
            if name != "config.json":
                archive.writestr(name, data)
        with archive.open("config.json", "w", force_zip64=True) as entry:
            for _ in range(int(gigabytes * 1024)):
                entry.write(chunk)
    return out.getvalue()


def lying_header(bomb: bytes) -> bytes:
    """The deflate bomb with the central directory claiming config.json unpacks to 100 bytes."""
    data = bytearray(bomb)
    start = data.find(b"PK\x01\x02")
    while start != -1:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == b"config.json":
            struct.pack_into("<I", data, start + 24, 100)  # uncompressed size
        start = data.find(b"PK\x01\x02", start + 4)
    return bytes(data)


def weights_bomb(valid: bytes) -> bytes:
    """The valid file with a chunked dataset declaring 10^12 floats, stored in a few KB."""
    entries = entries_of(valid)
    raw = io.BytesIO(entries["model.weights.h5"])
    out = io.BytesIO()
    with h5py.File(raw, "r") as source, h5py.File(out, "w") as target:
        for key in source:
            source.copy(key, target)
        del target["layers/dense/vars/0"]
        target.create_dataset("layers/dense/vars/0", shape=(1_000_000, 1_000_000),
                              dtype="float32", chunks=(1, 1024))
    entries["model.weights.h5"] = out.getvalue()
    return zipped(entries)


@pytest.fixture(scope="module")
def keras():
    return keras_runtime.keras()


@pytest.fixture(scope="module")
def valid(keras, tmp_path_factory) -> bytes:
    config = replace(model_config(lesson(), defaults_for(lesson())), layers=2, seed=3)
    return saved(build_model(config), tmp_path_factory.mktemp("valid"))


@pytest.fixture(scope="module")
def hostile(keras, valid, tmp_path_factory) -> dict[str, tuple[bytes, str]]:
    """Each hostile file and the refusal it must get."""
    folder = tmp_path_factory.mktemp("hostile")
    lambda_model = keras.Sequential([
        keras.Input((4, 4)), keras.layers.Lambda(lambda x: x * 2),
        keras.layers.SimpleRNN(8, return_sequences=True), keras.layers.Dense(4, "softmax"),
    ])
    legacy = build_model(model_config(lesson(), defaults_for(lesson())))
    legacy.save(folder / "legacy.h5")
    bomb = deflate_bomb(valid)
    return {
        "size bomb": (size_bomb(), "train.problem.upload_mismatch"),
        "deflate bomb": (bomb, "upload.unpacks_too_big"),
        "lying header": (lying_header(bomb), "train.problem.upload_corrupt"),
        "weights bomb": (weights_bomb(valid), "train.problem.upload_unsupported"),
        "lambda layer": (saved(lambda_model, folder), "train.problem.upload_corrupt"),
        "not a zip": (b"just some text, renamed to .keras\n" * 20, "train.problem.upload_corrupt"),
        "hdf5 renamed .keras": ((folder / "legacy.h5").read_bytes(),
                                "train.problem.upload_corrupt"),
        "extra entry": (zipped({**entries_of(valid), "run.py": b"print(1)"}), "upload.entries"),
        "bzip2": (zipped(entries_of(valid), zipfile.ZIP_BZIP2), "upload.packing"),
    }


# Peak RSS of the reading alone: Linux resets the high-water mark (VmHWM) to the current RSS
# when 5 is written to /proc/self/clear_refs, so the imports' own peak does not hide it.
MEASURE = """
import json, sys
from pathlib import Path
from rnnviz.guards.problems import InputProblem
from rnnviz.lessons import TRAINABLE
from rnnviz.trainer.files import read_keras_file

def status_mb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024

lesson = TRAINABLE[sys.argv[1]]()
data = Path(sys.argv[2]).read_bytes()
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")
before = status_mb("VmRSS")
try:
    read_keras_file(data, lesson)
    key = None
except InputProblem as problem:
    key = problem.key
print(json.dumps({"key": key, "growth_mb": status_mb("VmHWM") - before,
                  "tensorflow": "tensorflow" in sys.modules}))
"""


def test_hostile_files_are_refused_with_flat_memory(hostile, tmp_path) -> None:
    """Each file is read in a fresh process (its own peak RSS), with its own empty TMPDIR."""
    for name, (data, key) in hostile.items():
        assert len(data) <= MAX_UPLOAD_BYTES, name
        path = tmp_path / f"{name.replace(' ', '_')}.keras"
        path.write_bytes(data)
        temp = tmp_path / f"tmp_{path.stem}"
        temp.mkdir()
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, LESSON, str(path)], capture_output=True, text=True,
            timeout=120, cwd=REPO, env={**os.environ, "TMPDIR": str(temp), "PYTHONPATH": str(REPO)},
        )
        assert result.returncode == 0, result.stderr[-2000:]
        line = json.loads(result.stdout)
        assert line["key"] == key, name
        assert line["growth_mb"] < MAX_GROWTH_MB, (name, line["growth_mb"])
        assert not line["tensorflow"], "an upload is read without TensorFlow"
        assert not list(temp.iterdir()), f"{name} left files in the temporary folder"
    assert len(hostile["size bomb"][0]) < 1024


def test_every_refusal_is_a_sentence_in_both_languages(hostile) -> None:
    for name, (data, key) in hostile.items():
        with pytest.raises(InputProblem) as caught:
            read_keras_file(data, lesson())
        assert caught.value.key == key and key in CATALOGUE, name
        for lang in LANGUAGES:
            assert "{" not in say(caught.value, lang)


def test_a_real_keras_file_loads_with_the_weights_keras_reads(keras, valid, tmp_path) -> None:
    settings, weights = read_keras_file(valid, lesson())
    assert (settings.cell, settings.units, settings.layers) == (lesson().cell, lesson().units, 2)
    (tmp_path / "v.keras").write_bytes(valid)
    reference = keras.saving.load_model(tmp_path / "v.keras", compile=False).get_weights()
    assert len(weights) == len(reference)
    for ours, theirs in zip(weights, reference):
        np.testing.assert_array_equal(ours, theirs)


@pytest.mark.parametrize("cell", ["LSTM", "GRU"])
def test_embedding_models_of_every_cell_load(keras, cell, tmp_path) -> None:
    sentiment = TRAINABLE["L3"]()
    config = replace(model_config(sentiment, defaults_for(sentiment)), cell=cell, layers=3)
    model = build_model(config)
    settings, weights = read_keras_file(saved(model, tmp_path), sentiment)
    assert (settings.cell, settings.layers) == (cell, 3)
    for ours, theirs in zip(weights, model.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, theirs)


@pytest.mark.parametrize("activation", ["relu", "sigmoid", "linear"])
def test_a_model_trained_with_another_activation_loads_with_it(keras, activation,
                                                               tmp_path) -> None:
    five = TRAINABLE["L4"]()
    config = replace(model_config(five, defaults_for(five)), activation=activation)
    model = build_model(config)
    settings, weights = read_keras_file(saved(model, tmp_path), five)
    assert settings.activation == activation
    assert model_config(five, settings) == config
    for ours, theirs in zip(weights, model.get_weights(), strict=True):
        np.testing.assert_array_equal(ours, theirs)


def test_layers_of_two_activations_are_refused(valid) -> None:
    entries = entries_of(valid)
    config = json.loads(entries["config.json"])
    config["config"]["layers"][1]["config"]["activation"] = "relu"
    entries["config.json"] = json.dumps(config).encode()
    with pytest.raises(InputProblem) as caught:
        read_keras_file(zipped(entries), lesson())
    assert caught.value.key == "train.problem.upload_unsupported"


@pytest.mark.parametrize(("change", "key"), [
    (lambda layer: layer["config"].update(activation="softplus"),
     "train.problem.upload_unsupported"),
    (lambda layer: layer["config"].update(recurrent_activation="hard_sigmoid"),
     "train.problem.upload_unsupported"),
    (lambda layer: layer["config"].update(go_backwards=True), "train.problem.upload_unsupported"),
    (lambda layer: layer["config"].update(units=500), "train.problem.units"),
    (lambda layer: layer.update(registered_name="my>Cell"), "train.problem.upload_corrupt"),
])
def test_settings_the_app_never_trains_with_are_refused(valid, change, key) -> None:
    entries = entries_of(valid)
    config = json.loads(entries["config.json"])
    for layer in config["config"]["layers"][1:-1]:  # every recurrent layer
        change(layer)
    entries["config.json"] = json.dumps(config).encode()
    with pytest.raises(InputProblem) as caught:
        read_keras_file(zipped(entries), lesson())
    assert caught.value.key == key


def test_entry_limits_leave_room_for_the_biggest_model_the_page_trains(keras, tmp_path) -> None:
    text = from_text("".join(chr(0x4E00 + i) for i in range(MAX_DISTINCT)) * 2)
    config = replace(model_config(text, defaults_for(text)), cell="LSTM", units=64, layers=3)
    sizes = {name: len(data) for name, data in entries_of(saved(build_model(config),
                                                                 tmp_path)).items()}
    for name, size in sizes.items():
        assert size < ENTRY_LIMITS[name] / 2, (name, size)
    assert sum(sizes.values()) < MAX_UPLOAD_BYTES / 2
