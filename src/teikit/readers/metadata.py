"""What labelled metadata lines and title blocks say, as header fields.

"Written: September 6, 1935." gives a creation date; "First Published: New Militant,
Vol. 1 No. 45, 2 November 1935, pp. 7 & 8." gives a periodical, volume, issue, date and
pages; "Transcription/HTML Markup: Einde O’Callaghan." gives a transcriber. Values are kept
as written; parsed parts are only what the text plainly states.
"""

from __future__ import annotations

import re

from teikit.dates import find_dates, parse_date, parse_range
from teikit.model import DateValue, PageMeta, Publication, Responsibility, WorkMeta
from teikit.readers.credits import RESPONSIBILITY_FIELDS, roles
from teikit.readers.signals import LIFE_DATES

# A volume or an issue is a number of its own token after its own word ("Vol. 4", "Vol. IV", "No. 17"),
# never letters inside a word ("The Tribune", "The Volunteer", "Nov. 1916").
_VOLUME = re.compile(r"\b(?:vol(?:ume)?|bd|tome|t)\b\.?\s*(?P<v>\d+[a-z]?|[IVXLC]+|[ivxlc]+)\b", re.I)
_ISSUE = re.compile(r"(?:\b(?:no|nr|num|number|issue)\b\.?|n°|#)\s*(?P<v>\d[\w/-]*)", re.I)
_PAGES = re.compile(r"\b(?:pp?|pages?|s)\.\s*(?P<v>\d[^,;]*?)\s*\.?\s*$", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bet\b|\bund\b)\s*")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def clean_value(value: str) -> str:
    """A metadata value without the sentence's closing full stop and spare white space."""
    value = " ".join(value.split())
    if value.endswith(".") and not re.search(r"\b[A-Z]\.$|\b(?:pp?|[Nn]o|[Vv]ol)\.$", value):
        value = value[:-1]
    return value.strip()


def date_value(text: str, line: int | None = None) -> DateValue:
    span = parse_range(text)
    if span:
        return DateValue(text=clean_value(text), line=line, from_=span[0], to=span[1])
    when = parse_date(text)
    if when is None:
        found = find_dates(text)
        when = found[0].when if found else None
        if when is None:
            year = _YEAR.search(text)
            when = year.group(1) if year else None
    return DateValue(text=clean_value(text), when=when, line=line)


_NOT_A_TITLE = re.compile(r"^(?:as|in|on|at|by|for|from|with|under|a|an|the same)\b", re.I)


def parse_publication(value: str, line: int | None = None) -> Publication:
    """The parts of a bibliographic statement that are plainly stated."""
    text = clean_value(value)
    pub = Publication(text=text, line=line)
    dates = find_dates(text)
    if dates:
        pub.date = DateValue(text[dates[0].start:dates[0].end], dates[0].when, line)
    segments = [seg.strip() for seg in text.split(",") if seg.strip()]
    for seg in segments:
        if (m := _VOLUME.search(seg)) and pub.volume is None:
            pub.volume = m.group("v").rstrip(".")
        if (m := _ISSUE.search(seg)) and pub.issue is None:
            pub.issue = m.group("v").rstrip(".")
        if (m := _PAGES.search(seg)) and pub.pages is None:
            pub.pages = m.group("v").strip().rstrip(".")
        if pub.date is None and _YEAR.fullmatch(seg):
            pub.date = DateValue(seg, seg, line)
    # the periodical or book: a leading segment shaped like a title, before any detail
    first = segments[0] if segments else ""
    words = [w for w in first.split() if w[:1].isalpha()]
    if (words and not _NOT_A_TITLE.match(first) and not find_dates(first) and not _VOLUME.search(first)
            and not _ISSUE.search(first) and sum(w[0].isupper() for w in words) >= len(words) / 2):
        pub.title = first
    return pub


_FOR = re.compile(r"\s+(?:for|pour|für|para|per|from|in|at|on|with|after|using)\s+.*$", re.I)
_LETTERS_AFTER = re.compile(r"^(?:[A-Za-z]{1,3}\.\s?)+$|^(?:Esq|Jr|Jun|Sen|Sr)\.?$")
_TRAILING_YEAR = re.compile(r"[,;]?\s*\(?(?:1[5-9]|20)\d\d\)?\W*$")
# what a name or a title keeps out of the header: closing punctuation and note markers ("Title[1]", "Name.*")
_TRAILING_MARKS = re.compile(r"(?:\s*(?:\[\d{1,3}\]|\[[*†‡§]\]|[*†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+))+\s*$|\s*[,;:]\s*$")


def parse_names(value: str) -> list[str]:
    """Person names listed in a responsibility line ('X & Y for ETOL' -> ['X', 'Y'],
    'Helen Marsh, 2004' -> ['Helen Marsh'], 'Eileen Moran from the originals' -> ['Eileen Moran'])."""
    value = _TRAILING_YEAR.sub("", _FOR.sub("", clean_value(value)))
    # "Tom Smith, M.P.": the letters after a name are no name of their own
    names = [n for n in (clean_name(p) for p in _NAME_SPLIT.split(value)) if n]
    return names[:1] + [n for n in names[1:] if not _LETTERS_AFTER.match(n)]


def clean_name(value: str) -> str:
    """A name or a title for the header: no closing punctuation, no note marker ('The Rent Strike[1]',
    'Elspeth Cairns.', 'Theodore Nance,'), initials kept ('J. R. Penhallow', 'L.T.')."""
    value = clean_value(value)
    while True:
        cleaned = _TRAILING_MARKS.sub("", LIFE_DATES.sub("", value))
        cleaned = clean_value(cleaned)
        if cleaned == value:
            return value
        value = cleaned


