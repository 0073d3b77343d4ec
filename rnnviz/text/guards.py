"""What every page says when it cleaned typed text or caught a failure it did not expect."""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "guards.dropped": {
        "en": "{count} invisible or reserved character(s) (control or formatting characters, "
              "or the symbols ␀ ␣ the app draws itself) were removed.",
        "ko": "보이지 않거나 예약된 문자 {count}개(제어·서식 문자, 또는 앱이 직접 그리는 ␀ ␣ "
              "기호)를 지웠습니다.",
    },
    "guards.failure": {
        "en": "Something went wrong ({error}); nothing you made was lost. Try again, or change "
              "the last setting.",
        "ko": "문제가 생겼습니다({error}). 만든 것은 그대로 있습니다. 다시 시도하거나 마지막으로 "
              "바꾼 설정을 되돌려 보세요.",
    },
}
