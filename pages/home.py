"""Home: what rnnviz teaches and where to start, the lessons in course order with a link each."""
import streamlit as st

from rnnviz.gradients.shapes import PAGE_TITLES
from rnnviz.lessons.routes import ROUTES
from rnnviz.ui.entry import require_app
from rnnviz.ui.glossary import show_glossary
from rnnviz.ui.language import tr
from rnnviz.ui.lesson_link import KEY

require_app()

st.title(tr("common.app_name"))
st.markdown(f"{tr('common.tagline')} {tr('home.intro')}")
columns = st.columns(2, gap="large")
half = (len(ROUTES) + 1) // 2
for index, route in enumerate(ROUTES):
    page = PAGE_TITLES[route.page]
    with columns[index // half]:
        st.page_link(route.page, label=f"**{route.key} · {tr(f'home.lesson.{route.key}')}**",
                     icon=tr(f"{page}_icon"), query_params={KEY: route.key})
        st.caption(tr("home.runs_on", page=tr(page), about=tr(f"home.about.{route.key}")))
show_glossary()
