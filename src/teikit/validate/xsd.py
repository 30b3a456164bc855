"""W3C XML Schema validation with ``xmlschema`` (1.0, or 1.1 when the schema asks for it).

Schemas are read from local files only (``allow="local"``: an import of a URL is refused, never
fetched), compiled once per process, and documents are validated from the tree teikit's safe
parser built. Each error gets a stable code: the id of an ``xs:assert`` when it has one, else the
XSD validation rule it breaks (``cvc-complex-type.2.4`` and friends).
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import re
from typing import Sequence
from urllib.parse import urlparse
from urllib.request import url2pathname

from teikit.errors import Diagnostic
from teikit import cache
from teikit.ns import TEI, XML
from teikit.validate.documents import Document
from teikit.validate.engine import Engine, RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.xsd_fast import build as build_quick_check
from teikit.xmlio import DUPLICATE_ID

_XSD11 = re.compile(rb"minVersion\s*=\s*[\"']1\.1|<(?:\w+:)?(?:assert|alternative|openContent)\b")


_ATTRIBUTE = re.compile(r"attribute ([\w.:{}/\-]+)=")
# what xmlschema writes in Python's notation: names as {namespace}local, and lists of strings
_CLARK = re.compile(r"\{([A-Za-z][\w+.\-]*:[^{}\s]*)\}([\w.\-]+)")  # a URI in the braces, not a {2} quantifier
_STRING = r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\""
_STRING_LIST = re.compile(rf"\[(?:{_STRING})(?:, (?:{_STRING}))*\]")
_PREFIXES = {TEI: "tei", XML: "xml"}


def readable(reason: str) -> str:
    """xmlschema's reason without Python's notation: ``{ns}name`` as ``tei:name`` (or ``xml:``),
    and ``['a', 'b']`` as ``"a", "b"``."""
    def name(match: re.Match) -> str:
        prefix = _PREFIXES.get(match.group(1))
        return f"{prefix}:{match.group(2)}" if prefix else f"{match.group(2)} (in namespace {match.group(1)})"

    def strings(match: re.Match) -> str:
        try:
            values = ast.literal_eval(match.group(0))
        except (ValueError, SyntaxError):
            return match.group(0)
        return ", ".join(f'"{v}"' for v in values)

    return _CLARK.sub(name, _STRING_LIST.sub(strings, reason))


def _attribute_key(element, name: str) -> str | None:
    """The element's attribute an xmlschema reason names ('when', 'xml:lang' or a Clark name)."""
    for key in element.keys():
        if key == name or key.rsplit("}", 1)[-1] == name.rsplit(":", 1)[-1]:
            return key
    return None


def _is_xsd11(data: bytes) -> bool:
    return bool(_XSD11.search(data))


def error_code(error) -> str:
    """The XSD validation rule an xmlschema error breaks (an assertion's own id when it has one)."""
    from xmlschema import XMLSchemaChildrenValidationError, XMLSchemaDecodeError
    from xmlschema.validators import XsdAssert, XsdSimpleType
    from xmlschema.validators.facets import XsdEnumerationFacets, XsdPatternFacets

    validator = getattr(error, "validator", None)
    reason = (getattr(error, "reason", None) or "").lower()
    if isinstance(validator, XsdAssert):
        return validator.elem.get("id") or "cvc-assertion"
    if isinstance(error, XMLSchemaChildrenValidationError):
        return "cvc-complex-type.2.4"
    if isinstance(validator, XsdPatternFacets):
        return "cvc-pattern-valid"
    if isinstance(validator, XsdEnumerationFacets):
        return "cvc-enumeration-valid"
    if isinstance(validator, XsdSimpleType) or isinstance(error, XMLSchemaDecodeError):
        return "cvc-datatype-valid"
    if "missing required attribute" in reason:
        return "cvc-complex-type.4"
    if "attribute" in reason and "not allowed" in reason:
        return "cvc-complex-type.3.2.2"
    if "not an element of the schema" in reason or "no global element" in reason:
        return "cvc-elt.1.a"
    if "character data" in reason or "simple content" in reason:
        return "cvc-complex-type.2.3"
    return "cvc-datatype-valid" if "value" in reason or "decode" in reason else "cvc-complex-type"


