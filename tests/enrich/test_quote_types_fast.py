"""The quotation pass's fast paths find exactly what the straightforward ones found: each
faster helper against the plain formulation it replaced (kept here as the reference), on
every Unicode character where that is what equivalence rests on, and on varied texts."""

from __future__ import annotations

import re
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from teikit.enrich import quote_types as qt
from teikit.enrich.quote_types import (TWINS, _found, _last, _search, _speech_verb, _starts,
                                       sentence_after, sentence_before, sentence_starts)
from teikit.enrich.quotes import _CANDIDATE
from teikit.folding import NOT_LOWERED_ALONE, lowered
from teikit.enrich.unmarked_speech import _DASH, _ENDS_SENTENCE, _Paragraph
from teikit.lang import en
from teikit.weights.quotations import UNMARKED_SPEECH

# -- the lower-case twins: character by character ------------------------------------------

EVERY_CHARACTER = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
# the characters whose lower case is one character (a longer one makes ``lowered`` give up)
LOWERED = {c: c.lower() for c in EVERY_CHARACTER if len(c.lower()) == 1 and c not in NOT_LOWERED_ALONE}


def test_every_twin_is_made():
    """The lists are plain: no pattern searched on every quotation falls back to re.IGNORECASE."""
    assert all(twin is not None for _, twin in TWINS)


def test_a_character_matches_case_ignored_what_its_lower_case_matches():
    """What a twin rests on: for every character of every twin, a character of any text
    matches it case ignored exactly when its lower case is it (texts holding NOT_LOWERED_ALONE or a
    character with a longer lower case are searched as written)."""
    by_lower: dict[str, set[str]] = {}
    for c, low in LOWERED.items():
        by_lower.setdefault(low, set()).add(c)
    alphabet = {c.lower() for pattern, twin in TWINS for c in twin.pattern}
    for x in sorted(alphabet):
        ignored = set(re.findall(re.escape(x), EVERY_CHARACTER, re.IGNORECASE)) & LOWERED.keys()
        assert ignored == by_lower.get(x, set()), x


def test_lower_case_keeps_word_and_space_characters():
    """\\b, \\w and \\s read a folded text as they read the text."""
    for cls in (r"\w", r"\s"):
        members = set(re.findall(cls, EVERY_CHARACTER))
        assert not [c for c, low in LOWERED.items() if (c in members) != (low in members)], cls


# -- the lower-case twins: on texts -------------------------------------------------------

CUE_WORDS = sorted({*en.SPEECH_CUE_VERBS, *en.WRITING_VERBS, *en.SOURCE_NOUNS, *en.SO_CALLED_CUES, "the word",
                    "the expression", "labelled", "known as", *en.CLAUSE_PATTERNS[:12], *en.POINTING_WORDS,
                    "don’t", "isn't"})
ODD = ["İ", "ı", "ſ", "K", "Σ", "ς", "µ", "é", "É", "ß", "_", "1", "’", "'", "“", "”", "-", ":", ",", "\n", "  "]
WORD = st.one_of(st.sampled_from(CUE_WORDS), st.text(st.sampled_from("abcdeilnorstIKSL"), min_size=1, max_size=6))
CASES = st.sampled_from([str.lower, str.upper, str.title, str.capitalize])
CASED = st.tuples(WORD, CASES).map(lambda p: p[1](p[0]))
TOKEN = st.one_of(CASED, st.sampled_from(ODD), st.tuples(CASED, CASED).map("".join),
                  st.tuples(st.sampled_from(ODD), CASED).map("".join))
TEXT = st.lists(TOKEN, max_size=25).map(lambda ts: " ".join(ts)) | st.lists(TOKEN, max_size=25).map("".join)


