"""The restrictions of RELAX NG section 7 on a simplified grammar.

- 7.1 prohibited paths: what may not occur inside ``attribute``, ``oneOrMore//group`` and
  ``oneOrMore//interleave`` (attributes), ``list``, ``data/except`` and ``start``;
- 7.2 string sequences: data, values and lists are not grouped with elements or text, nor
  repeated, in the content of an element;
- 7.3 attributes: the operands of a group or interleave allow no attribute name in common, and
  an attribute allowing names by wildcard (``anyName``, ``nsName``) repeats;
- 7.4 interleave: no element name, and no text, in both operands.

Each shared node is checked once per context, so a grammar as large as tei_all is checked in
a fraction of a second. A violation is a :class:`SchemaError` naming the element definition
(file and line) where it occurs.
"""

from __future__ import annotations

from teikit.validate.errors import SchemaError
from teikit.validate.rng.schema import Simplified

START, ELEMENT, REPEAT, REPEAT_GROUP, REPEAT_INTERLEAVE, ATTRIBUTE, LIST, DATA_EXCEPT = range(8)
CT_EMPTY, CT_COMPLEX, CT_SIMPLE = 0, 1, 2

_ILLEGAL_NS = "\x00"  # a namespace no schema can name: stands for "any other namespace"


def _prohibited() -> dict[tuple[str, int], str]:
    """Section 7.1: (pattern, where it is) -> what jing says of it."""
    table: dict[tuple[str, int], str] = {}
    for kind in ("attribute", "data", "value", "text", "list", "group", "interleave", "oneOrMore", "empty"):
        table[(kind, START)] = f'"start" contains "{kind}"'
    for kind in ("attribute", "text", "list", "group", "interleave", "oneOrMore", "empty"):
        table[(kind, DATA_EXCEPT)] = f'"except" in "data" contains "{kind}"'
    table[("ref", DATA_EXCEPT)] = '"except" in "data" contains "element"'
    for kind in ("list", "text", "interleave", "attribute"):
        table[(kind, LIST)] = f'"list" contains "{kind}"'
    table[("ref", LIST)] = '"list" contains "element"'
    table[("attribute", ATTRIBUTE)] = '"attribute" contains "attribute"'
    table[("ref", ATTRIBUTE)] = '"attribute" contains "element"'
    table[("attribute", REPEAT_GROUP)] = '"oneOrMore" contains "group" contains "attribute"'
    table[("attribute", REPEAT_INTERLEAVE)] = '"oneOrMore" contains "interleave" contains "attribute"'
    return table


_PROHIBITED = _prohibited()


class Violation(Exception):
    pass


class _Checker:
    def __init__(self, grammar: Simplified):
        self.grammar = grammar
        self._seen: set[tuple[int, int]] = set()
        self._content_type: dict[int, int] = {}
        self._attributes: dict[int, list] = {}
        self._elements: dict[int, tuple[list, bool]] = {}
        self._groups_checked: set[int] = set()

    # -- 7.1 (and the checks made on the way) -----------------------------------------------------------
    def walk(self, p: tuple, context: int) -> None:
        key = (id(p), context)
        if key in self._seen:
            return
        self._seen.add(key)
        kind = p[0]
        prohibited = _PROHIBITED.get((kind, context))
        if prohibited:
            raise Violation(prohibited)
        if kind == "choice":
            self.walk(p[1], context)
            self.walk(p[2], context)
        elif kind in ("group", "interleave"):
            inner = context
            if context == REPEAT:
                inner = REPEAT_GROUP if kind == "group" else REPEAT_INTERLEAVE
            self.walk(p[1], inner)
            self.walk(p[2], inner)
            if context != LIST:
                self.duplicate_attributes(p)
            if kind == "interleave":
                self.interleave(p)
        elif kind == "oneOrMore":
            self.walk(p[1], REPEAT if context == ELEMENT else context)
        elif kind == "attribute":
            if context != REPEAT and not _finite(p[1]):
                raise Violation('attribute using "nsName" or "anyName" must be in "oneOrMore"')
            self.walk(p[2], ATTRIBUTE)
        elif kind == "list":
            self.walk(p[1], LIST)
        elif kind == "data" and p[2] is not None:
            self.walk(p[2], DATA_EXCEPT)

    # -- 7.2 ------------------------------------------------------------------------------------------
    def content_type(self, p: tuple) -> int:
        key = id(p)
        found = self._content_type.get(key)
        if found is not None:
            return found
        kind = p[0]
        if kind in ("empty", "attribute", "notAllowed"):
            result = CT_EMPTY
        elif kind in ("ref", "text"):
            result = CT_COMPLEX
        elif kind in ("data", "value", "list"):
            result = CT_SIMPLE
        elif kind == "choice":
            result = max(self.content_type(p[1]), self.content_type(p[2]))
        elif kind == "oneOrMore":
            result = self.content_type(p[1])
            if result == CT_SIMPLE:
                raise Violation('repeat of "string" or "data" element')
        else:  # group, interleave
            a, b = self.content_type(p[1]), self.content_type(p[2])
            if a != CT_EMPTY and b != CT_EMPTY and (a == CT_SIMPLE or b == CT_SIMPLE):
                raise Violation(f'{kind} of "string" or "data" element')
            result = max(a, b)
        self._content_type[key] = result
        return result

    # -- 7.3 ------------------------------------------------------------------------------------------
    def attribute_classes(self, p: tuple) -> list:
        """The name classes of the attributes ``p`` allows at its level."""
        key = id(p)
        found = self._attributes.get(key)
        if found is None:
            kind = p[0]
            if kind == "attribute":
                found = [p[1]]
            elif kind in ("group", "interleave", "choice"):
                found = self.attribute_classes(p[1]) + self.attribute_classes(p[2])
            elif kind == "oneOrMore":
                found = self.attribute_classes(p[1])
            else:
                found = []
            self._attributes[key] = found
        return found

    def duplicate_attributes(self, p: tuple) -> None:
        left, right = self.attribute_classes(p[1]), self.attribute_classes(p[2])
        if not left or not right:
            return
        clash = _clash(left, right)
        if clash is not None:
            raise Violation(f"duplicate attribute {clash}" if clash else "duplicate attribute")

    # -- 7.4 ------------------------------------------------------------------------------------------
    def element_classes(self, p: tuple) -> tuple[list, bool]:
        """The name classes of the elements ``p`` allows at its level, and whether it allows text."""
        key = id(p)
        found = self._elements.get(key)
        if found is None:
            kind = p[0]
            if kind == "ref":
                found = ([self.grammar.elements[p[1]][0]], False)
            elif kind == "text":
                found = ([], True)
            elif kind in ("group", "interleave", "choice"):
                a, b = self.element_classes(p[1]), self.element_classes(p[2])
                found = (a[0] + b[0], a[1] or b[1])
            elif kind == "oneOrMore":
                found = self.element_classes(p[1])
            else:
                found = ([], False)
            self._elements[key] = found
        return found

    def interleave(self, p: tuple) -> None:
        (left, left_text), (right, right_text) = self.element_classes(p[1]), self.element_classes(p[2])
        if left_text and right_text:
            raise Violation('both operands of "interleave" contain "text"')
        clash = _clash(left, right)
        if clash:
            raise Violation(f'the element {clash} can occur in more than one operand of "interleave"')
        if clash is not None:
            raise Violation('overlapping element names in operands of "interleave"')


