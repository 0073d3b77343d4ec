"""What a student feels in Chromium on Step-through, and the same on the one-button floor page
(bench/floor_app.py): a step (a press of Next until every view is redrawn) and the first page
(until the text box is editable and every chart and formula is drawn). Used by bench_app.py.

Times are taken inside the page: `performance.now()` when the button is clicked, and again on
the first animation frame at which every view shows its new content, so Playwright's own
round trips never count. "Redrawn" means: the script has finished, the step heading reads the
new step, and every plotly chart, SVG drawing and formula with numbers differs from what it
showed before the click (each one changes at every step: the strip's highlight, the input
row, the state and gate values, the scores and softmax, the cell, the whole-word heatmap's
frame). The page has no plotly chart any more; one would be counted if it came back.
"""
from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from rnnviz.pretrained import catalogue
from rnnviz.text import t

WORD = "architecture"  # 12 letters, no letter twice in a row (each step changes x_t)
MODEL = "words-lstm"
SETTLED = '[data-testid="stApp"][data-test-script-state="notRunning"]'
VIEWPORT = {"width": 1400, "height": 900}

# Each view: every plotly chart's SVG and every formula's annotation that holds a number (one
# without, such as what the scores are, is the same at every step) as a string, and every
# drawing's SVG element itself (rnnviz.ui.inline_svg writes a new one only when the drawing
# changed; comparing nodes keeps the polling itself from costing the page a serialisation).
VIEWS = """() => [...document.querySelectorAll(
  '.stPlotlyChart .svg-container > svg.main-svg:first-of-type, .katex annotation, ' +
  '.rnnviz-svg > svg')].filter(node => node.tagName.toLowerCase() !== 'annotation'
  || /[0-9]/.test(node.textContent))
  .map(node => node.parentElement.classList.contains('rnnviz-svg') ? node : node.innerHTML)"""
CLICK = """selector => {
  window.__before = (%s)();
  window.__clicked = performance.now();
  document.querySelector(selector).click();
}""" % VIEWS
# True (the time since the click, in ms) once the heading reads `heading` and every view
# has changed; `heading` null on the floor page, where the text is the only view.
REDRAWN = """([heading, text]) => {
  if (!document.querySelector('%s')) return false;
  if (heading !== null) {
    const shown = [...document.querySelectorAll('h3')].map(h => h.textContent);
    if (!shown.includes(heading)) return false;
    const now = (%s)();
    const before = window.__before;
    if (now.length !== before.length || now.some((view, i) => view === before[i])) return false;
  } else if (!document.body.innerText.includes(text)) {
    return false;
  }
  return performance.now() - window.__clicked;
}""" % (SETTLED, VIEWS)
# The first page is usable once nothing is loading lazily any more, the text box takes
# typing, and every chart, drawing and formula is drawn.
USABLE = """() => {
  if (!document.querySelector('%s')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const box = document.querySelector('.st-key-step_text input');
  if (!box || box.disabled) return false;
  for (const chart of document.querySelectorAll('.stPlotlyChart'))
    if (!chart.querySelector('svg.main-svg text')) return false;
  if (!document.querySelector('.st-key-step_heatmap svg')) return false;
  return document.querySelectorAll('.katex-display').length > 0;
}""" % SETTLED
FLOOR_USABLE = """() => !!document.querySelector('%s')
  && !!document.querySelector('.st-key-floor_next button')
  && document.body.innerText.includes('Step 0')""" % SETTLED


@dataclass(frozen=True)
class Timings:
    ms: list[float]

    @property
    def p50(self) -> float:
        return statistics.median(self.ms)

    @property
    def p95(self) -> float:
        ordered = sorted(self.ms)
        return ordered[round(0.95 * (len(ordered) - 1))]


def _page(browser: Browser) -> Page:
    context = browser.new_context(viewport=VIEWPORT, locale="en-US")
    context.set_default_timeout(120_000)
    return context.new_page()


def _settle(page: Page) -> None:
    page.wait_for_timeout(300)
    page.wait_for_selector(SETTLED)


