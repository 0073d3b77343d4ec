"""A page action that raises shows a sentence, never a traceback, and every page callback
goes through the one wrapper that makes it so."""
from __future__ import annotations

import ast
from pathlib import Path

from streamlit.testing.v1 import AppTest

from rnnviz.text import t

REPO = Path(__file__).resolve().parents[1]

SCRIPT = f"""
import sys
sys.path.insert(0, {str(REPO)!r})
import streamlit as st
from rnnviz.guards.problems import InputProblem
from rnnviz.ui.failures import guarded, show_failure

def broken():
    raise RuntimeError("/srv/secret/path.py line 3")

def refused():
    raise InputProblem("lab.err_not_in_vocabulary", chars="**x**")

def fine():
    st.session_state["done"] = True

show_failure()
st.button("broken", key="broken", on_click=guarded(broken))
st.button("refused", key="refused", on_click=guarded(refused))
st.button("fine", key="fine", on_click=guarded(fine))
st.button("nothing", key="nothing", on_click=guarded(None))
if st.button("inline", key="inline"):
    guarded(broken)()
    st.rerun()
st.write("the page goes on")
"""


def page(tmp_path: Path) -> AppTest:
    (tmp_path / "page.py").write_text(SCRIPT)
    at = AppTest.from_file(str(tmp_path / "page.py"), default_timeout=30)
    at.run()
    return at


def test_a_failing_callback_is_a_sentence_naming_only_the_error_type(tmp_path) -> None:
    at = page(tmp_path)
    at.button(key="broken").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("guards.failure", "en", error="RuntimeError")]
    assert "secret" not in at.error[0].value
    assert at.markdown[-1].value == "the page goes on"
    at.run()  # said once
    assert not at.error


def test_a_refused_input_is_its_sentence_escaped(tmp_path) -> None:
    at = page(tmp_path)
    at.button(key="refused").click().run()
    assert not at.exception
    assert r"\*\*x\*\*" in at.error[0].value


def test_an_inline_action_keeps_its_message_across_the_rerun(tmp_path) -> None:
    at = page(tmp_path)
    at.button(key="inline").click().run()
    assert not at.exception
    assert [e.value for e in at.error] == [t("guards.failure", "en", error="RuntimeError")]


def test_a_working_callback_says_nothing(tmp_path) -> None:
    at = page(tmp_path)
    at.button(key="fine").click().run()
    at.button(key="nothing").click().run()
    assert not at.exception and not at.error and at.session_state["done"]


def test_every_page_callback_is_guarded() -> None:
    found = 0
    for path in sorted((REPO / "pages").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg not in ("on_click", "on_change"):
                    continue
                value = keyword.value
                # Streamlit's own "rerun" and "ignore" run no code of ours.
                if isinstance(value, ast.Constant) and value.value in ("rerun", "ignore"):
                    continue
                found += 1
                if isinstance(value, ast.IfExp):  # `guarded(run.stop) if run else None`
                    assert isinstance(value.orelse, ast.Constant) and value.orelse.value is None
                    value = value.body
                assert (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                        and value.func.id == "guarded"), f"{path.name}:{node.lineno}"
    assert found >= 10


def test_an_uncaught_exception_shows_no_traceback_or_message(tmp_path) -> None:
    """The last line of defence, from .streamlit/config.toml (read from the repository, where
    the tests run): the browser gets the exception's type, never its text or traceback."""
    (tmp_path / "raises.py").write_text('raise ValueError("/srv/secret/path.py")\n')
    at = AppTest.from_file(str(tmp_path / "raises.py"), default_timeout=30)
    at.run()
    assert len(at.exception) == 1
    assert not at.exception[0].stack_trace and "secret" not in at.exception[0].value
