"""Property: random nesting and stray quotation marks never lose text and never give
invalid TEI, and every quotation teikit marks starts and ends with a mark, unless it is
speech found without marks, which is never certain."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from helpers import NS, convert_string, tei_all_errors
from teikit.reading import reading_text
from teikit.textio import comparable

MARKS = ["“", "”", "‘", "’", "«", "»", "„", '"', "'", "’’", "``", "‹", "›", "‚"]
WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=8)
TOKEN = st.one_of(WORD, WORD.map(str.capitalize), st.sampled_from(MARKS),
                  st.sampled_from([",", ".", ":", "?", "!", " –", "said", "wrote", "the letter", "I", "Tarov’s",
                                   # dialogue without marks, and lines of verse
                                   "—", ", said she,", "cried he.", "you", "\n", "\nThe hills are green,\n"]),
                  st.tuples(st.sampled_from(MARKS), WORD, st.sampled_from(MARKS)).map("".join))
PARAGRAPH = st.lists(TOKEN, min_size=1, max_size=30).map(" ".join)
# Openers and closers a quotation element may start and end with.
OPENERS = set("“‘«„\"'`»‹‚”’›")
CLOSERS = set("”’»“\"'«›‘‹")


@st.composite
def texts(draw) -> str:
    paragraphs = draw(st.lists(PARAGRAPH, min_size=1, max_size=8))
    return "Prose before.\n\n" + "\n\n".join(paragraphs) + "\n"


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts())
def test_random_marks_lose_nothing_and_stay_valid(text: str, tei_all_rng: Path):
    root = etree.fromstring(convert_string(text, "marks").tei)
    assert comparable(reading_text(root)) == comparable(text)
    assert tei_all_errors(tei_all_rng, root) == []
    for element in root.iterfind(".//t:text//*", NS):
        if element.tag.split("}")[1] not in ("q", "said", "quote", "soCalled"):
            continue
        read = comparable(reading_text_of(element))
        previous = element.getprevious()
        if element.find("t:p", NS) is not None and previous is not None and \
                comparable("".join(previous.itertext())).endswith(":"):
            # a block quotation the paragraph before introduces ("I told him :"); without both its
            # marks, the introduction alone says it is one, and the certainty says so
            marked = read[:1] in OPENERS and read[-1:] in CLOSERS
            assert marked or element.get("cert") in ("low", "medium"), read
            continue
        if read[:1] not in OPENERS and element.get("prev") is None:
            # without marks: speech found by its clause or dashes, or lines of verse set off in prose
            verse = element.tag.endswith("}quote") and bool(element.xpath(".//t:lb or .//t:l", namespaces=NS))
            assert element.tag.endswith("}said") or verse, read
            assert element.get("cert") in ("low", "medium"), read
        elif element.get("next") is None:
            assert read[-1:] in CLOSERS, read


def reading_text_of(element: etree._Element) -> str:
    """The source text inside one element (what reading_text gives for a whole document)."""
    holder = etree.Element("{http://www.tei-c.org/ns/1.0}TEI")
    text = etree.SubElement(holder, "{http://www.tei-c.org/ns/1.0}text")
    text.append(etree.fromstring(etree.tostring(element, with_tail=False)))
    return reading_text(holder)
