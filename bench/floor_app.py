"""The floor for bench_app.py: the smallest Streamlit page a step could be, one button and
one text it changes. Nothing of rnnviz runs here, so its times are Streamlit's and the
browser's alone."""
import streamlit as st

if st.button("Next", key="floor_next"):
    st.session_state.floor_count = st.session_state.get("floor_count", 0) + 1
st.text(f"Step {st.session_state.get('floor_count', 0)}")
