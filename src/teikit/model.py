"""The document model: what a reader builds, enrichers refine and the TEI writer serialises.

A ``Document`` is one input file. It holds one or more ``Work``s (several works in one file
become a ``teiCorpus``). A work has ``front``, ``body`` and ``back`` parts made of ``Division``s
and ``Block``s. A block keeps its **source text verbatim**; everything the converter
recognises inside it is a ``Span`` over ``[start, end)`` of that text, so that markup can
never lose or reorder a character. What the edition adds (a correction, a normalisation, an
editor's note) is attached as data that is not source text (``Span.added``, ``Insertion``).

Enrichers (names, dates, quotations, notes, languages) take a Document and add spans, standOff
entries and review items; they never touch XML. Every machine decision keeps its ``Evidence``
(``teikit.evidence``) on what it decided: a block's or division's ``decisions``, a span's or
entity's ``evidence``. A block's words are tokenised once, when a pass first asks for them
(``Block.tokens``), and shared by every pass after it. This module imports nothing from teikit but
``evidence`` and ``tokens``, so readers, enrichers and writers can all depend on it.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, field
from typing import Iterator, Union

from teikit.evidence import HIGH, LOW, MEDIUM, Evidence
from teikit.tokens import Token, tokenize

__all__ = ["HIGH", "MEDIUM", "LOW", "Evidence"]  # certainty values (TEI @cert), re-exported

# Division types that are TEI elements of their own rather than div[@type].
TITLE_PAGE, DOC_TITLE, OPENER, CLOSER = "titlePage", "docTitle", "opener", "closer"
ADDRESS, FIGURE, POSTSCRIPT = "address", "figure", "postscript"
ELEMENT_DIVISIONS = frozenset({TITLE_PAGE, DOC_TITLE, OPENER, CLOSER, ADDRESS, FIGURE, POSTSCRIPT})
# Division types of div[@type] the reader makes besides the page chrome.
NOTES, METADATA, SECTION = "notes", "metadata", "section"
# Divisions holding a web page's own chrome, not the text (and a text archive's banner, header and
# licence): no speech, names or notes are sought there.
ARCHIVE_HEADER, ARCHIVE_FOOTER = "archiveHeader", "archiveFooter"
PAGE_CHROME = frozenset({"breadcrumb", "posting", "pageTitle", "pageHeader", "pageFooter", "commentForm",
                         ARCHIVE_HEADER, ARCHIVE_FOOTER})


@dataclass
class Span:
    """Inline markup over ``text[start:end]`` of a block, e.g. a name, a date or a quotation.

    ``tag`` is the TEI element name; ``attrs`` are its TEI attributes ("xml:id", "ref",
    "when", "cert", "resp", ...). For an editorial choice, ``tag`` is "choice", the source
    text goes into ``source_tag`` ("sic" or "orig") and ``added`` holds the edition's reading
    in ``added_tag`` ("corr" or "reg").
    """

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    source_tag: str | None = None
    added_tag: str | None = None
    added: str | None = None
    added_attrs: dict[str, str] = field(default_factory=dict)
    # A lower number wraps a higher one when two spans cover the same range.
    priority: int = 50
    # Why the machine made this span (the rules that fired), when a pass made it.
    evidence: Evidence | None = None

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span [{self.start}, {self.end}) for <{self.tag}>")

    @property
    def is_choice(self) -> bool:
        return self.added_tag is not None


@dataclass
class Insertion:
    """Content the edition adds at one offset of a block (an editor's note); not source text."""

    offset: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    text: str = ""


@dataclass
class Block:
    """A unit of source text with one structural role.

    ``kind`` is the role the reader judged, named after the TEI element it becomes:
    ``p``, ``head``, ``docAuthor``, ``titlePart``, ``docDate``, ``byline``, ``meta`` (a
    labelled metadata line), ``dateline``, ``signed``, ``note``, ``label``.
    """

    kind: str
    text: str
    line: int  # 1-based line of the input where the block starts
    # TEI attributes, written as they are.
    attrs: dict[str, str] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)
    insertions: list[Insertion] = field(default_factory=list)
    # An element around the whole block (a block quotation: ``said``/``quote``/``q`` holding
    # the paragraph); its start and end cover the block's text.
    wrap: Span | None = None
    # How sure the reader is of ``kind`` (None: the default reading, nothing to report).
    cert: str | None = None
    # For ``meta`` blocks: the label as written ("First Published") and where the value starts.
    label: str | None = None
    value_start: int = 0
    # The block's line breaks are the text's own (verse, a list, an address): written as <lb/>.
    line_breaks: bool = False
    # A note that opens with its own marker ("[1] ...", "* ..."): its marker may be sought in the text;
    # "p" when the marker is a number in parentheses ("(1) ..."), which the text writes so too.
    marker: bool = False
    marker_style: str | None = None
    # How the machine decided about the block: its role, its language.
    decisions: list[Evidence] = field(default_factory=list)

    @functools.cached_property
    def tokens(self) -> list[Token]:
        """The words of the block's text (of its value, after a metadata label), tokenised the first
        time a pass asks and then shared: the text never changes once read (passes add spans).
        Not a field: the model's JSON dump and comparisons leave it out."""
        return tokenize(self.text, self.value_start if self.label else 0)

    def forget_tokens(self) -> None:
        """Let the token stream go (the passes are done; the writer reads spans, not words): a
        large text's tokens take more memory than its text and model together."""
        self.__dict__.pop("tokens", None)

    def line_at(self, offset: int) -> int:
        """The input line of ``text[offset]``."""
        return self.line + self.text.count("\n", 0, offset)

    def crossing(self, start: int, end: int) -> Span | None:
        """A span that ``[start, end)`` would cross (overlap without nesting), if any."""
        for span in self.spans:
            if span.start < start < span.end < end or start < span.start < end < span.end:
                return span
        return None

    def add_span(self, span: Span) -> Span:
        if span.end > len(self.text):
            raise ValueError(f"span [{span.start}, {span.end}) outside block of {len(self.text)} chars")
        self.spans.append(span)
        return span


