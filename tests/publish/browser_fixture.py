"""The headless Chromium that the publishing tests render pages in (teikit's HTML, CETEIcean):
one browser per test module, skipped with a reason when Chromium or playwright is absent. Test
modules import the fixture by name."""

from __future__ import annotations

import shutil

import pytest

# Never fetch anything: no component updates, no sync, no background requests.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if executable is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium and chromium-driver)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (test extra)")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
