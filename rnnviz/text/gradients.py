"""Strings of the Gradients page (lesson L8: why plain RNNs forget, and the map of RNNs).

Korean terms follow the Korean edition of *Deep Learning from Scratch 2* (기울기 소실,
기울기 폭발, 기억 셀, 망각 게이트, 특잇값, 다대일, 인코더-디코더).
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "gradients.nav": {"en": "Gradients", "ko": "기울기 흐름"},
    "gradients.nav_icon": {"en": ":material/trending_down:", "ko": ":material/trending_down:"},
    "gradients.title": {
        "en": "How far back does the gradient reach?", "ko": "기울기는 얼마나 멀리 되돌아갈까?",
    },
    "gradients.intro": {
        "en": "The loss is read at the last timestep only. The curves show how much of its "
              "gradient is left at every earlier step, |dL/dh_t|, for SimpleRNN, LSTM and GRU "
              "side by side, on a log scale: a straight line down is a vanishing gradient, up "
              "an exploding one.",
        "ko": "손실은 마지막 시각에서만 계산합니다. 곡선은 그 기울기가 앞선 각 시각에 얼마나 "
              "남는지(|dL/dh_t|)를 SimpleRNN, LSTM, GRU에 대해 로그 눈금으로 나란히 "
              "보여 줍니다. 곧게 내려가면 기울기 소실, 올라가면 기울기 폭발입니다.",
    },
    "gradients.source": {"en": "Models", "ko": "모델"},
    "gradients.source.untrained": {
        "en": "Untrained (random weights)", "ko": "학습 전 (무작위 가중치)",
    },
    "gradients.source.shipped": {
        "en": "The app's trained word models", "ko": "앱에 포함된 학습된 단어 모델",
    },
    "gradients.radius": {
        "en": "Largest singular value of W_hh", "ko": "W_hh의 가장 큰 특잇값",
    },
    "gradients.radius_help": {
        "en": "Each recurrent block is an orthogonal matrix times this number, so it is also "
              "the spectral radius.",
        "ko": "각 순환 블록은 직교 행렬에 이 수를 곱한 것이므로 스펙트럼 반지름과도 같습니다.",
    },
    "gradients.activation": {"en": "Activation", "ko": "활성화 함수"},
    "gradients.length": {"en": "Sequence length", "ko": "시퀀스 길이"},
    "gradients.seed": {"en": "Seed", "ko": "시드"},
    "gradients.shipped_note": {
        "en": "Trained weights are fixed: the singular value and the activation are the "
              "models' own. Input: {length} random letters; the loss is the model's own "
              "cross-entropy at the last step.",
        "ko": "학습된 가중치는 고정이므로 특잇값과 활성화 함수는 모델 자체의 것입니다. 입력: "
              "무작위 문자 {length}개, 손실은 마지막 시각에서 모델의 교차 엔트로피 오차입니다.",
    },
    "gradients.untrained_note": {
        "en": "32 units, 8 random normal inputs per step; the loss is L = w·h_T for a random "
              "unit vector w, so |dL/dh_T| = 1 and the curves read as a fraction of it.",
        "ko": "유닛 32개, 시각마다 무작위 정규분포 입력 8개. 손실은 무작위 단위 벡터 w에 대해 "
              "L = w·h_T이므로 |dL/dh_T| = 1이고, 곡선은 그 비율로 읽으면 됩니다.",
    },
    "gradients.chart": {
        "en": "|dL/dh_t|, loss at step {length}", "ko": "|dL/dh_t|, 손실은 시각 {length}",
    },
    "gradients.axis_t": {"en": "timestep t", "ko": "시각 t"},
    "gradients.axis_norm": {"en": "|dL/dh_t| (log)", "ko": "|dL/dh_t| (로그)"},
    "gradients.reach": {"en": "At step 1", "ko": "시각 1에서"},
    "gradients.reach_help": {
        "en": "|dL/dh_1| / |dL/dh_T|: the share of the gradient that gets back to the start.",
        "ko": "|dL/dh_1| / |dL/dh_T|: 처음까지 되돌아간 기울기의 비율.",
    },
    "gradients.underflow": {
        "en": "{kind}: the gradient fell below float32's smallest number before step 1; "
              "the line stops where it did.",
        "ko": "{kind}: 기울기가 시각 1에 닿기 전에 float32로 나타낼 수 있는 가장 작은 수보다 "
              "작아졌습니다. 선은 그 지점에서 끊깁니다.",
    },
    "gradients.overflow": {
        "en": "{kind}: the numbers grew past float32's largest value (an exploding forward "
              "pass); the line stops there. Lower the singular value or use tanh.",
        "ko": "{kind}: 값이 float32의 최댓값을 넘었습니다(순전파 폭발). 선은 그 지점에서 "
              "끊깁니다. 특잇값을 낮추거나 tanh를 쓰세요.",
    },
    "gradients.why_title": {
        "en": "Why the LSTM's cell state carries the gradient",
        "ko": "LSTM의 기억 셀이 기울기를 전달하는 이유",
    },
    "gradients.why_simple": {
        "en": "SimpleRNN: h_t = tanh(x_t W_xh + h_{{t-1}} W_hh + b). Going one step back "
              "multiplies the gradient by W_hh^T and by tanh' = 1 - h_t² ≤ 1, every step. "
              "Here that leaves {reach} of it after {steps} steps.",
        "ko": "SimpleRNN: h_t = tanh(x_t W_xh + h_{{t-1}} W_hh + b). 한 시각 거꾸로 갈 때마다 "
              "기울기에 W_hh^T와 tanh' = 1 - h_t² ≤ 1이 곱해집니다. 여기서는 {steps}시각 뒤 "
              "{reach}만 남습니다.",
    },
    "gradients.why_lstm": {
        "en": "LSTM: c_t = f_t ⊙ c_{{t-1}} + i_t ⊙ g_t. Along the cell state, one step back "
              "multiplies the gradient by the forget gate f_t alone, element by element: no "
              "W_hh, no tanh'. Here f_t averages {forget}, and the product f_2 ⋯ f_T, the "
              "gradient's whole way back along the cell, averages {product} per unit. The "
              "LSTM's |dL/dh_1| is {reach}.",
        "ko": "LSTM: c_t = f_t ⊙ c_{{t-1}} + i_t ⊙ g_t. 기억 셀을 따라 한 시각 거꾸로 가면 "
              "기울기에는 망각 게이트 f_t만 원소별로 곱해집니다. W_hh도, tanh'도 없습니다. "
              "여기서 f_t의 평균은 {forget}이고, 기억 셀을 따라 처음까지 가는 곱 f_2 ⋯ f_T의 "
              "유닛별 평균은 {product}입니다. LSTM의 |dL/dh_1|은 {reach}입니다.",
    },
    "gradients.why_gru": {
        "en": "GRU: h_t = z_t ⊙ h_{{t-1}} + (1 - z_t) ⊙ h̃_t, a direct path scaled by the "
              "update gate z_t (Keras's convention; the book mixes the other way). Here "
              "|dL/dh_1| is {reach}.",
        "ko": "GRU: h_t = z_t ⊙ h_{{t-1}} + (1 - z_t) ⊙ h̃_t, 업데이트 게이트 z_t로 조절되는 직접 "
              "경로입니다(Keras의 표기, 책은 반대로 섞습니다). 여기서 |dL/dh_1|은 {reach}입니다.",
    },
    "gradients.map_title": {"en": "The map of RNN shapes", "ko": "RNN 구조 지도"},
    "gradients.map_intro": {
        "en": "x is an input, h a hidden state, y an output; each arrow is a weight matrix. "
              "Each shape links to the page that runs it.",
        "ko": "x는 입력, h는 은닉 상태, y는 출력이고 화살표 하나가 가중치 행렬 하나입니다. "
              "각 구조는 그것을 실행하는 페이지로 연결됩니다.",
    },
    "gradients.shape.one_to_one": {"en": "One-to-one", "ko": "일대일"},
    "gradients.shape.one_to_many": {"en": "One-to-many", "ko": "일대다"},
    "gradients.shape.many_to_one": {"en": "Many-to-one", "ko": "다대일"},
    "gradients.shape.many_to_many": {"en": "Many-to-many", "ko": "다대다"},
    "gradients.shape.encoder_decoder": {"en": "Encoder-decoder", "ko": "인코더-디코더"},
    "gradients.shape.stacked": {"en": "Stacked (2 layers)", "ko": "다층 (2계층)"},
    "gradients.shape.bidirectional": {"en": "Bidirectional", "ko": "양방향"},
    "gradients.shape_use.one_to_one": {
        "en": "No recurrence: every step on its own. The By-hand page cuts W_hh to 0 (L1).",
        "ko": "순환 없음: 시각마다 따로 계산합니다. 손으로 계산하기 페이지에서 W_hh = 0 (L1).",
    },
    "gradients.shape_use.one_to_many": {
        "en": "One start, many outputs, as in captioning: the language model writes on from "
              "one word (L6).",
        "ko": "입력 하나로 여러 출력(이미지 캡셔닝처럼): 언어 모델이 단어 하나에서 이어 씁니다 "
              "(L6).",
    },
    "gradients.shape_use.many_to_one": {
        "en": "Read everything, answer once: sentiment and the fifth letter on the Train "
              "page (L3, L4).",
        "ko": "모두 읽고 한 번 답하기: 학습 페이지의 감성 분류와 다섯째 글자 (L3, L4).",
    },
    "gradients.shape_use.many_to_many": {
        "en": "Aligned: an answer at every step, as in tagging: hell → ello on Step through "
              "(L1).",
        "ko": "정렬된 다대다: 시각마다 답하기(품사 태깅처럼): 단계별 실행의 hell → ello (L1).",
    },
    "gradients.shape_use.encoder_decoder": {
        "en": "Many-to-many for translation: the encoder's last state starts the decoder. "
              "The Keras lab shows that state with return_state=True (L5); no page trains a "
              "translator.",
        "ko": "번역을 위한 다대다: 인코더의 마지막 상태로 디코더가 시작합니다. Keras 실험실에서 "
              "return_state=True로 그 상태를 봅니다 (L5). 번역기를 학습하는 페이지는 없습니다.",
    },
    "gradients.shape_use.stacked": {
        "en": "The second layer reads the first layer's hidden states: set Layers to 2 on the "
              "Train page.",
        "ko": "두 번째 계층이 첫 계층의 은닉 상태를 읽습니다: 학습 페이지에서 계층 수를 2로.",
    },
    "gradients.shape_use.bidirectional": {
        "en": "One layer reads left to right, one right to left; their outputs are joined. "
              "Keras lab (L5).",
        "ko": "한 계층은 왼쪽에서 오른쪽으로, 다른 계층은 반대로 읽고 출력을 합칩니다. "
              "Keras 실험실 (L5).",
    },
    "gradients.open": {"en": "Open: {page}", "ko": "열기: {page}"},
}
