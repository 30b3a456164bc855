"""The quotation pass: scan each work's blocks for marks, type what they prove, add the
markup to the model, and report stray marks and uncertain types for review.

A quotation becomes a span over its marks and words; a paragraph that is nothing but a
quotation becomes a block quotation (the ``said`` or ``quote`` element holds the paragraph);
a quotation continued over paragraphs is one element per paragraph linked by ``@next`` and
``@prev``. Direct speech points with ``@who`` at a standOff person (the one the names pass
made, or a minimal one made here); a written source named in the text becomes a ``bibl`` the
quotation points at with ``@source``, or, for a reference in brackets right after it, the
quotation and the reference are wrapped in ``cit``.

Speech that no mark shows (a reporting clause, dialogue dashes, a closing mark never opened:
see ``unmarked_speech``) becomes ``said`` with low or medium certainty, reported for review.
"""

from __future__ import annotations

from dataclasses import dataclass

from teikit.enrich.quote_types import (QUOTE, SAID, SO_CALLED, Q, Context, Typing, classify, decide, sentence_after,
                                      sentence_before, source_phrase)
from teikit.enrich.quotes import UNCLOSED, UNOPENED, Quotation, Scan, Stray, scan
from teikit.enrich.unmarked_speech import CLOSER, Speech, find_speech
from teikit.enrich.verse import VERSE, VerseRun, find_verse
from teikit.evidence import Evidence
from teikit.ids import slug
from teikit.lang import en
from teikit.model import (ELEMENT_DIVISIONS, HIGH, LOW, MEDIUM, PAGE_CHROME, Block, Division, Document, Entity, Part, ReviewItem,
                          Span, Work)
from teikit.snippets import snippet
from teikit.weights.quotations import (QUOTATION_MARKS, QUOTATION_SPEAKER, QUOTATION_TYPE, SPEAKER_PERSON,
                                       WRITTEN_SOURCE)

CATEGORY = "quotation"
# Quotation elements (a block holding one is not a block quotation of its own).
QUOTATION_TAGS = frozenset({SAID, QUOTE, Q, SO_CALLED})
# Quotations wrap other inline markup that covers the same characters.
QUOTE_PRIORITY = 30
# Block kinds whose content admits every kind of quotation and a bibl (TEI macro.paraContent,
# macro.specialPara and head); elsewhere speech and citations become q.
FULL_CONTENT = frozenset({"p", "head", "note", "signed", "titlePart", "salute"})
# Inline elements that admit neither said/quote/cit nor bibl (TEI model.phrase only).
PHRASE_ONLY = frozenset({"byline", "dateline", "date", "bibl"})
# Elements soCalled cannot hold (soCalled holds macro.phraseSeq).
NOT_IN_SO_CALLED = frozenset({"label", "bibl", "cit", "lg", "list", "table"})
_TYPE_NAMES = {SAID: "direct speech", QUOTE: "a quotation from a written source", SO_CALLED: "scare quotes",
               Q: "a quotation of no particular kind"}


@dataclass
class _Flow:
    """The blocks of one work in order, with what each may continue."""

    blocks: list[Block]
    parents: list[object]  # the Division, or the work part list, holding each block
    wrappable: list[bool]  # the block's parent admits a block quotation (a div or the body)
    links: list[bool]
    body: list[bool]  # the block is in the work's body (not its front or back)


def _flow(work: Work) -> _Flow:
    flow = _Flow([], [], [], [], [])

    def walk(parts: list[Part], parent: object, wrappable: bool, body: bool) -> None:
        previous: Part | None = None
        for part in parts:
            if isinstance(part, Division):
                inner = part.type not in ELEMENT_DIVISIONS
                if part.head is not None:
                    add(part.head, part, False, None, body)
                walk(part.content, part, inner, body)
            else:
                add(part, parent, wrappable, previous, body)
            previous = part

    def add(block: Block, parent: object, wrappable: bool, previous: Part | None, body: bool) -> None:
        linked = (isinstance(previous, Block) and previous.kind == "p" and block.kind == "p"
                  and bool(flow.blocks) and flow.blocks[-1] is previous)
        flow.blocks.append(block)
        flow.parents.append(parent)
        flow.wrappable.append(wrappable and block.kind == "p")
        flow.links.append(linked)
        flow.body.append(body)

    walk(work.front, work.front, False, False)
    walk(work.body, work.body, True, True)
    walk(work.back, work.back, False, False)
    return flow


