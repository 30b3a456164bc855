"""Read a RELAX NG schema (XML syntax) into one flat, self-contained grammar.

This is the part of the RELAX NG simplification (spec section 4) that the pruner needs:
``include`` and ``externalRef`` are resolved here, from local files only (a URL is refused,
never fetched); ``div`` disappears; ``combine`` is applied; nested grammars are flattened with
their defines renamed apart; the inherited ``ns`` and ``datatypeLibrary`` are made explicit;
``element``/``attribute`` shorthands become name classes; annotations are dropped.

The result is a tiny JSON-able tree (lists and strings) that can be cached on disk and that
:mod:`teikit.validate.rng.prune` cuts down and serialises back to RELAX NG for libxml2.

Patterns::

    ["element", nc, p]  ["attribute", nc, p]  ["group", [p...]]  ["interleave", [p...]]
    ["choice", [p...]]  ["optional", p]  ["zeroOrMore", p]  ["oneOrMore", p]  ["mixed", p]
    ["list", p]  ["ref", name]  ["empty"]  ["text"]  ["notAllowed"]
    ["data", library, type, [[param, value]...], except-pattern-or-None]
    ["value", library, type, ns, text]

Name classes::

    ["name", ns, local]  ["anyName", except-or-None]  ["nsName", ns, except-or-None]  ["choice", [nc...]]
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit.ns import RNG, XML
from teikit.validate.errors import SchemaError
from teikit.xmlio import parse_file

XSD_DATATYPES = "http://www.w3.org/2001/XMLSchema-datatypes"

_WRAPPERS = {"optional", "zeroOrMore", "oneOrMore", "mixed", "list"}
_COMBINERS = {"group", "interleave", "choice"}
_LEAVES = {"empty", "text", "notAllowed"}


def _rng(local: str) -> str:
    return f"{{{RNG}}}{local}"


@dataclass
class Grammar:
    """A flat grammar: the start pattern and every define, by unique name."""

    start: list
    defines: dict[str, list] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"start": self.start, "defines": self.defines}

    @classmethod
    def from_json(cls, data: dict) -> "Grammar":
        return cls(data["start"], data["defines"])


class _Scope:
    """The defines of one ``grammar`` element: original name -> unique global name."""

    def __init__(self, parent: "_Scope | None", taken: set[str]):
        self.parent = parent
        self.names: dict[str, str] = {}
        self._taken = taken

    def declare(self, name: str) -> str:
        if name not in self.names:
            unique, n = name, 1
            while unique in self._taken:
                n += 1
                unique = f"{name}.{n}"
            self._taken.add(unique)
            self.names[name] = unique
        return self.names[name]

    def lookup(self, name: str, where: str) -> str:
        try:
            return self.names[name]
        except KeyError:
            raise SchemaError.at(where, f"reference to undefined pattern '{name}'", engine="rng") from None


@dataclass(frozen=True)
class _Context:
    """What an element inherits: its document, ``ns``, ``datatypeLibrary`` and grammar."""

    file: str
    ns: str
    library: str
    scope: _Scope | None

    def enter(self, el: etree._Element) -> "_Context":
        ns, library = el.get("ns"), el.get("datatypeLibrary")
        if ns is None and library is None:
            return self
        return replace(self, ns=self.ns if ns is None else ns,
                       library=self.library if library is None else library.strip())


def _children(el: etree._Element) -> list[etree._Element]:
    """RELAX NG children only: annotations (foreign elements), comments and PIs are dropped."""
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith(f"{{{RNG}}}")]


def _local(el: etree._Element) -> str:
    return el.tag[len(RNG) + 2:]


def _where(ctx: _Context, el: etree._Element) -> str:
    return f"{ctx.file}:{el.sourceline}" if el.sourceline else ctx.file


class _Reader:
    def __init__(self) -> None:
        self.defines: dict[str, list] = {}
        self.taken: set[str] = set()
        self.files: list[str] = []  # every file read, for cache keys
        self._loading: list[str] = []

    # -- documents ---------------------------------------------------------------------------------
    def load(self, href: str, ctx: _Context | None, el: etree._Element | None) -> tuple[etree._Element, str]:
        """Parse a schema document named by ``href`` (relative to ``ctx.file``); URLs are refused."""
        parsed = urlparse(href)
        if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
            where = _where(ctx, el) if ctx and el is not None else href
            raise SchemaError.at(where, f"refusing to fetch '{href}': schemas are read from local files only",
                                 engine="rng")
        path = unquote(parsed.path) if parsed.scheme == "file" else href
        if ctx is not None:
            path = os.path.join(os.path.dirname(ctx.file), path)
        path = os.path.normpath(path)
        if path in self._loading:
            raise SchemaError.at(_where(ctx, el), f"'{href}' includes itself", engine="rng")
        root = parse_file(path).getroot()
        if root.tag is None or not str(root.tag).startswith(f"{{{RNG}}}"):
            raise SchemaError.at(path, "not a RELAX NG schema (XML syntax, namespace "
                                       f"{RNG})", engine="rng")
        self.files.append(path)
        return root, path

    def external(self, href: str, ctx: _Context, el: etree._Element) -> list:
        root, path = self.load(href, ctx, el)
        self._loading.append(path)
        try:
            sub = _Context(path, ctx.ns, "", None)
            return self.pattern(root, sub)
        finally:
            self._loading.pop()

    # -- grammars ----------------------------------------------------------------------------------
    def components(self, el: etree._Element, ctx: _Context, out: list) -> None:
        """Collect the ``start``/``define`` elements of a grammar, through ``div`` and ``include``."""
        for child in _children(el):
            kind, cctx = _local(child), ctx.enter(child)
            if kind == "div":
                self.components(child, cctx, out)
            elif kind in ("start", "define"):
                out.append((kind, child.get("name", "").strip(), child, cctx))
            elif kind == "include":
                self.include(child, cctx, out)

    def include(self, el: etree._Element, ctx: _Context, out: list) -> None:
        root, path = self.load(el.get("href", "").strip(), ctx, el)
        if _local(root) != "grammar":
            raise SchemaError.at(path, "an included schema must be a grammar", engine="rng")
        own: list = []
        self.components(el, ctx, own)
        overridden = {(kind, name) for kind, name, *_ in own}
        self._loading.append(path)
        try:
            included: list = []
            self.components(root, _Context(path, ctx.ns, "", ctx.scope).enter(root), included)
        finally:
            self._loading.pop()
        out.extend(c for c in included if (c[0], c[1]) not in overridden)
        out.extend(own)

    def grammar(self, el: etree._Element, ctx: _Context) -> list:
        """Read a grammar; its defines go to ``self.defines``; returns its start pattern."""
        scope = _Scope(ctx.scope, self.taken)
        gctx = replace(ctx, scope=scope)
        parts: list = []
        self.components(el, gctx, parts)
        for kind, name, _, _ in parts:
            if kind == "define":
                scope.declare(name)
        bodies: dict[tuple[str, str], list] = {}
        methods: dict[tuple[str, str], str] = {}
        plain: dict[tuple[str, str], int] = {}
        for kind, name, child, cctx in parts:
            body = self.content(child, replace(cctx, scope=scope))
            key = (kind, name)
            bodies.setdefault(key, []).append(body)
            if child.get("combine"):
                methods[key] = child.get("combine").strip()
            else:
                plain[key] = plain.get(key, 0) + 1
                if plain[key] > 1:
                    what = "start" if kind == "start" else f"define '{name}'"
                    raise SchemaError.at(_where(cctx, child), f"{what} appears more than once without @combine",
                                         engine="rng")
        start = None
        for key, items in bodies.items():
            combined = items[0] if len(items) == 1 else [methods.get(key, "choice"), items]
            if key[0] == "start":
                start = combined
            else:
                self.defines[scope.names[key[1]]] = combined
        if start is None:
            raise SchemaError.at(_where(ctx, el), "grammar has no start", engine="rng")
        return start

    # -- patterns ----------------------------------------------------------------------------------
    def content(self, el: etree._Element, ctx: _Context) -> list:
        """The children of ``el`` as one pattern (several children form a group)."""
        items = [self.pattern(c, ctx) for c in _children(el)]
        if not items:
            return ["empty"]
        return items[0] if len(items) == 1 else ["group", items]

    def pattern(self, el: etree._Element, ctx: _Context) -> list:
        ctx = ctx.enter(el)
        kind = _local(el)
        if kind in ("element", "attribute"):
            children = _children(el)
            name = el.get("name")
            if name is not None:
                ns = ctx.ns if kind == "element" else (el.get("ns") or "")
                nc = self.qname(name.strip(), ns, el, ctx)
            else:
                if not children:
                    raise SchemaError.at(_where(ctx, el), f"{kind} without a name", engine="rng")
                nc = self.nameclass(children[0], ctx)
                children = children[1:]
            items = [self.pattern(c, ctx) for c in children]
            if not items:
                body = ["text"] if kind == "attribute" else ["empty"]
            else:
                body = items[0] if len(items) == 1 else ["group", items]
            return [kind, nc, body]
        if kind in _COMBINERS:
            items = [self.pattern(c, ctx) for c in _children(el)]
            return items[0] if len(items) == 1 else [kind, items]
        if kind in _WRAPPERS:
            return [kind, self.content(el, ctx)]
        if kind in _LEAVES:
            return [kind]
        if kind == "ref":
            return ["ref", self._scope(ctx, el).lookup(el.get("name", "").strip(), _where(ctx, el))]
        if kind == "parentRef":
            parent = self._scope(ctx, el).parent
            if parent is None:
                raise SchemaError.at(_where(ctx, el), "parentRef outside a nested grammar", engine="rng")
            return ["ref", parent.lookup(el.get("name", "").strip(), _where(ctx, el))]
        if kind == "data":
            params, exception = [], None
            for c in _children(el):
                if _local(c) == "param":
                    params.append([c.get("name", "").strip(), c.text or ""])
                elif _local(c) == "except":
                    exception = self.choice_of(c, ctx)
            return ["data", ctx.library, el.get("type", "").strip(), params, exception]
        if kind == "value":
            typ = el.get("type")
            library = ctx.library if typ is not None else ""
            return ["value", library, (typ or "token").strip(), ctx.ns, "".join(el.itertext())]
        if kind == "grammar":
            return self.grammar(el, ctx)
        if kind == "externalRef":
            return self.external(el.get("href", "").strip(), ctx, el)
        raise SchemaError.at(_where(ctx, el), f"unexpected RELAX NG element '{kind}'", engine="rng")

    def choice_of(self, el: etree._Element, ctx: _Context) -> list:
        items = [self.pattern(c, ctx) for c in _children(el)]
        return items[0] if len(items) == 1 else ["choice", items]

    def _scope(self, ctx: _Context, el: etree._Element) -> _Scope:
        if ctx.scope is None:
            raise SchemaError.at(_where(ctx, el), "reference outside a grammar", engine="rng")
        return ctx.scope

    # -- name classes ------------------------------------------------------------------------------
    def qname(self, text: str, ns: str, el: etree._Element, ctx: _Context) -> list:
        if ":" in text:
            prefix, local = text.split(":", 1)
            uri = XML if prefix == "xml" else el.nsmap.get(prefix)
            if uri is None:
                raise SchemaError.at(_where(ctx, el), f"undeclared prefix in name '{text}'", engine="rng")
            return ["name", uri, local]
        return ["name", ns, text]

    def nameclass(self, el: etree._Element, ctx: _Context) -> list:
        ctx = ctx.enter(el)
        kind = _local(el)
        if kind == "name":
            return self.qname((el.text or "").strip(), ctx.ns, el, ctx)
        if kind in ("anyName", "nsName"):
            exception = None
            for c in _children(el):
                if _local(c) == "except":
                    items = [self.nameclass(x, ctx) for x in _children(c)]
                    exception = items[0] if len(items) == 1 else ["choice", items]
            return ["anyName", exception] if kind == "anyName" else ["nsName", ctx.ns, exception]
        if kind == "choice":
            return ["choice", [self.nameclass(c, ctx) for c in _children(el)]]
        raise SchemaError.at(_where(ctx, el), f"'{kind}' is not a name class", engine="rng")


@dataclass
class Simplified:
    grammar: Grammar
    files: list[str]  # the schema and everything it includes


def simplify(path: str | os.PathLike) -> Simplified:
    """Read the RELAX NG schema at ``path`` (and what it includes) into one flat grammar."""
    reader = _Reader()
    root, file = reader.load(os.fspath(path), None, None)
    ctx = _Context(file, "", "", None)
    if _local(root) == "grammar":
        reader._loading.append(file)
        start = reader.grammar(root, ctx.enter(root))
    else:
        reader._loading.append(file)
        start = reader.pattern(root, ctx)
    return Simplified(Grammar(start, reader.defines), reader.files)
