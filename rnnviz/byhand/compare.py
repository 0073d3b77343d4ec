"""L1's comparison: the same network with the recurrence cut (Whh = 0, never trained).

Without Whh, h_t depends on x_t alone, so equal inputs give equal predictions: `hell` has `l`
at steps 3 and 4 with targets `l` and `o`, and at most 3 of 4 steps can be right.
"""
from __future__ import annotations

from dataclasses import dataclass

from rnnviz.byhand.examples import ByHandLesson
from rnnviz.byhand.network import ByHandRNN
from rnnviz.byhand.training import accuracy, train

CUT = ("Whh",)


@dataclass(frozen=True)
class Trained:
    net: ByHandRNN
    losses: list[float]
    accuracy: float


def cut(net: ByHandRNN) -> ByHandRNN:
    """A copy of `net` with Whh set to zero."""
    out = net.copy()
    out.params[1][...] = 0.0
    return out


def side_by_side(lesson: ByHandLesson) -> tuple[Trained, Trained]:
    """The lesson's network trained from its seed as it is, and with the recurrence cut."""
    results = []
    for net, frozen in ((lesson.network(), ()), (cut(lesson.network()), CUT)):
        losses = train(net, lesson.examples, lesson.learning_rate, lesson.steps, frozen)
        results.append(Trained(net, losses, accuracy(net, lesson.examples)))
    return results[0], results[1]
