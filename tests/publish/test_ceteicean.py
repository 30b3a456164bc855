"""teikit's TEI in a generic renderer: CETEIcean (the TEI Consortium's JavaScript library, npm
package ``CETEIcean``, installed by .ci/run into node_modules/) in headless Chromium, as
test_publish_browser.py drives it.

CETEIcean shows every element of the TEI but the header, with nothing of teikit's: what it shows
is what the TEI itself says. Each quotation must show once (its marks are in the text and declared
so: no renderer adds a second pair), and the lists of persons, places and organisations must not
read as running text after it. Skips, saying why, where node, the package, Chromium or Playwright
is absent.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter

import pytest
from lxml import etree

from browser_fixture import browser  # noqa: F401  (the fixture)
from publish_docs import ROOT, SAMPLES
from teikit.ns import TEI
from teikit.reading import reading_text

CETEI_JS = ROOT / "node_modules" / "CETEIcean" / "dist" / "CETEI.js"
NS = {"t": TEI}
QUOTATIONS = "//t:text//*[self::t:q or self::t:said or self::t:quote or self::t:soCalled]" \
             "[not(ancestor::t:q or ancestor::t:said or ancestor::t:quote or ancestor::t:soCalled)]"
_SPACE = re.compile(r"\s+")


def _plain(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


@pytest.fixture(scope="module")
def ceteicean() -> str:
    if shutil.which("node") is None:
        pytest.skip("node is not installed (.ci/run installs Debian's nodejs and npm)")
    if not CETEI_JS.is_file():
        pytest.skip(f"{CETEI_JS.relative_to(ROOT)} is absent (.ci/run installs the npm package CETEIcean)")
    return CETEI_JS.read_text(encoding="utf-8")


# What a generic stylesheet for CETEIcean does with quotations: the browser's own marks around them.
GENERIC_CSS = """
tei-q::before, tei-quote::before, tei-said::before, tei-socalled::before { content: open-quote; }
tei-q::after, tei-quote::after, tei-said::after, tei-socalled::after { content: close-quote; }
"""


def _rendered(browser, ceteicean: str, tei: bytes) -> dict:
    """What CETEIcean shows of ``tei`` with the generic stylesheet: the visible text of the page and
    of its tei-text elements, each quotation's ``quotes`` (the marks the browser would add), and the
    lists' visible text."""
    page = browser.new_page()
    xml = tei.decode("utf-8").split("?>", 1)[1] if tei.startswith(b"<?xml ") else tei.decode("utf-8")
    page.set_content(f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>{GENERIC_CSS}</style></head>"
                     "<body><div id='tei'></div><tei-q id='control'>control</tei-q>"
                     f"<script>{ceteicean}</script><script>const xml = {json.dumps(xml)};\n"
                     "new CETEI().makeHTML5(xml, data => { document.getElementById('tei').appendChild(data);"
                     " window.teiDone = true; });</script></body></html>")
    page.wait_for_function("window.teiDone === true", timeout=30000)
    shown = page.evaluate("""() => {
        const quotations = '#tei tei-text tei-q, #tei tei-text tei-quote, #tei tei-text tei-said, '
                         + '#tei tei-text tei-socalled';
        return {
          page: document.getElementById('tei').innerText,
          text: Array.from(document.querySelectorAll('tei-text')).map(e => e.innerText).join('\\n'),
          control: getComputedStyle(document.getElementById('control')).quotes,
          quotes: Array.from(document.querySelectorAll(quotations)).map(e => getComputedStyle(e).quotes),
          lists: Array.from(document.querySelectorAll('tei-standoff'))
                      .map(e => getComputedStyle(e).display === 'none' ? '' : e.innerText).join('')};
    }""")
    page.close()
    return shown


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_ceteicean_shows_each_quotation_once_and_no_list_clutter(browser, ceteicean, path):
    data = path.read_bytes()
    root = etree.fromstring(data)
    quotations = root.xpath(QUOTATIONS, namespaces=NS)
    assert quotations, f"{path.name} has no quotation to check"
    shown = _rendered(browser, ceteicean, data)
    page = _plain(shown["page"])
    # the generic stylesheet adds marks where nothing says otherwise (the control) ...
    assert shown["control"] != "none"
    # ... but every quotation of teikit's declares its marks in the text: the browser adds none
    assert len(shown["quotes"]) == len(root.xpath("//t:text//*[self::t:q or self::t:said or self::t:quote"
                                                   " or self::t:soCalled]", namespaces=NS))
    assert set(shown["quotes"]) == {"none"}
    # and each shows its own marks, as often as the TEI's text has it
    written = _plain(" ".join("".join(t.itertext()) for t in root.xpath("//t:text", namespaces=NS)))
    for quoted in {_plain("".join(q.itertext())) for q in quotations}:
        assert page.count(quoted) == written.count(quoted) >= 1, quoted
    for doubled in ("““", "””", "‘‘", "««", "»»"):
        assert page.count(doubled) == written.count(doubled), doubled
    # the lists are not running text: not shown, neither their names nor their notes nor teikit's remarks
    assert shown["lists"] == ""
    for note in root.xpath("//t:standOff//t:note", namespaces=NS):
        assert _plain(note.text or "") not in page
    assert "Recognised in the text" not in page and "no list entry" not in page
    assert _plain(shown["text"]) and len(_plain(shown["text"])) >= 0.9 * len(_plain(reading_text(root)))
