"""Read a RELAX NG schema (XML syntax) and simplify it as the specification's section 4 does.

Everything an incorrect schema can get wrong is refused here with a :class:`SchemaError`
naming the file and line (the command line exits 2): elements and attributes the syntax does
not have, text where none may be, missing or extra children, names with undeclared prefixes,
``datatypeLibrary`` and ``href`` values that are not URIs as they must be, includes that do
not override what they claim to, ``combine`` conflicts, undefined or recursive references,
``except`` classes the specification forbids, datatypes and parameters the library refuses,
and values that are not instances of their type. Files are read from the local disk only (a
URL is refused, never fetched) with teikit's safe parser.

The result is a :class:`Simplified` grammar: one start pattern and a list of element
definitions, in which every reference is to an element (4.19), ``notAllowed`` and ``empty``
are simplified away (4.20, 4.21), and the nodes are shared (a define used in many places is
one node), ready for the restrictions of section 7 (:mod:`.restrictions`) and for building
patterns (:mod:`.compiled`).

Nodes are tuples: ``("group"|"interleave"|"choice", a, b)``, ``("oneOrMore"|"list", p)``,
``("attribute", nc, p)``, ``("ref", index)`` (an element definition), ``("empty",)``,
``("text",)``, ``("notAllowed",)``, ``("data", datatype, except-or-None)``,
``("value", datatype, value, text)``; name classes ``("name", ns, local)``,
``("anyName", except-or-None)``, ``("nsName", ns, except-or-None)``, ``("choice", a, b)``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urljoin, urlparse

from lxml import etree

from teikit.errors import InputError
from teikit.ns import RNG, XML
from teikit.validate.errors import SchemaError
from teikit.validate.rng.datatypes import NCNAME_RE, DatatypeError, datatype
from teikit.xmlio import parse_bytes

XMLNS_NS = "http://www.w3.org/2000/xmlns"
_COMMON = {"ns", "datatypeLibrary"}
# the attributes each RELAX NG element may have (besides ns, datatypeLibrary and foreign ones)
_ATTRIBUTES = {
    "element": {"name"}, "attribute": {"name"}, "group": set(), "interleave": set(), "choice": set(),
    "optional": set(), "zeroOrMore": set(), "oneOrMore": set(), "list": set(), "mixed": set(),
    "ref": {"name"}, "parentRef": {"name"}, "empty": set(), "text": set(), "value": {"type"},
    "data": {"type"}, "notAllowed": set(), "externalRef": {"href"}, "grammar": set(), "param": {"name"},
    "except": set(), "start": {"combine"}, "define": {"name", "combine"}, "div": set(), "include": {"href"},
    "name": set(), "anyName": set(), "nsName": set(),
}
_REQUIRED = {"ref": "name", "parentRef": "name", "define": "name", "param": "name", "data": "type",
             "externalRef": "href", "include": "href"}
_PATTERNS = {"element", "attribute", "group", "interleave", "choice", "optional", "zeroOrMore", "oneOrMore",
             "list", "mixed", "ref", "parentRef", "empty", "text", "value", "data", "notAllowed", "externalRef",
             "grammar"}
_NAME_CLASSES = {"name", "anyName", "nsName", "choice"}
_TEXT_ELEMENTS = {"value", "param", "name"}
_NCNAME = NCNAME_RE
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_BAD_ESCAPE = re.compile(r"%(?![0-9A-Fa-f]{2})")

EMPTY = ("empty",)
TEXT = ("text",)
NOT_ALLOWED = ("notAllowed",)


@dataclass
class Simplified:
    """A simplified grammar: the start pattern and the element definitions it refers to."""

    start: tuple
    elements: list[tuple] = field(default_factory=list)  # (name class, content)
    files: list[str] = field(default_factory=list)  # every file read (the schema and what it includes)
    where: list[tuple[str, int]] = field(default_factory=list)  # each element's file and line


def _local(el: etree._Element) -> str:
    return el.tag[len(RNG) + 2:]


def _is_rng(el) -> bool:
    return isinstance(el.tag, str) and el.tag.startswith(f"{{{RNG}}}")


@dataclass(frozen=True)
class _Context:
    """What an element inherits: its file, ``ns``, ``datatypeLibrary``, base URI and grammar."""

    file: str
    ns: str | None  # None: no ns attribute in scope (the default is "")
    library: str
    base: str
    scope: "_Scope | None"


class _Scope:
    """The defines of one ``grammar`` element: original name -> unique global name."""

    def __init__(self, parent: "_Scope | None", reader: "_Reader"):
        self.parent = parent
        self.names: dict[str, str] = {}
        self.reader = reader

    def declare(self, name: str) -> str:
        if name not in self.names:
            unique, n = name, 1
            while unique in self.reader.bodies:
                n += 1
                unique = f"{name}#{n}"
            self.reader.bodies[unique] = None
            self.names[name] = unique
        return self.names[name]


class _Reader:
    def __init__(self) -> None:
        self.bodies: dict[str, tuple | None] = {}  # unique define name -> body
        self.files: list[str] = []
        self._loading: list[str] = []

    # -- errors --------------------------------------------------------------------------------------
    def error(self, ctx: _Context | None, el, message: str) -> SchemaError:
        file = ctx.file if ctx else "schema"
        line = getattr(el, "sourceline", None) if el is not None else None
        return SchemaError.at(file, message, line=line, engine="rng")

    # -- documents -----------------------------------------------------------------------------------
    def load(self, href: str, ctx: _Context | None, el) -> tuple[etree._Element, _Context]:
        """Parse the schema document ``href`` names (relative to the base URI); URLs are refused."""
        if ctx is None:
            path = os.path.normpath(href)
        else:
            if "#" in href:
                raise self.error(ctx, el, f'illegal "href" attribute: "{href}" has a fragment identifier')
            if _BAD_ESCAPE.search(href):
                raise self.error(ctx, el, f'illegal "href" attribute: "{href}" is not a valid URI reference')
            target = urljoin(ctx.base, href.replace(" ", "%20"))
            parsed = urlparse(target)
            if parsed.scheme not in ("file", ""):
                raise self.error(ctx, el, f"refusing to fetch '{href}': schemas are read from local files only")
            path = os.path.normpath(_file_path(parsed.path))
        if path in self._loading:
            raise self.error(ctx, el, f'recursive inclusion of URL "{path}"')
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            if ctx is None:
                raise SchemaError.at(path, f"cannot read schema: {exc.strerror or exc}", engine="rng") from None
            raise self.error(ctx, el, f"cannot read {href}: {exc.strerror or exc}") from None
        try:
            root = parse_bytes(path, data).getroot()
        except InputError as exc:
            raise SchemaError(exc.diagnostic) from None
        if not _is_rng(root):
            raise SchemaError.at(path, f"not a RELAX NG schema (XML syntax, namespace {RNG}): the root element is "
                                       f"{etree.QName(root).localname}", line=root.sourceline, engine="rng")
        if path not in self.files:
            self.files.append(path)
        new = _Context(path, ctx.ns if ctx else None, "", _path_uri(path), ctx.scope if ctx else None)
        return root, new

    # -- syntax checks common to every element ---------------------------------------------------------
    def check(self, el: etree._Element, ctx: _Context) -> _Context:
        """Check ``el``'s attributes and text; returns the context its children inherit."""
        kind = _local(el)
        allowed = _ATTRIBUTES.get(kind)
        if allowed is None:
            raise self.error(ctx, el, f'unknown RELAX NG element "{kind}"')
        for key in el.keys():
            if key.startswith("{"):
                ns = key[1:].split("}", 1)[0]
                if ns == RNG:
                    raise self.error(ctx, el, f'attribute "{key}" not allowed on "{kind}"')
                continue  # foreign attribute: an annotation
            if key not in allowed and key not in _COMMON:
                raise self.error(ctx, el, f'attribute "{key}" not allowed on "{kind}"')
        required = _REQUIRED.get(kind)
        if required and el.get(required) is None:
            raise self.error(ctx, el, f'"{kind}" element missing required attribute "{required}"')
        if kind not in _TEXT_ELEMENTS:
            if (el.text or "").strip(" \t\r\n") or any((c.tail or "").strip(" \t\r\n") for c in el):
                raise self.error(ctx, el, f'text not allowed in "{kind}" element')
        else:
            for child in el:
                if isinstance(child.tag, str):
                    raise self.error(ctx, child, f'element not allowed in "{kind}" element')
        if el.get("combine") is not None:
            if el.get("combine").strip() not in ("choice", "interleave"):
                raise self.error(ctx, el, f'bad value of "combine" attribute: "{el.get("combine")}"')
        if el.get("type") is not None and not _NCNAME.match(el.get("type").strip()):
            raise self.error(ctx, el, f'bad datatype name "{el.get("type")}"')
        ns, library = el.get("ns"), el.get("datatypeLibrary")
        base = _base_step(el, ctx.base)
        if library is not None:
            _check_library(self, ctx, el, library)
        if ns is None and library is None and base == ctx.base:
            return ctx
        return replace(ctx, ns=ctx.ns if ns is None else ns, library=ctx.library if library is None else library,
                       base=base)

    def children(self, el: etree._Element, ctx: _Context) -> list[etree._Element]:
        """RELAX NG children: elements in any other namespace (or none) are annotations and go."""
        return [child for child in el if isinstance(child.tag, str) and _is_rng(child)]

    # -- grammars --------------------------------------------------------------------------------------
    def grammar_content(self, el: etree._Element, ctx: _Context, out: list, in_include: bool = False) -> None:
        """Collect ``start``/``define`` (through ``div`` and ``include``) as (kind, name, element, context)."""
        for child in self.children(el, ctx):
            kind = _local(child)
            cctx = self.check(child, ctx)
            if kind == "div":
                self.grammar_content(child, cctx, out, in_include)
            elif kind in ("start", "define"):
                name = (child.get("name") or "").strip() if kind == "define" else ""
                if kind == "define" and not _NCNAME.match(name):
                    raise self.error(cctx, child, f'bad define name "{child.get("name")}"')
                out.append((kind, name, child, cctx))
            elif kind == "include" and not in_include:
                self.include(child, cctx, out)
            else:
                raise self.error(cctx, child, f'"{kind}" not allowed in {"include" if in_include else "grammar"}')

    def include(self, el: etree._Element, ctx: _Context, out: list) -> None:
        own: list = []
        self.grammar_content(el, ctx, own, in_include=True)
        root, rctx = self.load(el.get("href").strip(), ctx, el)
        rctx = replace(rctx, ns=rctx.ns, scope=ctx.scope)
        if _local(root) != "grammar":
            raise self.error(rctx, root, "an included schema must be a grammar")
        self._loading.append(rctx.file)
        try:
            rctx = self.check(root, rctx)
            included: list = []
            self.grammar_content(root, rctx, included)
        finally:
            self._loading.pop()
        for kind, name, child, cctx in own:
            if not any(k == kind and n == name for k, n, *_ in included):
                what = '"start"' if kind == "start" else f'definition of "{name}"'
                raise self.error(cctx, child, f'{what} in "include" does not override anything')
        overridden = {(kind, name) for kind, name, *_ in own}
        out.extend(c for c in included if (c[0], c[1]) not in overridden)
        out.extend(own)

    def grammar(self, el: etree._Element, ctx: _Context) -> tuple:
        """Read a grammar; its defines go to ``self.bodies``; returns its start pattern."""
        scope = _Scope(ctx.scope, self)
        gctx = replace(ctx, scope=scope)
        parts: list = []
        self.grammar_content(el, gctx, parts)
        for kind, name, _, _ in parts:
            if kind == "define":
                scope.declare(name)
        methods: dict[tuple, str] = {}
        plain: dict[tuple, list] = {}
        items: dict[tuple, list] = {}
        for kind, name, child, cctx in parts:
            key = (kind, name)
            combine = (child.get("combine") or "").strip() or None
            if combine:
                if methods.setdefault(key, combine) != combine:
                    what = "start" if kind == "start" else f'"{name}"'
                    raise self.error(cctx, child, f'conflicting values of "combine" attribute for definition of {what}')
            else:
                plain.setdefault(key, []).append(child)
                if len(plain[key]) > 1:
                    what = "start" if kind == "start" else f'"{name}"'
                    raise self.error(cctx, child, f'multiple definitions of {what} without "combine" attribute')
            items.setdefault(key, []).append((child, replace(cctx, scope=scope)))
        start = None
        for key, defs in items.items():
            bodies = []
            for child, cctx in defs:
                children = self.children(child, cctx)
                if key[0] == "start" and len(children) != 1:
                    raise self.error(cctx, child, '"start" must have exactly one pattern')
                if not children:
                    raise self.error(cctx, child, f'"define" of "{key[1]}" has no pattern')
                bodies.append(self.group_of(children, cctx))
            body = bodies[0]
            for other in bodies[1:]:
                body = (methods.get(key, "choice"), body, other)
            if key[0] == "start":
                start = body
            else:
                self.bodies[scope.names[key[1]]] = body
        if start is None:
            raise self.error(gctx, el, 'missing "start" element')
        return start

    # -- patterns ----------------------------------------------------------------------------------------
    def group_of(self, children: list, ctx: _Context, kind: str = "group") -> tuple:
        result = None
        for child in children:
            p = self.pattern(child, ctx)
            result = p if result is None else (kind, result, p)
        return result

    def pattern(self, el: etree._Element, ctx: _Context) -> tuple:
        kind = _local(el)
        if kind not in _PATTERNS:
            raise self.error(ctx, el, f'"{kind}" is not a pattern here')
        ctx = self.check(el, ctx)
        children = self.children(el, ctx)
        if kind in ("element", "attribute"):
            return self.named(el, kind, children, ctx)
        if kind in ("group", "interleave", "choice"):
            if not children:
                raise self.error(ctx, el, f'"{kind}" must have at least one pattern')
            return self.group_of(children, ctx, kind)
        if kind in ("optional", "zeroOrMore", "oneOrMore", "list", "mixed"):
            if not children:
                raise self.error(ctx, el, f'"{kind}" must have at least one pattern')
            p = self.group_of(children, ctx)
            if kind == "optional":
                return ("choice", p, EMPTY)
            if kind == "zeroOrMore":
                return ("choice", ("oneOrMore", p), EMPTY)
            if kind == "mixed":
                return ("interleave", p, TEXT)
            return (kind, p)
        if kind in ("empty", "text", "notAllowed"):
            if children:
                raise self.error(ctx, children[0], f'"{kind}" must be empty')
            return (kind,)
        if kind in ("ref", "parentRef"):
            if children:
                raise self.error(ctx, children[0], f'"{kind}" must be empty')
            name = el.get("name").strip()
            if not _NCNAME.match(name):
                raise self.error(ctx, el, f'bad reference name "{el.get("name")}"')
            scope = ctx.scope
            if kind == "parentRef":
                if scope is None or scope.parent is None:
                    raise self.error(ctx, el, "reference to non-existent parent grammar")
                scope = scope.parent
            elif scope is None:
                raise self.error(ctx, el, "reference to non-existent grammar")
            unique = scope.names.get(name)
            if unique is None:
                raise self.error(ctx, el, f'reference to undefined pattern "{name}"')
            return ("define", unique, name, ctx, el)
        if kind == "data":
            return self.data(el, children, ctx)
        if kind == "value":
            return self.value(el, ctx)
        if kind == "grammar":
            return self.grammar(el, ctx)
        # externalRef
        if children:
            raise self.error(ctx, children[0], '"externalRef" must be empty')
        root, rctx = self.load(el.get("href").strip(), ctx, el)
        if _local(root) == "grammar" or _local(root) in _PATTERNS:
            pass
        else:
            raise self.error(rctx, root, f'"{_local(root)}" is not a pattern')
        self._loading.append(rctx.file)
        try:
            return self.pattern(root, replace(rctx, scope=None))
        finally:
            self._loading.pop()

    def named(self, el, kind: str, children: list, ctx: _Context) -> tuple:
        name = el.get("name")
        if name is not None:
            ns = (ctx.ns or "") if kind == "element" else ("" if el.get("ns") is None else el.get("ns"))
            nc = self.qname(name.strip(), ns, el, ctx)
        else:
            if not children:
                raise self.error(ctx, el, f'"{kind}" must have a name class')
            nc = self.nameclass(children[0], ctx)
            children = children[1:]
        if kind == "attribute":
            if len(children) > 1:
                raise self.error(ctx, children[1], f'found "{_local(children[1])}" element but expected no further '
                                                   "content")
            _check_attribute_name(self, ctx, el, nc)
            body = self.pattern(children[0], ctx) if children else TEXT
            return ("attribute", nc, body)
        if not children:
            raise self.error(ctx, el, '"element" must have a pattern')
        return ("element", nc, self.group_of(children, ctx), (ctx.file, el.sourceline))

    def data(self, el, children: list, ctx: _Context) -> tuple:
        params, exception = [], None
        for i, child in enumerate(children):
            kind = _local(child)
            cctx = self.check(child, ctx)
            if kind == "param" and exception is None:
                params.append(((child.get("name") or "").strip(), child.text or ""))
            elif kind == "except" and exception is None and i == len(children) - 1:
                items = self.children(child, cctx)
                if not items:
                    raise self.error(cctx, child, '"except" must have at least one pattern')
                exception = self.group_of(items, cctx, "choice")
            else:
                raise self.error(cctx, child, f'"{kind}" not allowed in "data"')
        name = el.get("type").strip()
        try:
            dt = datatype(ctx.library, name, tuple(params))
        except DatatypeError as exc:
            raise self.error(ctx, el, str(exc)) from None
        return ("data", dt, exception)

    def value(self, el, ctx: _Context) -> tuple:
        typ = el.get("type")
        library = ctx.library if typ is not None else ""
        name = (typ or "token").strip()
        try:
            dt = datatype(library, name)
        except DatatypeError as exc:
            raise self.error(ctx, el, str(exc)) from None
        text = el.text or ""
        context = _ValueContext(el, ctx.ns or "")
        value = dt.value_of(text, context)
        if value is None:
            raise self.error(ctx, el, f'"{text}" is not a valid value of the datatype "{name}": '
                                      f"{dt.error(text, context) or 'no value'}")
        stored = None
        if dt.needs_context:
            stored = {(k or ""): v for k, v in context.nsmap.items()}
        return ("value", dt, value, text, stored)

    # -- name classes --------------------------------------------------------------------------------------
    def qname(self, text: str, ns: str, el, ctx: _Context) -> tuple:
        if ":" in text:
            prefix, local = text.split(":", 1)
            uri = XML if prefix == "xml" else el.nsmap.get(prefix)
            if uri is None or not _NCNAME.match(prefix) or not _NCNAME.match(local):
                raise self.error(ctx, el, f'undeclared prefix or bad name "{text}"')
            return ("name", uri, local)
        if not _NCNAME.match(text):
            raise self.error(ctx, el, f'bad name "{text}"')
        return ("name", ns, text)

    def nameclass(self, el, ctx: _Context, within: str | None = None) -> tuple:
        kind = _local(el)
        if kind not in _NAME_CLASSES:
            raise self.error(ctx, el, f'"{kind}" is not a name class')
        ctx = self.check(el, ctx)
        children = self.children(el, ctx)
        if kind == "name":
            return self.qname((el.text or "").strip(), ctx.ns or "", el, ctx)
        if kind == "choice":
            if not children:
                raise self.error(ctx, el, '"choice" must have at least one name class')
            result = None
            for child in children:
                nc = self.nameclass(child, ctx, within)
                result = nc if result is None else ("choice", result, nc)
            return result
        if within == "anyName" and kind == "anyName":
            raise self.error(ctx, el, '"anyName" not allowed in the "except" of "anyName"')
        if within == "nsName" and kind in ("anyName", "nsName"):
            raise self.error(ctx, el, f'"{kind}" not allowed in the "except" of "nsName"')
        exception = None
        for i, child in enumerate(children):
            if _local(child) != "except" or i > 0:
                raise self.error(ctx, child, f'"{_local(child)}" not allowed in "{kind}"')
            cctx = self.check(child, ctx)
            items = self.children(child, cctx)
            if not items:
                raise self.error(cctx, child, '"except" must have at least one name class')
            for item in items:
                nc = self.nameclass(item, cctx, kind)
                exception = nc if exception is None else ("choice", exception, nc)
        if kind == "anyName":
            return ("anyName", exception)
        return ("nsName", ctx.ns or "", exception)


