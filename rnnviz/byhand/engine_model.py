"""The by-hand network as the engine's SequenceModel, so the Step-through and Gradients pages
show the weights a student trained by hand with their own views.

The lecture's network is a Keras SimpleRNN(tanh) on one-hot inputs with a Dense softmax head,
except that its biases `Bh` and `By` are single numbers: Keras's bias vectors hold that number
in every unit. The weights stay float64, so the engine's forward pass gives the by-hand page's
own numbers (Keras would hold them in float32)."""
from __future__ import annotations

import numpy as np

from rnnviz.byhand.examples import ByHandLesson
from rnnviz.byhand.network import ByHandRNN
from rnnviz.engine import Dense, RecurrentSpec, SequenceModel, SimpleRNNCell
from rnnviz.lessons import Lesson, grammar, hello


def as_sequence_model(lesson: ByHandLesson, net: ByHandRNN, steps: int = 0) -> SequenceModel:
    """`net` (trained `steps` SGD steps on `lesson`) as a SequenceModel over the same tokens."""
    wxh, whh, bh, wy, by = net.params
    cell = SimpleRNNCell(wxh.copy(), whh.copy(), np.full(whh.shape[0], float(bh)))
    head = Dense(wy.copy(), np.full(wy.shape[1], float(by)), "softmax")
    level = "word" if any(len(token) > 1 for token in lesson.tokens) else "char"
    return SequenceModel(lesson.tokens, lesson.labels, [RecurrentSpec(cell)], head,
                         many_to_many=not lesson.many_to_one, level=level,
                         meta={"lesson": lesson.key, "by_hand_steps": steps})


def preset_lesson(lesson: ByHandLesson) -> Lesson:
    """The course preset the by-hand example was made from (its samples open Step-through)."""
    return {"hello": hello, "grammar": grammar}[lesson.key]()
