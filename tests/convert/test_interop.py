"""TEI that other tools read as intended (issue 17): quotation marks declared, the whole text's
language and kind stated in the header, lists that read as data, not as running text.

(The CETEIcean test, which loads the TEI in a browser, is tests/publish/test_ceteicean.py; the
``--split`` output is tested in tests/cli/test_convert_split.py.)
"""

from __future__ import annotations

import re
import textwrap

from lxml import etree

from helpers import NS, convert_string, tei_tree
from teikit.publish import TARGETS, compiled
from teikit.xmlio import parse_bytes

QUOTATIONS = "//t:text//*[self::t:q or self::t:said or self::t:quote or self::t:soCalled]"

# Quotations of every kind the converter writes, each with its marks in the text.
HARBOUR = textwrap.dedent("""\
    The Meeting at the Harbour

    By Anna Lindqvist

    The committee met on Tuesday. Its chairman called the plan “a small step” and the critics called it a “reform” of the old kind, which nobody at the harbour believed.

    “We will not wait,” said Maria Holm, “for anyone to tell us when the boats may sail.”

    The secretary wrote in the minutes that the meeting had been “long, loud and useless”, and the members went home late in the evening.
    """)


def _html(tei: bytes) -> str:
    stylesheet = compiled(TARGETS["html"].stylesheet_path)
    return stylesheet.transform(parse_bytes("test.xml", tei), "test.xml", {}).text


# -- quotation marks ----------------------------------------------------------------------


def test_quotation_marks_are_declared_as_kept_in_the_text():
    root = tei_tree(HARBOUR, "harbour")
    quotation = root.find(".//t:encodingDesc/t:editorialDecl/t:quotation", NS)
    assert quotation is not None and quotation.get("marks") == "all"
    (rendition,) = root.findall(".//t:encodingDesc/t:tagsDecl/t:rendition", NS)
    assert rendition.get("scheme") == "css" and "quotes: none" in rendition.text


def test_every_quotation_points_at_the_declared_rendition_and_keeps_its_marks():
    root = tei_tree(HARBOUR, "harbour")
    rendition_id = root.find(".//t:tagsDecl/t:rendition", NS).get("{http://www.w3.org/XML/1998/namespace}id")
    quotations = root.xpath(QUOTATIONS, namespaces=NS)
    assert len(quotations) >= 4
    for element in quotations:
        assert element.get("rendition") == f"#{rendition_id}"
        text = "".join(element.itertext())
        assert text.startswith("“") and text.rstrip(",.").endswith("”"), text


def test_teikit_html_shows_each_quotation_with_single_marks():
    tei = convert_string(HARBOUR, "harbour").tei
    page = _html(tei)
    body = etree.HTML(page).find(".//main") if etree.HTML(page).find(".//main") is not None \
        else etree.HTML(page).find(".//body")
    shown = "".join(body.itertext())
    for quoted in ("“a small step”", "“reform”", "“We will not wait,”", "“long, loud and useless”"):
        assert shown.count(quoted) == 1, quoted
    assert not re.search("““|””", shown)
    assert shown.count("“") == HARBOUR.count("“")
