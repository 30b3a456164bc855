"""The reader's structure on constructed inputs: one test per structure issue 2 names.

Assertions are on the TEI a user gets (XPath), so they hold whatever the formatting.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from helpers import NS, tei_tree

CASES = Path(__file__).parent / "cases"


def xp(root, path: str):
    return root.xpath(path, namespaces=NS)


def text_of(root, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in xp(root, path)]


ARTICLE = """L. Trotsky

Increasing Oppression
the Path of Bureaucracy

Leon Trotsky Analyses the Revelations of the Bolshevik Tarov

(6 September 1935)

Written: September 6, 1935.
First Published: New Militant, Vol. 1 No. 45, 2 November 1935, pp. 7 & 8.
Transcription/HTML Markup: Einde O’Callaghan.
Copyleft: Leon Trotsky Internet Archive (www.marxists.org) 2018. Creative Commons (Share & Attribute).

We have a remarkable document in the letter of comrade Tarov, one of the Soviet Bolshevik-Leninists, a mechanic who of necessity finds himself today outside the Soviet Union.
Tarov’s Mistake

But then came a new thunderclap from the blue: Hitler came to power in Germany. The policy of the Communist International had cleared the road for him.

Is This the End ?

No, the proletariat will find a large enough broom, and we shall assist them in every way we can.

September 6, 1935

L.T.

