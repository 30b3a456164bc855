"""Footnote markers in the text and the notes that answer them.

A note opens with its marker ("[1] ...", "1. ...", "* ...", "¹ ..."); the same marker in the
text ("[1]", "*", a superscript or a digit glued to a word) links to it. A marker is only
taken as one when its note exists, so "[1]" in a text without notes stays plain text.
"""

from __future__ import annotations

import re

from teikit.model import Block, Span
from teikit.weights.notes import NOTE_MARKER

_SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def note_number(block: Block, match: re.Match | None) -> tuple[str | None, int]:
    """(marker value, end of the marker) of a note's opening, or (None, 0)."""
    if match is None:
        return None, 0
    for group in ("b", "p", "d", "s", "u"):
        value = match.group(group)
        if value:
            return value.translate(_SUPERSCRIPTS), match.end()
    return None, 0


def _marker_pattern(numbers: set[str], parenthesised: bool = False) -> re.Pattern | None:
    if not numbers:
        return None
    digits = sorted((n for n in numbers if n.isdigit()), key=len, reverse=True)
    symbols = sorted((n for n in numbers if not n.isdigit()), key=len, reverse=True)
    alts = [r"\[(?P<b>" + "|".join(map(re.escape, digits + symbols)) + r")\]"]
    if parenthesised and digits:  # notes opening with "(1)": the text writes "(1)" too
        alts.append(r"\((?P<p>" + "|".join(map(re.escape, digits)) + r")\)")
    if digits:
        sup = "".join(sorted(set("".join(digits)))).translate(str.maketrans("1234567890", "¹²³⁴⁵⁶⁷⁸⁹⁰"))
        alts.append(rf"(?P<u>[{re.escape(sup)}]+)")
        # a number glued to a word or closing punctuation: "revolution.12 The"
        alts.append(r"(?<=[^\W\d_]|[.,;:!?”’\")])(?P<g>" + "|".join(map(re.escape, digits)) + r")(?=\s|$)")
    if symbols:
        alts.append(r"(?<=\S)(?P<s>" + "|".join(map(re.escape, symbols)) + r")(?=\s|$|[.,;:])")
    return re.compile("|".join(alts))


def link_notes(work_id: str, body: list[Block], notes: list[Block], earlier: list[list[Block]] = ()) -> None:
    """Number the notes, find their markers in ``body`` and link both ways. ``earlier``: the
    bodies of earlier works of the file that have no notes of their own (a page whose one notes
    block at its end answers markers in several works); their markers link to the notes no
    marker of ``body`` claimed."""
    by_number: dict[str, Block] = {}
    for index, note in enumerate(notes, start=1):
        n = note.attrs.get("n") or str(index)
        note.attrs["n"] = n
        note.attrs.setdefault("xml:id", f"{work_id}-note{index}")
        by_number.setdefault(n, note)
    pattern = _marker_pattern({n for n, note in by_number.items() if note.marker},
                              any(note.marker_style == "p" for note in notes))
    if pattern is None:
        return
    _link_markers(body, by_number, pattern)
    unclaimed = {n: note for n, note in by_number.items() if "target" not in note.attrs}
    for blocks in earlier:
        if unclaimed:
            _link_markers(blocks, unclaimed, pattern)
            unclaimed = {n: note for n, note in unclaimed.items() if "target" not in note.attrs}


def _link_markers(blocks: list[Block], by_number: dict[str, Block], pattern: re.Pattern) -> None:
    seen: dict[str, int] = {}
    for block in blocks:
        for match in pattern.finditer(block.text):
            value = next(v for v in match.groups() if v)
            n = value.translate(_SUPERSCRIPTS)
            note = by_number.get(n)
            if note is None:
                continue
            seen[n] = seen.get(n, 0) + 1
            ref_id = f"{note.attrs['xml:id']}-ref" + ("" if seen[n] == 1 else str(seen[n]))
            evidence = NOTE_MARKER.evidence()
            rule = {"b": NOTE_MARKER.bracketed, "p": NOTE_MARKER.parenthesised, "u": NOTE_MARKER.superscript,
                    "g": NOTE_MARKER.glued_number, "s": NOTE_MARKER.symbol}[match.lastgroup]
            if not evidence.check(rule, True, marker=match.group(), note=n):
                continue
            cert = NOTE_MARKER.cert(evidence.score)
            evidence.decide("ref", cert)
            block.add_span(Span(match.start(), match.end(), "ref", {
                "xml:id": ref_id, "type": "noteAnchor", "n": n, "target": f"#{note.attrs['xml:id']}",
                "cert": cert}, priority=10, evidence=evidence))
            note.attrs.setdefault("target", f"#{ref_id}")
