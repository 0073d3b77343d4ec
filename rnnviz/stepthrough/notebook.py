"""The Step-through view as a Jupyter notebook: plain Keras and numpy, no rnnviz.

A student who wants to check the page takes this file home: it writes the model's vocabulary,
weights and the tokens the page read as Python literals, builds the same layers in Keras,
loads the weights and calls the model once, then prints each step's hidden state and softmax
-- the numbers the page shows. `rnnviz.notebooks` writes the file; tests run its code cells
and compare with the engine.
"""
from __future__ import annotations

from rnnviz.engine import RecurrentSpec, SequenceModel
from rnnviz.guards.markdown import literal
from rnnviz.notebooks import array_literal, notebook_file
from rnnviz.stepthrough.walk import Walk
from rnnviz.text import t


def exportable(model: SequenceModel) -> bool:
    """Stacked plain recurrent layers (no Bidirectional wrapper): what the notebook builds."""
    return all(isinstance(layer, RecurrentSpec) for layer in model.layers)


def _layer(spec: RecurrentSpec) -> str:
    cell = spec.cell
    options = [f"{cell.units}", f"activation={cell.activation!r}"]
    if hasattr(cell, "recurrent_activation"):
        options.append(f"recurrent_activation={cell.recurrent_activation!r}")
    if hasattr(cell, "reset_after"):
        options.append(f"reset_after={cell.reset_after!r}")
    options += [f"use_bias={cell.bias is not None!r}", f"go_backwards={spec.go_backwards!r}",
                "return_sequences=True"]
    return f"keras.layers.{spec.kind}({', '.join(options)})"


def code_cells(walk: Walk) -> list[str]:
    """The notebook's code, cell by cell: data, model, run and print."""
    model = walk.model
    data = [
        "import numpy as np",
        "import keras",
        "",
        f"VOCABULARY = {list(model.tokens)!r}  # a token's index is its id",
        f"LABELS = {list(model.labels)!r}  # the classes of the output layer",
        f"READ = {[token.read_as for token in walk.tokens]!r}  # the tokens the page read",
        f"MANY_TO_MANY = {model.many_to_many!r}  # False: the model answers after the last step",
        "WEIGHTS = [np.array(w, dtype='float32') for w in [",
        *[f"    {array_literal(w)}," for w in model.weights],
        "]]",
    ]
    build = ["ids = np.array([[VOCABULARY.index(token) for token in READ]])"]
    if model.embedding is None:
        build += ["x_in = np.eye(len(VOCABULARY), dtype='float32')[ids]  # one-hot rows",
                  "inputs = keras.Input((len(READ), len(VOCABULARY)))", "x = inputs"]
    else:
        build += ["x_in = ids",
                  "inputs = keras.Input((len(READ),), dtype='int32')",
                  f"x = keras.layers.Embedding(len(VOCABULARY), {model.embedding.shape[1]}, "
                  f"mask_zero={model.mask_zero!r})(inputs)"]
    build.append("sequences = []")
    for spec in model.layers:
        build += [f"x = {_layer(spec)}(x)", "sequences.append(x)"]
    build += [
        "# The output layer at every step, as scores (its softmax is taken below).",
        "scores = keras.layers.Dense(len(LABELS))(x)",
        "model = keras.Model(inputs, [*sequences, scores])",
        "model.set_weights(WEIGHTS)",
        "model.summary()",
    ]
    run = [
        "*outputs, step_scores = model(x_in)",
        "hidden = [np.asarray(h)[0] for h in outputs]  # each layer's h_t, (steps, units)",
        "step_scores = np.asarray(step_scores)[0]",
        "shifted = np.exp(step_scores - step_scores.max(axis=-1, keepdims=True))",
        "probabilities = shifted / shifted.sum(axis=-1, keepdims=True)",
        "np.set_printoptions(precision=4, suppress=True)",
        "for step, token in enumerate(READ):",
        "    print(f'step {step + 1}: input {token!r}')",
        "    for n, h in enumerate(hidden, 1):",
        "        print(f'  layer {n} h_t = {h[step]}')",
        "    if MANY_TO_MANY or step == len(READ) - 1:",
        "        best = np.argsort(probabilities[step])[::-1][:3]",
        "        print('  softmax: ' + ', '.join(",
        "            f'{LABELS[i]!r} {probabilities[step, i]:.4f}' for i in best))",
    ]
    return ["\n".join(data), "\n".join(build), "\n".join(run)]


def step_notebook(walk: Walk, name: str, text: str, lang: str) -> bytes:
    """The .ipynb file for this walk: `name` is the model's name on the page, `text` what
    was typed; both are shown literally in the notebook's Markdown."""
    intro = t("notebook.intro", lang, model=literal(name), text=literal(text))
    return notebook_file(intro, code_cells(walk))
