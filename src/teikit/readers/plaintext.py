"""Plain text -> document model: the reader.

Cuts the input into source blocks (``layout``), judges each block's role (``structure``),
then builds works with their front, body and back, reads the header facts the text states
(``metadata``) and links footnotes (``notes``). Every character of the input stays in some
block, in order; the reader only decides where blocks go and what they are.
"""

from __future__ import annotations

from teikit.dates import find_dates
from teikit.ids import ncname, slug, work_id
from teikit.evidence import Evidence
from teikit.model import (CLOSER, DOC_TITLE, HIGH, LOW, MEDIUM, METADATA, NOTES, OPENER, SECTION, TITLE_PAGE,
                          Block, Division, Document, PageMeta, ReviewItem, Span, Work, iter_blocks)
from teikit.weights.structure import LAYOUT
from teikit.readers import metadata as md
from teikit.readers.layout import split_blocks
from teikit.readers.notes import link_notes, note_number
from teikit.readers.signals import NUMBERED_HEADING
from teikit.readers.structure import (AUTHOR, BYLINE, CHROME, CONTENTS, CONTENTS_HEAD, DATELINE, DOCDATE, HEAD, META, NOTE, NOTES_HEAD, P,
                                      SALUTE, SIGNED, SUBTITLE, TITLE, Judged, StructureJudge, WorkPlan)
from teikit.textio import TextInput



def read_plaintext(source: TextInput, name: str | None = None) -> Document:
    """Read a decoded plain-text input into a Document."""
    text = source.text
    blocks, layout = split_blocks(text)
    judge = StructureJudge(blocks)
    plans = judge.judge()
    doc = Document(name=ncname(name or source.stem), source=text, lang=judge.body_lang or "en",
                   source_path=None if source.name == "-" else source.name)
    builder = _WorkBuilder(doc, text, wrapped=layout.wrapped)
    for index, plan in enumerate(plans):
        doc.works.append(builder.build(plan, index, len(plans)))
    if doc.page is not None and doc.page.title is None and doc.works[0].meta.titles:
        doc.page.title = None  # the page has no title of its own: nothing invented
    return doc


