"""Sending the By-hand page's network to the pages that read trained models."""

TEXT = {
    "send.button": {"en": "Send to Step-through", "ko": "단계별 실행으로 보내기"},
    "send.help": {
        "en": "Offer these weights in the model menus of Step-through and Gradients, "
              "with the scalar biases copied into every unit, as Keras keeps them.",
        "ko": "이 가중치를 단계별 실행과 기울기 페이지의 모델 목록에 올립니다. "
              "스칼라 편향은 Keras처럼 모든 뉴런에 복사됩니다.",
    },
    "send.done": {
        "en": "Sent: “{name}” is now in the model menu.",
        "ko": "보냈습니다. 모델 목록에 “{name}” 항목이 생겼습니다.",
    },
    "send.open": {"en": "Open Step-through", "ko": "단계별 실행 열기"},
    "send.name.hello": {
        "en": "By hand: hello, after {steps} SGD steps",
        "ko": "손으로 계산하기: hello, SGD {steps}단계 후",
    },
    "send.name.grammar": {
        "en": "By hand: as soon as, after {steps} SGD steps",
        "ko": "손으로 계산하기: as soon as, SGD {steps}단계 후",
    },
}
