"""The HTML page: golden files, valid HTML5, links, and what the issue asks a page to show."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from conftest import check_golden
from publish_docs import DOCUMENTS, FIXTURES, HERE
from publish_helpers import html5_errors, link_problems, publish

ARTICLE = HERE / "fixtures" / "article-teikit-shape.xml"
CORPUS = HERE / "fixtures" / "corpus-nested-structures.xml"


def page(path=ARTICLE, **params):
    return lxml_html.document_fromstring(publish(path, "html", **params))


def _register(path) -> dict[str, str]:
    """The samples' register, as teikit html and the build give it to the samples' pages."""
    from conftest import ROOT
    from teikit.authority.register import project_register_text

    if path.parent.resolve() != (ROOT / "tei").resolve():
        return {}
    return {"register": project_register_text([ROOT / "authority"], ROOT / "authority")}


@pytest.mark.parametrize("path", DOCUMENTS)
def test_golden_html(path, accept):
    # css=link keeps the golden files about the page, not the style sheet
    check_golden(HERE / "golden" / f"{path.stem}.html", publish(path, "html", css="link", **_register(path)),
                 accept)


@pytest.mark.parametrize("path", DOCUMENTS)
def test_page_is_html5_with_every_internal_link_resolved(path):
    text = publish(path, "html")
    assert text.startswith("<!DOCTYPE HTML>")
    assert html5_errors(text) == []
    assert link_problems(text) == []


def test_the_fixtures_exist():
    assert {p.name for p in FIXTURES} >= {"article-teikit-shape.xml", "corpus-nested-structures.xml"}


def test_title_and_title_block_come_from_the_header():
    doc = page()
    assert doc.findtext(".//title") == "Increasing Oppression the Path of Bureaucracy"
    block = doc.find(".//header[@class='tk-title-block']")
    labels = [dt.text_content() for dt in block.iter("dt")]
    assert labels == ["Author", "Date", "First published", "Source", "Transcription/HTML Markup",
                      "TEI encoding", "Licence"]
    assert block.find(".//h1").text_content() == "Increasing Oppression the Path of Bureaucracy"
    assert block.xpath(".//a[@href='https://creativecommons.org/licenses/by-sa/4.0/']")


def test_contents_list_the_division_headings():
    doc = page()
    entries = doc.xpath("//nav[@class='tk-toc']//a")
    assert [a.text_content() for a in entries] == ["A Remarkable Document", "The Bolsheviks in Prison"]
    for a in entries:
        assert doc.xpath(f"//section[@id='{a.get('href')[1:]}']/h2")


def test_footnotes_link_both_ways():
    doc = page()
    ref = doc.xpath("//a[@role='doc-noteref'][@href='#tk-fn-1']")[0]
    note = doc.get_element_by_id("tk-fn-1")
    assert note.tag == "aside" and note.get("role") == "doc-footnote"
    back = note.xpath(".//a[@role='doc-backlink']")[0]
    assert back.get("href") == "#" + ref.get("id")
    assert "Editor’s note" in note.text_content()  # the edition's added note says so


def test_source_note_anchor_and_back_note_link_both_ways():
    doc = page()
    anchor = doc.get_element_by_id("anchor-1")
    assert anchor.get("role") == "doc-noteref" and anchor.text_content() == "[1]"
    note = doc.get_element_by_id(anchor.get("href")[1:])
    assert note.get("role") == "doc-footnote"
    assert note.xpath(".//a[@role='doc-backlink']/@href") == ["#anchor-1"]
    # a note that came with the source stays where it stands, in the back
    assert note.xpath("ancestor::div[contains(@class, 'tk-back')]")


def test_names_link_to_an_index_that_links_on_to_authorities():
    doc = page()
    stalin = doc.xpath("//a[contains(@class, 'tk-persName')][.='Stalin']")[0]
    entry = doc.get_element_by_id(stalin.get("href")[1:])
    assert entry.xpath("ancestor::section[@class='tk-index-persons']")
    assert entry.xpath(".//a/@href")[:2] == ["https://www.wikidata.org/wiki/Q855", "https://viaf.org/viaf/101787139"]
    assert f"#{stalin.get('id')}" in entry.xpath(".//a[@class='tk-backlink']/@href")
    moscow = doc.xpath("//a[contains(@class, 'tk-placeName')][.='Moscow']")[0]
    assert "https://www.geonames.org/524901" in doc.get_element_by_id(moscow.get("href")[1:]).xpath(".//a/@href")
    assert doc.xpath("//section[@class='tk-index-orgs']//span[.='Communist International']")


def test_names_without_index_are_not_links():
    doc = page(index="false")
    assert not doc.xpath("//a[contains(@class, 'tk-name')]")
    assert not doc.xpath("//section[@class='tk-index']")
    assert doc.xpath("//span[contains(@class, 'tk-persName')][.='Stalin']")


def _said(doc, text):
    return [s for s in doc.xpath("//span[contains(@class, 'tk-q') or contains(@class, 'tk-said') "
                                 "or contains(@class, 'tk-soCalled') or contains(@class, 'tk-quote')]")
            if s.text_content().strip("“”‘’„“ ").startswith(text)][0]


def test_quotation_marks_are_supplied_alternating_and_never_doubled():
    doc = page(CORPUS)
    outer = _said(doc, "he told me")
    assert outer.text_content() == "“he told me ‘they asked “why” twice’ at noon”"
    assert _said(doc, "friend").text_content() == "“friend”"
    assert _said(doc, "Closed").text_content() == "“Closed”"  # its own marks, not doubled
    assert _said(doc, "komm").text_content() == "„komm“"  # the text's language decides


def test_a_quotation_across_paragraphs_opens_once_and_closes_once():
    doc = page(CORPUS)
    first, second = doc.get_element_by_id("s1"), doc.get_element_by_id("s2")
    assert first.text_content() == "“the first half,"
    assert second.text_content() == "and the second.”"


def test_a_quotation_carrying_its_marks_across_paragraphs_is_shown_as_it_is():
    doc = page()
    assert doc.get_element_by_id("said-1").text_content().count("“") == 1
    assert doc.get_element_by_id("said-2").text_content().endswith("’”")


def test_block_quotation_is_a_blockquote_with_its_source():
    doc = page()
    figure = doc.xpath("//figure[contains(@class, 'tk-cit')]")[0]
    assert figure.findtext("blockquote").startswith("“Every cook")
    assert figure.find("figcaption").text_content() == "Lenin, Collected Works"


@pytest.mark.parametrize("reading, shown, other", [("corr", "hunger-strikers", "hanger-strikers"),
                                                    ("sic", "hanger-strikers", "hunger-strikers")])
def test_choice_shows_one_reading_and_keeps_the_other_for_hover_and_print(reading, shown, other):
    doc = page(reading=reading)
    choice = doc.xpath("//span[contains(@class, 'tk-choice')]")[0]
    assert choice.xpath("string(span[@class='tk-reading'])") == shown
    assert choice.xpath("string(span[@class='tk-alt'])") == f" [{other}]"
    assert other in choice.get("title") and choice.get("tabindex") == "0"
    print_rules = publish(ARTICLE, "html").split("@media print", 1)[1]
    assert ".tk-choice .tk-alt { display: inline; }" in print_rules


def test_languages_become_lang_attributes():
    doc = page()
    assert doc.get("lang") == "en"
    assert doc.xpath("//span[@lang='ru'][contains(@class, 'tk-foreign')]/text()") == ["tovarishch"]
    assert page(CORPUS).xpath("//article[@id='second']/@lang") == ["de"]


def test_blocks_inside_running_text_stay_valid_html():
    doc = page(CORPUS)
    paragraph = doc.xpath("//p[starts-with(., 'Verse in a paragraph')]")[0]
    assert paragraph.xpath(".//span[contains(@class, 'tk-l')][contains(@class, 'tk-block')]")
    assert paragraph.xpath(".//span[contains(@class, 'tk-item')]")
    # a note inside a name: the name cannot be a link holding a link, the index still finds it
    jane = doc.xpath("//span[contains(@class, 'tk-persName')][starts-with(., 'Jane')]")[0]
    assert jane.xpath("a[@role='doc-noteref']") and jane.get("id")


def test_unknown_and_foreign_elements_keep_their_content():
    text = page(CORPUS).text_content()
    for words in ("unknown content", "foreign element", "supplied"):
        assert words in text


def test_page_numbers_go_to_the_margin_not_into_the_text():
    doc = page(CORPUS)
    pb = doc.xpath("//span[contains(@class, 'tk-pb')][@data-n='2']")[0]
    assert pb.text_content() == "" and pb.get("title") == "Page 2"


def test_css_is_inlined_by_default_or_linked():
    inline = page()
    assert ".tk-choice" in inline.findtext(".//style")
    linked = page(css="link", css_href="site.css")
    assert linked.xpath("//link[@rel='stylesheet']/@href") == ["site.css"] and linked.find(".//style") is None
