"""The data view on the Train page: `lessons.data_view` drawn as tables in one expander,
in the order a lecture builds the data."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from rnnviz.glyphs import shown
from rnnviz.guards.markdown import literal
from rnnviz.lessons.data_view import data_view, notes_differences
from rnnviz.lessons.presets import Lesson
from rnnviz.text import CATALOGUE
from rnnviz.ui.language import option_names, tr


def class_name(label: str) -> str:
    """A class name in the session's language when the catalogue has one (L3's and L7's
    classes); a token the data is made of stays as written."""
    key = f"data.label.{label}"
    return tr(key) if key in CATALOGUE else label


def _shape(shape: tuple[int, ...]) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def show_data(lesson: Lesson) -> None:
    """The lesson's data, from vocabulary to one-hot tensor and targets."""
    with st.expander(tr("data.title")):
        view = data_view(lesson)
        count = view.shape[0]
        st.markdown(f"**{tr('data.vocabulary')}**")
        columns = [shown(token) for token in view.vocabulary]  # a space must be seen
        st.dataframe(pd.DataFrame([range(len(view.vocabulary))], columns=columns,
                                  index=[tr("data.index")]), width="stretch")
        letters = all(len(token) == 1 for row in view.tokens for token in row)
        names = [("" if letters else " ").join(row) for row in view.tokens]
        st.markdown(f"**{tr('data.sequences')}**")
        st.dataframe(pd.DataFrame({
            tr("data.sample"): names,
            tr("data.indices"): [str(row[: len(t)].tolist()) for row, t in
                                 zip(view.ids, view.tokens)],
        }), hide_index=True, width="stretch")
        if len(view.tokens) < count:
            st.caption(tr("data.shown_first", shown=len(view.tokens), count=count))
        if view.mask is not None:
            st.markdown(f"**{tr('data.padded')}**")
            steps = [tr("data.step", t=t + 1) for t in range(view.ids.shape[1])]
            left, right = st.columns(2)
            left.caption(tr("data.padded_matrix"))
            left.dataframe(pd.DataFrame(view.ids, columns=steps, index=names))
            right.caption(tr("data.mask"))
            right.dataframe(pd.DataFrame(view.mask, columns=steps, index=names)
                            .replace({True: "✓", False: "·"}))
        st.markdown(f"**{tr('data.one_hot', shape=_shape(view.shape))}**")
        if lesson.input_encoding == "identity_embedding":
            st.caption(tr("data.one_hot_embedding"))
        picked = 0
        if len(names) > 1:
            picked = st.selectbox(tr("data.one_hot_sample"), range(len(names)),
                                  format_func=option_names(range(len(names)),
                                                           lambda i: names[i]),
                                  key="train.data_sample")
        rows = view.one_hot[picked]
        st.dataframe(pd.DataFrame(rows.astype(int), columns=columns,
                                  index=[tr("data.step", t=t + 1) for t in range(len(rows))]),
                     width="stretch")
        st.markdown(f"**{tr('data.targets', shape=_shape(view.target_shape))}**")
        st.dataframe(pd.DataFrame({
            tr("data.sample"): names,
            tr("data.target"): [" ".join(class_name(n) for n in row)
                                for row in view.target_names],
            tr("data.indices"): [str(y[: len(row)].tolist()) if lesson.task == "many_to_many"
                                 else str(int(y)) for y, row in zip(view.targets, view.tokens)],
        }), hide_index=True, width="stretch")
        st.caption(tr("data.targets_note",
                      shape=_shape(view.target_shape + (len(lesson.labels),))))
        differences = notes_differences(lesson)
        if differences:
            st.info("\n".join([tr("data.notes")] + [
                "- " + tr("data.notes_row", sample=literal(d.sample), step=d.step,
                          letter=literal(d.letter), index=d.index,
                          notes_letter=literal(d.notes_letter), notes_index=d.notes_index)
                for d in differences]))
