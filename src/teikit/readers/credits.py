"""What a credits line says: its clauses, each a label (or a phrase) and a value.

Web archives state who wrote, published, transcribed and marked up a text in many shapes:
"Label: value" lines, two-column rows copied from a wiki ("Written | 1931"), sentences ("From
The Weekly Beacon, Vol. 4, No. 17, 1911.", "Transcribed by A; marked up by B."), several labels
on one line ("Transcription: A. Mark-up: B."), a bracketed source note ("[Source: ...;
Transcribed by ...]") or an editor's sentence ("This speech was delivered at ... on 7 June
1921"). Every shape is cut here into clauses with offsets into the line, so that the reader can
keep the line whole in the text and copy each value into the header. Nothing here decides a
block's role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.lang import LANGUAGES, alternation, gather

# Known labels (lower case, as written) -> the field they fill, in every language.
KNOWN_LABELS = {label: field for module in LANGUAGES for label, field in module.LABELS.items()}
# Metadata written as sentences, in every language: (pattern, field).
METADATA_PHRASES = tuple((re.compile(pattern, re.I), field) for pattern, field in gather("METADATA_PHRASE_PATTERNS"))
# "Label: value", "Label | value" (a table row), "Label<TAB>value".
LABELLED = re.compile(r"(?P<label>[A-Z][\w’' /\\&.-]{0,38}?)(?:\s?:\s+|\s*\|\s*|\t+\s*)(?=\S)", re.S)
# Where a further clause may open inside a line: after a sentence's end or a semicolon.
CLAUSE_BREAK = re.compile(r"[.;]\s+")
# Fields that name who did what (roles from the label's words), and the role when the label names none.
RESPONSIBILITY_FIELDS = {"transcribed": "transcription", "translated": "translation", "proofread": "proofreading"}
ROLE_WORDS = tuple((re.compile(pattern, re.I), role) for pattern, role in gather("RESPONSIBILITY_ROLES"))
_BRACKETS = {"[": "]", "(": ")"}


@dataclass(frozen=True)
class Clause:
    """One statement of a credits line: ``text[start:end]`` says ``label`` (as written) and its
    value is ``text[value_start:end]``; ``field`` is the header field it fills ("" when the label is
    not known)."""

    label: str
    field: str
    start: int
    value_start: int
    end: int
    table: bool = False  # a row of a two-column table ("Written | 1931")


def label_field(label: str) -> str:
    """The header field a label fills ("" when unknown)."""
    return KNOWN_LABELS.get(label.lower().rstrip(".").strip().replace("\\", "/"), "")


def roles(label: str, field: str) -> list[str]:
    """The roles a responsibility label names ("Transcription/HTML Markup" -> transcription, HTML
    mark-up), each word once; the field's own role when the label names none."""
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for pattern, role in ROLE_WORDS:
        for match in pattern.finditer(label):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append(match.span())
            if role not in (r for _, r in found):
                found.append((match.start(), role))
    if found:
        return [role for _, role in sorted(found)]
    default = RESPONSIBILITY_FIELDS.get(field)
    return [default] if default else []


def _clause_at(text: str, at: int, end: int) -> Clause | None:
    """The clause that opens at ``text[at]`` (a known label or a phrase), or None."""
    part = text[at:end]
    labelled = LABELLED.match(part)
    if labelled:
        label = labelled.group("label").strip()
        field = label_field(label)
        separator = part[labelled.end("label"):labelled.end()]
        if field:
            return Clause(label, field, at, at + labelled.end(), end, table="|" in separator or "\t" in separator)
    for pattern, field in METADATA_PHRASES:
        match = pattern.match(part)
        if match:
            return Clause(match.group("label"), field, at, at + match.end(), end)
    return None


def clauses(text: str, start: int = 0, end: int | None = None) -> list[Clause]:
    """The known clauses of ``text[start:end]``, in order: the first must open at ``start``; each
    further one opens after ". " or "; " with a known label or phrase, and ends where the next
    opens. [] when the text opens with none."""
    end = len(text) if end is None else end
    first = _clause_at(text, start, end)
    if first is None:
        return []
    found = [first]
    for match in CLAUSE_BREAK.finditer(text, first.value_start, end):
        clause = _clause_at(text, match.end(), end)
        if clause is not None and clause.start > found[-1].value_start:
            found[-1] = Clause(found[-1].label, found[-1].field, found[-1].start, found[-1].value_start,
                               match.start() + 1, found[-1].table)
            found.append(clause)
    return found


def bracketed(text: str) -> tuple[int, int] | None:
    """The inside of a line that is wholly in brackets ("[Source: ...]", "(From ...)"), as offsets."""
    stripped = text.strip()
    if len(stripped) < 3 or _BRACKETS.get(stripped[0]) != stripped[-1]:
        return None
    at = text.index(stripped[0])
    inside_end = at + len(stripped) - 1
    # one bracket pair around the whole line, not "(a) ... (b)"
    if stripped.count(stripped[0]) != 1 or stripped.count(stripped[-1]) != 1:
        return None
    return at + 1, inside_end


def line_clauses(text: str) -> list[Clause]:
    """The clauses of a whole credits line: as written, or inside its brackets."""
    lead = len(text) - len(text.lstrip())
    found = clauses(text, lead, len(text.rstrip()))
    if found:
        return found
    inside = bracketed(text)
    if inside is None:
        return []
    lead = inside[0] + len(text[inside[0]:inside[1]]) - len(text[inside[0]:inside[1]].lstrip())
    return clauses(text, lead, inside[1])


def value(text: str, clause: Clause) -> str:
    """A clause's value as written, without the clause's closing punctuation."""
    return " ".join(text[clause.value_start:clause.end].split()).rstrip(" ;,")
