"""A Train-page run in AppTest: the owner's address brings it back after a reload (a new
session), a watch link shows it read-only in either language, bad tokens get one message."""
from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from rnnviz.text import t
from rnnviz.trainer.read_only import TrainerView
from rnnviz.ui import shared_run, watch_view
from rnnviz.ui.training_session import TRAIN
from tests.live_pages import rerun_until, status_line
from tests.shared_pages import every_text, open_with, param, watch_token

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "train.py")
APP = str(ROOT / "app.py")
CONTROLS = {"train.start", "train.pause", "train.resume", "train.stop", "train.reset"}
opened = partial(open_with, PAGE)


@pytest.fixture
def stepping_owner() -> Iterator[AppTest]:
    """An owner whose L4 run paused after its first epoch (pace "step"): it waits for a
    click, so the test reads it at leisure and no core is spent meanwhile."""
    at = opened()
    at.selectbox(key="train.source").set_value("L4").run()
    at.segmented_control(key="train.pace").set_value("step").run()
    at.button(key="train.start").click().run()
    rerun_until(at, lambda a: t("train.state.paused", "en") in status_line(a)
                and "epoch 1 /" in status_line(a))
    yield at
    at.run()
    if not at.button(key="train.reset").disabled:
        at.button(key="train.reset").click().run()


def test_a_reload_with_the_owner_address_finds_the_run_and_its_controls(
        stepping_owner: AppTest) -> None:
    token = param(stepping_owner, shared_run.OWNER_PARAM)
    reloaded = opened(run=token)  # a new AppTest is a new session, as a reload is
    assert "epoch 1 / 200" in status_line(reloaded)
    assert param(reloaded, shared_run.OWNER_PARAM) == token
    assert not reloaded.warning
    assert reloaded.button(key="train.stop").disabled is False
    assert reloaded.button(key="train.reset").disabled is False
    reloaded.button(key="train.resume").click().run()  # "Next epoch", from the new session
    rerun_until(stepping_owner, lambda a: "epoch 2 / 200" in status_line(a))
    # The first session still holds the run: both are its owner's pages.
    assert stepping_owner.button(key="train.stop").disabled is False


@pytest.mark.parametrize("lang", ["en", "ko"])
def test_a_watcher_sees_the_status_and_no_controls(stepping_owner: AppTest, lang: str) -> None:
    token = watch_token(stepping_owner)
    watcher = opened(lang, watch=token)
    assert watcher.title[0].value == t("train.title", lang)
    assert t("watch.watching", lang) in [i.value for i in watcher.info]
    line = status_line(watcher)
    assert t("train.state.paused", lang) in line and "1 / 200" in line
    assert len(watcher.get("plotly_chart")) == 2  # loss and accuracy
    assert not CONTROLS & {b.key for b in watcher.button}
    assert [b.key for b in watcher.button] == ["watch.leave"]
    assert not watcher.code and not watcher.expander  # no links to hand on
    text = every_text(watcher)
    assert token not in text and param(stepping_owner, shared_run.OWNER_PARAM) not in text
    assert param(watcher, shared_run.OWNER_PARAM) is None
    # The owner steps on; the watcher's page follows.
    stepping_owner.button(key="train.resume").click().run()
    rerun_until(watcher, lambda a: "2 / 200" in status_line(a))


def test_stop_watching_gives_the_normal_page(stepping_owner: AppTest) -> None:
    watcher = opened(watch=watch_token(stepping_owner))
    watcher.button(key="watch.leave").click().run()
    assert param(watcher, shared_run.WATCH_PARAM) is None
    assert watcher.button(key="train.start").disabled is False
    assert not status_line(watcher)  # its own trainer, with no run yet


def test_a_full_run_says_so_and_opens_the_normal_page(
        stepping_owner: AppTest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TRAIN.registry, "max_watchers", 1)
    token = watch_token(stepping_owner)
    first = opened(watch=token)
    assert [b.key for b in first.button] == ["watch.leave"]
    second = opened(watch=token)
    assert [w.value for w in second.warning] == [t("watch.full", "en", limit=1)]
    assert second.button(key="train.start") is not None
    assert param(second, shared_run.WATCH_PARAM) is None


@pytest.mark.parametrize("name", [shared_run.OWNER_PARAM, shared_run.WATCH_PARAM])
@pytest.mark.parametrize("value", [
    "", "1", "A" * 32, "<img src=x onerror=alert(1)>", "**bold** [x](javascript:1)",
    "학습" * 16, "x" * 5000,
], ids=["empty", "counter", "unknown", "html", "markdown", "hangul", "huge"])
def test_a_bad_token_gets_one_message_and_the_normal_page(name: str, value: str) -> None:
    at = opened(**{name: value})
    key = "watch.owner_link_unknown" if name == shared_run.OWNER_PARAM else "watch.link_unknown"
    assert [w.value for w in at.warning] == [t(key, "en", minutes=5)]
    assert at.button(key="train.start") is not None  # the normal page
    assert param(at, shared_run.WATCH_PARAM) is None
    owner = param(at, shared_run.OWNER_PARAM)
    assert owner != value and TRAIN.registry.adopt(owner, "check") is not None
    if len(value) > 1:
        assert value not in every_text(at)


def test_an_ended_run_s_links_get_the_message(stepping_owner: AppTest) -> None:
    watch, owner = watch_token(stepping_owner), param(stepping_owner, shared_run.OWNER_PARAM)
    hold = stepping_owner.session_state[TRAIN.owned_key]
    hold.watched.close()  # what the grace period's end does
    assert TRAIN.registry.expire() >= 1
    assert [w.value for w in opened(run=owner).warning] == [
        t("watch.owner_link_unknown", "en", minutes=5)]
    assert [w.value for w in opened(watch=watch).warning] == [t("watch.link_unknown", "en")]


def test_a_watcher_finds_the_run_s_models_on_step_through() -> None:
    owner = opened()
    owner.selectbox(key="train.source").set_value("L1").run()
    owner.button(key="train.start").click().run()
    rerun_until(owner, lambda a: t("train.state.finished", "en") in status_line(a))
    watcher = AppTest.from_file(APP, default_timeout=60)
    watcher.query_params["lang"] = "en"
    watcher.run()
    token = watch_token(owner)
    watcher.query_params[shared_run.WATCH_PARAM] = token
    watcher.switch_page("pages/train.py").run()
    assert not watcher.exception
    assert "100 / 100" in status_line(watcher)
    # The sidebar's "Copy link to this view" leaves the token out too.
    assert watcher.sidebar.code and not any(token in c.value for c in watcher.sidebar.code)
    watcher.switch_page("pages/step_through.py").run()
    menu = watcher.selectbox(key="step_model")
    name = t("watch.model_name", "en", lesson=t("train.short.L1", "en"), cell="SimpleRNN",
             number=1)
    assert name in menu.options
    menu.set_value(menu.options[menu.options.index(name)]).run()
    assert not watcher.exception
    owner.button(key="train.reset").click().run()


def test_watchers_of_one_epoch_share_its_curves(stepping_owner: AppTest) -> None:
    run = TrainerView(stepping_owner.session_state[TRAIN.owned_key].watched).run
    first = watch_view.curves(run)
    assert watch_view.curves(run) is first  # a second watcher builds nothing
    assert [len(f.data[0].x) for f in first] == [2, 2]  # epochs 0 and 1, many-to-one L4
    stepping_owner.button(key="train.resume").click().run()
    rerun_until(stepping_owner, lambda a: "epoch 2 / 200" in status_line(a))
    later = watch_view.curves(run)
    assert later is not first and list(later[0].data[0].x) == [0, 1, 2]
