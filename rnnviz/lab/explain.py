"""What the lab says about a call: the names of the returned tensors, which of their numbers
are the same, which rows were skipped, and how many parameters the layer has.

Everything here is derived from the config and the mask alone, never by comparing numbers,
so the tests can check each claim against Keras's actual values.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.cells import KINDS
from rnnviz.guards.problems import Message
from rnnviz.lab.config import LabConfig


def returned_names(config: LabConfig) -> tuple[str, ...]:
    """Names of the tensors `layer(x)` returns, in Keras's order."""
    states = KINDS[config.cell].states
    outputs: tuple[str, ...] = ("output",)
    if config.bidirectional:
        if config.merge_mode is None:
            outputs = ("output_forward", "output_backward")
        states = tuple(f"{s}_{d}" for d in ("forward", "backward") for s in states)
    return outputs + (states if config.return_state else ())


def has_time_axis(config: LabConfig, name: str) -> bool:
    return config.return_sequences and name.startswith("output")


def row_steps(config: LabConfig, steps: int) -> tuple[int, ...]:
    """Which input timestep each output row belongs to: with `go_backwards` Keras keeps the
    processing order, so row 0 is the last input; Bidirectional flips its backward half back."""
    order = range(steps - 1, -1, -1) if config.go_backwards else range(steps)
    return tuple(order)


@dataclass(frozen=True)
class Link:
    """`tensor[batch, row, start:stop]` holds exactly the numbers of `state[batch]`;
    `row` is None for a tensor without a time axis."""

    tensor: str
    batch: int
    row: int | None
    start: int
    stop: int
    state: str


@dataclass(frozen=True)
class Half:
    """Columns [start, stop) of the concatenated output come from one direction."""

    start: int
    stop: int
    direction: str


def halves(config: LabConfig) -> tuple[Half, ...]:
    if config.bidirectional and config.merge_mode == "concat":
        u = config.units
        return (Half(0, u, "forward"), Half(u, 2 * u, "backward"))
    return ()


def links(config: LabConfig, real: np.ndarray, masked: bool) -> tuple[Link, ...]:
    """Where each returned h reappears inside an output.

    A single-direction layer's last output row is always its h (masked steps repeat the
    previous output). Bidirectional zeroes masked rows, so the forward h sits at the last real
    step and the backward h at the first real step -- the backward pass ends at timestep 0.
    """
    if not config.return_state:
        return ()
    u, found = config.units, []
    steps = real.shape[1]
    for b in range(real.shape[0]):
        present = np.flatnonzero(real[b]) if masked else np.arange(steps)
        if present.size == 0:
            continue
        last, first = int(present[-1]), int(present[0])
        if not config.bidirectional:
            found.append(Link("output", b, steps - 1 if config.return_sequences else None,
                              0, u, "h"))
            continue
        if config.merge_mode == "concat":
            f_tensor, b_tensor, b_start = "output", "output", u
        elif config.merge_mode is None:
            f_tensor, b_tensor, b_start = "output_forward", "output_backward", 0
        else:
            continue
        seq = config.return_sequences
        found.append(Link(f_tensor, b, last if seq else None, 0, u, "h_forward"))
        found.append(Link(b_tensor, b, first if seq else None, b_start, b_start + u,
                          "h_backward"))
    return tuple(found)


def skipped_rows(config: LabConfig, real: np.ndarray, masked: bool) -> np.ndarray:
    """(B, rows) True where the output row belongs to a masked timestep."""
    if not masked:
        return np.zeros(real.shape, dtype=bool)
    return ~real[:, list(row_steps(config, real.shape[1]))]


def notes(config: LabConfig, padded: bool, masked: bool) -> tuple[Message, ...]:
    """The sentences that explain this particular call, most important first."""
    out: list[Message] = []
    seq, state = config.return_sequences, config.return_state
    if config.bidirectional:
        mode = config.merge_mode
        if mode == "concat":
            u = config.units
            out.append(Message("lab.note_bi_concat",
                               {"last": u - 1, "start": u, "stop": 2 * u - 1}))
        elif mode is None:
            out.append(Message("lab.note_bi_none"))
        else:
            out.append(Message("lab.note_bi_merged", {"mode": mode}))
        out.append(Message("lab.note_bi_backward_state" if state else "lab.note_bi_backward"))
        if seq and state and mode in ("concat", None):
            out.append(Message("lab.note_bi_links"))
    else:
        key = {
            (True, True): "lab.note_seq_state", (True, False): "lab.note_seq_only",
            (False, True): "lab.note_last_state", (False, False): "lab.note_last_only",
        }[(seq, state)]
        out.append(Message(key))
        if config.go_backwards:
            out.append(Message("lab.note_go_backwards" if seq else "lab.note_go_backwards_last"))
    state_note = KINDS[config.cell].state_note
    if state_note is not None and state:
        out.append(Message(state_note))
    if masked:
        out.append(Message("lab.note_mask_bi" if config.bidirectional and seq
                           else "lab.note_mask"))
    elif padded:
        out.append(Message("lab.note_pad_unmasked_pre" if config.input.padding == "pre"
                           else "lab.note_pad_unmasked"))
    return tuple(out)


@dataclass(frozen=True)
class ParamCount:
    """The layer's parameter count and the formula `model.summary()` agrees with."""

    total: int
    formula: str  # LaTeX, symbolic
    worked: str  # LaTeX, with the numbers put in


def param_count(config: LabConfig, features: int) -> ParamCount:
    kind = KINDS[config.cell]
    gates, extra = kind.blocks, kind.bias_rows(config.reset_after)
    u, d = config.units, features
    one = kind.params(d, u, config.reset_after)
    g = "" if gates == 1 else str(gates)
    g_num = "" if gates == 1 else rf"{gates}\cdot "
    formula = rf"{g}U\,(D+U+{extra})"
    worked = rf"{g_num}{u}\cdot({d}+{u}+{extra})"
    if config.bidirectional:
        formula, worked = rf"2\times {formula}", rf"2\cdot {worked}"
    total = one * (2 if config.bidirectional else 1)
    return ParamCount(total, formula, f"{worked} = {total}")
