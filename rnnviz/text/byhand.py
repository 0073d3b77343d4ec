"""Strings of the By-hand page (lesson L7: the hello RNN forward and backward in numpy).

Korean terms follow the Korean edition of *Deep Learning from Scratch 2* (순전파, 역전파,
기울기, 수치 미분, 확률적 경사 하강법(SGD), 손실, 은닉 상태, 소프트맥스).
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "byhand.nav": {"en": "By hand", "ko": "손으로 계산하기"},
    "byhand.nav_icon": {"en": ":material/calculate:", "ko": ":material/calculate:"},
    "byhand.title": {
        "en": "The hello RNN by hand", "ko": "hello RNN 손으로 계산하기",
    },
    "byhand.intro": {
        "en": "The lecture's own numpy network, every number worked out: the forward pass one "
              "timestep at a time, backpropagation through time in reverse, a numerical check "
              "of every gradient, and training with plain SGD.",
        "ko": "강의 노트의 numpy 신경망을 숫자 하나하나까지 계산합니다. 시각마다 순전파, "
              "거꾸로 진행하는 BPTT, 모든 기울기의 수치 미분 확인, 그리고 SGD로 학습하기.",
    },
    "byhand.example": {"en": "Example", "ko": "예제"},
    "byhand.example.hello": {
        "en": "hell → ello (many-to-many)", "ko": "hell → ello (다대다)",
    },
    "byhand.example.grammar": {
        "en": "as soon as = 1 (many-to-one, words)", "ko": "as soon as = 1 (다대일, 단어 단위)",
    },
    "byhand.sentence": {"en": "Sentence", "ko": "문장"},
    "byhand.sentence_option": {
        "en": "{sentence}  (label {label})", "ko": "{sentence}  (레이블 {label})",
    },
    "byhand.loss_total": {
        "en": "Summed cross-entropy loss L", "ko": "교차 엔트로피 오차의 합 L",
    },
    "byhand.loss_seed": {
        "en": "Weights drawn with np.random.seed({seed}) in the order Wxh, Whh, Bh, Wy, By, "
              "not trained yet.",
        "ko": "np.random.seed({seed})로 Wxh, Whh, Bh, Wy, By 순서로 뽑은 가중치, 아직 학습 전.",
    },
    "byhand.loss_trained": {
        "en": "After {steps} SGD steps (learning rate {lr}).",
        "ko": "SGD {steps}번 갱신한 뒤 (학습률 {lr}).",
    },
    "byhand.loss_all": {
        "en": "The loss of all three sentences, summed.", "ko": "세 문장의 손실을 더한 값.",
    },
    "byhand.predicted": {"en": "Argmax at every step: {text}", "ko": "시각마다 argmax: {text}"},
    "byhand.predicted_class": {
        "en": "Predicted label after the last word: {label} (target {target})",
        "ko": "마지막 단어 뒤의 예측 레이블: {label} (정답 {target})",
    },
    "byhand.tab_forward": {"en": "Forward", "ko": "순전파"},
    "byhand.tab_backward": {"en": "Backward (BPTT)", "ko": "역전파 (BPTT)"},
    "byhand.tab_check": {"en": "Check numerically", "ko": "수치 미분으로 확인"},
    "byhand.tab_train": {"en": "Train by hand", "ko": "직접 학습하기"},
    "byhand.tab_cut": {"en": "Without recurrence", "ko": "순환 없이"},
    "byhand.prev": {"en": "◀ Previous", "ko": "◀ 이전"},
    "byhand.next": {"en": "Next ▶", "ko": "다음 ▶"},
    "byhand.timestep": {"en": "Timestep", "ko": "시각"},
    "byhand.forward_heading": {
        "en": "Timestep {t} of {n} · input {token}", "ko": "시각 {t} / {n} · 입력 {token}",
    },
    "byhand.backward_step": {"en": "Backward step", "ko": "역전파 단계"},
    "byhand.backward_heading": {
        "en": "Backward step {k} of {n} · timestep {t}",
        "ko": "역전파 {k} / {n} 단계 · 시각 {t}",
    },
    "byhand.tex_no_target": {"en": "no target at this step", "ko": "이 시각에는 정답 없음"},
    "byhand.tex_last_step": {"en": "last step", "ko": "마지막 시각"},
    "byhand.forward_table": {"en": "Every timestep", "ko": "모든 시각"},
    "byhand.col_t": {"en": "t", "ko": "t"},
    "byhand.col_input": {"en": "input", "ko": "입력"},
    "byhand.col_pre": {"en": "a_t (before tanh)", "ko": "a_t (tanh 전)"},
    "byhand.col_h": {"en": "h_t", "ko": "h_t"},
    "byhand.col_scores": {"en": "scores s_t", "ko": "점수 s_t"},
    "byhand.col_probs": {"en": "softmax y_t", "ko": "소프트맥스 y_t"},
    "byhand.col_target": {"en": "target", "ko": "정답"},
    "byhand.col_loss": {"en": "loss L_t", "ko": "손실 L_t"},
    "byhand.col_dh": {"en": "dL/dh_t", "ko": "dL/dh_t"},
    "byhand.col_dpre": {"en": "dL/da_t", "ko": "dL/da_t"},
    "byhand.weights": {"en": "The weights", "ko": "가중치"},
    "byhand.backward_intro": {
        "en": "Backpropagation through time starts at the last timestep and walks back. At "
              "each step the gradient reaching h_t has two sources: this step's own output, "
              "and the future, through Whh. tanh' = 1 - h_t² then scales it.",
        "ko": "BPTT는 마지막 시각에서 시작해 거꾸로 갑니다. 각 시각에서 h_t에 도달하는 "
              "기울기는 두 곳에서 옵니다: 이 시각의 출력, 그리고 Whh를 거쳐 오는 미래. "
              "그다음 tanh' = 1 - h_t²가 곱해집니다.",
    },
    "byhand.many_to_one_note": {
        "en": "Many-to-one: only the last step has a target, so the gradient enters only "
              "there (dL/ds_t = 0 at every other step) and reaches the earlier words only "
              "through Whh.",
        "ko": "다대일: 정답은 마지막 시각에만 있으므로 기울기는 거기서만 들어오고 "
              "(다른 시각에서는 dL/ds_t = 0), 앞의 단어에는 Whh를 거쳐서만 도달합니다.",
    },
    "byhand.grads_so_far": {
        "en": "Gradients summed over timesteps {t}…{n}",
        "ko": "시각 {t}…{n}에서 모은 기울기",
    },
    "byhand.dh_chart": {
        "en": "|dL/dh_t| at every timestep", "ko": "시각마다 |dL/dh_t|",
    },
    "byhand.check_intro": {
        "en": "Each gradient against a centred difference (L(w+ε) − L(w−ε)) / 2ε, ε = {eps}, "
              "one weight entry at a time; relative error |a − n| / max(|a|, |n|, 10⁻³).",
        "ko": "각 기울기를 중앙 차분 (L(w+ε) − L(w−ε)) / 2ε, ε = {eps}과 가중치 원소 "
              "하나씩 비교합니다. 상대 오차 |a − n| / max(|a|, |n|, 10⁻³).",
    },
    "byhand.check": {"en": "Check numerically", "ko": "수치 미분으로 확인"},
    "byhand.check_param": {"en": "weight", "ko": "가중치"},
    "byhand.check_shape": {"en": "shape", "ko": "형상"},
    "byhand.check_analytic": {"en": "backprop", "ko": "역전파"},
    "byhand.check_numeric": {"en": "numerical", "ko": "수치 미분"},
    "byhand.check_analytic_max": {"en": "max |backprop|", "ko": "역전파 최대 |값|"},
    "byhand.check_numeric_max": {"en": "max |numerical|", "ko": "수치 미분 최대 |값|"},
    "byhand.check_error": {"en": "max relative error", "ko": "최대 상대 오차"},
    "byhand.check_ok": {
        "en": "Every gradient agrees with the numerical one: largest relative error {error}.",
        "ko": "모든 기울기가 수치 미분과 일치합니다: 최대 상대 오차 {error}.",
    },
    "byhand.check_bad": {
        "en": "A gradient disagrees with the numerical one: relative error {error}.",
        "ko": "수치 미분과 다른 기울기가 있습니다: 상대 오차 {error}.",
    },
    "byhand.check_by_note": {
        "en": "By's gradient is 0: softmax does not change when the same number is added to "
              "every score, so a scalar output bias can never matter.",
        "ko": "By의 기울기는 0입니다. 모든 점수에 같은 수를 더해도 소프트맥스는 변하지 "
              "않으므로 스칼라 출력 편향은 결과에 영향을 주지 않습니다.",
    },
    "byhand.check_elements": {"en": "Every entry", "ko": "원소별로 보기"},
    "byhand.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "byhand.steps": {"en": "SGD steps", "ko": "SGD 갱신 횟수"},
    "byhand.one_step": {"en": "One SGD step", "ko": "SGD 한 번"},
    "byhand.train_steps": {"en": "Train {steps} steps", "ko": "{steps}번 학습"},
    "byhand.reset": {"en": "Reset weights", "ko": "가중치 초기화"},
    "byhand.sgd_rule": {
        "en": "Plain SGD on the summed loss: w ← w − η · dL/dw for every weight.",
        "ko": "손실 합에 대한 SGD: 모든 가중치에 대해 w ← w − η · dL/dw.",
    },
    "byhand.step_result": {
        "en": "Loss {before} → {after} after {steps} step(s).",
        "ko": "{steps}번 갱신 후 손실 {before} → {after}.",
    },
    "byhand.diverged": {
        "en": "The loss stopped being a number at this learning rate; the weights were kept "
              "as they were before the step. Try a smaller learning rate.",
        "ko": "이 학습률에서는 손실이 수치로 계산되지 않습니다(발산). 가중치는 갱신 전 "
              "그대로 두었습니다. 학습률을 낮춰 보세요.",
    },
    "byhand.loss_curve": {"en": "Loss while training by hand", "ko": "직접 학습할 때의 손실"},
    "byhand.axis_step": {"en": "SGD step", "ko": "SGD 갱신 횟수"},
    "byhand.axis_loss": {"en": "summed loss", "ko": "손실 합"},
    "byhand.no_history": {
        "en": "Press a training button to draw the loss curve.",
        "ko": "학습 버튼을 누르면 손실 곡선이 그려집니다.",
    },
    "byhand.cut_intro": {
        "en": "Lesson L1's point: at steps 3 and 4 the input is the same l, yet the targets "
              "are l and then o. The same network with the recurrence cut (Whh = 0, kept at 0) "
              "sees only the current input, so it cannot beat 75 %. Both trained from seed "
              "{seed}, {steps} SGD steps, learning rate {lr}.",
        "ko": "L1의 핵심: 3번째와 4번째 시각의 입력은 똑같이 l이지만 정답은 l과 o입니다. "
              "순환을 끊은(Whh = 0으로 고정) 같은 신경망은 현재 입력만 보므로 75 %를 넘을 수 "
              "없습니다. 둘 다 seed {seed}에서 시작해 학습률 {lr}로 SGD {steps}번 학습했습니다.",
    },
    "byhand.cut_intro_grammar": {
        "en": "Without recurrence (Whh = 0, kept at 0) the network sees only the last word: "
              "`as soon as` and `soon as as` both end in as, yet their labels differ, so it "
              "cannot get all three right. Both trained from seed {seed}, {steps} SGD steps, "
              "learning rate {lr}.",
        "ko": "순환이 없으면(Whh = 0으로 고정) 신경망은 마지막 단어만 봅니다. `as soon as`와 "
              "`soon as as`는 둘 다 as로 끝나지만 레이블이 다르므로 세 문장을 모두 맞힐 수 "
              "없습니다. 둘 다 seed {seed}에서 시작해 학습률 {lr}로 SGD {steps}번 학습했습니다.",
    },
    "byhand.real_model": {"en": "With recurrence", "ko": "순환 있음"},
    "byhand.cut_model": {"en": "Recurrence cut (Whh = 0)", "ko": "순환 끊음 (Whh = 0)"},
    "byhand.accuracy": {"en": "Accuracy {accuracy}", "ko": "정확도 {accuracy}"},
    "byhand.final_loss": {"en": "final loss {loss}", "ko": "최종 손실 {loss}"},
    "byhand.cut_curve": {"en": "Loss with and without recurrence", "ko": "순환 유무에 따른 손실"},
    "byhand.conventions": {
        "en": "Conventions: here Bh and By are single numbers added to every unit, as in the "
              "lecture; Keras's SimpleRNN and Dense keep one bias per unit (a vector). The "
              "by-hand network equals Keras's with that vector filled with Bh. "
              "(For LSTM, the book slices the gates f, g, i, o; Keras i, f, c, o.)",
        "ko": "표기: 여기서 Bh와 By는 강의처럼 모든 유닛에 더하는 수 하나입니다. Keras의 "
              "SimpleRNN과 Dense는 유닛마다 편향을 하나씩(벡터) 둡니다. 그 벡터를 Bh로 채우면 "
              "이 신경망은 Keras와 같습니다. (LSTM에서 책은 게이트를 f, g, i, o 순서로, "
              "Keras는 i, f, c, o 순서로 자릅니다.)",
    },
}
