"""A document to validate: read once, safely, then shared by every engine.

Reading problems (missing, unreadable, empty, malformed, nested too deep, entity declarations,
references to entities no DTD declares) become diagnostics with line and column, not
exceptions. A duplicate ``xml:id`` is a validity error found while reading, naming the id and
both places; it does not stop the engines from checking the rest of the document. Engines
report errors against elements; :meth:`Document.position` turns an element (or one of its
attributes) into the line and column of its start tag.

A document is parsed into a tree, unless every engine that will check it can do so while it
is read (``listeners``: RELAX NG): then it is read streaming (``teikit.xmlio.Stream``), its
tree is never built, and the engines' findings wait in :attr:`Document.checked`. A 50 MB file
then costs its bytes, not five times their size in tree; its :attr:`~Document.tree` holds the
root element only (empty), for its name and the instructions before it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable, Iterable

from lxml import etree

from teikit.errors import Diagnostic, InputError
from teikit.ns import TEI, TEI_EXAMPLES, XML, XML_ID
from teikit.textio import read_bytes
from teikit.xmlio import (DUPLICATE_ID, Stream, duplicate_id_diagnostic, duplicate_id_diagnostics, parse_bytes,
                          safe_parser)

Name = tuple[str, str]

_PREFIXES = {TEI: "tei", XML: "xml"}  # for paths in diagnostics
STDIN_NAME = "%3Cstdin%3E"  # "<stdin>", percent-encoded: the last step of standard input's URI
# problems found while reading that are about validity: the document is still checked
VALIDITY_CODES = frozenset({DUPLICATE_ID})


@dataclass
class Document:
    """One input file: its bytes, its safely parsed tree, and what reading it found."""

    path: str  # as the user named it (or as found in a directory)
    data: bytes = b""
    tree: etree._ElementTree | None = None
    problems: list[Diagnostic] = field(default_factory=list)
    streamed: bool = False  # read streaming: the tree is the root element only
    checked: dict = field(default_factory=dict)  # engine -> its diagnostics, found while streaming

    @property
    def readable(self) -> bool:
        """Parsed without errors (validity errors aside): grammar and rule engines may look at it."""
        return self.tree is not None and not any(p.severity == "error" and p.code not in VALIDITY_CODES
                                                 for p in self.problems)

    @cached_property
    def uri(self) -> str:
        """The document's base URI. Standard input gets one in the working directory, so that
        relative references in it resolve as they would in a file there."""
        if self.path == "-":
            return Path.cwd().as_uri().rstrip("/") + "/" + STDIN_NAME
        return Path(os.path.abspath(self.path)).as_uri()

    # -- names and ids ------------------------------------------------------------------------------
    @cached_property
    def names(self) -> tuple[frozenset[Name], frozenset[Name]]:
        """The (namespace, local) names of the elements and of the attributes used."""
        tags: set[str] = set()
        keys: set[str] = set()
        for el in self.tree.iter(etree.Element):
            tags.add(el.tag)
            keys.update(el.keys())
        return frozenset(map(_split_clark, tags)), frozenset(map(_split_clark, keys))

    def ids(self) -> list[str]:
        return self.tree.xpath("//@xml:id") if self.tree is not None else []

    # -- Saxon's copy --------------------------------------------------------------------------------
    def xml_text(self) -> str:
        """The document as text for Saxon: the parsed tree re-serialised, without any DOCTYPE,
        so Saxon's own parser has nothing to fetch or expand."""
        root = self.tree.getroot()
        before = [etree.tostring(n, encoding="unicode", with_tail=False)
                  for n in reversed(list(root.itersiblings(preceding=True)))]
        after = [etree.tostring(n, encoding="unicode", with_tail=False) for n in root.itersiblings()]
        body = etree.tostring(root, encoding="unicode", with_tail=False)
        return "\n".join(before + [body] + after)

    # -- positions -----------------------------------------------------------------------------------
    @cached_property
    def _tags(self) -> list[tuple[int, int, int, int]]:
        """(line, column, start offset, end offset) of every start tag, in document order."""
        return _start_tags(self._text)

    @cached_property
    def _text(self) -> str:
        encoding = (self.tree.docinfo.encoding if self.tree is not None else None) or "utf-8"
        try:
            return self.data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            return self.data.decode("utf-8", "replace")

    @cached_property
    def _order(self) -> dict:
        return {el: i for i, el in enumerate(self.tree.iter(etree.Element))}

    def position(self, element: etree._Element | None, attribute: str | None = None
                 ) -> tuple[int | None, int | None]:
        """Line and column of ``element``'s start tag (or of ``attribute`` within it)."""
        if element is None:
            return None, None
        index = self._order.get(element)
        tags = self._tags
        if index is None or index >= len(tags):
            return element.sourceline, None
        return self.position_of(index, attribute)

    def position_of(self, index: int, attribute: str | None = None) -> tuple[int | None, int | None]:
        """Line and column of the start tag of the element ``index`` (in document order), or of
        ``attribute`` within it: what a streamed document, which keeps no elements, can ask."""
        tags = self._tags
        if index >= len(tags):
            return None, None
        line, column, start, end = tags[index]
        if attribute:
            local = attribute.rsplit("}", 1)[-1]
            found = re.search(rf"\s((?:[\w.\-]+:)?{re.escape(local)})\s*=", self._text[start:end])
            if found:
                offset = start + found.start(1)
                line = self._text.count("\n", 0, offset) + 1
                column = offset - self._text.rfind("\n", 0, offset)
        return line, column

    def xpath(self, element: etree._Element, attribute: str | None = None) -> str:
        """A positional path to ``element`` (and ``attribute``), like ``/tei:TEI[1]/tei:text[1]/@n``."""
        steps = []
        for node in reversed([element, *element.iterancestors()]):
            parent = node.getparent()
            position = 1 if parent is None else list(parent.iterchildren(node.tag)).index(node) + 1
            steps.append(f"{_prefixed(node.tag)}[{position}]")
        path = "/" + "/".join(steps)
        return f"{path}/@{_prefixed(attribute)}" if attribute else path

    def element_at(self, path: str | None) -> tuple[etree._Element | None, str | None]:
        """The element (and attribute name) an XPath like Saxon's ``path()`` or libxml2's points to."""
        if not path or self.tree is None:
            return None, None
        return _resolve(self.tree, path)


