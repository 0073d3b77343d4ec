"""Presenter mode: its switch."""

TEXT = {
    "present.switch": {"en": "Presenter", "ko": "발표 모드"},
    "present.help": {
        "en": "For a projector: larger type, the sidebar closed, titles and notes hidden. On "
              "Step-through the ← and → keys step and the space bar plays. Open the sidebar "
              "(top left) to switch it off.",
        "ko": "프로젝터용: 글자를 키우고 사이드바를 닫고 제목과 설명을 숨깁니다. 단계별 "
              "보기에서는 ←, → 키로 한 단계씩 움직이고 스페이스 바로 재생합니다. 끄려면 "
              "왼쪽 위에서 사이드바를 여세요.",
    },
}
