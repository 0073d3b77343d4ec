"""Strings of the Train page, the trainer's messages and its input problems.

Korean terms follow the Korean edition of *Deep Learning from Scratch 2* (손실, 정확도, 에폭,
학습률, 은닉 상태, 배치 크기, 매개변수), as the shared glossary in `common` does.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "train.title": {"en": "Train a recurrent network", "ko": "순환 신경망 학습시키기"},
    "train.intro": {
        "en": "Pick a lesson or type your own words, start training, and watch the loss fall "
              "and the accuracy rise. The trained model then appears on the Step-through page.",
        "ko": "수업 예제를 고르거나 직접 단어를 입력하고 학습을 시작하면 손실이 줄고 정확도가 "
              "오르는 모습을 볼 수 있습니다. 학습한 모델은 단계별 실행 페이지에서 열립니다.",
    },
    "train.source": {"en": "What to learn", "ko": "학습할 예제"},
    "train.source.L1": {
        "en": "L1 · hello: next character (hell → ello)",
        "ko": "L1 · hello: 다음 문자 예측 (hell → ello)",
    },
    "train.source.L3": {
        "en": "L3 · sentiment of good / bad / worse / so good",
        "ko": "L3 · 감성 분류: good / bad / worse / so good",
    },
    "train.source.L4": {
        "en": "L4 · five words: predict the fifth letter",
        "ko": "L4 · 다섯 단어: 다섯 번째 글자 예측",
    },
    "train.source.L7": {
        "en": "L7 · word order: is “as soon as” grammatical?",
        "ko": "L7 · 어순: “as soon as”가 문법에 맞는가?",
    },
    "train.source.words": {
        "en": "My own words (next character)", "ko": "내가 입력한 단어 (다음 문자 예측)",
    },
    "train.source.text": {
        "en": "A short pasted text (next character)", "ko": "붙여 넣은 짧은 글 (다음 문자 예측)",
    },
    "train.text_label.words": {
        "en": "Words, separated by spaces: each word reads all but its last letter and predicts "
              "the next letter at every step",
        "ko": "공백으로 구분한 단어: 각 단어의 마지막 글자를 뺀 부분을 읽고 시각마다 다음 글자를 "
              "예측합니다",
    },
    "train.text_default.words": {"en": "hello apple lobby daddy bobby", "ko": "hello apple lobby daddy bobby"},
    "train.text_label.text": {
        "en": "Text (up to 3,000 characters): the network learns to predict each next character",
        "ko": "글 (최대 3,000자): 신경망이 다음 문자를 예측하도록 학습합니다",
    },
    "train.text_default.text": {
        "en": "the cat sat on the mat. the dog sat on the log. the cat saw the dog.",
        "ko": "나는 학교에 간다. 너는 집에 간다. 우리는 함께 학교에 간다.",
    },
    "train.settings": {"en": "Settings", "ko": "설정"},
    "train.cell": {"en": "Cell", "ko": "셀 종류"},
    "train.activation": {"en": "Activation", "ko": "활성화 함수"},
    "train.terms": {"en": "What these settings mean", "ko": "이 설정들의 뜻"},
    "train.units": {"en": "Hidden units", "ko": "은닉 상태 크기"},
    "train.layers": {"en": "Stacked layers", "ko": "계층 수"},
    "train.optimizer": {"en": "Optimizer", "ko": "옵티마이저"},
    "train.learning_rate": {"en": "Learning rate", "ko": "학습률"},
    "train.epochs": {"en": "Epochs", "ko": "에폭 수"},
    "train.batch_size": {"en": "Batch size", "ko": "배치 크기"},
    "train.seed": {"en": "Seed", "ko": "난수 시드"},
    "train.model": {"en": "Model", "ko": "모델"},
    "train.summary_layer": {"en": "Layer", "ko": "계층"},
    "train.summary_shape": {"en": "Output shape", "ko": "출력 형상"},
    "train.summary_params": {"en": "Parameters", "ko": "매개변수 수"},
    "train.total_params": {
        "en": "Total parameters: {total} (trainable: {trainable})",
        "ko": "전체 매개변수: {total}개 (학습 대상: {trainable}개)",
    },
    "train.data": {"en": "Training data ({count} sequences)", "ko": "학습 데이터 (시퀀스 {count}개)"},
    "train.data_one": {"en": "Training data (1 sequence)", "ko": "학습 데이터 (시퀀스 1개)"},
    "train.data_input": {"en": "Input", "ko": "입력"},
    "train.data_target": {"en": "Target", "ko": "정답 레이블"},
    "train.start": {"en": "Start", "ko": "시작"},
    "train.pause": {"en": "Pause", "ko": "일시 정지"},
    "train.resume": {"en": "Resume", "ko": "계속"},
    "train.stop": {"en": "Stop", "ko": "중지"},
    "train.reset": {"en": "Reset", "ko": "초기화"},
    "train.loading_tensorflow": {
        "en": "TensorFlow is loading in the background. You can press Start now: "
              "the run begins as soon as it is ready.",
        "ko": "TensorFlow를 백그라운드에서 불러오는 중입니다. 지금 시작을 눌러도 되며, "
              "준비되는 대로 학습이 시작됩니다.",
    },
    "train.idle": {
        "en": "No run yet. Press Start to train the model above.",
        "ko": "아직 학습하지 않았습니다. 시작을 눌러 위 모델을 학습시키세요.",
    },
    "train.run_of_other": {
        "en": "Showing the last run, which trained {lesson}.",
        "ko": "마지막 학습 결과를 보여 줍니다: {lesson}",
    },
    "train.state.queued": {"en": "Waiting", "ko": "대기 중"},
    "train.state.running": {"en": "Training", "ko": "학습 중"},
    "train.state.paused": {"en": "Paused", "ko": "일시 정지됨"},
    "train.state.stopped": {"en": "Stopped", "ko": "중지됨"},
    "train.state.finished": {"en": "Finished", "ko": "완료"},
    "train.state.diverged": {"en": "Diverged", "ko": "발산함"},
    "train.state.failed": {"en": "Failed", "ko": "실패"},
    "train.state.loaded": {"en": "Loaded from a file", "ko": "파일에서 불러옴"},
    "train.pace": {"en": "Pace", "ko": "학습 속도"},
    "train.pace.real": {"en": "Full speed", "ko": "최고 속도"},
    "train.pace.slow": {"en": "About 10 s", "ko": "약 10초"},
    "train.pace.step": {"en": "Epoch by epoch", "ko": "에폭씩 클릭"},
    "train.pace_help": {
        "en": "Full speed trains as fast as the server can. About 10 s spreads the run over "
              "about ten seconds so a class can watch the loss fall. Epoch by epoch stops after "
              "every epoch until you press Next epoch.",
        "ko": "최고 속도는 서버가 할 수 있는 만큼 빠르게 학습합니다. 약 10초는 손실이 줄어드는 "
              "모습을 볼 수 있도록 학습을 약 10초에 걸쳐 진행합니다. 에폭씩 클릭은 에폭마다 멈추고 "
              "다음 에폭을 누를 때까지 기다립니다.",
    },
    "train.next_epoch": {"en": "Next epoch", "ko": "다음 에폭"},
    "train.short.L1": {"en": "L1 hello", "ko": "L1 hello"},
    "train.short.L3": {"en": "L3 sentiment", "ko": "L3 감성 분류"},
    "train.short.L4": {"en": "L4 five words", "ko": "L4 다섯 단어"},
    "train.short.L7": {"en": "L7 word order", "ko": "L7 어순"},
    "train.short.words": {"en": "my words", "ko": "내 단어"},
    "train.short.text": {"en": "pasted text", "ko": "붙여 넣은 글"},
    "train.model_name": {
        "en": "Trained here: {lesson} · {cell} · run {number}",
        "ko": "여기서 학습: {lesson} · {cell} · {number}번째 학습",
    },
    "train.queue_position": {
        "en": "place {position} in the queue (the server trains two runs at a time)",
        "ko": "대기 순서 {position}번 (서버는 한 번에 두 개씩 학습합니다)",
    },
    "train.epoch_of": {"en": "epoch {epoch} / {epochs}", "ko": "에폭 {epoch} / {epochs}"},
    "train.loss_value": {"en": "loss {loss:.4f}", "ko": "손실 {loss:.4f}"},
    "train.accuracy_value": {"en": "accuracy {accuracy:.0%}", "ko": "정확도 {accuracy:.0%}"},
    "train.speed": {"en": "{rate:,.0f} epochs/s", "ko": "초당 {rate:,.0f} 에폭"},
    "train.loss_curve": {"en": "Loss", "ko": "손실"},
    "train.accuracy_curve": {"en": "Accuracy", "ko": "정확도"},
    "train.step_curve": {"en": "Accuracy per timestep", "ko": "시각(타임스텝)별 정확도"},
    "train.step_hint": {
        "en": "Steps 3 and 4 both read “l”, yet the answers are “l” and “o”: only the hidden "
              "state can tell them apart.",
        "ko": "3번째와 4번째 시각의 입력은 모두 “l”이지만 정답은 “l”과 “o”입니다. 둘을 구별할 수 "
              "있는 것은 은닉 상태뿐입니다.",
    },
    "train.step_order": {
        "en": "In this run, {first} was learned first (epoch {first_epoch}) and {last} last "
              "(epoch {last_epoch}).",
        "ko": "이번 학습에서 가장 먼저 배운 시각: {first} (에폭 {first_epoch}), 가장 늦게 배운 "
              "시각: {last} (에폭 {last_epoch}).",
    },
    "train.step_order_tie": {
        "en": "In this run every step was learned by epoch {epoch}.",
        "ko": "이번 학습에서는 모든 시각을 에폭 {epoch}까지 배웠습니다.",
    },
    "train.step_order_open": {
        "en": "Not learned yet: {steps}.", "ko": "아직 배우지 못한 시각: {steps}.",
    },
    "train.axis_epoch": {"en": "epoch", "ko": "에폭"},
    "train.axis_loss": {"en": "loss", "ko": "손실"},
    "train.axis_accuracy": {"en": "accuracy", "ko": "정확도"},
    "train.download": {"en": "Download the model (.keras)", "ko": "모델 내려받기 (.keras)"},
    "train.download_hint": {
        "en": "The trained model can be downloaded once the run has ended.",
        "ko": "학습이 끝나면 모델을 내려받을 수 있습니다.",
    },
    "train.upload": {
        "en": "Open a .keras model trained for {lesson}",
        "ko": "{lesson}용으로 학습한 .keras 모델 열기",
    },
    "train.msg.diverged_nonfinite": {
        "en": "Training diverged at epoch {epoch}: the loss became infinite or NaN. The weights "
              "of epoch {kept}, the last good ones, are kept. Try a smaller learning rate.",
        "ko": "에폭 {epoch}에서 학습이 발산했습니다: 손실이 무한대 또는 NaN이 되었습니다. 마지막으로 "
              "정상이던 에폭 {kept}의 가중치를 유지합니다. 학습률을 낮춰 보세요.",
    },
    "train.msg.diverged_exploding": {
        "en": "Training diverged at epoch {epoch}: the loss exploded to many times its starting "
              "value. The weights of epoch {kept}, the last good ones, are kept. Try a smaller "
              "learning rate.",
        "ko": "에폭 {epoch}에서 학습이 발산했습니다: 손실이 처음 값의 몇 배로 폭발했습니다. 마지막으로 "
              "정상이던 에폭 {kept}의 가중치를 유지합니다. 학습률을 낮춰 보세요.",
    },
    "train.msg.loading_tensorflow": {
        "en": "Loading TensorFlow: the run starts as soon as it is ready.",
        "ko": "TensorFlow를 불러오는 중입니다. 준비되는 대로 학습을 시작합니다.",
    },
    "train.msg.yielded": {
        "en": "This run had the server for a while and others were waiting, so it gave its turn "
              "away; it carries on when its turn comes round again.",
        "ko": "이 학습이 한동안 서버를 썼고 다른 사람이 기다리고 있어 차례를 양보했습니다. 다시 "
              "차례가 오면 이어서 학습합니다.",
    },
    "train.msg.preparing": {
        "en": "Building and compiling the model: the first run of a model takes a few seconds.",
        "ko": "모델을 만들고 컴파일하는 중입니다. 모델을 처음 학습할 때는 몇 초 걸립니다.",
    },
    "train.msg.loaded": {
        "en": "Model loaded from the file. Open the Step-through page to look inside it.",
        "ko": "파일에서 모델을 불러왔습니다. 단계별 실행 페이지에서 내부를 살펴보세요.",
    },
    "train.msg.failed": {
        "en": "Training stopped with an error: {detail}",
        "ko": "오류로 학습이 멈췄습니다: {detail}",
    },
    "train.problem.cell": {"en": "Unknown cell “{value}”.", "ko": "알 수 없는 셀 “{value}”입니다."},
    "train.problem.activation": {
        "en": "Unknown activation function “{value}”.",
        "ko": "알 수 없는 활성화 함수 “{value}”입니다.",
    },
    "train.problem.optimizer": {
        "en": "Unknown optimizer “{value}”.", "ko": "알 수 없는 옵티마이저 “{value}”입니다.",
    },
    "train.problem.units": {
        "en": "Hidden units must be between {low} and {high}.",
        "ko": "은닉 상태 크기는 {low}에서 {high} 사이여야 합니다.",
    },
    "train.problem.layers": {
        "en": "Stacked layers must be between {low} and {high}.",
        "ko": "계층 수는 {low}에서 {high} 사이여야 합니다.",
    },
    "train.problem.epochs": {
        "en": "Epochs must be between {low} and {high}.",
        "ko": "에폭 수는 {low}에서 {high} 사이여야 합니다.",
    },
    "train.problem.batch_size": {
        "en": "Batch size must be between {low} and {high}.",
        "ko": "배치 크기는 {low}에서 {high} 사이여야 합니다.",
    },
    "train.problem.seed": {
        "en": "The seed must be between {low} and {high}.",
        "ko": "난수 시드는 {low}에서 {high} 사이여야 합니다.",
    },
    "train.problem.learning_rate": {
        "en": "The learning rate must be a number between {low:g} and {high:g}.",
        "ko": "학습률은 {low:g}에서 {high:g} 사이의 수여야 합니다.",
    },
    "train.problem.too_much_work": {
        "en": "{epochs:,} epochs with these settings is more than this shared server allows for "
              "one run: use at most {limit:,} epochs, or fewer layers or units, or a bigger "
              "batch size.",
        "ko": "이 설정으로 에폭 {epochs:,}회는 여럿이 함께 쓰는 서버에서 한 번에 학습하기에 너무 "
              "많습니다. 에폭을 {limit:,}회 이하로 줄이거나, 계층 수나 은닉 상태 크기를 줄이거나, "
              "배치 크기를 늘리세요.",
    },
    "train.problem.empty": {
        "en": "Type some words or text first.", "ko": "먼저 단어나 글을 입력하세요.",
    },
    "train.problem.too_many_words": {
        "en": "{count} words is too many for a live demo: use at most {limit}.",
        "ko": "단어 {count}개는 너무 많습니다. {limit}개 이하로 입력하세요.",
    },
    "train.problem.word_too_long": {
        "en": "Words can be at most {limit} characters long.",
        "ko": "단어는 {limit}자 이하여야 합니다.",
    },
    "train.problem.words_too_short": {
        "en": "Each word needs at least two characters: one to read and one to predict.",
        "ko": "단어는 최소 두 글자여야 합니다: 하나는 읽고 하나는 예측합니다.",
    },
    "train.problem.text_too_short": {
        "en": "The text needs at least {limit} characters.",
        "ko": "글은 최소 {limit}자여야 합니다.",
    },
    "train.problem.text_too_long": {
        "en": "The text has {count:,} characters; the limit is {limit:,}.",
        "ko": "글이 {count:,}자입니다. 최대 {limit:,}자까지 쓸 수 있습니다.",
    },
    "train.problem.too_many_characters": {
        "en": "The text uses {count} different characters; the limit is {limit}.",
        "ko": "서로 다른 문자가 {count}개입니다. 최대 {limit}개까지 쓸 수 있습니다.",
    },
    "train.problem.source": {
        "en": "Unknown example “{value}”.", "ko": "알 수 없는 예제 “{value}”입니다.",
    },
    "train.problem.upload_too_big": {
        "en": "The file is larger than {limit} KB; lesson models are a few KB.",
        "ko": "파일이 {limit}KB보다 큽니다. 수업용 모델은 몇 KB입니다.",
    },
    "train.problem.upload_corrupt": {
        "en": "This is not a Keras model file that can be opened safely: it is damaged, or it "
              "holds code (a Lambda layer or a custom object), which is never run here.",
        "ko": "안전하게 열 수 있는 Keras 모델 파일이 아닙니다: 파일이 손상되었거나, 여기서는 절대 "
              "실행하지 않는 코드(Lambda 계층이나 사용자 정의 객체)를 담고 있습니다.",
    },
    "train.problem.upload_unsupported": {
        "en": "rnnviz can only open [Embedding] RNN… Dense models it could have trained "
              "itself ({detail}).",
        "ko": "rnnviz가 직접 학습할 수 있는 [임베딩] RNN… Dense 모델만 열 수 있습니다 ({detail}).",
    },
    "train.problem.upload_mismatch": {
        "en": "This model does not fit {lesson}: it expects {found} (timesteps × inputs → "
              "outputs), the lesson needs {expected}.",
        "ko": "이 모델은 {lesson}에 맞지 않습니다: 모델은 {found}(시각 × 입력 → 출력)인데 "
              "예제에는 {expected}가 필요합니다.",
    },
}
