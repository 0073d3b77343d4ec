"""A Language-model run shared in AppTest: the owner's address brings the runs back after a
reload (a new session), a watch link shows their status, perplexity and text read-only in
either language, bad tokens get one message, watchers are capped."""
from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.lm.corpus import EOS, default_corpus
from rnnviz.lm.generate import as_text, generate
from rnnviz.lm.ui import LANGUAGE_MODEL
from rnnviz.text import t
from rnnviz.ui import shared_run
from rnnviz.ui.shared_run import OWNER_PARAM, WATCH_PARAM
from rnnviz.ui.training_session import TRAIN
from tests.live_pages import rerun_until, status_line, written_text
from tests.shared_pages import every_text, open_with, param, watch_token

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "app.py")
opened = partial(open_with, str(ROOT / "pages" / "language_model.py"))
CONTROLS = {"lm.start", "lm.pause", "lm.resume", "lm.stop", "lm.reset", "lm.write_again"}


def finished(at: AppTest, cell: str, lang: str = "en") -> bool:
    return status_line(at).startswith(f"**{cell} · {t('train.state.finished', lang)}")


def train(at: AppTest, cell: str, epochs: int) -> None:
    at.selectbox(key="lm.cell").set_value(cell).run()
    at.number_input(key="lm.epochs").set_value(epochs).run()
    at.button(key="lm.start").click().run()
    rerun_until(at, lambda a: finished(a, cell))


@pytest.fixture
def owner() -> Iterator[AppTest]:
    """An owner whose three-epoch SimpleRNN run on the book's corpus has finished."""
    at = opened()
    train(at, "SimpleRNN", 3)
    yield at
    at.run()
    if not at.button(key="lm.reset").disabled:
        at.button(key="lm.reset").click().run()


def test_a_reload_with_the_owner_address_finds_the_runs_and_their_controls(
        owner: AppTest) -> None:
    token = param(owner, OWNER_PARAM)
    reloaded = opened(run=token)  # a new AppTest is a new session, as a reload is
    assert finished(reloaded, "SimpleRNN") and "epoch 3 / 3" in status_line(reloaded)
    assert param(reloaded, OWNER_PARAM) == token
    assert not reloaded.warning
    # The scheduler still counts the runs against the session that made them.
    hold = owner.session_state[LANGUAGE_MODEL.owned_key]
    assert reloaded.session_state[LANGUAGE_MODEL.owned_key].owner == hold.owner
    assert reloaded.button(key="lm.reset").disabled is False
    assert written_text(reloaded).startswith("the ▸ ")  # the kept weights write
    # The new session trains a second cell; the first session's page shows both runs.
    train(reloaded, "GRU", 2)
    owner.run()
    assert finished(owner, "GRU")
    chart = next(c for c in owner.get("plotly_chart") if "lm.perplexity_chart" in c.proto.id)
    assert [trace["name"] for trace in json.loads(chart.proto.spec)["data"]] == \
        ["SimpleRNN", "GRU"]


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_watcher_sees_status_perplexity_and_text_and_no_controls(
        owner: AppTest, lang: str) -> None:
    token = watch_token(owner)
    watcher = opened(lang, watch=token)
    assert watcher.title[0].value == t("lm.title", lang)
    assert t("lmwatch.watching", lang) in [i.value for i in watcher.info]
    assert finished(watcher, "SimpleRNN", lang)
    assert t("train.epoch_of", lang, epoch=3, epochs=3) in status_line(watcher)
    assert [c.proto.id.endswith("lmwatch.perplexity_chart")
            for c in watcher.get("plotly_chart")] == [True]
    # The text the newest weights (epoch 3) write from a sentence start, seed 0.
    corpus = default_corpus()
    run = owner.session_state[LANGUAGE_MODEL.owned_key].item.run
    newest = run.snapshots()[-1]
    assert newest.epoch == 3
    expected = as_text(corpus, generate(newest, [corpus.word_to_id()[EOS]], 40, 1.0, seed=0))
    assert [c.value for c in watcher.code] == [expected]
    assert t("lmwatch.written", lang, epoch=3, cell="SimpleRNN") in \
        [m.value for m in watcher.markdown]
    assert [b.key for b in watcher.button] == ["watch.leave"]
    assert not CONTROLS & {b.key for b in watcher.button}
    assert not watcher.get("slider") and not watcher.get("text_input")
    assert not watcher.expander  # no links to hand on
    text = every_text(watcher)
    assert token not in text and param(owner, OWNER_PARAM) not in text
    assert param(watcher, OWNER_PARAM) is None
    # The owner trains another cell; the watcher's page follows.
    train(owner, "GRU", 2)
    rerun_until(watcher, lambda a: finished(a, "GRU", lang))
    chart = watcher.get("plotly_chart")[0]
    assert [trace["name"] for trace in json.loads(chart.proto.spec)["data"]] == \
        ["SimpleRNN", "GRU"]


