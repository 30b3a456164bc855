"""Validate a parsed document against a compiled schema, in jing's order of events.

The tree is walked once, in document order (``lxml.etree.iterwalk``); each start tag, attribute,
piece of text and end tag goes to a :class:`~.matcher.Matcher`. The common case, an event whose
derivative is already known, is one dictionary look-up on the current pattern; the matcher is
asked only when something new or wrong happens. Errors are kept with the element they concern
and placed where jing places them (:mod:`.positions`) only for documents that have errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from teikit.validate.rng.matcher import XML_NS, Context, Matcher, Schema
from teikit.validate.rng.patterns import blank
from teikit.validate.rng.positions import SourceMap

START, END, TEXT_BEFORE_START, TEXT_BEFORE_END = range(4)


@dataclass
class Error:
    """A validation error: its message and which tag of which element (k-th in document order)."""

    message: str
    element: etree._Element
    index: int
    where: int  # START, END, TEXT_BEFORE_START or TEXT_BEFORE_END


class _LazyContext(Context):
    """The namespaces in scope at an element, read only if a message or a QName needs them."""

    __slots__ = ("element",)

    def __init__(self, element):
        self.element = element
        self._prefixes = None

    @property
    def nsmap(self):  # type: ignore[override]
        return self.element.nsmap


def _qname(el: etree._Element) -> str:
    prefix = el.prefix
    local = etree.QName(el).localname
    return f"{prefix}:{local}" if prefix else local


def _attribute_qname(el: etree._Element, name: str) -> str:
    if name[0] != "{":
        return name
    ns, local = name[1:].split("}", 1)
    if ns == XML_NS:
        return f"xml:{local}"
    for prefix, uri in el.nsmap.items():
        if uri == ns and prefix:
            return f"{prefix}:{local}"
    return local


def validate(schema: Schema, root: etree._Element) -> list[Error]:
    """The errors of the document whose root element is ``root``, in document order."""
    m = Matcher(schema)
    errors: list[Error] = []
    if not m.start_document():
        errors.append(Error(m.message, root, 0, START))
        return errors
    b = schema.builder
    k = -1
    stack: list[int] = []
    pending: list[str] = []
    for event, node in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            k += 1
            if pending:
                if m.text_typed:
                    m.text_typed = False
                if not blank("".join(pending)) and not m.untyped_text(_LazyContext(node.getparent())):
                    errors.append(Error(m.message, node, k, TEXT_BEFORE_START))
                pending.clear()
            stack.append(k)
            tag = node.tag
            memo = m.memo.m_open
            nxt = memo.get(tag) if memo is not None else None
            if nxt is not None and not nxt.not_allowed:
                m.memo = nxt
            elif not m.start_tag_open(tag, _qname(node), _LazyContext(node)):
                errors.append(Error(m.message, node, k, START))
            for name, value in node.items():
                memo = m.memo.m_att
                nxt = memo.get(name) if memo is not None else None
                if nxt is not None and not nxt.not_allowed:
                    m.memo = nxt
                    nxt = b.data_deriv(nxt, value, _LazyContext(node)) if not nxt.context_free else \
                        b.data_deriv(nxt, value, None)
                    if not nxt.not_allowed:
                        m.memo = nxt
                        continue
                    if not m.attribute_value(value, name, _attribute_qname(node, name), _LazyContext(node)):
                        errors.append(Error(m.message, node, k, START))
                    continue
                qname = _attribute_qname(node, name)
                context = _LazyContext(node)
                if not m.attribute_name(name, qname, context):
                    errors.append(Error(m.message, node, k, START))
                if not m.attribute_value(value, name, qname, context):
                    errors.append(Error(m.message, node, k, START))
            nxt = m.memo.m_close
            if nxt is not None and not nxt.not_allowed:
                m.memo = nxt
                m.text_typed = nxt.content_type == 3
            elif not m.start_tag_close(node.tag, _qname(node), _LazyContext(node)):
                errors.append(Error(m.message, node, k, START))
            if node.text:
                pending.append(node.text)
        elif event == "end":
            index = stack.pop()
            if m.text_typed:
                text = "".join(pending)
                pending.clear()
                if text and not m.text_before_end(text, _qname(node), _LazyContext(node)):
                    errors.append(Error(m.message, node, index, END))
            elif pending:
                if not blank("".join(pending)) and not m.untyped_text(_LazyContext(node)):
                    errors.append(Error(m.message, node, index, TEXT_BEFORE_END))
                pending.clear()
            nxt = m.memo.m_end
            if nxt is not None and not nxt.not_allowed and not m.ignore_next and not m.text_typed:
                m.memo = nxt
            elif not m.end_tag(_qname(node), _LazyContext(node)):
                errors.append(Error(m.message, node, index, END))
            if node.tail and node is not root:
                pending.append(node.tail)
        elif node.tail:  # a comment or processing instruction: the text after it goes on
            pending.append(node.tail)
    return errors


def locate(errors: list[Error], text: str) -> list[tuple[Error, int | None, int | None]]:
    """Each error with jing's line and column for it."""
    source = SourceMap(text)
    out = []
    for error in errors:
        if error.where == START:
            place = source.start_tag_end(error.index)
        elif error.where == END:
            place = source.end_tag_end(error.index)
        else:
            place = source.text_before(error.index, error.where == TEXT_BEFORE_END)
        if place is None:
            place = (error.element.sourceline, None)
        out.append((error, place[0], place[1]))
    return out
