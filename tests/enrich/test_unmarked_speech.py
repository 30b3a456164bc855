"""Speech that no quotation mark shows: reporting clauses, dialogue dashes and closing marks
never opened, found by the conventions of written dialogue, never with certainty."""

from __future__ import annotations

import pytest

from helpers import NS, convert_string, tei_tree
from teikit.enrich.unmarked_speech import CLOSER, DASHES, REPORTING, find_speech, speech_cues


def speech(text: str, covered: list[tuple[int, int]] | None = None,
           closers: list[tuple[int, int]] | None = None) -> list[tuple[str, str, str]]:
    """(speech, convention, cert) found in one paragraph."""
    found = find_speech([text], [True], [covered or []], [closers or []])
    return [(text[s.start:s.end], s.convention, s.cert) for s in found]


def said(text: str) -> list[tuple[str, str | None]]:
    """(text, cert) of every said element of the converted text's body."""
    root = tei_tree("Prose before.\n\n" + text + "\n")
    return [("".join(e.itertext()), e.get("cert")) for e in root.iterfind(".//t:body//t:said", NS)]


# -- reporting clauses ------------------------------------------------------------------------

def test_an_inverted_clause_sets_off_speech_on_both_sides():
    found = speech("The gate was shut. Good heavens, said she, why are you out so late?")
    assert found == [("Good heavens,", REPORTING, "medium"), ("why are you out so late?", REPORTING, "medium")]


def test_an_inverted_clause_alone_is_low_certainty_speech_naming_its_speaker():
    root = tei_tree("Prose before.\n\nThe mill, said Robert, belonged to his grandfather.\n")
    parts = root.findall(".//t:body//t:said", NS)
    assert ["".join(p.itertext()) for p in parts] == ["The mill,", "belonged to his grandfather."]
    assert {p.get("cert") for p in parts} == {"low"}
    assert {p.get("who") for p in parts} == {"#sample-person-robert"}


@pytest.mark.parametrize("text, expected", [
    ("It is always the coldest week, said I.", ["It is always the coldest week,"]),
    ("What will it cost? asked my brother.", ["What will it cost?"]),
    ("Forty shillings at least, replied the clerk, and we have ten.", ["Forty shillings at least,", "and we have ten."]),
    ("Afraid! cried she, laughing; what should I fear?", ["Afraid!", "what should I fear?"]),
    ("You shall have five of me, my uncle said, and I will ask the squire.",
     ["You shall have five of me,", "and I will ask the squire."]),
    ("This is the key to the cellar, said she: will you keep it for me?",
     ["This is the key to the cellar,", "will you keep it for me?"]),
    ("Well, said she, with a sigh, we must go.", ["Well,", "we must go."]),
    ("No, said Mary, the cook, the key is in the drawer.", ["No,", "the key is in the drawer."]),
    ("I have often noticed, said the doctor to me once, that rain makes patients.",
     ["I have often noticed,", "that rain makes patients."]),
])
def test_reporting_clauses(text, expected):
    assert [s for s, _, _ in speech(text)] == expected


def test_a_leading_clause_with_a_colon_introduces_speech():
    found = speech("We talked of the school. Then, as I rose, she said: Will you take the violets? Nobody picks them.")
    assert [s for s, _, _ in found] == ["Will you take the violets?"]


def test_speech_runs_over_the_sentences_that_read_as_speech():
    found = speech("Goodness, said she, what a wind it is! Are you warm? She closed the shutters after them.")
    assert [s for s, _, _ in found] == ["Goodness,", "what a wind it is! Are you warm?"]


# -- dialogue dashes ------------------------------------------------------------------------

def test_turns_between_dashes_in_a_paragraph_of_dialogue():
    found = speech("—Thank you, my dear.—Nay, it is nothing.—And shall you come on Sunday?—Yes, if I can.—")
    assert [s for s, _, _ in found] == ["Thank you, my dear.", "Nay, it is nothing.", "And shall you come on Sunday?",
                                        "Yes, if I can."]
    assert {c for _, c, _ in found} == {DASHES}


