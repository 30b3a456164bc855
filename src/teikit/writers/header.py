"""The ``teiHeader``: copies of what the text states about itself, nothing invented.

Titles, authors, dates, first publication, transcriber and licence come from the title
block and the labelled metadata lines; the web page that carried the text is described as
it describes itself. Where the text states nothing, the header says so instead of guessing.
"""

from __future__ import annotations

from lxml import etree

from teikit import __version__
from teikit.model import Correspondence, DateValue, Division, Document, PageMeta, Publication, Work, WorkMeta
from teikit.ns import tei
from teikit.writers.inline import set_attrs

# The quotation elements teikit writes: their marks, where the source has them, are in their text.
QUOTATIONS = frozenset({"q", "said", "quote", "soCalled"})

LANGUAGE_NAMES = {"en": "English", "fr": "French", "de": "German", "es": "Spanish", "it": "Italian",
                  "pt": "Portuguese", "ru": "Russian", "nl": "Dutch"}


def marks_rendition(doc_name: str) -> str:
    """The xml:id of the rendition every quotation points at: its marks are in the text (unique per
    file, as every id teikit writes)."""
    return f"{doc_name}-marks-in-text"


def el(parent: etree._Element | None, name: str, text: str | None = None, **attrs: str) -> etree._Element:
    """A TEI element (appended to ``parent`` when given) with text and attributes;
    attribute keys use '_' for ':' ('xml_id' -> 'xml:id')."""
    element = etree.Element(tei(name)) if parent is None else etree.SubElement(parent, tei(name))
    if text:
        element.text = text
    set_attrs(element, {k.replace("_", ":", 1) if k.startswith("xml_") else k: v for k, v in attrs.items()})
    return element


def resp_stmt(parent: etree._Element, role: str, names, **attrs: str) -> etree._Element:
    """A respStmt: what was done (``role``) and by whom (one name, or several)."""
    stmt = el(parent, "respStmt", **attrs)
    el(stmt, "resp", role)
    for name in [names] if isinstance(names, str) else names:
        el(stmt, "name", name)
    return stmt


def _date(parent: etree._Element, value: DateValue, **attrs: str) -> etree._Element:
    if value.from_:
        return el(parent, "date", value.text, **{"from": value.from_, "to": value.to or ""}, **attrs)
    return el(parent, "date", value.text, when=value.when or "", **attrs)


