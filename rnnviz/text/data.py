"""Strings of the data view: a lesson's data as the network sees it (Train page).

Korean terms as in the shared glossary (`common`): 어휘, 인덱스, 패딩, 마스크, 원핫, 시각,
정답 레이블, 특징.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "data.title": {"en": "The data as the network sees it", "ko": "신경망이 보는 데이터"},
    "data.vocabulary": {
        "en": "1. Vocabulary: each token gets an index",
        "ko": "1. 어휘: 토큰마다 인덱스를 붙입니다",
    },
    "data.index": {"en": "index", "ko": "인덱스"},
    "data.sequences": {
        "en": "2. Each sample as a sequence of indices",
        "ko": "2. 샘플마다 인덱스 시퀀스로",
    },
    "data.sample": {"en": "sample", "ko": "샘플"},
    "data.indices": {"en": "indices", "ko": "인덱스"},
    "data.padded": {
        "en": "3. Padded to one length (0 = padding at the end) and the mask Keras derives "
              "from it: the layer skips the steps marked ·",
        "ko": "3. 같은 길이로 패딩(끝에 0)한 행렬과, 여기서 Keras가 만드는 마스크: "
              "· 표시된 시각은 계층이 건너뜁니다",
    },
    "data.padded_matrix": {"en": "padded indices", "ko": "패딩된 인덱스"},
    "data.mask": {"en": "mask", "ko": "마스크"},
    "data.one_hot": {
        "en": "4. One-hot tensor: shape (samples, timesteps, features) = {shape}",
        "ko": "4. 원핫 텐서: 형상 (샘플 수, 시각 수, 특징 수) = {shape}",
    },
    "data.one_hot_embedding": {
        "en": "The identity embedding gives the layer these same one-hot rows.",
        "ko": "항등 임베딩은 계층에 이와 같은 원핫 행을 넘겨줍니다.",
    },
    "data.one_hot_sample": {"en": "Sample shown", "ko": "보여 줄 샘플"},
    "data.step": {"en": "t={t}", "ko": "t={t}"},
    "data.targets": {
        "en": "5. Targets: class indices, shape {shape}",
        "ko": "5. 정답 레이블: 클래스 인덱스, 형상 {shape}",
    },
    "data.targets_note": {
        "en": "Keras's sparse categorical cross-entropy reads the indices; written one-hot "
              "as in the lecture notes they would have shape {shape}, with the same loss.",
        "ko": "Keras의 sparse categorical cross-entropy는 인덱스를 그대로 읽습니다. 강의 "
              "노트처럼 원핫으로 쓰면 형상은 {shape}이고 손실은 같습니다.",
    },
    "data.target": {"en": "target", "ko": "정답 레이블"},
    "data.shown_first": {
        "en": "The first {shown} of {count} samples.",
        "ko": "샘플 {count}개 중 처음 {shown}개.",
    },
    "data.notes": {
        "en": "The lecture notes encode some rows by hand, and two differ from the words: "
              "the app builds every row from the words, as here.",
        "ko": "강의 노트는 일부 행을 손으로 인코딩했는데, 두 단어가 실제 글자와 다릅니다. "
              "앱은 모든 행을 단어에서 만듭니다.",
    },
    "data.notes_row": {
        "en": "{sample}, step {step}: the letter is {letter} (index {index}); the notes "
              "encode {notes_letter} (index {notes_index}).",
        "ko": "{sample}의 {step}번째 시각: 글자는 {letter}(인덱스 {index})인데 노트는 "
              "{notes_letter}(인덱스 {notes_index})로 인코딩했습니다.",
    },
    "data.label.negative": {"en": "negative", "ko": "부정"},
    "data.label.positive": {"en": "positive", "ko": "긍정"},
    "data.label.ungrammatical": {"en": "ungrammatical", "ko": "비문법적"},
    "data.label.grammatical": {"en": "grammatical", "ko": "문법적"},
}
