"""Other projects' TEI as their readers meet it: a critical apparatus, numbered verse, letters,
figures, facsimiles, word boundaries at breaks, back-matter registers, pointers, labels in the
document's language. Fixtures: invented texts (fixtures/critical-apparatus.xml,
play-numbered-verse.xml, lettre-edition.xml) and small documents written here."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from publish_docs import HERE
from publish_helpers import publish, publish_string

CRITICAL = HERE / "fixtures" / "critical-apparatus.xml"
PLAY = HERE / "fixtures" / "play-numbered-verse.xml"
LETTER = HERE / "fixtures" / "lettre-edition.xml"

HEADER = ("<teiHeader><fileDesc><titleStmt>{titles}</titleStmt><publicationStmt><p>x</p></publicationStmt>"
          "<sourceDesc><p>x</p></sourceDesc></fileDesc>{profile}</teiHeader>")


def tei(body: str, titles: str = "<title>T</title>", profile: str = "", lang: str = "en", back: str = "",
        standoff: str = "") -> str:
    return (f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}">'
            f"{HEADER.format(titles=titles, profile=profile)}{standoff}<text><body>{body}</body>{back}</text></TEI>")


def page(source, **params) -> lxml_html.HtmlElement:
    text = publish_string(source, "html", **params) if isinstance(source, str) else publish(source, "html", **params)
    return lxml_html.document_fromstring(text)


def text_of(source, **params) -> str:
    params.setdefault("width", "0")
    params.setdefault("header", "omit")
    return publish_string(source, "text", **params) if isinstance(source, str) else publish(source, "text", **params)


# -- 1. the critical apparatus ------------------------------------------------------------------------------

def test_the_text_shows_the_lemma_and_the_apparatus_the_readings_with_their_witnesses():
    doc = page(CRITICAL)
    paragraph = doc.xpath("//p[starts-with(., 'The ferryman')]")[0].text_content()
    assert "kept a brightb lantern by the oldc jetty" in paragraph  # lemma and mark, never "bright brave"
    assert "brave" not in paragraph and "Lamp" not in paragraph
    entries = {e.get("id"): " ".join(e.text_content().split()) for e in doc.xpath("//aside[contains(@class, 'tk-app-entry')]")}
    assert entries == {
        "tk-app-1": "a Lantern A] Lamp B C",
        "tk-app-2": "b bright A B] brave C",
        "tk-app-3": "c old A] om. B C",  # an empty reading is an omission
        # no lemma: the first reading is shown; a reading group's readings and the app's note follow
        "tk-app-4": "d river A] water B; rivere C The spelling of C is that of its printer.",
    }


def test_apparatus_marks_and_entries_link_both_ways():
    doc = page(CRITICAL)
    for mark in doc.xpath("//a[contains(@class, 'tk-appref')]"):
        entry = doc.get_element_by_id(mark.get("href")[1:])
        assert mark.get("role") == "doc-noteref" and entry.get("role") == "doc-footnote"
        assert entry.xpath("a[@role='doc-backlink']/@href") == ["#" + mark.get("id")]


def test_headings_titles_and_contents_show_the_lemma_only():
    doc = page(CRITICAL)
    assert doc.xpath("//nav[@class='tk-toc']//a/text()")[0] == "The Lantern Song"
    assert doc.xpath("string(//h2[@class='tk-head'][1])") == "The Lanterna Song"
    # a document titled only by its heading is titled by the heading's lemma
    untitled = tei("<div><head>The <app><lem>Lantern</lem><rdg>Lamp</rdg></app> Song</head><p>x</p></div>",
                   titles="")
    assert page(untitled).findtext(".//title") == "The Lantern Song"


def test_text_apparatus_as_endnotes_or_every_reading_in_place():
    endnotes = text_of(CRITICAL)
    assert "kept a bright[b] lantern by the old[c] jetty" in endnotes
    assert "Apparatus\n\n[a] Lantern A] Lamp B C\n\n[b] bright A B] brave C\n\n[c] old A] om. B C" in endnotes
    in_place = text_of(CRITICAL, apparatus="in-place")
    assert "kept a bright brave lantern by the old jetty" in " ".join(in_place.split())
    assert "Apparatus" not in in_place


def test_the_witnesses_are_listed_in_the_title_block_with_their_sigla():
    block = page(CRITICAL).xpath("//div[@class='tk-meta-witnesses']/dd")[0]
    assert [s.text for s in block.xpath(".//*[@class='tk-siglum' or @class='tk-abbr']")] == ["A", "B", "C"]


# -- 2. verse line numbers ----------------------------------------------------------------------------------

def test_verse_line_numbers_go_to_the_margin_never_into_the_line():
    doc = page(PLAY)
    lines = doc.xpath("//div[contains(@class, 'tk-l')]")
    assert all(not line.text_content()[:1].isdigit() for line in lines)  # no "1.1.5We'd cross"
    numbered = {line.get("data-n"): line.get("data-n-short") for line in lines if line.get("data-n")}
    assert numbered == {"1.1.5": "5", "1.1.10": "10"}  # every fifth line, by default
    every = page(PLAY, line_numbers="1").xpath("//div[contains(@class, 'tk-l')][@data-n]")
    assert len(every) == len(lines) == 10
    assert not page(PLAY, line_numbers="0").xpath("//*[@data-n-short]")
    assert ".tk-l[data-n]::before" in publish(PLAY, "html")


# -- 3. the page's title ------------------------------------------------------------------------------------

def test_a_letter_of_a_series_is_titled_by_its_own_title_not_the_series():
    doc = page(LETTER)
    title = "Lettre de Marthe Vidal à Jules Arnaud, 3 mai 1881"
    assert doc.findtext(".//title") == title and doc.xpath("string(//h1)") == title
    assert doc.xpath("string(//div[@class='tk-meta-series']/dd)") == "Correspondance de la maison Vidal, 1878–1890"


@pytest.mark.parametrize("titles, expected", [
    ('<title type="series">Papers</title><title type="main">Ledger</title>', "Ledger"),
    ('<title level="s">Papers</title><title level="a">Ledger</title>', "Ledger"),
    ('<title level="j">Gazette</title><title>Ledger</title><title type="sub">Kept daily</title>', "Ledger"),
    ('<title>Papers</title><title type="sub">Ledger</title>', "Papers"),
])
def test_the_works_own_title_comes_before_a_series_or_collection_title(titles, expected):
    assert page(tei("<p>x</p>", titles=titles)).findtext(".//title") == expected


def test_a_letter_titled_only_by_its_series_is_named_by_its_correspondents():
    profile = ("<profileDesc><correspDesc><correspAction type='sent'><persName>Ann Wray</persName>"
               "<date when='1850-03-02'>2 March 1850</date></correspAction><correspAction type='received'>"
               "<persName>Tom Hale</persName></correspAction></correspDesc></profileDesc>")
    source = tei("<p>x</p>", titles='<title level="s">Letters of the Wray family</title>', profile=profile)
    assert page(source).findtext(".//title") == "Ann Wray to Tom Hale, 2 March 1850"


# -- 4. notes in the plain text -----------------------------------------------------------------------------

def test_a_source_note_inside_a_sentence_is_set_off_by_white_space():
    source = tei("<p>They heard the verdict<note>The verdict came on a Tuesday.</note> at noon.</p>")
    assert "They heard the verdict The verdict came on a Tuesday. at noon." in text_of(source)
    assert "They heard the verdict[1] at noon." in text_of(source, source_notes="endnotes")


# -- 5. word boundaries --------------------------------------------------------------------------------------

@pytest.mark.parametrize("paragraph, words", [
    ("harbour <pb/> lights", "harbour lights"),        # white space keeps the words apart
    ("harbour<pb/>lights", "harbourlights"),           # none on either side: one word
    ("light<pb break='no'/>house", "lighthouse"),
    ("light\n  <lb break='no'/>house", "lighthouse"),  # inside a word: the white space is layout
    ("harbour<pb break='yes'/>lights", "harbour lights"),
    ("harbour<cb/>lights", "harbourlights"),
    ("harbour <cb/>lights", "harbour lights"),
    ("harbour<space/>lights", "harbour lights"),
])
def test_word_boundaries_at_breaks_and_spaces(paragraph, words):
    source = tei(f"<p>The {paragraph} shone.</p>")
    assert f"The {words} shone." in text_of(source)
    assert f"The {words} shone." in " ".join(page(source).xpath("string(//p[@class='tk-p'])").split())


def test_a_line_break_breaks_the_line_between_words_never_inside_one():
    source = tei("<p>Dear Sir,<lb/>I write.<lb/> The light<lb/>house stands.<lb/></p>")
    assert "Dear Sir,\nI write.\nThe lighthouse stands." in text_of(source)
    paragraph = page(source).xpath("//p[@class='tk-p']")[0]
    assert len(paragraph.xpath(".//br")) == 2  # not inside "lighthouse", not at the paragraph's end


def test_words_among_elements_of_openers_closers_and_notes_stay_inline():
    doc = page(LETTER)
    closer = doc.xpath("//div[@class='tk-closer']")[0]
    assert not closer.xpath(".//div") and closer.xpath("p[@class='tk-signed']")  # the signature stands apart
    assert "Croyez-moi votre toute dévouée, à jamais et sincèrement," in " ".join(closer.text_content().split())
    source = tei("<p>Quoted<note>See <bibl><author>Hale</author>, <title>Ledger</title></bibl>, p. 4.</note>.</p>")
    note = page(source).xpath("//aside[@role='doc-footnote']")[0]
    assert not note.xpath(".//p[contains(@class, 'tk-bibl')]") and "See Hale, Ledger, p. 4." in note.text_content()


# -- 6. figures ----------------------------------------------------------------------------------------------

def test_a_figure_shows_its_image_with_its_description_as_alternative_text():
    figure = page(LETTER).xpath("//figure")[0]
    image = figure.find("img")
    assert image.get("src") == "images/quai.png"
    assert image.get("alt") == "Un croquis à la plume du quai, deux barques amarrées."
    assert figure.findtext("figcaption") == "Le quai" and not figure.xpath(".//p")
    assert page(LETTER, image_base="../tei/").xpath("//img/@src") == ["../tei/images/quai.png"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:image/png;base64,AAAA", "file:///etc/passwd"])
def test_an_image_is_never_loaded_from_another_scheme(url):
    doc = page(tei(f"<figure><graphic url='{url}'/><figDesc>A harbour.</figDesc></figure>"))
    assert not doc.xpath("//img") and "A harbour." in doc.text_content()


# -- 7. page breaks and facsimiles ---------------------------------------------------------------------------

def test_page_numbers_link_to_their_facsimiles():
    doc = page(PLAY)
    first = doc.xpath("//*[contains(@class, 'tk-pb')][@data-n='1']")[0]
    assert first.tag == "a" and first.get("href") == "https://images.example.org/ferry/p1.jpg"
    assert first.get("aria-label") == "Page 1 · Facsimile"
    assert doc.xpath("//*[contains(@class, 'tk-pb')][@data-n='3']")[0].tag == "span"  # no facsimile


# -- 8. back matter and pointers ----------------------------------------------------------------------------

def test_registers_in_the_back_are_lists_of_entries():
    doc = page(CRITICAL)
    alder = doc.get_element_by_id("p-alder")
    assert alder.tag == "li" and alder.getparent().tag == "ul"
    assert " ".join(alder.text_content().split()) == (
        "Alder Wray Old Alder (1790 – 1861) ferryman; Kept the Lowtown ferry for forty years. Wikidata 1")
    assert alder.xpath(".//a[@class='tk-backlink']/@href") == ["#tk-name-1"]  # where the text names him
    jetty = doc.get_element_by_id("pl-jetty")
    assert jetty.xpath("ancestor::li[@id='pl-lowtown']")  # a place inside a place


STANDOFF = ("<standOff><listPerson><person xml:id='alder'><persName>Alder Wray</persName><birth when='1790'/>"
            "<note>Kept the ferry.</note></person><person xml:id='bryn'><persName>Bryn Hale</persName></person>"
            "</listPerson><listEvent><event when='1881'><label>The ferry closes</label></event></listEvent>"
            "<listBibl><head>Sources</head><bibl>Quill, <title>The Ferry</title>, 1899</bibl></listBibl>"
            "<listRelation><relation name='wikidata' active='#alder' passive='http://www.wikidata.org/entity/Q1'/>"
            "</listRelation></standOff>")


def _standoff_section(doc) -> list[str]:
    return [" ".join(e.text_content().split()) for e in doc.xpath("//section[@class='tk-standOff']/*")]


def test_standoff_registers_are_lists_after_the_text_each_under_its_heading():
    doc = page(tei("<p>Met <persName ref='#alder'>Alder</persName> at the jetty.</p>", standoff=STANDOFF))
    # every register with words, the unnamed entries too; a relation made of attributes is no reading
    assert _standoff_section(doc) == ["Registers", "Persons", "Alder Wray (1790) Kept the ferry. 1 Bryn Hale",
                                      "The ferry closes", "Sources Quill, The Ferry, 1899"]
    assert doc.get_element_by_id("alder").xpath(".//a[@class='tk-backlink']/@href") == ["#tk-name-1"]
    assert doc.xpath("//section[@class='tk-standOff']/preceding-sibling::*[1]")[0].get("class") == "tk-text"
    french = page(tei("<p>Rien.</p>", lang="fr", standoff=STANDOFF))
    assert _standoff_section(french)[:2] == ["Registres", "Personnes"]


def test_a_standoff_register_the_index_shows_whole_is_not_repeated():
    named = page(tei("<p><persName ref='#alder'>Alder</persName> and <persName ref='#bryn'>Bryn</persName>.</p>",
                     standoff=STANDOFF))
    assert _standoff_section(named)[:2] == ["Registers", "The ferry closes"]  # the persons are in the index
    assert named.get_element_by_id("tk-idx-alder") is not None
    # without an index, the register is the only place the entries are shown
    unindexed = page(tei("<p><persName ref='#alder'>Alder</persName> and <persName ref='#bryn'>Bryn</persName>.</p>",
                         standoff=STANDOFF), index="false")
    assert _standoff_section(unindexed)[1] == "Persons"


def test_bibliographies_show_their_parts_apart():
    items = page(CRITICAL).xpath("//div[contains(@class, 'tk-listBibl')]//li")
    assert [i.text_content() for i in items] == ["Fenwick, R., Songs of the Hollin Marsh, Lowtown, Jetty Press, 1902",
                                                 "Quill, Ada, The Ferry at Lowtown, 1899"]


def test_a_pointer_shows_what_it_points_at_not_its_address():
    paragraph = page(CRITICAL).xpath("//p[starts-with(., 'See the note')]")[0]
    assert [a.text_content() for a in paragraph.xpath(".//a[contains(@class, 'tk-ptr')]")] == ["1", "The Lantern Song"]


def test_a_cast_group_is_one_list_without_bullets():
    css = publish(PLAY, "html")
    assert ".tk-castList .tk-items { list-style: none;" in css
    group = page(PLAY).xpath("//li[contains(@class, 'tk-castGroup')]")[0]
    assert [li.text_content() for li in group.xpath("ul/li")] == ["BRIN", "COLE", "travellers"]


# -- 9. labels in the document's language ---------------------------------------------------------------------

def test_labels_follow_the_documents_language_or_the_lang_parameter():
    french = page(LETTER)
    assert french.xpath("//div[@class='tk-meta-author']/dt/text()") == ["Auteur"]
    assert french.xpath("//h2[@class='tk-footnotes-title']/text()") == ["Notes"]
    assert french.xpath("//a[@role='doc-backlink']/@aria-label") == ["Retour au texte"]
    german = page(LETTER, lang="de")
    assert german.xpath("//div[@class='tk-meta-author']/dt/text()") == ["Autor"]
    assert german.xpath("//h2[@class='tk-footnotes-title']/text()") == ["Anmerkungen"]
    assert "Source: " in text_of(LETTER, lang="en", header="block")


@pytest.mark.parametrize("lang, contents", [("en", "Contents"), ("fr", "Sommaire"), ("de", "Inhalt"),
                                            ("es", "Contenido"), ("it", "Sommario"), ("ru", "Содержание"),
                                            ("fr-CA", "Sommaire"), ("ger", "Inhalt"), ("la", "Contents")])
def test_every_supported_language_has_its_labels(lang, contents):
    source = tei("<div><head>One</head><p>x</p></div><div><head>Two</head><p>y</p></div>", lang=lang)
    assert page(source).xpath("//nav[@class='tk-toc']/h2/text()") == [contents]


# -- 11. who wrote an editor's note ---------------------------------------------------------------------------

def test_an_editors_note_names_its_editor_not_an_id():
    titles = '<title>T</title><respStmt xml:id="ed"><resp>notes</resp><name>R. Fenwick</name></respStmt>'
    source = tei('<p>Word<note subtype="added" resp="#ed">A note.</note>.</p>', titles=titles)
    assert page(source).xpath("string(//span[@class='tk-note-resp'])") == "Editor’s note, R. Fenwick"
    assert "[1] Editor’s note, R. Fenwick: A note." in text_of(source)
