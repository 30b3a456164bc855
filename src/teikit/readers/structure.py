"""Judging the structural role of every source block.

A web-archive transcription reads, per work::

    [page chrome] [title block] [credits] [contents] [letter's opener] body (paragraphs, headings)
    [closer] [postscripts] [notes] [credits] [page chrome]

a page may carry several works one after another (a collection of letters: one work per
letter), and a text archive may wrap a book in a banner, a header and a licence of its own
(``conventions``). Roles are judged from several signals together (shape, case, punctuation,
position, neighbours, language), never from one rule: paragraphs anchor the reading; the short
runs between them are title blocks (``titleblock``), a letter's parts (``letters``), headings,
note headings, credits or chrome according to what surrounds them.
"""

from __future__ import annotations

import re
from collections import Counter

from teikit.evidence import Evidence, holds
from teikit.lang import alternation, gather
from teikit.readers import letters
from teikit.readers.conventions import ArchiveSpan, find_archive
from teikit.readers.layout import SourceBlock
from teikit.readers.roles import (ADDRESS, ARCHIVE_FOOTER, ARCHIVE_HEADER, AUTHOR, BYLINE, CHROME, CLOSER_ROLES,
                                  COLLECTION, CONTENTS, CONTENTS_HEAD, DATELINE, DOCDATE, FIGURE, HEAD, IMPRINT, META,
                                  NOTE, NOTES_HEAD, OPEN_DATELINE, OPENER_ROLES, P, POSTSCRIPT, SALUTE, SALUTE_OPEN,
                                  SEPARATOR, SERIES, SIGNED, SUBTITLE, TITLE, TITLE_BLOCK_ROLES, Judged, WorkPlan)
from teikit.readers.signals import Signals
from teikit.readers.titleblock import TitleBlock, dated_phrase
from teikit.weights.structure import BLOCK
from teikit.weights.structure import CHROME as CHROME_RULES
from teikit.weights.structure import CONTENTS as CONTENTS_RULES
from teikit.weights.structure import HEADING, LAYOUT, LETTER, METADATA, NOTES, TITLE_BLOCK, WORKS

__all__ = ["StructureJudge", "Judged", "WorkPlan", "ADDRESS", "ARCHIVE_FOOTER", "ARCHIVE_HEADER", "AUTHOR", "BYLINE",
           "CHROME", "COLLECTION", "CONTENTS", "CONTENTS_HEAD", "DATELINE", "DOCDATE", "FIGURE", "HEAD", "IMPRINT",
           "META", "NOTE", "NOTES_HEAD", "OPEN_DATELINE", "P", "POSTSCRIPT", "SALUTE", "SALUTE_OPEN", "SEPARATOR",
           "SERIES", "SIGNED", "SUBTITLE", "TITLE", "TITLE_BLOCK_ROLES", "CLOSER_ROLES", "OPENER_ROLES"]


