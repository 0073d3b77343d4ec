"""One-line definitions of the glossary terms of `common`, shown by the glossary view.

Each `glossary.<term>` defines the term `common.<term>`; a test checks that every glossary
term has one. Korean wording follows the Korean edition of *Deep Learning from Scratch 2*.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "glossary.title": {"en": "Glossary", "ko": "용어집"},
    "glossary.intro": {
        "en": "Every term the app uses, in Korean and English, with what it means.",
        "ko": "앱에서 쓰는 용어를 한국어와 영어로, 뜻과 함께 모았습니다.",
    },
    "glossary.col_term": {"en": "term", "ko": "용어"},
    "glossary.col_other": {"en": "Korean", "ko": "영어"},
    "glossary.col_meaning": {"en": "meaning", "ko": "뜻"},
    "glossary.rnn": {
        "en": "A network that reads a sequence one step at a time, carrying a hidden state "
              "from each step to the next.",
        "ko": "시퀀스를 한 시각씩 읽으며 은닉 상태를 다음 시각으로 넘기는 신경망.",
    },
    "glossary.lstm": {
        "en": "A recurrent cell with a cell state and three gates (forget, input, output) "
              "that decide what to keep, add and show.",
        "ko": "기억 셀과 세 게이트(망각·입력·출력)로 무엇을 지우고 더하고 내보낼지 정하는 순환 셀.",
    },
    "glossary.gru": {
        "en": "A recurrent cell with two gates (update, reset) and no separate cell state.",
        "ko": "두 게이트(업데이트·리셋)만 있고 기억 셀이 따로 없는 순환 셀.",
    },
    "glossary.layer": {
        "en": "One stage of the network: it turns its input into its output.",
        "ko": "신경망의 한 단계로, 입력을 받아 출력으로 바꿉니다.",
    },
    "glossary.model": {
        "en": "The layers together with their trained weights.",
        "ko": "계층들과 그 학습된 가중치를 합친 것.",
    },
    "glossary.units": {
        "en": "How many numbers a layer's hidden state holds.",
        "ko": "계층의 은닉 상태가 담는 숫자의 개수.",
    },
    "glossary.input": {"en": "What a layer reads.", "ko": "계층이 읽는 값."},
    "glossary.output": {"en": "What a layer produces.", "ko": "계층이 내보내는 값."},
    "glossary.sequence": {
        "en": "Items in order, such as the letters of a word.",
        "ko": "단어의 글자처럼 순서가 있는 항목들.",
    },
    "glossary.timestep": {
        "en": "One position in a sequence: the cell runs once per timestep.",
        "ko": "시퀀스의 한 위치. 셀은 시각마다 한 번 계산합니다.",
    },
    "glossary.hidden_state": {
        "en": "The vector h_t a recurrent layer passes from one step to the next: its memory "
              "of what it has read.",
        "ko": "순환 계층이 다음 시각으로 넘기는 벡터 h_t. 지금까지 읽은 것의 기억입니다.",
    },
    "glossary.cell_state": {
        "en": "LSTM's second state c_t, changed only by the forget and input gates, so memory "
              "flows along it with little loss.",
        "ko": "LSTM의 두 번째 상태 c_t. 망각·입력 게이트로만 바뀌어 기억이 거의 손실 없이 흐릅니다.",
    },
    "glossary.gate": {
        "en": "A sigmoid between 0 (closed) and 1 (open) that scales what passes through.",
        "ko": "0(닫힘)과 1(열림) 사이의 시그모이드 값으로, 흐르는 값을 얼마나 통과시킬지 정합니다.",
    },
    "glossary.forget_gate": {
        "en": "f: how much of the old cell state to keep.",
        "ko": "f: 이전 기억 셀을 얼마나 남길지.",
    },
    "glossary.input_gate": {
        "en": "i: how much of the new candidate to add to the cell state.",
        "ko": "i: 새 기억(후보)을 기억 셀에 얼마나 더할지.",
    },
    "glossary.output_gate": {
        "en": "o: how much of the cell state to show as the hidden state.",
        "ko": "o: 기억 셀을 은닉 상태로 얼마나 내보낼지.",
    },
    "glossary.update_gate": {
        "en": "z (GRU): how much of the old hidden state to keep instead of the candidate.",
        "ko": "z(GRU): 새 후보 대신 이전 은닉 상태를 얼마나 남길지.",
    },
    "glossary.reset_gate": {
        "en": "r (GRU): how much of the old hidden state the candidate may use.",
        "ko": "r(GRU): 후보를 만들 때 이전 은닉 상태를 얼마나 쓸지.",
    },
    "glossary.candidate": {
        "en": "The new values a gated cell could store, computed with tanh from the input "
              "and the previous hidden state.",
        "ko": "입력과 이전 은닉 상태로 tanh를 써서 만든, 셀에 새로 저장될 수 있는 값.",
    },
    "glossary.weight": {
        "en": "A learned number that multiplies an input.",
        "ko": "입력에 곱해지는, 학습되는 숫자.",
    },
    "glossary.bias": {
        "en": "A learned number added after the weighted sum.",
        "ko": "가중합 뒤에 더해지는, 학습되는 숫자.",
    },
    "glossary.parameter": {
        "en": "Any learned number: the weights and biases.",
        "ko": "학습되는 모든 숫자. 가중치와 편향.",
    },
    "glossary.activation": {
        "en": "The function applied after the weighted sum, such as tanh or sigmoid.",
        "ko": "가중합 뒤에 적용하는 함수. tanh, 시그모이드 등.",
    },
    "glossary.tanh": {
        "en": "Squashes any number into (−1, 1); the usual activation of a recurrent cell.",
        "ko": "모든 수를 (−1, 1)로 줄이는 함수. 순환 셀의 기본 활성화 함수입니다.",
    },
    "glossary.sigmoid": {
        "en": "Squashes any number into (0, 1); used for gates.",
        "ko": "모든 수를 (0, 1)로 줄이는 함수. 게이트에 씁니다.",
    },
    "glossary.relu": {
        "en": "max(0, x): keeps positives, zeroes negatives, unbounded above.",
        "ko": "max(0, x). 양수는 그대로, 음수는 0으로. 위로는 한계가 없습니다.",
    },
    "glossary.softmax": {
        "en": "Turns scores into probabilities that add up to 1.",
        "ko": "점수를 합이 1인 확률로 바꾸는 함수.",
    },
    "glossary.logits": {
        "en": "The output layer's scores before the softmax.",
        "ko": "소프트맥스에 들어가기 전 출력층의 점수.",
    },
    "glossary.probability": {
        "en": "A number between 0 and 1: how likely the model finds an answer.",
        "ko": "0과 1 사이의 수. 모델이 어떤 답을 얼마나 그럴듯하게 보는지.",
    },
    "glossary.prediction": {
        "en": "The answer the model gives: the class with the highest probability.",
        "ko": "모델이 내놓는 답. 확률이 가장 높은 클래스.",
    },
    "glossary.target": {
        "en": "The right answer the model is trained towards.",
        "ko": "모델이 맞히도록 학습하는 정답.",
    },
    "glossary.one_hot": {
        "en": "A vector of zeros with a single 1 at the token's index.",
        "ko": "토큰의 인덱스 자리만 1이고 나머지는 0인 벡터.",
    },
    "glossary.embedding": {
        "en": "A table that gives each token index a vector; one row per token.",
        "ko": "토큰 인덱스마다 벡터를 주는 표. 토큰마다 한 행.",
    },
    "glossary.vocabulary": {
        "en": "The list of tokens the model knows, each with its index.",
        "ko": "모델이 아는 토큰 목록. 토큰마다 인덱스가 있습니다.",
    },
    "glossary.padding": {
        "en": "Filler (index 0) that makes sequences of different lengths equally long.",
        "ko": "길이가 다른 시퀀스를 같은 길이로 맞추는 채움 값(인덱스 0).",
    },
    "glossary.mask": {
        "en": "Marks which timesteps are real, so the layer skips the padding.",
        "ko": "어느 시각이 실제 값인지 표시해, 계층이 패딩을 건너뛰게 합니다.",
    },
    "glossary.forward": {
        "en": "Computing the output from the input, layer by layer and step by step.",
        "ko": "입력에서 출력까지 계층마다, 시각마다 계산하는 것.",
    },
    "glossary.backward": {
        "en": "Computing the gradients from the loss back to every parameter.",
        "ko": "손실에서 모든 매개변수까지 거꾸로 기울기를 구하는 것.",
    },
    "glossary.gradient": {
        "en": "How much the loss changes when a number changes a little.",
        "ko": "어떤 값이 조금 변할 때 손실이 얼마나 변하는지.",
    },
    "glossary.vanishing_gradient": {
        "en": "Gradients that shrink step after step going back in time, so early inputs "
              "stop being learned.",
        "ko": "시간을 거슬러 갈수록 기울기가 작아져 앞쪽 입력을 배우지 못하는 현상.",
    },
    "glossary.exploding_gradient": {
        "en": "Gradients that grow step after step going back in time until training breaks.",
        "ko": "시간을 거슬러 갈수록 기울기가 커져 학습이 망가지는 현상.",
    },
    "glossary.gradient_clipping": {
        "en": "Scaling gradients down when their size passes a limit.",
        "ko": "기울기의 크기가 한계를 넘으면 줄이는 것.",
    },
    "glossary.bptt": {
        "en": "Backpropagation through a recurrent layer unrolled over its timesteps.",
        "ko": "시각 방향으로 펼친 순환 계층에서 하는 오차역전파.",
    },
    "glossary.truncated_bptt": {
        "en": "BPTT cut into blocks of a few timesteps, carrying the hidden state forward.",
        "ko": "은닉 상태는 이어 가되 역전파는 몇 시각씩 끊어서 하는 BPTT.",
    },
    "glossary.loss": {
        "en": "One number saying how wrong the model is; training makes it smaller.",
        "ko": "모델이 얼마나 틀렸는지 나타내는 수. 학습은 이를 줄입니다.",
    },
    "glossary.cross_entropy": {
        "en": "The loss −log p of the right answer's probability.",
        "ko": "정답의 확률 p에 대한 −log p 손실.",
    },
    "glossary.accuracy": {
        "en": "The share of answers the model gets right.",
        "ko": "모델이 맞힌 답의 비율.",
    },
    "glossary.epoch": {
        "en": "One pass of training over all the data.",
        "ko": "모든 데이터를 한 번 학습하는 것.",
    },
    "glossary.minibatch": {
        "en": "The few samples used for one update of the weights.",
        "ko": "가중치를 한 번 갱신할 때 쓰는 몇 개의 샘플.",
    },
    "glossary.batch_size": {
        "en": "How many samples a mini-batch holds.",
        "ko": "미니배치에 든 샘플 수.",
    },
    "glossary.learning_rate": {
        "en": "How big a step each update takes along the gradient.",
        "ko": "갱신마다 기울기 방향으로 얼마나 크게 움직일지.",
    },
    "glossary.optimizer": {
        "en": "The rule that turns gradients into weight updates: SGD, Adam, RMSprop.",
        "ko": "기울기로 가중치를 갱신하는 규칙. SGD, Adam, RMSprop 등.",
    },
    "glossary.training": {
        "en": "Adjusting the parameters to make the loss smaller.",
        "ko": "손실이 작아지도록 매개변수를 고치는 것.",
    },
    "glossary.perplexity": {
        "en": "e to the mean loss: roughly how many tokens the model hesitates between.",
        "ko": "평균 손실의 지수. 모델이 대략 몇 개의 토큰 사이에서 망설이는지.",
    },
    "glossary.language_model": {
        "en": "A model that gives the probability of the next token.",
        "ko": "다음 토큰의 확률을 주는 모델.",
    },
    "glossary.one_to_one": {
        "en": "One input, one output: no sequence.",
        "ko": "입력 하나, 출력 하나. 시퀀스가 아닙니다.",
    },
    "glossary.one_to_many": {
        "en": "One input, a sequence out (e.g. a caption for an image).",
        "ko": "입력 하나에 시퀀스 출력(예: 이미지 설명).",
    },
    "glossary.many_to_one": {
        "en": "A sequence in, one answer after the last step (e.g. sentiment).",
        "ko": "시퀀스 입력에 마지막 시각 뒤 답 하나(예: 감정 분석).",
    },
    "glossary.many_to_many": {
        "en": "A sequence in, an answer at every step (e.g. the next letter).",
        "ko": "시퀀스 입력에 시각마다 답(예: 다음 글자).",
    },
    "glossary.encoder": {
        "en": "The part that reads the input sequence into a state.",
        "ko": "입력 시퀀스를 읽어 상태로 만드는 부분.",
    },
    "glossary.decoder": {
        "en": "The part that writes the output sequence from that state.",
        "ko": "그 상태에서 출력 시퀀스를 만들어 내는 부분.",
    },
    "glossary.bidirectional": {
        "en": "Two recurrent layers, one reading forwards and one backwards, outputs joined.",
        "ko": "앞에서부터, 뒤에서부터 읽는 두 순환 계층의 출력을 합친 것.",
    },
    "glossary.stacked": {
        "en": "Recurrent layers on top of each other: each reads the sequence below.",
        "ko": "순환 계층을 쌓은 것. 각 계층은 아래 계층의 시퀀스를 읽습니다.",
    },
}
