"""A page in a real browser: headless Chromium (Debian's chromium, driven by Playwright) follows a
footnote link and its way back, reveals the other reading of a choice on hover, and saves a
screenshot under tests/_artifacts/. Skips, saying why, where Chromium or Playwright is absent."""

from __future__ import annotations

import shutil

import pytest

from publish_docs import HERE, ROOT, SAMPLES
from publish_helpers import publish

ARTIFACTS = ROOT / "tests" / "_artifacts"
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


def _page_with_footnotes(tmp_path):
    """A sample's page when it has footnote links, else the fixture in teikit's shape."""
    for path in [*SAMPLES, HERE / "fixtures" / "article-teikit-shape.xml"]:
        html = publish(path, "html")
        if 'role="doc-noteref"' in html:
            page = tmp_path / f"{path.stem}.html"
            page.write_text(html, encoding="utf-8")
            return page
    pytest.fail("no document with footnotes")


def _in_view(page, element_id: str) -> bool:
    return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
                                    return r.top >= -1 && r.bottom <= window.innerHeight + 1; }""", element_id)


def test_footnote_link_there_and_back(browser, tmp_path):
    page = browser.new_page(viewport={"width": 900, "height": 700})
    page.goto(_page_with_footnotes(tmp_path).as_uri())
    ref = page.locator("a[role=doc-noteref]").first
    ref_id, target = ref.get_attribute("id"), ref.get_attribute("href")
    ref.click()
    assert page.evaluate("location.hash") == target
    assert _in_view(page, target[1:])
    page.locator(f"[id='{target[1:]}'] a[role=doc-backlink]").first.click()
    assert page.evaluate("location.hash") == f"#{ref_id}"
    assert _in_view(page, ref_id)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "publish-footnote-back.png"))
    page.close()


def test_choice_reveals_the_other_reading_on_hover(browser, tmp_path):
    page = browser.new_page()
    page.goto(_page_with_footnotes(tmp_path).as_uri())
    choice = page.locator(".tk-choice").first
    alt = choice.locator(".tk-alt").first
    assert not alt.is_visible()
    choice.hover()
    assert alt.is_visible()
    page.emulate_media(media="print")
    page.mouse.move(0, 0)
    assert alt.is_visible()
    page.close()
