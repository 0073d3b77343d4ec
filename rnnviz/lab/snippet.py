"""The Keras code that reproduces exactly what the lab shows, ready to paste into a notebook.

It rebuilds the same input and draws the same weights from the same seed (or spells out a
trained layer's weights), so running it prints the numbers on screen; a test executes it and
compares.
"""
from __future__ import annotations

import textwrap

from rnnviz.cells import KINDS
from rnnviz.lab.config import LabConfig
from rnnviz.lab.explain import returned_names
from rnnviz.lab.keras_side import WEIGHT_HIGH, WEIGHT_LOW


def _input_lines(config: LabConfig) -> list[str]:
    source = config.input
    pre = source.padding == "pre"
    if source.source == "words":
        length = max(len(w) for w in source.words) + source.pad
        chars = list(source.characters)
        padded = length > min(len(w) for w in source.words)
        lines = [
            f"words = {list(source.words)!r}",
            f"chars = {chars!r}  # one-hot columns",
            f"x = np.zeros(({len(source.words)}, {length}, {len(chars)}), dtype=\"float32\")"
            + ("  # zeros = padding" if padded else ""),
            "for b, word in enumerate(words):",
        ]
        if pre:
            lines += [
                f"    start = {length} - len(word)  # padding='pre', as pad_sequences does",
                "    for t, ch in enumerate(word):",
                "        x[b, start + t, chars.index(ch)] = 1.0",
            ]
        else:
            lines += [
                "    for t, ch in enumerate(word):",
                "        x[b, t, chars.index(ch)] = 1.0",
            ]
    else:
        shape = (source.batch, source.time, source.features)
        lines = [
            f"x = np.random.default_rng({config.seed}).standard_normal({shape})"
            ".astype(\"float32\")",
        ]
        if source.pad:
            zeros = (f"np.zeros(({source.batch}, {source.pad}, {source.features}), "
                     "dtype=\"float32\")")
            parts = f"[{zeros}, x]" if pre else f"[x, {zeros}]"
            lines.append(f"x = np.concatenate({parts}, axis=1)  # padding='{source.padding}'")
    if source.mask:
        lines.append("mask = np.any(x != 0, axis=-1)  # False on padding")
    return lines


def _call(func: str, args: list[str], indent: str = "") -> str:
    """`func(a, b)` on one line when short, else one argument a line, as black writes it."""
    one_line = f"{func}({', '.join(args)})"
    if len(indent) + len(one_line) <= 60:
        return one_line
    inner = indent + "    "
    return f"{func}(\n" + "".join(f"{inner}{a},\n" for a in args) + f"{indent})"


def _layer_expr(config: LabConfig) -> str:
    flags = [f"return_sequences={config.return_sequences}",
             f"return_state={config.return_state}"]
    if config.go_backwards:
        flags.append("go_backwards=True")
    options = KINDS[config.cell].keras_options(config.reset_after)
    if config.activation != "tanh":  # Keras's default goes unsaid, as a student writes it
        options = {"activation": config.activation, **options}
    extra = [f"{name}={value!r}" for name, value in options.items()]
    indent = "    " if config.bidirectional else ""
    if config.wrap_cell:
        cell = _call(f"keras.layers.{config.cell}Cell", [str(config.units), *extra])
        inner = _call("keras.layers.RNN", [cell, *flags], indent)
    else:
        inner = _call(f"keras.layers.{config.cell}", [str(config.units), *flags, *extra], indent)
    if not config.bidirectional:
        return inner
    return f"keras.layers.Bidirectional(\n    {inner},\n    merge_mode={config.merge_mode!r},\n)"


def _weight_lines(config: LabConfig) -> list[str]:
    if config.trained is None:
        return [
            f"rng = np.random.default_rng({config.seed})  # non-zero weights",
            "layer.set_weights([",
            f"    rng.uniform({WEIGHT_LOW}, {WEIGHT_HIGH}, w.shape).astype(\"float32\")",
            "    for w in layer.get_weights()",
            "])",
        ]
    lines = [f"# trained on the Train page: {config.trained.lesson}, epoch {config.trained.epoch}",
             "layer.set_weights(["]
    for array in config.trained.numpy():
        # repr of each float32 as a Python float reads back to the very same float32.
        values = ", ".join(repr(float(v)) for v in array.ravel())
        body = textwrap.wrap(values, 84, initial_indent="        ", subsequent_indent="        ")
        lines += ["    np.array([", *body, f"    ], dtype=\"float32\").reshape({array.shape}),"]
    return lines + ["])"]


def keras_snippet(config: LabConfig) -> str:
    """Python source that builds the layer, sets the weights and calls it as the lab does."""
    features = len(config.input.characters) if config.input.source == "words" \
        else config.input.features
    names = returned_names(config)
    call = "layer(x, mask=mask)" if config.input.mask else "layer(x)"
    lines = [
        "import numpy as np",
        "import keras",
        "",
        *_input_lines(config),
        "",
        f"layer = {_layer_expr(config)}",
        f"layer.build((None, None, {features}))",
        *_weight_lines(config),
        "",
        f"{', '.join(names)} = {call}" if len(names) > 1 else f"{names[0]} = {call}",
    ]
    lines += [f'print("{name}", tuple({name}.shape))' for name in names]
    lines.append("print(layer.count_params())  # parameters")
    return "\n".join(lines) + "\n"
