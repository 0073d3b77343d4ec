"""Strings of the Keras lab page.

Korean terms follow the Korean edition of *Deep Learning from Scratch 2* (은닉 상태, 기억 셀,
순방향/역방향, 시각); Keras's own names (`return_sequences`, `output`, `h`, `c`) stay in
code font in both languages because students type them.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "lab.title": {"en": "Keras lab: what a recurrent layer returns",
                  "ko": "Keras 실험실: 순환 계층이 반환하는 것"},
    "lab.intro": {
        "en": "Pick a layer and the flags `return_sequences` and `return_state`: the page calls "
              "a real Keras layer and names every tensor it returns, with its shape and values.",
        "ko": "계층과 `return_sequences`, `return_state` 플래그를 고르면 실제 Keras 계층을 "
              "호출하고, 반환된 텐서마다 이름·형상·값을 보여 줍니다.",
    },
    "lab.loading_tf": {
        "en": "Loading TensorFlow (a few seconds, once per server)... The controls already work.",
        "ko": "TensorFlow를 불러오는 중입니다(서버당 한 번, 몇 초). 설정은 지금 바꿔도 됩니다.",
    },
    # Presets.
    "lab.presets": {"en": "Lesson presets", "ko": "강의 예제"},
    "lab.preset_L2_cell": {"en": "L2 · RNN(SimpleRNNCell) on `h`",
                           "ko": "L2 · `h` 한 글자에 RNN(SimpleRNNCell)"},
    "lab.preset_L2_batch": {"en": "L2 · SimpleRNN on hello, eolll, lleel",
                            "ko": "L2 · hello, eolll, lleel에 SimpleRNN"},
    "lab.preset_L5_lstm": {"en": "L5 · LSTM", "ko": "L5 · LSTM"},
    "lab.preset_L5_gru": {"en": "L5 · GRU", "ko": "L5 · GRU"},
    "lab.preset_L5_bi_lstm": {"en": "L5 · Bidirectional LSTM", "ko": "L5 · 양방향 LSTM"},
    "lab.preset_L5_bi_gru": {"en": "L5 · Bidirectional GRU", "ko": "L5 · 양방향 GRU"},
    "lab.preset_help": {
        "en": "Loads the lesson's layer, input and flags.",
        "ko": "강의의 계층, 입력, 플래그를 불러옵니다.",
    },
    # A layer trained on the Train page.
    "lab.trained_load": {
        "en": "Load the layer you trained ({lesson}, epoch {epoch})",
        "ko": "학습한 계층 불러오기({lesson}, 에폭 {epoch})",
    },
    "lab.trained_active": {
        "en": "Weights: the recurrent layer you trained on {lesson}, epoch {epoch}. The layer "
              "settings follow it; the input uses its vocabulary.",
        "ko": "가중치: {lesson}에서 학습한 순환 계층(에폭 {epoch}). 계층 설정은 이 계층을 따르고, "
              "입력은 이 계층의 어휘를 씁니다.",
    },
    "lab.trained_unload": {"en": "Back to random weights", "ko": "무작위 가중치로 돌아가기"},
    "lab.trained_word_level": {
        "en": "The trained model reads words; the lab feeds characters, so it cannot show it.",
        "ko": "학습한 모델은 단어 단위로 읽습니다. 실험실은 글자를 입력하므로 보여 줄 수 없습니다.",
    },
    "lab.trained_embedding": {
        "en": "The trained model starts with a learned embedding; the lab feeds one-hot "
              "characters, so it cannot show it.",
        "ko": "학습한 모델은 학습된 임베딩으로 시작합니다. 실험실은 원핫 글자를 입력하므로 보여 줄 "
              "수 없습니다.",
    },
    "lab.trained_activation": {
        "en": "The trained layer uses an activation function the lab does not offer; the lab "
              "builds layers with tanh, relu, sigmoid or linear and sigmoid gates only.",
        "ko": "학습한 계층은 실험실에 없는 활성화 함수를 씁니다. 실험실은 tanh, relu, sigmoid, "
              "linear와 시그모이드 게이트로만 계층을 만듭니다.",
    },
    "lab.trained_too_big": {
        "en": "The trained layer is too big to show here (at most {units} units and {vocab} "
              "input characters).",
        "ko": "학습한 계층이 너무 커서 보여 줄 수 없습니다(유닛 최대 {units}개, 입력 글자 최대 "
              "{vocab}개).",
    },
    # Layer controls.
    "lab.layer_heading": {"en": "Layer", "ko": "계층"},
    "lab.cell": {"en": "Cell", "ko": "셀"},
    "lab.activation": {"en": "Activation", "ko": "활성화 함수"},
    "lab.units": {"en": "Units U", "ko": "유닛 수 U"},
    "lab.wrap_cell": {"en": "Write as `layers.RNN(cell)`", "ko": "`layers.RNN(cell)`로 쓰기"},
    "lab.wrap_cell_help": {
        "en": "`layers.RNN(SimpleRNNCell(U))` is the same layer as `SimpleRNN(U)`: the cell "
              "computes one timestep, `RNN` loops it over time.",
        "ko": "`layers.RNN(SimpleRNNCell(U))`는 `SimpleRNN(U)`와 같은 계층입니다. 셀은 한 "
              "시각을 계산하고 `RNN`이 그것을 시간 방향으로 반복합니다.",
    },
    "lab.bidirectional": {"en": "Bidirectional", "ko": "양방향(Bidirectional)"},
    "lab.merge_mode": {"en": "merge_mode", "ko": "merge_mode(결합 방식)"},
    "lab.merge_none": {"en": "None (two outputs)", "ko": "None (출력 두 개)"},
    "lab.reset_after": {"en": "reset_after (GRU)", "ko": "reset_after (GRU)"},
    "lab.reset_after_help": {
        "en": "Keras's default. It gives the GRU a second bias row, hence D+U+2 in the "
              "parameter count.",
        "ko": "Keras 기본값입니다. GRU에 두 번째 편향 행이 생겨 매개변수 수 식에 D+U+2가 "
              "들어갑니다.",
    },
    # Flags.
    "lab.flags_heading": {"en": "Flags", "ko": "플래그"},
    "lab.return_sequences": {"en": "return_sequences", "ko": "return_sequences"},
    "lab.return_state": {"en": "return_state", "ko": "return_state"},
    "lab.go_backwards": {"en": "go_backwards", "ko": "go_backwards"},
    "lab.return_sequences_help": {
        "en": "On: the hidden state of every timestep, (B, T, U). Off: only the last, (B, U).",
        "ko": "켜면 모든 시각의 은닉 상태 (B, T, U), 끄면 마지막 시각만 (B, U).",
    },
    "lab.return_state_help": {
        "en": "On: the final states come back as extra tensors (h; LSTM also c).",
        "ko": "켜면 마지막 상태가 별도 텐서로 함께 반환됩니다(h, LSTM은 c도).",
    },
    "lab.go_backwards_help": {
        "en": "Read the input from the last timestep to the first.",
        "ko": "입력을 마지막 시각부터 처음 시각 쪽으로 읽습니다.",
    },
    "lab.go_backwards_bi": {
        "en": "Bidirectional already has a backward direction; go_backwards is off here.",
        "ko": "양방향 계층에는 이미 역방향이 있으므로 여기서는 go_backwards를 쓰지 않습니다.",
    },
    # Input controls.
    "lab.input_heading": {"en": "Input x", "ko": "입력 x"},
    "lab.source": {"en": "Input", "ko": "입력"},
    "lab.source_words": {"en": "Typed words, one-hot", "ko": "단어 입력(원핫)"},
    "lab.source_random": {"en": "Random numbers", "ko": "난수"},
    "lab.words": {"en": "Words (comma or space separated)", "ko": "단어(쉼표나 공백으로 구분)"},
    "lab.words_help": {
        "en": "Each word is one sequence, each character one timestep. Up to {words} words of "
              "up to {chars} characters.",
        "ko": "단어 하나가 시퀀스 하나, 글자 하나가 시각 하나입니다. 최대 {words}개 단어, "
              "단어당 {chars}글자.",
    },
    "lab.vocabulary": {"en": "One-hot vocabulary (optional)", "ko": "원핫 어휘(선택)"},
    "lab.vocabulary_help": {
        "en": "The characters that become the one-hot columns, in order. Empty: the words' own "
              "characters in order of appearance (`h e l o` for L2).",
        "ko": "원핫 열이 될 글자들(순서대로). 비우면 단어에 나온 순서대로 만듭니다"
              "(L2는 `h e l o`).",
    },
    "lab.batch": {"en": "Batch B", "ko": "배치 B"},
    "lab.time": {"en": "Timesteps T", "ko": "시각 수 T"},
    "lab.features": {"en": "Features D", "ko": "특징 수 D"},
    "lab.pad": {"en": "Padding steps", "ko": "패딩 시각 수"},
    "lab.pad_help": {
        "en": "All-zero timesteps added to each sequence, where the padding side says "
              "(shorter words are padded anyway).",
        "ko": "각 시퀀스에 붙이는 0 벡터 시각 수. 붙는 위치는 패딩 위치를 따릅니다(짧은 단어는 "
              "어차피 패딩됩니다).",
    },
    "lab.padding": {"en": "Padding side", "ko": "패딩 위치"},
    "lab.padding_pre": {"en": "'pre': before", "ko": "'pre': 앞"},
    "lab.padding_post": {"en": "'post': after", "ko": "'post': 뒤"},
    "lab.padding_help": {
        "en": "Where the zeros go, as `keras.utils.pad_sequences(..., padding=...)` puts them. "
              "Its default is 'pre': zeros first, so every sequence ends on its last real "
              "step.",
        "ko": "0을 넣는 위치로, `keras.utils.pad_sequences(..., padding=...)`와 같습니다. "
              "기본값은 'pre'입니다. 0을 앞에 두므로 모든 시퀀스가 실제 마지막 시각으로 "
              "끝납니다.",
    },
    "lab.mask": {"en": "Mask the padding", "ko": "패딩 마스킹"},
    "lab.mask_help": {
        "en": "Passes `mask = np.any(x != 0, axis=-1)`: the layer skips those timesteps.",
        "ko": "`mask = np.any(x != 0, axis=-1)`를 넘깁니다. 계층은 그 시각을 건너뜁니다.",
    },
    "lab.seed": {"en": "Seed", "ko": "시드"},
    "lab.seed_help": {
        "en": "Draws the weights and biases (uniform in [-1, 1), never zero) and the random "
              "input.",
        "ko": "가중치와 편향(-1 이상 1 미만의 균등분포, 0이 아님)과 난수 입력을 정합니다.",
    },
    # Input messages.
    "lab.err_no_words": {
        "en": "Type at least one word: letters separated by commas or spaces.",
        "ko": "단어를 하나 이상 입력하세요. 쉼표나 공백으로 구분합니다.",
    },
    "lab.err_too_many_chars": {
        "en": "These words use {count} different characters; the one-hot input allows at "
              "most {limit}. Use fewer distinct letters.",
        "ko": "단어에 서로 다른 글자가 {count}개 있습니다. 원핫 입력은 최대 {limit}개까지 "
              "가능합니다. 글자 종류를 줄여 주세요.",
    },
    "lab.err_not_in_vocabulary": {
        "en": "The vocabulary lacks these characters of the words: {chars}",
        "ko": "어휘에 없는 글자가 단어에 있습니다: {chars}",
    },
    "lab.notice_text_cut": {
        "en": "Only the first {limit} characters of the text are read.",
        "ko": "입력의 앞 {limit}글자만 읽습니다.",
    },
    "lab.notice_words_cut": {
        "en": "{count} words typed; only the first {limit} are used.",
        "ko": "단어 {count}개 중 앞의 {limit}개만 씁니다.",
    },
    "lab.notice_word_cut": {
        "en": "Words are cut to {limit} characters.",
        "ko": "단어는 {limit}글자까지만 씁니다.",
    },
    # Results.
    "lab.returns_heading": {"en": "What the layer returns", "ko": "계층이 반환하는 것"},
    "lab.desc_output_seq": {
        "en": "hidden state h at every timestep",
        "ko": "모든 시각의 은닉 상태 h",
    },
    "lab.desc_output_last": {
        "en": "hidden state h after the last timestep",
        "ko": "마지막 시각의 은닉 상태 h",
    },
    "lab.desc_output_merged_seq": {
        "en": "forward and backward hidden states of every timestep, merged ({mode})",
        "ko": "모든 시각의 순방향·역방향 은닉 상태를 결합({mode})",
    },
    "lab.desc_output_merged_last": {
        "en": "last forward and backward hidden states, merged ({mode})",
        "ko": "순방향·역방향의 마지막 은닉 상태를 결합({mode})",
    },
    "lab.desc_output_forward": {"en": "forward output", "ko": "순방향 출력"},
    "lab.desc_output_backward": {"en": "backward output, back in input order",
                                 "ko": "역방향 출력(입력 순서로 되돌림)"},
    "lab.desc_h": {"en": "final hidden state", "ko": "마지막 은닉 상태"},
    "lab.desc_c": {"en": "final cell state (LSTM's memory)", "ko": "마지막 기억 셀(LSTM의 기억)"},
    "lab.desc_h_forward": {"en": "final hidden state of the forward direction",
                           "ko": "순방향의 마지막 은닉 상태"},
    "lab.desc_c_forward": {"en": "final cell state of the forward direction",
                           "ko": "순방향의 마지막 기억 셀"},
    "lab.desc_h_backward": {"en": "final hidden state of the backward direction (at timestep 0)",
                            "ko": "역방향의 마지막 은닉 상태(시각 0에서 끝남)"},
    "lab.desc_c_backward": {"en": "final cell state of the backward direction",
                            "ko": "역방향의 마지막 기억 셀"},
    "lab.shape": {"en": "shape {shape}", "ko": "형상 {shape}"},
    # Notes (rnnviz.lab.explain.notes).
    "lab.note_seq_state": {
        "en": "The last row of `output` is exactly `h` (outlined in both): `output` keeps the "
              "hidden state of every timestep, `h` only the last one.",
        "ko": "`output`의 마지막 행이 곧 `h`입니다(두 곳에 테두리). `output`은 모든 시각의 은닉 "
              "상태를, `h`는 마지막 시각의 것만 담습니다.",
    },
    "lab.note_seq_only": {
        "en": "`output` holds the hidden state of every timestep; its last row is the final "
              "state, which `return_state=True` would also return as `h`.",
        "ko": "`output`은 모든 시각의 은닉 상태입니다. 마지막 행이 마지막 상태이며, "
              "`return_state=True`면 이것이 `h`로도 반환됩니다.",
    },
    "lab.note_last_state": {
        "en": "Without `return_sequences`, `output` is the last hidden state, so `output` and "
              "`h` are the same numbers twice.",
        "ko": "`return_sequences`가 꺼져 있으면 `output`이 마지막 은닉 상태이므로 `output`과 "
              "`h`는 같은 값이 두 번 나온 것입니다.",
    },
    "lab.note_last_only": {
        "en": "Only the hidden state after the last timestep comes back: the usual input "
              "of a many-to-one head such as `Dense`.",
        "ko": "마지막 시각의 은닉 상태만 반환됩니다. `Dense` 같은 다대일 출력층의 입력으로 "
              "흔히 씁니다.",
    },
    "lab.note_go_backwards": {
        "en": "With `go_backwards`, rows stay in processing order: row 0 belongs to the last "
              "input timestep (the row labels name the input step). Keras does not flip them.",
        "ko": "`go_backwards`에서는 행이 처리 순서 그대로입니다. 0번 행은 입력의 마지막 시각에 "
              "해당합니다(행 이름이 입력 시각을 나타냄). Keras는 순서를 되돌리지 않습니다.",
    },
    "lab.note_go_backwards_last": {
        "en": "With `go_backwards` the layer ends at the first input timestep, so `output` is "
              "the state after reading x₀.",
        "ko": "`go_backwards`에서는 계층이 입력의 처음 시각에서 끝나므로 `output`은 x₀을 읽은 "
              "뒤의 상태입니다.",
    },
    "lab.note_lstm_c": {
        "en": "`c` is the LSTM's cell state: it is never part of `output`, only "
              "`return_state=True` shows it.",
        "ko": "`c`는 LSTM의 기억 셀입니다. `output`에는 나오지 않고 `return_state=True`일 때만 "
              "볼 수 있습니다.",
    },
    "lab.note_gru_no_c": {
        "en": "A GRU has no cell state: `return_state=True` adds only `h`.",
        "ko": "GRU에는 기억 셀이 없어서 `return_state=True`라도 `h`만 추가됩니다.",
    },
    "lab.note_bi_concat": {
        "en": "`merge_mode='concat'`: columns 0–{last} are the forward direction, columns "
              "{start}–{stop} the backward one.",
        "ko": "`merge_mode='concat'`: 0–{last}번 열은 순방향, {start}–{stop}번 열은 "
              "역방향입니다.",
    },
    "lab.note_bi_none": {
        "en": "`merge_mode=None`: the two directions come back as two separate outputs.",
        "ko": "`merge_mode=None`: 두 방향이 별개의 출력 두 개로 반환됩니다.",
    },
    "lab.note_bi_merged": {
        "en": "`merge_mode='{mode}'`: forward and backward are combined number by number, so "
              "neither direction can be read off the output on its own.",
        "ko": "`merge_mode='{mode}'`: 순방향과 역방향을 원소별로 결합하므로 출력에서 한 방향만 "
              "따로 읽을 수 없습니다.",
    },
    "lab.note_bi_backward": {
        "en": "The backward direction reads the sequence from the end; Keras flips its outputs "
              "back so that each row belongs to the same input timestep in both halves.",
        "ko": "역방향은 시퀀스를 끝에서부터 읽습니다. Keras가 그 출력을 다시 뒤집어, 각 행이 두 "
              "방향 모두 같은 입력 시각에 해당하도록 맞춥니다.",
    },
    "lab.note_bi_backward_state": {
        "en": "The states come forward first, then backward. The backward direction reads the "
              "sequence from the end, so its final state belongs to timestep 0, not to the "
              "last one.",
        "ko": "상태는 순방향 다음 역방향 순서입니다. 역방향은 시퀀스를 끝에서부터 읽으므로 그 "
              "마지막 상태는 마지막 시각이 아니라 시각 0의 것입니다.",
    },
    "lab.note_bi_links": {
        "en": "So `h_forward` is the forward half of the last row, and `h_backward` the backward "
              "half of the first row (outlined).",
        "ko": "그래서 `h_forward`는 마지막 행의 순방향 절반, `h_backward`는 첫 행의 역방향 "
              "절반입니다(테두리 표시).",
    },
    "lab.note_mask": {
        "en": "Masked timesteps (grey rows) are skipped: the state keeps its value and the output "
              "repeats the previous one (zeros before the first real step).",
        "ko": "마스킹된 시각(회색 행)은 건너뜁니다. 상태는 그대로 유지되고 출력은 직전 출력을 "
              "반복합니다(첫 실제 시각 전에는 0).",
    },
    "lab.note_mask_bi": {
        "en": "Masked timesteps (grey rows) are skipped; Bidirectional outputs zeros there. The "
              "forward state stops at each sequence's last real step.",
        "ko": "마스킹된 시각(회색 행)은 건너뛰며, 양방향 계층은 그 자리에 0을 출력합니다. 순방향 "
              "상태는 각 시퀀스의 마지막 실제 시각에서 멈춥니다.",
    },
    "lab.note_pad_unmasked_pre": {
        "en": "The padding is not masked: the layer reads the zero vectors before each word "
              "like real input, so the state has already moved when the word begins. Turn "
              "on masking to compare.",
        "ko": "패딩이 마스킹되지 않았습니다. 계층이 단어 앞의 0 벡터를 실제 입력처럼 읽어, 단어가 "
              "시작될 때 상태가 이미 바뀌어 있습니다. 마스킹을 켜서 비교해 보세요.",
    },
    "lab.note_pad_unmasked": {
        "en": "The padding is not masked: the layer reads the zero vectors like real input, and "
              "the state keeps changing after the word ends. Turn on masking to compare.",
        "ko": "패딩이 마스킹되지 않았습니다. 계층이 0 벡터를 실제 입력처럼 읽어 단어가 끝난 뒤에도 "
              "상태가 계속 바뀝니다. 마스킹을 켜서 비교해 보세요.",
    },
    # Engine, timings, snippet, parameters, table.
    "lab.engine_agrees": {
        "en": "The rnnviz engine (numpy, no TensorFlow) recomputed this call: largest "
              "difference {diff} — the same numbers to float32 precision.",
        "ko": "rnnviz 엔진(numpy, TensorFlow 없이)으로 같은 호출을 다시 계산했습니다. 최대 차이 "
              "{diff}, float32 정밀도에서 같은 값입니다.",
    },
    "lab.engine_disagrees": {
        "en": "The rnnviz engine differs from Keras by up to {diff}. Please report this.",
        "ko": "rnnviz 엔진 결과가 Keras와 최대 {diff}만큼 다릅니다. 알려 주세요.",
    },
    "lab.timing": {
        "en": "Keras: layer built in {build} ms, called in {call} ms · engine: {engine} ms",
        "ko": "Keras: 계층 생성 {build} ms, 호출 {call} ms · 엔진: {engine} ms",
    },
    "lab.snippet_heading": {"en": "The same call in Keras", "ko": "Keras 코드로 똑같이 하기"},
    "lab.snippet_caption": {
        "en": "Paste it into a notebook: it prints these shapes and gives these numbers.",
        "ko": "노트북에 붙여 넣으면 같은 형상이 출력되고 같은 값이 나옵니다.",
    },
    "lab.params_heading": {"en": "Parameters", "ko": "매개변수 수"},
    "lab.params_value": {
        "en": "{total} parameters, as `model.summary()` prints.",
        "ko": "매개변수 {total}개, `model.summary()`가 출력하는 값과 같습니다.",
    },
    "lab.params_legend": {
        "en": "D = input features ({d}), U = units ({u}). Each block has an input weight (D×U), "
              "a recurrent weight (U×U) and a bias (U).",
        "ko": "D = 입력 특징 수({d}), U = 유닛 수({u}). 블록마다 입력 가중치(D×U), 순환 "
              "가중치(U×U), 편향(U)이 있습니다.",
    },
    "lab.params_blocks_SimpleRNN": {"en": "SimpleRNN: one block.",
                                    "ko": "SimpleRNN: 블록 1개."},
    "lab.params_blocks_LSTM": {"en": "LSTM: four blocks (i, f, c, o).",
                               "ko": "LSTM: 블록 4개(i, f, c, o)."},
    "lab.params_blocks_GRU": {
        "en": "GRU: three blocks (z, r, h); `reset_after` adds a second bias row.",
        "ko": "GRU: 블록 3개(z, r, h). `reset_after`면 편향 행이 하나 더 있습니다.",
    },
    "lab.params_blocks_bi": {"en": "Bidirectional: two layers, so ×2.",
                             "ko": "양방향: 계층이 두 개이므로 ×2."},
    "lab.table_heading": {"en": "All four flag combinations", "ko": "플래그 조합 네 가지"},
    "lab.table_returns": {"en": "returns", "ko": "반환값"},
    "lab.table_current": {"en": "now", "ko": "현재"},
    "lab.input_expander": {"en": "Input x {shape}", "ko": "입력 x {shape}"},
    # Charts.
    "lab.sequence": {"en": "sequence {b}", "ko": "시퀀스 {b}"},
    "lab.sequence_word": {"en": "sequence {b}: {word}", "ko": "시퀀스 {b}: {word}"},
    "lab.step_label": {"en": "t={t}", "ko": "t={t}"},
}
