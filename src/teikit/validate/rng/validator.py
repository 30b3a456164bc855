"""Validate a document against a compiled schema, event by event, in jing's order.

A :class:`Checker` is shown each element as it starts and ends (and the comments and
processing instructions inside the root, which only split text), either by walking a parsed
tree (:func:`validate`) or by reading the document streaming (``teikit.xmlio.Stream``, see the
engine), so that a large document is validated without its tree ever being built. The text
before each tag is found where it is at that moment (the tail of the node before, or the
parent's text), which is the same in both cases.

Each start tag, attribute, piece of text and end tag goes to a :class:`~.matcher.Matcher`. The
common case, an event whose derivative is already known, is one dictionary look-up on the
current pattern; the matcher is asked only when something new or wrong happens. Errors are
kept with the index of their element in document order and placed where jing places them
(:mod:`.positions`) only for documents that have errors.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from teikit.validate.rng.matcher import XML_NS, Context, Matcher, Schema
from teikit.validate.rng.patterns import CT_DATA, blank
from teikit.validate.rng.positions import SourceMap

START, END, TEXT_BEFORE_START, TEXT_BEFORE_END = range(4)


@dataclass
class Error:
    """A validation error: its message, which tag of which element (k-th in document order), and
    the element's path as (tag, position among its siblings of that name) steps."""

    message: str
    index: int
    where: int  # START, END, TEXT_BEFORE_START or TEXT_BEFORE_END
    path: tuple[tuple[str, int], ...]


class _LazyContext(Context):
    """The namespaces in scope at an element, read only if a message or a QName needs them."""

    __slots__ = ("element",)

    def __init__(self, element):
        self.element = element
        self._prefixes = None

    @property
    def nsmap(self):  # type: ignore[override]
        return self.element.nsmap if self.element is not None else {}


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


class Checker(Matcher):
    """One document's validation, fed its elements' starts and ends (see the module's docstring).
    The derivatives already known are followed here; anything else goes to the Matcher's steps."""

    def __init__(self, schema: Schema):
        super().__init__(schema)
        self.errors: list[Error] = []
        self.k = -1  # index of the last element started
        self.indices: list[int] = []  # of the open elements
        self.steps: list[list] = []  # of the open elements: [tag, position among same-named siblings]
        self.counts: list[dict] = [{}]  # per open element (and the document): tag -> children so far
        self.pending: list[str] = []  # text since the last tag
        self.depth = 0
        if not self.start_document():
            self.errors.append(Error(self.message, 0, START, ()))

    def _record(self, index: int, where: int) -> None:
        self.errors.append(Error(self.message, index, where, tuple(map(tuple, self.steps))))

    def _untyped(self, text: str, context_element, index: int, where: int) -> None:
        """Text beside elements (not white space only): only a ``text`` pattern takes it."""
        nxt = self.memo.m_mixed
        if nxt is not None and not nxt.not_allowed:
            self.memo = nxt
        elif not self.untyped_text(_LazyContext(context_element)):
            self._record(index, where)

    def start(self, el: etree._Element) -> None:
        pending = self.pending
        if self.depth:
            previous = el.getprevious()
            text = previous.tail if previous is not None else el.getparent().text
            if text:
                pending.append(text)
        self.k = k = self.k + 1
        if pending:
            text = pending[0] if len(pending) == 1 else "".join(pending)
            pending.clear()
            self.text_typed = False
            if text.strip(" \t\r\n"):
                self._untyped(text, el.getparent(), k, TEXT_BEFORE_START)
        tag = el.tag
        counts = self.counts[-1]
        counts[tag] = n = counts.get(tag, 0) + 1
        self.steps.append([tag, n])
        self.counts.append({})
        self.indices.append(k)
        self.depth += 1
        memo = self.memo.m_open
        nxt = memo.get(tag) if memo is not None else None
        if nxt is not None and not nxt.not_allowed:
            self.memo = nxt
        elif not self.start_tag_open(tag, _qname(el), _LazyContext(el)):
            self._record(k, START)
        items = el.items()
        if items:
            data_deriv = self.b.data_deriv
            for name, value in items:
                memo = self.memo.m_att
                nxt = memo.get(name) if memo is not None else None
                if nxt is not None and not nxt.not_allowed:
                    after = data_deriv(nxt, value, None if nxt.context_free else _LazyContext(el))
                    if not after.not_allowed:
                        self.memo = after
                        continue
                    self.memo = nxt
                    if not self.attribute_value(value, name, _attribute_qname(el, name), _LazyContext(el)):
                        self._record(k, START)
                    continue
                qname = _attribute_qname(el, name)
                context = _LazyContext(el)
                if not self.attribute_name(name, qname, context):
                    self._record(k, START)
                if not self.attribute_value(value, name, qname, context):
                    self._record(k, START)
        nxt = self.memo.m_close
        if nxt is not None and not nxt.not_allowed:
            self.memo = nxt
            self.text_typed = nxt.content_type == CT_DATA
        elif not self.start_tag_close(tag, _qname(el), _LazyContext(el)):
            self._record(k, START)

    def node(self, node) -> None:
        """A comment or processing instruction inside the root: the text before it is gathered."""
        if self.depth:
            previous = node.getprevious()
            text = previous.tail if previous is not None else node.getparent().text
            if text:
                self.pending.append(text)

    def end(self, el: etree._Element) -> None:
        text = el[-1].tail if len(el) else el.text
        pending = self.pending
        if text:
            pending.append(text)
        index = self.indices.pop()
        if self.text_typed:
            text = pending[0] if len(pending) == 1 else "".join(pending)
            pending.clear()
            if text and not self.text_before_end(text, _qname(el), _LazyContext(el)):
                self._record(index, END)
        elif pending:
            text = pending[0] if len(pending) == 1 else "".join(pending)
            pending.clear()
            if text.strip(" \t\r\n"):
                self._untyped(text, el, index, TEXT_BEFORE_END)
        nxt = self.memo.m_end
        if nxt is not None and not nxt.not_allowed and not self.ignore_next and not self.text_typed:
            self.memo = nxt
        elif not self.end_tag(_qname(el), _LazyContext(el)):
            self._record(index, END)
        self.steps.pop()
        self.counts.pop()
        self.depth -= 1


def validate(schema: Schema, root: etree._Element) -> list[Error]:
    """The errors of the parsed document whose root element is ``root``, in document order."""
    checker = Checker(schema)
    if checker.errors:
        return checker.errors
    start, end, node = checker.start, checker.end, checker.node
    for event, item in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            start(item)
        elif event == "end":
            end(item)
        else:
            node(item)
    return checker.errors


def locate(errors: list[Error], text: str) -> list[tuple[Error, int | None, int | None]]:
    """Each error with jing's line and column for it (text not allowed: once per piece, as jing)."""
    source = SourceMap(text)
    out = []
    for error in errors:
        if error.where == START:
            places = [source.start_tag_end(error.index)]
        elif error.where == END:
            places = [source.end_tag_end(error.index)]
        else:
            places = source.text_before(error.index, error.where == TEXT_BEFORE_END)
        out.extend((error, *(place or (None, None))) for place in places)
    return out


__all__ = ["Checker", "Error", "blank", "locate", "validate"]
