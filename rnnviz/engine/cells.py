"""One timestep of each Keras recurrent cell, keeping every intermediate for display.

Each cell mirrors its Keras 3 counterpart line by line (same sums in the same order), so the
trace agrees with Keras to float32 precision. A step returns the emitted output, the new
states, and a dict of named intermediates (pre-activations, gates, candidate) that the
Step-through page shows.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from rnnviz.engine.activations import activation

Step = tuple[np.ndarray, tuple[np.ndarray, ...], dict[str, np.ndarray]]


@dataclass(frozen=True)
class _Weights:
    """What every Keras recurrent cell holds: gate blocks side by side in each matrix."""

    kernel: np.ndarray  # (D, blocks * U)
    recurrent_kernel: np.ndarray  # (U, blocks * U)
    bias: np.ndarray | None = None
    activation: str = "tanh"

    @property
    def units(self) -> int:
        return self.recurrent_kernel.shape[0]


@dataclass(frozen=True)
class SimpleRNNCell(_Weights):
    """h_t = act(x_t W_xh + b + h_{t-1} W_hh)."""

    kind = "SimpleRNN"
    state_names = ("h",)

    def step(self, x: np.ndarray, states: tuple[np.ndarray, ...]) -> Step:
        (h_prev,) = states
        xw = x @ self.kernel
        hu = h_prev @ self.recurrent_kernel
        pre = (xw + self.bias if self.bias is not None else xw) + hu
        h = activation(self.activation)(pre)
        return h, (h,), {"xw": xw, "hu": hu, "pre": pre}


@dataclass(frozen=True)
class LSTMCell(_Weights):
    """Keras blocks i, f, c, o: c_t = f*c_{t-1} + i*act(z_c); h_t = o*act(c_t)."""

    recurrent_activation: str = "sigmoid"

    kind = "LSTM"
    state_names = ("h", "c")

    def step(self, x: np.ndarray, states: tuple[np.ndarray, ...]) -> Step:
        h_prev, c_prev = states
        act, gate = activation(self.activation), activation(self.recurrent_activation)
        pre = x @ self.kernel + h_prev @ self.recurrent_kernel
        if self.bias is not None:
            pre = pre + self.bias
        z_i, z_f, z_c, z_o = np.split(pre, 4, axis=-1)
        i, f, o = gate(z_i), gate(z_f), gate(z_o)
        g = act(z_c)
        c = f * c_prev + i * g
        h = o * act(c)
        return h, (h, c), {"pre": pre, "i": i, "f": f, "g": g, "o": o, "c": c}


@dataclass(frozen=True)
class GRUCell(_Weights):
    """Keras blocks z, r, h; h_t = z*h_{t-1} + (1 - z)*h~ (the book mixes the other way).

    `reset_after=True` (Keras's default) applies r after the recurrent product and has a
    (2, 3U) bias: input row, recurrent row."""

    kernel: np.ndarray
    recurrent_kernel: np.ndarray
    bias: np.ndarray | None = None
    activation: str = "tanh"
    recurrent_activation: str = "sigmoid"
    reset_after: bool = True

    kind = "GRU"
    state_names = ("h",)

    @property
    def units(self) -> int:
        return self.recurrent_kernel.shape[0]

    def step(self, x: np.ndarray, states: tuple[np.ndarray, ...]) -> Step:
        (h_prev,) = states
        u = self.units
        act, gate = activation(self.activation), activation(self.recurrent_activation)
        input_bias, recurrent_bias = None, None
        if self.bias is not None:
            if self.reset_after:
                input_bias, recurrent_bias = self.bias[0], self.bias[1]
            else:
                input_bias = self.bias
        matrix_x = x @ self.kernel
        if input_bias is not None:
            matrix_x = matrix_x + input_bias
        x_z, x_r, x_h = np.split(matrix_x, 3, axis=-1)
        if self.reset_after:
            matrix_inner = h_prev @ self.recurrent_kernel
            if recurrent_bias is not None:
                matrix_inner = matrix_inner + recurrent_bias
        else:
            matrix_inner = h_prev @ self.recurrent_kernel[:, : 2 * u]
        z = gate(x_z + matrix_inner[:, :u])
        r = gate(x_r + matrix_inner[:, u : 2 * u])
        if self.reset_after:
            recurrent_h = r * matrix_inner[:, 2 * u :]
        else:
            recurrent_h = (r * h_prev) @ self.recurrent_kernel[:, 2 * u :]
        pre = x_h + recurrent_h
        hh = act(pre)
        h = z * h_prev + (1 - z) * hh
        values = {"x_part": matrix_x, "z": z, "r": r, "rec_h": recurrent_h, "pre": pre, "hh": hh}
        return h, (h,), values


Cell = SimpleRNNCell | LSTMCell | GRUCell
CELLS: dict[str, type] = {c.kind: c for c in (SimpleRNNCell, LSTMCell, GRUCell)}
