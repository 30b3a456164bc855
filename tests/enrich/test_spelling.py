"""Proposed transcription errors: found in constructed sentences, never applied."""

from __future__ import annotations

import pytest

from helpers import convert_string
from teikit.enrich.spelling import propose, propose_corrections


def proposals(text: str) -> list[tuple[str, str, str]]:
    return [(p.found, p.proposed, p.kind) for p in propose(text)]


@pytest.mark.parametrize("text, expected", [
    ("He read the letter of theBolshevik leader.", ("theBolshevik", "the Bolshevik", "run-together")),
    ("These lines are remark ; able for their force.", ("remark ; able", "remarkable", "split")),
    ("This was an unheard off thing in the village.", ("off", "of", "real-word")),
    ("He wants you to he a loyal servant.", ("he", "be", "real-word")),
    ("They were of coarse beaten by the guards.", ("coarse", "course", "real-word")),
    ("The decision was accepted by al the members.", ("al", "all", "real-word")),
    ("I fought against them, and. I fought hard.", ("and.", "and", "punctuation")),
    ("The farmers brought in the harvset before the rain.", ("harvset", "harvest", "non-word")),
])
def test_likely_errors_are_proposed(text, expected):
    assert expected in proposals(text)


@pytest.mark.parametrize("text", [
    "The committee decided to call off the strike.",
    "He took off his coat and jumped off the boat.",
    "It was far off the road, and they were well off.",
    "She took the pot of soup off the fire, and it got down off the wall.",
    "They would not go, at least not yet; and that. Then all was said.",
    "Tarov’s letter, Engels’ expression and the workers’ state.",
    "He would be there, and we want him to be a member.",
])
def test_correct_text_gets_no_proposal(text):
    assert proposals(text) == []


def test_the_text_itself_betrays_a_word_and_a_name():
    text = ("The hunger strike lasted long. The hunger strike ended. The hanger strikers were beaten. "
            "Engels wrote it, says Engels (Engel’s emphasis).")
    found = proposals(text)
    assert ("hanger", "hunger", "real-word") in found
    assert ("Engel’s", "Engels’", "spelling") in found


def test_proposals_are_review_items_only():
    conversion = convert_string("Some prose.\n\nThey were of coarse beaten in the yard.\n")
    document = conversion.document
    propose_corrections(document)
    [item] = [i for i in document.review if i.category == "correction"]
    assert (item.line, item.data["found"], item.data["proposed"]) == (3, "coarse", "course")
    assert b"<choice" not in conversion.tei
