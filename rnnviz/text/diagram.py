"""Strings of the cell diagram (the drawing of one step's cell on the Step-through page).

Korean terms as in the shared glossary (`common`): 기억 셀, 은닉 상태, 게이트, 출력층.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "diagram.title": {
        "en": "The {kind} cell at step {t}, reading {token}",
        "ko": "시각 {t}의 {kind} 셀 ({token} 읽는 중)",
    },
    "diagram.title_unit": {
        "en": "The {kind} cell at step {t}, reading {token} (unit {unit})",
        "ko": "시각 {t}의 {kind} 셀 ({token} 읽는 중, 유닛 {unit})",
    },
    "diagram.to_output": {"en": "to the output layer", "ko": "출력층으로"},
    "diagram.to_next_layer": {"en": "to the next layer", "ko": "다음 계층으로"},
    "diagram.caption": {
        "en": "Each box holds this step's numbers, one row per unit: gates (σ) from white "
              "(closed, 0) to blue (open, 1), everything else red above 0 and blue below.",
        "ko": "상자마다 이 시각의 숫자가 유닛마다 한 줄씩 있습니다. 게이트(σ)는 흰색(닫힘, 0)에서 "
              "파란색(열림, 1)까지, 나머지는 0보다 크면 빨간색, 작으면 파란색입니다.",
    },
    "diagram.heading": {"en": "The cell of this step", "ko": "이 시각의 셀"},
}
