"""The logic of the Step-through page, no Streamlit: read typed text, run the engine, and
slice its trace into what one timestep shows."""
from rnnviz.stepthrough.tokens import LIMIT, MAX_TEXT_CHARS, Reading, Token, read
from rnnviz.stepthrough.view import (
    END, Direction, Softmax, Step, Walk, panels, reads_one_hot, terms,
)

__all__ = [
    "END", "LIMIT", "MAX_TEXT_CHARS", "Direction", "Reading", "Softmax", "Step",
    "Token", "Walk", "panels", "read", "reads_one_hot", "terms",
]
