"""How much of the loss's gradient reaches each earlier timestep: |dL/dh_t| for every t.

The loss is read at the last step only, so whatever reaches step t has travelled back
T - t steps. A SimpleRNN multiplies it by W_hh^T diag(act') at every step, so it shrinks or
grows geometrically with the largest singular value of W_hh; an LSTM also carries it along
the cell state, multiplied only by the forget gate (c_t = f_t * c_{t-1} + i_t * g_t).

Every number is the engine's backward (`trace.backward`, tested against tf.GradientTape).
Untrained cells: random weights, each gate's recurrent block an orthogonal matrix times the
chosen largest singular value, Keras's zero biases (and its forget bias of 1), random normal
inputs, and L = w . h_T for a random unit vector w, so |dL/dh_T| = 1 and the curve reads as a
fraction of it. A shipped model: random tokens of its vocabulary and its own head's
cross-entropy at the last step against a random target.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.cells import KINDS
from rnnviz.engine import RecurrentSpec, SequenceModel
from rnnviz.engine.activations import softmax
from rnnviz.engine.trace import Trace

ACTIVATIONS: tuple[str, ...] = ("tanh", "relu", "linear")
UNITS = 32
FEATURES = 8
MAX_LENGTH = 100
RADIUS = (0.1, 2.0)  # 2^100 still fits a float32; more would overflow the forward pass


@dataclass(frozen=True)
class Setting:
    radius: float = 1.0  # largest singular value of each recurrent block of W_hh
    activation: str = "tanh"
    length: int = 50
    seed: int = 0


@dataclass(frozen=True)
class Flow:
    """One cell's gradient per timestep (index 0 is the first step)."""

    kind: str
    hidden: np.ndarray  # (T,) |dL/dh_t|
    cell: np.ndarray | None  # (T,) |dL/dc_t| for an LSTM
    forget: np.ndarray | None  # (T, U) the LSTM's forget gate at every step

    @property
    def reach(self) -> float:
        """|dL/dh_1| / |dL/dh_T|: the share of the gradient that gets back to the start."""
        return _ratio(self.hidden)

    @property
    def cell_reach(self) -> float | None:
        return None if self.cell is None else _ratio(self.cell)

    @property
    def finite(self) -> bool:
        return bool(np.isfinite(self.hidden).all())


def _ratio(norms: np.ndarray) -> float:
    return float(norms[0] / norms[-1]) if norms[-1] > 0 else float("nan")


def _scaled(rng: np.random.Generator, radius: float) -> np.ndarray:
    """radius times a random orthogonal matrix: every singular value and every eigenvalue's
    size equal `radius`, so "largest singular value" and "spectral radius" mean one thing
    (a Gaussian block with the same largest singular value has a spectral radius about half
    as large, and its gradients vanish at a radius the slider calls 1)."""
    q, r = np.linalg.qr(rng.standard_normal((UNITS, UNITS)))
    return radius * q * np.sign(np.diag(r))


def untrained(kind: str, setting: Setting) -> RecurrentSpec:
    """A fresh layer of `kind`: the seed fixes every weight, whatever the other controls."""
    rng = np.random.default_rng(setting.seed)
    cell_kind = KINDS[kind]
    blocks = cell_kind.blocks
    kernel = rng.standard_normal((FEATURES, blocks * UNITS)) / np.sqrt(FEATURES)
    recurrent = np.concatenate([_scaled(rng, setting.radius) for _ in range(blocks)], axis=1)
    kernel, recurrent = kernel.astype(np.float32), recurrent.astype(np.float32)
    return RecurrentSpec(cell_kind.engine(kernel, recurrent, cell_kind.initial_bias(UNITS),
                                          setting.activation))


def _flow(trace: Trace, d_last: np.ndarray) -> Flow:
    d_sequence = np.zeros_like(trace.hidden)
    d_sequence[0, -1] = d_last
    grads = trace.backward(d_sequence)
    cell = forget = None
    if "c" in trace.states:
        cell = np.linalg.norm(grads.states["c"][0], axis=-1)
        forget = trace.values["f"][0]
    return Flow(trace.cell.kind, np.linalg.norm(grads.hidden[0], axis=-1), cell, forget)


def untrained_flow(kind: str, setting: Setting) -> Flow:
    rng = np.random.default_rng([setting.seed, 1])
    x = rng.standard_normal((1, setting.length, FEATURES)).astype(np.float32)
    w = rng.standard_normal(UNITS)
    with np.errstate(over="ignore", invalid="ignore"):
        return _flow(untrained(kind, setting).run(x), (w / np.linalg.norm(w)).astype(np.float32))


def shipped_flow(model: SequenceModel, setting: Setting) -> Flow:
    """The model's top layer over random tokens; the loss is its head's cross-entropy at the
    last step, so dL/dh_T = (p_T - onehot(target)) W_head^T."""
    rng = np.random.default_rng([setting.seed, 2])
    first = 1 if model.mask_zero else 0
    ids = rng.integers(first, len(model.tokens), size=(1, setting.length))
    trace = model.run(ids)
    top = trace.layers[-1]
    p = softmax(model.head.logits(top.hidden[0, -1]))
    p[rng.integers(len(model.labels))] -= 1.0
    return _flow(top, (p @ model.head.kernel.T).astype(np.float32))
