"""The Keras lab's layer as a notebook: the lab's own snippet builds and calls it, a second
cell prints every returned tensor as the lab shows it, and a third replays the call in plain
numpy from `layer.get_weights()`, so the student sees the arithmetic behind each number."""
from __future__ import annotations

from rnnviz.cells import KINDS
from rnnviz.lab.config import LabConfig
from rnnviz.lab.explain import returned_names
from rnnviz.lab.snippet import keras_snippet
from rnnviz.notebooks.writer import notebook_file
from rnnviz.text import t

_ACTIVATIONS = {
    "tanh": "np.tanh",
    "relu": "lambda z: np.maximum(z, 0.0)",
    "sigmoid": "sigmoid",
    "linear": "lambda z: z",
}

_RUN = [
    "def run(x, mask, kernel, recurrent, bias, backwards, zero_output_for_mask):",
    "    \"\"\"The layer's loop: a masked step keeps every state; its output repeats the last",
    "    one (zeros before the first real step), or is zero when zero_output_for_mask.\"\"\"",
    "    batch, steps, _ = x.shape",
    "    keep_all = np.ones((batch, steps), bool) if mask is None else mask",
    "    states = [np.zeros((batch, UNITS), 'float32') for _ in range(STATES)]",
    "    out, outputs = np.zeros((batch, UNITS), 'float32'), []",
    "    for t in (range(steps - 1, -1, -1) if backwards else range(steps)):",
    "        new = step(x[:, t], states, kernel, recurrent, bias)",
    "        keep = keep_all[:, t, None]",
    "        states = [np.where(keep, n, s) for n, s in zip(new, states)]",
    "        out = np.where(keep, new[0], 0.0 if zero_output_for_mask else out)",
    "        outputs.append(out)",
    "    return np.stack(outputs, axis=1), states  # outputs in processing order",
]

_MERGE = {
    "concat": "[np.concatenate([forward, backward], axis=-1)]",
    "sum": "[forward + backward]",
    "ave": "[(forward + backward) / 2]",
    "mul": "[forward * backward]",
    None: "[forward, backward]",
}


def _replay(config: LabConfig) -> str:
    kind = KINDS[config.cell]
    mask = "mask" if config.input.mask else "None"
    last = "" if config.return_sequences else "[:, -1]"
    lines = [
        "def sigmoid(z):",
        "    return 1.0 / (1.0 + np.exp(-z))",
        "",
        f"act = {_ACTIVATIONS[config.activation]}  # the layer's activation",
        f"UNITS, STATES = {config.units}, {len(kind.states)}",
        "",
        kind.numpy_step(config.reset_after),
        "",
        *_RUN,
        "",
        "weights = layer.get_weights()  # kernel, recurrent kernel, bias"
        + (" (forward, then backward)" if config.bidirectional else ""),
    ]
    if config.bidirectional:
        zero = config.return_sequences  # Bidirectional zeroes masked outputs of sequences
        lines += [
            f"forward, states_f = run(x, {mask}, *weights[:3], False, {zero})",
            f"backward, states_b = run(x, {mask}, *weights[3:], True, {zero})",
        ]
        if config.return_sequences:
            lines.append("backward = backward[:, ::-1]  # back in input order")
        else:
            lines += ["forward, backward = forward[:, -1], backward[:, -1]"]
        lines.append(f"outputs = {_MERGE[config.merge_mode]}")
        states = "*states_f, *states_b"
    else:
        backwards = config.go_backwards
        lines += [
            f"sequence, states = run(x, {mask}, *weights, {backwards}, False)",
            f"outputs = [sequence{last}]",
        ]
        states = "*states"
    returned = f"[*outputs, {states}]" if config.return_state else "outputs"
    lines += [
        f"replayed = dict(zip(NAMES, {returned}))",
        "for name, value in replayed.items():",
        "    gap = np.max(np.abs(value - returned[name]))",
        "    print(f'{name}: numpy replay, largest difference from Keras {gap:.2e}')",
    ]
    return "\n".join(lines)


def code_cells(config: LabConfig) -> list[str]:
    """Build and call (the lab's snippet), print what came back, replay it in numpy."""
    names = returned_names(config)
    show = "\n".join([
        f"NAMES = {list(names)!r}",
        f"returned = dict(zip(NAMES, [np.asarray(v) for v in ({', '.join(names)},)]))",
        "np.set_printoptions(precision=4, suppress=True)",
        "for name, value in returned.items():",
        "    print(name, value.shape)",
        "    print(value)",
    ])
    return [keras_snippet(config).rstrip("\n"), show, _replay(config)]


def lab_notebook(config: LabConfig, lang: str) -> bytes:
    """The .ipynb file for the lab's current layer and input."""
    return notebook_file(t("notebook.lab_intro", lang), code_cells(config))
