"""Stylesheet parameters: what a stylesheet declares, and checking ``NAME=VALUE`` against it.

teikit's stylesheets declare every parameter as a typed ``xsl:param`` preceded by a
``tkd:doc`` element (its documentation; ``@values`` lists the allowed values of an
enumerated string). The declarations are read from the stylesheet and the modules it includes
or imports, so a project's customisation (``--xslt``) can add parameters of its own.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping


from teikit.errors import Diagnostic, UsageError
from teikit.ns import XSL
from teikit.runtime.modules import stylesheet_modules

DOC_NS = "https://teikit.invalid/ns/doc"

_TRUE = {"true", "1", "yes"}
_FALSE = {"false", "0", "no"}
_INTEGER_TYPES = {"xs:integer": None, "xs:nonNegativeInteger": 0, "xs:positiveInteger": 1}


@dataclass(frozen=True)
class ParamSpec:
    """One global parameter of a stylesheet."""

    name: str
    type: str  # the declared @as, e.g. "xs:string"; "" when undeclared
    default: str  # the @select expression as written ("" when none)
    values: tuple[str, ...] = ()  # allowed values of an enumerated string
    doc: str = ""

    def describe(self) -> str:
        kind = "|".join(self.values) if self.values else (self.type or "any")
        doc = " ".join(self.doc.split())
        return f"{self.name} ({kind}, default {self.default or 'none'}): {doc}".rstrip(": ")

    def check(self, value: str) -> str:
        """The value normalised for Saxon, or a UsageError saying what is expected."""
        if self.values and value not in self.values:
            raise _bad(self.name, value, f"one of {', '.join(self.values)}")
        if self.type == "xs:boolean":
            lowered = value.strip().lower()
            if lowered in _TRUE:
                return "true"
            if lowered in _FALSE:
                return "false"
            raise _bad(self.name, value, "true or false")
        if self.type in _INTEGER_TYPES:
            try:
                number = int(value.strip())
            except ValueError:
                raise _bad(self.name, value, "a whole number") from None
            minimum = _INTEGER_TYPES[self.type]
            if minimum is not None and number < minimum:
                raise _bad(self.name, value, f"a whole number of at least {minimum}")
            return str(number)
        return value


def _bad(name: str, value: str, expected: str) -> UsageError:
    return UsageError(Diagnostic("--param", f"{name}={value}: expected {expected}"))


@functools.lru_cache(maxsize=None)
def declared_params(stylesheet: Path) -> dict[str, ParamSpec]:
    """Name -> ParamSpec for every global parameter; the first declaration met wins (the
    importing stylesheet's own declaration overrides the one it imports)."""
    specs: dict[str, ParamSpec] = {}
    for module in stylesheet_modules(stylesheet):
        root = module.root
        docs = {d.get("param"): d for d in root.iterchildren(f"{{{DOC_NS}}}doc")}
        for param in root.iterchildren(f"{{{XSL}}}param"):
            name = param.get("name", "")
            if not name or name in specs:
                continue
            doc = docs.get(name)
            specs[name] = ParamSpec(
                name=name,
                type=param.get("as", ""),
                default=_display_default(param.get("select"), "".join(param.itertext())),
                values=tuple((doc.get("values") or "").split()) if doc is not None else (),
                doc=" ".join("".join(doc.itertext()).split()) if doc is not None else "",
            )
    return specs


def _display_default(select: str | None, content: str) -> str:
    """A parameter's default as a user would type it: 'corr' -> corr, true() -> true,
    xs:nonNegativeInteger(72) -> 72, the empty string -> ''."""
    if select is None:
        return content.strip()
    match = re.fullmatch(r"\s*(?:'([^']*)'|\"([^\"]*)\"|(true|false)\(\)|xs:\w+\(\s*(\S+?)\s*\))\s*", select)
    if match is None:
        return select.strip()
    return next(group for group in match.groups() if group is not None) or "''"


def parse_assignments(assignments: Iterable[str], specs: Mapping[str, ParamSpec]) -> dict[str, str]:
    """``["reading=sic", ...]`` -> ``{"reading": "sic"}``, checked against the declarations."""
    values: dict[str, str] = {}
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(Diagnostic("--param", f"{assignment!r}: expected NAME=VALUE"))
        spec = specs.get(name)
        if spec is None:
            known = ", ".join(sorted(specs)) or "none"
            raise UsageError(Diagnostic("--param", f"unknown parameter {name!r} (known: {known})"))
        values[name] = spec.check(value)
    return values
