"""The fast paths of teikit.dates find exactly what the straightforward code finds.

``find_date_spans`` looks for month names with a regex re can search quickly, runs the date patterns
only on the parts of a paragraph with digits, writes its year patterns with the first digit before the
look-behind and keeps the spans found in a list instead of marking characters. The reference below is
the code as it was before (the regexes exactly as written then): on generated text full of month
names, prefixes of them ("Mayor", "decide"), odd cases ("ſeptember", "MÄRZ"), years, ranges,
ordinals and punctuation, and on every paragraph of the development set, both give the same answer.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teikit import dates as D
from teikit.trie_regex import alternation, ignorecase_alternation

DEVSET = Path(__file__).resolve().parents[2] / "bench" / "devset"

# -- the reference: the code before the fast paths ---------------------------------------------
_YEAR = D._YEAR
REF_YEAR_RANGE = re.compile(rf"(?<![\d.,/–-])(?P<a>{_YEAR})\s*[–—-]\s*(?P<b>{_YEAR}|\d{{2}})(?![\d.,/–-]?\d)")
REF_YEAR_PAIR = re.compile(rf"(?<![\d.,/])(?P<a>{_YEAR})\s+(?:to|and|until|till)\s+(?P<b>{_YEAR})(?![\d])")
REF_DECADE = re.compile(r"(?<![\d.,])(?P<a>1[0-9]{2}0|20[0-9]0)[’']?s\b")
REF_BARE_YEAR = re.compile(rf"(?<![\d.,/£$€-])(?P<a>{_YEAR})(?![\d]|[.,]\d)")
REF_MONTH_WORD = re.compile(rf"\b(?:{D._month_alt})", re.I)
REF_PATTERNS = D._date_patterns(D._month(D._month_alt), D._weekday(D._weekday_alt))
REF_ISO_DATE = D._ISO_DATE


def ref_find_dates(text: str) -> list[D.DateMatch]:
    found = []
    taken = [False] * (len(text) + 1)
    for pattern in REF_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            when = D._iso(match.groupdict())
            for i in range(start, end):
                taken[i] = True
            if when is not None:
                found.append(D.DateMatch(start, end, when))
    return sorted(found, key=lambda d: d.start)


def ref_find_dates_fast(text: str, month_words: list[re.Match]) -> list[D.DateMatch]:
    found = []  # the windows are made as they were (from match objects then, from their spans now)
    for start, end in D._windows(text, [match.span() for match in (*month_words, *REF_ISO_DATE.finditer(text))]):
        found += [D.DateMatch(start + d.start, start + d.end, d.when) for d in ref_find_dates(text[start:end])]
    return found


def ref_find_date_spans(text: str) -> list[D.DateSpan]:
    spans: list[D.DateSpan] = []
    taken = [False] * (len(text) + 1)

    def free(start: int, end: int) -> bool:
        return not any(taken[start:end])

    def add(span: D.DateSpan) -> None:
        for i in range(span.start, span.end):
            taken[i] = True
        spans.append(span)

    month_words = list(REF_MONTH_WORD.finditer(text))
    years = D._YEAR_DIGITS.search(text) is not None
    for match in D._ORDINAL_DATE.finditer(text) if month_words else ():
        day = D._ORDINALS[match.group("ordinal").lower()]
        when = D._iso({"day": str(day), "month": match.group("month"), "year": match.group("year")})
        if when and match.group("month")[0].isupper():
            add(D.DateSpan(match.start(), match.end(), "ordinal", when=when))
    for found in ref_find_dates_fast(text, month_words):
        if free(found.start, found.end):
            add(D.DateSpan(found.start, found.end, "calendar", when=found.when))
    for pattern in (REF_YEAR_RANGE, REF_YEAR_PAIR) if years else ():
        for match in pattern.finditer(text):  # what a match stands for is not what changed: shared
            span = D.year_range(text, match, pair=pattern is REF_YEAR_PAIR)
            if span is not None and free(*match.span()):
                add(span)
    for match in REF_DECADE.finditer(text) if years else ():
        if free(*match.span()) and D._word_before(text, match.start()) in ("the", "early", "late", "mid"):
            a = match.group("a")
            add(D.DateSpan(match.start(), match.end(), "decade", start_date=a, end_date=str(int(a) + 9)))
    for match in REF_BARE_YEAR.finditer(text) if years else ():
        if not free(*match.span()):
            continue
        before = D._word_before(text, match.start())
        parenthesised = text[match.start() - 1:match.start()] == "(" and text[match.end():match.end() + 1] == ")"
        if (before in D.YEAR_CUES and not D._counted(text, match.end())) or parenthesised:
            rule = "parenthesised-year" if parenthesised else \
                "year-strong-cue" if before in ("in", "since", "until", "till") else "year-cue"
            add(D.DateSpan(match.start(), match.end(), rule, when=match.group("a")))
    for match in D._MONTH_ALONE.finditer(text) if month_words else ():
        word = match.group("month")
        if not free(*match.span()) or not word[0].isupper() or len(word) < 3 or word.endswith("."):
            continue
        number = D.MONTH_NUMBERS.get(D._fold(word))
        if number is None or D._word_before(text, match.start()) not in D.MONTH_CUES:
            continue
        if word.lower() != D.en.MONTHS[number - 1].split()[0]:
            continue
        add(D.DateSpan(match.start(), match.end(), "month-cue", when=f"--{number:02d}"))
    return sorted(spans, key=lambda s: s.start)


# -- generated text ------------------------------------------------------------------------------
MONTHS = sorted(D.MONTH_NUMBERS)
CASED_MONTHS = st.sampled_from(MONTHS).flatmap(lambda m: st.sampled_from(
    [m, m.upper(), m.capitalize(), m.replace("s", "ſ"), m.upper().replace("I", "İ"), m + ".", m[:3]]))
PIECES = st.one_of(
    CASED_MONTHS,
    st.sampled_from(["Mayor", "Marching", "marching", "decide", "novel", "junior", "Augustine", "maintain",
                     "separate", "October's", "Mays", "_May", "xMay", "Maybe", "may", "MAY", "Janvier", "Août",
                     "août", "MÄRZ", "Jänner", "décembre", "Décembre", "ſeptember", "İ", "ı", "K"]),
    st.sampled_from(sorted({w for w in D._WEEKDAYS})),
    st.integers(0, 40).map(str), st.integers(1, 31).map(lambda n: f"{n}{'st' if n == 1 else 'th'}"),
    st.sampled_from(["1st", "2nd", "3rd", "1er", "5.", "12.", "6e", "4º", "٣", "0", "00", "31", "29", "30"]),
    st.integers(990, 2110).map(str),
    st.sampled_from(["1935-09-06", "1935-13-40", "2022-02-29", "1935-09-061", "x1935-09-06", "1923–1926",
                     "1923-26", "1923 - 1926", "1926–1923", "1923—1930", "1920s", "1920’s", "1920's", "1850s",
                     "1923.5", "1,923", "£1923", "$1900", "€2000", "/1923", "-1923", "(1923)", "1923)", "(1923"]),
    st.sampled_from(["in", "In", "since", "until", "till", "of", "OF", "Of", "the", "early", "late", "mid",
                     "from", "between", "to", "and", "au", "bis", "de", "al", "on", "by", "during", "spring",
                     "first", "First", "second", "twenty-second", "thirty-first", "thirtieth", "tenth",
                     "men", "prisoners", "years", "Mr", "ago", "a", "was"]),
    st.sampled_from(["the first of", "First Of", "twenty-second OF", "tenth oF", "thirty-first of\n", "firſt of",
                     "of", "st of", "1st of"]),
    st.sampled_from([",", ".", ";", ":", "(", ")", "-", "–", "—", "/", "'", "’", "\"", "_", "&", "?"]),
    st.text(st.sampled_from("abcdefjmnosMAJDÉé"), min_size=1, max_size=6),
)
SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "  ", ", ", "\u00a0", "\u2003", "\t", " of ", "-"])


def assert_same_spans(text: str) -> None:
    """The same spans; where the reference fails (KeyError for an ordinal with an odd letter, "firſt of
    May": its ordinal table had no such key, a bug fixed since) the new code gives spans."""
    try:
        expected = ref_find_date_spans(text)
    except KeyError:
        D.find_date_spans(text)
        return
    assert D.find_date_spans(text) == expected


@st.composite
def texts(draw) -> str:
    pieces = draw(st.lists(PIECES, min_size=1, max_size=40))
    return "".join(piece + draw(SEPARATORS) for piece in pieces)


@settings(max_examples=1500, deadline=None)
@given(text=texts())
def test_date_spans_are_those_of_the_straightforward_code(text: str):
    assert D._month_words(text) == [m.span() for m in REF_MONTH_WORD.finditer(text)]
    assert D._capital_month_words(text) == [m.span() for m in REF_MONTH_WORD.finditer(text) if m.group()[0].isupper()]
    assert D.find_dates(text) == ref_find_dates(text)
    assert_same_spans(text)


@settings(max_examples=500, deadline=None)
@given(text=texts())
def test_rewritten_patterns_match_as_written(text: str):
    assert D._iso_dates(text) == [m.span() for m in REF_ISO_DATE.finditer(text)]
    for fast, plain in ((D._YEAR_RANGE, REF_YEAR_RANGE), (D._YEAR_PAIR, REF_YEAR_PAIR), (D._DECADE, REF_DECADE),
                        (D._BARE_YEAR, REF_BARE_YEAR), *zip(D._PATTERNS, REF_PATTERNS)):
        assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
               [(m.span(), m.groupdict()) for m in plain.finditer(text)]
    for fast, plain in zip(D._PATTERNS, REF_PATTERNS):  # whole strings, as parse_date and parse_range see them
        for start in range(0, len(text), 3):
            for end in range(start + 3, min(len(text), start + 30) + 1, 3):
                found, expected = fast.fullmatch(text, start, end), plain.fullmatch(text, start, end)
                assert (found and found.groupdict()) == (expected and expected.groupdict())


@given(text=st.text(st.sampled_from("0123456789--٣x "), max_size=60))
def test_iso_dates_found_from_their_hyphens_are_those_finditer_finds(text: str):
    assert D._iso_dates(text) == [m.span() for m in REF_ISO_DATE.finditer(text)]


@pytest.mark.parametrize("text", [
    "Mayor Marching decided in May 1935", "May", "may 5", "xMay 1935 and 6 May", "_May 1935", "MAY 1935",
    "the first of May, 1823", "the first of\n May", "the First Of May", "the first OF  June, 1823", "tenth oF May",
    "the firſt of May, 1823", "FIRST\tOF\u00a0May", "of May first", "1st of May", "first of may",
    "xfirst of May", "of May", "ſeptember 3, 1930", "the 1920s, 1923–26 (1931)",
    "1935-09-06", "1935-09-0612-01-01", "12345-01-01-01-01", "1111-11-11-11-11-11", "٣٣٣٣-٣٣-٣٣",
    "\u00a0Août 1914", "", " ", "1923", "in 1500 years", "from 1923 to 1930",
])
def test_corner_cases_agree(text: str):
    assert D._iso_dates(text) == [m.span() for m in REF_ISO_DATE.finditer(text)]
    assert D._month_words(text) == [m.span() for m in REF_MONTH_WORD.finditer(text)]
    assert D._capital_month_words(text) == [m.span() for m in REF_MONTH_WORD.finditer(text) if m.group()[0].isupper()]
    assert D.find_dates(text) == ref_find_dates(text)
    assert_same_spans(text)


def test_every_paragraph_of_the_development_set_agrees():
    paragraphs = [p for path in sorted(DEVSET.glob("*.txt")) for p in path.read_text(encoding="utf-8").split("\n\n")]
    assert len(paragraphs) > 100
    for paragraph in paragraphs:
        assert D.find_date_spans(paragraph) == ref_find_date_spans(paragraph), paragraph[:80]


# -- the month-name regex ----------------------------------------------------------------------
ALL_CHARACTERS = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)