class HeaderWriter:
    """Builds headers for the works of one document; ``app_id`` names teikit's
    ``application`` element, which every machine decision points at with ``@resp``."""

    def __init__(self, doc: Document, app_id: str):
        self.doc = doc
        self.app_id = app_id
        self.file_name = doc.source_path.rsplit("/", 1)[-1] if doc.source_path else "standard input"
        # who supplied the header fields the text does not state (the editor's file)
        self.supplier = f"#{doc.contributors[0][0]}" if doc.contributors else ""
        # one work of several written as a TEI file of its own (``teikit convert --split``)
        self.split = False

    # -- TEI (one work) ---------------------------------------------------------------

    def work_header(self, work: Work, in_corpus: bool) -> etree._Element:
        header = el(None, "teiHeader")
        file_desc = el(header, "fileDesc")
        self._title_stmt(file_desc, work, in_corpus)
        self._publication_stmt(file_desc, work.meta)
        self._series_stmt(file_desc, work.meta)
        self._notes_stmt(file_desc, work.meta)
        self._source_desc(file_desc, work, in_corpus)
        if not in_corpus:
            self._encoding_desc(header)
        self._profile_desc(header, work)
        if not in_corpus:
            self._revision_desc(header)
        return header

    def _title_stmt(self, file_desc: etree._Element, work: Work, in_corpus: bool) -> None:
        meta = work.meta
        stmt = el(file_desc, "titleStmt")
        if meta.titles:
            for title in meta.titles:
                el(stmt, "title", title, type="main")
        elif meta.letter is not None:
            el(stmt, "title", _letter_title(meta.letter), type="desc")
        else:
            heading = next((b.text for part in work.body for b in _heads(part)), None)
            el(stmt, "title", " ".join(heading.split()) if heading else f"Untitled text ({self.file_name})",
               type="desc" if not heading else "main")
        for subtitle in meta.subtitles:
            el(stmt, "title", subtitle, type="sub")
        for author in meta.authors:
            el(stmt, "author", author)
        # who did what for the text, as it states: one respStmt a role
        for responsibility in meta.responsibilities:
            if responsibility.names:
                resp_stmt(stmt, responsibility.role, responsibility.names)
        self._contributors(stmt, meta.contributors if in_corpus else [*meta.contributors, *self.doc.contributors])
        self._teikit(stmt)

    def _teikit(self, stmt: etree._Element) -> None:
        resp = el(stmt, "respStmt")
        el(resp, "resp", "TEI encoding, converted automatically from plain text")
        el(resp, "name", f"teikit {__version__}", ref=f"#{self.app_id}")

    def _series_stmt(self, file_desc: etree._Element, meta: WorkMeta) -> None:
        """The series or collections the work belongs to, as the text names them (a work split
        from a collection: the collection too)."""
        series = list(meta.series)
        if self.split and self.doc.title and self.doc.title not in series:
            series.append(self.doc.title)
        for title in series:
            el(el(file_desc, "seriesStmt"), "title", title)

    @staticmethod
    def _notes_stmt(file_desc: etree._Element, meta: WorkMeta) -> None:
        """Every credits line of the text, copied whole (each also stays in the text, where it stands)."""
        if meta.credits:
            stmt = el(file_desc, "notesStmt")
            for line in meta.credits:
                el(stmt, "note", line, type="credits")

    def _contributors(self, stmt: etree._Element, contributors: list[tuple[str, str, str]]) -> None:
        for rid, role, name in contributors:
            resp_stmt(stmt, role, name, xml_id=rid)

    def _publication_stmt(self, file_desc: etree._Element, meta: WorkMeta | None) -> None:
        stmt = el(file_desc, "publicationStmt")
        supplied = meta.supplied.licence if meta else None
        if meta is None or not meta.licence:
            el(stmt, "p", "The source states no publisher and no licence.")
            if supplied:
                el(stmt, "p", f"Licence supplied by the editor (the source does not state it): {supplied}",
                   resp=self.supplier)
            return
        licence, label, holder, year = meta.licence, meta.licence_label, meta.licence_holder, meta.licence_year
        if holder is None:
            el(stmt, "p", f"{label}: {licence}" if label else licence)
            return
        el(stmt, "distributor", holder)
        if year:
            el(stmt, "date", year, when=year)
        availability = el(stmt, "availability")
        el(availability, "licence", f"{label}: {licence}" if label else licence)
        if supplied:
            el(el(stmt, "availability", resp=self.supplier), "licence", supplied)

    def _publication(self, parent: etree._Element, pub: Publication, kind: str = "firstPublication") -> None:
        """A bibliographic statement with the parts it plainly states, and itself as stated."""
        bibl = el(parent, "bibl", type=kind)
        if pub.title:
            el(bibl, "title", pub.title, level="j") if kind == "firstPublication" else el(bibl, "title", pub.title)
        if pub.volume:
            el(bibl, "biblScope", pub.volume, unit="volume")
        if pub.issue:
            el(bibl, "biblScope", pub.issue, unit="issue")
        if pub.date:
            _date(bibl, pub.date)
        if pub.pages:
            el(bibl, "biblScope", pub.pages, unit="page")
        el(bibl, "note", pub.text, type="asStated")

    def _source_desc(self, file_desc: etree._Element, work: Work, in_corpus: bool) -> None:
        meta = work.meta
        desc = el(file_desc, "sourceDesc")
        if meta.first_published:
            self._publication(desc, meta.first_published)
        if meta.source_publication is not None:
            self._publication(desc, meta.source_publication, "source")
        elif meta.source:
            el(desc, "bibl", meta.source, type="source")
        if meta.reprinted:
            el(desc, "bibl", meta.reprinted, type="reprint")
        if meta.publisher or meta.printer:
            imprint = el(desc, "bibl", type="imprint")
            if meta.publisher:
                el(imprint, "publisher", meta.publisher)
            if meta.printer:
                resp_stmt(imprint, "printing", meta.printer)
        # the transcription this file holds, as it describes itself
        bibl = el(desc, "bibl", type="transcription")
        for title in meta.titles or []:
            el(bibl, "title", title)
        for author in meta.authors:
            el(bibl, "author", author)
        if meta.date:
            _date(bibl, meta.date, type="work")
        # who made the transcription: the roles of the same people together ("transcription, HTML mark-up")
        made: dict[tuple[str, ...], list[str]] = {}
        for responsibility in meta.responsibilities:
            if responsibility.names:
                made.setdefault(tuple(responsibility.names), []).append(responsibility.role)
        for names, roles in made.items():
            resp_stmt(bibl, ", ".join(roles), names)
        if meta.licence_holder:
            el(bibl, "distributor", meta.licence_holder)
        if meta.last_updated:
            _date(bibl, meta.last_updated, type="lastUpdated")
        if meta.supplied.url:
            el(bibl, "ptr", target=meta.supplied.url, resp=self.supplier)
        for label, value, _ in meta.fields:
            if label.lower().startswith(("online", "original title")):
                el(bibl, "note", f"{label}: {value}", type="metadata")
        where = ("a web page carrying several works, described in the corpus header" if in_corpus
                 else f"a file carrying {len(self.doc.works)} works, this one written on its own" if self.split
                 else "a plain-text transcription")
        el(bibl, "note", f"Converted from {where} ({self.file_name}).", type="file")
        if meta.supplied.source:
            el(bibl, "note", meta.supplied.source, type="source", resp=self.supplier)
        if meta.archive is not None:
            archive = el(desc, "bibl", type="textArchive")
            el(archive, "distributor", meta.archive.name)
            el(archive, "note", "The archive's own banner, header and licence are kept in the text, in order, as "
                                "div[@type='archiveHeader'] and div[@type='archiveFooter'].", type="chrome")
        if self.doc.page and not in_corpus:
            self._web_page(desc, self.doc.page)

    def _web_page(self, parent: etree._Element, page: PageMeta) -> None:
        bibl = el(parent, "bibl", type="webPage")
        if page.title:
            el(bibl, "title", page.title)
        if page.poster:
            resp_stmt(bibl, "posted by", page.poster)
        if page.posted:
            _date(bibl, page.posted, type="posted")
        if page.url:
            el(bibl, "ptr", target=page.url, resp=self.supplier)
        if page.breadcrumb:
            el(bibl, "note", " > ".join(page.breadcrumb), type="breadcrumb")
        if page.chrome:
            el(bibl, "note", "The page's own navigation and forms are kept in the text, in order, as "
                             + ", ".join(f"div[@type='{kind}']" for kind in page.chrome) + ".", type="chrome")

    def _encoding_desc(self, header: etree._Element) -> None:
        desc = el(header, "encodingDesc")
        el(desc, "p", "Structure, header fields and footnote links were recognised automatically by "
                      "teikit from the plain text; elements carrying @cert record how sure it was and "
                      "point with @resp at teikit. Every character of the source is kept, in order, "
                      "in the text.")
        decl = el(desc, "editorialDecl")
        if self.doc.contributors:
            el(el(decl, "correction"), "p", "Transcription errors an editor confirmed are corrected as "
                                            "choice/sic/corr, normalisations are choice/orig/reg; the source "
                                            "reading stays in sic and orig. Notes the editor added are "
                                            "note[@subtype='added']. All point with @resp at the editor.")
        # the marks stay inside q, said, quote and soCalled: a renderer that adds its own prints them twice
        el(el(decl, "quotation", marks="all"), "p", "Quotation marks are kept as the source has them, inside "
                                                    "q, said, quote and soCalled (whose @rendition says so): "
                                                    "a renderer should not add marks of its own.")
        if self.doc.entities:
            el(el(decl, "interpretation"), "p", "The lists in standOff are the persons, places and organisations "
                                                "the text names, for its names to point at: data, not text to read. "
                                                "An entry copied from an authority list points at it with @corresp "
                                                "and keeps its note; @evidence says what an entry rests on: "
                                                "internal (recognised in the text, no list entry) or external (an "
                                                "authority list or a gazetteer).")
        tags = el(desc, "tagsDecl")
        el(tags, "rendition", "quotes: none;", scheme="css", xml_id=marks_rendition(self.doc.name))
        if self.doc.entities:  # a generic renderer (CETEIcean) applies it: the lists are not running text
            el(tags, "rendition", "display: none;", scheme="css", selector="standOff",
               xml_id=f"{self.doc.name}-lists")
        info = el(desc, "appInfo")
        app = el(info, "application", ident="teikit", version=__version__, xml_id=self.app_id)
        el(app, "label", "teikit")

    def _profile_desc(self, header: etree._Element, work: Work | None) -> None:
        desc = el(header, "profileDesc")
        created = work and work.meta.created
        if created:
            creation = el(desc, "creation")
            _date(creation, created)
        if work is not None and work.meta.letter is not None:
            _correspondence(desc, work.meta.letter)
        works = [work] if work else self.doc.works
        # the text's own language first, then those of its passages
        main = sorted({w.lang or self.doc.lang for w in works}, key=lambda lang: (lang != self.doc.lang, lang))
        langs = main + sorted({lang for w in works for lang in passage_langs(w)} - set(main))
        # the detector's choice of the text's language is a guess like the others: how sure, and who
        decided = work.meta.decisions.get("language") if work is not None else None
        cert = decided.cert if decided is not None else None
        usage = el(desc, "langUsage", cert=cert or "", resp=f"#{self.app_id}" if cert else "")
        for lang in langs:
            el(usage, "language", LANGUAGE_NAMES.get(lang, lang), ident=lang)
        if work is not None and work.meta.genre:
            evidence = work.meta.decisions.get("genre")
            cert = evidence.cert if evidence is not None else None
            keywords = el(el(desc, "textClass"), "keywords", cert=cert or "", resp=f"#{self.app_id}" if cert else "")
            el(keywords, "term", work.meta.genre, type="genre")

    def _revision_desc(self, header: etree._Element) -> None:
        desc = el(header, "revisionDesc")
        el(desc, "change", f"Converted from the plain text {self.file_name} by teikit {__version__}.",
           who=f"#{self.app_id}")
        for rid, role, _ in self.doc.contributors:
            el(desc, "change", f"{role[:1].upper()}{role[1:]} from the editor's file.", who=f"#{rid}")

    # -- teiCorpus (the file) ---------------------------------------------------------

    def corpus_header(self, note: str | None = None) -> etree._Element:
        """The teiCorpus's header (``note``: what the file holds, when not the works of one text)."""
        doc, page = self.doc, self.doc.page or PageMeta()
        header = el(None, "teiHeader")
        file_desc = el(header, "fileDesc")
        stmt = el(file_desc, "titleStmt")
        if doc.title:
            el(stmt, "title", doc.title, type="main")
        elif page.title:
            el(stmt, "title", page.title, type="main")
        else:
            titles = "; ".join(t for w in doc.works for t in w.meta.titles[:1]) or f"Texts from {self.file_name}"
            el(stmt, "title", titles, type="desc")
        if page.poster:
            resp_stmt(stmt, "posted by", page.poster)
        self._contributors(stmt, doc.contributors)
        self._teikit(stmt)
        self._publication_stmt(file_desc, next((w.meta for w in doc.works if w.meta.licence), None))
        desc = el(file_desc, "sourceDesc")
        if doc.page:
            self._web_page(desc, page)
        if note or not doc.page:
            el(el(desc, "bibl", type="file"), "note", note or f"Several works in one plain-text file ({self.file_name}).")
        self._encoding_desc(header)
        self._profile_desc(header, None)
        self._revision_desc(header)
        return header


