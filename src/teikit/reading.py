"""The reading text of a TEI document: the one definition of "nothing lost".

The ``<text>`` elements, read in document order, give back the input: ``sic`` over ``corr``,
``orig`` over ``reg``, and whatever the edition added is skipped (``corr``, ``reg``,
``supplied`` and the edition's own notes, ``note[@subtype='added']``). Notes that came with
the source are source text and are read where they stand. White space next to a break inside a
word (``lb``, ``pb`` or ``cb`` with ``@break="no"``) is layout, not text. Two texts are compared after NFC
and collapsing all white space (``teikit.textio.comparable``).
"""

from __future__ import annotations

from lxml import etree

from teikit.ns import TEI, local_name
from teikit.textio import comparable

# Elements whose content the edition supplied, never the source.
ADDED_ELEMENTS = frozenset({"corr", "reg", "supplied"})
# How the edition marks a note of its own (as opposed to a note that came with the source).
ADDED_NOTE_SUBTYPE = "added"


def is_added(element: etree._Element) -> bool:
    """True for an element whose content is an editorial addition, not source text."""
    if not isinstance(element.tag, str) or not element.tag.startswith(f"{{{TEI}}}"):
        return False
    name = local_name(element.tag)
    if name in ADDED_ELEMENTS:
        return True
    return name == "note" and element.get("subtype") == ADDED_NOTE_SUBTYPE


# Breaks that can fall inside a word; with @break="no" they do, and the white space around them
# is layout (light <lb break="no"/>house reads "lighthouse").
BREAK_ELEMENTS = frozenset({"lb", "pb", "cb"})


def _breaks_word(node: etree._Element | None) -> bool:
    return (node is not None and isinstance(node.tag, str) and node.tag.startswith(f"{{{TEI}}}")
            and local_name(node.tag) in BREAK_ELEMENTS and node.get("break") == "no")


def _collect(element: etree._Element, out: list[str]) -> None:
    if isinstance(element.tag, str) and not is_added(element):
        if element.text:
            first = element[0] if len(element) else None
            out.append(element.text.rstrip() if _breaks_word(first) else element.text)
        for child in element:
            _collect(child, out)
    # comments and processing instructions contribute nothing but their tail
    if element.tail:
        tail = element.tail.lstrip() if _breaks_word(element) else element.tail
        out.append(tail.rstrip() if _breaks_word(element.getnext()) else tail)


def text_elements(root: etree._Element) -> list[etree._Element]:
    """The outermost ``tei:text`` elements of a TEI or teiCorpus document, in order."""
    return root.xpath("//t:text[not(ancestor::t:text)]", namespaces={"t": TEI})


def reading_text(root: etree._Element) -> str:
    """The raw reading text (not yet normalised) of every ``<text>`` in the document."""
    parts: list[str] = []
    for text in text_elements(root):
        before = len(parts)
        if text.text:
            parts.append(text.text)
        for child in text:
            _collect(child, parts)
        if len(parts) > before:
            parts.append("\n")
    return "".join(parts)


def same_text(root: etree._Element, source: str) -> bool:
    """Whether the document's reading text equals ``source`` up to NFC and white space."""
    return comparable(reading_text(root)) == comparable(source)