@pytest.mark.parametrize("letters", ["abcdefghijklmnopqrstuvwxyz", "éäöüßµçøåæœ", "0-.'"])
def test_first_letters_in_every_form_ignorecase_matches(letters: str):
    """Every character of Unicode that re.IGNORECASE takes for one of ``letters`` (as "ſ" for "s")."""
    plain = re.compile(f"(?i:{alternation(letters)})")
    fast = re.compile(ignorecase_alternation(letters))
    assert fast.findall(ALL_CHARACTERS) == plain.findall(ALL_CHARACTERS)


def test_white_space_of_str_is_that_of_re():
    """What _space_before relies on: str.isspace is re's \\s, character for character."""
    assert [c for c in ALL_CHARACTERS if c.isspace()] == re.findall(r"\s", ALL_CHARACTERS)


def test_only_capitals_when_asked():
    pattern = re.compile(ignorecase_alternation(["may", "-x"], forms=str.isupper))
    assert [m.group() for m in pattern.finditer("may May MAY mAY -x")] == ["May", "MAY"]
    assert re.compile(ignorecase_alternation(["-x"], forms=str.isupper)).search("-x -X") is None
    with pytest.raises(ValueError):
        ignorecase_alternation(["été"], forms=str.isupper)


def test_month_names_are_letters():
    """What _month_words relies on: a month name never holds a non-word character."""
    assert all(re.fullmatch(r"\w+", name) for name in D.MONTH_NUMBERS)


def test_an_empty_word_is_refused():
    with pytest.raises(ValueError):
        ignorecase_alternation(["may", ""])


def test_an_ordinal_written_with_a_long_s_or_in_capitals_is_a_date():
    for text in ("the firſt of May, 1823", "the FİRST of May, 1823"):
        spans = D.find_date_spans(text)
        assert [(s.rule, s.when) for s in spans] == [("ordinal", "1823-05-01")], text
