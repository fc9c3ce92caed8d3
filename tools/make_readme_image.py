"""Take the README's picture: the perceptron explorer in JupyterLab, in a real browser.

    python tools/make_readme_image.py        # writes docs/perceptron_explorer.png

It starts JupyterLab and Debian's Chromium the way the browser tests do
(tests/browser/labdriver.py), runs notebook 01, sets the explorer to a moment of the
AND exercise and screenshots the explorer: sliders, figure and readout, exactly what
a learner sees. Rerun it after changing the explorer so the README stays current.
"""

import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

import labdriver  # noqa: E402

OUT = ROOT / "docs" / "perceptron_explorer.png"
MOMENT = "explorer.set(dataset='AND', activation='sign', w0=-0.8, w1=1.0, w2=0.45)"


def main():
    from playwright.sync_api import sync_playwright

    reason = labdriver.browser_missing_reason()
    if reason:
        sys.exit(f"cannot take the picture: {reason}")
    with tempfile.TemporaryDirectory() as workdir, labdriver.LabServer(workdir) as server, sync_playwright() as pw:
        browser = labdriver.launch_browser(pw)
        lab = labdriver.LabPage(browser, server)
        notebook = lab.open("01_perceptron.ipynb")
        notebook.run_all()
        printed = notebook.run_in_kernel(MOMENT + "; print(explorer.state['misclassified'])")
        explorer = notebook.explorers()[0]
        explorer.box.scroll_into_view_if_needed()
        notebook.page.wait_for_timeout(1500)  # let the last frame reach the page
        explorer.box.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)} (misclassified: {printed.strip()})")


if __name__ == "__main__":
    main()
