"""The committed sample editions carry what issue 4 asks for: typed quotations, the editor's
corrections and notes (ETOL explained), the French page chrome marked."""

from __future__ import annotations

from lxml import etree

from conftest import ROOT
from helpers import NS

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def edition(stem: str) -> etree._Element:
    return etree.parse(str(ROOT / "tei" / f"{stem}.xml")).getroot()


def test_the_page_of_two_works():
    root = edition("001_6cfbcb76526a9a85")
    tags = {e.tag.split("}")[1] for e in root.iterfind(".//t:text//*", NS)}
    assert {"said", "quote", "soCalled", "q", "bibl"} <= tags
    assert root.find(".//t:said[@who]", NS) is not None
    corrections = {(c.find("t:sic", NS).text, c.find("t:corr", NS).text) for c in root.iterfind(".//t:choice", NS)
                   if c.find("t:sic", NS) is not None}
    assert {("hanger-strikers", "hunger-strikers"), ("coarse", "course"), ("theBolshevik", "the Bolshevik")} \
        <= corrections
    notes = [n.text for n in root.iterfind(".//t:text//t:note[@subtype='added']", NS)]
    assert any(n.startswith("ETOL: the Encyclopaedia of Trotskyism On-Line") for n in notes)
    assert any("Kakhiani" in n for n in notes)
    # the source's own note stays where the reader put it, typed and signed
    etol = root.find(".//t:back/t:div[@type='notes']/t:note[@type='editorial']", NS)
    assert etol is not None and etol.get("resp")
    french = [d.get("type") for d in root.iterfind(".//t:div", NS) if d.get(XML_LANG) == "fr"]
    assert {"breadcrumb", "posting", "commentForm"} <= set(french)


def test_the_single_article():
    root = edition("000_c13e9c14db7b3e72")
    quote = root.find(".//t:quote[@source]", NS)
    assert quote is not None and quote.text.startswith("“By means of persecutions")
    assert root.find(".//t:sourceDesc//t:ptr", NS).get("target").startswith("https://www.marxists.org/")
