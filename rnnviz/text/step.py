"""Strings of the Step-through page.

Korean terms follow the Korean edition of *Deep Learning from Scratch 2* (은닉 상태, 기억 셀,
게이트, 망각/입력/출력 게이트, 업데이트/리셋 게이트, 소프트맥스, 원핫, 시각), as the shared
glossary in `common` does.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "step.title": {"en": "Step through a recurrent network", "ko": "순환 신경망 한 단계씩 실행하기"},
    "step.intro": {
        "en": "Type a word and watch a trained network read it one timestep at a time: the "
              "input, the arithmetic with its real numbers, the hidden state, and what it "
              "predicts next.",
        "ko": "단어를 입력하면 학습된 신경망이 시각마다 한 글자씩 읽는 과정을 볼 수 있습니다. "
              "입력, 실제 숫자로 된 계산, 은닉 상태, 그리고 다음에 올 글자의 예측까지.",
    },
    "step.model": {"en": "Model", "ko": "모델"},
    "step.model_hello": {
        "en": "L1 hello: SimpleRNN, 3 units (hell → ello)",
        "ko": "L1 hello: SimpleRNN, 유닛 3개 (hell → ello)",
    },
    "step.model_words_simplernn": {
        "en": "English words: SimpleRNN, 32 units", "ko": "영어 단어: SimpleRNN, 유닛 32개",
    },
    "step.model_words_lstm": {
        "en": "English words: LSTM, 32 units", "ko": "영어 단어: LSTM, 유닛 32개",
    },
    "step.model_words_gru": {
        "en": "English words: GRU, 32 units", "ko": "영어 단어: GRU, 유닛 32개",
    },
    "step.epoch": {"en": "Epoch of the trained model", "ko": "학습한 모델의 에폭"},
    "step.text": {"en": "Text to read", "ko": "읽을 텍스트"},
    "step.text_help": {
        "en": "A character model reads one character per timestep; a word model one word.",
        "ko": "문자 단위 모델은 시각마다 문자 하나를, 단어 단위 모델은 단어 하나를 읽습니다.",
    },
    "step.empty": {
        "en": "Type something above: the network needs at least one {unit} to read.",
        "ko": "위에 무언가를 입력하세요. 신경망이 읽을 {unit}가 하나 이상 있어야 합니다.",
    },
    "step.unit_char": {"en": "character", "ko": "문자"},
    "step.unit_word": {"en": "word", "ko": "단어"},
    "step.nothing_known": {
        "en": "The model never saw any of this in training, so it has nothing to read: "
              "{tokens}. Its vocabulary is: {vocabulary}",
        "ko": "모델이 학습 때 본 적이 없는 것뿐이라 읽을 것이 없습니다: {tokens}. 모델의 어휘: "
              "{vocabulary}",
    },
    "step.unknown": {
        "en": "Skipped, because the model never saw them in training (it has no input for "
              "them): {tokens}. They are greyed out below; the model reads the rest.",
        "ko": "학습 때 본 적이 없어 건너뛴 것(모델에 입력이 없음): {tokens}. 아래에 회색으로 "
              "표시했고, 모델은 나머지만 읽습니다.",
    },
    "step.lowered": {
        "en": "Read in lowercase, as the model only knows lowercase letters: {tokens}",
        "ko": "모델이 소문자만 알기 때문에 소문자로 읽었습니다: {tokens}",
    },
    "step.cut": {
        "en": "Only the first {limit} are read; {cut} more were cut off so every step fits on "
              "the screen.",
        "ko": "앞의 {limit}개만 읽습니다. 화면에 모든 시각이 들어가도록 나머지 {cut}개는 "
              "잘랐습니다.",
    },
    "step.tape_input": {"en": "input", "ko": "입력"},
    "step.tape_argmax": {"en": "predicted next", "ko": "다음 예측"},
    "step.tape_answer": {"en": "answer", "ko": "답"},
    "step.tape_title": {
        "en": "Reads {read} → predicts next (argmax): {predicted}",
        "ko": "입력: {read} → 다음 글자 예측(argmax): {predicted}",
    },
    "step.tape_title_once": {
        "en": "Reads {read} → answers once, after the last step (argmax): {predicted}",
        "ko": "입력: {read} → 마지막 시각 뒤에 한 번 답함(argmax): {predicted}",
    },
    "step.tape_alt": {
        "en": "Timestep {t} of {n}: input {token}, predicted next {predicted}",
        "ko": "시각 {t} / {n}: 입력 {token}, 다음 예측 {predicted}",
    },
    "step.tape_legend": {
        "en": "Green: the prediction is the character that really comes next. Black: it is "
              "not, or the text does not say what comes next.",
        "ko": "초록색: 실제로 다음에 오는 글자를 맞게 예측했습니다. 검은색: 틀렸거나, 다음에 "
              "무엇이 오는지 텍스트에 없습니다.",
    },
    "step.tape_legend_once": {
        "en": "A many-to-one model gives a single answer, after it has read the last step; "
              "before that it outputs nothing.",
        "ko": "다대일 모델은 마지막 시각까지 읽은 뒤 답을 한 번만 냅니다. 그 전에는 아무것도 "
              "출력하지 않습니다.",
    },
    "step.end": {"en": "(end)", "ko": "(끝)"},
    "step.end_mark": {"en": "■", "ko": "■"},
    "step.end_mark_note": {"en": "{mark} = {end} of the word.", "ko": "{mark} = 단어의 {end}."},
    "step.slider": {"en": "Timestep", "ko": "시각"},
    "step.previous": {"en": "Previous", "ko": "이전"},
    "step.next": {"en": "Next", "ko": "다음"},
    "step.play": {"en": "Play", "ko": "재생"},
    "step.pause": {"en": "Pause", "ko": "일시 정지"},
    "step.current": {
        "en": "Timestep {t} of {n} · input {token}",
        "ko": "시각 {t} / {n} · 입력 {token}",
    },
    "step.input_one_hot": {
        "en": "Input x_t: the one-hot row of {token}",
        "ko": "입력 x_t: {token}의 원핫 벡터",
    },
    "step.input_embedding": {
        "en": "Input x_t: the embedding vector of {token}",
        "ko": "입력 x_t: {token}의 임베딩 벡터",
    },
    "step.arithmetic": {"en": "The arithmetic of this step", "ko": "이번 시각의 계산"},
    "step.layer": {"en": "Layer {n}: {kind}, {units} units", "ko": "{n}번째 계층: {kind}, 유닛 {units}개"},
    "step.layer_backward": {
        "en": "Layer {n}: {kind}, {units} units, backward direction",
        "ko": "{n}번째 계층: {kind}, 유닛 {units}개, 역방향",
    },
    "step.unit_pick": {
        "en": "Unit shown in the equations (the table below has every unit)",
        "ko": "식에 보여 줄 유닛 (아래 표에는 모든 유닛이 있습니다)",
    },
    "step.all_units": {"en": "Every unit of this step", "ko": "이번 시각의 모든 유닛"},
    "step.unit": {"en": "unit", "ko": "유닛"},
    "step.simplernn_note": {
        "en": "$\\mathbf{{h}}_{{t-1}}$ is the hidden state the previous step left (zeros "
              "before the first step): the network's only memory of what it read before.",
        "ko": "$\\mathbf{{h}}_{{t-1}}$은 이전 시각이 남긴 은닉 상태입니다(첫 시각 전에는 0). "
              "신경망이 앞에서 읽은 것을 기억하는 유일한 통로입니다.",
    },
    "step.hello_note": {
        "en": "It is the only way the network can tell the first l of hello from the second.",
        "ko": "hello의 첫 번째 l과 두 번째 l을 구별할 수 있는 것은 이것뿐입니다.",
    },
    "step.lstm_note": {
        "en": "Keras slices the LSTM weights into the gates i, f, c, o (input, forget, "
              "candidate g, output). The book (Deep Learning from Scratch 2) slices them "
              "f, g, i, o: the same gates, stored in another order.",
        "ko": "Keras는 LSTM 가중치를 i, f, c, o(입력 게이트, 망각 게이트, 새 기억 g, 출력 "
              "게이트) 순서로 나눕니다. 밑바닥부터 시작하는 딥러닝 2는 f, g, i, o 순서로 "
              "나눕니다. 게이트는 같고 저장 순서만 다릅니다.",
    },
    "step.gru_note": {
        "en": "Keras mixes $h_t = z \\odot h_{{t-1}} + (1 - z) \\odot \\tilde{{h}}$: z near 1 "
              "keeps the old state. The book (Deep Learning from Scratch 2) mixes the other "
              "way, $h_t = (1 - z) \\odot h_{{t-1}} + z \\odot \\tilde{{h}}$, so its z means "
              "the opposite.",
        "ko": "Keras는 $h_t = z \\odot h_{{t-1}} + (1 - z) \\odot \\tilde{{h}}$로 섞습니다. z가 1에 "
              "가까우면 이전 상태를 유지합니다. 밑바닥부터 시작하는 딥러닝 2는 반대로 "
              "$h_t = (1 - z) \\odot h_{{t-1}} + z \\odot \\tilde{{h}}$로 섞으므로 z의 의미가 "
              "반대입니다.",
    },
    "step.hidden_bars": {"en": "Hidden state h_t", "ko": "은닉 상태 h_t"},
    "step.state_bars": {
        "en": "Hidden state h_t and cell state c_t", "ko": "은닉 상태 h_t와 기억 셀 c_t",
    },
    "step.lstm_gates": {
        "en": "Gates: i input, f forget, o output (0 closed, 1 open)",
        "ko": "게이트: i 입력, f 망각, o 출력 (0 닫힘, 1 열림)",
    },
    "step.gru_gates": {
        "en": "Gates: z update, r reset (0 closed, 1 open)",
        "ko": "게이트: z 업데이트, r 리셋 (0 닫힘, 1 열림)",
    },
    "step.softmax_title": {
        "en": "Softmax: what comes after {token}?",
        "ko": "소프트맥스: {token} 다음은?",
    },
    "step.class_title": {
        "en": "Softmax after the input {token}",
        "ko": "소프트맥스: 입력 {token} 뒤",
    },
    "step.next_actual": {"en": "Actual next", "ko": "실제 다음"},
    "step.scores": {
        "en": "Scores before the softmax (logits)", "ko": "소프트맥스 전의 점수(로짓)",
    },
    "step.answer_later": {
        "en": "This model answers once, after the last step ({n}); step there to see its "
              "answer.",
        "ko": "이 모델은 마지막 시각({n})을 읽은 뒤에 한 번만 답합니다. 답을 보려면 그 시각으로 "
              "이동하세요.",
    },
    "step.answer_title": {
        "en": "Softmax: the answer after reading {read}",
        "ko": "소프트맥스: 답 ({read}까지 읽은 뒤)",
    },
    "step.no_target": {
        "en": "The text does not say what comes next here, so there is no loss to show.",
        "ko": "여기서는 다음에 무엇이 오는지 텍스트에 없으므로 보여 줄 손실이 없습니다.",
    },
    "step.whole_word": {"en": "The whole input at once", "ko": "입력 전체를 한눈에"},
    "step.panel": {"en": "Show", "ko": "보기"},
    "step.panel_h": {"en": "hidden state h", "ko": "은닉 상태 h"},
    "step.panel_c": {"en": "cell state c", "ko": "기억 셀 c"},
    "step.panel_i": {"en": "input gate i", "ko": "입력 게이트 i"},
    "step.panel_f": {"en": "forget gate f", "ko": "망각 게이트 f"},
    "step.panel_g": {"en": "new memory g", "ko": "새 기억 g"},
    "step.panel_o": {"en": "output gate o", "ko": "출력 게이트 o"},
    "step.panel_z": {"en": "update gate z", "ko": "업데이트 게이트 z"},
    "step.panel_r": {"en": "reset gate r", "ko": "리셋 게이트 r"},
    "step.panel_hh": {"en": "candidate h~", "ko": "새 기억(후보) h~"},
    "step.heatmap_title": {
        "en": "{panel}: units × timesteps (the current step is framed)",
        "ko": "{panel}: 유닛 × 시각 (현재 시각에 테두리)",
    },
    "step.table_title": {"en": "The softmax at every timestep", "ko": "시각마다의 소프트맥스"},
    "step.col_t": {"en": "t", "ko": "시각"},
    "step.col_input": {"en": "input", "ko": "입력"},
    "step.col_top": {"en": "most likely next", "ko": "가장 가능성 높은 다음"},
    "step.col_classes": {"en": "classes", "ko": "클래스"},
    "step.col_argmax": {"en": "argmax", "ko": "argmax"},
    "step.col_actual": {"en": "actual next", "ko": "실제 다음"},
    "step.col_p": {"en": "p(actual)", "ko": "p(실제)"},
    "step.col_loss": {"en": "−log p", "ko": "−log p"},
    "step.mean_loss": {
        "en": "Mean −log p over the word: {loss:.3f}, perplexity {perplexity:.2f}",
        "ko": "단어 전체의 평균 −log p: {loss:.3f}, 퍼플렉서티 {perplexity:.2f}",
    },
}
