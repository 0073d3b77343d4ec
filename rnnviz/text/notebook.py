"""Downloads: the Step-through view as a notebook."""

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
}