class StructureJudge:
    """Assigns roles to the source blocks of one input and cuts it into works."""

    def __init__(self, blocks: list[SourceBlock]):
        self.items = [Judged(Signals(b)) for b in blocks]
        self.body_lang = self._body_language()
        self.titles = TitleBlock(self.body_lang)
        self.archive: ArchiveSpan | None = None
        self.dated_at_top = False  # a collection's letters give their date above the salutation

    # -- signals combined -------------------------------------------------------------

    def _body_language(self) -> str | None:
        votes = Counter(j.sig.language for j in self.items if j.sig.is_long and j.sig.language)
        return votes.most_common(1)[0][0] if votes else None

    @staticmethod
    def is_para(j: Judged) -> bool:
        """Prose that anchors the reading: a paragraph (or a note's text)."""
        return j.sig.paragraph is not None and not j.settled

    def foreign(self, j: Judged) -> bool:
        lang = j.sig.language
        return bool(lang and self.body_lang and lang != self.body_lang)

    # -- the whole input --------------------------------------------------------------

    def judge(self) -> list[WorkPlan]:
        items = self.items
        self.archive = find_archive([j.sig.text for j in items])
        lo, hi = 0, len(items)
        if self.archive is not None:
            lo, hi = self.archive.header_end, self.archive.footer_start
            for j in items[:lo]:
                self._archive_chrome(j, ARCHIVE_HEADER, CHROME_RULES.archive_header)
            for j in items[hi:]:
                self._archive_chrome(j, ARCHIVE_FOOTER, CHROME_RULES.archive_footer)
        plans = self._judge_content(items[lo:hi])
        plans[0].blocks[:0] = items[:lo]
        plans[-1].blocks.extend(items[hi:])
        return plans

    def _archive_chrome(self, j: Judged, kind: str, rule) -> None:
        ev = CHROME_RULES.evidence()
        ev.add(rule, convention=self.archive.name if self.archive else None)
        j.decide(CHROME, ev, CHROME_RULES)
        j.chrome_kind = ev.decided = kind
        j.settled = True

    def _judge_content(self, items: list[Judged]) -> list[WorkPlan]:
        self._mark_blocks(items)
        paras = [i for i, j in enumerate(items) if self.is_para(j)]
        if not paras:
            self._judge_body(items)
            return [WorkPlan(items)]
        self.dated_at_top = any(j.role == OPEN_DATELINE for j in items[:paras[0]]) or self._dated_at_top(items[:paras[0]])
        later, letter_split = self._later_work_starts(items, paras)
        starts = [0] + later
        segments = [items[start:(starts[n + 1] if n + 1 < len(starts) else len(items))] for n, start in enumerate(starts)]
        collection = None
        if letter_split:  # a collection of letters: its title opens the first letter's lines
            collection = "headed" if all(self._headed_letter(seg) for seg in segments[1:]) else "unheaded"
        elif len(segments) > 1 and self._page_title(segments):
            collection = "headed"  # works of one page, each with its title: the first block's extra title is the page's
        plans = []
        for n, segment in enumerate(segments):
            self._judge_work(segment, first=n == 0, last=n == len(starts) - 1, collection=collection if n == 0 else None)
            plans.append(WorkPlan(segment))
        return plans

    def _page_title(self, segments: list[list[Judged]]) -> bool:
        """Whether the first work's title block holds more titles than each later work's one: the
        first of them names the page (checked before judging)."""
        def titles(segment: list[Judged]) -> int:
            first_para = next(i for i, j in enumerate(segment) if self.is_para(j))
            run = segment[:first_para]
            return sum(1 for k in self.titles.suffix(run) if self.titles.title_material(run[k]))
        holds_page = titles(segments[0]) > 1 and all(titles(seg) == 1 for seg in segments[1:])
        return holds(TITLE_BLOCK.page_title, holds_page)

    def _headed_letter(self, segment: list[Judged]) -> bool:
        """A letter of a collection with a heading above its opener (checked before judging)."""
        opener = next((k for k, j in enumerate(segment) if letters.opening_salute(j) or self.is_para(j)), 0)
        return any(self.titles.letter_heading(j) and not j.sig.dateline or (j.sig.addressee and j.sig.dateline)
                   for j in segment[:opener])

    @staticmethod
    def _dated_at_top(run: list[Judged]) -> bool:
        return len(run) >= 2 and letters.opening_salute(run[-1]) and bool(run[-2].sig.dateline)

    @staticmethod
    def _mark_blocks(items: list[Judged]) -> None:
        """Separators and illustrations: blocks of their own wherever they stand."""
        for j in items:
            ev = BLOCK.evidence()
            if ev.check(BLOCK.separator, j.sig.separator, line=j.sig.text[:12]):
                j.decide(SEPARATOR, ev, BLOCK)
                j.settled = True
            elif ev.check(BLOCK.figure, j.sig.figure, line=j.sig.text[:40]):
                j.decide(FIGURE, ev, BLOCK)
                j.settled = True

    def _later_work_starts(self, items: list[Judged], paras: list[int]) -> tuple[list[int], bool]:
        """Indices where a new work opens after an earlier work's body: a letter's opener after a
        letter's closer, or a title block; and whether a letter opened one."""
        starts = []
        letter_split = False
        for a, b in zip(paras, paras[1:]):
            run = items[a + 1:b]
            if len(run) < 2:
                continue
            boundary = letters.letter_boundary(run, self.dated_at_top)
            if boundary is not None and holds(WORKS.letter_boundary, True):
                starts.append(a + 1 + boundary)
                letter_split = True
                continue
            tb = self.titles.suffix(run)
            # "date / name" right after the body is the previous work's closer, not an author
            if len(tb) > 2 and tb[0] > 0 and run[tb[0] - 1].sig.dateline and run[tb[0]].sig.name_like:
                tb = tb[1:]
            tb = [k for k in tb if run[k].role != FIGURE] or tb
            if tb and self.titles.is_title_block([run[k] for k in tb]) and holds(WORKS.title_block, True):
                starts.append(a + 1 + tb[0])
        return starts, letter_split

    # -- one work ---------------------------------------------------------------------

    def _judge_work(self, seg: list[Judged], first: bool, last: bool, collection: str | None = None) -> None:
        first_para = next(i for i, j in enumerate(seg) if self.is_para(j))
        later_numbered = any(j.sig.numbered_heading and not self.is_para(j) for j in seg[first_para:])
        front_end = self._judge_front(seg[:first_para], first, later_numbered, collection)
        tail_start = self._judge_tail(seg, first_para, last)
        front_end = self._leading_note(seg, front_end, tail_start)
        self._judge_body(seg[front_end:tail_start])

    def _leading_note(self, seg: list[Judged], start: int, end: int) -> int:
        """An editor's note before the text ("Note by ETOL", "Editor's note", then one paragraph,
        then the text): a note in front. Returns where the body starts."""
        match = seg[start].sig.notes_heading if start + 2 < end else None
        if match is None or not _editorial(match) or \
                not (self.is_para(seg[start + 1]) or seg[start + 1].sig.credits) or \
                not any(self.is_para(j) for j in seg[start + 2:end]):
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

    # -- the lines before the first paragraph ------------------------------------------

    def _judge_front(self, run: list[Judged], first: bool, later_numbered: bool = False,
                     collection: str | None = None) -> int:
        """Roles for the blocks before the first paragraph; returns where the body starts."""
        if not run:
            return 0
        opener_at = letters.peel_opener(run, self.titles.title_material)
        head_end = opener_at
        if opener_at == len(run):  # a short sentence under the title block is the text's first paragraph
            while head_end > 1 and self._opens_body(run[head_end - 1]):
                head_end -= 1
        head = run[:head_end]
        # a table of contents ends what may be the title block and credits; the body opens at its first entry
        contents = self._contents(head, 0)
        title_end = contents[0] if contents is not None else len(head)
        meta_idx = self._front_metadata(head[:title_end])
        before_meta = min(meta_idx) if meta_idx else title_end
        after_meta = max(meta_idx) + 1 if meta_idx else title_end

        # heading lines between the metadata and the first paragraph open the body
        body_start = contents[1] if contents is not None else len(head)
        if meta_idx and after_meta < title_end:
            body_start = after_meta
        tb = self.titles.suffix(head[:before_meta])
        # a title page goes on under a credit within it ("EDITED BY ..."): its date line, its imprint
        inside = sorted(k for k in meta_idx if tb and k > tb[-1])
        if tb and inside and inside[0] == tb[-1] + 1 and inside[-1] - inside[0] + 1 == len(inside):
            below = inside[-1] + 1
            while below < title_end and body_start == below and (head[below].sig.dateline or head[below].sig.imprint):
                tb.append(below)
                body_start = below = below + 1
        if not [k for k in tb if head[k].role != FIGURE] and meta_idx and after_meta < title_end:
            # nothing title-like above the credits: the title block is under them
            below = self.titles.suffix(head[after_meta:title_end])
            if below and below[0] == 0:
                tb, body_start = [after_meta + k for k in below], (contents[1] if contents else len(head))
        if not meta_idx:
            # after the date line or byline of a title block, a heading-like line opens the body
            marker = max((k for k in tb if head[k].sig.dateline or head[k].sig.byline_name), default=None)
            if marker is not None and marker + 1 < title_end:
                rest = [k for k in tb if k > marker]
                if rest and (head[rest[0]].sig.numbered_heading and later_numbered or
                             all(head[k].sig.heading_shape >= TITLE_BLOCK.threshold("opens-body-shape")
                                 and not head[k].sig.name_like and not head[k].sig.group_name
                                 and not head[k].sig.imprint and not head[k].role == FIGURE for k in rest)):
                    body_start = rest[0]
                    tb = [k for k in tb if k <= marker]
        if not tb and not meta_idx:
            # nothing title-like: the first short lines are a title only if they look like one
            tb = [k for k in range(title_end) if self.titles.title_like(head[k])][
                :int(TITLE_BLOCK.threshold("first-lines"))]
            tb = tb if tb and tb == list(range(tb[0], tb[-1] + 1)) and tb[-1] == title_end - 1 else []
        # the page's first line naming the website, above the work's own title: the site's chrome
        if first and tb and tb[0] == 0 and head[0].sig.site_name and \
                any(self.titles.title_material(head[k]) for k in tb[1:]) and \
                holds(CHROME_RULES.site_name, True):
            tb = tb[1:]
        block = [head[k] for k in tb]
        lines = [j for j in block if j.role != FIGURE]
        if len(lines) == 1 and _bare_number(lines[0]) is not None and body_start == len(head):
            # a number alone before the first paragraph numbers the first section: it is no title
            body_start = tb[block.index(lines[0])]
            tb = [k for k in tb if k < body_start]
            block = [head[k] for k in tb]
        chapter = self.titles.chapter_title(block, later_numbered)
        if chapter is None:
            opens = next((n for n, k in enumerate(tb) if n and self._opens_first_section(head, tb, n, later_numbered)),
                         None)
            if opens is not None:  # "CHAPTER I. The Arrival", "Introduction" after the title opens the body
                body_start = min(body_start, tb[opens])
                tb = tb[:opens]
        self.titles.assign([head[k] for k in tb], chapter, collection)
        chrome_end = tb[0] if tb else before_meta
        titles = [head[t].sig.text for t in tb if head[t].role in (TITLE, SUBTITLE)]
        for k in range(chrome_end):
            if k in meta_idx or head[k].settled or head[k].role in (CONTENTS_HEAD, CONTENTS):
                continue
            self._assign_chrome(head[k], top=True, titles=titles)
        for k in range(body_start, len(run)):
            if not head_or_settled(run[k]):
                run[k].role = P  # judged with the body
        return min(body_start, len(head))

    def _opens_body(self, j: Judged) -> bool:
        """A sentence under the title block: the text's first paragraph, however short."""
        s = j.sig
        ev = TITLE_BLOCK.evidence()
        if j.settled or s.credits or s.label or s.dateline or s.described_date or s.name_like:
            return False
        # an epigraph and its attribution ("“The labourer is worthy of his hire.”", "— Luke x. 7")
        if ev.check(TITLE_BLOCK.epigraph_opens_body, s.quoted_sentence or s.attribution, line=s.text[:30]):
            return True
        return s.last_char in ".!?" and s.starts_upper and not s.all_caps and \
            len(s.words) >= TITLE_BLOCK.threshold("sentence-words") and s.cap_ratio < 1 and \
            ev.check(TITLE_BLOCK.sentence_opens_body, True, words=len(s.words))

    def _opens_first_section(self, head: list[Judged], tb: list[int], n: int, later_numbered: bool) -> bool:
        """A line of the title block that is the text's first heading: a numbered heading when the
        text numbers more below it, or 'Introduction' under the title."""
        j = head[tb[n]]
        if j.sig.numbered_heading and not j.sig.dateline:
            return later_numbered
        ev = TITLE_BLOCK.evidence()
        return j.sig.section_heading and any(self.titles.title_material(head[k]) for k in tb[:n]) and \
            ev.check(TITLE_BLOCK.section_heading_opens_body, True, heading=j.sig.text[:30])

    def _front_metadata(self, head: list[Judged]) -> set[int]:
        """Credits before the text: labelled lines, rows of a table, metadata sentences, a
        bracketed source note (and the unlabelled lines of their blank-line group). Roles are set
        here; returns their positions."""
        # an editor's note ("Note by ETOL" and its paragraph) ends the credits
        stop = next((i for i, j in enumerate(head) if j.sig.notes_heading), len(head))
        known = [i for i, j in enumerate(head[:stop]) if not j.settled and j.sig.label and j.sig.label[1] and
                 not dated_phrase(j)]
        # a line with a label teikit does not know is credits beside known ones, in their blank-line group
        groups = {head[i].block.group for i in known}
        labelled = sorted(set(known) | {i for i, j in enumerate(head[:stop]) if not j.settled and j.sig.label and
                                        not j.sig.label[1] and j.block.group in groups})
        meta_idx: set[int] = set(labelled)
        if not labelled:
            return meta_idx
        # lines between two credits of their groups, and unlabelled lines after one in its group, go with them
        for a, b in zip(labelled, labelled[1:]):
            if all(head[k].block.group in (head[a].block.group, head[b].block.group) and not head[k].settled
                   for k in range(a + 1, b)):
                meta_idx.update(range(a + 1, b))
        hi = labelled[-1]
        k = hi + 1
        while k < stop and head[k].block.group == head[hi].block.group and not head[k].settled and \
                not head[k].sig.name_like:
            meta_idx.add(k)
            k += 1
        for i in sorted(meta_idx):
            head[i].decide(META, self.metadata_evidence(head[i], len(meta_idx)), METADATA)
        return meta_idx

    @staticmethod
    def metadata_evidence(j: Judged, group: int) -> Evidence:
        """Why a line is credits: the rule of its shape."""
        evidence = METADATA.evidence()
        clauses = j.sig.credits
        if clauses and clauses[0].table:
            evidence.add(METADATA.table_row, label=clauses[0].label, field=clauses[0].field)
        elif clauses and j.sig.is_parenthesised:
            evidence.add(METADATA.bracketed_note, clauses=len(clauses), field=clauses[0].field)
        elif clauses and clauses[0].field == "headnote":
            evidence.add(METADATA.headnote, text=j.sig.text[:40])
        elif j.sig.label:
            evidence.add(METADATA.labelled, label=j.sig.label[0], field=j.sig.label[1])
        else:
            evidence.add(METADATA.in_labelled_group, group=group)
        return evidence

    def _contents(self, run: list[Judged], start: int) -> tuple[int, int] | None:
        """A table of contents before the first paragraph: a "Contents" heading, then entries up
        to the first entry's heading in the text; or, with no heading, numbered entries one under
        another. Roles are set here; returns where the contents start and where the body starts
        (the heading that repeats the first entry, or the line after the entries), or None."""
        at = next((k for k in range(start, len(run)) if CONTENTS_HEADING.match(run[k].sig.text)), None)
        if at is None:
            return self._unheaded_contents(run, start)
        if at + 2 >= len(run):
            return None
        repeat = self._contents_entries(run, at)
        return (at, repeat) if repeat is not None else None

    @staticmethod
    def _contents_entries(run: list[Judged], at: int) -> int | None:
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

    @staticmethod
    def _unheaded_contents(run: list[Judged], start: int) -> tuple[int, int] | None:
        """Numbered entries with no "Contents" heading ("Part I. The War", "Part II. Trade Unionism"),
        enough of them one under another (no blank line between), with more lines below them."""
        least = CONTENTS_RULES.threshold("unheaded-entries")
        k = start
        while k < len(run):
            n = k
            while n < len(run) and run[n].sig.numbered_heading and not run[n].settled and \
                    (n == k or not run[n - 1].block.blank_after):
                n += 1
            if n - k >= least and n < len(run):
                for j in run[k:n]:
                    entry = CONTENTS_RULES.evidence()
                    if not entry.check(CONTENTS_RULES.unheaded, True, first_entry=run[k].sig.text[:60], entries=n - k):
                        return None
                    j.decide(CONTENTS, entry, CONTENTS_RULES)
                return k, n
            k = n + 1 if n > k else k + 1
        return None

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
        elif ev.check(rules.site_section, top and s.site_section and not repeats_title):
            kind = "pageHeader"
        elif ev.check(rules.site_name, top and s.site_name and not repeats_title):
            kind = "pageHeader"  # the website's name
        elif ev.check(rules.page_title, top and (repeats_title or (
                s.heading_shape >= rules.threshold("page-title-shape") and not s.comment_cue)),
                repeats_title=repeats_title):
            kind = "pageTitle"  # the page's own heading above the posting line
        elif ev.check(rules.comment_form, s.comment_cue):
            kind = "commentForm"
        elif ev.check(rules.footer, not top and s.footer_cue):
            kind = "pageFooter"
        else:
            ev.add(rules.page_header if top else rules.page_footer)
            kind = "pageHeader" if top else "pageFooter"
        j.decide(CHROME, ev, rules)
        j.chrome_kind = kind
        ev.decided = kind

    # -- the end of a work ------------------------------------------------------------

    def _judge_tail(self, seg: list[Judged], first_para: int, last: bool) -> int:
        """Roles for chrome, credits, notes, postscripts and closer at the end; returns where they start."""
        end = len(seg)
        while True:
            before = end
            if last:  # page chrome (comment forms, footers) closes the last work
                end = self._footer(seg, first_para, end)
            end = self._trailing_metadata(seg, first_para, end)  # credits, "Last updated on: ..."
            if end == before:
                break
        end = self._notes(seg, first_para, end)
        end = self._trailing_metadata(seg, first_para, end)  # credits above the notes
        end = letters.judge_postscripts(seg, first_para, end)
        return letters.judge_closer(seg, first_para, end)

    def _footer(self, seg: list[Judged], first_para: int, end: int) -> int:
        """The page's own lines at the foot: navigation, a comment form, the site's signature,
        copyright and contact lines, lines in another language. Returns where they start."""
        k = end
        cues = 0
        while k - 1 > first_para:
            j = seg[k - 1]
            s = j.sig
            if j.settled or (s.label and s.label[1]) or s.credits or s.dateline or s.notes_heading or s.note_start:
                break  # the text's own end: metadata, a closer, notes
            if s.comment_cue or s.nav_cue or s.footer_cue or self.foreign(j):
                cues += 1
            elif self.is_para(j) or s.name_like:
                break
            k -= 1
        if not cues or k >= end:
            return end
        kinds = [seg[i] for i in range(k, end)]
        footer = "commentForm" if any(x.sig.comment_cue for x in kinds) else "pageFooter"
        for j in kinds:
            self._assign_chrome(j, top=False)
            j.chrome_kind = j.evidence.decided = footer
        return k

    def _trailing_metadata(self, seg: list[Judged], first_para: int, end: int) -> int:
        """Credits just before ``end`` (labelled lines, metadata sentences, a bracketed source note,
        "Last updated on: ..."); returns where they start."""
        while end - 1 > first_para and not seg[end - 1].settled and seg[end - 1].sig.label and \
                seg[end - 1].sig.label[1]:
            if seg[end - 1].role == META:
                break
            ev = self.metadata_evidence(seg[end - 1], 1)
            if not ev.fired:
                break
            seg[end - 1].decide(META, ev, METADATA)
            end -= 1
        return end

    def _notes(self, seg: list[Judged], first_para: int, end: int) -> int:
        """Notes at the end: blocks under a notes heading (several blocks one above another), or
        trailing blocks that open with a note marker. Returns where they start."""
        k = end
        headed = False
        while True:
            notes_at = None
            for i in range(k - 1, first_para, -1):
                s = seg[i].sig
                if s.notes_heading:
                    notes_at = i
                    break
                if seg[i].settled or not (self.is_para(seg[i]) or s.note_start or
                                          not s.heading_shape >= NOTES.threshold("heading-like")):
                    break
            if notes_at is None:
                break
            self._notes_heading(seg[notes_at], seg[notes_at].sig.notes_heading)
            previous: Judged | None = None
            for j in seg[notes_at + 1:k]:
                ev = NOTES.evidence()
                if previous is not None and previous.sig.note_start and not j.sig.note_start and \
                        previous.role == NOTE and ev.check(NOTES.continues_note, True, note=previous.sig.text[:20]):
                    j.decide(NOTE, ev, NOTES)
                    j.joins_previous = True
                    continue  # the note goes on: the next block may continue it too
                ev.add(NOTES.under_heading, heading=seg[notes_at].sig.text[:60])
                j.decide(NOTE, ev, NOTES)
                previous = j
            k = notes_at
            headed = True
        if headed:
            return k
        found: list[Evidence] = []
        while k - 1 > first_para:
            ev = self._trailing_note(seg[k - 1], seg[first_para:k - 1])
            if ev is None:
                break
            found.append(ev)
            k -= 1
        for j, ev in zip(reversed(seg[k:end]), found):
            j.decide(NOTE, ev, NOTES)
        return k

    @staticmethod
    def _trailing_note(j: Judged, before: list[Judged]) -> Evidence | None:
        """Why a block at the end that opens with a note marker, with no notes heading above it,
        is a note: a bracketed marker ("[1] ..."), a parenthesised one the text uses ("(1) ..."), or
        a symbol the text before it carries as a marker ("... phrase.*" then "* The German original
        ..."); a bare number is too often a list item. None when it is not one."""
        start = j.sig.note_start
        if start is None or j.settled:
            return None
        ev = NOTES.evidence()
        if ev.check(NOTES.bracketed_marker, start.group("b"), marker=start.group("b")):
            return ev
        number = start.group("p")
        if number and ev.check(NOTES.parenthesised_marker,
                               any(f"({number})" in k.block.text for k in before), marker=number):
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
        if body and body[0].role == P and not body[0].settled and body[0].sig.salute and \
                opener.check(LETTER.opening_salute, body[0].sig.opening_salute):
            body[0].decide(SALUTE_OPEN, opener, LETTER)
            body[0].settled = True
        rules, th = HEADING, HEADING.thresholds
        numbering = _numbering(body)
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
            # a bare number numbers a section only in a count ("1", "2", "3"): else it is a page's number
            ev.check(rules.lone_number, _bare_number(j) is not None and not numbering, number=s.text.strip()[:8])
            ev.check(rules.dated_entry, s.date and s.block.blank_before and s.block.blank_after and nxt is not None and
                     self.is_para(nxt) and prev is not None and self.is_para(prev), when=s.date)
            score = ev.score
            if score >= th["head"]:
                j.decide(HEAD, ev, rules, threshold=th["head"], alternatives=[(P, score)])
                # a heading over two lines with no blank line between them is one heading
                if prev is not None and prev.role == HEAD and not prev.block.blank_after:
                    j.joins_previous = holds(LAYOUT.heading_continued, True)
            else:
                j.decide(P, ev, cert=rules.cert(score) if score >= th["doubtful-paragraph"] else None,
                         threshold=th["head"], alternatives=[(HEAD, score)])
                # short lines with no blank line between them are one block, line by line
                if (prev is not None and prev.role == P and not self.is_para(prev)
                        and not prev.block.blank_after and not self.is_para(j) and not j.sig.label):
                    j.joins_previous = True


