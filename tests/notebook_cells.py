"""Runs a downloaded notebook's code cells here, in one namespace, as a Jupyter kernel would;
finds a page's notebook download button."""
from __future__ import annotations

import contextlib
import io
from pathlib import Path

import nbformat
from streamlit.testing.v1 import AppTest

PAGES = Path(__file__).resolve().parents[1] / "pages"


def read_notebook(data: bytes) -> nbformat.NotebookNode:
    """The file as Jupyter reads it (each cell's source one string), checked against
    Jupyter's own nbformat-4 schema."""
    notebook = nbformat.reads(data.decode("utf-8"), as_version=4)
    nbformat.validate(notebook)
    return notebook


def run_notebook(data: bytes) -> tuple[dict, str]:
    """Execute every code cell of the file in order; return the namespace and everything
    printed."""
    notebook = read_notebook(data)
    assert notebook["cells"][0]["cell_type"] == "markdown"
    namespace: dict = {}
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        for cell in notebook["cells"]:
            if cell["cell_type"] == "code":
                exec(compile(cell["source"], "<notebook>", "exec"), namespace)
    return namespace, printed.getvalue()


def notebook_button(page: str, key: str, lang: str):
    """The one download button `key` of `pages/<page>.py` as it first opens in `lang`."""
    at = AppTest.from_file(str(PAGES / f"{page}.py"), default_timeout=60)
    at.query_params["lang"] = lang
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    buttons = [b for b in at.get("download_button") if b.key == key]
    assert len(buttons) == 1
    return buttons[0]
