"""An SVG drawing written into the page itself, for the views a step redraws.

Shown as an `<img>`, each new SVG costs Chromium an isolated document of its own: about
5 ms a picture, eight pictures a step on Step-through, and every step's pictures are new.
Written into the page's DOM the same SVG costs a fraction of that. `st.html` strips SVG and
`st.markdown` would parse every drawing as markdown, so a component of a few lines writes
it. The SVG is the app's own: `rnnviz.charts.svg` escapes every text it holds, so a token a
student typed is never read as markup.
"""
from __future__ import annotations

import streamlit as st

# A drawing is written only when it changed: a rerun that leaves it alone costs nothing.
_JS = """
const shown = new WeakMap();
export default function ({ parentElement, data }) {
  const box = parentElement.querySelector('.rnnviz-svg');
  if (shown.get(box) !== data.svg) {
    box.innerHTML = data.svg;
    shown.set(box, data.svg);
  }
  box.setAttribute('aria-label', data.alt);
}
"""
# Never wider than its column: the drawing scales down whole, as an image would.
_CSS = ".rnnviz-svg svg { display: block; max-width: 100%; height: auto; }"
_mount = st.components.v2.component(
    "rnnviz.inline_svg", html='<div class="rnnviz-svg" role="img"></div>', css=_CSS, js=_JS,
    isolate_styles=False)


def show_svg(svg: str, key: str, alt: str) -> None:
    """`svg` in an element of class `st-key-{key}`, named `alt` for a screen reader."""
    _mount(key=key, data={"svg": svg, "alt": alt})