def spans(matches) -> list[tuple[tuple[int, int], str, dict]]:
    return [(m.span(), m.group(), m.groupdict()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(text=TEXT, cut=st.integers(0, 60))
def test_twins_find_what_their_patterns_find(text: str, cut: int):
    low = lowered(text)
    if low is not None:
        assert low == text.lower() and len(low) == len(text)
    tail, low_tail = text[-cut:], (None if low is None else low[-cut:])
    for pattern, twin in TWINS:
        for t, lw in ((text, low), (tail, low_tail)):
            every = list(pattern.finditer(t))
            assert _starts(pattern, twin, t, lw) == [m.start() for m in every]
            assert spans(filter(None, [_last(pattern, twin, t, lw)])) == spans(every[-1:])
            assert spans(pattern.match(t, m.start()) for m in every) == spans(every)
            assert spans(filter(None, [_search(pattern, twin, t, lw)])) == spans(filter(None, [pattern.search(t)]))
            assert _found(pattern, twin, t, lw) == (pattern.search(t) is not None)



@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_no_list_word_before_the_first_word_of_any(text: str):
    """The three lists are searched from where a word of any of them is first found."""
    low = lowered(text)
    first = qt.CUE_WORD.search(text)
    for pattern, twin in ((qt.SPEECH_VERB, qt._SPEECH_TWIN), (qt.WRITING_VERB, qt._WRITING_TWIN),
                          (qt.SOURCE_NOUN, qt._SOURCE_TWIN)):
        every = [m.start() for m in pattern.finditer(text)]
        if first is None:
            assert every == []
        else:
            assert _starts(pattern, twin, text, low, first.start()) == every
            assert _starts(pattern, None, text, None, first.start()) == every


# -- helpers written anew -------------------------------------------------------------------

def speech_verb_reference(before: str) -> re.Match | None:
    """The formulation ``_speech_verb`` replaced: every match, each with the word before it."""
    found = None
    for match in qt.SPEECH_VERB.finditer(before):
        previous = re.search(r"(\w+)\W*$", before[:match.start()])
        if previous is None or previous.group(1).lower() not in en.NOUN_MARKERS:
            found = match
    return found


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(CASED, st.sampled_from(sorted(en.NOUN_MARKERS)), st.sampled_from(ODD)), max_size=20))
def test_last_speech_verb_as_before(words: list[str]):
    before = " ".join(words)
    expected = speech_verb_reference(before)
    for low in (lowered(before), None):
        first = qt.CUE_WORD.search(before)
        got = _speech_verb(before, low, first.start()) if first else _speech_verb(before, low)
        assert (got and (got.span(), got.group())) == (expected and (expected.span(), expected.group()))


SENTENCE_TOKEN = st.sampled_from(["Mr.", "S.", "U.S.S.R.", "etc.", "He", "said", "no", "It", "ends.", "Yes!",
                                  "why?", "“Go.”", "(See", "it).", "…", "Then", "\n", "\t", "a", "Vol."])


@settings(max_examples=300, deadline=None)
@given(tokens=st.lists(SENTENCE_TOKEN, max_size=30), start=st.integers(0, 40), limit=st.integers(1, 80))
def test_sentence_before_and_after_as_before(tokens: list[str], start: int, limit: int):
    text = " ".join(tokens)
    tail = text[start:start + limit]
    starts = sentence_starts(tail)
    assert sentence_after(text, start, limit) == (tail[:starts[0]] if starts else tail)
    head = text[max(0, start + limit - 80):start + limit]
    starts = sentence_starts(head)
    assert sentence_before(text, start + limit, 80) == (head[starts[-1]:] if starts else head)


CANDIDATE_REFERENCE = re.compile(r"’’|''|``|‘‘|[“”„‟\"«»‹›‘’‚‛']")


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("“”„‟\"«»‹›‘’‚‛'` ax`’'‘"), max_size=40))
def test_quotation_mark_candidates_as_before(text: str):
    assert spans(_CANDIDATE.finditer(text)) == spans(CANDIDATE_REFERENCE.finditer(text))


def turn_dashes_reference(text: str) -> list[tuple[int, int]]:
    """The formulation ``_Paragraph._turn_dashes`` replaced: the text before and after each dash stripped."""
    found = []
    for match in _DASH.finditer(text):
        start, end = match.span()
        opens, closes = not text[:start].strip(), not text[end:].strip()
        if match.group() == "–" and not opens:
            continue
        if opens or closes or _ENDS_SENTENCE.search(
                text, max(0, start - UNMARKED_SPEECH.threshold("dash-after-sentence-chars")), start):
            found.append((start, end))
    return found


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["—", "–", "-", "--", "―", " ", "\n", "\u2003", "a", "Yes.", "”", "?"]),
                    max_size=30).map("".join))
def test_turn_dashes_as_before(text: str):
    assert _Paragraph(text, []).dashes == turn_dashes_reference(text)


@settings(max_examples=400, deadline=None)
@given(text=TEXT, marks=st.lists(st.sampled_from(list(" “”‘’\"'«»‹›„") + ["’’", " – "]), max_size=4),
       closing=st.lists(st.sampled_from(list(" “”‘’\"'«»‹›„")), max_size=4))
def test_stripped_marks_take_no_word(text: str, marks: list[str], closing: list[str]):
    """``_sentence_like`` counts a quotation's words with its marks (as ``classify`` did)."""
    inner = "".join(marks) + text + "".join(closing)
    assert len(qt._words(inner)) == len(qt._words(qt._unmarked(inner)))