class _WorkBuilder:
    def __init__(self, doc: Document, text: str, wrapped: bool):
        self.doc = doc
        self.text = text
        self.wrapped = wrapped
        self.without_notes: list[list[Block]] = []  # bodies of the works read so far with no notes

    # -- blocks -----------------------------------------------------------------------

    def _block(self, judged: list[Judged], kind: str, cert: str | None = None) -> Block:
        """One model block over the source text of one or more consecutive judged blocks, with
        the evidence of its role."""
        first, last = judged[0].block, judged[-1].block
        text = self.text[first.start:last.start + len(last.text)]
        block = Block(kind=kind, text=text, line=first.line, cert=cert, decisions=[_role_evidence(judged, kind)])
        if len(judged) > 1 or (not self.wrapped and "\n" in text):
            block.line_breaks = True  # the line breaks are meaningful: written as <lb/>
        return block

    def _merge(self, items: list[Judged]) -> list[list[Judged]]:
        """Group judged blocks, each with those that continue it."""
        groups: list[list[Judged]] = []
        for j in items:
            if j.joins_previous and groups and groups[-1][-1].role == j.role:
                groups[-1].append(j)
            else:
                groups.append([j])
        return groups

    def _review(self, j: Judged, what: str, work: int) -> None:
        if j.cert in (MEDIUM, LOW):
            snippet = " ".join(j.sig.text.split())[:80]
            self.doc.review.append(ReviewItem("structure", j.block.line, snippet, f"taken as {what}",
                                              cert=j.cert, work=work, evidence=j.evidence))

    # -- a work -----------------------------------------------------------------------

    def build(self, plan: WorkPlan, index: int, count: int) -> Work:
        wid = work_id(self.doc.name, index, count)
        work = Work(id=wid)
        groups = self._merge(plan.blocks)
        # split into regions by role, keeping source order
        front_roles = {CHROME, AUTHOR, TITLE, SUBTITLE, BYLINE, DOCDATE, META, CONTENTS_HEAD, CONTENTS, NOTES_HEAD, NOTE}
        first_body = next((n for n, g in enumerate(groups) if g[0].role not in front_roles), len(groups))
        front, rest = groups[:first_body], groups[first_body:]
        last_body = max((n for n, g in enumerate(rest) if g[0].role in (P, HEAD, OPENER)), default=-1)
        body, back = rest[:last_body + 1], rest[last_body + 1:]
        # a closer judged before the last body block is not a closer
        work.front = self._front(front, work, index)
        work.body = self._body(body, work, index)
        closer, tail = self._split_closer(back)
        if closer:
            work.body.append(self._closer(closer, work, index))
        notes_blocks = self._back(tail, work, index)
        if not any(not (isinstance(p, Division) and p.type in (OPENER, CLOSER)) for p in work.body):
            # TEI needs prose in a body: an opener or closer alone is read as paragraphs
            work.body = [Block("p", b.text, b.line, attrs=dict(b.attrs), spans=b.spans, line_breaks=b.line_breaks,
                               decisions=b.decisions)
                         for part in work.body for b in _blocks(part)]
        if not work.body:  # TEI needs a body: what the reader put in front goes there instead
            work.body, work.front = self._rescue_body(work.front)
        body_blocks = [b for part in work.body for b in _blocks(part)]
        link_notes(wid, body_blocks, notes_blocks, self.without_notes[::-1])
        # a work without notes of its own: a later work's notes may answer its markers
        self.without_notes = [] if notes_blocks else [*self.without_notes, body_blocks]
        work.lang = self.doc.lang
        return work

    def _front(self, groups: list[list[Judged]], work: Work, index: int) -> list:
        parts: list = []
        title_page: Division | None = None
        front_notes: Division | None = None
        for g in groups:
            j = g[0]
            role = j.role
            if role == CHROME:
                kind = j.chrome_kind or "pageHeader"
                block = self._block(g, "p")
                self._review(j, f"web-page chrome ({kind})", index)
                self._read_chrome(kind, block)
                _add_to_division(parts, kind, block, j.cert, j.evidence)
                continue
            if role == META:
                _add_to_division(parts, METADATA, self._meta_block(g, work), None, None)
                continue
            if role in (NOTES_HEAD, NOTE):  # an editor's note before the text
                self._review(j, "an editor's note before the text", index)
                front_notes, _ = self._note_part(g, work, parts, front_notes if role == NOTE else None, "top")
                continue
            if role == CONTENTS_HEAD:
                parts.append(Division(type="contents", head=self._block(g, "head", j.cert)))
                continue
            if role == CONTENTS:
                self._review(j, "an entry of the table of contents", index)
                if not (parts and isinstance(parts[-1], Division) and parts[-1].type == "contents"):
                    parts.append(Division(type="contents"))
                parts[-1].content.extend(self._block([k], "p") for k in g)
                continue
            if title_page is None or parts[-1] is not title_page:
                title_page = Division(type=TITLE_PAGE)
                parts.append(title_page)
            self._title_part(g, title_page, work, index)
        return parts

    def _title_part(self, g: list[Judged], page: Division, work: Work, index: int) -> None:
        j = g[0]
        role = j.role
        self._review(j, {TITLE: "the title", SUBTITLE: "a subtitle", AUTHOR: "the author line",
                         BYLINE: "a byline", DOCDATE: "the date line"}[role], index)
        if role in (TITLE, SUBTITLE):
            block = self._block(g, "titlePart", j.cert)
            block.attrs["type"] = "main" if role == TITLE else "sub"
            last = page.content[-1] if page.content else None
            if isinstance(last, Division) and last.type == DOC_TITLE:
                last.content.append(block)
            else:
                page.content.append(Division(type=DOC_TITLE, content=[block]))
            joined = " ".join(block.text.split())
            (work.meta.titles if role == TITLE else work.meta.subtitles).append(joined)
            return
        if role == AUTHOR:
            block = self._block(g, "docAuthor", j.cert)
            work.meta.authors.append(" ".join(block.text.split()))
        elif role == BYLINE:
            block = self._block(g, "byline", j.cert)
            name = j.byline_name
            if name:
                start = block.text.rfind(name)
                block.add_span(Span(start, start + len(name), "docAuthor", priority=20))
                if name not in work.meta.authors:
                    work.meta.authors.append(name)
        else:  # DOCDATE
            block = self._block(g, "docDate", j.cert)
            work.meta.date = md.date_value(block.text, j.block.line)
            if work.meta.date.when:
                block.attrs["when"] = work.meta.date.when
        page.content.append(block)

    def _meta_block(self, g: list[Judged], work: Work) -> Block:
        block = self._block(g, "p", g[0].cert)
        label = g[0].sig.label
        if label:
            name, field, value_at = label
            block.label = name
            block.value_start = value_at
            colon = block.text.find(":", 0, value_at)
            if colon >= 0:  # "Label: value" (a metadata sentence has no label to mark)
                block.add_span(Span(0, colon + 1, "label", priority=20))
            value = block.text[value_at:]
            md.apply_field(work.meta, name, field, value, block.line)
            for found in find_dates(value):
                block.add_span(Span(value_at + found.start, value_at + found.end, "date",
                                    {"when": found.when}, priority=30))
        else:
            work.meta.fields.append(("", " ".join(block.text.split()), block.line))
        return block

    def _read_chrome(self, kind: str, block: Block) -> None:
        page = self.doc.page or PageMeta()
        self.doc.page = page
        if kind not in page.chrome:
            page.chrome.append(kind)
        if kind == "breadcrumb":
            md.read_breadcrumb(page, block.text)
        elif kind == "posting":
            md.read_posting(page, " ".join(block.text.split()), block.line)
            for found in find_dates(block.text):
                block.add_span(Span(found.start, found.end, "date", {"when": found.when}, priority=30))
        elif kind == "pageTitle" and page.title is None:
            page.title = " ".join(block.text.split())

    def _body(self, groups: list[list[Judged]], work: Work, index: int) -> list:
        top: list = []
        stack: list[Division] = []  # open divisions, innermost last
        previous_was_head = False
        for g in groups:
            j = g[0]
            if j.role == OPENER:
                self._review(j, "the opening salutation", index)
                opener = Division(type=OPENER)
                opener.content.append(self._block(g, "salute", j.cert))
                top.append(opener)
                continue
            if j.role == HEAD:
                self._review(j, "a section heading", index)
                head = self._block(g, "head", j.cert)
                if previous_was_head and stack and _is_label_heading(stack[-1]):
                    stack[-1].subheads.append(head)  # "CHAPTER II" then its title: one division
                    continue
                div = Division(type=SECTION, head=head)
                if previous_was_head and stack:
                    stack[-1].content.append(div)  # a heading right under a heading: a subsection
                else:
                    stack.clear()
                    top.append(div)
                stack.append(div)
                previous_was_head = True
                continue
            if j.cert == LOW:
                self._review(j, "a paragraph (could be a heading)", index)
            block = self._block(g, "p", None)
            (stack[-1].content if stack else top).append(block)
            previous_was_head = False
        return top

    def _split_closer(self, groups: list[list[Judged]]) -> tuple[list, list]:
        n = 0
        while n < len(groups) and groups[n][0].role in (DATELINE, SIGNED, SALUTE):
            n += 1
        return groups[:n], groups[n:]

    def _closer(self, groups: list[list[Judged]], work: Work, index: int) -> Division:
        closer = Division(type=CLOSER)
        for g in groups:
            j = g[0]
            if j.role == DATELINE:
                self._review(j, "the closing dateline", index)
                block = self._block(g, "dateline", j.cert)
                for found in find_dates(block.text):
                    block.add_span(Span(found.start, found.end, "date", {"when": found.when}, priority=30))
            elif j.role == SALUTE:
                self._review(j, "the closing salutation", index)
                block = self._block(g, "salute", j.cert)
            else:
                self._review(j, "the signature", index)
                block = self._block(g, "signed", j.cert)
            closer.content.append(block)
        return closer

    def _note_part(self, g: list[Judged], work: Work, parts: list, note_div: Division | None,
                    place: str) -> tuple[Division | None, Block | None]:
        """A notes heading or a note, added to ``parts``; (the notes division, the note block)."""
        j = g[0]
        if j.role == NOTES_HEAD:
            note_div = Division(type=NOTES, head=self._block(g, "head", j.cert))
            note_div.notes_type = j.notes_type
            note_div.notes_resp = j.notes_resp
            parts.append(note_div)
            return note_div, None
        # @resp of a note names its author, so the reader's certainty goes on the heading
        block = self._block(g, "note", None)
        n, _ = note_number(block, j.sig.note_start)
        if n:
            block.attrs["n"] = n
            block.marker = True
        if note_div is None:
            note_div = Division(type=NOTES)
            parts.append(note_div)
        if note_div.notes_type:
            block.attrs["type"] = note_div.notes_type
        resp = note_div.notes_resp
        if resp:
            rid = f"{work.id}-resp-{slug(resp)}"
            block.attrs["resp"] = f"#{rid}"
            if all(c[0] != rid for c in work.meta.contributors):
                work.meta.contributors.append((rid, "notes", resp))
        block.attrs["place"] = place
        note_div.content.append(block)
        return note_div, block

    def _back(self, groups: list[list[Judged]], work: Work, index: int) -> list[Block]:
        """Notes, trailing metadata and chrome; returns the note blocks."""
        notes: list[Block] = []
        note_div: Division | None = None
        for g in groups:
            j = g[0]
            if j.role in (NOTES_HEAD, NOTE):
                note_div, block = self._note_part(g, work, work.back, note_div, "end")
                if block is not None:
                    notes.append(block)
                continue
            if j.role == META:
                block = self._meta_block(g, work)
                kind = METADATA
            else:  # CHROME, or anything the tail left (kept, never dropped)
                kind = (j.chrome_kind or "pageFooter") if j.role == CHROME else "trailer"
                block = self._block(g, "p")
                if j.role == CHROME:
                    self._read_chrome(kind, block)
            chrome = j.role == CHROME
            _add_to_division(work.back, kind, block, j.cert if chrome else None, j.evidence if chrome else None)
        return notes

    @staticmethod
    def _rescue_body(front: list) -> tuple[list, list]:
        """A text with no paragraph at all: its title-page lines become the body's blocks."""
        body, keep = [], []
        for part in front:
            if isinstance(part, Division) and part.type == TITLE_PAGE:
                for block in _blocks(part):
                    body.append(Block("p", block.text, block.line, line_breaks=block.line_breaks, spans=[
                        s for s in block.spans if s.tag not in ("docAuthor",)], decisions=block.decisions))
            else:
                keep.append(part)
        if not body:
            body = [Block("p", "", 0)]
        return body, keep


