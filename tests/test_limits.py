"""Limits that agree: every text box accepts exactly what the code behind it reads (one named
constant used by both), and the server's upload and message caps fit what the app sends."""
from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from rnnviz import keras_runtime
from rnnviz.charts.training import accuracy_figure, loss_figure, step_accuracy_figure
from rnnviz.guards.problems import InputProblem
from rnnviz.lab import inputs as lab_inputs
from rnnviz.lm import corpus as lm_corpus
from rnnviz.lm import generate as lm_generate
from rnnviz.pretrained import catalogue, load
from rnnviz.stepthrough import LIMIT, read
from rnnviz.stepthrough import tokens as step_tokens
from rnnviz.trainer import custom
from rnnviz.trainer.files import MAX_UPLOAD_BYTES
from rnnviz.trainer.progress import History

REPO = Path(__file__).resolve().parents[1]
SERVER = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())["server"]
TEXT_WIDGETS = ("text_input", "text_area", "chat_input")


def text_widget_calls() -> Iterator[tuple[str, ast.Call]]:
    for page in sorted((REPO / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(page.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr in TEXT_WIDGETS):
                yield page.name, node


def test_every_text_box_takes_its_limit_from_a_named_constant() -> None:
    calls = list(text_widget_calls())
    assert len(calls) >= 5
    for page, call in calls:
        limit = next((k.value for k in call.keywords if k.arg == "max_chars"), None)
        assert limit is not None, f"{page}:{call.lineno} has no max_chars"
        assert not isinstance(limit, ast.Constant), f"{page}:{call.lineno}: a literal limit"


@pytest.fixture(scope="module", autouse=True)
def tensorflow_loaded() -> None:
    keras_runtime.keras()


def page(name: str, **state: object) -> AppTest:
    at = AppTest.from_file(str(REPO / "pages" / name), default_timeout=60)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_text_boxes_show_the_limits_the_code_enforces() -> None:
    assert page("step_through.py").text_input(key="step_text").max_chars \
        == step_tokens.MAX_TEXT_CHARS
    lab = page("keras_lab.py")
    for key in ("lab_words", "lab_vocab"):
        assert lab.text_input(key=key).max_chars == lab_inputs.MAX_TEXT_CHARS
    for source in ("words", "text"):
        train = page("train.py", **{"train.source": source})
        assert train.text_area(key=f"train.text.{source}").max_chars == custom.MAX_CHARS[source]
    lm = page("language_model.py", **{"lm.source": "paste"})
    assert lm.text_area(key="lm.paste").max_chars == lm_corpus.MAX_CHARS


def test_each_limit_is_what_the_code_reads() -> None:
    # Step-through reads MAX_TEXT_CHARS characters, then LIMIT tokens of them.
    model = next(m for m in map(load, (p.key for p in catalogue()))
                 if m.level == "char" and "h" in m.tokens)
    over = read(model, "h" * (step_tokens.MAX_TEXT_CHARS + 50))
    assert over.cut == step_tokens.MAX_TEXT_CHARS - LIMIT
    # The lab cuts at its limit, and says so, only past it.
    assert lab_inputs.parse_words("ab" + " " * (lab_inputs.MAX_TEXT_CHARS - 2))[1] == []
    cut = lab_inputs.parse_words("a" * (lab_inputs.MAX_TEXT_CHARS + 1))[1]
    assert [m.key for m in cut] == ["lab.notice_text_cut", "lab.notice_word_cut"]
    # The Train page refuses past its limits and accepts text right at them.
    text = ("abcdefgh " * 1000)[: custom.MAX_CHARS["text"]]
    assert custom.from_text(text).key == "text"
    with pytest.raises(InputProblem) as caught:
        custom.from_text(text + "x")
    assert caught.value.key == "train.problem.text_too_long"
    with pytest.raises(InputProblem) as caught:
        custom.from_words("ab" + " " * custom.MAX_CHARS["words"])
    assert caught.value.key == "train.problem.text_too_long"
    # The language model refuses a longer paste and reads a prompt up to its limit.
    with pytest.raises(InputProblem) as caught:
        lm_corpus.from_text("x" * (lm_corpus.MAX_CHARS + 1))
    assert caught.value.key == "lm.problem.too_many_chars"
    corpus = lm_corpus.default_corpus()
    beyond = "the" + " " * (lm_generate.MAX_PROMPT_CHARS - 3) + "zzzzunknown"
    assert len(lm_generate.prompt_ids(corpus, beyond)) == 2  # <eos> the: the rest is unread
    with pytest.raises(InputProblem):
        lm_generate.prompt_ids(corpus, "the zzzzunknown")


def test_upload_cap_is_the_same_in_the_server_the_page_and_the_reader() -> None:
    assert SERVER["maxUploadSize"] * 2**20 == MAX_UPLOAD_BYTES
    nginx = (REPO / "deploy" / "nginx.conf.template").read_text()
    body = re.search(r"client_max_body_size (\d+)m;", nginx)
    assert body and int(body.group(1)) == SERVER["maxUploadSize"] + 1  # + multipart envelope
    train = page("train.py")
    uploaders = [e for e in train.get("file_uploader")]
    assert [u.proto.max_upload_size_mb for u in uploaders] == [SERVER["maxUploadSize"]]


def _largest_element(at: AppTest) -> int:
    def walk(node):
        yield node
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                yield from walk(child)
    return max(n.proto.ByteSize() for n in walk(at._tree)
               if hasattr(getattr(n, "proto", None), "ByteSize"))


def test_message_cap_fits_the_largest_thing_the_app_sends() -> None:
    """Streamlit sends each element in a message of its own; the cap is a few times the
    largest one (every page at its defaults, and the training curves of the longest run with
    the most timesteps) and far below Streamlit's 200 MB default."""
    sizes = [_largest_element(page(name)) for name in
             ("step_through.py", "keras_lab.py", "train.py", "language_model.py", "by_hand.py")]
    epochs = 5000
    history = History(np.arange(epochs), np.linspace(3, 0, epochs), np.linspace(0, 1, epochs),
                      np.random.default_rng(0).random((epochs, custom.WINDOW)))
    names = [f"t{t + 1} a→b" for t in range(custom.WINDOW)]
    for figure in (loss_figure(history, "l", "e", "l", epochs),
                   accuracy_figure(history, "a", "e", "a", epochs),
                   step_accuracy_figure(history, names, "s", "e", "a", epochs)):
        sizes.append(len(figure.to_json()))
    cap = SERVER["maxMessageSize"] * 2**20
    assert 4 * max(sizes) <= cap <= 8 * 2**20, (max(sizes), cap)
