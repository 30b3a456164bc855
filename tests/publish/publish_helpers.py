"""Helpers for the publishing tests: running the stylesheets, and the checks the outputs must
pass (HTML5 parsing, internal links, word coverage)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from lxml import etree
from lxml import html as lxml_html

from teikit.ns import TEI
from teikit.publish import TARGETS, compiled
from teikit.xmlio import parse_file

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"

# A word, for coverage: a run of letters (digits and marks the pages add do not count).
_WORD = re.compile(r"[^\W\d_]+")
_NS = {"t": TEI}


def publish(path: Path, target: str, **params: str) -> str:
    """The output of teikit's stylesheet for ``target`` on one TEI file."""
    stylesheet = compiled(TARGETS[target].stylesheet_path)
    return stylesheet.transform(parse_file(path), str(path), {k.replace("_", "-"): v for k, v in params.items()}).text


def html5_errors(page: str) -> list[str]:
    """Parse errors of an HTML5 parser (html5lib, strict): [] for a page that parses cleanly."""
    import html5lib

    parser = html5lib.HTMLParser(strict=False, namespaceHTMLElements=False)
    parser.parse(page)
    return [f"{pos}: {code} {data or ''}" for pos, code, data in parser.errors]


def link_problems(page: str) -> list[str]:
    """Duplicate ids, and internal links (#id) whose target the page does not have."""
    doc = lxml_html.document_fromstring(page)
    ids = Counter(doc.xpath("//@id"))
    problems = [f"duplicate id {i!r}" for i, n in ids.items() if n > 1]
    problems += [f"link to missing #{h[1:]}" for h in doc.xpath("//a/@href")
                 if h.startswith("#") and h[1:] not in ids]
    return problems


# Elements that end a word wherever they stand: blocks, line breaks (a page or a text puts
# white space there even when the TEI has none).
BLOCKS = ("p", "ab", "l", "lg", "head", "item", "list", "sp", "speaker", "table", "row", "cell",
          "div", "div1", "div2", "div3", "div4", "div5", "div6", "div7", "lb")
# ...and, in a page, what it moves or shows apart: notes (footnotes) and the readings of a choice.
HTML_SEPARATED = BLOCKS + ("note", "sic", "corr", "orig", "reg", "abbr", "expan")


def tei_words(path: Path, separated: tuple[str, ...] = BLOCKS, drop: str | None = None) -> Counter:
    """The words of a document's text elements, an element named in ``separated`` standing
    apart from the words around it; elements matched by the XPath ``drop`` are left out."""
    root = parse_file(path).getroot()
    dropped = set(root.xpath(drop, namespaces=_NS)) if drop else set()
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if element in dropped or not isinstance(element.tag, str):
            return
        apart = etree.QName(element).localname in separated
        parts.append(" " if apart else "")
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")
        parts.append(" " if apart else "")

    for text in root.xpath("//t:text[not(ancestor::t:text)]", namespaces=_NS):
        walk(text)
        parts.append(" ")
    return Counter(_WORD.findall("".join(parts)))


# HTML elements that stand apart from the words around them.
_HTML_BLOCKS = ("p", "div", "section", "article", "aside", "header", "nav", "main", "li", "dt", "dd",
                "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "figcaption", "table",
                "tr", "td", "th", "caption", "br", "hr")


def html_words(page: str) -> Counter:
    """The words of an HTML page's body, blocks (and spans shown as blocks) apart; an image's
    alternative text (a figure's description) counts as the words of the page it is."""
    body = lxml_html.document_fromstring(page).body
    for element in body.iter():
        if element.tag == "img":
            element.text = " " + element.get("alt", "") + " "
        if element.tag in _HTML_BLOCKS or "tk-block" in (element.get("class") or "").split():
            element.text = " " + (element.text or "")
            element.tail = " " + (element.tail or "")
    return Counter(_WORD.findall(body.text_content()))


def text_words(text: str) -> Counter:
    return Counter(_WORD.findall(text))


def missing_words(expected: Counter, actual: Counter) -> Counter:
    return expected - actual


def publish_string(tei: str, target: str, **params: str) -> str:
    """The output of teikit's stylesheet for ``target`` on a TEI document given as a string."""
    from teikit.xmlio import parse_bytes

    stylesheet = compiled(TARGETS[target].stylesheet_path)
    return stylesheet.transform(parse_bytes("test.xml", tei.encode("utf-8")), "test.xml",
                                {k.replace("_", "-"): v for k, v in params.items()}).text
