"""Strings of the activation choice and of two runs compared (L4: why tanh and not relu).

Terms as the shared glossary in `common` has them (활성화 함수, 은닉 상태, 시각, 에폭).
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "activation.choices": {
        "en": "tanh keeps every unit of the hidden state in (−1, 1); relu zeroes negative "
              "values and has no upper bound; sigmoid keeps them in (0, 1); linear applies "
              "nothing. An LSTM's or GRU's gates keep the sigmoid either way.",
        "ko": "tanh는 은닉 상태의 모든 유닛을 (−1, 1) 안에 둡니다. relu는 음수를 0으로 만들고 "
              "위쪽 한계가 없습니다. sigmoid는 (0, 1) 안에 둡니다. linear는 아무것도 적용하지 "
              "않습니다. LSTM과 GRU의 게이트는 어느 경우에나 시그모이드를 씁니다.",
    },
    "activation.compare_heading": {"en": "Two runs side by side", "ko": "두 학습 나란히 보기"},
    "activation.compare_with": {"en": "Compare with", "ko": "비교할 학습"},
    "activation.compare_none": {
        "en": "Train this lesson once more with another activation function (relu against "
              "tanh, say) and both runs appear here side by side.",
        "ko": "이 예제를 다른 활성화 함수로 한 번 더 학습시키면(예: tanh 대신 relu) 두 학습이 "
              "여기에 나란히 나타납니다.",
    },
    "activation.this_run": {"en": "this run: {model}", "ko": "이번 학습: {model}"},
    "activation.other_run": {"en": "compared: {model}", "ko": "비교 대상: {model}"},
    "activation.word": {"en": "Word both models read", "ko": "두 모델이 읽을 입력"},
    "activation.word_help": {
        "en": "A longer input shows more steps: the lesson's words were four letters, but a "
              "trained network reads any length.",
        "ko": "입력이 길수록 더 많은 시각을 볼 수 있습니다. 예제의 입력은 네 글자였지만 학습된 "
              "신경망은 어떤 길이든 읽습니다.",
    },
    "activation.magnitude_title": {
        "en": "Largest |h_t| over the units after each step",
        "ko": "시각마다 유닛 중 가장 큰 |h_t|",
    },
    "activation.axis_magnitude": {"en": "largest |h_t|", "ko": "가장 큰 |h_t|"},
    "activation.bound": {"en": "tanh's bound: 1", "ko": "tanh의 한계: 1"},
    "activation.magnitude_caption": {
        "en": "tanh squeezes every unit of the hidden state into (−1, 1), so it stays bounded "
              "however long the input. relu passes positive sums through unchanged, so nothing "
              "bounds what the recurrence feeds back from step to step, and it zeroes negative "
              "values, forgetting them. Computed by the numpy engine from each run's trained "
              "weights.",
        "ko": "tanh는 은닉 상태의 모든 유닛을 (−1, 1) 안으로 눌러 주므로 입력이 아무리 길어도 "
              "값이 제한됩니다. relu는 양수 합을 그대로 통과시키므로 시각마다 순환으로 되돌아오는 "
              "값을 막는 것이 없고, 음수는 0으로 만들어 잊어버립니다. 각 학습의 가중치로 numpy "
              "엔진이 계산한 값입니다.",
    },
    "activation.nothing_read": {
        "en": "Neither model knows any of these characters; type letters of the lesson's "
              "words: {vocabulary}",
        "ko": "두 모델이 아는 문자가 없습니다. 예제 단어의 글자를 입력하세요: {vocabulary}",
    },
    "activation.skipped": {
        "en": "Skipped, not in the vocabulary: {tokens}",
        "ko": "어휘에 없어 건너뜀: {tokens}",
    },
}
