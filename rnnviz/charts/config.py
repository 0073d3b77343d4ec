"""How every chart of the app is shown: `st.plotly_chart(fig, config=chart_config())` (see
`rnnviz.ui.chart_export`), and the smallest type a figure may use.

Plotly floats its mode bar (zoom, pan, download, logo) over the top right of the plot, which
is where a chart's title and legend can sit, so on a projector it hides words a class must
read. Nobody in a lesson needs zoom or pan: hovering shows every value, dragging zooms and a
double click zooms back out without it. The one button kept is the download, shown only while
the pointer is over the chart: each chart saves as PNG or SVG in the browser (plotly draws
the file there, so the server needs no image renderer).
"""
from __future__ import annotations

IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")
MIN_FONT = 12  # px: the smallest type any chart may use, so a projected page reads unzoomed


def plotly_config(image_format: str = "png") -> dict[str, object]:
    """The plotly config of every chart: only the download button, on hover, saving
    `image_format` (PNG at twice the screen's resolution, for slides)."""
    if image_format not in IMAGE_FORMATS:
        raise ValueError(image_format)
    return {
        "displayModeBar": "hover", "displaylogo": False, "modeBarButtons": [["toImage"]],
        "toImageButtonOptions": {"format": image_format, "filename": "rnnviz-chart",
                                 "scale": 2 if image_format == "png" else 1},
    }
