"""Streamlit's after-run clean-up: no Keras reset and no full collection after each run."""
from __future__ import annotations

import tomllib
from pathlib import Path
from unittest import mock

import pytest
from streamlit.runtime.scriptrunner import script_runner
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.ui.between_runs import STREAMLIT_CLEAN_UP, keep_keras_between_runs

ROOT = Path(__file__).resolve().parents[1]


def _script() -> None:
    import streamlit as st

    st.button("again")


@pytest.fixture
def clear_calls(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count `keras.backend.clear_session()` calls; Streamlit's own function is put back."""
    calls: list[int] = []
    keras = keras_runtime.keras()
    monkeypatch.setattr(keras.backend, "clear_session", lambda *a, **k: calls.append(1))
    monkeypatch.setattr(script_runner, "_clean_problem_modules", STREAMLIT_CLEAN_UP)
    return calls


def _two_runs() -> None:
    app = AppTest.from_function(_script).run()
    app.button[0].click().run()
    assert not app.exception


def test_streamlit_resets_keras_after_every_run_unless_told_not_to(
    clear_calls: list[int],
) -> None:
    _two_runs()
    assert len(clear_calls) == 2  # what the app switches off: still Streamlit's behaviour
    clear_calls.clear()
    keep_keras_between_runs()
    _two_runs()
    assert clear_calls == []


def test_the_app_switches_the_clean_up_off_and_the_collection(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(script_runner, "_clean_problem_modules", STREAMLIT_CLEAN_UP)
    with mock.patch.dict("os.environ", {"RNNVIZ_WARM_UP": "0"}):
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert script_runner._clean_problem_modules is not STREAMLIT_CLEAN_UP
    config = tomllib.loads((ROOT / ".streamlit/config.toml").read_text())
    assert config["runner"]["postScriptGC"] is False
