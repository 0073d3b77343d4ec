"""Entry point: page config, the language switch and the navigation -- nothing else (and, once
per server, the trainer's warm-up in the background and Streamlit's after-run clean-up
trimmed)."""
import streamlit as st

from rnnviz.trainer.warmup import warm_up
from rnnviz.ui.between_runs import keep_keras_between_runs
from rnnviz.ui import address
from rnnviz.ui.chart_export import image_format_switch
from rnnviz.ui.entry import require_app
from rnnviz.ui.language import language_switch, tr
from rnnviz.ui.lesson_link import follow_lesson_link
from rnnviz.ui.presenter import presenter_switch

require_app()
st.set_page_config(page_title="rnnviz", page_icon=tr("common.app_icon"), layout="wide")
language_switch()
tools = st.sidebar.container(horizontal=True, vertical_alignment="center")
presenter_switch(tools)
image_format_switch(tools)
warm_up()
keep_keras_between_runs()
page = st.navigation([
    st.Page("pages/home.py", title=tr("home.nav"), icon=tr("home.nav_icon"), default=True),
    st.Page("pages/step_through.py", title=tr("common.nav_step"),
            icon=tr("common.nav_step_icon")),
    st.Page("pages/keras_lab.py", title=tr("common.nav_lab"), icon=tr("common.nav_lab_icon")),
    st.Page("pages/train.py", title=tr("common.nav_train"), icon=tr("common.nav_train_icon")),
    st.Page("pages/by_hand.py", title=tr("byhand.nav"), icon=tr("byhand.nav_icon")),
    st.Page("pages/gradients.py", title=tr("gradients.nav"), icon=tr("gradients.nav_icon")),
    st.Page("pages/language_model.py", title=tr("lm.nav"), icon=tr("lm.nav_icon")),
])
follow_lesson_link(page)
address.start(st.sidebar, page.url_path)
page.run()
