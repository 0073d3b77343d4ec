"""Lesson L7 by hand: the lecture's numpy RNN, its BPTT, a numerical check, and plain SGD.

Independent of the engine on purpose: this is the network a class writes itself, in the
book's style, and tests tie its numbers to the engine's SimpleRNN and to TensorFlow.
"""
from rnnviz.byhand.check import Checked, check
from rnnviz.byhand.compare import Trained, cut, side_by_side
from rnnviz.byhand.examples import LESSONS, ByHandLesson, grammar_lesson, hello_lesson
from rnnviz.byhand.network import NAMES, SEED, BackwardStep, ByHandRNN, ForwardStep
from rnnviz.byhand.training import Diverged, Example, accuracy, gradients, sgd_step, train

__all__ = [
    "LESSONS", "NAMES", "SEED", "BackwardStep", "ByHandLesson", "ByHandRNN", "Checked",
    "Diverged", "Example", "ForwardStep", "Trained", "accuracy", "check", "cut",
    "gradients", "grammar_lesson", "hello_lesson", "sgd_step", "side_by_side", "train",
]
