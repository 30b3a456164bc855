"""A page in a real browser: headless Chromium (Debian's chromium, driven by Playwright) follows a
footnote link and its way back, reveals the other reading of a choice on hover, and saves a
screenshot under tests/_artifacts/. Skips, saying why, where Chromium or Playwright is absent."""

from __future__ import annotations

import pytest

from browser_fixture import browser  # noqa: F401  (the fixture)
from publish_docs import HERE, ROOT, SAMPLES
from publish_helpers import publish

ARTIFACTS = ROOT / "tests" / "_artifacts"


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


# -- other projects' editions on a phone and a desk: a play, a letter, a critical text ---------------------

EDITIONS = {name: HERE / "fixtures" / f"{name}.xml"
            for name in ("play-numbered-verse", "lettre-edition", "critical-apparatus")}
PHONE = {"width": 400, "height": 800}


def _open(browser, tmp_path, name, viewport=PHONE):
    path = tmp_path / f"{name}.html"
    path.write_text(publish(EDITIONS[name], "html"), encoding="utf-8")
    page = browser.new_page(viewport=viewport)
    page.goto(path.as_uri())
    return page


def _box(page, selector):
    return page.evaluate("s => { const r = document.querySelector(s).getBoundingClientRect();"
                         " return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }", selector)


@pytest.mark.parametrize("name", sorted(EDITIONS))
def test_at_400_px_nothing_runs_off_the_screen(browser, tmp_path, name):
    page = _open(browser, tmp_path, name)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    # every label of the title block and every value beside or under it is on the screen
    for cell in page.locator(".tk-meta dt, .tk-meta dd").all():
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], cell.text_content()
    # no word is wider than the column (long addresses wrap)
    widest = page.evaluate("Math.max(...[...document.querySelectorAll('main a')].map(a => a.getBoundingClientRect().right))")
    assert widest <= PHONE["width"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"publish-{name}-400px.png"), full_page=True)
    page.close()


def test_a_plays_line_numbers_and_page_numbers_stand_in_the_margins_apart(browser, tmp_path):
    page = _open(browser, tmp_path, "play-numbered-verse", {"width": 900, "height": 800})
    line = _box(page, ".tk-l[data-n='1.1.5']")
    number = page.evaluate("getComputedStyle(document.querySelector(\".tk-l[data-n='1.1.5']\"), '::before')"
                           ".content")
    assert number == '"1.1.5"'
    assert page.evaluate("document.querySelector(\".tk-l[data-n='1.1.5']\").textContent").startswith("We'd")
    two, three = _box(page, ".tk-pb[data-n='2']"), _box(page, ".tk-pb[data-n='3']")
    assert two["bottom"] <= three["top"] + 0.5  # two pages on one line: stacked, not on top of each other
    assert two["right"] <= line["left"] and three["right"] <= line["left"]  # in the left margin
    page.close()


def test_an_apparatus_mark_leads_to_its_readings_and_back(browser, tmp_path):
    page = _open(browser, tmp_path, "critical-apparatus", {"width": 900, "height": 500})
    mark = page.locator("a.tk-appref").nth(1)
    mark_id, target = mark.get_attribute("id"), mark.get_attribute("href")
    mark.click()
    assert page.evaluate("location.hash") == target and _in_view(page, target[1:])
    assert "brave" in page.locator(target).text_content()
    page.locator(f"{target} a[role=doc-backlink]").click()
    assert page.evaluate("location.hash") == f"#{mark_id}" and _in_view(page, mark_id)
    page.close()


def test_the_list_of_works_fits_a_phone(browser, tmp_path):
    from teikit.build.records import DocumentResult, WorkRecord
    from teikit.build.site import write_pages

    works = [WorkRecord(f"letter-{i}.html", "Lettre de Marthe Vidal à Jules Arnaud, écrite de Lyon le 3 mai 1881",
                        "Marthe Vidal", "1881-05-03", 12, 3, 4) for i in range(3)]
    write_pages(tmp_path, [DocumentResult(f"letter-{i}", "built", title=w.title, page=w.href, works=[w])
                           for i, w in enumerate(works)])
    page = browser.new_page(viewport=PHONE)
    page.goto((tmp_path / "index.html").as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    notes = page.locator("td[data-label='Notes']").first
    box = notes.bounding_box()
    assert notes.is_visible() and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=str(ARTIFACTS / "publish-works-400px.png"), full_page=True)
    page.close()
