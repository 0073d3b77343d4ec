"""What Streamlit does after every script run, trimmed to what a server with TensorFlow needs.

After each run (a click, a play tick, a live fragment's refresh) Streamlit calls
`keras.backend.clear_session()` whenever Keras is imported, and then `gc.collect(2)`. With
TensorFlow loaded the process holds about 400,000 objects and each of the two full
collections takes about 150 ms of the GIL on this machine: 0.3 s after every step of every
student, and a training thread that gets a fraction of the CPU while anyone's page
refreshes. `clear_session` also empties TensorFlow's process-wide kernel cache under the
trainer's running graphs. rnnviz builds each Keras model once and keeps it (the lab's
layers in a cache, the trainer's programs in their pool), so there is nothing to clear: the Keras clean-up is
switched off here, the collection by `runner.postScriptGC = false` in
`.streamlit/config.toml`, and the warm-up freezes TensorFlow's import-time objects
(`rnnviz.trainer.warmup`) so that Python's own full collections skip them.
"""
from __future__ import annotations

from streamlit.runtime.scriptrunner import script_runner

# Streamlit's own, as this module found it: the tests prove what it does and that it is off.
STREAMLIT_CLEAN_UP = script_runner._clean_problem_modules


def _keep_problem_modules() -> None:
    """Streamlit's `_clean_problem_modules`, minus the Keras reset; rnnviz draws no
    matplotlib figures, so nothing else is left to close."""


def keep_keras_between_runs() -> None:
    """Stop Streamlit resetting Keras after every script run (once per process)."""
    script_runner._clean_problem_modules = _keep_problem_modules