class _ValueContext:
    """The context of a ``value`` element: its namespaces, with ``ns`` as the default."""

    def __init__(self, el, ns: str):
        self.nsmap = dict(el.nsmap)
        self.nsmap[None] = ns
        self.unparsed_entities = ()

    def resolve(self, prefix: str) -> str | None:
        if prefix == "xml":
            return XML
        return self.nsmap.get(prefix or None)


def _check_attribute_name(reader: _Reader, ctx: _Context, el, nc: tuple) -> None:
    """Section 4.16: no ``name`` in an attribute's name class (exceptions included) is xmlns, and
    no ``name`` or ``nsName`` is in the xmlns namespace."""
    kind = nc[0]
    if kind == "name":
        if nc[1] == XMLNS_NS:
            raise reader.error(ctx, el, f'attribute must not have namespace URI "{XMLNS_NS}"')
        if nc[1] == "" and nc[2] == "xmlns":
            raise reader.error(ctx, el, 'attribute must not be named "xmlns"')
    elif kind == "nsName":
        if nc[1] == XMLNS_NS:
            raise reader.error(ctx, el, f'attribute must not have namespace URI "{XMLNS_NS}"')
        if nc[2] is not None:
            _check_attribute_name(reader, ctx, el, nc[2])
    elif kind == "anyName":
        if nc[1] is not None:
            _check_attribute_name(reader, ctx, el, nc[1])
    else:
        _check_attribute_name(reader, ctx, el, nc[1])
        _check_attribute_name(reader, ctx, el, nc[2])