def _correspondence(parent: etree._Element, letter: Correspondence) -> None:
    """A letter's sending and receiving (TEI correspDesc, as the CMIF convention writes it)."""
    if not (letter.sender or letter.place or letter.date or letter.addressee):
        return
    desc = el(parent, "correspDesc")
    if letter.sender or letter.place or letter.date:
        sent = el(desc, "correspAction", type="sent")
        if letter.sender:
            el(sent, "orgName" if letter.sender_is_group else "persName", letter.sender)
        if letter.place:
            el(sent, "placeName", letter.place)
        if letter.date and (letter.date.when or letter.date.from_):
            _date(sent, letter.date)
    if letter.addressee:
        el(el(desc, "correspAction", type="received"), "persName", letter.addressee)


def _letter_title(letter: Correspondence) -> str:
    """A letter's title when it has none of its own: what it states of its sending."""
    parts = ["Letter"]
    if letter.sender:
        parts.append(f"from {letter.sender}")
    if letter.addressee:
        parts.append(f"to {letter.addressee}")
    title = " ".join(parts)
    stated = ", ".join(x for x in (letter.place, letter.date.text if letter.date else None) if x)
    return f"{title}, {stated}" if stated else title


def passage_langs(work: Work) -> set[str]:
    """The languages of passages of a work marked with their own xml:lang."""
    found: set[str] = set()

    def walk(parts) -> None:
        for part in parts:
            lang = part.attrs.get("xml:lang")
            if lang:
                found.add(lang)
            if isinstance(part, Division):
                walk([part.head] if part.head is not None else [])
                walk(part.content)

    walk([*work.front, *work.body, *work.back])
    return found


def _heads(part):
    if isinstance(part, Division):
        if part.head is not None:
            yield part.head
        for child in part.content:
            yield from _heads(child)
