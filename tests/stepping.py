"""Finding the slider over a stepping position in AppTest."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Slider


def position_slider(app: AppTest, position: str) -> Slider:
    """The slider over a stepping position: its widget key names the step it was drawn at
    (`rnnviz.ui.player.slider`)."""
    return next(s for s in app.slider if (s.key or "").startswith(f"{position}_slider_"))
