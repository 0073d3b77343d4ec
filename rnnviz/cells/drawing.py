"""The pieces a cell kind's drawing is laid out with (`rnnviz.charts.cell_diagram` draws it).

A layout is plain data in diagram units: boxes (`Node`), wires, the arrows leaving on the
right (c_t, h_t to the next step) and where h_t leaves the cell as its output."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Node:
    """A box of the drawing: `key` is the term it shows (None for the input token)."""

    key: str | None
    x: float
    y: float
    label: str


Wire = tuple[tuple[float, float], ...]
# Boxes, wires, the arrows leaving on the right with their labels, and where h_t leaves the
# cell upwards or downwards as its output.
Layout = tuple[list[Node], list[Wire], list[tuple[float, float, str]], tuple[float, float]]

BELT, MID, GATE, LOW, BUS, INPUT = 8.6, 6.4, 4.2, 2.6, 1.3, 0.5  # rows of the drawing


def bus(gates: Sequence[float]) -> list[Wire]:
    """x_t joins h_{t-1} on one line under the gates, which each read both."""
    return [((0.7, INPUT), (2.0, INPUT), (2.0, BUS)), ((2.0, BUS), (max(gates), BUS))] + [
        ((x, BUS), (x, GATE)) for x in gates]
