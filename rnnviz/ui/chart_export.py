"""The image format chart downloads use, chosen once in the sidebar for the session.

Plotly's download button saves one format, and a config cannot carry a second button without
JavaScript, so the session picks PNG (slides) or SVG (print, editing) and every chart's button
saves that.
"""
from __future__ import annotations

from typing import Any

import streamlit as st

from rnnviz.charts.config import IMAGE_FORMATS, plotly_config
from rnnviz.ui.language import tr

KEY = "chart_image_format"


def chart_config() -> dict[str, object]:
    """The config to pass to `st.plotly_chart`, saving the session's chosen format."""
    chosen = st.session_state.get(KEY)
    return plotly_config(chosen if chosen in IMAGE_FORMATS else IMAGE_FORMATS[0])


def image_format_switch(where: Any) -> None:
    """The choice between PNG and SVG for every chart's download button, in a popover in
    `where` (a sidebar row), so it costs the sidebar one line."""
    chosen = st.session_state.get(KEY) or IMAGE_FORMATS[0]
    with where.popover(chosen.upper(), icon=":material/photo_camera:",
                       help=tr("chart_export.format_help")):
        st.segmented_control(tr("chart_export.format"), IMAGE_FORMATS, key=KEY,
                             default=IMAGE_FORMATS[0], required=True, format_func=str.upper)
