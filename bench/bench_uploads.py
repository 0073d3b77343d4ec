"""What reading an uploaded `.keras` file costs, printed; asserts nothing.

Each file is read in a fresh process whose peak RSS (VmHWM) is reset just before the read, so
the figure is the read's own growth. For contrast, a saved model whose config is edited to
declare 64-unit layers and a Dense(250_000) head (about 64 MB of weights) is given to Keras's
own `load_model(safe_mode=True)`, which the app used before: Keras builds and allocates what
the file declares before the weights fail to fit.

    python3 bench/bench_uploads.py
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rnnviz import keras_runtime  # noqa: E402
from rnnviz.keras_models import build_model  # noqa: E402
from rnnviz.trainer.settings import defaults_for, model_config  # noqa: E402
from tests.test_uploads import (  # noqa: E402
    LESSON, MEASURE, deflate_bomb, entries_of, lesson, lying_header, saved, size_bomb,
    weights_bomb, zipped,
)

KERAS = """
import json, sys
import keras

def status_mb(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024

path = sys.stdin.readline().strip()
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")
before = status_mb("VmRSS")
try:
    keras.saving.load_model(path, compile=False, safe_mode=True)
    outcome = "loaded"
except Exception as exc:
    outcome = type(exc).__name__ + ": " + str(exc)[:80].replace("\\n", " ")
print(json.dumps({"key": outcome, "growth_mb": status_mb("VmHWM") - before}))
"""


def keras_bomb(valid: bytes) -> bytes:
    """The valid file with 64-unit layers and a Dense(250_000) head declared in its config."""
    entries = entries_of(valid)
    config = json.loads(entries["config.json"])
    for layer in config["config"]["layers"][1:-1]:
        layer["config"]["units"] = 64
    config["config"]["layers"][-1]["config"]["units"] = 250_000
    for layer in config["config"]["layers"]:  # Sequential builds each layer from the input
        layer.pop("build_config", None)
    entries["config.json"] = json.dumps(config).encode()
    return zipped(entries)


def run(script: list[str], stdin: str = "") -> tuple[dict, float]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", *script], capture_output=True, text=True,
                            input=stdin, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                            timeout=300)
    line = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "{}"
    return json.loads(line), time.perf_counter() - start


def main() -> None:
    keras_runtime.keras()
    folder = Path(tempfile.mkdtemp())
    config = replace(model_config(lesson(), defaults_for(lesson())), layers=2, seed=3)
    valid = saved(build_model(config), folder)
    bomb = deflate_bomb(valid)
    files = {
        "valid 2-layer model": valid, "size bomb (Dense 2,500,000)": size_bomb(),
        "deflate bomb (0.5 GB config)": bomb, "lying zip header": lying_header(bomb),
        "weights bomb (10^12 floats)": weights_bomb(valid),
    }
    print(f"{'file':32} {'bytes':>8} {'peak growth':>12} {'wall':>7}  outcome")
    for name, data in files.items():
        path = folder / "upload.keras"
        path.write_bytes(data)
        line, wall = run([MEASURE, LESSON, str(path)])
        print(f"{name:32} {len(data):>8} {line['growth_mb']:>9.1f} MB {wall:>6.2f}s  "
              f"{line['key'] or 'accepted'}")
    small = keras_bomb(valid)
    path = folder / "keras.keras"
    path.write_bytes(small)
    line, wall = run([KERAS], stdin=str(path))
    print(f"{'Keras load_model, Dense 250,000':32} {len(small):>8} {line['growth_mb']:>9.1f} MB "
          f"{wall:>6.2f}s  {line['key']}")


if __name__ == "__main__":
    main()
