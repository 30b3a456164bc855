"""Judging the structural role of every source block.

A web-archive transcription reads, per work::

    [page chrome] [title block] [metadata] body (paragraphs, headings)
    [closer] [notes] [metadata] [page chrome]

and a page may carry several works one after another. Roles are judged from several
signals together (shape, case, punctuation, position, neighbours, language), never from one
rule: paragraphs anchor the reading; the short runs between them are title blocks,
headings, closers, note headings or chrome according to what surrounds them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from teikit.evidence import Evidence, RuleTable
from teikit.lang import alternation, gather
from teikit.model import OPENER
from teikit.readers.layout import SourceBlock
from teikit.readers.signals import Signals
from teikit.weights.structure import CHROME as CHROME_RULES
from teikit.weights.structure import CONTENTS as CONTENTS_RULES
from teikit.weights.structure import HEADING, LETTER, METADATA, NOTES, TITLE_BLOCK

# Roles (the model's block kinds, plus reader-internal ones).
CHROME = "chrome"
AUTHOR, TITLE, SUBTITLE, BYLINE, DOCDATE = "docAuthor", "title", "subtitle", "byline", "docDate"
META = "meta"
HEAD, P = "head", "p"
DATELINE, SIGNED, SALUTE = "dateline", "signed", "salute"
NOTES_HEAD, NOTE = "notesHead", "note"
CONTENTS_HEAD, CONTENTS = "contentsHead", "contents"

TITLE_BLOCK_ROLES = {AUTHOR, TITLE, SUBTITLE, BYLINE, DOCDATE}


@dataclass
class Judged:
    """A source block with the role the reader gave it, and why."""

    sig: Signals
    role: str = P
    cert: str | None = None
    evidence: Evidence | None = None
    chrome_kind: str | None = None  # for page chrome: breadcrumb, posting, pageTitle, ...
    byline_name: str | None = None  # for a byline: the author's name in it
    notes_type: str | None = None  # for a notes heading: "editorial" when it names an editor
    notes_resp: str | None = None  # ... and who wrote the notes ("translator", "ETOL")
    settled: bool = False  # the body's judging leaves the role as it is (an opening salutation)
    # True when this block continues the previous one (a title wrapped over two lines,
    # short lines of a verse or list): the builder merges it into the previous block.
    joins_previous: bool = False

    @property
    def block(self) -> SourceBlock:
        return self.sig.block

    def decide(self, role: str, evidence: Evidence, table: RuleTable | None = None, cert: str | None = None,
               threshold: float | None = None, alternatives: list[tuple[str, float]] = ()) -> None:
        """Take ``role`` for the rules in ``evidence``; the certainty is what their score earns in
        ``table`` (or ``cert`` as given)."""
        if table is not None:
            cert = table.cert(evidence.score)
        self.role, self.cert, self.evidence = role, cert, evidence
        evidence.decide(role, cert, threshold, alternatives)


@dataclass
class WorkPlan:
    """The judged blocks of one work, in order."""

    blocks: list[Judged]


class StructureJudge:
    """Assigns roles to the source blocks of one input and cuts it into works."""

    def __init__(self, blocks: list[SourceBlock]):
        self.items = [Judged(Signals(b)) for b in blocks]
        self.body_lang = self._body_language()

    # -- signals combined -------------------------------------------------------------

    def _body_language(self) -> str | None:
        votes = Counter(j.sig.language for j in self.items if j.sig.is_long and j.sig.language)
        return votes.most_common(1)[0][0] if votes else None

    @staticmethod
    def is_para(j: Judged) -> bool:
        """Prose that anchors the reading: a paragraph (or a note's text)."""
        return j.sig.paragraph is not None

    def foreign(self, j: Judged) -> bool:
        lang = j.sig.language
        return bool(lang and self.body_lang and lang != self.body_lang)

    # -- the whole input --------------------------------------------------------------

    def judge(self) -> list[WorkPlan]:
        items = self.items
        paras = [i for i, j in enumerate(items) if self.is_para(j)]
        if not paras:
            self._judge_body(items)
            return [WorkPlan(items)]
        starts = [0] + self._later_work_starts(paras)
        plans = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(items)
            segment = items[start:end]
            self._judge_work(segment, first=n == 0, last=n == len(starts) - 1)
            plans.append(WorkPlan(segment))
        return plans

    def _later_work_starts(self, paras: list[int]) -> list[int]:
        """Indices where a title block opens a new work after an earlier work's body."""
        starts = []
        for a, b in zip(paras, paras[1:]):
            run = self.items[a + 1:b]
            if len(run) < 2:
                continue
            tb = self._title_block_suffix(run)
            # "date / name" right after the body is the previous work's closer, not an author
            if len(tb) > 2 and tb[0] > 0 and run[tb[0] - 1].sig.dateline and run[tb[0]].sig.name_like:
                tb = tb[1:]
            if tb and self._is_title_block([run[k] for k in tb]):
                starts.append(a + 1 + tb[0])
        return starts

    # -- title blocks -----------------------------------------------------------------

    def _title_like(self, j: Judged) -> bool:
        s = j.sig
        # French, Spanish, Italian... write titles in sentence case ("La révolution trahie")
        th = TITLE_BLOCK.thresholds
        sentence_case = self.body_lang not in (None, "en") and s.starts_upper and len(s.words) <= th["title-words"]
        return not s.is_long and (s.heading_shape >= th["title-shape"] or s.all_caps or (
            (s.starts_lower or sentence_case) and len(s.words) <= th["title-words"] and not s.ends_terminal))

    def _title_block_suffix(self, run: list[Judged]) -> list[int]:
        """Positions in ``run`` of its longest tail that reads as a title block."""
        taken: list[int] = []
        dates = authors = 0
        for i in reversed(range(len(run))):
            j = run[i]
            s = j.sig
            if s.notes_heading or (s.label and s.label[1]) or s.comment_cue or s.is_breadcrumb or s.posting or \
                    s.nav_cue:
                break
            if s.dateline:  # a date, or "Place, date" ("London, September 21, 1890")
                if dates:
                    break
                dates += 1
            elif s.byline_name:
                pass
            elif s.name_like and s.has_initials:
                if authors:
                    break
                authors += 1
            elif not self._title_like(j):
                break
            taken.append(i)
        taken.reverse()
        # a date line at the very start belongs to what precedes (a closer), not to the title
        while taken and run[taken[0]].sig.dateline and len(taken) > 1 and not run[taken[0]].sig.is_parenthesised:
            taken.pop(0)
        return taken

    def _is_title_block(self, run: list[Judged]) -> bool:
        sigs = [j.sig for j in run]
        has_date = any(s.dateline for s in sigs)
        has_author = any(s.byline_name or (s.name_like and s.has_initials) for s in sigs)
        titles = [s for s in sigs if not s.dateline and not s.byline_name and not (s.name_like and s.has_initials)]
        # without a date, a title that is a name is a signature ("Leon Trotsky / Coyoacán, D.F.")
        if not has_date:
            titles = [s for s in titles if not s.name_like]
        return bool(titles) and (has_date or has_author) and len(run) >= 2

    # -- one work ---------------------------------------------------------------------

    def _judge_work(self, seg: list[Judged], first: bool, last: bool) -> None:
        first_para = next(i for i, j in enumerate(seg) if self.is_para(j))
        front_end = self._judge_front(seg[:first_para], first)
        tail_start = self._judge_tail(seg, first_para, last)
        front_end = self._leading_note(seg, front_end, tail_start)
        self._judge_body(seg[front_end:tail_start])

    def _leading_note(self, seg: list[Judged], start: int, end: int) -> int:
        """An editor's note before the text ("Note by ETOL", "Editor's note", then one paragraph,
        then the text): a note in front. Returns where the body starts."""
        match = seg[start].sig.notes_heading if start + 2 < end else None
        if match is None or not _editorial(match) or \
                not self.is_para(seg[start + 1]) or not any(self.is_para(j) for j in seg[start + 2:end]):
            return start
        evidence = NOTES.evidence()
        if not evidence.check(NOTES.editor_note_first, True, heading=match.group().strip()):
            return start
        self._notes_heading(seg[start], match)
        seg[start + 1].decide(NOTE, evidence, NOTES)
        return start + 2

    @staticmethod
    def _notes_heading(heading: Judged, match: re.Match) -> None:
        evidence = NOTES.evidence()
        evidence.add(NOTES.heading, heading=match.group().strip())
        heading.decide(NOTES_HEAD, evidence, NOTES)
        heading.notes_type = "editorial" if _editorial(match) else None
        if match.group("by"):
            heading.notes_resp = match.group("by").strip()
        elif match.group("translator"):
            heading.notes_resp = "translator"

    def _judge_front(self, run: list[Judged], first: bool) -> int:
        """Roles for the blocks before the first paragraph; returns where the body starts."""
        if not run:
            return 0
        # metadata: labelled lines (and unlabelled lines of their blank-line group)
        labelled = [i for i, j in enumerate(run) if j.sig.label and
                    (j.sig.label[1] or sum(1 for k in run if k.sig.label) >= 2)]
        meta_idx: set[int] = set()
        if labelled:
            lo, hi = min(labelled), max(labelled)
            meta_idx.update(range(lo, hi + 1))
            # unlabelled lines of the same block continue the metadata
            k = hi + 1
            while k < len(run) and run[k].block.group == run[hi].block.group:
                meta_idx.add(k)
                k += 1
        for i in meta_idx:
            evidence = METADATA.evidence()
            if run[i].sig.label:
                evidence.add(METADATA.labelled, label=run[i].sig.label[0], field=run[i].sig.label[1])
            else:
                evidence.add(METADATA.in_labelled_group, group=len(meta_idx))
            run[i].decide(META, evidence, METADATA)
        before_meta = min(meta_idx) if meta_idx else len(run)
        after_meta = max(meta_idx) + 1 if meta_idx else len(run)

        # heading lines between the metadata and the first paragraph open the body
        body_start = len(run)
        if meta_idx and after_meta < len(run):
            body_start = after_meta
        tb = self._title_block_suffix(run[:before_meta])
        if not meta_idx:
            # after the date line or byline of a title block, a heading-like line opens the body
            marker = max((k for k in tb if run[k].sig.dateline or run[k].sig.byline_name), default=None)
            if marker is not None and marker + 1 < len(run):
                rest = [k for k in tb if k > marker]
                if rest and (run[rest[0]].sig.numbered_heading or
                             all(run[k].sig.heading_shape >= TITLE_BLOCK.threshold("opens-body-shape")
                                 and not run[k].sig.name_like for k in rest)):
                    body_start = rest[0]
                    tb = [k for k in tb if k <= marker]
        if not tb and not meta_idx:
            # nothing title-like: the first short lines are a title only if they look like one
            tb = [k for k in range(len(run)) if self._title_like(run[k])][:int(TITLE_BLOCK.threshold("first-lines"))]
            tb = tb if tb and tb == list(range(tb[0], tb[-1] + 1)) and tb[-1] == len(run) - 1 else []
        contents = self._contents(run, after_meta if meta_idx else 0)
        if contents is not None:  # a table of contents ends the front; the body opens at its first entry
            body_start = contents
            tb = [k for k in tb if run[k].role not in (CONTENTS_HEAD, CONTENTS) and k < contents]
        numbered = next((n for n, k in enumerate(tb) if n and run[k].sig.numbered_heading), None)
        if numbered is not None:  # "CHAPTER I. The Arrival" after the title opens the body
            body_start = min(body_start, tb[numbered])
            tb = tb[:numbered]
        self._assign_title_block([run[k] for k in tb])
        chrome_end = tb[0] if tb else before_meta
        for k in range(chrome_end):
            if k in meta_idx:
                continue
            self._assign_chrome(run[k], top=True, titles=[run[t].sig.text for t in tb])
        for k in range(body_start, len(run)):
            run[k].role = P  # judged with the body
        return body_start if body_start < len(run) else len(run)

    @staticmethod
    def _contents(run: list[Judged], start: int) -> int | None:
        """A table of contents before the first paragraph: a "Contents" heading, then entries
        up to the first entry's heading in the text. Roles are set here; returns where the body
        starts (the heading that repeats the first entry), or None."""
        at = next((k for k in range(start, len(run)) if CONTENTS_HEADING.match(run[k].sig.text)), None)
        if at is None or at + 2 >= len(run):
            return None
        first = _key(run[at + 1].sig.text)
        repeat = next((k for k in range(at + 2, len(run)) if _key(run[k].sig.text) == first), None)
        heading = CONTENTS_RULES.evidence()
        if repeat is None or not heading.check(CONTENTS_RULES.heading, True, entries=repeat - at - 1):
            return None
        run[at].decide(CONTENTS_HEAD, heading, CONTENTS_RULES)
        for j in run[at + 1:repeat]:
            entry = CONTENTS_RULES.evidence()
            entry.add(CONTENTS_RULES.entry, first_entry=run[at + 1].sig.text[:60])
            j.decide(CONTENTS, entry, CONTENTS_RULES)
        return repeat

    def _assign_title_block(self, tb: list[Judged]) -> None:
        if not tb:
            return
        rules = TITLE_BLOCK
        author_name = None
        title_seen = False
        previous: Judged | None = None
        for n, j in enumerate(tb):
            s = j.sig
            ev = rules.evidence()
            if ev.check(rules.date_line, s.dateline and not any(k.role == DOCDATE for k in tb[:n]), when=s.dateline):
                j.decide(DOCDATE, ev, rules)
            elif ev.check(rules.byline, s.byline_name, name=s.byline_name):
                j.decide(BYLINE, ev, rules)
                author_name = author_name or s.byline_name
                j.byline_name = s.byline_name
            elif s.name_like and not title_seen and (
                    ev.check(rules.author_initials, s.has_initials) or
                    ev.check(rules.author_first, n == 0 and len(tb) > 1, lines=len(tb))):
                j.decide(AUTHOR, ev, rules)
                author_name = author_name or s.text
            elif not title_seen and (ev.check(rules.title, len(tb) > 1, lines=len(tb)) or
                                     ev.check(rules.title_alone, True)):
                j.decide(TITLE, ev, rules)
                title_seen = True
            elif ev.check(rules.title_continued, previous is not None and previous.role == TITLE and s.starts_lower):
                j.decide(TITLE, ev, rules)
                j.joins_previous = True
            elif ev.check(rules.byline_mentions_author, author_name and _mentions(s.text, author_name),
                          author=author_name):
                j.decide(BYLINE, ev, rules)
            else:
                ev.add(rules.subtitle)
                j.decide(SUBTITLE, ev, rules)
            previous = j

    def _assign_chrome(self, j: Judged, top: bool, titles: list[str] = ()) -> None:
        s = j.sig
        rules = CHROME_RULES
        ev = rules.evidence()
        repeats_title = any(_same(s.text, t) for t in titles)
        if ev.check(rules.breadcrumb, s.is_breadcrumb):
            kind = "breadcrumb"
        elif ev.check(rules.posting, s.posting):
            kind = "posting"
        elif ev.check(rules.navigation, s.nav_cue and not repeats_title):
            kind = "pageHeader" if top else "pageFooter"  # the site's navigation
        elif ev.check(rules.page_title, top and (repeats_title or (
                s.heading_shape >= rules.threshold("page-title-shape") and not s.comment_cue)),
                repeats_title=repeats_title):
            kind = "pageTitle"  # the page's own heading above the posting line
        elif ev.check(rules.comment_form, s.comment_cue):
            kind = "commentForm"
        else:
            ev.add(rules.page_header if top else rules.page_footer)
            kind = "pageHeader" if top else "pageFooter"
        j.decide(CHROME, ev, rules)
        j.chrome_kind = kind
        ev.decided = kind

    # -- the end of a work ------------------------------------------------------------

    def _judge_tail(self, seg: list[Judged], first_para: int, last: bool) -> int:
        """Roles for chrome, metadata, notes and closer at the end; returns where they start."""
        end = len(seg)
        # page chrome (comment forms, footers) closes the last work, perhaps above a last metadata line
        if last:
            end = self._trailing_metadata(seg, first_para, end)
            k = end
            cues = 0
            while k - 1 > first_para:
                j = seg[k - 1]
                s = j.sig
                if (s.label and s.label[1]) or s.dateline or s.notes_heading or s.note_start:
                    break  # the text's own end: metadata, a closer, notes
                if s.comment_cue or s.nav_cue or self.foreign(j):
                    cues += 1
                elif self.is_para(j) or s.name_like:
                    break
                k -= 1
            if cues and k < end:
                kinds = [seg[i] for i in range(k, end)]
                footer = "commentForm" if any(x.sig.comment_cue for x in kinds) else "pageFooter"
                for j in kinds:
                    self._assign_chrome(j, top=False)
                    j.chrome_kind = j.evidence.decided = footer
                end = k
        # labelled metadata lines at the end ("Last updated on: ...")
        end = self._trailing_metadata(seg, first_para, end)
        # notes: after a notes heading, or trailing blocks that open with a note marker
        notes_at = None
        for i in range(end - 1, first_para, -1):
            s = seg[i].sig
            if s.notes_heading:
                notes_at = i
                break
            if not (self.is_para(seg[i]) or s.note_start or not s.heading_shape >= NOTES.threshold("heading-like")):
                break
        if notes_at is not None:
            self._notes_heading(seg[notes_at], seg[notes_at].sig.notes_heading)
            for j in seg[notes_at + 1:end]:
                ev = NOTES.evidence()
                ev.add(NOTES.under_heading, heading=seg[notes_at].sig.text[:60])
                j.decide(NOTE, ev, NOTES)
            end = notes_at
        else:
            k = end
            found: list[Evidence] = []
            while k - 1 > first_para:
                ev = self._trailing_note(seg[k - 1], seg[first_para:k - 1])
                if ev is None:
                    break
                found.append(ev)
                k -= 1
            for j, ev in zip(reversed(seg[k:end]), found):
                j.decide(NOTE, ev, NOTES)
            end = k
        # closer: a dateline and/or a signature just before what follows the body
        closer: list[Judged] = []
        rules = LETTER
        for i in range(end - 1, max(first_para, end - 1 - int(rules.threshold("closer-lines"))), -1):
            s = seg[i].sig
            ev = rules.evidence()
            if s.dateline and not any(c.role == DATELINE for c in closer) and (
                    ev.check(rules.dateline, s.date, when=s.dateline) or
                    ev.check(rules.place_dateline, True, when=s.dateline)):
                seg[i].decide(DATELINE, ev, rules)
            elif ev.check(rules.place_under_signature,
                          i == end - 1 and "," in s.text and s.name_like and i - 1 > first_para and
                          seg[i - 1].sig.name_like and "," not in seg[i - 1].sig.text):
                seg[i].decide(DATELINE, ev, rules)  # a place under the signature ("Coyoacán, D.F.")
            elif (s.name_like or s.byline_name) and not any(c.role in (SIGNED, SALUTE) for c in closer) and (
                    ev.check(rules.signature_initials, s.has_initials) or ev.check(rules.signature, True)):
                seg[i].decide(SIGNED, ev, rules)
            elif ev.check(rules.closing_salute, s.salute and any(c.role == SIGNED for c in closer)
                          and not any(c.role == SALUTE for c in closer)):
                seg[i].decide(SALUTE, ev, rules)
            else:
                break
            closer.append(seg[i])
        end -= len(closer)
        return end

    @staticmethod
    def _trailing_metadata(seg: list[Judged], first_para: int, end: int) -> int:
        """Labelled metadata lines just before ``end`` ("Last updated on: ..."); returns where they start."""
        while end - 1 > first_para and seg[end - 1].sig.label and seg[end - 1].sig.label[1]:
            ev = METADATA.evidence()
            if not ev.check(METADATA.labelled, True, label=seg[end - 1].sig.label[0], field=seg[end - 1].sig.label[1]):
                break
            seg[end - 1].decide(META, ev, METADATA)
            end -= 1
        return end

    @staticmethod
    def _trailing_note(j: Judged, before: list[Judged]) -> Evidence | None:
        """Why a block at the end that opens with a note marker, with no notes heading above it,
        is a note: a bracketed marker ("[1] ..."), or a symbol the text before it carries as a
        marker ("... phrase.*" then "* The German original ..."); a bare number is too often a
        list item. None when it is not one."""
        start = j.sig.note_start
        if start is None:
            return None
        ev = NOTES.evidence()
        if ev.check(NOTES.bracketed_marker, start.group("b"), marker=start.group("b")):
            return ev
        symbol = start.group("s")
        marker = re.compile(rf"[^\W_][.,;:!?”’\"»)]?{re.escape(symbol)}(?![*†‡§])") if symbol else None
        if ev.check(NOTES.symbol_marker, marker is not None and any(marker.search(k.block.text) for k in before),
                    marker=symbol):
            return ev
        return None

    # -- body -------------------------------------------------------------------------

    def _judge_body(self, body: list[Judged]) -> None:
        opener = LETTER.evidence()
        if body and body[0].sig.salute and opener.check(LETTER.opening_salute, body[0].sig.opening_salute):
            body[0].decide(OPENER, opener, LETTER)
            body[0].settled = True
        rules, th = HEADING, HEADING.thresholds
        for n, j in enumerate(body):
            if j.role not in (P, HEAD) or j.settled:
                continue
            s = j.sig
            if self.is_para(j):
                j.decide(P, s.paragraph)
                continue
            nxt = body[n + 1] if n + 1 < len(body) else None
            prev = body[n - 1] if n else None
            ev = rules.evidence()
            ev.add(rules.shape, rules.shape.weight * s.heading_shape,
                   **{f.rule: f.weight for f in s.heading_evidence.fired})
            if nxt is None:
                ev.add(rules.last_block)
            else:
                if self.is_para(nxt) and nxt.sig.starts_upper:
                    ev.add(rules.before_paragraph)
                elif nxt.sig.starts_lower or nxt.sig.first_alpha == "":
                    ev.add(rules.before_lowercase)
                ev.check(rules.runs_on, not s.block.blank_after and not self.is_para(nxt) and
                         not nxt.sig.heading_shape >= th["heading-like-next"])
            ev.check(rules.after_short_line, prev is not None and prev.role == P and not self.is_para(prev) and
                     not prev.block.blank_after)
            ev.check(rules.stands_alone, s.block.blank_before and s.block.blank_after and not s.ends_terminal and
                     len(s.words) <= th["alone-words"])
            score = ev.score
            if score >= th["head"]:
                j.decide(HEAD, ev, rules, threshold=th["head"], alternatives=[(P, score)])
            else:
                j.decide(P, ev, cert=rules.cert(score) if score >= th["doubtful-paragraph"] else None,
                         threshold=th["head"], alternatives=[(HEAD, score)])
                # short lines with no blank line between them are one block, line by line
                if (prev is not None and prev.role == P and not self.is_para(prev)
                        and not prev.block.blank_after and not self.is_para(j) and not j.sig.label):
                    j.joins_previous = True


CONTENTS_HEADING = re.compile(rf"^(?:{alternation(gather('CONTENTS_HEADING_PATTERNS'))})\s*:?$", re.I)


def _editorial(notes_heading: re.Match) -> bool:
    """A notes heading that names its notes' author: an editor, a translator, "Note by ETOL"."""
    return bool(notes_heading.group("editor") or notes_heading.group("by") or notes_heading.group("translator"))


def _key(text: str) -> str:
    """A line compared with another: case, spacing and dot leaders ("I. Title ........ 3") aside."""
    return " ".join(re.sub(r"[.\s]*\d*$", "", text).casefold().split())


def _mentions(text: str, name: str) -> bool:
    surname = name.replace(".", " ").split()[-1] if name.split() else name
    return len(surname) > 1 and surname.lower() in text.lower()


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
