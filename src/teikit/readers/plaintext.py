"""Plain text -> document model: the reader.

Cuts the input into source blocks (``layout``), judges each block's role (``structure``),
then builds works with their front, body and back, reads the header facts the text states
(``metadata``, ``facts``) and links footnotes (``notes``). Every character of the input stays
in some block, in order; the reader only decides where blocks go and what they are.
"""

from __future__ import annotations

from teikit.dates import find_dates
from teikit.evidence import Evidence
from teikit.ids import ncname, slug, work_id
from teikit.model import (ADDRESS as ADDRESS_DIV, CLOSER, DOC_TITLE, FIGURE as FIGURE_DIV, HIGH, LOW, MEDIUM,
                          METADATA, NOTES, OPENER, POSTSCRIPT as POSTSCRIPT_DIV, SECTION, TITLE_PAGE, Block, Division,
                          Document, PageMeta, ReviewItem, Span, Work, iter_blocks)
from teikit.readers import facts
from teikit.readers import metadata as md
from teikit.readers.layout import split_blocks
from teikit.readers.notes import link_notes, note_number
from teikit.readers.signals import NUMBERED_HEADING
from teikit.readers.structure import (ADDRESS, ARCHIVE_HEADER, AUTHOR, BYLINE, CHROME, CLOSER_ROLES, COLLECTION,
                                      CONTENTS, CONTENTS_HEAD, DATELINE, DOCDATE, FIGURE, HEAD, IMPRINT, META, NOTE,
                                      NOTES_HEAD, OPEN_DATELINE, OPENER_ROLES, P, POSTSCRIPT, SALUTE, SALUTE_OPEN,
                                      SEPARATOR, SERIES, SIGNED, SUBTITLE, TITLE, Judged, StructureJudge, WorkPlan)
from teikit.textio import TextInput
from teikit.weights.structure import LAYOUT

# roles that stay in front, before the body's first block
FRONT_ROLES = {CHROME, AUTHOR, TITLE, SUBTITLE, BYLINE, DOCDATE, META, CONTENTS_HEAD, CONTENTS, NOTES_HEAD, NOTE,
               COLLECTION, SERIES, IMPRINT, FIGURE}
# roles of the body proper (what ends at the closer)
BODY_ROLES = {P, HEAD, SEPARATOR, FIGURE} | OPENER_ROLES


def read_plaintext(source: TextInput, name: str | None = None) -> Document:
    """Read a decoded plain-text input into a Document."""
    text = source.text
    blocks, layout = split_blocks(text)
    judge = StructureJudge(blocks)
    plans = judge.judge()
    doc = Document(name=ncname(name or source.stem), source=text, lang=judge.body_lang or "en",
                   source_path=None if source.name == "-" else source.name)
    builder = _WorkBuilder(doc, text, wrapped=layout.wrapped, archive=judge.archive)
    for index, plan in enumerate(plans):
        doc.works.append(builder.build(plan, index, len(plans)))
    facts.finish_document(doc, plans)
    if doc.page is not None and doc.page.title is None and doc.works[0].meta.titles:
        doc.page.title = None  # the page has no title of its own: nothing invented
    return doc


