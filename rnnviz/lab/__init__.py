"""Logic of the Keras lab page: what a real Keras recurrent layer returns, named, shaped,
explained and replayed by the engine. No Streamlit here."""
from rnnviz.lab.config import (
    CELLS, MERGE_MODES, PADDINGS, PRESETS, SOURCES, InputConfig, LabConfig,
)
from rnnviz.lab.explain import Half, Link, ParamCount, returned_names
from rnnviz.lab.inputs import LabInput, parse_vocabulary, parse_words
from rnnviz.lab.call import LabResult, ShapeRow, Tensor, run_lab, shape_table
from rnnviz.lab.snippet import keras_snippet

__all__ = [
    "CELLS", "MERGE_MODES", "PADDINGS", "PRESETS", "SOURCES", "Half", "InputConfig",
    "LabConfig", "LabInput", "LabResult", "Link", "ParamCount", "ShapeRow", "Tensor",
    "keras_snippet", "parse_vocabulary", "parse_words", "returned_names", "run_lab",
    "shape_table",
]