def test_a_greeting_is_a_turn():
    found = speech("—Will you walk in?—No, I must be home before dark.—Then good night.—Good night.")
    assert [s for s, _, _ in found] == ["Will you walk in?", "No, I must be home before dark.", "Then good night.",
                                        "Good night."]


def test_a_french_paragraph_opening_with_a_dash_is_a_turn():
    found = speech("— Bonjour, dit-il. Vous allez bien ?")
    assert [s for s, _, _ in found] == ["Bonjour,", "Vous allez bien ?"]


def test_a_german_inverted_clause():
    assert [s for s, _, _ in speech("Nein, sagte er, ich komme morgen nicht.")] == [
        "Nein,", "ich komme morgen nicht."]


# -- closing marks never opened -------------------------------------------------------------

def test_an_orphan_closing_mark_opens_at_the_dialogue_dash():
    text = "—And who is to carry the basket?”—"
    close = text.index("”")
    assert speech(text, closers=[(close, close + 1)]) == [("And who is to carry the basket?”", CLOSER, "medium")]


def test_an_orphan_closing_mark_never_reaches_into_narration():
    text = "She went to the window and looked out. Is he never coming?” The clock struck."
    close = text.index("”")
    assert [s for s, _, _ in speech(text, closers=[(close, close + 1)])] == ["Is he never coming?”"]


def test_a_closing_mark_alone_proves_nothing():
    document = convert_string("Prose before.\n\nHe left the house at noon.” Then nothing.\n").document
    assert not [s for b in document.blocks() for s in b.spans if s.tag == "said"]
    assert [i.data.get("problem") for i in document.review if i.category == "quotation"] == ["unopened"]


def test_an_orphan_closer_is_reviewed_as_speech_not_as_a_stray_mark():
    document = convert_string("Prose before.\n\n—And who is to carry the basket?”—\n").document
    items = [i for i in document.review if i.category == "quotation"]
    assert [(i.data.get("element"), i.data.get("convention"), i.cert) for i in items] == [("said", CLOSER, "medium")]


# -- what is not speech -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "He went home—a long walk in the rain—and slept till noon.",
    "The leaders – and there were many of them – said nothing at the congress.",
    "Her mother, she told me, had died the winter before.",
    "The harvest was poor, says the report, and prices rose.",
    "As soon as it turned the corner, he went into the house, said a word to his wife, and sat down.",
    "The doctor's wife, a faded beauty, said one day, as they passed, that they were cold creatures.",
    "We have said he was a silent man, though rarely a sullen one.",
    "The lamps were lit at nine.—The next day was wet, and the carrier was late.",
    "The shed, rough as it was, answered the purpose.",
    "The farmer, having counted the sheep twice, returned the favour, and we went in.",
])
def test_narration_is_not_speech(text):
    assert speech(text) == []


def test_a_clause_beside_marked_speech_belongs_to_it():
    text = "“Yes,” said he, and left the room. ‘Now which is which?’ she said to herself, and went on!"
    first, second = text.index("“Yes,”"), text.index("‘Now")
    covered = [(first, first + len("“Yes,”")), (second, text.index("’ she") + 1)]
    assert speech(text, covered=covered) == []


def test_cues():
    assert speech_cues("Will you come?") == ["someone addressed", "a question or an exclamation"]
    assert speech_cues("I think it will rain") == ["the speaker's own present"]
    assert speech_cues("I went home and slept") == []


def test_unmarked_speech_in_the_tei_is_said_with_its_certainty_and_reviewed():
    assert said("Good heavens, said she, why are you out so late?") == [
        ("Good heavens,", "medium"), ("why are you out so late?", "medium")]
    document = convert_string("Prose before.\n\nThe mill, said Robert, belonged to his grandfather.\n").document
    items = [i for i in document.review if i.category == "quotation"]
    assert [(i.cert, i.data["convention"]) for i in items] == [("low", REPORTING), ("low", REPORTING)]
    assert all("no quotation marks" in i.message for i in items)
