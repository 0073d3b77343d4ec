"""Strings of the Language model page (lesson L6: the book's RNNLM, chapter 5).

Korean terms follow the Korean edition of *Deep Learning from Scratch 2*: 언어 모델,
퍼플렉서티, 말뭉치, 어휘, 단어 벡터, 은닉 상태, Truncated BPTT, 기울기 클리핑, 미니배치.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "lm.nav": {"en": "Language model", "ko": "언어 모델"},
    "lm.nav_icon": {"en": ":material/edit_note:", "ko": ":material/edit_note:"},
    "lm.title": {"en": "Language model (RNNLM)", "ko": "언어 모델(RNNLM)"},
    "lm.intro": {
        "en": "The book's chapter 5 RNNLM, written in numpy and trained here with truncated "
              "BPTT: watch its perplexity fall, then let it write. The defaults are the book's "
              "settings: batch 10, time size 5, word vectors 100, hidden 100, SGD at 0.1.",
        "ko": "책 5장의 RNNLM을 numpy로 구현해 여기서 Truncated BPTT로 학습합니다. 퍼플렉서티가 "
              "떨어지는 모습을 보고, 모델이 문장을 쓰게 해 보세요. 기본값은 책의 설정입니다: "
              "배치 크기 10, 시간 크기 5, 단어 벡터 100, 은닉 상태 100, 학습률 0.1의 SGD.",
    },
    "lm.source": {"en": "Corpus", "ko": "말뭉치"},
    "lm.source.pydoc": {
        "en": "Python's documentation (first 1,000 words)",
        "ko": "파이썬 문서 (처음 1,000 단어)",
    },
    "lm.source.paste": {"en": "Paste a text", "ko": "텍스트 붙여넣기"},
    "lm.paste_label": {
        "en": "Your text (English or Korean prose; words are lowercased, punctuation dropped)",
        "ko": "텍스트 (영어 또는 한국어 문장; 소문자로 바꾸고 문장 부호는 뺍니다)",
    },
    "lm.paste_placeholder": {
        "en": "Paste at least 100 words of prose here.",
        "ko": "100단어 이상의 글을 여기에 붙여 넣으세요.",
    },
    "lm.corpus_size": {
        "en": "**{words:,}** words, vocabulary **{vocab:,}** distinct words (including "
              "`<eos>`, the end of a sentence).",
        "ko": "단어 **{words:,}**개, 어휘 수 **{vocab:,}** (문장 끝을 나타내는 `<eos>` 포함).",
    },
    "lm.corpus_preview": {"en": "The corpus as the model reads it", "ko": "모델이 읽는 말뭉치"},
    "lm.problem.too_many_chars": {
        "en": "The text has {count:,} characters; at most {limit:,} fit.",
        "ko": "텍스트가 {count:,}자입니다. 최대 {limit:,}자까지 넣을 수 있습니다.",
    },
    "lm.problem.too_short": {
        "en": "Too short to learn from: {count} words after tokenising; paste at least "
              "{minimum}.",
        "ko": "학습하기에 너무 짧습니다: 토큰화 후 {count}단어입니다. {minimum}단어 이상 "
              "넣어 주세요.",
    },
    "lm.problem.too_long": {
        "en": "Too long to train live: {count:,} words; at most {limit:,}.",
        "ko": "실시간으로 학습하기에 너무 깁니다: {count:,}단어입니다. 최대 {limit:,}단어입니다.",
    },
    "lm.problem.too_many_words": {
        "en": "Too many distinct words: {count:,}; at most {limit:,} (the softmax over the "
              "vocabulary is the slowest part).",
        "ko": "서로 다른 단어가 너무 많습니다: {count:,}개, 최대 {limit:,}개 (어휘 전체에 대한 "
              "소프트맥스가 가장 느린 부분입니다).",
    },
    "lm.problem.unknown_words": {
        "en": "Not in the vocabulary: {words}. The model only knows the corpus's words.",
        "ko": "어휘에 없는 단어: {words}. 모델은 말뭉치에 있는 단어만 압니다.",
    },
    "lm.problem.broken_weights": {
        "en": "These weights no longer give probabilities (the run diverged): pick an earlier "
              "epoch.",
        "ko": "이 가중치로는 더 이상 확률을 계산할 수 없습니다 (학습이 발산했습니다). 더 이른 "
              "에폭을 고르세요.",
    },
    "lm.problem.prompt_too_long": {
        "en": "The prompt is too long: at most {limit} words.",
        "ko": "프롬프트가 너무 깁니다: 최대 {limit}단어입니다.",
    },
    "lm.settings": {"en": "Settings (the book's by default)", "ko": "설정 (기본값은 책의 설정)"},
    "lm.cell": {"en": "Cell", "ko": "셀"},
    "lm.cell_help": {
        "en": "SimpleRNN is the book's TimeRNN (chapter 5). LSTM and GRU (the chapter 6 step) "
              "follow Keras's conventions: LSTM gates in the order i, f, c, o (the book slices "
              "f, g, i, o), and GRU mixes z·h + (1 − z)·h~ (the book: (1 − z)·h + z·h~). Each "
              "cell trained on this corpus keeps its curve on the chart.",
        "ko": "SimpleRNN은 책 5장의 TimeRNN입니다. LSTM과 GRU(6장의 단계)는 Keras의 규칙을 "
              "따릅니다: LSTM 게이트 순서는 i, f, c, o (책은 f, g, i, o로 나눕니다), GRU는 "
              "z·h + (1 − z)·h~로 섞습니다 (책: (1 − z)·h + z·h~). 이 말뭉치로 학습한 셀마다 "
              "곡선이 차트에 남습니다.",
    },
    "lm.gated_hint": {
        "en": "At the book's chapter 5 learning rate (0.1) LSTM and GRU learn slowly on this "
              "corpus; the book's chapter 6 trains its LSTM with learning rate 20 and gradient "
              "clipping at 0.25. Try a learning rate of 1, or 5 with clipping at 0.25.",
        "ko": "책 5장의 학습률(0.1)에서는 LSTM과 GRU가 이 말뭉치를 느리게 학습합니다. 책 6장은 "
              "LSTM을 학습률 20, 기울기 클리핑 0.25로 학습합니다. 학습률 1, 또는 클리핑 "
              "0.25와 함께 학습률 5를 시도해 보세요.",
    },
    "lm.wordvec": {"en": "Word vector size", "ko": "단어 벡터 크기"},
    "lm.hidden": {"en": "Hidden size", "ko": "은닉 상태 크기"},
    "lm.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "lm.time_size": {"en": "Time size", "ko": "시간 크기"},
    "lm.learning_rate": {"en": "Learning rate (SGD)", "ko": "학습률 (SGD)"},
    "lm.epochs": {"en": "Epochs", "ko": "에폭 수"},
    "lm.seed": {"en": "Seed", "ko": "시드"},
    "lm.clip": {"en": "Clip gradients", "ko": "기울기 클리핑"},
    "lm.clip_help": {
        "en": "Scale all gradients together when their norm exceeds the maximum (the book's "
              "clip_grads). Off in the book's chapter 5 settings.",
        "ko": "기울기 전체의 노름이 최댓값을 넘으면 함께 줄입니다 (책의 clip_grads). 책 5장 "
              "설정에서는 쓰지 않습니다.",
    },
    "lm.max_grad": {"en": "Max norm", "ko": "최대 노름"},
    "lm.idle": {
        "en": "Press Start to train. 100 epochs of the book's settings take a few seconds.",
        "ko": "시작을 누르면 학습합니다. 책의 설정으로 100 에폭은 몇 초 걸립니다.",
    },
    "lm.perplexity_value": {"en": "perplexity {value:,.2f}", "ko": "퍼플렉서티 {value:,.2f}"},
    "lm.speed": {"en": "{rate:,.0f} words/s", "ko": "초당 {rate:,.0f} 단어"},
    "lm.msg.diverged": {
        "en": "The loss stopped being a number in epoch {epoch}: the learning rate is too "
              "high. Lower it or turn on gradient clipping.",
        "ko": "에폭 {epoch}에서 손실이 수치가 아니게 되었습니다: 학습률이 너무 큽니다. "
              "학습률을 낮추거나 기울기 클리핑을 켜세요.",
    },
    "lm.msg.failed": {"en": "Training failed: {detail}", "ko": "학습 실패: {detail}"},
    "lm.perplexity_curve": {
        "en": "Perplexity per epoch (log scale)", "ko": "에폭별 퍼플렉서티 (로그 눈금)",
    },
    "lm.loss_curve": {"en": "Loss per iteration", "ko": "반복별 손실"},
    "lm.axis_epoch": {"en": "epoch", "ko": "에폭"},
    "lm.axis_perplexity": {"en": "perplexity", "ko": "퍼플렉서티"},
    "lm.axis_iteration": {"en": "iteration", "ko": "반복"},
    "lm.axis_loss": {"en": "cross-entropy loss", "ko": "교차 엔트로피 오차"},
    "lm.axis_position": {"en": "position in the corpus", "ko": "말뭉치 속 위치"},
    "lm.axis_probability": {"en": "probability", "ko": "확률"},
    "lm.batches_title": {"en": "How the mini-batches are cut", "ko": "미니배치를 자르는 방법"},
    "lm.batches_help": {
        "en": "The corpus is one long stream of {data:,} inputs. Each of the {batch} batch rows "
              "starts at its own offset, i × {jump} (the tick), and every iteration reads the "
              "next {time} words (orange), wrapping round at the end; grey is what each row "
              "reads in this epoch. The book never rewinds between epochs, so the rows drift "
              "on. The hidden state is carried from one iteration to the next; the gradient "
              "is not (truncated BPTT).",
        "ko": "말뭉치는 입력 {data:,}개로 된 하나의 긴 흐름입니다. 배치의 {batch}개 행은 각자 "
              "i × {jump} 위치(눈금)에서 시작하고, 반복마다 다음 {time}개 단어(주황색)를 읽으며 "
              "끝에 닿으면 처음으로 돌아갑니다. 회색은 각 행이 이번 에폭에 읽는 구간입니다. "
              "책의 코드는 에폭마다 처음으로 되감지 않으므로 행들이 계속 앞으로 나아갑니다. "
              "은닉 상태는 다음 반복으로 이어지지만 기울기는 끊깁니다 (Truncated BPTT).",
    },
    "lm.batches_chart": {
        "en": "Batch rows and the window they read now (hover for the words)",
        "ko": "배치 행과 지금 읽는 구간 (마우스를 올리면 단어가 보입니다)",
    },
    "lm.row": {"en": "row", "ko": "행"},
    "lm.generate_title": {"en": "What the model writes", "ko": "모델이 쓰는 문장"},
    "lm.generate_idle": {
        "en": "Train a model first; its text appears here, at any saved epoch.",
        "ko": "먼저 모델을 학습하세요. 저장된 에폭마다 모델이 쓴 문장이 여기에 나타납니다.",
    },
    "lm.model": {"en": "Model", "ko": "모델"},
    "lm.gen_epoch": {"en": "Weights after epoch", "ko": "가중치 시점 (에폭)"},
    "lm.temperature": {"en": "Temperature", "ko": "온도"},
    "lm.temperature_help": {
        "en": "Scores are divided by the temperature before the softmax: below 1 the likeliest "
              "words win more often, above 1 the choice is more random.",
        "ko": "소프트맥스 전에 점수를 온도로 나눕니다. 1보다 작으면 가장 그럴듯한 단어가 더 "
              "자주, 1보다 크면 더 무작위로 뽑힙니다.",
    },
    "lm.length": {"en": "Words to write", "ko": "쓸 단어 수"},
    "lm.prompt": {"en": "Prompt (words of the corpus)", "ko": "프롬프트 (말뭉치의 단어)"},
    "lm.written": {
        "en": "The prompt ▸ what the model wrote after epoch {epoch} (a line break is `<eos>`):",
        "ko": "프롬프트 ▸ 에폭 {epoch} 시점의 모델이 쓴 문장 (줄바꿈은 `<eos>`):",
    },
    "lm.write_again": {"en": "Write again", "ko": "다시 쓰기"},
    "lm.next_word_title": {
        "en": "Softmax of the word after “{word}” (top 8)",
        "ko": "“{word}” 다음 단어의 소프트맥스 (상위 8개)",
    },
    "lm.ppl_title": {"en": "Perplexity, with numbers", "ko": "퍼플렉서티를 숫자로"},
    "lm.ppl_inverse": {
        "en": "Perplexity is the inverse of the probability the model gave the right next word "
              "(over many words: exp of the mean cross-entropy loss, the inverse of the "
              "geometric-mean probability). Lower is better; 1 is perfect.",
        "ko": "퍼플렉서티는 모델이 정답인 다음 단어에 준 확률의 역수입니다 (단어가 여럿이면 "
              "교차 엔트로피 오차 평균의 exp, 즉 확률의 기하 평균의 역수). 작을수록 좋고 1이 "
              "완벽합니다.",
    },
    "lm.ppl_p": {"en": "probability of the right word", "ko": "정답 단어의 확률"},
    "lm.ppl_value": {"en": "perplexity = 1 / p", "ko": "퍼플렉서티 = 1 / p"},
    "lm.ppl_reading": {"en": "reading", "ko": "해석"},
    "lm.ppl_reading_value": {
        "en": "as unsure as choosing among {n:.3g} words",
        "ko": "단어 {n:.3g}개 중에서 고르는 만큼 불확실함",
    },
    "lm.ppl_reading_uniform": {
        "en": "all {vocab} words equally likely: the untrained model",
        "ko": "{vocab}개 단어가 모두 같은 확률: 학습 전 모델",
    },
    "lm.ppl_branching": {
        "en": "This is the **branching factor** reading: a perplexity of 5 means the model is, "
              "on average, as unsure of the next word as if it had to pick among 5 equally "
              "likely words.",
        "ko": "이것이 **분기 수(branching factor)** 해석입니다. 퍼플렉서티가 5이면 모델이 다음 "
              "단어에 대해 평균적으로 같은 확률의 후보 5개 중에서 고르는 만큼 불확실하다는 "
              "뜻입니다.",
    },
    "lm.ppl_untrained": {
        "en": "An untrained model spreads its probability evenly, so its perplexity is about "
              "the vocabulary size: **{vocab}** here.",
        "ko": "학습 전 모델은 확률을 고르게 나누므로 퍼플렉서티가 어휘 수 정도입니다: 여기서는 "
              "**{vocab}**.",
    },
    "lm.ppl_untrained_measured": {
        "en": "Measured at epoch 0 of your run: **{value:.1f}**.",
        "ko": "이번 학습의 에폭 0에서 잰 값: **{value:.1f}**.",
    },
}
