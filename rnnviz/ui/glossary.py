"""The glossary view: every term of `text.common`'s glossary in both languages with its
one-line definition from `text.glossary`, so a student can look up a word the app uses."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from rnnviz.text import CATALOGUE, LANGUAGES, t
from rnnviz.ui.language import current_language, tr


def glossary_terms() -> list[str]:
    """The glossary's terms (`rnn`, `hidden_state`, ...) in the order `common` lists them:
    the `common` entries that `text.glossary` defines."""
    return [key.split(".", 1)[1] for key in CATALOGUE
            if key.startswith("common.") and "glossary." + key.split(".", 1)[1] in CATALOGUE]


def glossary_rows(lang: str) -> list[tuple[str, str, str]]:
    """(term in `lang`, term in the other language, definition in `lang`) per term."""
    other = next(code for code in LANGUAGES if code != lang)
    return [(t(f"common.{term}", lang), t(f"common.{term}", other), t(f"glossary.{term}", lang))
            for term in glossary_terms()]


def term_help(*terms: str) -> str:
    """A widget's `help=` tooltip from the glossary: each term in the session's language,
    the other language's word beside it, and its one-line definition."""
    lang = current_language()
    other = next(code for code in LANGUAGES if code != lang)
    return "\n\n".join(
        f"**{t(f'common.{term}', lang)}** ({t(f'common.{term}', other)}): "
        + t(f"glossary.{term}", lang)
        for term in terms)


def show_glossary() -> None:
    with st.expander(tr("glossary.title"), icon=":material/menu_book:"):
        st.markdown(tr("glossary.intro"))
        st.dataframe(pd.DataFrame(glossary_rows(current_language()), columns=[
            tr("glossary.col_term"), tr("glossary.col_other"), tr("glossary.col_meaning"),
        ]), hide_index=True, width="stretch", height=420)
