"""Every export downloads in Chromium: Step-through's notebook (valid nbformat 4 with the
word's tokens) and trace CSV, a chart as PNG and, after choosing it, as SVG; the
Keras lab's and the Train page's notebooks hold the cells of the setup the page opened on."""
from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from rnnviz.lab import PRESETS
from rnnviz.lessons import TRAINABLE
from rnnviz.notebooks.lab import code_cells as lab_cells
from rnnviz.notebooks.train import code_cells as train_cells
from rnnviz.text import t
from rnnviz.trainer import defaults_for
from tests.notebook_cells import read_notebook

EXCEPTION = '[data-testid="stException"]'


def test_the_notebook_the_csv_and_each_chart_image_download(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/step_through?lang=en&word=hello")
    wait_for_app(page)

    with page.expect_download() as download:
        page.get_by_role("button", name=t("notebook.download", "en")).click()
    notebook = read_notebook(open(download.value.path(), "rb").read())
    assert download.value.suggested_filename.endswith(".ipynb")
    assert notebook["nbformat"] == 4
    assert "READ = ['h', 'e', 'l', 'l', 'o']" in notebook["cells"][1]["source"]

    with page.expect_download() as download:
        page.get_by_role("button", name=t("export.trace_csv", "en")).click()
    assert download.value.suggested_filename.endswith(".csv")
    assert open(download.value.path(), encoding="utf-8").readline().startswith("step,token,")
    # Step-through's views are SVG images (the browser saves them as they are); the charts
    # with plotly's download button are the other pages', the lab's output for one.
    page.goto(f"{app_url}/keras_lab?lang=en")
    wait_for_app(page)
    chart = page.locator(".st-key-lab_chart_output .js-plotly-plot")
    expect(chart).to_be_visible(timeout=240_000)  # TensorFlow may still be loading
    chart.hover()
    with page.expect_download() as download:
        chart.locator(".modebar-btn").click()
    assert download.value.suggested_filename == "rnnviz-chart.png"
    assert open(download.value.path(), "rb").read(8) == b"\x89PNG\r\n\x1a\n"

    page.locator('[data-testid="stSidebar"]').get_by_role("button", name="PNG").click()
    page.locator('[data-testid="stPopoverBody"]').get_by_text("SVG", exact=True).click()
    wait_for_app(page)
    page.keyboard.press("Escape")
    chart.hover()
    with page.expect_download() as download:
        chart.locator(".modebar-btn").click()
    assert download.value.suggested_filename == "rnnviz-chart.svg"
    assert b"<svg" in open(download.value.path(), "rb").read(400)
    assert page.locator(EXCEPTION).count() == 0


def _downloaded_notebook(page: Page, label: str) -> tuple[str, dict]:
    with page.expect_download() as download:
        page.get_by_role("button", name=label).click()
    notebook = read_notebook(open(download.value.path(), "rb").read())
    assert notebook["nbformat"] == 4
    return download.value.suggested_filename, notebook


def test_the_lab_and_train_notebooks_download_with_the_pages_setup(
    page: Page, app_url: str, wait_for_app: Callable[..., None]
) -> None:
    page.goto(f"{app_url}/keras_lab?lang=ko")
    wait_for_app(page)
    name, notebook = _downloaded_notebook(page, t("notebook.download", "ko"))
    assert name == "rnnviz-keras-lab.ipynb"
    assert notebook["cells"][0]["source"] == t("notebook.lab_intro", "ko")
    code = [cell["source"] for cell in notebook["cells"][1:]]
    assert code == lab_cells(PRESETS["L2_batch"])

    page.goto(f"{app_url}/train?lang=en&lesson=L4")
    wait_for_app(page)
    name, notebook = _downloaded_notebook(page, t("notebook.download", "en"))
    assert name == "rnnviz-train-L4.ipynb"
    lesson = TRAINABLE["L4"]()
    code = [cell["source"] for cell in notebook["cells"][1:]]
    assert code == train_cells(lesson, defaults_for(lesson))
    assert page.locator(EXCEPTION).count() == 0