_CERT_ORDER = {None: 3, HIGH: 2, MEDIUM: 1, LOW: 0}


def _is_label_heading(div: Division) -> bool:
    """A heading that only numbers its division ('CHAPTER II', 'Part 3', 'IV.')."""
    return div.head is not None and not div.subheads and not div.content and bool(
        NUMBERED_HEADING.match(div.head.text.strip()))


def _add_to_division(parts: list, kind: str, block: Block, cert: str | None, evidence: Evidence | None) -> None:
    """Append ``block`` to the trailing division of type ``kind`` (or open one); the
    division's certainty, and the decision it shows, are those of its least certain block."""
    if parts and isinstance(parts[-1], Division) and parts[-1].type == kind:
        div = parts[-1]
        div.content.append(block)
        if cert is not None and _CERT_ORDER[cert] < _CERT_ORDER[div.cert]:
            div.cert, div.decisions = cert, [evidence] if evidence is not None else []
    else:
        parts.append(Division(type=kind, content=[block], cert=cert, decisions=[evidence] if evidence else []))


def _role_evidence(judged: list[Judged], kind: str) -> Evidence:
    """The evidence of a block's role: its first judged block's, with the rule that joined the
    others to it; a block no rule claimed (what the tail left) says so."""
    first = judged[0].evidence
    if first is None:
        evidence = LAYOUT.evidence()
        evidence.add(LAYOUT.unclaimed, kind=kind)
        evidence.decide(kind, judged[0].cert)
    else:
        evidence = Evidence(first.decision, list(first.fired), first.threshold, first.decided, first.cert,
                            list(first.alternatives))
    if len(judged) > 1:
        evidence.add(LAYOUT.joins_previous, lines=len(judged))
    return evidence


def _blocks(part) -> list[Block]:
    return list(iter_blocks(part))
