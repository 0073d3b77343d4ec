"""The one door to TensorFlow and Keras.

Importing TensorFlow takes seconds and its thread pools are process-global, so it is imported
lazily, exactly once, and configured here only. Pages that need Keras call `start_loading()`
early and show progress until `is_ready()`, so the rest of the app never waits for it.
"""
from __future__ import annotations

import os
import threading
from types import ModuleType

_lock = threading.Lock()
_modules: tuple[ModuleType, ModuleType] | None = None
_loader: threading.Thread | None = None
_failure: str | None = None
INTER_OP_THREADS = 4


def _load() -> tuple[ModuleType, ModuleType]:
    """Import once; an import that failed is not retried (it would fail the same way, seconds
    later, on every click) but raised again with its first reason."""
    global _modules, _failure
    with _lock:
        if _modules is None:
            if _failure is not None:
                raise RuntimeError(_failure)
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
            os.environ.setdefault("KERAS_BACKEND", "tensorflow")
            try:
                import tensorflow as tf
                import keras

                # Two cores serve every session: one thread per op. The trainer runs its
                # graphs on their calling threads (`trainer.program`), each keeping one pool
                # thread waiting on its loop's body, so the pool needs a thread more than the
                # graph calls it allows at once (`INTER_OP_THREADS - 1`).
                tf.config.threading.set_intra_op_parallelism_threads(1)
                tf.config.threading.set_inter_op_parallelism_threads(INTER_OP_THREADS)
            except Exception as exc:
                _failure = f"{type(exc).__name__}: {exc}"
                raise RuntimeError(_failure) from exc
            _modules = (tf, keras)
    return _modules


def _load_quietly() -> None:
    try:
        _load()
    except RuntimeError:
        pass  # kept in `_failure`, which pages show


def tensorflow() -> ModuleType:
    """The configured `tensorflow` module (imports it on first use)."""
    return _load()[0]


def keras() -> ModuleType:
    """The configured Keras 3 module (imports TensorFlow on first use)."""
    return _load()[1]


def start_loading() -> None:
    """Begin importing TensorFlow in the background; returns at once."""
    global _loader
    with _lock:
        if _modules is not None or (_loader is not None and _loader.is_alive()):
            return
        _loader = threading.Thread(target=_load_quietly, name="tensorflow-import", daemon=True)
        _loader.start()


def is_ready() -> bool:
    """True once TensorFlow has been imported and configured."""
    return _modules is not None


def failure() -> str | None:
    """Why importing TensorFlow failed, or None (not tried yet, loading, or loaded)."""
    return _failure
