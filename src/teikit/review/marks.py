"""Review of a TEI file (``teikit review FILE.xml``): stray quotation marks and proposed
corrections, read from the markup the way the plain-text passes read a text.

Each block of the text (a paragraph, a heading, a note...) is read with the reading-text
rules (``sic`` over ``corr``, ``orig`` over ``reg``, the edition's own notes skipped); a
``choice`` already made by an editor is not proposed again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from teikit.enrich.quotes import UNCLOSED, scan
from teikit.enrich.spelling import LANG, document_counts, propose, review_item
from teikit.model import ReviewItem
from teikit.ns import TEI, XML_LANG, local_name
from teikit.reading import is_added, text_elements

# Elements read as one block of text each (what the plain-text reader calls a block); a line
# group is one block, so that a quotation may run over its lines.
# Elements that hold a quotation: a mark at their edge is the quotation's own, even when
# nothing opened (or closed) it.
QUOTATION_ELEMENTS = frozenset({"q", "said", "quote", "soCalled"})
BLOCK_ELEMENTS = frozenset({"p", "head", "note", "lg", "l", "item", "titlePart", "byline", "docAuthor", "docDate",
                            "dateline", "signed", "salute", "label", "ab", "trailer", "docImprint"})


@dataclass
class _Block:
    element: etree._Element
    text: str = ""
    ruled: list[tuple[int, int]] = field(default_factory=list)  # ranges an editor's choice covers
    quoted: list[tuple[int, int]] = field(default_factory=list)  # ranges of quotation elements

    @property
    def line(self) -> int | None:
        return self.element.sourceline

    def line_at(self, offset: int) -> int | None:
        return None if self.line is None else self.line + self.text.count("\n", 0, offset)


def _in_line_group(element: etree._Element) -> bool:
    parent = element.getparent()
    return local_name(element.tag) == "l" and parent is not None and local_name(parent.tag) == "lg"


def _read(element: etree._Element, block: _Block, top: bool = True) -> None:
    """Append the reading text of ``element`` (without nested blocks) to ``block``."""
    if not isinstance(element.tag, str) or is_added(element):
        return
    if not top and local_name(element.tag) in BLOCK_ELEMENTS and not _in_line_group(element):
        return  # a note inside a paragraph is a block of its own
    start = len(block.text)
    block.text += element.text or ""
    for child in element:
        _read(child, block, top=False)
        block.text += child.tail or ""
    if local_name(element.tag) == "choice":
        block.ruled.append((start, len(block.text)))
    elif local_name(element.tag) in QUOTATION_ELEMENTS:
        block.quoted.append((start, len(block.text)))


def _blocks(root: etree._Element) -> list[tuple[_Block, str | None]]:
    """Every block of the text with its language (xml:lang, inherited). Verse lines that
    follow each other are one block, as a line group is: quotations run over lines."""
    out: list[tuple[_Block, str | None]] = []
    last_line: etree._Element | None = None
    for text in text_elements(root):
        for element in text.iter(f"{{{TEI}}}*"):
            if local_name(element.tag) not in BLOCK_ELEMENTS or is_added(element) or _in_line_group(element):
                continue
            if local_name(element.tag) == "l" and last_line is not None and element.getprevious() is last_line:
                out[-1][0].text += "\n"
                _read(element, out[-1][0])
                last_line = element
                continue
            last_line = element if local_name(element.tag) == "l" else None
            block = _Block(element)
            _read(element, block)
            lang = next((a.get(XML_LANG) for a in element.iterancestors() if a.get(XML_LANG)), None)
            out.append((block, element.get(XML_LANG) or lang))
    return out


def quotation_marks(root: etree._Element, name: str) -> list[ReviewItem]:
    """Quotation marks that prove nothing (never closed, never opened)."""
    blocks = [b for b, _ in _blocks(root)]
    links = [False] + [b.element.getprevious() is a.element and local_name(b.element.tag) == "p"
                       for a, b in zip(blocks, blocks[1:])]
    items = []
    for stray in scan([b.text for b in blocks], links).strays:
        block = blocks[stray.mark.block]
        offset = stray.mark.offset
        if any(stray.mark.end == end or offset == start for start, end in block.quoted):
            continue  # an orphan mark the quotation it ends (or opens) already stands for
        what = "opens a quotation that is never closed" if stray.problem == UNCLOSED else \
            "closes a quotation that was never opened"
        items.append(ReviewItem("quotation", block.line_at(offset), block.text[max(0, offset - 30):offset + 40],
                                f"{stray.mark.text} {what}", data={"mark": stray.mark.text,
                                                                    "problem": stray.problem}))
    return items


def _is_english(lang: str | None) -> bool:
    """en, en-GB, eng (ELTeC writes ISO 639-2 codes); no xml:lang at all is taken as English."""
    return lang is None or lang.split("-")[0].lower() in (LANG, "eng")


def proposed_corrections(root: etree._Element, name: str) -> list[ReviewItem]:
    """Likely transcription errors no editor's choice covers, in the blocks written in English."""
    blocks = [b for b, lang in _blocks(root) if _is_english(lang)]
    vocabulary, pairs = document_counts([b.text for b in blocks])
    items = []
    for block in blocks:
        for proposal in propose(block.text, vocabulary, pairs):
            if any(lo < proposal.end and proposal.start < hi for lo, hi in block.ruled):
                continue
            items.append(review_item(proposal, block.line_at(proposal.start)))
    return items
