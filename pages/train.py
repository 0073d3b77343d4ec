"""Placeholder until the page is written; keeps the navigation runnable."""
import streamlit as st

from rnnviz.ui.language import tr

st.title(tr("common.nav_train"))
