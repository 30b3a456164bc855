"""The document model -> TEI P5 XML (a ``TEI`` document, or a ``teiCorpus`` for several works).

The writer only arranges: every character of text it writes comes from a block (source
text) or from an explicit edition addition in the model. Output is deterministic: no
timestamps, ids from the document's name and structural position.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from teikit.model import ELEMENT_DIVISIONS, Block, Division, Document, Entity, EntryRef, Part, Work, iter_blocks
from teikit.ns import TEI, XML_ID, XML_LANG, local_name, tei
from teikit.trace import Trace
from teikit.writers.header import QUOTATIONS, HeaderWriter, el, marks_rendition
from teikit.writers.inline import fill, set_attrs

TEI_ALL_URL = "https://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"

# Elements of <text> whose children are blocks or divisions: only these are indented, so
# that pretty-printing never adds white space inside mixed content.
_STRUCTURAL = frozenset({"text", "front", "body", "back", "div", "titlePage", "docTitle", "opener", "closer",
                         "group", "address", "figure", "postscript"})
# Quotations that may hold paragraphs (a block quotation).
_BLOCK_QUOTATIONS = frozenset({"quote", "said", "q"})
_ENTITY_LISTS = (("person", "listPerson"), ("place", "listPlace"), ("org", "listOrg"))
# Attributes by which the text points at standOff entries (a name's @ref, a speaker's @who).
_ENTITY_POINTERS = ("ref", "who")


@dataclass(frozen=True)
class SchemaRef:
    """One ``<?xml-model?>`` instruction: the schemas a file claims to meet."""

    href: str
    schematypens: str


def default_schema_refs(schema_dir: str | None) -> list[SchemaRef]:
    """tei_all by its official address, and teikit's own schema pair when a relative path
    to them is known (``schema_dir``, e.g. '../schema')."""
    refs = [SchemaRef(TEI_ALL_URL, RNG_NS)]
    if schema_dir is not None:
        refs += [SchemaRef(f"{schema_dir}/teikit.xsd", XSD_NS), SchemaRef(f"{schema_dir}/teikit.sch", SCH_NS)]
    return refs


def entry_pointer(entry: EntryRef, folder: Path) -> str:
    """A relative reference from ``folder`` (where the TEI goes) to a list entry
    ('authority/persons.xml#x')."""
    source = Path(entry.path)
    try:
        rel = os.path.relpath(source, folder.absolute())
    except ValueError:  # another drive (Windows): an absolute file URI instead
        return f"{source.as_uri()}#{entry.id}"
    return f"{Path(rel).as_posix()}#{entry.id}"


class TeiWriter:
    """Serialises a document. ``output_dir``: where the TEI goes (pointers to list entries are
    relative to it; default the working directory). Each element written from a machine decision
    is marked in ``trace``."""

    def __init__(self, schema_refs: list[SchemaRef] | None = None, output_dir: Path | None = None):
        self.schema_refs = schema_refs if schema_refs is not None else default_schema_refs(None)
        self.output_dir = output_dir or Path.cwd()
        self.trace = Trace()

    def to_tree(self, doc: Document) -> etree._Element:
        self.trace = Trace()
        app_id = f"{doc.name}-teikit"
        headers = HeaderWriter(doc, app_id)
        if doc.is_corpus:
            root = etree.Element(tei("teiCorpus"), nsmap={None: TEI})
            root.set(XML_ID, doc.name)
            root.set(XML_LANG, doc.lang)
            root.append(headers.corpus_header())
            # an entry several works point at is the corpus's (one xml:id per file); the others
            # go with the one work that uses them
            uses = Counter(ref for work in doc.works for ref in _references(work))
            shared = [e for e in doc.entities if uses[e.id] > 1]
            if shared:
                root.append(self._standoff(shared, app_id))
            for work in doc.works:
                root.append(self._work(doc, work, headers, app_id, in_corpus=True,
                                       exclude={e.id for e in shared}))
        else:
            root = self._work(doc, doc.works[0], headers, app_id, in_corpus=False)
        return root

    def split_trees(self, doc: Document) -> list[etree._Element]:
        """One ``TEI`` a work, each with a whole header (the page's data, encoding, revisions) and
        the entries it points at (``teikit convert --split``; ``teikit.writers.split`` makes
        their ids unique across the files)."""
        self.trace = Trace()
        app_id = f"{doc.name}-teikit"
        headers = HeaderWriter(doc, app_id)
        headers.split = True
        return [self._work(doc, work, headers, app_id, in_corpus=False, own_entities=True) for work in doc.works]

    def write(self, doc: Document) -> bytes:
        """The serialised TEI, UTF-8, with its xml-model instructions."""
        return self.serialise(self.to_tree(doc))

    def serialise(self, root: etree._Element) -> bytes:
        """A TEI or teiCorpus tree as teikit writes it: indented where no text is touched, UTF-8,
        with the xml-model instructions."""
        indent(root)
        body = etree.tostring(root, encoding="unicode")
        pis = "".join(f'<?xml-model href="{ref.href}" type="application/xml" schematypens="{ref.schematypens}"?>\n'
                      for ref in self.schema_refs)
        return ('<?xml version="1.0" encoding="UTF-8"?>\n' + pis + body + "\n").encode("utf-8")

    # -- one work ---------------------------------------------------------------------

    def _work(self, doc: Document, work: Work, headers: HeaderWriter, app_id: str, in_corpus: bool,
              exclude: set[str] = frozenset(), own_entities: bool = False):
        root = etree.Element(tei("TEI"), nsmap=None if in_corpus else {None: TEI})
        root.set(XML_ID, work.id)
        root.set(XML_LANG, work.lang or doc.lang)
        header = headers.work_header(work, in_corpus)
        root.append(header)
        self._mark_header(header, work)
        text = el(root, "text", xml_lang=work.lang or doc.lang)
        parts = _PartWriter(doc, work, app_id, self.trace)
        if work.front:
            parts.write_all(el(text, "front"), work.front)
        parts.write_all(el(text, "body"), work.body)
        if work.back:
            parts.write_all(el(text, "back"), work.back)
        entities = [e for e in doc.entities if e.id in parts.referenced and e.id not in exclude] \
            if in_corpus or own_entities else doc.entities
        if entities:
            root.append(self._standoff(entities, app_id))
        return root

    def _mark_header(self, header: etree._Element, work: Work) -> None:
        """The header's facts chosen among what the text states (its author, its date, its letter), in the trace."""
        where = {"author": "t:fileDesc/t:titleStmt/t:author", "date": "t:profileDesc/t:creation/t:date",
                 "letter": "t:profileDesc/t:correspDesc", "language": "t:profileDesc/t:langUsage",
                 "genre": "t:profileDesc/t:textClass/t:keywords"}
        for fact, evidence in work.meta.decisions.items():
            for element in header.xpath(where[fact], namespaces={"t": TEI}):
                self.trace.mark(element, evidence, "".join(element.itertext()))

    def _standoff(self, entities: list[Entity], app_id: str) -> etree._Element:
        element = standoff(entities, app_id, self.output_dir)
        for entity, item in zip(_in_list_order(entities), element.iterfind(f"{{{TEI}}}*/{{{TEI}}}*")):
            self.trace.mark(item, entity.evidence, entity.names[0] if entity.names else "")
        return element


class _PartWriter:
    """Writes divisions and blocks of one work, marking machine decisions with @resp."""

    def __init__(self, doc: Document, work: Work, app_id: str, trace: Trace):
        self.doc = doc
        self.work = work
        self.trace = trace
        self.resp = f"#{app_id}"
        self.rendition = f"#{marks_rendition(doc.name)}"
        self.div_count = 0
        self.referenced: set[str] = set()
        # the block quotation last written: blocks that share its wrap go into the same element
        self.last_wrap: object | None = None
        self.last_outer: etree._Element | None = None

    def write_all(self, parent: etree._Element, parts: list[Part]) -> None:
        for part in parts:
            if isinstance(part, Division):
                self._division(parent, part)
            else:
                self._block(parent, part)

    def _division(self, parent: etree._Element, div: Division) -> None:
        if div.type in ELEMENT_DIVISIONS:
            element = el(parent, div.type)
        else:
            self.div_count += 1
            element = el(parent, "div", type=div.type or "", xml_id=f"{self.work.id}-div{self.div_count}")
        set_attrs(element, div.attrs)
        if div.cert and div.type not in ELEMENT_DIVISIONS:
            element.set("cert", div.cert)
            element.set("resp", self.resp)
        if div.decisions:
            text = "\n".join(b.text for b in iter_blocks(div))
            for evidence in div.decisions:
                self.trace.mark(element, evidence, text)
        for head in ([div.head] if div.head is not None else []) + div.subheads:
            self._block(element, head)
        self.write_all(element, div.content)

    def _block(self, parent: etree._Element, block: Block) -> None:
        outer = None
        if block.wrap is not None:  # a block quotation: the element holds the paragraph
            last = parent[-1] if len(parent) else None
            if last is not None and self.last_wrap is block.wrap and last is self.last_outer:
                outer = parent = last  # the same quotation goes on over this block (lines of verse)
            else:
                outer = parent = el(parent, block.wrap.tag)
                set_attrs(outer, block.wrap.attrs)
                self.trace.mark(outer, block.wrap.evidence, block.text)
            self.last_wrap, self.last_outer = block.wrap, outer
        element = el(parent, block.kind)
        set_attrs(element, block.attrs)
        if block.cert:
            element.set("cert", block.cert)
        for evidence in block.decisions:
            self.trace.mark(element, evidence, block.text)
        fill(element, block, lambda child, span: self.trace.mark(child, span.evidence, block.text[span.start:span.end]))
        for node in (outer if outer is not None else element).iter():
            if node.get("cert") is not None and node.get("resp") is None:
                node.set("resp", self.resp)
            if isinstance(node.tag, str) and local_name(node.tag) in QUOTATIONS and node.get("rendition") is None:
                node.set("rendition", self.rendition)
            for attr in _ENTITY_POINTERS:
                ref = node.get(attr)
                if ref and ref.startswith("#"):
                    self.referenced.add(ref[1:])


def _references(work: Work) -> set[str]:
    """The ids a work's inline markup points at with @ref="#id"."""
    refs = set()
    for part in (*work.front, *work.body, *work.back):
        for block in iter_blocks(part):
            for span in block.spans:
                ref = span.attrs.get("ref", "")
                if ref.startswith("#"):
                    refs.add(ref[1:])
    return refs


def _holds_blocks(element: etree._Element, children: list[etree._Element]) -> bool:
    """A block quotation over several paragraphs (lines of verse): parted like a division."""
    return (local_name(element.tag) in _BLOCK_QUOTATIONS and len(children) > 1
            and all(local_name(c.tag) == "p" for c in children))


def indent(element: etree._Element, level: int = 0, in_text: bool = False) -> None:
    """Pretty-print in place, touching only element-only content: the header, standOff and
    the structural elements of <text>; mixed content (a paragraph, a title) is left exactly
    as written, so no white space is ever added inside the text's reading."""
    children = [c for c in element if isinstance(c.tag, str)]
    if not children or (element.text and element.text.strip()):
        return
    name = local_name(element.tag)
    in_text = in_text or name == "text"
    if in_text and name not in _STRUCTURAL and not _holds_blocks(element, children):
        return
    if any(c.tail and c.tail.strip() for c in children):
        return
    pad = "\n" + " " * (level + 1)
    element.text = pad
    for child in children:
        child.tail = pad
        indent(child, level + 1, in_text)
    children[-1].tail = "\n" + " " * level


def _in_list_order(entities: list[Entity]) -> list[Entity]:
    return [e for kind, _ in _ENTITY_LISTS for e in entities if e.kind == kind]


def standoff(entities: list[Entity], app_id: str, folder: Path) -> etree._Element:
    """The document's own entries for the persons, places and organisations it names
    (``folder``: where the TEI goes, for pointers to list entries)."""
    element = el(None, "standOff")
    for kind, list_name in _ENTITY_LISTS:
        members = [e for e in entities if e.kind == kind]
        if not members:
            continue
        container = el(element, list_name)
        for entity in members:
            container.append(_entity(entity, app_id, folder))
    return element


def _entity(entity: Entity, app_id: str, folder: Path) -> etree._Element:
    corresp = entry_pointer(entity.entry, folder) if entity.entry is not None else ""
    return entity_element(entity, corresp, entity.resp or (f"#{app_id}" if entity.cert else ""))


def entity_element(entity: Entity, corresp: str = "", resp: str = "") -> etree._Element:
    """A list entry (person, place, org) for an entity: in a document's standOff, or in a register."""
    name_tag = {"person": "persName", "place": "placeName", "org": "orgName"}[entity.kind]
    # what the entry rests on, as an attribute: teikit's own remarks ("recognised in the text") are
    # no text a generic renderer would print among the lists
    external = entity.entry is not None or bool(entity.same_as or entity.idnos)
    item = el(None, entity.kind, xml_id=entity.id, sameAs=entity.same_as or "", corresp=corresp,
              cert=entity.cert or "", resp=resp, evidence="external" if external else "internal")
    for name in entity.names:
        el(item, name_tag, name)
    if entity.kind == "place" and entity.geo:
        el(el(item, "location"), "geo", entity.geo)
    if entity.kind == "person":
        if entity.birth:
            el(item, "birth", when=entity.birth)
        if entity.death:
            el(item, "death", when=entity.death)
    for idno_type, value in entity.idnos:
        el(item, "idno", value, type=idno_type)
    if entity.note and entity.entry is not None:  # the list's own description of the entry
        el(item, "note", entity.note)
    return item
