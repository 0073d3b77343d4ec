"""Lesson L8: how far the gradient reaches back in SimpleRNN, LSTM and GRU, and the map of
RNN shapes. Numbers come from the engine's backward pass."""
from rnnviz.gradients.flow import (
    ACTIVATIONS, MAX_LENGTH, RADIUS, Flow, Setting, shipped_flow, untrained,
    untrained_flow,
)
from rnnviz.gradients.shapes import PAGE_TITLES, SHAPES, Shape

__all__ = [
    "ACTIVATIONS", "MAX_LENGTH", "PAGE_TITLES", "RADIUS", "SHAPES", "Flow", "Setting", "Shape",
    "shipped_flow", "untrained", "untrained_flow",
]
