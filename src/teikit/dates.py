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

_MONTHS = {
    1: "january jan janvier janv janv. januar jänner enero gennaio janeiro",
    2: "february feb février fevrier févr févr. fevr februar febrero febbraio fevereiro",
    3: "march mar mars märz maerz marzo março marco",
    4: "april apr avril abril aprile",
    5: "may mai mayo maggio maio",
    6: "june jun juin juni junio giugno junho",
    7: "july jul juillet juil juil. juli julio luglio julho",
    8: "august aug août aout agosto",
    9: "september sept sep septembre settembre septiembre setembro",
    10: "october oct octobre oktober octubre ottobre outubro",
    11: "november nov novembre noviembre novembro",
    12: "december dec décembre decembre dezember diciembre dicembre dezembro",
}
MONTH_NUMBERS: dict[str, int] = {}
for _num, _names in _MONTHS.items():
    for _name in _names.split():
        MONTH_NUMBERS[_name.rstrip(".")] = _num

_WEEKDAYS = ("monday tuesday wednesday thursday friday saturday sunday "
             "lundi mardi mercredi jeudi vendredi samedi dimanche "
             "montag dienstag mittwoch donnerstag freitag samstag sonntag "
             "lunes martes miércoles jueves viernes sábado domingo "
             "lunedì martedì mercoledì giovedì venerdì sabato domenica").split()

_month_alt = "|".join(sorted((re.escape(m) for m in MONTH_NUMBERS), key=len, reverse=True))
_weekday_alt = "|".join(sorted((re.escape(w) for w in _WEEKDAYS), key=len, reverse=True))

MONTH = rf"(?P<month>{_month_alt})\.?"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|e|º|°)?"
YEAR = r"(?P<year>1[0-9]{3}|20[0-9]{2})"
WEEKDAY = rf"(?:(?:{_weekday_alt}),?\s+)?"

# Each pattern names the groups it fills; the order matters (longest forms first).
_PATTERNS = [
    re.compile(rf"{WEEKDAY}{DAY}\s+(?:de\s+)?{MONTH}\s*,?\s+(?:de\s+)?{YEAR}", re.I),  # 6 September 1935
    re.compile(rf"{WEEKDAY}{MONTH}\s+{DAY},?\s+{YEAR}", re.I),  # September 6, 1935
    re.compile(r"(?P<year>1[0-9]{3}|20[0-9]{2})-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)"),  # 1935-09-06
    re.compile(rf"{MONTH},?\s+{YEAR}", re.I),  # September 1935
    re.compile(rf"{WEEKDAY}{DAY}\s+(?:de\s+)?{MONTH}(?![\w])", re.I),  # 6 September (no year)
    re.compile(rf"{WEEKDAY}{MONTH}\s+{DAY}(?![\d\w])", re.I),  # September 6 (no year)
]
_YEAR_ONLY = re.compile(r"(?P<year>1[0-9]{3}|20[0-9]{2})")


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
    return None


def find_dates(text: str) -> list[DateMatch]:
    """Every explicit calendar date inside ``text`` (not bare years), leftmost-longest,
    non-overlapping."""
    found: list[DateMatch] = []
    taken = [False] * (len(text) + 1)
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(taken[start:end]):
                continue
            # a date inside a word or number is not a date ("1935-09-061")
            if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue
            when = _iso(match.groupdict())
            for i in range(start, end):  # an impossible date ("31 February") hides its parts too
                taken[i] = True
            if when is not None:
                found.append(DateMatch(start, end, when))
    return sorted(found, key=lambda d: d.start)


_RANGE = re.compile(r"^(?:from\s+)?(?P<a>.+?)\s*(?:[-–—]|\bto\b|\bau\b|\bbis\b)\s*(?P<b>.+)$", re.I)
_SEASON = re.compile(r"^(?:spring|summer|autumn|fall|winter|early|late|mid)\s+", re.I)


def parse_range(text: str) -> tuple[str, str] | None:
    """(from, to) ISO forms of a range of two dates ('Autumn 1901 - February 1902',
    '1923–1926', 'June 3 to June 10, 1934'), or None."""
    core = text.strip().strip("()[]").strip().rstrip(".,;")
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
