"""A Language-model run shared with others: what its watchers read."""

TEXT = {
    "lmwatch.watching": {
        "en": "You are watching a language model someone is training: it updates by itself, "
              "and only its owner can start, pause, stop or reset it. Below the curve is what "
              "its newest weights write.",
        "ko": "다른 사람이 학습시키는 언어 모델을 보고 있습니다. 화면은 저절로 갱신되며, 시작, "
              "일시 정지, 정지, 초기화는 학습한 사람만 할 수 있습니다. 그래프 아래에는 가장 "
              "최근 가중치로 모델이 쓴 문장이 나옵니다.",
    },
    "lmwatch.written": {
        "en": "What the {cell} model writes from a sentence start with its weights after epoch "
              "{epoch} (temperature 1; a line break is `<eos>`):",
        "ko": "{cell} 모델이 에폭 {epoch} 시점의 가중치로 문장 처음부터 쓴 문장 (온도 1, "
              "줄바꿈은 `<eos>`):",
    },
    "lmwatch.write_idle": {
        "en": "The model writes here once its first weights are saved.",
        "ko": "첫 가중치가 저장되면 모델이 쓴 문장이 여기에 나타납니다.",
    },
}
