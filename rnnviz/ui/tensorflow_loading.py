"""While TensorFlow imports in the background, a page says so and refreshes itself when done.

The notice's fragment is drawn on every run, loading or not, so that a rerun switches its
timer off; a fragment drawn only while loading leaves its timer firing at a fragment that no
longer exists, and that starved the Train page's progress fragment. An import that failed is
said plainly, with its reason, and the timer stops: it will not succeed on its own.
"""
from __future__ import annotations

import streamlit as st

from rnnviz import keras_runtime
from rnnviz.guards.problems import Message, say
from rnnviz.ui.language import current_language


def tensorflow_status(message: str, show: bool = True) -> bool:
    """Start the import, show `message` (when `show`) until it is done, then rerun the app
    once. Returns whether TensorFlow was ready when this run began."""
    keras_runtime.start_loading()
    ready = keras_runtime.is_ready()
    waiting = not ready and keras_runtime.failure() is None

    @st.fragment(run_every=0.5 if waiting else None)
    def notice() -> None:
        failure = keras_runtime.failure()
        if failure is not None:
            st.error(say(Message("runtime.tensorflow_failed", {"detail": failure}),
                         current_language()), icon=":material/error:")
            if waiting:
                st.rerun(scope="app")
        elif keras_runtime.is_ready():
            if not ready:
                st.rerun(scope="app")
        elif show:
            st.info(message, icon=":material/hourglass_top:")

    notice()
    return ready
