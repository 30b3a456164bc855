"""Calendar expressions: recognising them and giving their ISO 8601 form.

Handles day-month-year and month-day-year orders, ordinals ("6th"), weekday prefixes
("samedi 31 décembre 2022"), month and year, bare years in context, ISO dates, and month
names in English, French, German, Spanish, Italian and Portuguese. A date without a year
gets the partial ISO form ``--MM-DD``; nothing vague ("last spring") is a date.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from teikit.folding import fold
from teikit.trie_regex import alternation, ignorecase_alternation
from teikit.lang import DATE_LANGUAGES, en, gather

# month number -> its names and abbreviations in every language the reader knows
_MONTHS = {n: " ".join(module.MONTHS[n - 1] for module in DATE_LANGUAGES) for n in range(1, 13)}
MONTH_NUMBERS: dict[str, int] = {}
for _num, _names in _MONTHS.items():
    for _name in _names.split():
        MONTH_NUMBERS[_name.rstrip(".")] = _num

_WEEKDAYS = gather("WEEKDAYS", DATE_LANGUAGES)

# As prefix trees (every pattern using them ignores case, so the lower-case forms are the words): the
# same matches as a list of the words longest first, without trying each word at every position.
_MONTH_NAMES = sorted({m.lower() for m in MONTH_NUMBERS})
_WEEKDAY_NAMES = sorted({w.lower() for w in _WEEKDAYS})
_month_alt = alternation(_MONTH_NAMES)
_weekday_alt = alternation(_WEEKDAY_NAMES)


def _month(alternation: str) -> str:
    return rf"(?P<month>{alternation})\.?"


def _weekday(alternation: str) -> str:
    return rf"(?:(?:{alternation}),?\s+)?"


MONTH = _month(_month_alt)
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?"
DAY_FIRST = rf"{DAY}\.?"  # "5. Mai 1920" (German); with a year only: "2. May we ..." is a list item
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
WEEKDAY = _weekday(_weekday_alt)


def _date_patterns(month: str, weekday: str) -> list[re.Pattern]:
    """Each pattern names the groups it fills; the order matters (longest forms first)."""
    return [
        # 6 September 1935
        re.compile(rf"{weekday}{DAY_FIRST}\s+(?:de\s+|of\s+)?{month}\s*,?\s+(?:de\s+)?{YEAR}", re.I),
        re.compile(rf"{weekday}{month}\s+{DAY},?\s+{YEAR}", re.I),  # September 6, 1935
        re.compile(r"(?P<year>1[0-9]{3}|20[0-9]{2})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"),  # 1935-09-06
        re.compile(rf"{month},?\s+{YEAR}", re.I),  # September 1935
        re.compile(rf"{weekday}{DAY}\s+(?:de\s+|of\s+)?{month}(?![\w])", re.I),  # 6 September, 14th of May
        re.compile(rf"{weekday}{month}\s+{DAY}(?![\d\w])", re.I),  # September 6 (no year)
    ]


# With the first letters of month and weekday names compared case-sensitively in each of their forms
# (the rest ignoring case): the same matches as with MONTH and WEEKDAY, and re skips a position that
# starts no name at once instead of trying each name's first letter ignoring case.
_PATTERNS = _date_patterns(_month(f"(?-i:{ignorecase_alternation(_MONTH_NAMES)})"),
                           _weekday(f"(?-i:{ignorecase_alternation(_WEEKDAY_NAMES)})"))
_YEAR_ONLY = re.compile(r"(?P<year>1[0-9]{3}|20[0-9]{2})")
# What every year of the patterns here starts with (YEAR, _YEAR, _DECADE: four ASCII digits from 1000 to 2099).
_YEAR_DIGITS = re.compile(r"[12][0-9]{3}")


@dataclass(frozen=True)
class DateMatch:
    start: int
    end: int
    when: str  # ISO 8601 (possibly partial: YYYY, YYYY-MM, --MM-DD)


def _iso(groups: dict[str, str | None]) -> str | None:
    year = groups.get("year")
    month_name = groups.get("month")
    if groups.get("mnum"):
        month = int(groups["mnum"])
    elif month_name:
        month = MONTH_NUMBERS.get(_fold(month_name).rstrip("."))
        if month is None:
            return None
    else:
        month = None
    day = int(groups["day"]) if groups.get("day") else None
    if month is not None and not 1 <= month <= 12:
        return None
    if day is not None:
        if month is None:
            return None
        limit = calendar.monthrange(int(year) if year else 2000, month)[1]  # 2000: Feb 29 allowed
        if not 1 <= day <= limit:
            return None
        return f"{year}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
    if month is not None:
        return f"{year}-{month:02d}" if year else None
    return year


def _fold(word: str) -> str:
    """Lower-case; keep accents (month tables list both forms)."""
    return unicodedata.normalize("NFC", word).lower()


_SEASON = re.compile(r"^(?:spring|summer|autumn|fall|winter|early|late|mid|c\.|ca\.|circa)\s*(?:of\s+)?", re.I)


def parse_date(text: str) -> str | None:
    """ISO form of ``text`` when the whole string (bar brackets, commas, full stops and
    white space around it) is one calendar date; otherwise None."""
    core = text.strip().strip("()[]").strip().rstrip(".,;").strip()
    for pattern in _PATTERNS:
        match = pattern.fullmatch(core)
        if match:
            return _iso(match.groupdict())
    if _YEAR_ONLY.fullmatch(core):
        return core
    season = _SEASON.match(core)
    if season:  # "Summer 1940", "early 1937": the year (or month) it falls in
        rest = core[season.end():]
        return parse_date(rest) if _YEAR_ONLY.fullmatch(rest) or _PATTERNS[3].fullmatch(rest) else None
    return None


_DIGIT = re.compile(r"\d")
# Patterns 0-3 hold a year (four ASCII digits matched by _YEAR_DIGITS), 4-5 a day: a text with no year
# is searched with the last two only, a text with no digit with none (the same matches, fewer passes).
_DAY_PATTERNS = _PATTERNS[4:]


def find_dates(text: str) -> list[DateMatch]:
    """Every explicit calendar date inside ``text`` (not bare years), leftmost-longest,
    non-overlapping."""
    if not _DIGIT.search(text):
        return []
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []  # the spans of the matches kept so far (matches are never empty)
    for pattern in _PATTERNS if _YEAR_DIGITS.search(text) else _DAY_PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(a < end and start < b for a, b in taken):
                continue
            # a date inside a word or number is not a date ("1935-09-061")
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            when = _iso(match.groupdict())
            taken.append((start, end))  # an impossible date ("31 February") hides its parts too
            if when is not None:
                found.append(DateMatch(start, end, when))
    return sorted(found, key=lambda d: d.start)


_RANGE = re.compile(r"^(?:from\s+)?(?P<a>.+?)\s*(?:[-–—]|\bto\b|\bau\b|\bbis\b)\s*(?P<b>.+)$", re.I)
_TO = r"\s*(?:[-–—]|\bto\b|\bau\b|\bbis\b|\bal\b)\s*"
# Ranges that state the month or the year once: "March 3–9, 1902", "1–3 May 1920", "12. bis 14. Juli 1919".
_DAYS_RANGES = (
    re.compile(rf"^{MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?{_TO}(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?,?\s+{YEAR}$", re.I),
    re.compile(rf"^(?P<d1>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?\.?{_TO}(?P<d2>[0-3]?\d)(?:st|nd|rd|th|e|º|°)?\.?\s+"
               rf"(?:de\s+|of\s+)?{MONTH}\s*,?\s+(?:de\s+)?{YEAR}$", re.I),
)


def _days_range(core: str) -> tuple[str, str] | None:
    """'March 3–9, 1902' -> ('1902-03-03', '1902-03-09'): two days of one month, the month and year once."""
    for pattern in _DAYS_RANGES:
        match = pattern.fullmatch(core)
        if match:
            start = _iso({"day": match.group("d1"), "month": match.group("month"), "year": match.group("year")})
            end = _iso({"day": match.group("d2"), "month": match.group("month"), "year": match.group("year")})
            if start and end and start < end:
                return start, end
    return None


def parse_range(text: str) -> tuple[str, str] | None:
    """(from, to) ISO forms of a range of two dates ('Autumn 1901 - February 1902',
    '1923–1926', 'June 3 to June 10, 1934', 'March 3–9, 1902', '1–3 May 1920',
    'March 28 – April 2, 1919'), or None."""
    core = text.strip().strip("()[]").strip().rstrip(".,;")
    days = _days_range(core)
    if days:
        return days
    match = _RANGE.match(core)
    if not match:
        return None
    a, b = match.group("a").strip(" ,"), match.group("b").strip(" ,")
    start = parse_date(_SEASON.sub("", a))
    end = parse_date(_SEASON.sub("", b))
    if start is not None and start.startswith("--") and end is not None and end[:1] != "-":
        start = end[:4] + start[1:]  # 'June 3 to June 10, 1934': the year is stated once
    if start is None or end is None or start.startswith("--") or end.startswith("--") or start > end:
        return None
    return start, end


_DATE_WORDS = re.compile(rf"\b(?:{_month_alt}|{_weekday_alt})\b", re.I)


def has_date_words(text: str) -> bool:
    """True when ``text`` names a month or weekday (a cheap signal for the reader)."""
    return bool(_DATE_WORDS.search(text))


# -- dates in running text -------------------------------------------------------------

YEAR_CUES = en.YEAR_CUES
MONTH_CUES = en.MONTH_CUES
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"


def _not_after(before: str, number: str = _YEAR[3:-1]) -> str:
    """``(?<![before])(?:number)``, with the digit each alternative of ``number`` starts with before
    the look-behind (which then spans that digit too: ``1(?<![before].)…``): the same matches, and re
    looks for the first digits quickly instead of trying the look-behind at every position."""
    return "(?:" + "|".join(rf"{alt[0]}(?<![{before}].){alt[1:]}" for alt in number.split("|")) + ")"


# (?<![\d.,/–-])(?P<a>{_YEAR})\s*[–—-]\s*(?P<b>{_YEAR}|\d{2})(?![\d.,/–-]?\d)
_YEAR_RANGE = re.compile(r"(?P<a>" + _not_after(r"\d.,/–-") + rf")\s*[–—-]\s*(?P<b>{_YEAR}|\d{{2}})"
                         r"(?![\d.,/–-]?\d)")
# (?<![\d.,/])(?P<a>{_YEAR})\s+(?:to|and|until|till)\s+(?P<b>{_YEAR})(?![\d])
_YEAR_PAIR = re.compile(r"(?P<a>" + _not_after(r"\d.,/") + rf")\s+(?:to|and|until|till)\s+(?P<b>{_YEAR})(?![\d])")
_PAIR_CUE = re.compile(r"\b(?:from|between)\s+$", re.I)
# (?<![\d.,])(?P<a>1[0-9]{2}0|20[0-9]0)[’']?s\b
_DECADE = re.compile(r"(?P<a>" + _not_after(r"\d.,", "1[0-9]{2}0|20[0-9]0") + r")[’']?s\b")
# (?<![\d.,/£$€-])(?P<a>{_YEAR})(?![\d]|[.,]\d)
_BARE_YEAR = re.compile(r"(?P<a>" + _not_after(r"\d.,/£$€-") + r")(?![\d]|[.,]\d)")
_MONTH_ALONE = re.compile(rf"\b(?P<month>{_month_alt})\b", re.I)
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


# A month name at the start of a word (also the start of a longer word: "Mayor", "decide"); where
# find_date_spans looks for dates that name a month. _MONTH_WORD is the definition; _month_words finds
# the same matches several times faster (tests/names/test_dates_fast.py compares them).
_MONTH_WORD = re.compile(rf"\b(?:{_month_alt})", re.I)
# Every match of _MONTH_WORD but one at the start of the text follows a non-word character (its letters
# are word characters): re looks for non-word characters quickly and compares the next one with the
# first letters case-sensitively, instead of trying the case-insensitive tree at every position.
_MONTH_AFTER_GAP = re.compile(rf"\W{ignorecase_alternation(_MONTH_NAMES)}")
# The matches of _MONTH_WORD that start with a capital, found from the capital (rare: re looks for it
# quickly), the word boundary before it checked by the look-behind that spans it.
_CAPITAL_MONTH_WORD = re.compile(ignorecase_alternation(_MONTH_NAMES, forms=str.isupper, after_first=r"(?<!\w.)"))
_ORDINALS = {word: n for n, word in enumerate(en.ORDINALS, start=1)}
for _n, _word in enumerate(en.ORDINALS[:9], start=1):
    _ORDINALS[f"twenty-{_word}"] = 20 + _n
_ORDINALS.update({"thirtieth": 30, "thirty-first": 31})
_ORDINAL_DATE = re.compile(
    rf"\b(?P<ordinal>{alternation(sorted({o.lower() for o in _ORDINALS}))})\s+of\s+"
    rf"(?P<month>{_month_alt})\.?(?:\s*,?\s+{YEAR})?(?![\w])", re.I)
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# The first hyphen of an ISO date: re looks for hyphens quickly instead of trying _ISO_DATE everywhere
_ISO_HYPHEN = re.compile(r"-(?<=\d{4}-)(?=\d\d-\d\d)")
WINDOW = 40  # characters around a month name within which a date that names it lies


def _month_words(text: str) -> list[tuple[int, int]]:
    """The spans of ``_MONTH_WORD.finditer(text)``: a match at the start of the text, then one after
    each non-word character (a match is letters only, so the next one never starts right after it)."""
    first = _MONTH_WORD.match(text)
    spans = [first.span()] if first else []
    after = _MONTH_AFTER_GAP.finditer(text, first.end() if first else 0)
    spans += [(match.start() + 1, match.end()) for match in after]
    return spans


def _capital_month_words(text: str) -> list[tuple[int, int]]:
    """The spans of the matches of ``_MONTH_WORD.finditer(text)`` that start with a capital."""
    return [match.span() for match in _CAPITAL_MONTH_WORD.finditer(text)]


def _iso_dates(text: str) -> list[tuple[int, int]]:
    """The spans of ``_ISO_DATE.finditer(text)``: the dates around the first hyphens, leaving out, as
    finditer does, one that overlaps the one kept before it."""
    spans: list[tuple[int, int]] = []
    for match in _ISO_HYPHEN.finditer(text):
        start = match.start() - 4
        if not spans or start >= spans[-1][1]:
            spans.append((start, start + 10))
    return spans


def _windows(text: str, spans: Iterable[tuple[int, int]]) -> list[list[int]]:
    """The stretches of ``text`` within WINDOW characters (to a space) of ``spans``, taken in their
    order, each joined with the window before it when it starts inside that one; sorted."""
    windows: list[list[int]] = []
    for match_start, match_end in spans:
        start = text.rfind(" ", 0, max(0, match_start - WINDOW)) + 1
        end = text.find(" ", min(len(text), match_end + WINDOW))
        end = len(text) if end < 0 else end
        if windows and start <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], end)
        else:
            windows.append([start, end])
    return sorted(windows)


def _find_dates_fast(text: str, month_words: list[tuple[int, int]] | None = None) -> list[DateMatch]:
    """``find_dates`` run only around month names (``month_words``: the spans of their matches of
    ``_MONTH_WORD``, when the caller has them) and ISO dates: the same dates, without trying
    every pattern at every position of a long paragraph."""
    if month_words is None:
        month_words = _month_words(text)
    found = []
    for start, end in _windows(text, (*month_words, *_iso_dates(text))):
        found += [DateMatch(start + d.start, start + d.end, d.when) for d in find_dates(text[start:end])]
    return found


@dataclass(frozen=True)
class DateSpan:
    """A date in running text: one day, month or year (``when``) or a range (``start_date`` -
    ``end_date``, TEI @from/@to), with how sure teikit is that it is a date."""

    start: int
    end: int
    rule: str  # the rule of teikit.weights.dates.DATE that found it
    when: str | None = None
    start_date: str | None = None
    end_date: str | None = None


def _word_before(text: str, pos: int) -> str:
    match = _WORD_BEFORE.search(text[max(0, pos - 20):pos])
    return match.group(1).lower() if match else ""


def _counted(text: str, end: int) -> bool:
    """'1500 men', '1200 prisoners': a number followed by a plural noun (not a year)."""
    match = _NEXT_WORD.match(text, end)
    if not match or not match.group(1)[0].islower() or match.group(1) in _FOLLOWING_YEAR:
        return False
    word = match.group(1)
    return word in _COUNTED or (word.endswith("s") and not word.endswith(("ss", "us", "is")))


_COUNTED = en.COUNTED
_FOLLOWING_YEAR = en.FOLLOWING_YEAR


_OF = re.compile("of", re.I)
_ORDINAL_END = re.compile(alternation(sorted({o[-2:] for o in _ORDINALS})), re.I)  # "st", "nd", "rd", "th"


def _space_before(text: str, end: int) -> int:
    """Where the white space that ends at ``end`` starts (str.isspace is re's \\s)."""
    while end and text[end - 1].isspace():
        end -= 1
    return end


def _after_ordinal_of(text: str, month_words: list[tuple[int, int]]) -> bool:
    """Whether one of ``month_words`` follows the end of an ordinal, white space, "of" and white space,
    as the month of every match of ``_ORDINAL_DATE`` does."""
    for start, _ in month_words:
        of = _space_before(text, start)
        if of == start or of < 2 or not _OF.fullmatch(text, of - 2, of):
            continue
        ordinal = _space_before(text, of - 2)
        if 2 <= ordinal < of - 2 and _ORDINAL_END.fullmatch(text, ordinal - 2, ordinal):
            return True
    return False


def year_range(text: str, match: re.Match, pair: bool) -> DateSpan | None:
    """The range of years a match of the range pattern ("1923–26") or, with ``pair``, of the pair
    pattern ("1923 to 1930", only after a cue such as "from") stands for; None when it runs
    backwards or the pair has no cue."""
    a, b = match.group("a"), match.group("b")
    if len(b) == 2:
        b = a[:2] + b
    if int(b) <= int(a):
        return None
    if pair and not _PAIR_CUE.search(text[max(0, match.start() - 12):match.start()]):
        return None
    return DateSpan(match.start(), match.end(), "year-pair" if pair else "year-range", start_date=a, end_date=b)


def find_date_spans(text: str) -> list[DateSpan]:
    """Every explicit calendar expression in ``text``: full dates, month and year, day and month
    (partial ``--MM-DD``), year ranges ("1923–1926", "from 1923 to 1930", "(1895–1944)"),
    decades ("the 1920s"), years after a cue word ("in 1926") and months after one ("in
    March": ``--03``). Vague expressions ("next year", "last spring") are not dates."""
    spans: list[DateSpan] = []

    def free(start: int, end: int) -> bool:  # no span added so far overlaps [start, end) (never empty)
        return not any(span.start < end and start < span.end for span in spans)

    def add(span: DateSpan) -> None:
        spans.append(span)

    # Every pattern below names a month or holds a year: a text is searched once for month names and
    # once for a digit, not once per pattern. Month names are looked for in full where a date with
    # digits may name one; elsewhere only those starting with a capital (the ordinal and month-alone
    # rules keep no other).
    digit = _DIGIT.search(text)
    month_words = _month_words(text) if digit else []
    capitals = [span for span in month_words if text[span[0]].isupper()] if digit else _capital_month_words(text)
    years = digit is not None and _YEAR_DIGITS.search(text, digit.start()) is not None
    # "the first of May", "the twenty-second of June, 1823": a capital month name after an ordinal and "of"
    for match in _ORDINAL_DATE.finditer(text) if _after_ordinal_of(text, capitals) else ():
        day = _ORDINALS.get(fold(match.group("ordinal")))  # "firſt", "FİRST": the case-blind pattern's forms
        if day is None:
            continue
        when = _iso({"day": str(day), "month": match.group("month"), "year": match.group("year")})
        if when and match.group("month")[0].isupper():
            add(DateSpan(match.start(), match.end(), "ordinal", when=when))
    for found in _find_dates_fast(text, month_words) if digit else ():  # every date holds a digit
        if free(found.start, found.end):
            add(DateSpan(found.start, found.end, "calendar", when=found.when))
    for pattern in (_YEAR_RANGE, _YEAR_PAIR) if years else ():
        for match in pattern.finditer(text):
            span = year_range(text, match, pair=pattern is _YEAR_PAIR)
            if span is not None and free(*match.span()):
                add(span)
    for match in _DECADE.finditer(text) if years else ():
        if free(*match.span()) and _word_before(text, match.start()) in ("the", "early", "late", "mid"):
            a = match.group("a")
            add(DateSpan(match.start(), match.end(), "decade", start_date=a, end_date=str(int(a) + 9)))
    for match in _BARE_YEAR.finditer(text) if years else ():
        if not free(*match.span()):
            continue
        before = _word_before(text, match.start())
        parenthesised = text[match.start() - 1:match.start()] == "(" and text[match.end():match.end() + 1] == ")"
        if (before in YEAR_CUES and not _counted(text, match.end())) or parenthesised:
            rule = "parenthesised-year" if parenthesised else \
                "year-strong-cue" if before in ("in", "since", "until", "till") else "year-cue"
            add(DateSpan(match.start(), match.end(), rule, when=match.group("a")))
    # a match of _MONTH_ALONE starts a match of _MONTH_WORD (same name tree, same word boundary before),
    # and only one that starts with a capital is kept
    for match in filter(None, (_MONTH_ALONE.match(text, start) for start, _ in capitals)):
        word = match.group("month")
        if not free(*match.span()) or not word[0].isupper() or len(word) < 3 or word.endswith("."):
            continue
        number = MONTH_NUMBERS.get(_fold(word))
        if number is None or _word_before(text, match.start()) not in MONTH_CUES:
            continue
        if word.lower() != en.MONTHS[number - 1].split()[0]:
            continue  # English month names in full only
        add(DateSpan(match.start(), match.end(), "month-cue", when=f"--{number:02d}"))
    return sorted(spans, key=lambda s: s.start)
