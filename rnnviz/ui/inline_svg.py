"""An SVG drawing written into the page itself, for the views a step redraws.

Shown as an `<img>`, each new SVG costs Chromium an isolated document of its own: about
5 ms a picture, eight pictures a step on Step-through, and every step's pictures are new.
Written into the page's DOM the same SVG costs a fraction of that. `st.html` strips SVG and
`st.markdown` would parse every drawing as markdown, so a component of a few lines writes
it. The SVG is the app's own: `rnnviz.charts.svg` escapes every text it holds, so a token a
student typed is never read as markup. A teacher still takes a drawing away for a slide:
a download button shows over it while the pointer is there, as over a plotly chart.
"""
from __future__ import annotations

import time

import streamlit as st

from rnnviz.ui.language import tr

# A drawing is written only when it changed: a rerun that leaves it alone costs nothing.
# Streamlit can call this for an older rerun after a newer one (the first time the module
# loads, each call waits for it), so each call carries when its rerun drew it (`order`, in
# microseconds of the server's clock) and one a little older than what is shown is dropped.
# One much older is a new server answering (a restart, another replica after a failover, a
# clock behind), so it is shown. Both are kept on the element, which outlives a reloaded
# module. The file is made when the button is clicked, never at a step.
_JS = """
const RACE_US = 5e6;
export default function ({ parentElement, data }) {
  const box = parentElement.querySelector('.rnnviz-svg');
  const behind = (box.rnnvizOrder ?? data.order) - data.order;
  if (behind > 0 && behind < RACE_US) return;
  box.rnnvizOrder = data.order;
  if (box.rnnvizSvg !== data.svg) {
    box.innerHTML = data.svg;
    box.rnnvizSvg = data.svg;
  }
  box.setAttribute('aria-label', data.alt);
  const save = parentElement.querySelector('.rnnviz-svg-save');
  save.title = data.save;
  save.setAttribute('aria-label', data.save);
  save.download = data.file;
  save.onclick = () => {
    URL.revokeObjectURL(save.href);
    save.href = URL.createObjectURL(new Blob([box.rnnvizSvg], { type: 'image/svg+xml' }));
  };
}
"""
_HTML = ('<div class="rnnviz-svg-host"><div class="rnnviz-svg" role="img"></div>'
         '<a class="rnnviz-svg-save" href="#">SVG ⤓</a></div>')
# Never wider than its column: the drawing scales down whole, as an image would.
_CSS = """
.rnnviz-svg svg { display: block; max-width: 100%; height: auto; }
.rnnviz-svg-host { position: relative; }
.rnnviz-svg-save {
  position: absolute; top: 2px; right: 2px; padding: 1px 6px; border-radius: 4px;
  font-size: 0.75rem; text-decoration: none; color: #31333f; background: #f0f2f6;
  opacity: 0; transition: opacity 0.15s;
}
.rnnviz-svg-host:hover .rnnviz-svg-save, .rnnviz-svg-save:focus { opacity: 1; }
"""
_mount = st.components.v2.component(
    "rnnviz.inline_svg", html=_HTML, css=_CSS, js=_JS, isolate_styles=False)


def show_svg(svg: str, key: str, alt: str) -> None:
    """`svg` in an element of class `st-key-{key}`, named `alt` for a screen reader, with a
    button that saves it as `rnnviz-{key}.svg`."""
    _mount(key=key, data={"svg": svg, "alt": alt, "save": tr("export.drawing_svg"),
                          "file": f"rnnviz-{key}.svg", "order": time.time_ns() // 1000})
