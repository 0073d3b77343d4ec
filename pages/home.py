"""Home: what rnnviz teaches and where to start, the lessons in course order with a link each."""
import streamlit as st

from rnnviz.gradients.shapes import PAGE_TITLES
from rnnviz.lessons.routes import ROUTES
from rnnviz.ui.entry import require_app
from rnnviz.ui.language import tr
from rnnviz.ui.lesson_link import KEY

require_app()

st.title(tr("home.title"))
st.markdown(tr("home.intro"))
columns = st.columns(2, gap="medium")
for index, route in enumerate(ROUTES):
    with columns[index // 4].container(border=True):
        st.markdown(f"**{route.key} · {tr(f'home.lesson.{route.key}')}**  \n"
                    f"{tr(f'home.about.{route.key}')}")
        page = PAGE_TITLES[route.page]
        st.page_link(route.page, label=tr("home.open", page=tr(page)), icon=tr(f"{page}_icon"),
                     query_params={KEY: route.key})
