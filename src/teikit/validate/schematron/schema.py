"""Read an ISO Schematron schema into the form the compiler works from.

Resolved here, in this order: ``include`` (and ``extends/@href``) from local files only (a
URL is refused, never fetched); abstract rules (``extends/@rule``); abstract patterns
(``is-a`` with ``param`` substituted into attribute values); the phase (its ``active``
patterns and its ``let``s). The result, :class:`Schema`, holds a normalised ``sch:schema``
element in which every remaining pattern is concrete and active.
"""

from __future__ import annotations

import copy
import os
import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit.ns import SCH
from teikit.validate.errors import SchemaError
from teikit.xmlio import parse_file

ALL_PHASES = "#ALL"
DEFAULT_PHASE = "#DEFAULT"

# queryBinding -> the XSLT version the compiled stylesheet runs its expressions in
QUERY_BINDINGS = {
    "xslt": "1.0", "xslt1": "1.0", "xslt1.0": "1.0", "xpath": "1.0",
    "xslt2": "3.0", "xslt2.0": "3.0", "xpath2": "3.0",
    "xslt3": "3.0", "xslt3.0": "3.0", "xpath3": "3.0", "xpath31": "3.0", "xslt4": "3.0",
}


def sch(local: str) -> str:
    return f"{{{SCH}}}{local}"


def _is(el, local: str) -> bool:
    return isinstance(el.tag, str) and el.tag == sch(local)


@dataclass
class Schema:
    """A concrete, phase-resolved Schematron schema."""

    root: etree._Element  # the normalised sch:schema element
    file: str
    xslt_version: str  # "1.0" or "3.0"
    phase: str
    namespaces: dict[str, str]  # sch:ns prefix -> uri
    patterns: list[etree._Element]  # active, concrete patterns in document order
    phase_lets: list[etree._Element] = field(default_factory=list)
    diagnostics: dict[str, etree._Element] = field(default_factory=dict)
    properties: dict[str, etree._Element] = field(default_factory=dict)

    @property
    def lets(self) -> list[etree._Element]:
        """Schema-level lets: they become stylesheet parameters a caller may set."""
        return [c for c in self.root if _is(c, "let")]

    @property
    def parameter_names(self) -> set[str]:
        return {let.get("name") for let in self.lets}

    @property
    def title(self) -> str:
        for c in self.root:
            if _is(c, "title"):
                return " ".join("".join(c.itertext()).split())
        return ""


def _where(el: etree._Element, file: str) -> str:
    return f"{file}:{el.sourceline}" if el.sourceline else file


def _fail(el, file: str, message: str) -> SchemaError:
    return SchemaError.at(_where(el, file), message, engine="schematron")


class _Loader:
    def __init__(self) -> None:
        self.files: list[str] = []
        self._stack: list[str] = []

    def load(self, href: str, base: str | None, el=None) -> tuple[etree._Element, str]:
        parsed = urlparse(href)
        if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
            raise SchemaError.at(_where(el, base) if el is not None and base else href,
                                 f"refusing to fetch '{href}': schemas are read from local files only",
                                 engine="schematron")
        path = unquote(parsed.path) if parsed.scheme == "file" else href.split("#", 1)[0]
        if base is not None:
            path = os.path.join(os.path.dirname(base), path)
        path = os.path.normpath(path)
        if path in self._stack:
            raise _fail(el, base or path, f"'{href}' includes itself")
        root = parse_file(path).getroot()
        self.files.append(path)
        fragment = parsed.fragment
        if fragment:
            found = root.xpath("//*[@id = $id or @xml:id = $id]", id=fragment)
            if not found:
                raise _fail(el, base or path, f"'{href}': no element with id '{fragment}'")
            root = found[0]
        return root, path

    def resolve_includes(self, el: etree._Element, file: str) -> None:
        """Replace ``include`` (and ``extends/@href``) elements, recursively, in place."""
        for child in list(el):
            if not isinstance(child.tag, str):
                continue
            if _is(child, "include") or (_is(child, "extends") and child.get("href")):
                target, path = self.load(child.get("href", ""), file, child)
                target = copy.deepcopy(target)
                self._stack.append(path)
                try:
                    self.resolve_includes(target, path)
                finally:
                    self._stack.pop()
                parent = child.getparent()
                index = parent.index(child)
                parent.remove(child)
                # extends/@href pulls in a rule's content; include pulls in the element itself
                replacement = list(target) if _is(child, "extends") else [target]
                for offset, node in enumerate(replacement):
                    parent.insert(index + offset, node)
            else:
                self.resolve_includes(child, file)


_PARAM_REF = r"\${}(?![\w.\-])"


def _substitute(el: etree._Element, params: dict[str, str]) -> None:
    """Put abstract-pattern parameter values into every attribute value below ``el``."""
    if not params:
        return
    names = sorted(params, key=len, reverse=True)
    pattern = re.compile("|".join(_PARAM_REF.format(re.escape(n)) for n in names))
    for node in el.iter(etree.Element):
        for key, value in node.attrib.items():
            if "$" in value:
                node.set(key, pattern.sub(lambda m: params[m.group(0)[1:]], value))


