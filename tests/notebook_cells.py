"""Runs a downloaded notebook's code cells here, in one namespace, as a Jupyter kernel would."""
from __future__ import annotations

import contextlib
import io

import nbformat


def run_notebook(data: bytes) -> tuple[dict, str]:
    """Check the file against Jupyter's own nbformat-4 schema, then execute every code cell
    in order; return the namespace and everything printed."""
    notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
    nbformat.validate(notebook)
    assert notebook["cells"][0]["cell_type"] == "markdown"
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                exec(compile(cell["source"], "<notebook>", "exec"), namespace)
    return namespace, printed.getvalue()