Last updated on: 6 February 2018
"""


@pytest.fixture(scope="module")
def article():
    return tei_tree(ARTICLE, "article")


def test_title_block_goes_to_front(article):
    page = "//t:text/t:front/t:titlePage"
    assert text_of(article, f"{page}/t:docAuthor") == ["L. Trotsky"]
    assert text_of(article, f"{page}/t:docTitle/t:titlePart[@type='main']") == [
        "Increasing Oppression the Path of Bureaucracy"]
    assert len(xp(article, f"{page}/t:docTitle/t:titlePart/t:lb")) == 1  # the title's line break is kept
    assert text_of(article, f"{page}/t:byline") == ["Leon Trotsky Analyses the Revelations of the Bolshevik Tarov"]
    assert xp(article, f"string({page}/t:docDate/@when)") == "1935-09-06"


def test_header_copies_what_the_text_states(article):
    header = "/t:TEI/t:teiHeader/t:fileDesc"
    assert text_of(article, f"{header}/t:titleStmt/t:title[@type='main']") == [
        "Increasing Oppression the Path of Bureaucracy"]
    assert text_of(article, f"{header}/t:titleStmt/t:author") == ["L. Trotsky"]
    assert "Einde O’Callaghan" in text_of(article, f"{header}/t:titleStmt/t:respStmt/t:name")
    assert text_of(article, f"{header}/t:publicationStmt/t:availability/t:licence") == [
        "Copyleft: Leon Trotsky Internet Archive (www.marxists.org) 2018. Creative Commons (Share & Attribute)."]
    bibl = f"{header}/t:sourceDesc/t:bibl[@type='firstPublication']"
    assert text_of(article, f"{bibl}/t:title[@level='j']") == ["New Militant"]
    assert text_of(article, f"{bibl}/t:biblScope[@unit='volume']") == ["1"]
    assert text_of(article, f"{bibl}/t:biblScope[@unit='issue']") == ["45"]
    assert text_of(article, f"{bibl}/t:biblScope[@unit='page']") == ["7 & 8"]
    assert xp(article, f"string({bibl}/t:date/@when)") == "1935-11-02"
    assert xp(article, "string(//t:profileDesc/t:creation/t:date/@when)") == "1935-09-06"
    assert xp(article, "string(//t:sourceDesc//t:date[@type='lastUpdated']/@when)") == "2018-02-06"
    assert xp(article, "string(//t:appInfo/t:application/@ident)") == "teikit"


def test_metadata_lines_stay_in_the_text(article):
    labels = text_of(article, "//t:front/t:div[@type='metadata']/t:p/t:label")
    assert labels == ["Written:", "First Published:", "Transcription/HTML Markup:", "Copyleft:"]
    assert text_of(article, "//t:back/t:div[@type='metadata']/t:p") == ["Last updated on: 6 February 2018"]


def test_headings_after_a_paragraph_and_ending_in_question_mark(article):
    assert text_of(article, "//t:body/t:div/t:head") == ["Tarov’s Mistake", "Is This the End ?"]
    assert all(h.get("cert") and h.get("resp") for h in xp(article, "//t:body//t:head"))


def test_closer_with_dateline_and_signature(article):
    closer = "//t:body/t:closer"
    assert xp(article, f"string({closer}/t:dateline/t:date/@when)") == "1935-09-06"
    assert text_of(article, f"{closer}/t:signed") == ["L.T."]


def test_footnote_markers_link_to_their_notes():
    root = tei_tree((CASES / "mia_wrapped_notes.txt").read_text(encoding="utf-8"), "mia")
    refs = xp(root, "//t:body//t:ref[@type='noteAnchor']")
    notes = xp(root, "//t:back/t:div[@type='notes']/t:note")
    assert [r.text for r in refs] == ["[1]", "[2]"]
    assert [n.get("n") for n in notes] == ["1", "2"]
    for ref, note in zip(refs, notes):
        assert ref.get("target") == "#" + note.get("{http://www.w3.org/XML/1998/namespace}id")
        assert note.get("target") == "#" + ref.get("{http://www.w3.org/XML/1998/namespace}id")
    assert not xp(root, "//t:body//t:note")  # notes never mixed into the text
    assert text_of(root, "//t:back/t:div[@type='notes']/t:head") == ["Notes"]


def test_star_marker_and_editorial_note_with_its_author():
    root = tei_tree((CASES / "etol_letter.txt").read_text(encoding="utf-8"), "letter")
    ref = xp(root, "//t:body//t:ref[@type='noteAnchor']")[0]
    note = xp(root, "//t:back//t:note")[0]
    assert ref.text == "*" and note.get("n") == "*"
    assert note.get("type") == "editorial"
    resp = xp(root, f"//t:respStmt[@xml:id='{note.get('resp')[1:]}']/t:name")
    assert [r.text for r in resp] == ["ETOL"]


def test_brackets_without_a_note_stay_plain_text():
    root = tei_tree("A Title\n\n(1935)\n\nHe cites the report [1] and the decree [2] in full, as the reader "
                    "will see from the pages that follow in this long enough paragraph.\n", "plain")
    assert not xp(root, "//t:ref")


def test_letter_opener_and_closer_salutations():
    root = tei_tree((CASES / "etol_letter.txt").read_text(encoding="utf-8"), "letter")
    assert text_of(root, "//t:body/t:opener/t:salute") == ["Dear Comrades,"]
    assert text_of(root, "//t:body/t:closer/t:salute") == ["With comradely greetings,"]
    assert text_of(root, "//t:body/t:closer/t:signed") == ["J.P. Cannon"]
    assert xp(root, "string(//t:body/t:closer/t:dateline/t:date/@when)") == "1940-06-14"
    stated = "//t:sourceDesc/t:bibl[@type='firstPublication']"
    assert text_of(root, f"{stated}/t:title") == ["Fourth International"]
    assert text_of(root, "//t:titleStmt/t:respStmt/t:name")[0] == "Einde O’Callaghan"


def test_several_works_make_a_corpus_with_page_chrome():
    root = tei_tree((CASES / "two_works_page.txt").read_text(encoding="utf-8"), "page")
    assert root.tag.endswith("teiCorpus")
    works = xp(root, "t:TEI")
    assert len(works) == 2
    assert [text_of(w, "t:teiHeader//t:titleStmt/t:title[@type='main']")[0] for w in works] == [
        "The First Article", "A Second Article"]
    assert [text_of(w, "t:teiHeader//t:titleStmt/t:author") for w in works] == [["Karl Example"], ["Anna Sample"]]
    first_front = "t:TEI[1]/t:text/t:front/t:div/@type"
    assert xp(root, first_front) == ["breadcrumb", "pageTitle", "posting"]
    assert xp(root, "t:TEI[2]/t:text/t:back/t:div/@type") == ["commentForm"]
    page = "t:teiHeader//t:sourceDesc/t:bibl[@type='webPage']"
    assert text_of(root, f"{page}/t:title") == ["Two Articles from 1937"]
    assert text_of(root, f"{page}/t:respStmt/t:name") == ["Jane Editor"]
    assert xp(root, f"string({page}/t:date/@when)") == "2021-05-03"
    # the first work's signature is its own, not the second work's author
    assert text_of(root, "t:TEI[1]//t:closer/t:signed") == ["Karl Example"]


def test_hard_wrapped_paragraphs_are_joined_without_line_breaks():
    prose = ("The struggle for this banner must be waged in every country as well, prudently but "
             "unyieldingly, and the historical absurdity of an autocratic bureaucracy will not endure. ") * 3
    text = "A Wrapped Text\n\n(1936)\n\n" + textwrap.fill(prose, 70) + "\n\n" + textwrap.fill(prose, 70) + "\n"
    root = tei_tree(text, "wrapped")
    paragraphs = xp(root, "//t:body/t:p")
    assert len(paragraphs) == 2
    assert not xp(root, "//t:body//t:lb")


def test_short_lines_running_on_are_one_block_not_headings():
    text = ("A Poem Inside\n\n(1820)\n\nSo he said, and every reader of the old songs will remember the lines "
            "that follow here in full, as the reapers sang them:\n\n"
            "The barley bends beneath the wind\nAnd every sheaf stands tall.\n\n"
            "was all the company would sing on the way home, and nobody tired of it.\n")
    root = tei_tree(text, "verse")
    assert not xp(root, "//t:body//t:head")
    assert xp(root, "count(//t:body//t:p[t:lb])") == 1


def test_chapter_label_and_title_are_one_division_with_two_heads():
    root = tei_tree((CASES / "wrapped_chapters.txt").read_text(encoding="utf-8"), "chapters")
    assert text_of(root, "//t:titlePage/t:byline/t:docAuthor") == ["Jack London"]
    divs = xp(root, "//t:body/t:div")
    assert [text_of(d, "t:head") for d in divs] == [["CHAPTER I", "MY EAGLE"], ["CHAPTER II", "CHALLENGES"]]


def test_numbered_notes_glued_markers_and_header_ranges():
    root = tei_tree((CASES / "mia_numbered_notes.txt").read_text(encoding="utf-8"), "lenin")
    assert [r.text for r in xp(root, "//t:body//t:ref[@type='noteAnchor']")] == ["1", "2"]
    assert xp(root, "//t:back//t:note/@n") == ["1", "2"]
    created = xp(root, "//t:profileDesc/t:creation/t:date")[0]
    assert (created.get("from"), created.get("to")) == ("1901", "1902-02")
    assert xp(root, "string(//t:bibl[@type='firstPublication']/t:date/@when)") == "1902-03"
    assert not xp(root, "//t:bibl[@type='firstPublication']/t:title")  # "As a separate work" is no title
    # "Transcription\\Markup: A, B and C": one respStmt a role, each with the three names
    for role in ("transcription", "mark-up"):
        names = text_of(root, f"//t:titleStmt/t:respStmt[t:resp='{role}']/t:name")
        assert names == ["Tim Delaney", "Robert Cymbala", "David Walters"]
    assert text_of(root, "//t:titleStmt/t:respStmt[t:resp='translation']/t:name") == ["Joe Fineberg", "George Hanna"]
    assert text_of(root, "//t:body/t:closer/t:signed") == ["N. Lenin"]


def test_letter_with_place_and_date_line_symbol_note_and_closing_salute():
    root = tei_tree((CASES / "wrapped_letter_symbol_note.txt").read_text(encoding="utf-8"), "letter")
    page = "//t:text/t:front/t:titlePage"
    # "Place, date" in the title block is the document's date
    assert text_of(root, f"{page}/t:docDate") == ["Glasgow, March 3, 1871"]
    assert xp(root, f"string({page}/t:docDate/@when)") == "1871-03-03"
    assert text_of(root, f"{page}/t:docTitle/t:titlePart") == ["Letter to the Weavers' Committee"]
    # the closing salute and the signature close the letter; the note under it is a note
    assert text_of(root, "//t:body/t:closer/t:salute") == ["I remain, with every good wish,"]
    assert text_of(root, "//t:body/t:closer/t:signed") == ["Jenny Marchbank"]
    assert not xp(root, "//t:body//t:head")
    (note,) = xp(root, "//t:back//t:note")
    assert xp(root, "string(//t:body//t:ref[@type='noteAnchor']/@target)") == f"#{note.get('{http://www.w3.org/XML/1998/namespace}id')}"
    assert note.get("n") == "*"


@pytest.mark.parametrize("line, when", [
    ("Paris, le 28 août 1936.", "1936-08-28"),
    ("Berlin, den 5. Mai 1920", "1920-05-05"),
    ("Coyoacán, 20 August 1940", "1940-08-20"),
])
def test_closing_dateline_with_the_languages_article(line, when):
    text = (f"A Title\n\n(1936)\n\nThe first paragraph of the article says enough to be prose, and goes on.\n\n"
            f"The second paragraph says more, as paragraphs do, and ends here.\n\n{line}\n\nV. S.\n")
    root = tei_tree(text, "dated")
    assert text_of(root, "//t:closer/t:dateline") == [line]
    assert xp(root, "string(//t:closer/t:dateline//t:date/@when)") == when


def test_chapter_headings_and_not_lines_of_dialogue_or_verse():
    root = tei_tree((CASES / "chapters_with_dialogue_lines.txt").read_text(encoding="utf-8"), "tale")
    assert text_of(root, "//t:body//t:head") == [
        "CHAPTER I. The Arrival", "CHAPTER II. The Departure", "“What Is To Be Done?”"]


def test_notes_above_the_sites_footer_navigation():
    root = tei_tree((CASES / "mia_speech_with_footer_nav.txt").read_text(encoding="utf-8"), "speech")
    (note,) = xp(root, "//t:back/t:div[@type='notes']/t:note")
    assert xp(root, "string(//t:body//t:ref[@type='noteAnchor']/@target)") == "#" + note.get(
        "{http://www.w3.org/XML/1998/namespace}id")
    assert text_of(root, "//t:back/t:div[@type='pageFooter']/t:p") == [
        "Top of the page", "Lenin Internet Archive | Works Index"]
    assert text_of(root, "//t:body//t:head") == ["What is to be done?"]


def test_two_works_titled_like_replies_and_one_notes_block_at_the_page_end():
    root = tei_tree((CASES / "two_works_notes_at_page_end.txt").read_text(encoding="utf-8"), "page")
    works = xp(root, "/t:teiCorpus/t:TEI")
    assert len(works) == 2
    # "A Reply to Our Critics" is a title, not a comment form's "Reply"
    assert text_of(works[1], "t:text/t:front//t:titlePart") == ["A Reply to Our Critics"]
    assert text_of(works[1], "t:text/t:front//t:docAuthor") == ["James P. Cannon"]
    # the note above the comment form is a note, and it answers the first work's marker
    (note,) = xp(root, "//t:note[@place='end']")
    (ref,) = xp(works[0], ".//t:ref[@type='noteAnchor']")
    assert ref.get("target") == "#" + note.get("{http://www.w3.org/XML/1998/namespace}id")
    assert note.get("target") == "#" + ref.get("{http://www.w3.org/XML/1998/namespace}id")
    assert text_of(root, "//t:div[@type='commentForm']/t:p") == [
        "Leave a comment", "Your email address will not be published. Required fields are marked *"]


def test_a_season_date_line_in_the_title_block_is_the_documents_date():
    root = tei_tree("Joseph Hansen\n\nThe Abern Clique\n\n(Summer 1940)\n\nThe first paragraph is prose enough, "
                    "and it goes on for a while as paragraphs do.\n", "season")
    assert xp(root, "string(//t:titlePage/t:docDate/@when)") == "1940"


def test_interview_turns_and_an_epigraphs_attribution_are_not_headings():
    root = tei_tree((CASES / "interview_with_epigraph.txt").read_text(encoding="utf-8"), "interview")
    assert not xp(root, "//t:body//t:head")
    paragraphs = text_of(root, "//t:body/t:p")
    assert "— Karl Marx" in paragraphs and "Question: Do you fear for his life?" in paragraphs
    assert not xp(root, "//t:body//t:said[contains(., 'Karl Marx')]")  # an attribution, not a turn of dialogue
    assert text_of(root, "//t:front//t:label[.='Transcription:']/..//t:persName") == ["Sally Ryan"]


def test_a_table_of_contents_goes_to_the_front_and_the_chapters_to_the_body():
    root = tei_tree((CASES / "contents_then_chapters.txt").read_text(encoding="utf-8"), "toc")
    contents = "//t:front/t:div[@type='contents']"
    assert text_of(root, f"{contents}/t:head") == ["Contents"]
    assert text_of(root, f"{contents}/t:p") == [
        "I. The Conquest of Political Power", "II. Prophecies of Revolution", "III. Growing into the Future State"]
    assert text_of(root, "//t:body/t:div/t:head") == [
        "I. The Conquest of Political Power", "II. Prophecies of Revolution", "III. Growing into the Future State"]


def test_a_french_page_sentence_case_title_translator_line_and_chrome():
    root = tei_tree((CASES / "fr_sentence_case_title_chrome.txt").read_text(encoding="utf-8"), "fr")
    page = "//t:front/t:titlePage"
    assert text_of(root, f"{page}/t:docAuthor") == ["Léon Trotsky"]
    assert text_of(root, f"{page}/t:docTitle/t:titlePart[@type='main']") == ["La révolution trahie"]
    assert text_of(root, f"{page}/t:docTitle/t:titlePart[@type='sub']") == ["Extraits du chapitre XI"]
    assert text_of(root, "//t:front/t:div[@type='metadata']/t:p") == ["Traduit du russe par Victor Serge."]
    # the breadcrumb's "›" separators are no closing quotation marks
    assert not xp(root, "//t:div[@type='breadcrumb']//t:said")


def test_editors_note_before_the_text_navigation_lines_and_a_place_under_the_signature():
    root = tei_tree((CASES / "etol_note_first_nav_and_place_signature.txt").read_text(encoding="utf-8"), "etol")
    assert len(xp(root, "/t:TEI")) == 1  # the signature and its place open no second work
    assert text_of(root, "//t:front/t:div[@type='pageHeader']/t:p") == [
        "Leon Trotsky Internet Archive | ETOL Main Page"]
    assert text_of(root, "//t:titlePage/t:docTitle/t:titlePart") == ["On the Eve of a New Congress"]
    (note,) = xp(root, "//t:front/t:div[@type='notes']/t:note")
    assert note.get("type") == "editorial" and note.get("place") == "top"
    assert text_of(root, "//t:body/t:closer/t:signed") == ["Leon Trotsky"]
    assert text_of(root, "//t:body/t:closer/t:dateline") == ["Coyoacán, D.F."]
    assert xp(root, "count(//t:back/t:div[@type='notes']/t:note)") == 1
    assert text_of(root, "//t:back/t:div[@type='pageFooter']/t:p") == [
        "Top of page", "Main LTIA Index | Home Page | ETOL Main Page"]
    assert text_of(root, "//t:back/t:div[@type='metadata']/t:p") == ["Last updated on: 3 March 2020"]


def test_a_numbered_list_of_sentences_is_no_run_of_headings():
    root = tei_tree("A. Organiser\n\nOur Demands\n\n(1 May 1920)\n\nThe conference adopted the following demands "
                    "after a long debate, and sent them to every branch.\n\n1. The eight-hour day in every industry.\n"
                    "2. The right to organise without interference.\n3. Equal pay for women workers.\n\n"
                    "These demands are modest. They can be won if the branches stand together.\n", "list")
    assert not xp(root, "//t:body//t:head")
    assert any(p.startswith("1. The eight-hour day") for p in text_of(root, "//t:body/t:p"))


def test_a_websites_name_above_the_title_is_the_sites_chrome_not_the_author():
    root = tei_tree((CASES / "site_name_above_title.txt").read_text(encoding="utf-8"), "site")
    assert text_of(root, "//t:front/t:div[@type='pageHeader']/t:p") == ["Labour History Archive"]
    assert text_of(root, "//t:titlePage/t:docTitle/t:titlePart[@type='main']") == [
        "The Dockers and the Eight-Hour Day"]
    assert "Labour History Archive" not in text_of(root, "//t:titlePage/t:docAuthor")


@pytest.mark.parametrize("number", ["²", "³.", "٣"])
def test_a_line_of_a_digit_that_is_no_decimal_number_is_kept_as_text(number):
    """Superscript digits are digits to Python but no number a section is counted by; other scripts' decimal
    digits are."""
    root = tei_tree(f"A first paragraph of the text, long enough to be prose.\n\n{number}\n\nAnd a second one.\n")
    assert number in "".join(root.find(f"{{{NS['t']}}}text").itertext())
