"""The plain text: golden files, the round trip to the reading text, and each parameter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import check_golden
from publish_docs import DOCUMENTS, HERE, SAMPLES
from publish_helpers import publish, publish_string
from teikit.reading import reading_text
from teikit.textio import comparable
from teikit.xmlio import parse_file

ARTICLE = HERE / "fixtures" / "article-teikit-shape.xml"
CORPUS = HERE / "fixtures" / "corpus-nested-structures.xml"
# The parameters under which the text is the reading text (text_params.xsl says why).
ROUND_TRIP = {"reading": "sic", "notes": "omit", "header": "omit", "apparatus": "in-place"}


@pytest.mark.parametrize("path", DOCUMENTS)
def test_golden_text(path, accept):
    check_golden(HERE / "golden" / f"{path.stem}.txt", publish(path, "text"), accept)


@pytest.mark.parametrize("path", DOCUMENTS)
@pytest.mark.parametrize("width", ["0", "72"])
def test_round_trip_gives_back_the_reading_text(path, width):
    text = publish(path, "text", width=width, **ROUND_TRIP)
    expected = reading_text(parse_file(path).getroot())
    if path in SAMPLES:  # teikit's own TEI: the text it converted, up to collapsed white space
        assert comparable(text) == comparable(expected)
    else:  # TEI of any shape: white space may be added where blocks, notes and breaks stand apart
        assert re.sub(r"\s+", "", text) == re.sub(r"\s+", "", expected)


def test_reading_chooses_corrections_or_the_source():
    corr, sic = publish(ARTICLE, "text", width="0"), publish(ARTICLE, "text", width="0", reading="sic")
    assert "We were all hunger-strikers" in corr and "The fate of the mechanic" in corr
    assert "The Bolsheviks in Prison" in corr
    assert "We were all hanger-strikers" in sic and "The fate off the mechanic" in sic
    assert "The Bolsheviki in Prison" in sic


def test_reading_corr_supplies_marks_and_editorial_signs_that_sic_leaves_out():
    corr = publish(CORPUS, "text", width="0")
    sic = publish(CORPUS, "text", width="0", reading="sic")
    assert "She said “he told me ‘they asked “why” twice’ at noon” and left." in corr
    assert "She said he told me they asked why twice at noon and left." in sic
    assert "[…] and [supplied]" in corr and "red,  and ," not in sic
    assert "red, and , foreign" in comparable(sic)


@pytest.mark.parametrize("notes, expected", [
    ("endnotes", "the officers.[1]"),
    ("inline", "the officers.[The telegram is not preserved in the archive.]"),
    ("omit", "the officers.\n"),
])
def test_the_editions_notes_as_endnotes_inline_or_omitted(notes, expected):
    text = publish(ARTICLE, "text", width="0", notes=notes)
    assert expected in text
    endnote = "[1] Editor’s note, teikit: The telegram is not preserved in the archive."
    assert (endnote in text) == (notes == "endnotes")
    assert text.count("The telegram") == (0 if notes == "omit" else 1)


def test_source_notes_stay_in_place_unless_asked_to_move():
    in_place = publish(CORPUS, "text", width="0")
    # read where it stands, set off by white space from the words around it
    assert "A name with a note: Jane Her full name is unknown. Doe," in in_place
    moved = publish(CORPUS, "text", width="0", source_notes="endnotes")
    assert "A name with a note: Jane[1] Doe," in moved
    # after its own text, before the next one
    assert moved.index("Styled, spaced") < moved.index("Notes\n\n[1] Her full name is unknown.") \
        < moved.index("Der zweite Text")


def test_header_as_a_title_block_or_omitted():
    block = publish(ARTICLE, "text", width="0")
    assert block.startswith("Increasing Oppression the Path of Bureaucracy\nAn Analysis of the Revelations of Tarov\n\n"
                            "Author: L. Trotsky\nDate: 6 September 1935\n"
                            "First published: New Militant, Vol. 1 No. 45, 2 November 1935, pp. 7 & 8.\n")
    assert "Licence: Creative Commons (Share & Attribute) <https://creativecommons.org/licenses/by-sa/4.0/>" in block
    assert publish(ARTICLE, "text", header="omit").startswith("L. Trotsky\n\nIncreasing Oppression")


def test_a_corpus_gives_each_text_its_own_title_block():
    text = publish(CORPUS, "text")
    assert text.index("Two Test Texts") < text.index("The First Text\n\nAuthor: Anne Author") \
        < text.index("Der zweite Text\n\nSource: Von Hand.")


def test_speeches_verse_and_lists_keep_their_lines():
    text = publish(CORPUS, "text")
    assert "ANNA.\nEr sagte „komm“ (lacht) und ging.\n\nEin Vers." in text
    assert "First line,\nsecond line." in text
    assert "  one\n  two" in text


WORDS = st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(words=st.lists(WORDS, min_size=1, max_size=80), width=st.integers(min_value=20, max_value=100))
def test_wrapping_keeps_every_word_and_the_width(words, width):
    paragraph = " ".join(words)
    tei = (f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body><p>{paragraph}</p>'
           f"</body></text></TEI>")
    text = publish_string(tei, "text", width=str(width), header="omit")
    assert comparable(text) == comparable(paragraph)
    for line in text.splitlines():
        assert len(line) <= width or " " not in line
