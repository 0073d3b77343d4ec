"""The script that writes a drawing into the page (rnnviz.ui.inline_svg), run in Chromium on
its own: Streamlit may call it for an older rerun after a newer one, and the newer drawing
must stay."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from rnnviz.ui import inline_svg

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>{}</text></svg>'
# The component's root as Streamlit builds it, and a call of its script per (order, text).
CALLS = """async ([js, html, calls]) => {
  const module = await import(URL.createObjectURL(new Blob([js], {type: 'text/javascript'})));
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.appendChild(root);
  for (const [order, text, svg] of calls)
    module.default({parentElement: root, data: {svg, alt: text, save: 'save', order,
                                                file: 'drawing.svg'}});
  const box = root.querySelector('.rnnviz-svg');
  return [box.querySelector('text').textContent, box.getAttribute('aria-label')];
}"""


def test_an_older_call_never_overwrites_a_newer_drawing(page: Page) -> None:
    now = 1_800_000_000_000_000  # microseconds
    calls = [(order, text, SVG.format(text)) for order, text in
             [(now, "first"), (now + 300_000, "third"), (now + 200_000, "second, late")]]
    shown = page.evaluate(CALLS, [inline_svg._JS, inline_svg._HTML, calls])
    assert shown == ["third", "third"]
    with page.expect_download() as download:
        page.locator(".rnnviz-svg-save").click(force=True)  # shown under the pointer only
    assert download.value.suggested_filename == "drawing.svg"
    assert Path(download.value.path()).read_text() == SVG.format("third")


def test_a_server_whose_clock_is_far_behind_is_still_shown(page: Page) -> None:
    """After a failover the page may be answered by a replica whose clock is behind."""
    now = 1_800_000_000_000_000
    calls = [(order, text, SVG.format(text)) for order, text in
             [(now, "old server"), (now - 60_000_000, "new server")]]
    assert page.evaluate(CALLS, [inline_svg._JS, inline_svg._HTML, calls]) == [
        "new server", "new server"]
