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


def _load() -> tuple[ModuleType, ModuleType]:
    global _modules
    with _lock:
        if _modules is None:
            os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
            os.environ.setdefault("KERAS_BACKEND", "tensorflow")
            import tensorflow as tf
            import keras

            # Two cores serve every session: one thread per op, two ops at once.
            tf.config.threading.set_intra_op_parallelism_threads(1)
            tf.config.threading.set_inter_op_parallelism_threads(2)
            _modules = (tf, keras)
    return _modules


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
        _loader = threading.Thread(target=_load, name="tensorflow-import", daemon=True)
        _loader.start()


def is_ready() -> bool:
    """True once TensorFlow has been imported and configured."""
    return _modules is not None
