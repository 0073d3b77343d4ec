"""The Step-through notebook, run here cell by cell in plain Keras: its hidden states and
softmax are the engine's trace that the page shows, for every shipped model."""
from __future__ import annotations


import numpy as np
import pytest

from rnnviz.pretrained import catalogue, load
from rnnviz.stepthrough import Walk, read
from rnnviz.stepthrough.notebook import exportable, step_notebook
from rnnviz.text import t
from tests.notebook_cells import notebook_button, read_notebook, run_notebook

SHIPPED = [(p.key, p.example) for p in catalogue()]


@pytest.mark.parametrize("key,word", SHIPPED)
def test_the_notebook_prints_the_engines_numbers(key: str, word: str) -> None:
    model = load(key)
    assert exportable(model)
    walk = Walk(model, read(model, word))
    namespace, printed = run_notebook(step_notebook(walk, key, word, "en"))
    for hidden, trace in zip(namespace["hidden"], walk.trace.layers, strict=True):
        np.testing.assert_allclose(hidden, trace.outputs(return_sequences=True)[0],
                                   rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(namespace["probabilities"], walk.probs, rtol=1e-5, atol=1e-6)
    # What it prints is those numbers, step by step.
    assert printed.count("step ") >= len(walk)
    last = walk.probs[-1]
    best = int(np.argmax(last))
    assert f"{model.labels[best]!r} {last[best]:.4f}" in printed


def test_typed_text_reaches_the_notebook_only_as_literals() -> None:
    model = load("hello")
    typed = "hel'''\"); import os #"
    walk = Walk(model, read(model, typed))
    data = step_notebook(walk, "L1 *hello*", typed, "ko")
    markdown = read_notebook(data)["cells"][0]["source"]
    assert "\\*hello\\*" in markdown
    namespace, _ = run_notebook(data)
    assert namespace["READ"] == [token.read_as for token in walk.tokens]
    assert "os" not in namespace


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_the_step_through_page_offers_the_notebook_of_its_view(lang: str) -> None:
    button = notebook_button("step_through", "step_notebook", lang)
    assert button.proto.label == t("notebook.download", lang)
