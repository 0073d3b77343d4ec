"""Downloads: the Step-through view, the Keras lab's layer and the Train page's run as
notebooks."""

TEXT = {
    "notebook.download": {"en": "Notebook (.ipynb)", "ko": "노트북 (.ipynb)"},
    "notebook.download_help": {
        "en": "This view in plain Keras and numpy: the model's weights, the tokens read, the "
              "same layers built in Keras, and each step's hidden state and softmax printed.",
        "ko": "이 화면을 순수 Keras와 numpy로: 모델의 가중치, 읽은 토큰, Keras로 다시 만든 "
              "같은 층, 그리고 단계마다 은닉 상태와 소프트맥스를 출력합니다.",
    },
    "notebook.intro": {
        "en": "# rnnviz Step-through, reproduced\n\nModel: {model}. Text read: {text}.\n\n"
              "Run the cells in order: the last one prints every step's hidden state and "
              "softmax, the numbers the page showed.",
        "ko": "# rnnviz 단계별 보기 재현\n\n모델: {model}. 읽은 글자: {text}.\n\n"
              "셀을 차례로 실행하세요. 마지막 셀이 단계마다 은닉 상태와 소프트맥스, 곧 "
              "페이지에 나온 값을 출력합니다.",
    },
    "notebook.lab_download_help": {
        "en": "This layer in plain Keras and numpy: the same input and weights, the call, every "
              "returned tensor printed, and the same numbers replayed step by step in numpy.",
        "ko": "이 층을 순수 Keras와 numpy로: 같은 입력과 가중치, 호출, 반환된 텐서를 모두 "
              "출력하고, 같은 값을 numpy로 한 단계씩 다시 계산합니다.",
    },
    "notebook.lab_intro": {
        "en": "# rnnviz Keras lab, reproduced\n\nRun the cells in order: the first builds the "
              "layer the lab showed, sets its weights and calls it on the same input; the "
              "second prints every returned tensor; the third computes them again in plain "
              "numpy and prints how far each is from Keras.",
        "ko": "# rnnviz Keras 실험실 재현\n\n셀을 차례로 실행하세요. 첫 셀은 실험실에서 본 층을 "
              "만들고 가중치를 넣어 같은 입력으로 호출합니다. 둘째 셀은 반환된 텐서를 모두 "
              "출력하고, 셋째 셀은 순수 numpy로 다시 계산해 Keras와의 차이를 출력합니다.",
    },
    "notebook.train_download_help": {
        "en": "This run in plain Keras and numpy: the lesson's data, the same model with the "
              "same initial weights, and model.fit with these settings, printing the loss "
              "after every epoch.",
        "ko": "이 학습을 순수 Keras와 numpy로: 수업의 데이터, 같은 초깃값의 같은 모델, 그리고 "
              "이 설정으로 model.fit을 실행해 에폭마다 손실을 출력합니다.",
    },
    "notebook.train_intro": {
        "en": "# rnnviz Train, reproduced\n\nData: {source}. Model: {layers} × {cell} "
              "({units} units), trained with {optimizer} at learning rate {lr}, {epochs} "
              "epochs, batch size {batch_size}, seed {seed}.\n\nRun the cells in order: the "
              "last one trains with `model.fit` and prints, after every epoch, the loss over "
              "the whole training set, as the page's curve plots it.",
        "ko": "# rnnviz 학습 재현\n\n데이터: {source}. 모델: {cell} {layers}층 "
              "(은닉 유닛 {units}개), {optimizer} 학습률 {lr}, 에폭 {epochs}, 배치 크기 "
              "{batch_size}, 시드 {seed}.\n\n셀을 차례로 실행하세요. 마지막 셀이 "
              "`model.fit`으로 학습하며 에폭마다 훈련 데이터 전체의 손실을, 페이지의 곡선과 "
              "같은 방식으로 출력합니다.",
    },
}
