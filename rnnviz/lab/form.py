"""The lab's widgets as plain values: a config to widget values (presets) and back (each run).

The page keys its widgets by these names, so a preset is just `session_state.update(...)` and
reading the form never needs Streamlit, which keeps it testable.
"""
from __future__ import annotations

from collections.abc import Mapping

from rnnviz.lab.config import InputConfig, LabConfig
from rnnviz.guards.problems import Message
from rnnviz.lab.inputs import check_vocabulary, parse_vocabulary, parse_words

NO_MERGE = "None"  # merge_mode=None as a widget option: None itself means "nothing chosen"


def form_values(config: LabConfig, words_text: str | None = None) -> dict[str, object]:
    """Widget values that show `config`; random-input presets keep the typed words."""
    source = config.input
    values: dict[str, object] = {
        "lab_cell": config.cell, "lab_act": config.activation, "lab_units": config.units, "lab_wrap": config.wrap_cell,
        "lab_bi": config.bidirectional,
        "lab_merge": NO_MERGE if config.merge_mode is None else config.merge_mode,
        "lab_reset_after": config.reset_after, "lab_seq": config.return_sequences,
        "lab_state": config.return_state, "lab_back": config.go_backwards,
        "lab_source": source.source, "lab_batch": source.batch, "lab_time": source.time,
        "lab_features": source.features, "lab_pad": source.pad, "lab_mask": source.mask,
        "lab_padding": source.padding,
        "lab_seed": config.seed, "lab_trained": config.trained,
    }
    if source.source == "words" or words_text is None:
        values["lab_words"] = ", ".join(source.words)
        values["lab_vocab"] = " ".join(source.vocabulary)
    return values


def config_from_form(values: Mapping[str, object]) -> tuple[LabConfig, list[Message]]:
    """The config the widgets describe, and notices about trimmed input.

    Raises InputProblem when the typed words cannot be used; other fields come from bounded
    widgets. go_backwards is ignored for Bidirectional (the page disables it there). With a
    trained layer loaded (`lab_trained`), the input is always typed words.
    """
    notices: list[Message] = []
    trained = values.get("lab_trained")
    source = "words" if trained is not None else str(values["lab_source"])
    words, vocabulary = InputConfig().words, ""
    if source == "words":
        words, notices = parse_words(str(values["lab_words"]))
        if trained is not None:  # the trained layer's own columns, not the (locked) box
            vocabulary = check_vocabulary(trained.vocabulary, words)
        else:
            vocabulary, more = parse_vocabulary(str(values["lab_vocab"]), words)
            notices += more
    merge = str(values["lab_merge"])
    bidirectional = bool(values["lab_bi"])
    config = LabConfig(
        cell=str(values["lab_cell"]), activation=str(values["lab_act"]),
        units=int(values["lab_units"]),
        bidirectional=bidirectional, merge_mode=None if merge == NO_MERGE else merge,
        return_sequences=bool(values["lab_seq"]), return_state=bool(values["lab_state"]),
        go_backwards=bool(values["lab_back"]) and not bidirectional,
        wrap_cell=bool(values["lab_wrap"]) and trained is None,
        reset_after=bool(values["lab_reset_after"]), seed=int(values["lab_seed"]),
        trained=trained,
        input=InputConfig(
            source=source, words=words, vocabulary=vocabulary, batch=int(values["lab_batch"]),
            time=int(values["lab_time"]), features=int(values["lab_features"]),
            pad=int(values["lab_pad"]), mask=bool(values["lab_mask"]),
            padding=str(values["lab_padding"]),
        ),
    )
    return config, notices