def _check_library(reader: _Reader, ctx: _Context, el, value: str) -> None:
    """A datatypeLibrary is empty or an absolute URI (RFC 2396) without a fragment identifier."""
    if value == "":
        return
    scheme = _SCHEME.match(value)
    if scheme is None or len(value) == scheme.end() or _BAD_ESCAPE.search(value) or "#" in value \
            or any(c in value for c in ' <>"{}|\\^`'):
        raise reader.error(ctx, el, f'bad datatypeLibrary "{value}": it must be an absolute URI without a fragment')


def _file_path(uri_path: str) -> str:
    """The local path of a file: URI's path (urllib.request's url2pathname, without importing it)."""
    return unquote(uri_path)


def _path_uri(path: str) -> str:
    from pathlib import Path

    return Path(os.path.abspath(path)).as_uri()


def _base_step(el, parent_base: str) -> str:
    value = el.get(f"{{{XML}}}base")
    return parent_base if value is None else urljoin(parent_base, value.replace(" ", "%20"))


# -- section 4.18 to 4.21: references, element definitions, notAllowed and empty ------------------------------

class _Simplifier:
    def __init__(self, reader: _Reader):
        self.reader = reader
        self.elements: list[tuple] = []
        self.where: list[tuple[str, int]] = []  # each element's file and line
        self._element_index: dict[int, int] = {}
        self._define_memo: dict[str, tuple] = {}
        self._expanding: list[str] = []
        self._work: list[tuple[int, tuple]] = []
        self._memo: dict[int, tuple] = {}

    def expand(self, node: tuple) -> tuple:
        """Inline references to non-element defines; elements become references (4.19)."""
        key = id(node)
        found = self._memo.get(key)
        if found is not None:
            return found
        kind = node[0]
        if kind == "define":
            unique = node[1]
            if unique in self._expanding:
                raise self.reader.error(node[3], node[4], f'bad recursive reference to pattern "{node[2]}"')
            result = self._define_memo.get(unique)
            if result is None:
                self._expanding.append(unique)
                try:
                    result = self.expand(self.reader.bodies[unique])
                finally:
                    self._expanding.pop()
                self._define_memo[unique] = result
            return result  # not memoised by node: the recursion check needs each visit
        if kind == "element":
            index = self._element_index.get(key)
            if index is None:
                index = self._element_index[key] = len(self.elements)
                self.elements.append((node[1], None))
                self.where.append(node[3])
                self._work.append((index, node[2]))
            result = ("ref", index)
        else:
            result = _rebuild(node, [self.expand(part) for part in _parts(node)])
        self._memo[key] = result
        return result

    def run(self, start: tuple) -> tuple[tuple, list[tuple]]:
        start = self.expand(start)
        while self._work:
            index, content = self._work.pop()
            saved, self._expanding = self._expanding, []
            self.elements[index] = (self.elements[index][0], self.expand(content))
            self._expanding = saved
        simplify = _NotAllowed()
        start = simplify(start)
        contents = [simplify(content) for _, content in self.elements]
        # only the elements still reachable once notAllowed has propagated (4.20) are the schema's
        order: dict[int, int] = {}
        todo = [start]
        while todo:
            for index in _refs(todo.pop()):
                if index not in order:
                    order[index] = len(order)
                    todo.append(contents[index])
        renumber = _Renumber(order)
        elements = [None] * len(order)
        where = [None] * len(order)
        for old, new in order.items():
            elements[new] = (self.elements[old][0], renumber(contents[old]))
            where[new] = self.where[old]
        self.where = where
        return renumber(start), elements


