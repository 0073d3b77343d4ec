"""One timestep of each Keras recurrent cell, forward and backward.

Each cell mirrors its Keras 3 counterpart line by line (same sums in the same order), so the
trace agrees with Keras to float32 precision. A step returns the emitted output, the new
states, and a dict of named intermediates (pre-activations, gates, candidate) that the
Step-through page shows. `backward` runs one step in reverse from those same intermediates
(as Deep Learning from Scratch 2's layers do): given dL/d(new states) it returns dL/dx,
dL/d(previous states) and this step's share of each weight's gradient.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from rnnviz.engine.activations import activation
from rnnviz.engine.derivatives import activation_backward

Step = tuple[np.ndarray, tuple[np.ndarray, ...], dict[str, np.ndarray]]
# dL/dx, dL/d(previous states), weight gradients in `layer.get_weights()` order
StepGrads = tuple[np.ndarray, tuple[np.ndarray, ...], list[np.ndarray]]


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

    @property
    def weights(self) -> list[np.ndarray]:
        """The weights in `layer.get_weights()` order."""
        return [w for w in (self.kernel, self.recurrent_kernel, self.bias) if w is not None]

    def with_weights(self, weights: list[np.ndarray]) -> _Weights:
        """The same cell holding `weights` (in `weights` order), e.g. after a training step."""
        kernel, recurrent_kernel, *bias = weights
        return replace(self, kernel=kernel, recurrent_kernel=recurrent_kernel,
                       bias=bias[0] if bias else None)

    def _affine_grads(self, x: np.ndarray, h_prev: np.ndarray, d_pre: np.ndarray) -> StepGrads:
        """Backward through pre = x W + h_prev U (+ b), with every gate block in d_pre."""
        weights = [x.T @ d_pre, h_prev.T @ d_pre]
        if self.bias is not None:
            weights.append(d_pre.sum(axis=0))
        return d_pre @ self.kernel.T, (d_pre @ self.recurrent_kernel.T,), weights


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

    def backward(
        self, x: np.ndarray, previous: tuple[np.ndarray, ...], values: dict[str, np.ndarray],
        d_states: tuple[np.ndarray, ...],
    ) -> StepGrads:
        (h_prev,), (d_h,) = previous, d_states
        d_pre = activation_backward(self.activation)(values["pre"], d_h)
        return self._affine_grads(x, h_prev, d_pre)


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

    def backward(
        self, x: np.ndarray, previous: tuple[np.ndarray, ...], values: dict[str, np.ndarray],
        d_states: tuple[np.ndarray, ...],
    ) -> StepGrads:
        (h_prev, c_prev), (d_h, d_c) = previous, d_states
        act, act_back = activation(self.activation), activation_backward(self.activation)
        gate_back = activation_backward(self.recurrent_activation)
        i, f, g, o, c = (values[k] for k in ("i", "f", "g", "o", "c"))
        z_i, z_f, z_c, z_o = np.split(values["pre"], 4, axis=-1)
        d_c = d_c + act_back(c, d_h * o)
        d_pre = np.concatenate([
            gate_back(z_i, d_c * g), gate_back(z_f, d_c * c_prev),
            act_back(z_c, d_c * i), gate_back(z_o, d_h * act(c)),
        ], axis=-1)
        dx, (d_h_prev,), weights = self._affine_grads(x, h_prev, d_pre)
        return dx, (d_h_prev, d_c * f), weights


@dataclass(frozen=True)
class GRUCell(_Weights):
    """Keras blocks z, r, h; h_t = z*h_{t-1} + (1 - z)*h~ (the book mixes the other way).

    `reset_after=True` (Keras's default) applies r after the recurrent product and has a
    (2, 3U) bias: input row, recurrent row."""

    recurrent_activation: str = "sigmoid"
    reset_after: bool = True

    kind = "GRU"
    state_names = ("h",)

    @property
    def _biases(self) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(input bias, recurrent bias); only `reset_after` has the second."""
        if self.bias is None:
            return None, None
        return (self.bias[0], self.bias[1]) if self.reset_after else (self.bias, None)

    def _inner(self, h_prev: np.ndarray) -> np.ndarray:
        """The recurrent product the gates read: all three blocks (with the recurrent bias)
        when `reset_after`, else only z and r (h~ multiplies r*h_prev later)."""
        if not self.reset_after:
            return h_prev @ self.recurrent_kernel[:, : 2 * self.units]
        inner = h_prev @ self.recurrent_kernel
        recurrent_bias = self._biases[1]
        return inner if recurrent_bias is None else inner + recurrent_bias

    def step(self, x: np.ndarray, states: tuple[np.ndarray, ...]) -> Step:
        (h_prev,) = states
        u = self.units
        act, gate = activation(self.activation), activation(self.recurrent_activation)
        input_bias = self._biases[0]
        matrix_x = x @ self.kernel
        if input_bias is not None:
            matrix_x = matrix_x + input_bias
        x_z, x_r, x_h = np.split(matrix_x, 3, axis=-1)
        matrix_inner = self._inner(h_prev)
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

    def backward(
        self, x: np.ndarray, previous: tuple[np.ndarray, ...], values: dict[str, np.ndarray],
        d_states: tuple[np.ndarray, ...],
    ) -> StepGrads:
        """The gates' pre-activations are not kept, so the recurrent product is recomputed
        (the same sum as forward, hence the same numbers)."""
        (h_prev,), (d_h,) = previous, d_states
        u, recurrent = self.units, self.recurrent_kernel
        gate_back = activation_backward(self.recurrent_activation)
        z, r, hh = values["z"], values["r"], values["hh"]
        x_z, x_r, _ = np.split(values["x_part"], 3, axis=-1)
        inner = self._inner(h_prev)
        d_pre = activation_backward(self.activation)(values["pre"], d_h * (1 - z))
        d_h_prev = d_h * z
        if self.reset_after:
            d_r = d_pre * inner[:, 2 * u :]
        else:
            d_reset_h = d_pre @ recurrent[:, 2 * u :].T
            d_r = d_reset_h * h_prev
            d_h_prev = d_h_prev + d_reset_h * r
        d_z_pre = gate_back(x_z + inner[:, :u], d_h * (h_prev - hh))
        d_r_pre = gate_back(x_r + inner[:, u : 2 * u], d_r)
        d_x_part = np.concatenate([d_z_pre, d_r_pre, d_pre], axis=-1)
        if self.reset_after:
            d_inner = np.concatenate([d_z_pre, d_r_pre, d_pre * r], axis=-1)
            d_recurrent = h_prev.T @ d_inner
            d_h_prev = d_h_prev + d_inner @ recurrent.T
        else:
            d_inner = d_x_part[:, : 2 * u]
            d_recurrent = np.concatenate(
                [h_prev.T @ d_inner, (r * h_prev).T @ d_pre], axis=-1
            )
            d_h_prev = d_h_prev + d_inner @ recurrent[:, : 2 * u].T
        weights = [x.T @ d_x_part, d_recurrent]
        if self.bias is not None:
            d_bias = d_x_part.sum(axis=0)
            weights.append(np.stack([d_bias, d_inner.sum(axis=0)]) if self.reset_after else d_bias)
        return d_x_part @ self.kernel.T, (d_h_prev,), weights


Cell = SimpleRNNCell | LSTMCell | GRUCell
CELLS: dict[str, type] = {c.kind: c for c in (SimpleRNNCell, LSTMCell, GRUCell)}
