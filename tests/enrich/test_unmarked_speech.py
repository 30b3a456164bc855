"""Speech that only a closing quotation mark shows (its opening mark lost), never with
certainty; reporting clauses and dialogue dashes with no mark at all are no speech here."""

from __future__ import annotations

import pytest

from helpers import NS, convert_string, tei_tree
from teikit.enrich.unmarked_speech import CLOSER, find_speech, speech_cues


def speech(text: str, covered: list[tuple[int, int]] | None = None,
           closers: list[tuple[int, int]] | None = None) -> list[tuple[str, str, str]]:
    """(speech, convention, cert) found in one paragraph."""
    found = find_speech([text], [True], [covered or []], [closers or []])
    return [(text[s.start:s.end], s.convention, s.cert) for s in found]


def closing(text: str) -> list[tuple[str, str, str]]:
    """The speech found before the one closing mark of ``text`` that no mark opened."""
    close = text.index("”")
    return speech(text, closers=[(close, close + 1)])


# -- closing marks never opened -------------------------------------------------------------

def test_an_orphan_closing_mark_opens_at_the_dialogue_dash():
    assert closing("—And who is to carry the basket?”—") == [("And who is to carry the basket?”", CLOSER, "medium")]


def test_an_orphan_closing_mark_opens_after_a_reporting_clause():
    found = closing("We stood at the gate. Come in, said the old woman, the kettle is on the fire, will you stay?”")
    assert [s for s, _, _ in found] == ["the kettle is on the fire, will you stay?”"]


def test_an_orphan_closing_mark_never_reaches_into_narration():
    assert [s for s, _, _ in closing("She went to the window and looked out. Is he never coming?” The clock struck.")] \
        == ["Is he never coming?”"]


def test_a_closing_mark_alone_proves_nothing():
    document = convert_string("Prose before.\n\nHe left the house at noon.” Then nothing.\n").document
    assert not [s for b in document.blocks() for s in b.spans if s.tag == "said"]
    assert [i.data.get("problem") for i in document.review if i.category == "quotation"] == ["unopened"]


def test_an_orphan_closer_is_reviewed_as_speech_not_as_a_stray_mark():
    document = convert_string("Prose before.\n\n—And who is to carry the basket?”—\n").document
    items = [i for i in document.review if i.category == "quotation"]
    assert [(i.data.get("element"), i.data.get("convention"), i.cert) for i in items] == [("said", CLOSER, "medium")]
    assert all(i.evidence is not None and i.evidence.fired for i in items)


# -- no mark, no speech -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Good heavens, said she, why are you out so late?",
    "The mill, said Robert, belonged to his grandfather.",
    "—Not yet!—and when do you sail?—",
    "He went home—a long walk in the rain—and slept till noon.",
    "The harvest was poor, says the report, and prices rose.",
])
def test_no_mark_no_speech(text):
    assert speech(text) == []
    root = tei_tree("Prose before.\n\n" + text + "\n")
    assert root.find(".//t:body//t:said", NS) is None


def test_a_clause_beside_marked_speech_belongs_to_it():
    text = "“Yes,” said he, and left the room. ‘Now which is which?’ she said to herself, and went on!"
    first, second = text.index("“Yes,”"), text.index("‘Now")
    covered = [(first, first + len("“Yes,”")), (second, text.index("’ she") + 1)]
    assert speech(text, covered=covered) == []


def test_cues():
    assert speech_cues("Will you come?") == ["someone addressed", "a question or an exclamation"]
    assert speech_cues("I think it will rain") == ["the speaker's own present"]
    assert speech_cues("I went home and slept") == []


def test_a_diary_s_double_hyphens_are_no_dialogue():
    root = tei_tree("June 3.\n\nRode to the farm -- found the gate open -- cows in the lane -- home by six. "
                    "Wrote to my sister -- no answer yet -- rain at night.\n")
    assert root.find(".//t:said", NS) is None