_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _bare_number(j: Judged) -> int | None:
    """The value of a line that is a number alone ("3", "IV", "12."), or None."""
    text = j.sig.text.strip().rstrip(".").strip()
    if text.isdecimal() and len(text) <= 3:
        return int(text)
    if text and len(text) <= 6 and all(c in _ROMAN for c in text.lower()) and text.isupper():
        values = [_ROMAN[c] for c in text.lower()]
        return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))
    return None


def _numbering(body: list[Judged]) -> bool:
    """Whether the bare numbers standing alone in the text count its sections: each one more than the
    one before (1, 2, 3 ...; XII, XIII ... of a book's chapters) or one again (a chapter's sections I,
    II, then the next chapter's I), a lone one only when it is one."""
    numbers = [n for n in (_bare_number(j) for j in body if not StructureJudge.is_para(j)) if n is not None]
    steps = all(b == a + 1 or b == 1 for a, b in zip(numbers, numbers[1:]))  # a count may start again at one
    return bool(numbers) and steps and (len(numbers) > 1 or numbers[0] == 1)


def head_or_settled(j: Judged) -> bool:
    """A block the body's judging keeps as it is: settled, or a part of a letter's opener."""
    return j.settled or j.role in OPENER_ROLES


CONTENTS_HEADING = re.compile(rf"^(?:{alternation(gather('CONTENTS_HEADING_PATTERNS'))})\s*:?$", re.I)


def _editorial(notes_heading: re.Match) -> bool:
    """A notes heading that names its notes' author: an editor, a translator, "Note by ETOL"."""
    return bool(notes_heading.group("editor") or notes_heading.group("by") or notes_heading.group("translator"))


def _key(text: str) -> str:
    """A line compared with another: case, spacing and dot leaders ("I. Title ........ 3") aside."""
    return " ".join(re.sub(r"[.\s]*\d*$", "", text).casefold().split())


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