@dataclass
class Division:
    """A ``div``: an optional heading block and its content, in source order."""

    type: str | None = None
    head: Block | None = None
    # further headings of the same division ("CHAPTER II" then "CHALLENGES")
    subheads: list[Block] = field(default_factory=list)
    content: list["Part"] = field(default_factory=list)
    attrs: dict[str, str] = field(default_factory=dict)
    cert: str | None = None
    # For a division of notes: the notes' @type ("editorial") and who wrote them, as the heading says.
    notes_type: str | None = None
    notes_resp: str | None = None
    # How the machine decided about the division (page chrome, its language).
    decisions: list[Evidence] = field(default_factory=list)


Part = Union[Block, Division]


@dataclass
class DateValue:
    """A date as the text states it, with its ISO form when it can be read."""

    text: str
    when: str | None = None  # ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or partial --MM-DD
    line: int | None = None
    # a range instead of one date ("Autumn 1901 - February 1902"): ISO from/to
    from_: str | None = None
    to: str | None = None


@dataclass
class Publication:
    """A bibliographic statement (first publication), parsed where its parts are clear."""

    text: str
    title: str | None = None  # periodical or book title
    volume: str | None = None
    issue: str | None = None
    date: DateValue | None = None
    pages: str | None = None
    line: int | None = None


@dataclass
class Responsibility:
    """Who did what for the text as the source states it: a role ("transcription", "mark-up"), the
    names, and the label as written ("Transcription/HTML Markup", "Marked up by")."""

    role: str
    names: list[str] = field(default_factory=list)
    label: str = ""


@dataclass
class Correspondence:
    """A letter's sending and receiving, as the letter states them (TEI correspDesc, the CMIF
    convention): who sent it from where and when, to whom."""

    sender: str | None = None
    sender_is_group: bool = False
    place: str | None = None
    date: DateValue | None = None
    addressee: str | None = None


@dataclass
class Archive:
    """A text archive whose conventions frame the work (a Project Gutenberg book): its name, and what
    its own header states about the work."""

    name: str
    title: str | None = None
    subtitles: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)


@dataclass
class Supplied:
    """Header fields an editor's file states for a work (never the text): its address, licence, source."""

    url: str | None = None
    licence: str | None = None
    source: str | None = None


@dataclass
class WorkMeta:
    """What the text states about one work, for its ``teiHeader``."""

    titles: list[str] = field(default_factory=list)  # main title (lines joined)
    subtitles: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: DateValue | None = None  # the title block's date line
    written: DateValue | None = None
    first_published: Publication | None = None
    source: str | None = None
    source_publication: Publication | None = None  # the source's parts, where they are plainly stated
    # who did what (transcription, mark-up, proofreading, translation ...), one entry per role and line
    responsibilities: list[Responsibility] = field(default_factory=list)
    # the series or collections the work belongs to ("Pamphlets of the League — No. 14"), as written
    series: list[str] = field(default_factory=list)
    publisher: str | None = None
    printer: str | None = None
    reprinted: str | None = None
    # every credits line, as written (white space collapsed): copied whole into the header
    credits: list[str] = field(default_factory=list)
    # dates the text states besides its date line: a letter's opening and closing datelines, a
    # headnote's ("delivered ... on 7 June 1921")
    opener_date: DateValue | None = None
    closer_date: DateValue | None = None
    headnote_date: DateValue | None = None
    title_date: DateValue | None = None  # a date in brackets closing the title ("The Crisis (May 1917)")
    # the work's own date, chosen from the dates above (the profile's creation date)
    created: DateValue | None = None
    letter: Correspondence | None = None
    # the kind of text ("letter", "chapter", "speech", "article"; None: no rule says), for textClass
    genre: str | None = None
    archive: Archive | None = None
    # where the author comes from when no line of the title block names one: "collection", "headnote",
    # "signature" (None: a line names the author)
    author_source: str | None = None
    # how the header's facts were chosen among what the text states ("author", "date", "letter")
    decisions: dict[str, Evidence] = field(default_factory=dict)
    licence: str | None = None
    licence_label: str | None = None  # "Copyleft", "Public Domain", "License"...
    licence_holder: str | None = None  # who the licence statement names as holder
    licence_year: str | None = None
    last_updated: DateValue | None = None
    # Others responsible for parts of the text, as (xml:id, what they did, name): e.g. the
    # editors who signed a source note ("Note by ETOL").
    contributors: list[tuple[str, str, str]] = field(default_factory=list)
    # Every labelled line, as (label, value, line), including those named above.
    fields: list[tuple[str, str, int]] = field(default_factory=list)
    # Header fields an editor's file adds (url, licence, ...), never from the text.
    supplied: Supplied = field(default_factory=Supplied)


