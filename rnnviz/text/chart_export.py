"""Chart downloads: the image format."""

TEXT = {
    "chart_export.format": {"en": "Chart downloads", "ko": "차트 내려받기 형식"},
    "chart_export.format_help": {
        "en": "Point at a chart and press the camera at its top right to save it: PNG for "
              "slides, SVG to print or edit.",
        "ko": "차트 위에 마우스를 올리고 오른쪽 위의 카메라 버튼을 누르면 저장됩니다. "
              "슬라이드에는 PNG, 인쇄나 편집에는 SVG.",
    },
}