def apply_field(meta: WorkMeta, label: str, field: str, value: str, line: int) -> None:
    """Record one labelled line (or one clause of a credits line) in the work's metadata."""
    meta.fields.append((label, value.strip(), line))
    if field == "written" and meta.written is None:
        meta.written = date_value(value, line)
    elif field == "first_published" and meta.first_published is None:
        meta.first_published = parse_publication(value, line)
    elif field == "source" and meta.source is None:
        meta.source = clean_value(value)
        meta.source_publication = parse_publication(value, line)
    elif field == "reprinted" and meta.reprinted is None:
        meta.reprinted = clean_value(value)
    elif field in RESPONSIBILITY_FIELDS:
        names = parse_names(value)
        for role in roles(label, field):
            known = next((r for r in meta.responsibilities if r.role == role), None)
            if known is None:
                meta.responsibilities.append(Responsibility(role, list(names), label.strip()))
            else:
                known.names.extend(n for n in names if n not in known.names)
    elif field == "author":
        meta.authors.extend(n for n in parse_names(value) if n not in meta.authors)
    elif field == "title" and not meta.titles:
        meta.titles.append(clean_name(value))
    elif field == "subtitle":
        meta.subtitles.append(clean_name(value))
    elif field == "publisher" and meta.publisher is None:
        meta.publisher = clean_value(value)
    elif field == "printer" and meta.printer is None:
        meta.printer = clean_value(value)
    elif field == "headnote" and meta.headnote_date is None:
        found = find_dates(value)
        meta.headnote_date = DateValue(value[found[0].start:found[0].end], found[0].when, line) if found else (
            DateValue(_YEAR.search(value).group(1), _YEAR.search(value).group(1), line) if _YEAR.search(value) else None)
    elif field == "licence" and meta.licence is None:
        meta.licence, meta.licence_label = " ".join(value.split()), label
        meta.licence_holder, meta.licence_year = licence_holder(meta.licence)
    elif field == "last_updated" and meta.last_updated is None:
        meta.last_updated = date_value(value, line)


def licence_holder(licence: str) -> tuple[str | None, str | None]:
    """(holder, year) from a copyleft/copyright statement: 'Leon Trotsky Internet Archive
    (www.marxists.org) 2018. Creative Commons ...' -> ('Leon Trotsky Internet Archive
    (www.marxists.org)', '2018')."""
    first = licence.split(". ")[0]
    year = _YEAR.search(first)
    holder = (first[:year.start()] if year else first).strip(" ,.©(")
    holder = re.sub(r"^(?:©|\(c\)|copyright)\s*", "", holder, flags=re.I).strip()
    if not holder or len(holder) > 120 or holder.lower().startswith(("creative commons", "cc ")):
        holder = None
    return holder, (year.group(1) if year else None)


_POSTER = re.compile(r"(?:,|\s)(?:par|by|posted by|publié par|von|por|di)\s+(?P<who>[^,;]+)\s*$", re.I)


def read_posting(meta: PageMeta, text: str, line: int) -> None:
    """A site's posting line: its date and who posted."""
    found = find_dates(text)
    if found and meta.posted is None:
        d = found[0]
        meta.posted = DateValue(text[d.start:d.end], d.when, line)
    poster = _POSTER.search(text)
    if poster and meta.poster is None:
        meta.poster = poster.group("who").strip()


_CRUMB_SEP = re.compile(r"\s(?:>|»|›|→|/|\|)\s")


def read_breadcrumb(meta: PageMeta, text: str) -> None:
    meta.breadcrumb = [part.strip() for part in _CRUMB_SEP.split(text) if part.strip()]


_BRACKETED_END = re.compile(r"[(\[]([^()\[\]]{4,40})[)\]]\s*$")


def title_date(title: str, line: int | None = None) -> DateValue | None:
    """The date in brackets that closes a title ("Speech on the Agrarian Question (May 1917)"), or None."""
    match = _BRACKETED_END.search(title)
    if match is None:
        return None
    span = parse_range(match.group(1))
    when = parse_date(match.group(1))
    if span:
        return DateValue(match.group(1), line=line, from_=span[0], to=span[1])
    return DateValue(match.group(1), when, line) if when else None


def work_date(meta: WorkMeta) -> tuple[DateValue | None, str | None]:
    """The work's own date, from what the text states: its date of writing, a letter's opening
    dateline, the title block's date line, a letter's closing dateline, a headnote's date; the
    date of first publication (or of the source's issue) only when nothing else dates the work.
    Returns the date and the rule of ``HEADER_FACTS`` that chose it."""
    for value, rule in ((meta.written, "date-written"), (meta.opener_date, "date-opener"),
                        (meta.date, "date-title-block"), (meta.closer_date, "date-closer"),
                        (meta.headnote_date, "date-headnote"), (meta.title_date, "date-title")):
        if value is not None and (value.when or value.from_):
            return value, rule
    published = meta.first_published.date if meta.first_published else None
    if published is not None and published.when:
        return published, "date-first-published"
    # the source's issue ("The Torch, Vol. 2, No. 6, June 1919"): its month or day, never a later edition's year
    source = meta.source_publication.date if meta.source_publication else None
    if source is not None and source.when and len(source.when) >= len("YYYY-MM"):
        return source, "date-source"
    return None, None