def _enclosing(block: Block, start: int, end: int) -> Span | None:
    inside = [s for s in block.spans if s.start <= start and end <= s.end and (s.start, s.end) != (start, end)]
    return min(inside, key=lambda s: s.end - s.start) if inside else None


def _fits(tag: str, block: Block, start: int, end: int) -> str:
    """``tag`` or q, whichever TEI admits at this place."""
    enclosing = _enclosing(block, start, end)
    container = enclosing.tag if enclosing else block.kind
    if tag in (SAID, QUOTE) and (container in PHRASE_ONLY or block.kind in PHRASE_ONLY):
        return Q
    if tag == SO_CALLED and any(start <= s.start and s.end <= end and s.tag in NOT_IN_SO_CALLED
                                for s in block.spans):
        return Q
    return tag


class _WorkQuotations:
    def __init__(self, doc: Document, work: Work, index: int):
        self.doc = doc
        self.work = work
        self.index = index
        self.flow = _flow(work)
        self.count = 0
        self.bibls: dict[tuple[int, int, int], str] = {}

    def run(self) -> None:
        blocks = self.flow.blocks
        # lines of verse first: a quotation may run over them, marked or not
        self.verse = find_verse(blocks, self.flow.links, [
            w and body and b.wrap is None for b, w, body in zip(blocks, self.flow.wrappable, self.flow.body)])
        self.in_verse = {b: run for run in self.verse for b in run.blocks}
        joins = [b in self.in_verse and self.in_verse[b].blocks[0] != b for b in range(len(blocks))]
        result: Scan = scan([b.text for b in blocks], self.flow.links, joins)
        speech = self._unmarked(result)
        closed = {(s.block, s.end) for s in speech if s.convention == CLOSER}
        for stray in result.strays:
            if (stray.mark.block, stray.mark.end) not in closed:
                self._stray(stray)
        contexts = [self._context(q) for q in result.quotations]
        typings = [classify(ctx) for ctx, _ in contexts]
        # a work that reports speech: what is left unexplained is more likely speech too
        reported = sum(t.tag == SAID and t.cert == HIGH for t in typings) + sum(s.cert == MEDIUM for s in speech)
        dialogue = reported >= QUOTATION_TYPE.threshold("dialogue")
        if dialogue:
            for ctx, _ in contexts:
                ctx.dialogue = True
            typings = [_in_dialogue(ctx, t) if t.fallback else t for (ctx, _), t in zip(contexts, typings)]
        for quotation, (ctx, whole), typing in zip(result.quotations, contexts, typings):
            self._quotation(quotation, ctx, whole, typing)
        for found in speech:
            self._speech(found)
        self._verse()

    def _verse(self) -> None:
        """Lines of verse set off in the prose that no marked quotation holds whole: one quote
        around them (the blocks share it)."""
        blocks = self.flow.blocks
        for run in self.verse:
            if any(blocks[b].wrap is not None for b in run.blocks):
                continue
            wrap = Span(0, 0, QUOTE, {"cert": run.cert}, evidence=run.evidence)
            for b in run.blocks:
                blocks[b].wrap = wrap
            self._taken(blocks[run.blocks[0]].line, " / ".join(blocks[b].text.strip() for b in run.blocks), QUOTE,
                        f" with no quotation marks: {run.reason}", wrap.attrs, len(run.blocks), run.evidence, VERSE)

    # -- speech without marks -------------------------------------------------------------

    def _unmarked(self, result: Scan) -> list[Speech]:
        blocks = self.flow.blocks
        covered: list[list[tuple[int, int]]] = [[] for _ in blocks]
        closers: list[list[tuple[int, int]]] = [[] for _ in blocks]
        for quotation in result.quotations:
            for b, s, e in quotation.parts:
                covered[b].append((s, e))
        for stray in result.strays:
            mark = stray.mark
            if stray.problem == UNOPENED:
                closers[mark.block].append((mark.offset, mark.end))
            else:
                covered[mark.block].append((mark.offset, mark.end))
        eligible = [b.kind == "p" and i not in self.in_verse and
                    not (isinstance(parent, Division) and parent.type in PAGE_CHROME)
                    for i, (b, parent) in enumerate(zip(blocks, self.flow.parents))]
        return find_speech([b.text for b in blocks], eligible, covered, closers)

    def _speech(self, speech: Speech) -> None:
        block = self.flow.blocks[speech.block]
        if block.crossing(speech.start, speech.end) is not None:
            return
        attrs = self._attrs(SAID, speech.cert, speech.speaker, speech.evidence)
        block.add_span(Span(speech.start, speech.end, SAID, attrs, priority=QUOTE_PRIORITY, evidence=speech.evidence))
        marks = "only a closing mark" if speech.convention == CLOSER else "no quotation marks"
        self._taken(block.line_at(speech.start), block.text[speech.start:speech.end], SAID,
                    f" with {marks}: {speech.reason}", attrs, 1, speech.evidence, speech.convention)

    # -- review -------------------------------------------------------------------------

    def _stray(self, stray: Stray) -> None:
        mark = stray.mark
        ev = QUOTATION_MARKS.evidence()
        rule = QUOTATION_MARKS.unclosed if stray.problem == UNCLOSED else QUOTATION_MARKS.unopened
        if not ev.check(rule, True, mark=mark.text):
            return
        ev.decide("none", None)
        block = self.flow.blocks[mark.block]
        start = max(0, mark.offset - 30)
        if stray.problem == UNCLOSED:
            message = f"{mark.text} opens a quotation that is never closed: nothing marked"
        else:
            message = f"{mark.text} closes a quotation that was never opened: nothing marked"
        self.doc.review.append(ReviewItem(
            CATEGORY, block.line_at(mark.offset), snippet(block.text[start:mark.end + 40]), message,
            cert=None, work=self.index, data={"mark": mark.text, "problem": stray.problem}, evidence=ev))

    # -- one quotation -------------------------------------------------------------------

    def _context(self, quotation: Quotation) -> tuple[Context, list[bool]]:
        blocks = self.flow.blocks
        whole = []
        for b, start, end in quotation.parts:
            text = blocks[b].text
            whole.append(self.flow.wrappable[b] and start == len(text) - len(text.lstrip())
                         and end == len(text.rstrip()))
        first_b, first_start, _ = quotation.parts[0]
        last_b, _, last_end = quotation.parts[-1]
        first, last = blocks[first_b], blocks[last_b]
        inner = " ".join(blocks[b].text[s:e] for b, s, e in quotation.parts)
        inner = inner[len(quotation.opener.text):len(inner) - len(quotation.closer.text)]
        before = sentence_before(first.text, first_start)
        # how much of the paragraph before the quotation's sentence is searched for a source it names
        earlier_chars = QUOTATION_TYPE.threshold("earlier-chars")
        earlier = first.text[max(0, first_start - len(before) - earlier_chars):first_start - len(before)]
        block_quote = whole[0] and whole[-1]
        if not before.strip() and first_b > 0:
            previous = blocks[first_b - 1].text
            before, earlier = sentence_before(previous, len(previous.rstrip())) + " ", previous[-earlier_chars:]
        ctx = Context(inner, before, sentence_after(last.text, quotation.closer.end), block_quote,
                      quotation.depth, earlier)
        return ctx, whole

    def _quotation(self, quotation: Quotation, ctx: Context, whole: list[bool], typing: Typing) -> None:
        blocks = self.flow.blocks
        parts = quotation.parts
        run = self._verse_held(quotation, whole)
        if run is not None:
            self._verse_quotation(run, ctx, typing)
            return
        # lines of verse are never wrapped one by one: a quotation over some of them is inline
        whole = [w and b not in self.in_verse for (b, _, _), w in zip(parts, whole)]
        if any(not w and blocks[b].crossing(s, e) is not None for (b, s, e), w in zip(parts, whole)):
            self._report_crossing(quotation, typing)
            return
        tag = typing.tag
        for (b, s, e), w in zip(parts, whole):
            if not w:
                tag = _fits(tag, blocks[b], s, e)
        if tag == SO_CALLED and len(parts) > 1:
            tag = Q
        ev = _retagged(typing, tag)
        attrs = self._attrs(tag, typing.cert, typing.speaker, ev)
        ids = self._ids(len(parts))
        for n, ((b, s, e), w) in enumerate(zip(parts, whole)):
            part_attrs = dict(attrs)
            if ids:
                part_attrs["xml:id"] = ids[n]
                if n:
                    part_attrs["prev"] = f"#{ids[n - 1]}"
                if n + 1 < len(ids):
                    part_attrs["next"] = f"#{ids[n + 1]}"
            block = blocks[b]
            if w and tag in (SAID, QUOTE):
                block.wrap = Span(0, len(block.text), tag, part_attrs, evidence=ev)
            else:
                block.add_span(Span(s, e, tag, part_attrs, priority=QUOTE_PRIORITY, evidence=ev))
        if tag == QUOTE and len(parts) == 1:
            self._link_source(quotation, typing, attrs, whole[0])
        if typing.cert != HIGH or tag != typing.tag:
            b, s, e = parts[0]
            reason = typing.reason if tag == typing.tag else f"{typing.reason}; <{typing.tag}> cannot stand here"
            self._taken(blocks[b].line_at(s), ctx.inner, tag, f": {reason}", attrs, len(parts), ev)

    def _verse_held(self, quotation: Quotation, whole: list[bool]) -> VerseRun | None:
        """The run of verse lines a marked quotation holds whole, if it does."""
        run = self.in_verse.get(quotation.parts[0][0])
        if run is None or [b for b, _, _ in quotation.parts] != run.blocks or not all(whole):
            return None
        return run

    def _verse_quotation(self, run: VerseRun, ctx: Context, typing: Typing) -> None:
        """Verse in quotation marks: one element of its type around the lines."""
        tag = typing.tag if typing.tag in (SAID, QUOTE) else QUOTE
        ev = _retagged(typing, tag)
        wrap = Span(0, 0, tag, self._attrs(tag, typing.cert, typing.speaker, ev), evidence=ev)
        for b in run.blocks:
            self.flow.blocks[b].wrap = wrap
        if typing.cert != HIGH or tag != typing.tag:
            self._taken(self.flow.blocks[run.blocks[0]].line, ctx.inner, tag, f": {typing.reason}", wrap.attrs,
                        len(run.blocks), ev)

    def _attrs(self, tag: str, cert: str, speaker: str | None, evidence: Evidence) -> dict[str, str]:
        """@cert, and @who for speech whose speaker is known (how, into ``evidence``)."""
        attrs = {"cert": cert}
        who = self._speaker(speaker, evidence) if tag == SAID else None
        if who:
            attrs["who"] = f"#{who}"
        return attrs

    def _taken(self, line: int, text: str, tag: str, reason: str, attrs: dict[str, str], parts: int,
               evidence: Evidence, convention: str | None = None) -> None:
        """A review item for a quotation teikit is not sure of (its type, or its being one)."""
        data = {"element": tag, "who": attrs.get("who", ""), "parts": str(parts)}
        if convention is not None:
            data["convention"] = convention
        self.doc.review.append(ReviewItem(CATEGORY, line, snippet(text), f"taken as <{tag}> ({_TYPE_NAMES[tag]})"
                                          f"{reason}", cert=attrs["cert"], work=self.index, data=data,
                                          evidence=evidence))

    def _ids(self, parts: int) -> list[str]:
        if parts == 1:
            return []
        self.count += 1
        return [f"{self.work.id}-q{self.count}-{n + 1}" for n in range(parts)]

    def _report_crossing(self, quotation: Quotation, typing: Typing) -> None:
        b, s, e = quotation.parts[0]
        block = self.flow.blocks[b]
        ev = typing.evidence
        ev.decide("none", LOW, ev.threshold, [(typing.tag, ev.score)])
        self.doc.review.append(ReviewItem(
            CATEGORY, block.line_at(s), snippet(block.text[s:e]),
            "quotation crosses other markup: not marked", cert=LOW, work=self.index,
            data={"problem": "crossing"}, evidence=ev))

    # -- sources and speakers -------------------------------------------------------------

    def _link_source(self, quotation: Quotation, typing: Typing, attrs: dict, whole: bool) -> None:
        b, start, end = quotation.parts[0]
        block = self.flow.blocks[b]
        if block.kind not in FULL_CONTENT or whole:
            return
        span = next(sp for sp in block.spans if (sp.start, sp.end) == (start, end) and sp.tag == QUOTE)
        if typing.reference is not None:
            ref_start, ref_end = end + typing.reference[0], end + typing.reference[1]
            if (_enclosing(block, start, ref_end) is None and block.crossing(start, ref_end) is None
                    and block.crossing(ref_start, ref_end) is None):
                ev = WRITTEN_SOURCE.evidence()
                if ev.check(WRITTEN_SOURCE.bracketed_reference, True, reference=block.text[ref_start:ref_end]):
                    # the reference is what it is: no @cert on cit or bibl
                    cit = WRITTEN_SOURCE.evidence().extend(ev).decide("cit", None)
                    block.add_span(Span(start, ref_end, "cit", {}, priority=QUOTE_PRIORITY - 1, evidence=cit))
                    block.add_span(Span(ref_start, ref_end, "bibl", {}, priority=QUOTE_PRIORITY,
                                        evidence=ev.decide("bibl", None)))
            return
        ev = WRITTEN_SOURCE.evidence()
        found = source_phrase(block.text, start, ev)
        if found is None:
            return
        lo, hi = found
        if _enclosing(block, lo, hi) is not None or block.crossing(lo, hi) is not None:
            return
        key = (b, lo, hi)
        if key not in self.bibls:
            self.count += 1
            self.bibls[key] = f"{self.work.id}-bibl{self.count}"
            cert = decide(WRITTEN_SOURCE, ev, "bibl")
            block.add_span(Span(lo, hi, "bibl", {"xml:id": self.bibls[key], "cert": cert},
                                priority=QUOTE_PRIORITY, evidence=ev))
        span.attrs["source"] = f"#{self.bibls[key]}"

    def _speaker(self, speaker: str | None, evidence: Evidence) -> str | None:
        """The standOff id of the person speaking, made when the names pass made none."""
        if speaker is None:
            return None
        if speaker == "I":
            authors = self.work.meta.authors
            if not evidence.check(QUOTATION_SPEAKER.narrator_is_author, authors,
                                  author=authors[0] if authors else None):
                return None
            speaker = authors[0]
        elif evidence.check(QUOTATION_SPEAKER.no_name, _names_nobody(speaker), speaker=speaker):
            return None
        entity = person_entity(self.doc, speaker, evidence)
        return entity.id if entity is not None else None