# Compiling a big schema takes xmlschema long (16 s for a trang-made tei_all.xsd); the compiled
# schema is pickled into the cache beside a JSON line naming every file it was read from, checked
# before the pickle is loaded. Pickles are only read from the user's own, private cache files.
CACHE_KIND = "xsd-compiled"
FORMAT = "1"


def _schema_files(schema) -> list[list[str]]:
    files = []
    for component in schema.maps.iter_schemas():
        url = component.url or ""
        if url.startswith("file:"):
            path = url2pathname(urlparse(url).path)
            with open(path, "rb") as fh:
                files.append([path, hashlib.sha256(fh.read()).hexdigest()])
    return files


def _from_cache(key: str):
    data = cache.load_private(CACHE_KIND, key)
    if data is None:
        return None
    try:
        header, body = data.split(b"\n", 1)
        for path, digest in json.loads(header):
            with open(path, "rb") as fh:
                if hashlib.sha256(fh.read()).hexdigest() != digest:
                    return None
        return pickle.loads(body)
    except (OSError, ValueError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None


def _to_cache(key: str, schema) -> None:
    try:
        header = json.dumps(_schema_files(schema)).encode("utf-8")
        cache.store(CACHE_KIND, key, header + b"\n" + pickle.dumps(schema, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # not cacheable: compiled again next time


class XsdEngine(Engine):
    name = "xsd"

    def __init__(self, path: str):
        super().__init__(path)
        import xmlschema

        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise SchemaError.at(path, f"cannot read schema: {exc.strerror or exc}", engine="xsd") from None
        cls = xmlschema.XMLSchema11 if _is_xsd11(data) else xmlschema.XMLSchema10
        key = cache.content_key(FORMAT, xmlschema.__version__, cls.__name__, os.path.abspath(path),
                                hashlib.sha256(data).hexdigest())
        self.validator = _from_cache(key)
        if self.validator is None:
            try:
                self.validator = cls(path, allow="local", defuse="always")
            except (xmlschema.XMLSchemaException, OSError, SyntaxError, ValueError) as exc:
                message = " ".join(str(getattr(exc, "message", None) or exc).split())
                raise SchemaError.at(path, f"schema does not compile: {message}", engine="xsd") from None
            _to_cache(key, self.validator)
        # libxml2 and compiled XPath decide "valid" in a millisecond where they can stand for
        # xmlschema (an XSD 1.1 schema whose 1.1 features are assertions); xmlschema judges the rest
        self.quick = build_quick_check(path, self.validator) if cls is xmlschema.XMLSchema11 else None

    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        results = []
        for doc in documents:
            if self.quick is not None and doc.tree is not None and self.quick.passes(doc.tree):
                results.append([])
                continue
            found = []
            # a repeated xml:id is reported once, by the reading layer, with both of its places
            repeated = {(p.line, p.column) for p in doc.problems if p.code == DUPLICATE_ID}
            for error in self.validator.iter_errors(doc.tree, use_location_hints=False):
                element = getattr(error, "elem", None)
                if not hasattr(element, "getroottree"):
                    element = None
                reason = error.reason or error.message
                named = _ATTRIBUTE.match(reason)
                attribute = _attribute_key(element, named.group(1)) if named and element is not None else None
                diagnostic = self.diagnostic(doc, readable(reason), element=element, attribute=attribute,
                                             code=error_code(error), line=getattr(error, "sourceline", None))
                if "duplicated xs:ID" in reason and (diagnostic.line, diagnostic.column) in repeated:
                    continue
                found.append(diagnostic)
            results.append(found)
        return results
