"""The .ipynb file itself: one Markdown cell that says what the notebook reproduces, then the
code cells, unexecuted, so the student's own run fills in the outputs."""
from __future__ import annotations

import numpy as np


def array_literal(values: np.ndarray) -> str:
    """A float32 array as a nested Python list; `repr` of a float32 widened to a Python float
    reads back to the very same float32, so weights survive the round trip exactly."""
    return repr(np.asarray(values, dtype=np.float32).tolist())


def notebook_file(intro: str, code_cells: list[str]) -> bytes:
    """The notebook as UTF-8 JSON, written and validated by Jupyter's own `nbformat`:
    `intro` is Markdown, already escaped by the caller. nbformat is imported here, when a
    student asks for the file, never as a page loads (the pages pass this as deferred
    download data)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    notebook = new_notebook(
        cells=[new_markdown_cell(intro)] + [new_code_cell(cell) for cell in code_cells],
        metadata={"kernelspec": {"display_name": "Python 3", "language": "python",
                                 "name": "python3"},
                  "language_info": {"name": "python"}},
    )
    return nbformat.writes(notebook).encode("utf-8")
