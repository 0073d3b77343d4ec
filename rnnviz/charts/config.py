"""How every chart of the app is shown: `st.plotly_chart(fig, config=PLOTLY_CONFIG)`, and
the smallest type a figure may use.

Plotly floats its mode bar (zoom, pan, download, logo) over the top right of the plot, which
is where a chart's title and legend sit, so on a projector it hides words a class must read.
Nobody in a lesson needs it: hovering shows every value, dragging zooms and a double click
zooms back out without it, and Streamlit's own toolbar offers full screen.
"""
from __future__ import annotations

PLOTLY_CONFIG: dict[str, object] = {"displayModeBar": False, "displaylogo": False}
MIN_FONT = 12  # px: the smallest type any chart may use, so a projected page reads unzoomed
