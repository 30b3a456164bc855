"""Name classes: which element and attribute names a pattern allows.

Names are Clark names, ``{namespace}local`` (or ``local`` with no namespace), as lxml spells
tags and attribute keys, so a name from a document is looked up as it is. Each name class
remembers its answers. For messages, :func:`summary` says which names a set of name classes
allows: the names it lists, and whether it allows names it cannot list (``anyName``,
``nsName``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

NAME, ANY_NAME, NS_NAME, CHOICE = range(4)

# how closely a name class names a name, for finding an element's pattern anywhere in the schema
SPECIFICITY_NONE, SPECIFICITY_ANY_NAME, SPECIFICITY_NS_NAME, SPECIFICITY_NAME = -1, 0, 1, 2


def clark(ns: str, local: str) -> str:
    return f"{{{ns}}}{local}" if ns else local


def split(name: str) -> tuple[str, str]:
    if name[:1] == "{":
        ns, local = name[1:].split("}", 1)
        return ns, local
    return "", name


class NameClass:
    __slots__ = ("kind", "ns", "local", "name", "exception", "a", "b", "_memo")

    def __init__(self, kind: int, ns: str = "", local: str = "", exception: "NameClass | None" = None,
                 a: "NameClass | None" = None, b: "NameClass | None" = None):
        self.kind = kind
        self.ns = ns
        self.local = local
        self.name = clark(ns, local) if kind == NAME else None
        self.exception = exception
        self.a = a
        self.b = b
        self._memo: dict[str, bool] = {}

    def contains(self, name: str) -> bool:
        found = self._memo.get(name)
        if found is None:
            found = self._memo[name] = self._contains(name)
        return found

    def _contains(self, name: str) -> bool:
        kind = self.kind
        if kind == NAME:
            return name == self.name
        if kind == CHOICE:
            return self.a.contains(name) or self.b.contains(name)
        if self.exception is not None and self.exception.contains(name):
            return False
        return kind == ANY_NAME or split(name)[0] == self.ns

    def specificity(self, name: str) -> int:
        kind = self.kind
        if kind == CHOICE:
            return max(self.a.specificity(name), self.b.specificity(name))
        if not self.contains(name):
            return SPECIFICITY_NONE
        return {NAME: SPECIFICITY_NAME, NS_NAME: SPECIFICITY_NS_NAME}.get(kind, SPECIFICITY_ANY_NAME)

    def names(self) -> list[str]:
        """The names it lists (``name`` classes, not those of exceptions)."""
        if self.kind == NAME:
            return [self.name]
        if self.kind == CHOICE:
            return self.a.names() + self.b.names()
        return []

    def is_single_name(self) -> bool:
        return self.kind == NAME

    def is_finite(self) -> bool:
        """No ``anyName`` or ``nsName`` inside (section 7.3: such attributes must repeat)."""
        if self.kind == NAME:
            return True
        if self.kind == CHOICE:
            return self.a.is_finite() and self.b.is_finite()
        return False

    def __repr__(self) -> str:
        if self.kind == NAME:
            return self.name
        if self.kind == CHOICE:
            return f"{self.a!r}|{self.b!r}"
        base = "*" if self.kind == ANY_NAME else f"{{{self.ns}}}*"
        return base + (f"-({self.exception!r})" if self.exception else "")


@dataclass
class Summary:
    """What some name classes allow, as messages say it."""

    names: set[str] = field(default_factory=set)  # the names they list and do allow
    open_namespaces: set[str] = field(default_factory=set)  # namespaces allowed wholesale (nsName)
    any_name: bool = False  # some name class allows any name

    @property
    def empty(self) -> bool:
        return not (self.names or self.open_namespaces or self.any_name)


def summary(classes: Iterable[NameClass]) -> Summary:
    classes = list(classes)
    found = Summary()
    for nc in classes:
        _collect(nc, found)
    # a listed name excluded from a wildcard is still allowed when another class lists it
    found.names = {n for n in found.names if any(c.contains(n) for c in classes)}
    return found


def _collect(nc: NameClass, found: Summary) -> None:
    if nc.kind == NAME:
        found.names.add(nc.name)
    elif nc.kind == CHOICE:
        _collect(nc.a, found)
        _collect(nc.b, found)
    elif nc.kind == ANY_NAME:
        found.any_name = True
    else:
        found.open_namespaces.add(nc.ns)
