"""Fixtures for the browser tests: one JupyterLab, one Chromium, one page per notebook.

Without Playwright or Chromium the browser tests are skipped with a one-line reason,
except under ``CI=true``, where a missing browser fails them: CI must prove the
browser side on every submission, never skip it silently.
"""

import os
import pathlib

import pytest

import labdriver


def in_ci():
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.fixture(scope="session")
def playwright_browser():
    reason = labdriver.browser_missing_reason()
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and the browser tests cannot run: {reason}", pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = labdriver.launch_browser(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def lab(playwright_browser, tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 serving a copy of the notebooks."""
    for old in labdriver.SCREENSHOTS.glob("*.png"):
        old.unlink()  # screenshots of this run only, so the CI artefact cannot mislead
    with labdriver.LabServer(tmp_path_factory.mktemp("jupyterlab")) as server:
        yield server


@pytest.fixture(scope="session")
def lab_page(playwright_browser, lab):
    """JupyterLab open in Chromium at a laptop's width, its file browser showing notebooks/."""
    page = labdriver.LabPage(playwright_browser, lab, viewport=labdriver.LAPTOP)
    yield page
    page.close()


@pytest.fixture(scope="session")
def notebook_page(request, lab_page, lab):
    """The notebook named by the test's parameter, opened and run with Run All.

    Session-scoped and parametrised indirectly, so each notebook runs once however many
    tests look at it; pytest closes one notebook (and its kernel) before opening the next.
    """
    notebook = labdriver.NotebookPage(lab_page, request.param)
    notebook.run_error = None
    try:
        notebook.open()
        notebook.run_all()
    except Exception as error:  # reported by the tests, with the server log
        notebook.run_error = f"{type(error).__name__}: {error}\n--- JupyterLab log ---\n{lab.log_tail()}"
    notebook.screenshot("notebook")
    yield notebook
    notebook.close()


def pytest_report_header(config):
    reason = labdriver.browser_missing_reason()
    where = pathlib.Path(labdriver.NOTEBOOKS)
    status = f"missing: {reason}" if reason else f"Chromium at {labdriver.CHROMIUM}"
    return f"browser tests: {status}; notebooks from {where}"
