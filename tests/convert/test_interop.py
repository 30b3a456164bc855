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
    (rendition,) = root.xpath("//t:encodingDesc/t:tagsDecl/t:rendition[@xml:id='harbour-marks-in-text']",
                              namespaces=NS)
    assert rendition.get("scheme") == "css" and "quotes: none" in rendition.text


def test_every_quotation_points_at_the_declared_rendition_and_keeps_its_marks():
    root = tei_tree(HARBOUR, "harbour")
    (rendition_id,) = root.xpath("//t:tagsDecl/t:rendition[not(@selector)]/@xml:id", namespaces=NS)
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


# -- the whole text's language --------------------------------------------------------------

# A Russian text (no word lists of teikit's are Russian) with one English paragraph.
RIVER = textwrap.dedent("""\
    Письмо о погоде

    Иван Сергеевич Морозов

    Вчера вечером мы долго сидели у окна и смотрели, как над рекой собираются тяжёлые тучи. Старый паромщик говорил, что такой ветер бывает только раз в десять лет, и что лодки лучше оставить на берегу до утра.

    Утром дождь прекратился, но дорога к деревне превратилась в сплошную грязь. Мы решили подождать ещё один день, прежде чем отправляться в путь, потому что лошади устали и не хотели идти.

    Together with the English visitors we read the newspaper aloud in the evening, and nobody understood the jokes of the other side.
    """)

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def test_a_russian_text_is_russian_in_tei_text_and_langusage():
    root = tei_tree(RIVER, "river")
    assert root.get(XML_LANG) == "ru"
    assert root.find("t:text", NS).get(XML_LANG) == "ru"
    languages = [e.get("ident") for e in root.findall(".//t:profileDesc/t:langUsage/t:language", NS)]
    assert languages == ["ru", "en"]  # the text's own language first, then its passages'
    usage = root.find(".//t:profileDesc/t:langUsage", NS)
    assert usage.get("cert") in ("high", "medium") and usage.get("resp") == "#river-teikit"
    english = [p for p in root.iterfind(".//t:body/t:p", NS) if p.get(XML_LANG) == "en"]
    assert len(english) == 1 and english[0].text.startswith("Together with")


def test_an_english_text_stays_english_and_text_states_it():
    root = tei_tree(HARBOUR, "harbour")
    assert root.get(XML_LANG) == "en" and root.find("t:text", NS).get(XML_LANG) == "en"
    assert [e.get("ident") for e in root.findall(".//t:langUsage/t:language", NS)] == ["en"]


def test_the_text_language_is_traced_and_can_be_switched_off():
    from teikit.convert import ConvertOptions, convert_text
    from teikit.textio import decode

    source = decode("river.txt", RIVER.encode("utf-8"))
    traced = convert_text(source, name="river")
    rules = {f["rule"] for r in traced.trace.records("river.txt") for f in r.get("rules", [])}
    assert "text-language.majority" in rules
    off = convert_text(source, name="river", options=ConvertOptions(without_rules=frozenset({"text-language.majority"})))
    assert etree.fromstring(off.tei).get(XML_LANG) == "en"  # the reader's guess, as before


# -- the kind of text ------------------------------------------------------------------------

LETTER = textwrap.dedent("""\
    Oslo, 3 March 1921

    Dear Comrade Larsen,

    Thank you for your letter of the twelfth, which reached me only yesterday because the post from the north has been slow all winter. I have read your proposals with care and I agree with most of them.

    The meeting should be held in April, when the roads are open again and the delegates from the coast can travel without too much expense.

    Yours fraternally,

    Olav Berg
    """)

SPEECH = textwrap.dedent("""\
    On the Harbour Strike

    Delivered 12 May 1922

    Friends, we have come together tonight because the harbour has been silent for three weeks, and the families of the dockers are beginning to feel the hunger that the owners hoped they would feel.

    We shall not go back to work until the owners agree to the terms that were promised last year, and every one of us knows that this promise was broken.
    """)


def _genre(text: str, name: str) -> list[str]:
    root = tei_tree(text, name)
    keywords = root.findall(".//t:profileDesc/t:textClass/t:keywords", NS)
    for element in keywords:
        assert element.get("cert") and element.get("resp") == f"#{name}-teikit"
    return [t.text for k in keywords for t in k.findall("t:term[@type='genre']", NS)]


def test_text_class_names_what_the_reader_decided():
    assert _genre(LETTER, "letter") == ["letter"]
    assert _genre(SPEECH, "speech") == ["speech"]


def test_a_text_no_rule_classes_gets_no_text_class():
    assert _genre(HARBOUR, "harbour") == []


# -- lists -------------------------------------------------------------------------------------

PERSONS = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="harbour-persons">
 <teiHeader><fileDesc><titleStmt><title>Persons</title></titleStmt>
  <publicationStmt><p>Test list.</p></publicationStmt><sourceDesc><p>Made for the test.</p></sourceDesc>
 </fileDesc></teiHeader>
 <standOff><listPerson>
  <person xml:id="pers-lindqvist"><persName>Anna Lindqvist</persName><birth/><death/>
   <note>Secretary of the harbour committee.</note></person>
 </listPerson></standOff>
</TEI>
"""


def _with_list(tmp_path, text: str, name: str) -> etree._Element:
    from teikit.convert import ConvertOptions, convert_text
    from teikit.textio import decode

    persons = tmp_path / "persons.xml"
    persons.write_text(PERSONS, encoding="utf-8")
    options = ConvertOptions(authority=[persons], output_dir=tmp_path)
    return etree.fromstring(convert_text(decode(f"{name}.txt", text.encode("utf-8")), name=name, options=options).tei)


def test_an_entry_with_no_dates_writes_no_birth_or_death(tmp_path):
    root = _with_list(tmp_path, HARBOUR, "harbour")
    (entry,) = root.xpath("//t:standOff//t:person[starts-with(@corresp, 'persons.xml#')]", namespaces=NS)
    assert entry.find("t:birth", NS) is None and entry.find("t:death", NS) is None
    assert entry.get("evidence") == "external"
    assert entry.findtext("t:note", namespaces=NS) == "Secretary of the harbour committee."  # the list's own


def test_entries_teikit_made_carry_their_status_as_an_attribute_not_as_text():
    root = tei_tree(HARBOUR, "harbour")
    entries = root.xpath("//t:standOff/*/*", namespaces=NS)
    assert entries
    for entry in entries:
        assert entry.get("evidence") in ("internal", "external")
        if entry.get("corresp") is None:  # not from a list: no remark of teikit's among the names
            assert entry.find("t:note", NS) is None
    assert b"Recognised in the text" not in etree.tostring(root)
    # the lists are declared data, not running text, for renderers that apply renditions (CETEIcean)
    (lists,) = root.xpath("//t:tagsDecl/t:rendition[@selector='standOff']", namespaces=NS)
    assert lists.get("scheme") == "css" and lists.text.strip() == "display: none;"
    assert root.find(".//t:editorialDecl/t:interpretation/t:p", NS) is not None


def test_a_text_naming_nobody_declares_no_lists():
    root = tei_tree("A short text about the weather, which was fine all day long and in the evening too.\n",
                    "weather")
    assert root.find("t:standOff", NS) is None
    assert not root.xpath("//t:rendition[@selector]", namespaces=NS)
