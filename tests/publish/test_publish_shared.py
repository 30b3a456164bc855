"""TEI from other projects (../shared: ELTeC novels, DraCor plays, Digital Mitford sketches)
publishes to HTML and to text without error and without losing a word of its text."""

from __future__ import annotations

import re

import pytest

from conftest import SHARED, shared_path
from publish_helpers import (BLOCKS, HTML_SEPARATED, html5_errors, html_words, link_problems, missing_words,
                             publish, tei_words, text_words)
from teikit.reading import reading_text
from teikit.xmlio import parse_file

SHARED_FILES = sorted(SHARED.glob("corpus/*/*.xml")) + sorted(SHARED.glob("eval/gold/*.xml"))
# A choice's reading the default text (reading=corr) does not show.
NOT_SHOWN_BY_CORR = ("//t:choice/t:*[self::t:sic or self::t:orig or self::t:abbr]"
                     "[../t:corr or ../t:reg or ../t:expan]")


@pytest.fixture(params=SHARED_FILES or [None], ids=lambda p: p.stem if p else "absent")
def shared_file(request):
    if request.param is None:
        shared_path("corpus")  # skips, saying why
    return request.param


def test_html_keeps_every_word_and_is_valid(shared_file):
    page = publish(shared_file, "html")
    assert missing_words(tei_words(shared_file, HTML_SEPARATED), html_words(page)) == {}
    assert html5_errors(page) == []
    assert link_problems(page) == []


def test_text_keeps_every_word_of_the_edited_reading(shared_file):
    text = publish(shared_file, "text", source_notes="endnotes")
    expected = tei_words(shared_file, BLOCKS + ("note",), drop=NOT_SHOWN_BY_CORR)
    assert missing_words(expected, text_words(text)) == {}


def test_text_with_the_round_trip_parameters_is_the_reading_text(shared_file):
    # Foreign TEI need not put white space between its blocks (<l>..</l><p>..</p>), so the
    # comparison ignores white space; every other character must be there, in order.
    text = publish(shared_file, "text", reading="sic", notes="omit", header="omit", apparatus="in-place", width="0")
    expected = reading_text(parse_file(shared_file).getroot())
    assert re.sub(r"\s+", "", text) == re.sub(r"\s+", "", expected)
