"""Strings of the parameter breakdown under the Train page's model table.

Korean terms as in the shared glossary (`common`): 매개변수, 가중치, 편향, 유닛 수, 어휘.
"""
from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    "params.legend": {
        "en": "D inputs per step, U units, K classes, V vocabulary size. A recurrent layer has "
              "an input weight D·U, a recurrent weight U·U and a bias U per gate block "
              "(LSTM 4 blocks, GRU 3 with two bias rows); the output layer U·K + K. The "
              "identity embedding (V·V) is fixed, not trained.",
        "ko": "D는 시각마다의 입력 수, U는 유닛 수, K는 클래스 수, V는 어휘 크기입니다. 순환 "
              "계층은 게이트 블록마다 입력 가중치 D·U, 순환 가중치 U·U, 편향 U를 가집니다"
              "(LSTM은 블록 4개, GRU는 3개에 편향 두 줄). 출력층은 U·K + K. 항등 "
              "임베딩(V·V)은 고정되어 학습하지 않습니다.",
    },
}
