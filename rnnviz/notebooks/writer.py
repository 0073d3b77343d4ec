"""The .ipynb file itself: one Markdown cell that says what the notebook reproduces, then the
code cells, unexecuted, so the student's own run fills in the outputs."""
from __future__ import annotations

import json

import numpy as np


def array_literal(values: np.ndarray) -> str:
    """A float32 array as a nested Python list; `repr` of a float32 widened to a Python float
    reads back to the very same float32, so weights survive the round trip exactly."""
    return repr(np.asarray(values, dtype=np.float32).tolist())


def _code(source: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": source}


def notebook_file(intro: str, code_cells: list[str]) -> bytes:
    """The notebook as UTF-8 JSON: `intro` is Markdown, already escaped by the caller."""
    cells = [{"cell_type": "markdown", "metadata": {}, "source": intro}]
    cells += [_code(cell) for cell in code_cells]
    notebook = {
        "cells": cells,
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                    "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4, "nbformat_minor": 4,
    }
    return json.dumps(notebook, ensure_ascii=False, indent=1).encode("utf-8")