class _WorkBuilder:
    def __init__(self, doc: Document, text: str, wrapped: bool, archive=None):
        self.doc = doc
        self.text = text
        self.wrapped = wrapped
        self.archive = archive
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

    def _line_blocks(self, judged: list[Judged], kind: str) -> list[Block]:
        """One model block per line of the judged blocks (the lines of an address)."""
        out = []
        for j in judged:
            start = j.block.start
            for n, line in enumerate(j.block.text.split("\n")):
                if line.strip():
                    block = Block(kind=kind, text=line, line=j.block.line + n, cert=j.cert,
                                  decisions=[_role_evidence([j], kind)])
                    out.append(block)
                start += len(line) + 1
        return out

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
        first_body = next((n for n, g in enumerate(groups) if g[0].role not in FRONT_ROLES), len(groups))
        front, rest = groups[:first_body], groups[first_body:]
        last_body = max((n for n, g in enumerate(rest) if g[0].role in BODY_ROLES), default=-1)
        body, back = rest[:last_body + 1], rest[last_body + 1:]
        work.front = self._front(front, work, index)
        work.body = self._body(body, work, index)
        closer, tail = self._split_closer(back)
        if closer:
            work.body.append(self._closer(closer, work, index))
        postscripts, tail = _split_roles(tail, {POSTSCRIPT})
        work.body.extend(self._postscripts(postscripts, index))
        notes_blocks = self._back(tail, work, index)
        if not any(isinstance(p, Block) or (isinstance(p, Division) and p.type not in (OPENER, CLOSER, POSTSCRIPT_DIV))
                   for p in work.body):
            # TEI needs prose in a body: an opener or closer alone is read as paragraphs
            work.body = [Block("p", b.text, b.line, attrs=dict(b.attrs) if b.kind == "p" else {}, spans=b.spans,
                               line_breaks=b.line_breaks, decisions=b.decisions)
                         for part in work.body for b in _blocks(part)]
        if not work.body:  # TEI needs a body: what the reader put in front goes there instead
            work.body, work.front = self._rescue_body(work.front)
        body_blocks = [b for part in work.body for b in _blocks(part)]
        link_notes(wid, body_blocks, notes_blocks, self.without_notes[::-1])
        # a work without notes of its own: a later work's notes may answer its markers
        self.without_notes = [] if notes_blocks else [*self.without_notes, body_blocks]
        work.lang = self.doc.lang
        facts.finish_work(work, plan)
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
                self._read_chrome(kind, block, work, g)
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
            if role == FIGURE:
                parts.append(self._figure(g))
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
                         BYLINE: "a byline", DOCDATE: "the date line", COLLECTION: "a collection's title",
                         SERIES: "a series", IMPRINT: "the imprint"}[role], index)
        if role in (TITLE, SUBTITLE, COLLECTION, SERIES):
            block = self._block(g, "titlePart", j.cert)
            block.attrs["type"] = {TITLE: "main", SUBTITLE: "sub", COLLECTION: "collection", SERIES: "series"}[role]
            last = page.content[-1] if page.content else None
            if isinstance(last, Division) and last.type == DOC_TITLE:
                last.content.append(block)
            else:
                page.content.append(Division(type=DOC_TITLE, content=[block]))
            joined = " ".join(block.text.split())
            if role == TITLE:
                # "Name: Title" names the author before the title; "TO HENRY PAGE, 12 April 1912." dates the letter
                named = j.sig.name_title[1] if j.sig.name_title and j.names_author else joined
                work.meta.titles.append(md.clean_name(named))
                work.meta.title_date = work.meta.title_date or md.title_date(joined, block.line)
                if j.names_addressee and work.meta.date is None and (j.sig.dateline or j.sig.described_date):
                    work.meta.date = md.date_value(j.sig.text, j.block.line)
            elif role == SUBTITLE:
                work.meta.subtitles.append(md.clean_name(joined))
            else:
                work.meta.series.append(md.clean_name(joined))
            facts.note_names(work, j)
            return
        if role == AUTHOR:
            block = self._block(g, "docAuthor", j.cert)
            # "Karl Marx and Friedrich Engels": two authors; "Rosa Luxemburg, 1913": the author and the year
            names = md.parse_names(" ".join(j.sig.name_part.split())) if not j.sig.group_name else \
                [md.clean_name(" ".join(block.text.split()))]
            work.meta.authors.extend(n for n in names if n not in work.meta.authors)
            if j.sig.name_part != j.sig.text and j.sig.described_date and work.meta.date is None:
                work.meta.date = md.date_value(j.sig.text[len(j.sig.name_part):].lstrip(" ,"), j.block.line)
        elif role == BYLINE:
            block = self._block(g, "byline", j.cert)
            name = g[-1].byline_name or j.byline_name
            if name:
                start = block.text.rfind(name)
                block.add_span(Span(start, start + len(name), "docAuthor", priority=20))
                # "by Edith Lowther and Ambrose Kitt": two authors
                work.meta.authors.extend(n for n in md.parse_names(name) if n not in work.meta.authors)
        elif role == IMPRINT:
            block = self._block(g, "docImprint", j.cert)
        else:  # DOCDATE
            block = self._block(g, "docDate", j.cert)
            work.meta.date = md.date_value(block.text, j.block.line)
            if work.meta.date.when:
                block.attrs["when"] = work.meta.date.when
            elif work.meta.date.from_:
                block.attrs["from"], block.attrs["to"] = work.meta.date.from_, work.meta.date.to or ""
        page.content.append(block)

    def _meta_block(self, g: list[Judged], work: Work) -> Block:
        """A credits line: kept whole in the text (its labels marked), each clause copied into the header."""
        block = self._block(g, "p", g[0].cert)
        j = g[0]
        facts.note_names(work, j)
        work.meta.credits.append(" ".join(block.text.split()))
        if j.meta_field:  # a line whose place says what it is ("The Review, 1909" under the author)
            md.apply_field(work.meta, "", j.meta_field, block.text, block.line)
            return block
        clauses = j.sig.credits
        if not clauses:
            if j.sig.label:  # an unknown label: "Label: value" kept as a field
                name, field, value_at = j.sig.label
                block.label, block.value_start = name, value_at
                colon = block.text.find(":", 0, value_at)
                if colon >= 0:
                    block.add_span(Span(0, colon + 1, "label", priority=20))
                md.apply_field(work.meta, name, field, block.text[value_at:], block.line)
            else:
                work.meta.fields.append(("", " ".join(block.text.split()), block.line))
            return block
        block.label, block.value_start = clauses[0].label, clauses[0].value_start
        for clause in clauses:
            if clause.label and not clause.table:
                colon = block.text.find(":", clause.start, clause.value_start)
                if colon >= 0:
                    block.add_span(Span(clause.start, colon + 1, "label", priority=20))
            value = block.text[clause.value_start:clause.end]
            md.apply_field(work.meta, clause.label, clause.field, value, block.line_at(clause.value_start))
            for found in find_dates(value):
                start, end = clause.value_start + found.start, clause.value_start + found.end
                block.add_span(Span(start, end, "date", {"when": found.when}, priority=30))
        return block

    def _read_chrome(self, kind: str, block: Block, work: Work, g: list[Judged]) -> None:
        if kind == ARCHIVE_HEADER or kind == "archiveFooter":
            facts.read_archive(work, self.archive, kind, block, g)
            return
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

    def _figure(self, g: list[Judged]) -> Division:
        """An illustration's mark ("[Illustration: A cottage.]"): a figure, its text the figure's heading."""
        return Division(type=FIGURE_DIV, content=[self._block(g, "head", None)], decisions=[])

    def _body(self, groups: list[list[Judged]], work: Work, index: int) -> list:
        top: list = []
        stack: list[Division] = []  # open divisions, innermost last
        previous_was_head = False
        opener: Division | None = None
        for g in groups:
            j = g[0]
            if j.role in OPENER_ROLES and any(part is not opener for part in top):
                j.role = P  # an opener only opens: after the text's first block it is a paragraph
            if j.role in OPENER_ROLES:
                if opener is None or not (top and top[-1] is opener):
                    opener = Division(type=OPENER)
                    top.append(opener)
                self._opener_part(g, opener, work, index)
                continue
            if j.role == SEPARATOR:
                block = self._block(g, "ab")
                block.attrs["type"] = "separator"
                (stack[-1].content if stack else top).append(block)
                continue
            if j.role == FIGURE:
                (stack[-1].content if stack else top).append(self._figure(g))
                continue
            if j.role == HEAD:
                self._review(j, "a section heading", index)
                head = self._block(g, "head", j.cert)
                if previous_was_head and stack and _is_label_heading(stack[-1]):
                    stack[-1].subheads.append(head)  # "CHAPTER II" then its title: one division
                    continue
                div = Division(type=SECTION, head=head)
                if previous_was_head and len(stack) == 1 and not stack[-1].content:
                    stack[-1].content.append(div)  # a heading right under a heading: a subsection, one level
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

    def _opener_part(self, g: list[Judged], opener: Division, work: Work, index: int) -> None:
        j = g[0]
        if j.role == SALUTE_OPEN:
            self._review(j, "the opening salutation", index)
            opener.content.append(self._block(g, "salute", j.cert))
        elif j.role == OPEN_DATELINE:
            self._review(j, "the opening dateline", index)
            block = self._block(g, "dateline", j.cert)
            for found in find_dates(block.text):
                block.add_span(Span(found.start, found.end, "date", {"when": found.when}, priority=30))
            work.meta.opener_date = md.date_value(block.text, block.line)
            opener.content.append(block)
        else:  # ADDRESS: the lines of one layout group are one address
            self._review(j, "an address", index)
            facts.note_names(work, j)
            last = opener.content[-1] if opener.content else None
            lines = self._line_blocks(g, "addrLine")
            if isinstance(last, Division) and last.type == ADDRESS_DIV and last.content and \
                    last.content[-1].line + 1 == lines[0].line:
                last.content.extend(lines)
            else:
                opener.content.append(Division(type=ADDRESS_DIV, content=lines))

    def _split_closer(self, groups: list[list[Judged]]) -> tuple[list, list]:
        return _split_roles(groups, CLOSER_ROLES)

    def _closer(self, groups: list[list[Judged]], work: Work, index: int) -> Division:
        closer = Division(type=CLOSER)
        for g in groups:
            j = g[0]
            if j.role == DATELINE:
                self._review(j, "the closing dateline", index)
                block = self._block(g, "dateline", j.cert)
                for found in find_dates(block.text):
                    block.add_span(Span(found.start, found.end, "date", {"when": found.when}, priority=30))
                if work.meta.closer_date is None and find_dates(block.text):
                    work.meta.closer_date = md.date_value(block.text, block.line)
            elif j.role == SALUTE:
                self._review(j, "the closing salutation", index)
                block = self._block(g, "salute", j.cert)
            else:
                self._review(j, "the signature", index)
                block = self._block(g, "signed", j.cert)
            closer.content.append(block)
        return closer

    def _postscripts(self, groups: list[list[Judged]], index: int) -> list[Division]:
        """The postscripts after the closer ("P.S. ...", "P.P.S. ..."): one postscript each, its
        paragraphs those up to the next one's mark."""
        out: list[Division] = []
        for g in groups:
            self._review(g[0], "a postscript", index)
            if not out or g[0].sig.postscript:
                out.append(Division(type=POSTSCRIPT_DIV))
            out[-1].content.append(self._block(g, "p", g[0].cert))
        return out

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
            block.marker_style = j.sig.note_start.lastgroup
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
                    self._read_chrome(kind, block, work, g)
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


def _split_roles(groups: list[list[Judged]], roles: set[str]) -> tuple[list, list]:
    """The leading groups whose role is one of ``roles``, and the rest."""
    n = 0
    while n < len(groups) and groups[n][0].role in roles:
        n += 1
    return groups[:n], groups[n:]


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
