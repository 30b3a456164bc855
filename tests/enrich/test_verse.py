"""Verse set off between the paragraphs of prose is quoted verse: one quote around its lines,
whether or not quotation marks surround them."""

from __future__ import annotations

from helpers import NS, convert_string, tei_tree
from teikit.enrich.quotes import scan

PROSE = ("We went down the lane in the evening, when the light was going and the rooks were flying home over the "
         "elms in long black lines, as they have done every evening since the elms were planted.")
STANZA = ("The bells ring out across the hill,\nThe shepherd drives his flock away,\n"
          "The mill-wheel turns and then is still,\nAnd night comes down upon the day.")
AFTER = ("So the poet has it; and so it was with us, except that there were no bells, and the shepherd was a boy "
         "of twelve who whistled all the way home.")


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def quotes(text: str) -> list[tuple[list[str], str | None]]:
    """The lines of every quote of the body (the reader may keep lines as paragraphs or as
    lines of one paragraph), with its certainty."""
    root = tei_tree(text)
    return [(lines("\n".join("".join(p.itertext()) for p in q.iterfind("t:p", NS))), q.get("cert"))
            for q in root.iterfind(".//t:body//t:quote", NS)]


def test_lines_of_verse_between_paragraphs_are_one_quotation():
    found = quotes(f"A Walk\n\n{PROSE}\n\n{STANZA}\n\n{AFTER}\n")
    assert found == [(lines(STANZA), "low")]


def test_stanzas_one_blank_line_apart_are_one_quotation():
    second = "The owl calls from the dark wood,\nThe fox goes softly by,\nAnd all is still as still is good,\nBeneath the starry sky."
    [(found, cert)] = quotes(f"A Walk\n\n{PROSE[:-1]}:\n\n{STANZA}\n\n{second}\n\n{AFTER}\n")
    assert found == lines(STANZA) + lines(second) and cert == "low"


def test_one_line_set_off_is_no_verse():
    assert quotes(f"A Walk\n\n{PROSE}\n\nAs the old song says,\n\n    Over the hills and far away.\n\n{AFTER}\n") == []


def test_verse_in_quotation_marks_is_one_quotation_over_its_lines():
    marked = "“" + STANZA + "”"
    root = tei_tree(f"A Walk\n\n{PROSE}\n\n{marked}\n\n{AFTER}\n")
    [quote] = root.findall(".//t:body//t:quote", NS)
    assert lines("\n".join("".join(p.itertext()) for p in quote.iterfind("t:p", NS))) == lines(marked)
    assert root.find(".//t:body//t:quote//t:quote", NS) is None


def test_the_scanner_carries_a_quotation_over_joined_lines():
    lines = ["‘How the bells ring,", "And the wheel turns!’ she sang."]
    [q] = scan(lines, [False, True], [False, True]).quotations
    assert q.parts == [(0, 0, len(lines[0])), (1, 0, len("And the wheel turns!’"))]


def test_what_is_not_verse():
    letter = "I remain, dear sir,\nYours faithfully,\nJohn Smith."
    short_sentences = "He came.\nHe saw the house.\nHe went away."
    for middle in (letter, short_sentences):
        document = convert_string(f"A Walk\n\n{PROSE}\n\n{middle}\n\n{AFTER}\n").document
        assert not [b for b in document.blocks() if b.wrap is not None], middle


def test_lines_in_a_work_of_short_lines_are_not_quoted():
    poem = "\n\n".join([STANZA] * 4)
    assert quotes(f"A Poem\n\n{poem}\n") == []
