"""A small table of text, as HTML.

Step-through redraws its softmax table at every step. As Markdown each redraw parsed the
table and built a React element per cell, about 5 ms of the browser's time a step; as HTML
it is one `innerHTML`. Every cell goes through `html.escape`, so a token a student typed is
shown as typed (Streamlit's sanitizer runs over it as well). The look is Streamlit's own
Markdown table, in rem so presenter mode's larger type reaches it.
"""
from __future__ import annotations

import html

import streamlit as st

STYLE = """<style>
.rnnviz-table { border-collapse: collapse; margin-bottom: 1rem; }
.rnnviz-table th { text-align: inherit; font-weight: 600; }
.rnnviz-table th, .rnnviz-table td {
  padding: 0.375rem 0.75rem; border: 1px solid rgba(49, 51, 63, 0.1);
}
.rnnviz-table tr.rnnviz-current td { font-weight: 700; }
</style>"""


def table_html(header: list[str], rows: list[list[str]], bold: int | None = None) -> str:
    """`rows` under `header`, every cell shown literally, row `bold` in bold."""
    def line(cells: list[str], tag: str) -> str:
        return "".join(f"<{tag}>{html.escape(cell)}</{tag}>" for cell in cells)

    body = "".join(
        f'<tr class="rnnviz-current">{line(row, "td")}</tr>' if i == bold
        else f"<tr>{line(row, 'td')}</tr>"
        for i, row in enumerate(rows))
    return (f'{STYLE}<table class="rnnviz-table"><thead><tr>{line(header, "th")}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def show_table(header: list[str], rows: list[list[str]], bold: int | None = None) -> None:
    st.html(table_html(header, rows, bold))
