"""Dictionary words a document uses as names only: capitalised mid-sentence several times, acting
as a person, and not (or, for phrases, rarely) written in lower case."""

from __future__ import annotations

from teikit.enrich.capitalised import names_among_words
from teikit.tokens import tokenize


def _names(*paragraphs: str) -> frozenset:
    return names_among_words(tokenize(p) for p in paragraphs)


SPEAKS = ["Then said Ginger to us.", "We saw Ginger’s hat.", "It was Ginger’s turn."]
PORTER = ["Then said the Night Porter to us.", "At last said the Night Porter again.",
          "Once more said the Night Porter quietly.", "Here said the Night Porter to me.", "No, said the Night Porter softly."]


def test_a_word_written_as_a_name_that_acts_as_a_person():
    assert ("ginger",) in _names(*SPEAKS)


def test_a_word_also_written_in_lower_case_is_no_name():
    assert ("ginger",) not in _names(*SPEAKS, "The cake had ginger in it.")


def test_too_few_mentions_are_no_evidence():
    assert ("ginger",) not in _names(*SPEAKS[:2])


def test_a_designation_of_two_words_after_the():
    assert ("night", "porter") in _names(*PORTER)


def test_a_designation_keeps_its_name_despite_a_rare_lower_case_slip():
    # five written as a name against one in lower case: a slip (a quarter of the mentions would not be)
    assert ("night", "porter") in _names(*PORTER, "He was a night porter once.")


def test_a_phrase_the_text_often_writes_in_lower_case_is_no_name():
    lower = ["The night porter slept.", "Every night porter knows it."]
    assert ("night", "porter") not in _names(*PORTER, *lower)
    # words of the phrase in lower case, but not in a row, do not count against it
    apart = ["The night was long; the porter slept."] * 4
    assert ("night", "porter") in _names(*PORTER, *apart)
