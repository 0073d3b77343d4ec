"""A page with a shared run, opened in AppTest with an address: the owner's links, the
parameters it leaves, and all the text a page shows (where no token may appear)."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest


def open_with(path: str, lang: str = "en", **params: str) -> AppTest:
    """`path` opened in a new session (as a reload or another device is) at `?lang=…&params`."""
    at = AppTest.from_file(path, default_timeout=60)
    at.query_params["lang"] = lang
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[-1] if isinstance(value, list) else value


def watch_token(owner: AppTest) -> str:
    """The token of the watch link the owner's page shows (the first of its two links)."""
    links = [c.value for c in owner.code if c.value.startswith(("?watch=", "?run="))]
    assert len(links) == 2 and links[0].startswith("?watch=") and links[1].startswith("?run=")
    return links[0].removeprefix("?watch=")


def every_text(at: AppTest) -> str:
    kinds = ("markdown", "caption", "info", "warning", "error", "success", "code", "title",
             "button", "text")
    return "\n".join(str(getattr(e, "value", "")) + str(getattr(e, "label", ""))
                     for kind in kinds for e in at.get(kind))
