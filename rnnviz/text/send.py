"""The session's own models on other pages: the By-hand page's network sent to them, and the
Gradients page's choice among the models trained or sent in this session."""

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
    "send.gradients_source": {"en": "This session's models", "ko": "이 세션의 모델"},
    "send.gradients_model": {"en": "Model", "ko": "모델"},
    "send.gradients_note": {
        "en": "The {kind} line is “{name}”; the other lines are the app's trained word models. "
              "Input: {length} random tokens of its vocabulary; the loss is its head's "
              "cross-entropy at the last step.",
        "ko": "{kind} 선은 “{name}”입니다. 나머지 선은 앱에 포함된 학습된 단어 모델입니다. "
              "입력: 어휘에서 고른 무작위 토큰 {length}개, 손실은 마지막 단계에서 출력층의 "
              "교차 엔트로피 오차입니다.",
    },
    "send.name.grammar": {
        "en": "By hand: as soon as, after {steps} SGD steps",
        "ko": "손으로 계산하기: as soon as, SGD {steps}단계 후",
    },
}
