"""Gradients and plain SGD for the by-hand network.

A lesson's data is a few sequences; their losses and gradients are summed, as the lecture's
loss is a sum. `frozen` names weights SGD leaves alone: L1's comparison keeps Whh at zero,
a network that cannot carry anything from one step to the next.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from rnnviz.byhand.network import NAMES, ByHandRNN


@dataclass(frozen=True)
class Example:
    """One sequence: input token ids and, per step, the target class or None."""

    tokens: tuple[int, ...]
    targets: tuple[int | None, ...]


class Diverged(ArithmeticError):
    """The loss stopped being a finite number: the learning rate is too large."""


def total_loss(net: ByHandRNN, examples: Sequence[Example]) -> float:
    total = 0.0
    for example in examples:
        total += net.loss(example.tokens, example.targets)
    return total


def gradients(net: ByHandRNN, examples: Sequence[Example]) -> float:
    """Fill `net.grads` with the gradient of the summed loss; return that loss."""
    net.zero_grads()
    total = 0.0
    for example in examples:
        steps = net.forward(example.tokens, example.targets)
        net.backward(steps)
        total += sum(s.loss for s in steps)
    return total


def sgd_step(net: ByHandRNN, examples: Sequence[Example], learning_rate: float,
             frozen: Sequence[str] = ()) -> float:
    """w <- w - lr * dL/dw for every weight not in `frozen`; returns the loss before the step.
    Raises Diverged, leaving the weights as they were, when the step would make them
    non-finite."""
    loss = gradients(net, examples)
    if not math.isfinite(loss):
        raise Diverged(loss)
    updated = [p - learning_rate * g if name not in frozen else p
               for name, p, g in zip(NAMES, net.params, net.grads)]
    if not all(np.isfinite(p).all() for p in updated):
        raise Diverged(loss)
    for p, new in zip(net.params, updated):
        p[...] = new
    return loss


def train(net: ByHandRNN, examples: Sequence[Example], learning_rate: float, steps: int,
          frozen: Sequence[str] = ()) -> list[float]:
    """`steps` SGD steps; the loss before each, then the loss after the last one."""
    losses = [sgd_step(net, examples, learning_rate, frozen) for _ in range(steps)]
    losses.append(total_loss(net, examples))
    if not math.isfinite(losses[-1]):
        raise Diverged(losses[-1])
    return losses


def accuracy(net: ByHandRNN, examples: Sequence[Example]) -> float:
    """The share of targeted steps whose argmax is the target."""
    hits = total = 0
    for example in examples:
        predicted = net.predict(example.tokens)
        for p, target in zip(predicted, example.targets):
            if target is not None:
                hits += p == target
                total += 1
    return hits / total if total else 0.0
