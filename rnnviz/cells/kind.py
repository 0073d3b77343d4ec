"""What the app knows about one kind of recurrent cell, as one value.

The engine (`rnnviz.engine.cells`) holds each cell's arithmetic, forward and backward, as
Keras's layers hold theirs; a `CellKind` holds what the app teaches about it: its gates and
states, its equations, the panels and charts Step-through shows, its drawing, its weight
shapes and parameter count. Pages, the lab and the Keras-model builder read these instead of
asking `kind == "LSTM"`.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from rnnviz.cells.drawing import Layout
from rnnviz.latex import Numbers

Vectors = Mapping[str, np.ndarray]


@dataclass(frozen=True)
class CellKind:
    """One kind of cell. Terms are the named vectors of one step (`terms`), in the order a
    student reads the equations; gates, panels and drawings name them."""

    name: str  # Keras's layer class, e.g. "LSTM"; `name + "Cell"` is its cell class
    keras_name: str  # what Keras names such a layer in a model (and its weights file): "lstm"
    engine: type  # the numpy cell in rnnviz.engine.cells
    blocks: int  # weight blocks side by side in kernel and recurrent kernel
    states: tuple[str, ...]  # what `return_state` returns after the output, in Keras's order
    gates: tuple[str, ...]  # the terms that are gates (0 closed, 1 open)
    panels: tuple[str, ...]  # trace values Step-through shows over the whole word
    bars: tuple[str, ...]  # the states drawn as bars at one step
    bars_title: str  # text key of those bars' title
    gate_map: tuple[str, ...]  # the gates drawn as a heatmap at one step
    gate_map_title: str | None  # text key of that heatmap's title
    step_note: str  # text key of the note under the equations
    # Text key added to the note on L1's hello model, whose point this kind's h_{t-1} makes.
    hello_note: str | None
    state_note: str | None  # text key the lab adds when the layer returns its states
    # Step's terms from (engine cell, this step's trace values, states before, states after).
    terms: Callable[[object, Vectors, Vectors, Vectors], dict[str, np.ndarray]]
    equations: Callable[[object, Numbers], list[str]]  # one LaTeX block per equation
    plain: Callable[[str], dict[str, str]]  # plain names of the terms, given the activation
    layout: Callable[[str], Layout]  # the drawing, given the activation's label
    # One step as plain numpy source, `def step(x_t, states, kernel, recurrent, bias)` in
    # Keras's weight layout, given reset_after; the lab's notebook replays the layer with it.
    numpy_step: Callable[[bool], str]
    forget_block: int | None = None  # the block whose bias Keras starts at 1 (unit_forget_bias)
    reset_after: bool = False  # has Keras's reset_after: then a second, recurrent bias row

    def bias_rows(self, reset_after: bool = True) -> int:
        """Rows of the bias: two for a GRU with `reset_after` (Keras's default)."""
        return 2 if self.reset_after and reset_after else 1

    def params(self, features: int, units: int, reset_after: bool = True) -> int:
        """The layer's parameter count, as Keras's `count_params()`."""
        return self.blocks * units * (features + units + self.bias_rows(reset_after))

    def zero_bias(self, units: int, reset_after: bool = True) -> np.ndarray:
        """A zero bias of the layer's shape: (blocks·U,) or (2, blocks·U)."""
        width = self.blocks * units
        rows = self.bias_rows(reset_after)
        return np.zeros((rows, width) if rows == 2 else width, np.float32)

    def initial_bias(self, units: int) -> np.ndarray:
        """Keras's initial bias: zeros, the forget block's ones (unit_forget_bias)."""
        bias = self.zero_bias(units)
        if self.forget_block is not None:
            bias[..., self.forget_block * units:(self.forget_block + 1) * units] = 1.0
        return bias

    def keras_options(self, reset_after: bool) -> dict[str, bool]:
        """The layer's own options the app sets beyond the units (GRU's `reset_after`)."""
        return {"reset_after": reset_after} if self.reset_after else {}