def _expand_abstract_rules(root: etree._Element, file: str) -> None:
    abstract = {r.get("id"): r for r in root.iter(sch("rule")) if r.get("abstract") == "true"}

    def expand(rule: etree._Element, seen: tuple[str, ...]) -> None:
        for ext in [c for c in rule if _is(c, "extends")]:
            target = abstract.get(ext.get("rule"))
            if target is None:
                raise _fail(ext, file, f"extends names no abstract rule '{ext.get('rule')}'")
            if target.get("id") in seen:
                raise _fail(ext, file, f"abstract rule '{target.get('id')}' extends itself")
            body = copy.deepcopy(target)
            expand(body, seen + (target.get("id"),))
            index = rule.index(ext)
            rule.remove(ext)
            for offset, node in enumerate(list(body)):
                rule.insert(index + offset, node)

    for rule in list(root.iter(sch("rule"))):
        if rule.get("abstract") != "true":
            expand(rule, ())
    for rule in abstract.values():
        rule.getparent().remove(rule)


def _instantiate_abstract_patterns(root: etree._Element, file: str) -> None:
    abstract = {p.get("id"): p for p in root.iter(sch("pattern")) if p.get("abstract") == "true"}
    for pattern in list(root.iter(sch("pattern"))):
        source_id = pattern.get("is-a")
        if source_id is None:
            continue
        source = abstract.get(source_id)
        if source is None:
            raise _fail(pattern, file, f"is-a names no abstract pattern '{source_id}'")
        params = {p.get("name"): p.get("value", "") for p in pattern if _is(p, "param")}
        for child in [c for c in pattern if _is(c, "param")]:
            pattern.remove(child)
        for child in source:
            if isinstance(child.tag, str) and not _is(child, "param"):
                pattern.append(copy.deepcopy(child))
        _substitute(pattern, params)
        del pattern.attrib["is-a"]
    for pattern in abstract.values():
        pattern.getparent().remove(pattern)


def _choose_phase(root: etree._Element, requested: str | None, file: str
                  ) -> tuple[str, set[str] | None, list[etree._Element]]:
    """The phase name, the ids of its active patterns (None = all) and its lets."""
    phase = requested or DEFAULT_PHASE
    if phase == DEFAULT_PHASE:
        phase = root.get("defaultPhase") or ALL_PHASES
    if phase == ALL_PHASES:
        return phase, None, []
    phases = {p.get("id"): p for p in root if _is(p, "phase")}
    if phase not in phases:
        known = ", ".join(sorted(phases)) or "none"
        raise SchemaError.at(file, f"no phase '{phase}' (phases: {known}, #ALL)", engine="schematron")
    element = phases[phase]
    active = {a.get("pattern") for a in element if _is(a, "active")}
    return phase, active, [c for c in element if _is(c, "let")]


def _binding(root: etree._Element, file: str) -> str:
    binding = (root.get("queryBinding") or "xslt").strip().lower()
    try:
        return QUERY_BINDINGS[binding]
    except KeyError:
        raise SchemaError.at(file, f"unsupported queryBinding '{binding}' "
                                   f"(supported: {', '.join(sorted(QUERY_BINDINGS))})",
                             engine="schematron") from None


def from_element(root: etree._Element, file: str, phase: str | None = None,
                 loader: _Loader | None = None) -> Schema:
    """Normalise a ``sch:schema`` element (a copy is taken) read from ``file``."""
    if not _is(root, "schema"):
        raise SchemaError.at(file, f"not an ISO Schematron schema (root must be schema in {SCH})",
                             engine="schematron")
    root = copy.deepcopy(root)
    loader = loader or _Loader()
    loader._stack.append(file)
    loader.resolve_includes(root, file)
    _expand_abstract_rules(root, file)
    _instantiate_abstract_patterns(root, file)
    name, active, phase_lets = _choose_phase(root, phase, file)
    patterns = [p for p in root if _is(p, "pattern")
                and (active is None or p.get("id") in active)]
    namespaces = {n.get("prefix"): n.get("uri") for n in root if _is(n, "ns")}
    diagnostics = {d.get("id"): d for ds in root if _is(ds, "diagnostics") for d in ds if _is(d, "diagnostic")}
    properties = {p.get("id"): p for ps in root if _is(ps, "properties") for p in ps if _is(p, "property")}
    return Schema(root, file, _binding(root, file), name, namespaces, patterns, phase_lets,
                  diagnostics, properties)


def load(path: str | os.PathLike, phase: str | None = None) -> Schema:
    """Read the Schematron schema at ``path``."""
    loader = _Loader()
    root, file = loader.load(os.fspath(path), None)
    return from_element(root, file, phase, loader)