@dataclass
class PageMeta:
    """What a web page carrying the works says about itself (the file, as a whole)."""

    title: str | None = None
    posted: DateValue | None = None
    poster: str | None = None
    breadcrumb: list[str] = field(default_factory=list)
    chrome: list[str] = field(default_factory=list)  # kinds of chrome found, for sourceDesc
    url: str | None = None


@dataclass
class Work:
    """One work: becomes a ``TEI`` element."""

    front: list[Part] = field(default_factory=list)
    body: list[Part] = field(default_factory=list)
    back: list[Part] = field(default_factory=list)
    meta: WorkMeta = field(default_factory=WorkMeta)
    lang: str | None = None
    id: str = ""


@dataclass(frozen=True)
class EntryRef:
    """An entry of an authority list: the list file (absolute) and the entry's xml:id. The
    writer makes it relative to where the TEI goes ('authority/persons.xml#id')."""

    path: str
    id: str


@dataclass
class Entity:
    """A standOff entry (person, place, org) a document's names point at."""

    id: str
    kind: str  # "person", "place", "org"
    names: list[str] = field(default_factory=list)
    idnos: list[tuple[str, str]] = field(default_factory=list)  # (type, value)
    same_as: str | None = None  # the thing itself on the web (a Wikidata or GeoNames URI)
    entry: EntryRef | None = None  # the source list entry (written as @corresp)
    note: str | None = None
    birth: str | None = None
    death: str | None = None
    cert: str | None = None
    resp: str | None = None
    geo: str | None = None  # a place's "latitude longitude"
    evidence: Evidence | None = None  # how the names it stands for were decided


@dataclass
class ReviewItem:
    """Something a person should look at: a machine decision with its certainty."""

    category: str  # "structure", "name", "quotation", "correction", ...
    line: int | None
    text: str
    message: str
    cert: str | None = None
    work: int | None = None
    data: dict[str, str] = field(default_factory=dict)
    evidence: Evidence | None = None  # the rules behind the decision under review
    xpath: str | None = None  # for an item read from TEI: its element, as the trace names it


@dataclass
class Document:
    """One input file, converted."""

    name: str  # the input stem, used for ids and output names
    source: str  # the decoded input text, exactly
    works: list[Work] = field(default_factory=list)
    page: PageMeta | None = None  # set when the file is a web page carrying the works
    lang: str = "en"
    entities: list[Entity] = field(default_factory=list)
    review: list[ReviewItem] = field(default_factory=list)
    source_path: str | None = None
    # Those responsible for the edition as a whole (an editor's file), as (xml:id, what they
    # did, name): declared once per file, in the corpus header when there are several works.
    contributors: list[tuple[str, str, str]] = field(default_factory=list)
    # What the file as a whole is called when it is a collection of works ("Letters of X, 1902–1904").
    title: str | None = None

    @property
    def is_corpus(self) -> bool:
        return len(self.works) > 1

    def blocks(self) -> Iterator[Block]:
        """Every block of every work, in document order."""
        for work in self.works:
            for part in (*work.front, *work.body, *work.back):
                yield from iter_blocks(part)

    def forget_tokens(self) -> None:
        """Every block's token stream let go (see ``Block.forget_tokens``)."""
        for block in self.blocks():
            block.forget_tokens()

    def to_json(self) -> str:
        """A JSON dump of the model, for tests that should not depend on TEI formatting."""
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, indent=1, sort_keys=True)


def iter_blocks(part: Part) -> Iterator[Block]:
    """The blocks of a part in order (a division's heading first)."""
    if isinstance(part, Block):
        yield part
        return
    if part.head is not None:
        yield part.head
    yield from part.subheads
    for child in part.content:
        yield from iter_blocks(child)
