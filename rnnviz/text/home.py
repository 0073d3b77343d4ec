"""Strings of the home page: what the app teaches and one line per lesson, in course order.

Korean terms follow the shared glossary in `common` (은닉 상태, 기억 셀, 기울기, 시각).
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "home.nav": {"en": "Start here", "ko": "시작하기"},
    "home.nav_icon": {"en": ":material/home:", "ko": ":material/home:"},
    "home.intro": {
        "en": "Eight lessons in course order, from a four-letter word to a language model; "
              "every number on every page is the one Keras computes. New here? Start with "
              "**L1**.",
        "ko": "네 글자 단어에서 언어 모델까지, 강의 순서대로 8개 레슨입니다. 모든 페이지의 "
              "숫자는 Keras가 계산한 바로 그 숫자입니다. 처음이라면 **L1**부터 시작하세요.",
    },
    "home.runs_on": {"en": "**{page}**: {about}", "ko": "**{page}**: {about}"},
    "home.unknown_lesson": {
        "en": "This link asks for lesson “{value}”, which rnnviz does not have. The lessons "
              "are {first} to {last}: pick one below.",
        "ko": "이 링크가 요청한 레슨은 rnnviz에 없습니다: “{value}”. 레슨은 {first}부터 "
              "{last}까지입니다. 아래에서 고르세요.",
    },
    "home.lesson.L1": {
        "en": "hello: the next character",
        "ko": "hello: 다음 문자 예측",
    },
    "home.about.L1": {
        "en": "A tiny RNN reads `hell` and answers `ello`; only its hidden state tells the "
              "two `l`s apart.",
        "ko": "작은 RNN이 `hell`을 읽고 `ello`를 답합니다. 두 `l`을 구별하는 것은 은닉 "
              "상태뿐입니다.",
    },
    "home.lesson.L2": {
        "en": "What a Keras RNN returns",
        "ko": "Keras RNN이 반환하는 것",
    },
    "home.about.L2": {
        "en": "Flip return_sequences and return_state and see every output's shape and "
              "values, straight from Keras.",
        "ko": "return_sequences와 return_state를 바꾸며 Keras가 돌려주는 출력의 형상과 값을 "
              "그대로 봅니다.",
    },
    "home.lesson.L3": {
        "en": "Sentiment, many-to-one",
        "ko": "감성 분류, 다대일",
    },
    "home.about.L3": {
        "en": "Train a character-level SimpleRNN on `good`, `bad`, `worse`, `so good` until "
              "it gets all four right.",
        "ko": "`good`, `bad`, `worse`, `so good`으로 문자 단위 SimpleRNN을 네 개 모두 맞힐 "
              "때까지 학습시킵니다.",
    },
    "home.lesson.L4": {
        "en": "Five words: the last letter",
        "ko": "다섯 단어: 마지막 글자",
    },
    "home.about.L4": {
        "en": "Read four letters, predict the fifth: 225 parameters, trained until accuracy "
              "reaches 1.0.",
        "ko": "네 글자를 읽고 다섯 번째를 예측합니다. 매개변수 225개, 정확도 1.0까지 "
              "학습합니다.",
    },
    "home.lesson.L5": {
        "en": "LSTM, GRU and Bidirectional",
        "ko": "LSTM, GRU, 양방향",
    },
    "home.about.L5": {
        "en": "What each returns: h and c from an LSTM, h alone from a GRU, both directions "
              "from Bidirectional.",
        "ko": "LSTM은 h와 기억 셀 c를, GRU는 h만, 양방향은 두 방향을 모두 돌려줍니다.",
    },
    "home.lesson.L6": {
        "en": "A language model from scratch",
        "ko": "밑바닥부터 만드는 언어 모델",
    },
    "home.about.L6": {
        "en": "numpy layers and truncated BPTT on a real corpus; perplexity falls as it "
              "learns, then it writes.",
        "ko": "numpy 계층과 Truncated BPTT로 실제 말뭉치를 학습합니다. 퍼플렉서티가 "
              "떨어지고, 글을 씁니다.",
    },
    "home.lesson.L7": {
        "en": "The hello RNN by hand",
        "ko": "손으로 계산하는 hello RNN",
    },
    "home.about.L7": {
        "en": "Every number of the forward and backward pass, each gradient checked against a "
              "numerical one.",
        "ko": "순전파와 역전파의 모든 숫자, 그리고 수치 미분으로 확인한 모든 기울기.",
    },
    "home.lesson.L8": {
        "en": "The map of RNNs",
        "ko": "RNN의 지도",
    },
    "home.about.L8": {
        "en": "Why plain RNNs forget: how much gradient reaches each earlier step in "
              "SimpleRNN, LSTM and GRU.",
        "ko": "단순 RNN이 잊는 이유: SimpleRNN, LSTM, GRU에서 앞선 시각마다 도달하는 기울기의 "
              "크기.",
    },
}