def path_of(steps) -> str:
    """A positional path from (Clark name, position among same-named siblings) steps."""
    return "/" + "/".join(f"{_prefixed(tag)}[{n}]" for tag, n in steps)


def _prefixed(clark: str) -> str:
    ns, local = _split_clark(clark)
    if not ns:
        return local
    prefix = _PREFIXES.get(ns)
    return f"{prefix}:{local}" if prefix else f"Q{{{ns}}}{local}"


def _split_clark(name: str) -> Name:
    if name[0] == "{":
        ns, local = name[1:].split("}", 1)
        return ns, local
    return "", name


_TOKENS = re.compile(
    r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|</[^>]*>|<(?P<start>[^\s/>!?][^\s/>]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*>",
    re.DOTALL)


def _start_tags(text: str) -> list[tuple[int, int, int, int]]:
    tags = []
    line, line_start, scanned = 1, 0, 0
    for match in _TOKENS.finditer(text):
        if match.group("start") is None:
            continue
        start = match.start()
        line += text.count("\n", scanned, start)
        if scanned != start:
            newline = text.rfind("\n", scanned, start)
            if newline >= 0:
                line_start = newline + 1
        scanned = start
        tags.append((line, start - line_start + 1, start, match.end()))
    return tags


_STEP = re.compile(r"(?:Q\{(?P<ns>[^}]*)\}|(?P<prefix>[\w.\-]+):)?(?P<local>[\w.\-]+|\*)(?:\[(?P<n>\d+)\])?$")


def _resolve(tree: etree._ElementTree, path: str) -> tuple[etree._Element | None, str | None]:
    """Follow ``/Q{ns}a[1]/Q{ns}b[2]/@c`` (Saxon) or ``/*/*[2]`` (libxml2) as far as it goes."""
    node = None
    steps = [s for s in re.split(r"/(?![^{]*\})", path) if s]
    for step in steps:
        if step.startswith("@"):
            name = step[1:]
            if name.startswith("Q{"):
                ns, local = name[2:].split("}", 1)
                return node, f"{{{ns}}}{local}" if ns else local
            return node, name
        if not step[0].isalpha() and not step.startswith(("Q{", "*")) or "(" in step:
            break  # text(), comment(), processing-instruction(), namespace::
        match = _STEP.match(step)
        if match is None:
            break
        n = int(match.group("n") or 1)
        local = match.group("local")
        ns = match.group("ns")
        parent_children = [tree.getroot()] if node is None else [c for c in node if isinstance(c.tag, str)]
        candidates = [c for c in parent_children
                      if local == "*" or (etree.QName(c).localname == local
                                          and (ns is None or (etree.QName(c).namespace or "") == ns))]
        if len(candidates) < n:
            break
        node = candidates[n - 1]
    return node, None


def load(path: str, data: bytes | None = None, listeners: Iterable[Callable[["Document"], "Listener"]] = ()
         ) -> Document:
    """Read and parse ``path`` (or the given bytes); problems are recorded, never raised.

    With ``listeners`` (factories, one listener each per document), the document is read
    streaming instead and each listener is shown its elements as they start and end: see the
    module's docstring and :class:`Listener`."""
    doc = Document(path)
    try:
        doc.data = read_bytes(path) if data is None else data
    except InputError as exc:
        doc.problems.append(exc.diagnostic)
        return doc
    listeners = list(listeners)
    if listeners:
        _stream(doc, [make(doc) for make in listeners])
        return doc
    try:
        doc.tree = parse_bytes(path, doc.data, parser=safe_parser())
    except InputError as exc:
        doc.problems.append(_xml_problem(exc.diagnostic))
        return doc
    doc.problems.extend(duplicate_id_diagnostics(path, doc.tree, position=doc.position))
    return doc


class Listener:
    """What sees a streamed document: each element as it starts (attributes there, its text not
    yet) and ends, and each comment or processing instruction; ``finish`` once it has been read
    (and not at all when it was malformed)."""

    def start(self, element: etree._Element) -> None: ...

    def end(self, element: etree._Element) -> None: ...

    def node(self, node) -> None: ...

    def finish(self) -> None: ...


def _stream(doc: Document, listeners: list[Listener]) -> None:
    """Read ``doc`` streaming: its reading problems (xml:id repetitions included) are found as
    :func:`load` finds them, and the listeners see it go by."""
    stream = Stream(doc.path, doc.data)
    if len(listeners) == 1:
        start, end, other = listeners[0].start, listeners[0].end, listeners[0].node
    else:
        def start(node):
            for listener in listeners:
                listener.start(node)

        def end(node):
            for listener in listeners:
                listener.end(node)

        def other(node):
            for listener in listeners:
                listener.node(node)
    seen: dict[str, int] = {}
    repeated: list[tuple[str, int, int]] = []
    example = f"{{{TEI_EXAMPLES}}}egXML"
    in_example = 0  # how deep inside egXML examples (their ids are theirs, not the document's)
    k = -1
    try:
        for event, node in stream:
            if event == "start":
                k += 1
                value = node.get(XML_ID)
                if value is not None and not in_example:
                    value = value.strip()
                    first = seen.setdefault(value, k)
                    if first != k:
                        repeated.append((value, first, k))
                if node.tag == example:
                    in_example += 1
                start(node)
            elif event == "end":
                if node.tag == example:
                    in_example -= 1
                end(node)
            else:
                other(node)
    except InputError as exc:
        doc.problems.append(_xml_problem(exc.diagnostic))
        return
    doc.tree = etree.ElementTree(stream.root)
    doc.streamed = True
    doc.problems.extend(duplicate_id_diagnostic(doc.path, value, doc.position_of(first, XML_ID),
                                                doc.position_of(again, XML_ID)) for value, first, again in repeated)
    for listener in listeners:
        listener.finish()
    # every engine has its findings (placed in the text already): a batch need not hold the bytes
    doc.data = b""
    doc.__dict__.pop("_text", None)
    doc.__dict__.pop("_tags", None)


def _xml_problem(diagnostic: Diagnostic) -> Diagnostic:
    """Give a reading problem a stable code."""
    if diagnostic.code:
        code = diagnostic.code
    elif "are refused" in diagnostic.message:
        code = "xml-entity-refused"
    elif diagnostic.message.startswith("not well-formed"):
        code = "xml-not-well-formed"
    else:
        code = "xml-unreadable"
    return Diagnostic(diagnostic.file, diagnostic.message, diagnostic.severity, diagnostic.line, diagnostic.column,
                      diagnostic.engine or "xml", code)