def _clash(left: list, right: list) -> str | None:
    """Whether two lists of name classes share a name: the first name both name ("" when only an
    open class, anyName or nsName, overlaps the other side), or None when they are disjoint."""
    left_names, left_open = _split(left)
    right_names, right_open = _split(right)
    common = left_names & right_names
    if common:
        return _show(min(common))
    if left_open or right_open:
        if any((not _finite(a) or not _finite(b)) and _overlap(a, b) for a in left for b in right):
            return ""
    return None


# -- name classes as tuples ------------------------------------------------------------------------------

def _contains(nc: tuple, ns: str, local: str) -> bool:
    kind = nc[0]
    if kind == "name":
        return nc[1] == ns and nc[2] == local
    if kind == "choice":
        return _contains(nc[1], ns, local) or _contains(nc[2], ns, local)
    if kind == "anyName":
        return nc[1] is None or not _contains(nc[1], ns, local)
    return nc[1] == ns and (nc[2] is None or not _contains(nc[2], ns, local))


def _finite(nc: tuple) -> bool:
    if nc[0] == "name":
        return True
    if nc[0] == "choice":
        return _finite(nc[1]) and _finite(nc[2])
    return False


def _representatives(nc: tuple, out: set) -> None:
    """Names standing for every case of the name class (spec appendix on overlapping classes)."""
    kind = nc[0]
    if kind == "name":
        out.add((nc[1], nc[2]))
    elif kind == "choice":
        _representatives(nc[1], out)
        _representatives(nc[2], out)
    elif kind == "anyName":
        out.add((_ILLEGAL_NS, _ILLEGAL_NS))
        if nc[1] is not None:
            _representatives(nc[1], out)
    else:
        out.add((nc[1], _ILLEGAL_NS))
        if nc[2] is not None:
            _representatives(nc[2], out)


def _overlap(a: tuple, b: tuple) -> bool:
    names: set = set()
    _representatives(a, names)
    _representatives(b, names)
    return any(_contains(a, ns, local) and _contains(b, ns, local) for ns, local in names)


def _split(classes: list) -> tuple[set, bool]:
    """The names the finite classes list, and whether any class is open."""
    names: set = set()
    open_ = False
    for nc in classes:
        if _finite(nc):
            _representatives(nc, names)  # a finite class's representatives are its names
        else:
            open_ = True
    return names, open_


def _show(name: tuple) -> str:
    ns, local = name
    return f'"{local}" from namespace "{ns}"' if ns else f'"{local}"'


def check(grammar: Simplified) -> None:
    """Raise SchemaError at the first restriction the grammar breaks."""
    checker = _Checker(grammar)
    file = grammar.files[0] if grammar.files else "schema"
    try:
        checker.walk(grammar.start, START)
    except Violation as exc:
        raise SchemaError.at(file, f"{exc} (in the start pattern)", engine="rng") from None
    for index, (nc, content) in enumerate(grammar.elements):
        where_file, line = grammar.where[index] if index < len(grammar.where) else (file, None)
        try:
            checker.walk(content, ELEMENT)
            checker.content_type(content)
        except Violation as exc:
            raise SchemaError.at(where_file, str(exc), line=line, engine="rng") from None
