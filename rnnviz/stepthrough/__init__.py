"""The logic of the Step-through page, no Streamlit: read typed text, run the engine, and
slice its trace into what one timestep shows."""
from rnnviz.stepthrough.tokens import LIMIT, Reading, Token, characters, read, split
from rnnviz.stepthrough.view import END, PANELS, Direction, Softmax, Step, Walk, panels, terms

__all__ = [
    "END", "LIMIT", "PANELS", "Direction", "Reading", "Softmax", "Step", "Token", "Walk",
    "characters", "panels", "read", "split", "terms",
]
