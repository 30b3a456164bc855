"""Several works of one file as separate TEI files, and a teiCorpus holding copies of them.

Several consumers skip or refuse a ``teiCorpus``; ``teikit convert --split`` writes each work
as a ``TEI`` of its own (``NAME-1.xml``, ``NAME-2.xml``, ...), each with a whole header. The
file-level ids (teikit's ``application``, the renditions, the entries several works share) are
made the work's own, so that ids stay unique across the files of a run; a pointer to what went
into another file (a note answering a marker of an earlier work) names that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from lxml import etree

from teikit.model import Document
from teikit.ns import TEI, XML_ID, XML_LANG, tei
from teikit.writers.header import HeaderWriter

# Attributes whose values are pointers ('#id', several separated by spaces).
POINTERS = ("ref", "target", "who", "resp", "corresp", "sameAs", "source", "rendition", "next", "prev", "ana",
            "scheme")


@dataclass
class Part:
    """One work written on its own: its file name and its tree."""

    name: str
    tree: etree._Element


def part_names(stem: str, count: int) -> list[str]:
    """The files of a document's works: NAME.xml for a single work (nothing to split), else
    NAME-1.xml, NAME-2.xml, ..."""
    return [f"{stem}.xml"] if count == 1 else [f"{stem}-{n}.xml" for n in range(1, count + 1)]


def split_parts(doc: Document, trees: list[etree._Element], stem: str) -> list[Part]:
    """The works' trees (``TeiWriter.split_trees``) with ids unique across them and pointers
    between them naming the file."""
    names = part_names(stem, len(trees))
    if len(trees) == 1:
        return [Part(names[0], trees[0])]
    works = re.compile(rf"{re.escape(doc.name)}-w\d+(?:-|$)")
    for tree in trees:
        _own_ids(tree, doc.name, tree.get(XML_ID), works)
    where = {element_id: name for name, tree in zip(names, trees) for element_id in tree.xpath("//@xml:id")}
    for name, tree in zip(names, trees):
        _point_across(tree, name, where)
    return [Part(name, tree) for name, tree in zip(names, trees)]


def _own_ids(tree: etree._Element, doc_prefix: str, work_id: str, works: re.Pattern) -> None:
    """Rename the file-level ids in ``tree`` (those of no work: teikit's application, the
    renditions, the entries) to the work's, and the pointers at them."""
    renamed: dict[str, str] = {}
    for element in tree.iter():
        old = element.get(XML_ID)
        if old is None or works.match(old):
            continue
        rest = old[len(doc_prefix):] if old.startswith(doc_prefix) else f"-{old}"
        renamed[old] = f"{work_id}{rest}"
        element.set(XML_ID, renamed[old])
    _rewrite(tree, lambda target: f"#{renamed[target]}" if target in renamed else None)


def _point_across(tree: etree._Element, name: str, where: dict[str, str]) -> None:
    here = set(tree.xpath("//@xml:id"))
    _rewrite(tree, lambda target: f"{where[target]}#{target}"
             if target not in here and where.get(target, name) != name else None)


def _rewrite(tree: etree._Element, new) -> None:
    """Each '#id' token of a pointer attribute replaced by ``new(id)`` when it gives one."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for attr in POINTERS:
            value = element.get(attr)
            if not value or "#" not in value:
                continue
            tokens = [(new(token[1:]) or token) if token.startswith("#") else token for token in value.split()]
            if tokens != value.split():
                element.set(attr, " ".join(tokens))


def corpus_of(parts: list[Part], docs: list[Document], corpus_id: str) -> etree._Element:
    """A ``teiCorpus`` holding copies of ``parts`` (whole TEI files, not XIncludes): the header is
    the file's own when one file was split, else one naming the files."""
    from copy import deepcopy

    root = etree.Element(tei("teiCorpus"), nsmap={None: TEI})
    root.set(XML_ID, corpus_id)
    langs = [p.tree.get(XML_LANG) for p in parts if p.tree.get(XML_LANG)]
    root.set(XML_LANG, max(sorted(set(langs)), key=langs.count) if langs else "en")
    if len(docs) == 1:
        whole = docs[0]
    else:
        whole = Document(name=corpus_id, source="", works=[w for d in docs for w in d.works],
                         lang=root.get(XML_LANG), title="Texts converted by teikit from " + ", ".join(
                             _file_name(d) for d in docs))
    # the corpus header's ids are the corpus file's own; those responsible are in each copy's header
    header = HeaderWriter(replace(whole, name=corpus_id, contributors=[]), f"{corpus_id}-teikit")
    files = ", ".join(_file_name(d) for d in docs)
    root.append(header.corpus_header(note=f"Copies of the TEI files teikit wrote for each work of {files}, "
                                          "one TEI a work, each with its whole header."))
    names = {part.name for part in parts}
    for part in parts:
        copy = deepcopy(part.tree)
        # the works pointing at each other across files are together here: '#id' again
        for element in copy.iter():
            for attr in POINTERS:
                value = element.get(attr) if isinstance(element.tag, str) else None
                if value and ".xml#" in value:
                    element.set(attr, " ".join(f"#{t.split('#', 1)[1]}" if t.split("#", 1)[0] in names else t
                                               for t in value.split()))
        root.append(copy)
    return root


def _file_name(doc: Document) -> str:
    return doc.source_path.rsplit("/", 1)[-1] if doc.source_path else "standard input"
