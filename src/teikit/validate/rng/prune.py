"""Cut a simplified grammar down to what a batch of documents can reach, and write it as RELAX NG.

An ``element`` (or ``attribute``) pattern whose name class matches no element (attribute) of
any document in the batch can never match there, so replacing it with ``notAllowed`` keeps every
verdict. ``notAllowed`` then propagates as in RELAX NG simplification (spec 4.20): a group,
interleave, oneOrMore, list, attribute or element containing it is ``notAllowed``; a choice
drops it; optional and zeroOrMore of it are ``empty``. Defines that become ``notAllowed`` make
their refs ``notAllowed`` in turn (repeated to a fixed point), and unreachable defines go.
For TEI this leaves a few hundred of the ~1200 defines, which libxml2 compiles in a fraction
of the time the whole ``tei_all`` takes.
"""

from __future__ import annotations

from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

from teikit.ns import RNG
from teikit.validate.rng.simplify import Grammar

Name = tuple[str, str]  # (namespace URI, local name)

EMPTY = ["empty"]
TEXT = ["text"]
_CR = {"\r": "&#13;"}  # keep carriage returns in values through re-parsing


def nameclass_matches(nc: list, name: Name) -> bool:
    kind = nc[0]
    if kind == "name":
        return (nc[1], nc[2]) == name
    if kind == "anyName":
        return nc[1] is None or not nameclass_matches(nc[1], name)
    if kind == "nsName":
        return nc[1] == name[0] and (nc[2] is None or not nameclass_matches(nc[2], name))
    return any(nameclass_matches(c, name) for c in nc[1])  # choice


def _matches_any(nc: list, names: Iterable[Name]) -> bool:
    if nc[0] == "name":
        return (nc[1], nc[2]) in names
    return any(nameclass_matches(nc, n) for n in names)


class _Pruner:
    def __init__(self, grammar: Grammar, elements: frozenset[Name], attributes: frozenset[Name]):
        self.grammar = grammar
        self.elements = elements
        self.attributes = attributes
        self.unmatchable_defines: set[str] = set()
        self._nc_memo: dict[tuple[int, bool], bool] = {}

    def present(self, nc: list, element: bool) -> bool:
        key = (id(nc), element)
        hit = self._nc_memo.get(key)
        if hit is None:
            hit = self._nc_memo[key] = _matches_any(nc, self.elements if element else self.attributes)
        return hit

    def unmatchable(self, p: list) -> bool:
        """True when no node of the batch can match ``p`` (sound, not complete)."""
        kind = p[0]
        if kind in ("element", "attribute"):
            return not self.present(p[1], kind == "element")
        if kind == "ref":
            return p[1] in self.unmatchable_defines
        if kind in ("group", "interleave"):
            return any(self.unmatchable(i) for i in p[1])
        if kind == "choice":
            return all(self.unmatchable(i) for i in p[1])
        if kind in ("oneOrMore", "mixed", "list"):
            return self.unmatchable(p[1])
        return kind == "notAllowed"

    def reduce(self, p: list) -> list:
        kind = p[0]
        if kind == "element":
            return [kind, p[1], self.reduce(p[2]) if self.present(p[1], True) else EMPTY]
        if kind == "attribute":
            return p if self.present(p[1], False) else [kind, p[1], TEXT]
        if kind in ("group", "interleave"):
            items = [r for r in (self.reduce(i) for i in p[1]) if r[0] != "empty"]
            if not items:
                return EMPTY
            return items[0] if len(items) == 1 else [kind, items]
        if kind == "choice":
            items = [i for i in p[1] if not self.unmatchable(i)] or p[1]
            items = [self.reduce(i) for i in items]
            return items[0] if len(items) == 1 else ["choice", items]
        if kind in ("optional", "zeroOrMore"):
            if self.unmatchable(p[1]):
                return EMPTY
            body = self.reduce(p[1])
            return EMPTY if body[0] == "empty" else [kind, body]
        if kind in ("oneOrMore", "mixed", "list"):
            return [kind, self.reduce(p[1])]
        return p  # ref, empty, text, notAllowed, value, data

    def run(self) -> Grammar:
        defines = self.grammar.defines
        while True:  # a define found unmatchable can make its refs so: repeat to a fixed point
            newly = {name for name, body in defines.items()
                     if name not in self.unmatchable_defines and self.unmatchable(body)}
            if not newly:
                break
            self.unmatchable_defines |= newly
        start = self.reduce(self.grammar.start)
        kept: dict[str, list] = {}
        todo: list[str] = []
        _collect_refs(start, todo)
        while todo:
            name = todo.pop()
            if name in kept:
                continue
            kept[name] = self.reduce(defines[name])
            _collect_refs(kept[name], todo)
        return Grammar(start, kept)