def _names_nobody(speaker: str) -> bool:
    """A speaker that is no person's name: a pronoun, also contracted ("I’ve", "She'd"), a
    description ("his father", "the old man"), a closed-class word opening a sentence ("If")."""
    first = speaker.split()[0]
    word = first.replace("’", "'").split("'")[0]
    return not first[:1].isupper() or first.lower() in en.NAMELESS_SPEAKERS or \
        word.lower() in en.FUNCTION_WORDS or word.lower() in en.NAMELESS_SPEAKERS


def _in_dialogue(ctx: Context, alone: Typing) -> Typing:
    """A quotation typed again in a work that reports speech; what it was alone is its alternative."""
    typing = classify(ctx)
    if typing.tag != alone.tag:
        ev = typing.evidence
        ev.decide(typing.tag, typing.cert, ev.threshold, [(alone.tag, alone.evidence.score)])
    return typing


def _retagged(typing: Typing, tag: str) -> Evidence:
    """The typing's evidence, deciding ``tag`` where TEI admits no ``typing.tag`` (the type
    it was given is the alternative)."""
    ev = typing.evidence
    if tag != typing.tag:
        ev.decide(tag, typing.cert, ev.threshold, [*ev.alternatives, (typing.tag, ev.score)])
    return ev


def person_entity(doc: Document, name: str, evidence: Evidence | None = None) -> Entity | None:
    """The document's person entry for ``name`` (same name, or same last word), or a new
    minimal one (None when the rule that makes one is switched off). How it was found goes
    into ``evidence`` (the quotation's)."""
    evidence = evidence if evidence is not None else QUOTATION_SPEAKER.evidence()
    wanted = name.casefold()
    last = wanted.split()[-1]
    persons = [e for e in doc.entities if e.kind == "person"]
    same = next((e for e in persons if any(n.casefold() == wanted for n in e.names)), None)
    if same is not None and evidence.check(QUOTATION_SPEAKER.same_name, True, person=same.id):
        return same
    same = next((e for e in persons if any(n.casefold().split()[-1:] == [last] for n in e.names if n.split())), None)
    if same is not None and evidence.check(QUOTATION_SPEAKER.same_last_word, True, person=same.id):
        return same
    made = SPEAKER_PERSON.evidence()
    found_by = next((f.rule for f in evidence.fired if f.rule.startswith(f"{QUOTATION_SPEAKER.decision}.")), None)
    if not made.check(SPEAKER_PERSON.named_speaker, True, name=name, found_by=found_by):
        return None
    base = f"{doc.name}-person-{slug(name)}"
    taken = {e.id for e in doc.entities}
    entity_id, n = base, 1
    while entity_id in taken:
        n += 1
        entity_id = f"{base}-{n}"
    entity = Entity(entity_id, "person", names=[name], cert=decide(SPEAKER_PERSON, made, "person"),
                    note="Named in the text as a speaker; entry made by teikit's quotation pass.", evidence=made)
    doc.entities.append(entity)
    return entity


def mark_quotations(doc: Document) -> None:
    """The enricher: quotations of every work of ``doc``."""
    for index, work in enumerate(doc.works):
        _WorkQuotations(doc, work, index).run()
