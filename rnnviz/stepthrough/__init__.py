"""The logic of the Step-through page, no Streamlit: read typed text, run the engine, and
slice its trace into what one timestep shows."""
from rnnviz.stepthrough.tokens import LIMIT, MAX_TEXT_CHARS, Reading, Token, read
from rnnviz.stepthrough.walk import (
    END, Direction, Softmax, Step, Walk, panel_choices, panels, reads_one_hot, terms,
)

__all__ = [
    "END", "LIMIT", "MAX_TEXT_CHARS", "Direction", "Reading", "Softmax", "Step",
    "Token", "Walk", "panel_choices", "panels", "read", "reads_one_hot", "terms",
]
