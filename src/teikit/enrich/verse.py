"""Verse set off in prose: lines of verse standing between the paragraphs of a prose work
are quoted verse (TEI ``quote``), whether or not quotation marks surround them.

A run of verse is two or more short lines, each opening with a capital, not all ending a sentence, written one under the
other (no blank line between them, where the work parts its paragraphs with blank lines; or
the lines of one paragraph whose line breaks are the text's). Stanzas one blank line apart are
one run; verse right under a heading is a motto. Certainty (the rules of ``QUOTED_VERSE`` in
``teikit.weights.quotations``): ``low``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from teikit import lang
from teikit.enrich.quote_types import QUOTE, decide
from teikit.evidence import Evidence
from teikit.lang import en
from teikit.model import Block
from teikit.weights.quotations import QUOTED_VERSE

# The longest line taken as a line of verse, and when a work is prose, are thresholds of
# ``QUOTED_VERSE`` (verse quoted in verse is not told apart).
VERSE = "verse"  # the convention, as the review names it
_OPENS_LINE = re.compile(r"\s*[“‘«„\"'(]?[A-ZÀ-ÖØ-Þ]")
_ENDS_SENTENCE = re.compile(r"[.!?…][”’»\"')]*$")
_LIST_ITEM = re.compile(r"\s*(?:[-*•·]|\d+[.)]|[ivxlc]+[.)])\s", re.IGNORECASE)
# The close of a letter ("Yours faithfully", "Your friend"): short lines that are no verse.
_LETTER = re.compile(rf"\b(?:{lang.alternation(en.LETTER_CLOSING_PATTERNS)})\b", re.IGNORECASE)


@dataclass(frozen=True)
class VerseRun:
    blocks: list[int]  # indices in the flow, in order
    cert: str
    reason: str
    evidence: Evidence | None = field(default=None, compare=False)  # the rules that found it


def verse_line(line: str) -> bool:
    text, th = line.strip(), QUOTED_VERSE.thresholds
    # (the length first: a paragraph of prose is not split into words to be told it is no line)
    return (len(text) <= th["line-chars"] and len(text.split()) >= th["line-words"] and bool(_OPENS_LINE.match(text))
            and not text.isupper() and not _LIST_ITEM.match(text))


def _lines(block: Block) -> list[str]:
    return [line for line in block.text.split("\n") if line.strip()]


def _gap(a: Block, b: Block) -> int:
    """Blank lines between two blocks of the source."""
    return b.line - (a.line + a.text.count("\n") + 1)


def find_verse(blocks: Sequence[Block], links: Sequence[bool], free: Sequence[bool]) -> list[VerseRun]:
    """Runs of quoted verse among a work's blocks in flow order; ``links[i]``: block ``i``
    follows block ``i - 1`` in the same container; ``free[i]``: block ``i`` may be wrapped."""
    rules, th = QUOTED_VERSE, QUOTED_VERSE.thresholds
    sizes = [len(b.text) for b in blocks if b.kind == "p"]
    if sum(n for n in sizes if n > th["prose-paragraph-chars"]) < th["prose-share"] * sum(sizes):
        return []  # not a prose work
    pairs = [(a, b) for a, b, linked in zip(blocks, blocks[1:], links[1:])
             if linked and max(len(a.text), len(b.text)) > th["prose-paragraph-chars"]]
    if not pairs or sum(_gap(a, b) > 0 for a, b in pairs) < th["blank-line-share"] * len(pairs):
        return []  # paragraphs of prose are not parted by blank lines: lines say nothing
    runs: list[list[int]] = []
    for index, block in enumerate(blocks):
        if not (free[index] and block.kind == "p"):
            continue
        lines = _lines(block)
        if not (lines and all(verse_line(line) for line in lines)):
            continue
        stanza = runs and sum(len(_lines(blocks[i])) for i in runs[-1]) > 1
        if (runs and runs[-1][-1] == index - 1 and links[index]
                and (_gap(blocks[index - 1], block) == 0 or _gap(blocks[index - 1], block) == 1 and stanza)):
            runs[-1].append(index)
        else:
            runs.append([index])
    found = []
    for run in runs:
        lines = [line for index in run for line in _lines(blocks[index])]
        if any(_LETTER.search(line) for line in lines):
            continue
        first = run[0]
        if len(lines) < th["run-lines"]:
            continue
        if all(_ENDS_SENTENCE.search(line.rstrip()) for line in lines):
            continue  # short sentences, one a line: not verse
        previous = blocks[first - 1] if first > 0 else None
        before = previous.text.rstrip() if previous is not None and links[first] else ""
        motto = previous is not None and previous.kind == "head"
        prose = len(before) >= th["line-chars"]
        ev = rules.evidence()
        if not (ev.check(rules.motto, motto) or ev.check(rules.in_prose, prose, before_chars=len(before))):
            continue  # verse quoted in prose stands between paragraphs of prose, or under a heading
        reason = "lines of verse under a heading" if motto else "lines of verse set off in prose"
        found.append(VerseRun(run, decide(rules, ev, QUOTE), reason, ev))
    return found
