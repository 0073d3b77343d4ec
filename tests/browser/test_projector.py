"""Step-through and the Keras lab on a 1280x720 projector, on a server this module starts:
every formula fits its column, Step-through's drawings are shown at their own size and the
lab's chart type is never under 12 px, the letter strip's labels never overlap, plotly's
toolbar covers no title, and the lab's results stay beside its toggles."""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from rnnviz.text import t
from scripts.appserver import serve

PROJECTOR = {"width": 1280, "height": 720}
EXCEPTION = '[data-testid="stException"]'

# Each KaTeX block against the column (or page) it sits in: its box must stay inside, and it
# must not need scrolling sideways.
FORMULAS = """() => [...document.querySelectorAll('.katex-display')].map(k => {
  const column = k.closest('[data-testid="stColumn"]') || k.closest('[data-testid="stMain"]');
  const box = k.querySelector('.katex').getBoundingClientRect();
  const room = column.getBoundingClientRect();
  return {tex: (k.querySelector('annotation') || {}).textContent || '',
          left: box.left - room.left, right: room.right - box.right,
          hidden: k.scrollWidth - k.clientWidth};
})"""
CHART_TEXT = """() => [...document.querySelectorAll('.stPlotlyChart svg text')]
  .filter(node => node.textContent.trim() && node.getBoundingClientRect().width > 0)
  .map(node => [node.textContent, parseFloat(getComputedStyle(node).fontSize)])"""
# Each chart's title against the chart: plotly never wraps a title, it runs off the edge.
TITLES = """() => [...document.querySelectorAll('.stPlotlyChart')].map(chart => {
  const title = chart.querySelector('.gtitle');
  const box = chart.querySelector('svg.main-svg').getBoundingClientRect();
  const t = title ? title.getBoundingClientRect() : box;
  return [title ? title.textContent : '', t.left - box.left, box.right - t.right];
})"""
# The letter strip's letters as the browser lays them out.
TAPE_BOXES = """() => [...document.querySelectorAll('.st-key-step_tape svg text[data-name]')]
  .filter(node => node.textContent)
  .map(node => { const b = node.getBoundingClientRect();
                 return [node.getAttribute('data-name').split('[')[0], node.textContent,
                         b.left, b.right]; })"""
# Each SVG drawing's shown width against its own: shown smaller, its type would shrink.
DRAWINGS = """() => [...document.querySelectorAll('.rnnviz-svg > svg')]
  .map(svg => [svg.getBoundingClientRect().width, +svg.getAttribute('width')])"""


def assert_only_download(page: Page) -> None:
    """Plotly's mode bar holds the download button alone, hidden until the pointer is over
    its chart, so nothing of it sits over a title on the projected page."""
    bars = page.locator(".modebar")
    buttons = page.locator(".modebar .modebar-btn")
    assert buttons.count() == bars.count()
    assert all(b.get_attribute("data-title").startswith("Download") for b in buttons.all())
    # Plotly's hover-only mode: the bar shows while the pointer is over its chart.
    assert all("modebar--hover" in bar.get_attribute("class") for bar in bars.all())


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with serve() as server:
        yield server.url


@pytest.fixture
def projector(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=PROJECTOR, locale="en-US")
    context.set_default_timeout(90_000)
    yield context.new_page()
    context.close()


def drawn(page: Page) -> None:
    """Wait until KaTeX and plotly, which Streamlit loads lazily on a fresh page, have drawn
    every formula and chart (Step-through has drawings instead): the counts above zero and
    unchanged over half a second."""
    count = """() => [document.querySelectorAll('.katex-display').length,
                      document.querySelectorAll('.stPlotlyChart svg text').length
                      + document.querySelectorAll('.rnnviz-svg > svg').length]"""
    before = None
    for _ in range(120):
        now = page.evaluate(count)
        if now == before and min(now) > 0:
            return
        before = now
        page.wait_for_timeout(500)
    raise AssertionError(f"formulas and charts still drawing: {before}")


def assert_formulas_fit(page: Page, where: str) -> None:
    drawn(page)
    blocks = page.evaluate(FORMULAS)
    assert blocks, where
    for block in blocks:
        assert block["left"] >= -1 and block["right"] >= -1 and block["hidden"] <= 2, (
            where, block)


def assert_chart_text_readable(page: Page, where: str) -> None:
    expect(page.locator(".stPlotlyChart svg text").first).to_be_attached()
    sizes = []
    for _ in range(20):  # plotly draws each chart a moment after Streamlit places it
        page.wait_for_timeout(250)
        sizes = page.evaluate(CHART_TEXT)
        if sizes:
            break
    assert sizes, where
    small = [(text, size) for text, size in sizes if size < 12]
    assert not small, (where, small[:5])
    for title, left, right in page.evaluate(TITLES):
        assert left >= 0 and right >= 0, (where, title)