def _collect_refs(p: list, out: list) -> None:
    kind = p[0]
    if kind == "ref":
        out.append(p[1])
    elif kind in ("group", "interleave", "choice"):
        for item in p[1]:
            _collect_refs(item, out)
    elif kind in ("element", "attribute"):
        _collect_refs(p[2], out)
    elif kind in ("optional", "zeroOrMore", "oneOrMore", "mixed", "list"):
        _collect_refs(p[1], out)
    elif kind == "data" and p[4] is not None:
        _collect_refs(p[4], out)


def prune(grammar: Grammar, elements: Iterable[Name], attributes: Iterable[Name]) -> Grammar:
    """The part of ``grammar`` that documents with these element and attribute names can use."""
    return _Pruner(grammar, frozenset(elements), frozenset(attributes)).run()


# -- serialisation ---------------------------------------------------------------------------------

def _nc_xml(nc: list, out: list) -> None:
    kind = nc[0]
    if kind == "name":
        out.append(f"<name ns={quoteattr(nc[1])}>{escape(nc[2])}</name>")
    elif kind == "choice":
        out.append("<choice>")
        for c in nc[1]:
            _nc_xml(c, out)
        out.append("</choice>")
    else:
        exception = nc[1] if kind == "anyName" else nc[2]
        attrs = "" if kind == "anyName" else f" ns={quoteattr(nc[1])}"
        if exception is None:
            out.append(f"<{kind}{attrs}/>")
        else:
            out.append(f"<{kind}{attrs}><except>")
            _nc_xml(exception, out)
            out.append(f"</except></{kind}>")


def _body_xml(p: list, out: list) -> None:
    """A pattern as the content of an element that groups its children anyway: libxml2 handles
    ``<element>``'s attributes reliably only when they are its direct content, not in a ``group``."""
    if p[0] == "group":
        for item in p[1]:
            _pattern_xml(item, out)
    else:
        _pattern_xml(p, out)


def _pattern_xml(p: list, out: list) -> None:
    kind = p[0]
    if kind in ("element", "attribute"):
        out.append(f"<{kind}>")
        _nc_xml(p[1], out)
        _body_xml(p[2], out)
        out.append(f"</{kind}>")
    elif kind in ("group", "interleave", "choice"):
        out.append(f"<{kind}>")
        for item in p[1]:
            _pattern_xml(item, out)
        out.append(f"</{kind}>")
    elif kind in ("optional", "zeroOrMore", "oneOrMore", "mixed", "list"):
        out.append(f"<{kind}>")
        _body_xml(p[1], out)
        out.append(f"</{kind}>")
    elif kind == "ref":
        out.append(f"<ref name={quoteattr(p[1])}/>")
    elif kind == "data":
        _, library, typ, params, exception = p
        out.append(f"<data type={quoteattr(typ)} datatypeLibrary={quoteattr(library)}>")
        for name, value in params:
            out.append(f"<param name={quoteattr(name)}>{escape(value, _CR)}</param>")
        if exception is not None:
            out.append("<except>")
            _pattern_xml(exception, out)
            out.append("</except>")
        out.append("</data>")
    elif kind == "value":
        _, library, typ, ns, text = p
        out.append(f"<value type={quoteattr(typ)} datatypeLibrary={quoteattr(library)} ns={quoteattr(ns)}>"
                   f"{escape(text, _CR)}</value>")
    else:
        out.append(f"<{kind}/>")


def to_rng(grammar: Grammar) -> bytes:
    """The grammar as a RELAX NG document (XML syntax)."""
    out = [f'<grammar xmlns="{RNG}"><start>']
    _pattern_xml(grammar.start, out)
    out.append("</start>")
    for name, body in grammar.defines.items():
        out.append(f"<define name={quoteattr(name)}>")
        _body_xml(body, out)
        out.append("</define>")
    out.append("</grammar>")
    return "".join(out).encode("utf-8")
