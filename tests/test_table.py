"""The HTML table Step-through and By hand show their per-step numbers in."""
from __future__ import annotations

from rnnviz.ui.table import table_html
from tests.tables import bold_rows, rows


def test_a_table_escapes_its_cells_and_bolds_the_current_row() -> None:
    shown = table_html(["t", "input"], [["1", "a|b"], ["2", "<img src=x onerror=alert(1)>"]],
                       bold=1)
    assert "<img" not in shown
    assert rows(shown) == [["t", "input"], ["1", "a|b"], ["2", "<img src=x onerror=alert(1)>"]]
    assert bold_rows(shown) == [1]
    assert bold_rows(table_html(["t"], [["1"], ["2"]])) == []