def _open_word(browser: Browser, url: str) -> Page:
    """Step-through with the LSTM word model reading WORD, at its first step."""
    page = _page(browser)
    page.goto(f"{url}/step_through?lang=en")
    page.wait_for_function(USABLE)
    title = t(next(p.title_key for p in catalogue() if p.key == MODEL), "en")
    for _ in range(3):  # a click that lands while the page redraws opens nothing
        page.locator(".st-key-step_model").click()
        try:
            page.get_by_role("option", name=title).click(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
    _settle(page)
    box = page.locator(".st-key-step_text input")
    box.fill(WORD)
    box.press("Enter")
    _settle(page)
    page.wait_for_function(USABLE)
    heading = t("step.current", "en", t=1, n=len(WORD), token=WORD[0])
    page.get_by_role("heading", name=heading).wait_for()
    return page


def _press(page: Page, selector: str, heading: str | None, text: str = "") -> float:
    page.evaluate(CLICK, selector)
    return page.wait_for_function(REDRAWN, arg=[heading, text], polling="raf").json_value()


def step_steps(browser: Browser, url: str, passes: int) -> Timings:
    """Next pressed through the word `passes` times (Previous back between passes, untimed
    in the figures but redrawn all the same)."""
    page = _open_word(browser, url)
    ms = []
    for _ in range(passes):
        for step in range(2, len(WORD) + 1):
            heading = t("step.current", "en", t=step, n=len(WORD), token=WORD[step - 1])
            ms.append(_press(page, ".st-key-step_next button", heading))
        for step in range(len(WORD) - 1, 0, -1):
            heading = t("step.current", "en", t=step, n=len(WORD), token=WORD[step - 1])
            _press(page, ".st-key-step_prev button", heading)
    page.context.close()
    return Timings(ms)


def floor_steps(browser: Browser, url: str, presses: int) -> Timings:
    page = _page(browser)
    page.goto(url)
    page.wait_for_function(FLOOR_USABLE)
    ms = [_press(page, ".st-key-floor_next button", None, f"Step {n}")
          for n in range(1, presses + 1)]
    page.context.close()
    return Timings(ms)


def _loads(browser: Browser, url: str, usable: str, loads: int) -> Timings:
    ms = []
    for _ in range(loads):
        page = _page(browser)
        page.goto(url, wait_until="commit")
        start = page.evaluate("() => performance.timeOrigin")
        page.wait_for_function(usable, polling="raf")
        ms.append(page.evaluate("() => performance.timeOrigin + performance.now()") - start)
        page.context.close()
    return Timings(ms)


def step_first_page(browser: Browser, url: str, loads: int) -> Timings:
    """From the navigation's start to a usable Step-through (its default model and word)."""
    return _loads(browser, f"{url}/step_through?lang=en", USABLE, loads)


def floor_first_page(browser: Browser, url: str, loads: int) -> Timings:
    return _loads(browser, url, FLOOR_USABLE, loads)


def step_profile(browser: Browser, url: str, steps: int = 11) -> None:
    """Chromium's trace of `steps` Nexts: main-thread time by kind (scripting, style and
    layout, paint) and the JavaScript self time by the bundle it runs in (plotly, KaTeX,
    Streamlit's own), per step."""
    page = _open_word(browser, url)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Profiler.enable")
    cdp.send("Profiler.setSamplingInterval", {"interval": 200})
    events: list[dict] = []
    cdp.on("Tracing.dataCollected", lambda data: events.extend(data["value"]))
    cdp.send("Tracing.start", {"traceConfig": {"includedCategories": [
        "devtools.timeline", "disabled-by-default-devtools.timeline"]}})
    cdp.send("Profiler.start")
    for step in range(2, steps + 2):
        heading = t("step.current", "en", t=step, n=len(WORD), token=WORD[step - 1])
        _press(page, ".st-key-step_next button", heading)
    profile = cdp.send("Profiler.stop")["profile"]
    done = []
    cdp.on("Tracing.tracingComplete", lambda _: done.append(True))
    cdp.send("Tracing.end")
    while not done:
        page.wait_for_timeout(100)
    kinds = {"FunctionCall": "scripting", "EvaluateScript": "scripting",
             "TimerFire": "scripting", "FireAnimationFrame": "scripting",
             "EventDispatch": "scripting", "RunMicrotasks": "scripting",
             "UpdateLayoutTree": "style", "Layout": "layout", "Paint": "paint",
             "PrePaint": "paint", "Layerize": "paint", "ParseHTML": "parse"}
    by_kind: dict[str, float] = defaultdict(float)
    for event in events:
        kind = kinds.get(event.get("name", ""))
        if kind and event.get("ph") == "X" and "dur" in event:
            by_kind[kind] += event["dur"] / 1000
    nodes = {node["id"]: node for node in profile["nodes"]}
    self_ms: dict[str, float] = defaultdict(float)
    deltas = profile.get("timeDeltas", [])
    for sample, delta in zip(profile.get("samples", []), deltas[1:] + [0]):
        frame = nodes[sample]["callFrame"]
        bundle = Path(frame.get("url", "")).name.split(".")[0] or frame["functionName"] or "?"
        self_ms[bundle] += delta / 1000
    print(f"  where a step's time goes in Chromium (per step, over {steps} Nexts; "
          "nested events can overlap):")
    print("    main thread: " + ", ".join(
        f"{kind} {ms / steps:.0f} ms" for kind, ms in sorted(by_kind.items(),
                                                          key=lambda kv: -kv[1])))
    top = sorted(self_ms.items(), key=lambda kv: -kv[1])[:8]
    print("    JavaScript self time by bundle: " + ", ".join(
        f"{name} {ms / steps:.0f} ms" for name, ms in top))
    page.context.close()
