"""Which stylesheet modules Saxon may load, checked before it loads any.

Saxon can only be told which protocols it may use, not which files: while it compiles a
stylesheet it must read modules (``file:``, and ``https://teikit.invalid/xslt/`` which
xslt/catalog.xml maps to teikit's stylesheets), and with that access a static expression
(``use-when``, a static variable, a shadow attribute) or a DTD could read any file at compile
time. So teikit reads the whole module graph first, with its own safe parser, and refuses:

- a module that is neither teikit's (below xslt/, by a relative href or the catalog address)
  nor the stylesheet being compiled (a project's ``--xslt``);
- a DOCTYPE, ``xml:base``, a computed href (``_href``), packages and schema imports, which
  would let Saxon read something this check has not seen;
- in a module that is not teikit's, a static expression that names a function reading resources
  (``doc``, ``unparsed-text``, ``collection``, ``function-lookup``...). teikit's own modules may:
  tei-to-html.xsl reads its tei.css that way, once, while it compiles.

At run time Saxon may read nothing at all (see :mod:`teikit.runtime.saxon`).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from lxml import etree

from teikit.errors import Diagnostic, InputError
from teikit.ns import XSL
from teikit.resources import data_dir
from teikit.xmlio import parse_file

# The address a customisation imports teikit's stylesheets by, e.g.
# <xsl:import href="https://teikit.invalid/xslt/html/tei-to-html.xsl"/>. xslt/catalog.xml maps
# it to the installed stylesheets; the .invalid domain can never be fetched.
IMPORT_BASE = "https://teikit.invalid/xslt/"
ENGINE = "xslt"

# functions whose call (or reference, f#1) in a static expression could read a resource
RESOURCE_FUNCTIONS = ("doc", "document", "doc-available", "unparsed-text", "unparsed-text-lines",
                      "unparsed-text-available", "collection", "uri-collection", "json-doc", "transform",
                      "load-xquery-module", "function-lookup", "environment-variable",
                      "available-environment-variables")
_RESOURCE_FUNCTION = re.compile(r"(?<![\w.\-])(" + "|".join(map(re.escape, RESOURCE_FUNCTIONS)) + r")(?![\w.\-])")
_CLEAN_HREF = re.compile(r"[A-Za-z0-9_.\-/]+")  # no %-escapes, query, fragment or backslash
_STATIC = {"yes", "true", "1"}
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"
_LINKS = (f"{{{XSL}}}import", f"{{{XSL}}}include")
_REFUSED = {f"{{{XSL}}}use-package": "packages", f"{{{XSL}}}import-schema": "schema imports"}


def catalog_path() -> Path:
    """The XML catalog that maps IMPORT_BASE to teikit's stylesheets."""
    return data_dir("xslt") / "catalog.xml"


@dataclass(frozen=True)
class Module:
    path: Path
    root: etree._Element


def _refuse(path: Path, message: str, element: etree._Element | None = None) -> InputError:
    return InputError(Diagnostic(str(path), message, line=element.sourceline if element is not None else None,
                                 engine=ENGINE))


def _inside(path: Path, folder: Path) -> bool:
    return os.path.commonpath([path, folder]) == str(folder)


def resolve_href(href: str, importer: Path) -> Path | None:
    """The file an xsl:import/xsl:include href names, as Saxon resolves it (through the
    catalog for IMPORT_BASE), or None for an href teikit does not resolve."""
    if href.startswith(IMPORT_BASE):
        rest = href[len(IMPORT_BASE):]
        if not _CLEAN_HREF.fullmatch(rest) or ".." in rest.split("/"):
            return None
        return Path(os.path.realpath(data_dir("xslt") / rest))
    if not _CLEAN_HREF.fullmatch(href) or href.startswith("/"):
        return None  # a URI of another scheme, an absolute path, an escaped or odd one
    return Path(os.path.realpath(importer.parent / href))


def _static_expressions(root: etree._Element) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, attribute, expression) for every expression Saxon evaluates while compiling."""
    for element in root.iter(etree.Element):
        in_xsl = isinstance(element.tag, str) and element.tag.startswith(f"{{{XSL}}}")
        for name, value in element.attrib.items():
            if in_xsl and (name == "use-when" or name.startswith("_")):
                yield element, name, value
            elif not in_xsl and name == f"{{{XSL}}}use-when":
                yield element, "xsl:use-when", value
        if in_xsl and etree.QName(element).localname in ("variable", "param") \
                and (element.get("static") or "").strip() in _STATIC:
            yield element, "select", element.get("select") or ""


def _check(module: Module, own: bool) -> None:
    """Refuse what would let Saxon read beyond the checked modules (``own``: one of teikit's)."""
    path, root = module.path, module.root
    if root.getroottree().docinfo.doctype:
        raise _refuse(path, "a stylesheet module may not have a DOCTYPE (teikit loads no DTD)")
    for element in root.iter(etree.Element):
        if element.get(_XML_BASE) is not None:
            raise _refuse(path, "xml:base is not allowed in a stylesheet module: modules are found from "
                                "where the files are", element)
        if element.tag in _REFUSED:
            raise _refuse(path, f"{_REFUSED[element.tag]} are not supported ({etree.QName(element).localname})",
                          element)
    for element, attribute, expression in ([] if own else _static_expressions(root)):
        found = _RESOURCE_FUNCTION.search(expression)
        if found:
            raise _refuse(path, f"static expression {attribute}=\"{expression.strip()}\" names {found.group(1)}(): "
                                f"nothing may be read while a stylesheet compiles", element)


def stylesheet_modules(stylesheet: Path) -> list[Module]:
    """The stylesheet and every module it includes or imports (the importing one first), each
    checked (see the module's docstring); a refused module is an InputError naming it."""
    main = Path(os.path.realpath(stylesheet))
    teikit = Path(os.path.realpath(data_dir("xslt")))
    modules: list[Module] = []
    seen: set[Path] = set()
    pending = [main]
    while pending:
        path = pending.pop(0)
        if path in seen:
            continue
        seen.add(path)
        module = Module(path, parse_file(path).getroot())
        _check(module, _inside(path, teikit))
        modules.append(module)
        for link in module.root.iter(*_LINKS):
            if link.get("_href") is not None:
                raise _refuse(path, "a computed module address (_href) is not allowed", link)
            href = (link.get("href") or "").strip()
            target = resolve_href(href, path)
            if target is None or not (target == main or _inside(target, teikit)):
                raise _refuse(path, f"module {href!r} is not allowed: a stylesheet imports only teikit's "
                                    f"stylesheets ({IMPORT_BASE}...) and, for teikit's own, the modules beside "
                                    "them", link)
            if not target.is_file():
                raise _refuse(path, f"module {href!r} not found ({target})", link)
            pending.append(target)
    return modules
