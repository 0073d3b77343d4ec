"""Downloads: a word's trace as CSV, a drawing as SVG."""

TEXT = {
    "export.trace_csv": {"en": "Trace as CSV", "ko": "추적 결과 CSV"},
    "export.trace_csv_help": {
        "en": "Every step of this word: the input, every layer's states and gates, the scores "
              "and the softmax, one row per step, the engine's numbers in full.",
        "ko": "이 단어의 모든 단계: 입력, 각 층의 상태와 게이트, 점수와 소프트맥스를 단계마다 "
              "한 행씩, 엔진이 계산한 값 그대로 담습니다.",
    },
    "export.drawing_svg": {"en": "Download this drawing as SVG",
                           "ko": "이 그림을 SVG로 내려받기"},
}