class _NotAllowed:
    """Sections 4.20 and 4.21: notAllowed and empty propagate up (shared nodes once)."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple] = {}

    def __call__(self, node: tuple) -> tuple:
        key = id(node)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._simplify(node)
        return found

    def _simplify(self, node: tuple) -> tuple:
        kind = node[0]
        if kind in ("group", "interleave", "choice"):
            a, b = self(node[1]), self(node[2])
            if kind == "choice":
                if a[0] == "notAllowed":
                    return b
                if b[0] == "notAllowed":
                    return a
                if a[0] == "empty" and b[0] == "empty":
                    return EMPTY
                if b[0] == "empty":  # 4.21: empty goes first
                    return ("choice", b, a)
            else:
                if a[0] == "notAllowed" or b[0] == "notAllowed":
                    return NOT_ALLOWED
                if a[0] == "empty":
                    return b
                if b[0] == "empty":
                    return a
            return node if (a is node[1] and b is node[2]) else (kind, a, b)
        if kind in ("oneOrMore", "list"):
            p = self(node[1])
            if p[0] == "notAllowed":
                return NOT_ALLOWED
            if kind == "oneOrMore" and p[0] == "empty":
                return EMPTY
            return node if p is node[1] else (kind, p)
        if kind == "attribute":
            p = self(node[2])
            if p[0] == "notAllowed":
                return NOT_ALLOWED
            return node if p is node[2] else ("attribute", node[1], p)
        if kind == "data" and node[2] is not None:
            p = self(node[2])
            if p[0] == "notAllowed":
                return ("data", node[1], None)
            return node if p is node[2] else ("data", node[1], p)
        return node


def _parts(node: tuple) -> tuple:
    """The sub-patterns of a simplified node."""
    kind = node[0]
    if kind in ("group", "interleave", "choice"):
        return node[1], node[2]
    if kind in ("oneOrMore", "list"):
        return (node[1],)
    if kind == "attribute" or (kind == "data" and node[2] is not None):
        return (node[2],)
    return ()


def _rebuild(node: tuple, parts: list) -> tuple:
    """The node with these sub-patterns (itself when none changed)."""
    kind = node[0]
    if all(a is b for a, b in zip(parts, _parts(node))):
        return node
    if kind in ("group", "interleave", "choice"):
        return (kind, parts[0], parts[1])
    if kind in ("oneOrMore", "list"):
        return (kind, parts[0])
    return (kind, node[1], parts[0])  # attribute, data


def _refs(node: tuple) -> list[int]:
    """The element definitions a node refers to (not through other elements)."""
    out: list[int] = []
    seen: set[int] = set()
    stack = [node]
    while stack:
        n = stack.pop()
        if id(n) not in seen:
            seen.add(id(n))
            if n[0] == "ref":
                out.append(n[1])
            stack.extend(_parts(n))
    return out


class _Renumber:
    """The same nodes, with element references renumbered (shared nodes once)."""

    def __init__(self, order: dict[int, int]):
        self.order = order
        self._memo: dict[int, tuple] = {}

    def __call__(self, node: tuple) -> tuple:
        found = self._memo.get(id(node))
        if found is None:
            if node[0] == "ref":
                found = ("ref", self.order[node[1]])
            else:
                found = _rebuild(node, [self(part) for part in _parts(node)])
            self._memo[id(node)] = found
        return found


def read(path: str | os.PathLike) -> Simplified:
    """Read and simplify the RELAX NG schema at ``path`` (SchemaError when it is incorrect)."""
    reader = _Reader()
    root, ctx = reader.load(os.fspath(path), None, None)
    reader._loading.append(ctx.file)
    if _local(root) not in _PATTERNS:
        raise reader.error(ctx, root, f'"{_local(root)}" is not a pattern')
    start = reader.pattern(root, ctx)
    simplifier = _Simplifier(reader)
    start, elements = simplifier.run(start)
    return Simplified(start, elements, reader.files, simplifier.where)


def schema_files(path: str | os.PathLike) -> list[str]:
    """The schema file and every file it includes or refers to (``include``, ``externalRef``),
    found without simplifying it (for the Schematron rules embedded in them); URLs are refused."""
    reader = _Reader()
    root, ctx = reader.load(os.fspath(path), None, None)
    todo = [(root, ctx)]
    while todo:
        el, ectx = todo.pop()
        for node in el.iter(f"{{{RNG}}}include", f"{{{RNG}}}externalRef"):
            base = ectx.base
            for ancestor in reversed([node, *node.iterancestors()]):
                base = _base_step(ancestor, base)
            href = (node.get("href") or "").strip()
            target = os.path.normpath(_file_path(urlparse(urljoin(base, href.replace(" ", "%20"))).path))
            if href and target not in reader.files:
                todo.append(reader.load(href, replace(ectx, base=base), node))
    return reader.files
