"""A block's text and spans -> mixed content of one TEI element.

Spans nest by their ranges; a span that crosses another cannot be XML and is dropped (the
caller is told, so it can report it). Source text is written exactly once, in order; the
edition's additions (``corr``, ``reg``, inserted notes) are written where they belong and
are the only text that is not the source's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from lxml import etree

from teikit.model import Block, Insertion, Span
from teikit.ns import XML, tei

_NEWLINES = re.compile(r"\n[\s]*")


def attr_name(key: str) -> str:
    """'xml:id' -> Clark name in the XML namespace; other keys unchanged."""
    return f"{{{XML}}}{key[4:]}" if key.startswith("xml:") else key


def set_attrs(element: etree._Element, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if value is not None and value != "":
            element.set(attr_name(key), value)


def append_text(element: etree._Element, text: str, line_breaks: bool = False) -> None:
    """Append ``text`` at the end of ``element``'s content; with ``line_breaks`` every run of
    newlines is preceded by an ``<lb/>`` (the newline itself stays, as source white space)."""
    if not text:
        return
    if not line_breaks or "\n" not in text:
        _append_raw(element, text)
        return
    pos = 0
    for match in _NEWLINES.finditer(text):
        _append_raw(element, text[pos:match.start()])
        lb = etree.SubElement(element, tei("lb"))
        lb.tail = match.group()
        pos = match.end()
    _append_raw(element, text[pos:])


def _append_raw(element: etree._Element, text: str) -> None:
    if not text:
        return
    if len(element):
        last = element[-1]
        last.tail = (last.tail or "") + text
    else:
        element.text = (element.text or "") + text


@dataclass
class _Node:
    start: int
    end: int
    item: Span | Insertion
    children: list["_Node"] = field(default_factory=list)

    @property
    def is_point(self) -> bool:
        return isinstance(self.item, Insertion)


def nest(block: Block) -> tuple[list[_Node], list[Span]]:
    """The spans and insertions of a block as a tree; returns (roots, dropped spans)."""
    items = [_Node(s.start, s.end, s) for s in block.spans]
    items += [_Node(i.offset, i.offset, i) for i in block.insertions]
    items.sort(key=lambda n: (n.start, 0 if n.is_point else 1, -n.end,
                              getattr(n.item, "priority", 0)))
    roots: list[_Node] = []
    stack: list[_Node] = []
    dropped: list[Span] = []
    for node in items:
        while stack and stack[-1].end <= node.start:
            stack.pop()
        if stack and node.end > stack[-1].end:
            dropped.append(node.item)  # crosses the open span: not expressible as XML
            continue
        (stack[-1].children if stack else roots).append(node)
        if not node.is_point:
            stack.append(node)
    return roots, dropped


# Called with each element written for a span (for a choice: its corr or reg, what the span decided).
OnSpan = Callable[[etree._Element, Span], None]


def fill(element: etree._Element, block: Block, on_span: OnSpan | None = None) -> list[Span]:
    """Write the block's text with its spans into ``element``; returns the spans that could not
    nest (the conversion sets those aside before writing, so none is expected)."""
    roots, dropped = nest(block)
    _emit(element, block.text, roots, 0, len(block.text), block.line_breaks, on_span or _nothing)
    return dropped


def _nothing(element: etree._Element, span: Span) -> None:
    return None


def _emit(element: etree._Element, text: str, nodes: list[_Node], lo: int, hi: int, lb: bool,
          on_span: OnSpan) -> None:
    cursor = lo
    for node in nodes:
        append_text(element, text[cursor:node.start], lb)
        item = node.item
        if isinstance(item, Insertion):
            child = etree.SubElement(element, tei(item.tag))
            set_attrs(child, item.attrs)
            child.text = item.text or None
            cursor = node.start
            continue
        child = etree.SubElement(element, tei(item.tag))
        set_attrs(child, item.attrs)
        if item.is_choice:
            source = etree.SubElement(child, tei(item.source_tag or "sic"))
            _emit(source, text, node.children, node.start, node.end, lb, on_span)
            added = etree.SubElement(child, tei(item.added_tag))
            set_attrs(added, item.added_attrs)
            added.text = item.added or None
            on_span(added, item)
        else:
            on_span(child, item)
            _emit(child, text, node.children, node.start, node.end, lb, on_span)
        cursor = node.end
    append_text(element, text[cursor:hi], lb)
