"""Quotation marks -> quotations: which marks open, which close, which are apostrophes.

The scanner reads a run of paragraphs so that a quotation continued over paragraphs (the
next paragraph opens with the same mark while one is still open, and the closing mark comes
later) is one quotation in parts. It marks only what the marks prove: an opening mark that is
never closed, or a closing mark never opened, is reported as a ``Stray`` with its place, and
the text after it stays unmarked, so one missing mark never swallows what follows.

Conventions understood: “…” and ‘…’ nested either way, „…“ and ‚…‘, «…» and »…«, ‹…›,
straight "…" and '…', TeX-like ``…'' and doubled closers ’’ or '' written for ”. A ’ between
letters (don’t, Tarov’s) is an apostrophe; after a word-final s with nothing open (Engels’)
it is a possessive; it closes a single quotation only when one is open.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

from teikit.lang import en

DOUBLE, SINGLE, GUILLEMET, SINGLE_GUILLEMET = "double", "single", "guillemet", "single guillemet"
UNCLOSED, UNOPENED = "unclosed", "unopened"

# Every character (or doubled pair) that may be a quotation mark; pairs first. (Written
# as a list of literals, ``’’|''|``|‘‘|[“”„‟"«»‹›‘’‚‛']`` one character at a time, so that
# the regex engine skips the characters that open none of them without trying each.)
_CANDIDATE = re.compile(r"’’?|''?|``|‘‘?|“|”|„|‟|\"|«|»|‹|›|‚|‛")
# Punctuation after which a mark opens (besides white space and the start of a block).
_OPENING_PUNCT = set("([{<—–-/‘“«‹„‚‛\"'")
_DASHES = set("—–-")
# Punctuation before which a mark closes (besides white space and the end of a block).
_CLOSING_PUNCT = set(".,;:!?)]}>—–-…”’»›\"'*¹²³⁴⁵⁶⁷⁸⁹⁰")
# Words an apostrophe at a word's start shortens, not quotation openers ('tis, ’em, ’90s).
_ELISIONS = en.ELISIONS
# Families where an opener of the same family inside an open one means the open one was
# never closed (English alternates double and single marks when nesting).
_NO_SELF_NESTING = frozenset({DOUBLE, SINGLE})


@dataclass(frozen=True)
class Mark:
    """One quotation mark as written: ``block`` is its index in the scanned run."""

    block: int
    offset: int
    text: str  # one character, or two for a doubled mark (’’, '', ``, ‘‘)
    family: str
    malformed: bool = False  # written in an unusual form (’’ for ”, ” opening, “ closing)

    @property
    def end(self) -> int:
        return self.offset + len(self.text)


@dataclass
class Quotation:
    """A quotation proved by its marks: the parts are (block, start, end), marks included."""

    opener: Mark
    closer: Mark
    parts: list[tuple[int, int, int]]
    depth: int  # 0 when not inside another quotation

    @property
    def malformed(self) -> bool:
        return self.opener.malformed or self.closer.malformed

    @property
    def continued(self) -> bool:
        return len(self.parts) > 1


@dataclass(frozen=True)
class Stray:
    """A mark that proves nothing: an opener never closed, or a closer never opened."""

    mark: Mark
    problem: str  # UNCLOSED or UNOPENED


@dataclass
class Scan:
    quotations: list[Quotation] = field(default_factory=list)
    strays: list[Stray] = field(default_factory=list)


@dataclass
class _Open:
    mark: Mark
    depth: int
    parts: list[tuple[int, int, int]] = field(default_factory=list)
    start: int = 0  # where the current part starts in the current block
    block: int = 0


def _space(c: str) -> bool:
    return c == "" or c.isspace()


def _word(c: str) -> bool:
    return c != "" and c.isalnum()


def _opening_context(c: str) -> bool:
    return _space(c) or c in _OPENING_PUNCT


def _closing_context(c: str) -> bool:
    return _space(c) or c in _CLOSING_PUNCT


def _after_dash(before: str, after: str) -> bool:
    """A mark between a dash and a pause closes: speech broken off ("I think—’ she said")."""
    return before in _DASHES and not _word(after)


def _next_word(text: str, pos: int) -> str:
    match = re.match(r"\w+", text[pos:])
    return match.group().lower() if match else ""


def _later_single_closer(text: str, pos: int) -> bool:
    """Whether a mark after ``pos`` could close a single quotation (’ or ' ending a word)."""
    for match in re.finditer(r"[’']", text[pos:]):
        i = pos + match.start()
        before, after = text[i - 1] if i else "", text[i + 1] if i + 1 < len(text) else ""
        if not _space(before) and not _word(after):
            return True
    return False


class _Scanner:
    def __init__(self, texts: Sequence[str], links: Sequence[bool], joins: Sequence[bool]):
        self.texts = texts
        self.links = links
        self.joins = joins
        self.stack: list[_Open] = []
        self.out = Scan()

    # -- the stack ----------------------------------------------------------------------

    def _find(self, family: str, opener_text: str | None = None) -> int | None:
        for index in range(len(self.stack) - 1, -1, -1):
            entry = self.stack[index]
            if entry.mark.family == family and (opener_text is None or entry.mark.text == opener_text):
                return index
        return None

    def _top_text(self) -> str | None:
        return self.stack[-1].mark.text if self.stack else None

    def _open(self, mark: Mark) -> None:
        if self.stack and mark.family in _NO_SELF_NESTING and self.stack[-1].mark.family == mark.family:
            self.out.strays.append(Stray(self.stack.pop().mark, UNCLOSED))
        self.stack.append(_Open(mark, len(self.stack), start=mark.offset, block=mark.block))

    def _close(self, mark: Mark, opener: str | None = None) -> bool:
        """Close the innermost open quotation of the mark's family (opened by ``opener``, when
        given); what is open inside it was never closed."""
        index = self._find(mark.family, opener)
        if index is None:
            self.out.strays.append(Stray(mark, UNOPENED))
            return False
        while len(self.stack) > index + 1:
            self.out.strays.append(Stray(self.stack.pop().mark, UNCLOSED))
        entry = self.stack.pop()
        parts = entry.parts + [(mark.block, entry.start, mark.end)]
        self.out.quotations.append(Quotation(entry.mark, mark, parts, entry.depth))
        return True

    # -- one mark -------------------------------------------------------------------------

    def _mark(self, b: int, text: str, i: int, tok: str) -> None:
        before = text[i - 1] if i else ""
        after = text[i + len(tok)] if i + len(tok) < len(text) else ""

        def mark(family: str, malformed: bool = False, token: str = tok, at: int = i) -> Mark:
            return Mark(b, at, token, family, malformed)

        if tok in ("’’", "''"):
            if self.stack and self.stack[-1].mark.family == SINGLE and self._find(DOUBLE) is not None:
                self._close(mark(SINGLE, token=tok[0]))
                self._close(mark(DOUBLE, True, token=tok[1], at=i + 1))
            elif self._find(DOUBLE) is not None:
                self._close(mark(DOUBLE, True))
            elif self._find(SINGLE) is not None:
                self._close(mark(SINGLE, token=tok[0]))
            elif not _space(before) and _closing_context(after):
                self.out.strays.append(Stray(mark(DOUBLE, True), UNOPENED))
        elif tok in ("``", "‘‘"):
            if not _space(after):
                self._open(mark(DOUBLE, True))
        elif tok in ("“", "‟"):
            if self._top_text() == "„":
                self._close(mark(DOUBLE))
            elif self._find(DOUBLE) is not None and _closing_context(after) and (
                    not _opening_context(before) or _after_dash(before, after)):
                self._close(mark(DOUBLE, True))
            else:
                self._open(mark(DOUBLE))
        elif tok == "„":
            if not _space(after):
                self._open(mark(DOUBLE))
        elif tok == "”":
            if self._find(DOUBLE) is not None:
                self._close(mark(DOUBLE))
            elif _opening_context(before) and not _space(after):
                self._open(mark(DOUBLE, True))
            else:
                self.out.strays.append(Stray(mark(DOUBLE), UNOPENED))
        elif tok == '"':
            self._straight_double(mark, before, after)
        elif tok in ("«", "‹", "»", "›"):
            self._guillemet(mark, tok, before, after)
        elif tok in ("‘", "‛"):
            if self._top_text() == "‚":
                self._close(mark(SINGLE))
            elif not _word(before) and not _space(after):
                # ‘ before an elided word (‘tis, ‘90s) opens only when a closing mark follows
                word = _next_word(text, i + 1)
                if not (word.isdigit() or word in _ELISIONS) or _later_single_closer(text, i + 1):
                    self._open(mark(SINGLE))
        elif tok == "‚":
            if _opening_context(before) and _word(after):
                self._open(mark(SINGLE))
        else:  # ’ or '
            self._single_closer(mark, text, i, tok, before, after)

    def _straight_double(self, mark, before: str, after: str) -> None:
        is_open = self._find(DOUBLE) is not None
        can_open = _opening_context(before) and not _space(after)
        can_close = not _space(before) and _closing_context(after)
        if can_close and is_open:
            self._close(mark(DOUBLE, self.stack[self._find(DOUBLE)].mark.text != '"'))
        elif can_open:
            self._open(mark(DOUBLE))
        elif is_open and _space(before) and _space(after):
            self._close(mark(DOUBLE))
        elif can_close:
            self.out.strays.append(Stray(mark(DOUBLE), UNOPENED))

    def _guillemet(self, mark, tok: str, before: str, after: str) -> None:
        family = GUILLEMET if tok in "«»" else SINGLE_GUILLEMET
        opener, closer = ("«", "»") if family == GUILLEMET else ("‹", "›")
        if tok == opener:
            if self._find(family, closer) is not None and not _space(before):
                self._close(mark(family), closer)  # »…« (German order)
            else:
                self._open(mark(family))
        elif self._find(family, opener) is not None:
            self._close(mark(family), opener)
        elif _opening_context(before) and _word(after):
            self._open(mark(family))  # »…« (German order)
        else:
            self.out.strays.append(Stray(mark(family), UNOPENED))

    def _single_closer(self, mark, text: str, i: int, tok: str, before: str, after: str) -> None:
        """’ or ': an apostrophe, a possessive, or a closing (rarely opening) single mark."""
        if _word(before) and _word(after):
            return  # don’t, Tarov’s, O’Callaghan
        if _opening_context(before) and not _after_dash(before, after):
            word = _next_word(text, i + 1)
            if (tok == "'" and _word(after) and not (word.isdigit() or word in _ELISIONS)
                    and _later_single_closer(text, i + 1)):
                self._open(mark(SINGLE))
            return  # an elision ('tis, ’90s) or a mark that proves nothing
        open_single = self._find(SINGLE) is not None
        if _word(before):
            if not open_single:
                return  # a possessive: Engels’, workers’
            possessive = (before in "sS" and after == " " and text[i + 2:i + 3].islower()
                          and _later_single_closer(text, i + 1))
            if not possessive:
                self._close(mark(SINGLE))
            return
        if open_single:
            self._close(mark(SINGLE))
        elif _closing_context(after):
            self.out.strays.append(Stray(mark(SINGLE), UNOPENED))

    # -- blocks ---------------------------------------------------------------------------

    def _reopening(self, b: int) -> re.Match | None:
        """The mark a linked next block opens with, when it continues the open quotation."""
        if not self.stack or b + 1 >= len(self.texts) or not self.links[b + 1]:
            return None
        following = self.texts[b + 1]
        match = _CANDIDATE.match(following, len(following) - len(following.lstrip()))
        if match is None:
            return None
        family = {"“": DOUBLE, "„": DOUBLE, '"': DOUBLE, "``": DOUBLE, "‘‘": DOUBLE, "‘": SINGLE, "'": SINGLE,
                  "«": GUILLEMET, "»": GUILLEMET, "‹": SINGLE_GUILLEMET}.get(match.group())
        return match if family == self.stack[0].mark.family else None

    def _end_block(self, b: int, text: str) -> re.Match | None:
        if b + 1 < len(self.texts) and self.joins[b + 1]:
            # the next block is the next line of the same passage: every quotation goes on
            following = self.texts[b + 1]
            for entry in self.stack:
                entry.parts.append((b, entry.start, len(text.rstrip())))
                entry.start, entry.block = len(following) - len(following.lstrip()), b + 1
            return None
        reopening = self._reopening(b)
        if reopening is None:
            while self.stack:
                self.out.strays.append(Stray(self.stack.pop().mark, UNCLOSED))
            return None
        while len(self.stack) > 1:
            self.out.strays.append(Stray(self.stack.pop().mark, UNCLOSED))
        entry = self.stack[0]
        entry.parts.append((b, entry.start, len(text.rstrip())))
        entry.start = reopening.start()
        entry.block = b + 1
        return reopening

    def scan(self) -> Scan:
        reopening: re.Match | None = None
        for b, text in enumerate(self.texts):
            for match in _CANDIDATE.finditer(text):
                if reopening is not None and match.start() == reopening.start():
                    continue  # the continued quotation's own opening mark
                self._mark(b, text, match.start(), match.group())
            reopening = self._end_block(b, text)
        self.out.quotations.sort(key=lambda q: (q.parts[0][0], q.parts[0][1], -q.depth))
        self.out.strays.sort(key=lambda s: (s.mark.block, s.mark.offset))
        return self.out


def scan(texts: Sequence[str], links: Sequence[bool] | None = None, joins: Sequence[bool] | None = None) -> Scan:
    """Quotations and stray marks in a run of blocks. ``links[i]`` says whether block ``i``
    directly follows block ``i - 1`` as a paragraph of the same flow, so that a quotation
    may continue into it when it opens with the same mark (default: never); ``joins[i]``,
    whether block ``i`` is the next line of the same passage (a line of verse), so that
    every open quotation goes on into it."""
    none = [False] * len(texts)
    return _Scanner(texts, links if links is not None else none, joins if joins is not None else none).scan()
