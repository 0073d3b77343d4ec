"""The models Step-through offers: the shipped ones and this session's trained ones, the word
each opens with, and the model behind a choice. No Streamlit."""
from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from rnnviz.engine import SequenceModel
from rnnviz.pretrained import Pretrained, load


def session_models() -> dict[str, Any]:
    """This session's trained models (`training_session.TrainedModel`) by key, newest first.
    Only the Train page imports the trainer, so while that module is absent there are none,
    and Step-through never pulls in the trainer (or TensorFlow) by asking."""
    module = sys.modules.get("rnnviz.ui.training_session")
    models = module.trained_models() if module is not None else []
    return {model.key: model for model in models}


def examples(models: dict[str, Any], shipped: dict[str, Pretrained]) -> dict[str, str]:
    """Each model choice and the word it opens with."""
    out = {key: p.example for key, p in shipped.items()}
    for key, model in models.items():
        samples = getattr(model.lesson, "samples", ())
        out[key] = samples[0] if samples else ""
    return out


def model_name(key: str, models: dict[str, Any], shipped: dict[str, Pretrained],
               tr: Callable[[str], str]) -> str:
    """A trained model's own name, or the shipped model's title in the page's language."""
    return models[key].name if key in models else tr(shipped[key].title_key)


def model_of(key: str, models: dict[str, Any]) -> SequenceModel:
    """A trained model's newest snapshot, or the shipped model (read once per process)."""
    return models[key].snapshots[-1][1] if key in models else load(key)


def about_hello(model: SequenceModel) -> bool:
    """The L1 hello model (shipped or trained here): it reads exactly h, e, l, o."""
    return model.many_to_many and sorted(model.tokens) == sorted("helo")
