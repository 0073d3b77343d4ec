"""Lesson presets (LESSONS.md) and the vocabularies they are encoded with."""
from rnnviz.lessons.presets import (
    TRAINABLE, Lesson, five_words, grammar, hello, random_sequences, sentiment, shapes_batch,
)
from rnnviz.lessons.vocabulary import PAD, Vocabulary

__all__ = [
    "PAD", "TRAINABLE", "Lesson", "Vocabulary", "five_words", "grammar", "hello",
    "random_sequences", "sentiment", "shapes_batch",
]