def test_a_watcher_before_the_first_run_waits_for_it() -> None:
    owner = opened()
    watcher = opened(watch=watch_token(owner))
    assert t("watch.idle", "en") in [i.value for i in watcher.info]
    assert [b.key for b in watcher.button] == ["watch.leave"]
    watcher.button(key="watch.leave").click().run()  # back to a page of its own
    assert param(watcher, WATCH_PARAM) is None
    assert watcher.button(key="lm.start").disabled is False


def test_a_full_run_says_so_and_opens_the_normal_page(
        owner: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LANGUAGE_MODEL.registry, "max_watchers", 1)
    token = watch_token(owner)
    first = opened(watch=token)
    assert [b.key for b in first.button] == ["watch.leave"]
    second = opened(watch=token)
    assert [w.value for w in second.warning] == [t("watch.full", "en", limit=1)]
    assert second.button(key="lm.start") is not None
    assert param(second, WATCH_PARAM) is None


def bad_address_page(name: str, value: str) -> AppTest:
    """The page opened with `?name=value`: one message, the normal page with its own run."""
    at = opened(**{name: value})
    key = "watch.owner_link_unknown" if name == OWNER_PARAM else "watch.link_unknown"
    assert [w.value for w in at.warning] == [t(key, "en", minutes=5)]
    assert at.button(key="lm.start") is not None
    assert param(at, WATCH_PARAM) is None
    mine = param(at, OWNER_PARAM)
    assert mine != value and LANGUAGE_MODEL.registry.adopt(mine, "check") is not None
    assert TRAIN.registry.adopt(mine, "check") is None
    return at


@pytest.mark.parametrize("name", [OWNER_PARAM, WATCH_PARAM])
@pytest.mark.parametrize("value", ["", "A" * 32, "<img src=x onerror=alert(1)>", "x" * 5000],
                         ids=["empty", "unknown", "html", "huge"])
def test_a_bad_token_gets_one_message_and_the_normal_page(name: str, value: str) -> None:
    at = bad_address_page(name, value)
    if value:
        assert value not in every_text(at)


@pytest.mark.parametrize("name", [OWNER_PARAM, WATCH_PARAM])
def test_a_train_page_token_opens_no_language_model_run(name: str) -> None:
    hold = TRAIN.registry.open("someone")
    try:
        bad_address_page(name, hold.token if name == OWNER_PARAM else hold.watch_token)
    finally:
        hold.watched.close()


def test_a_reload_keeps_one_scheduler_owner_on_both_pages(owner: AppTest) -> None:
    """Reloaded into the Language model page, then on to Train: the new trainer's runs count
    against the same owner as the language model's, so the person holds one slot."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.query_params[OWNER_PARAM] = param(owner, OWNER_PARAM)
    at.switch_page("pages/language_model.py").run()
    assert not at.exception and not at.warning
    assert finished(at, "SimpleRNN")
    at.switch_page("pages/train.py").run()
    assert not at.exception
    first = owner.session_state[LANGUAGE_MODEL.owned_key].owner
    assert at.session_state[TRAIN.owned_key].owner == first
    assert at.session_state[shared_run.ME] != first  # a new session all the same


def test_the_copied_link_leaves_the_owner_token_out() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["lang"] = "en"
    at.run()
    at.switch_page("pages/language_model.py").run()
    assert not at.exception
    token = param(at, OWNER_PARAM)
    assert token and LANGUAGE_MODEL.registry.adopt(token, "check") is not None
    links = [c.value for c in at.sidebar.code]
    assert links and not any(token in link or "run=" in link for link in links)
