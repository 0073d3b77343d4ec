"""Shareable links: the copy control and the message for a link the app cannot follow."""

TEXT = {
    "links.copy": {"en": "Copy link to this view", "ko": "이 화면의 링크 복사"},
    "links.copy_help": {
        "en": "Anyone who opens this address sees this page as it is set now. Copy it with "
              "the button at the right of the box.",
        "ko": "이 주소를 여는 사람은 지금 설정된 그대로 이 페이지를 봅니다. 상자 오른쪽 "
              "버튼으로 복사하세요.",
    },
    "links.refused": {
        "en": "This link asked for something the page cannot show ({values}); the page uses "
              "its own setting there instead.",
        "ko": "이 링크가 요청한 값({values})은 이 페이지에서 보여 줄 수 없어, 그 항목은 "
              "페이지의 기본 설정을 씁니다.",
    },
}
