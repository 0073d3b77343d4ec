"""Views taken home as Jupyter notebooks: plain Keras and numpy, no rnnviz.

Each page that offers a notebook (Step-through, Keras lab, Train) writes its code cells as
text; this module turns them into an nbformat-4 file with Jupyter's `nbformat`, only when the
student clicks (the pages hand Streamlit a callable). The tests validate each file against
the schema and execute the very cells a student gets.
"""
from rnnviz.notebooks.writer import array_literal, notebook_file

__all__ = ["array_literal", "notebook_file"]