def assert_drawings_unscaled(page: Page, where: str) -> None:
    """The step's drawings (strip, softmax, bars, gates, cells, whole word) are shown at their
    own size, so their type is the size the drawing sets, never under MIN_FONT (their tests
    check)."""
    sizes = page.evaluate(DRAWINGS)
    assert len(sizes) >= 3, (where, sizes)
    assert all(abs(shown - own) < 1 for shown, own in sizes), (where, sizes)


def choose(page: Page, key: str, option: str, wait: Callable[..., None]) -> None:
    """Pick `option` in a selectbox; a click that lands while the page redraws opens nothing,
    so the click is tried again."""
    for _ in range(3):
        page.locator(f".st-key-{key}").click()
        try:
            page.get_by_role("option", name=option).click(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    else:
        raise AssertionError(f"{option!r} never appeared in {key}")
    wait(page)


def type_word(page: Page, word: str, wait: Callable[..., None]) -> None:
    box = page.locator(".st-key-step_text input")
    box.fill(word)
    box.press("Enter")
    wait(page)


def test_every_step_through_formula_fits_its_column(
    projector: Page, server_url: str, wait_for_app: Callable[..., None]
) -> None:
    page = projector
    page.goto(f"{server_url}/step_through?lang=en")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Timestep 1 of 4 · input h")).to_be_visible()
    assert_formulas_fit(page, "hello")
    assert_drawings_unscaled(page, "hello")
    # Scrolled down to the numbers, the class steps on without scrolling back up.
    heading = page.get_by_role("heading", name="Timestep 1 of 4 · input h")
    heading.evaluate("node => node.scrollIntoView({block: 'start'})")
    page.locator(".st-key-step_next_here").get_by_role("button", name="Next").click()
    wait_for_app(page)
    heading = page.get_by_role("heading", name="Timestep 2 of 4 · input e")
    expect(heading).to_be_in_viewport()
    expect(page.locator(".katex-display").first).to_be_in_viewport()
    for key in ("step.model_words_lstm", "step.model_words_gru", "step.model_words_simplernn"):
        choose(page, "step_model", t(key, "en"), wait_for_app)
        type_word(page, "nz", wait_for_app)  # letters the one-hot row used to hide
        expect(page.get_by_role("heading", name="Timestep 1 of 2 · input n")).to_be_visible()
        assert_formulas_fit(page, key)
        assert_drawings_unscaled(page, key)
    assert page.locator(EXCEPTION).count() == 0


def test_the_letter_strip_labels_of_a_long_word_never_overlap(
    projector: Page, server_url: str, wait_for_app: Callable[..., None]
) -> None:
    page = projector
    page.goto(f"{server_url}/step_through?lang=ko")
    wait_for_app(page)
    choose(page, "step_model", t("step.model_words_lstm", "ko"), wait_for_app)
    type_word(page, "internationalization", wait_for_app)
    rows: dict[str, list[tuple[str, float, float]]] = {}
    for row, text, left, right in page.evaluate(TAPE_BOXES):
        rows.setdefault(row, []).append((text, left, right))
    assert len(rows) == 2 and all(len(row) == 20 for row in rows.values())
    for row in rows.values():
        row.sort(key=lambda cell: cell[1])
        for (a, _, a_right), (b, b_left, _) in zip(row, row[1:]):
            assert a_right <= b_left + 0.5, (a, b)
    assert_drawings_unscaled(page, "strip")


def test_the_lab_results_stay_beside_its_toggles(
    projector: Page, server_url: str, wait_for_app: Callable[..., None]
) -> None:
    page = projector
    page.goto(f"{server_url}/keras_lab?lang=en")
    wait_for_app(page)
    headings = page.locator('[data-testid="stMain"] h4')
    # TensorFlow may still be loading on this fresh server: the page says so, then reruns.
    expect(headings.first).to_have_text("output · shape (3, 5, 2)", timeout=240_000)
    chart = page.locator(".st-key-lab_chart_output")
    for key in ("lab_seq", "lab_state"):
        expect(page.locator(f".st-key-{key}")).to_be_in_viewport()
    expect(chart).to_be_in_viewport()
    page.locator(".st-key-lab_seq label").first.click()  # no scrolling in between
    wait_for_app(page)
    expect(headings.first).to_have_text("output · shape (3, 2)")
    expect(chart).to_be_in_viewport()
    assert_chart_text_readable(page, "lab")
    assert_only_download(page)
    assert page.locator(EXCEPTION).count() == 0
