"""A quick first check for XSD 1.1 schemas whose only 1.1 feature is ``xs:assert``: the XSD 1.0
part with libxml2 (lxml), the assertions as compiled XPath 1.0.

xmlschema takes about 40 ms for a small TEI document against teikit's own schema; libxml2 and a
few XPath expressions take about a millisecond. A document this check passes is valid; a document
it fails (or cannot judge) is validated by xmlschema as before, which gives the diagnostics. So
nothing is checked less and every diagnostic is xmlschema's: the check only decides faster that
there is none.

The check is built only when it can stand for xmlschema's verdict on every valid document:

- the schema's 1.1 features are assertions on complex types (no ``xs:alternative``, open content,
  assertion facets, ``xs:override``, default attributes or other ``vc:`` conditions);
- every assertion test is one XPath 1.0 reads with the same meaning: a path or ``exists(path)``
  of names, ``*``, ``@``, ``text()``, ``|``, ``/`` and ``normalize-space()`` predicates;
- every element declaration of a name has the same assertions (which tests hold for an element
  can be decided from its name alone);
- the schema's imports are the XML namespace only (libxml2 reads xmlschema's local copy of
  ``xml.xsd``; nothing is fetched);
- it has no identity constraints and no ID or IDREF types of its own: ``xml:id`` is the only ID,
  and its values are checked for repeats here (libxml2 misses some in a tree changed after parsing).

Documents with an ``xsi:`` attribute (a type or a schema named in the document) always go to
xmlschema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

XS = "http://www.w3.org/2001/XMLSchema"
VC = "http://www.w3.org/2007/XMLSchema-versioning"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
XML_NS = "http://www.w3.org/XML/1998/namespace"
# XSD 1.1 constructs whose meaning libxml2 (XSD 1.0) cannot take over
_XSD11_ONLY = frozenset(f"{{{XS}}}{name}" for name in (
    "alternative", "openContent", "defaultOpenContent", "assertion", "override"))
_XSD11_ATTRIBUTES = frozenset(("defaultAttributes", "notNamespace", "notQName", "inheritable", "xpathDefaultNamespace"))
_XML_ID = f"{{{XML_NS}}}id"
# identity and reference types, which only xml:id (checked here too) may use
_IDENTITY = frozenset(f"{{{XS}}}{name}" for name in ("key", "keyref", "unique"))
_ID_TYPES = re.compile(r"(?:^|[\s:])(?:ID|IDREFS?)(?:\s|$)")
_META = tuple(f"{{{ns}}}" for ns in (XS, VC, XSI))
# assertion tests XPath 1.0 reads as XPath 2.0 does: exists(path) or a path, of names, *, @,
# text(), node(), unions, steps and normalize-space() predicates
_PATH = r"(?:[@\w:.*|/\s\-]|text\(\)|node\(\)|\[normalize-space\(\)\])+"
_TEST = re.compile(rf"^\s*(?:exists\((?P<exists>{_PATH})\)|(?P<path>{_PATH}))\s*$")


@dataclass
class QuickCheck:
    schema: etree.XMLSchema
    assertions: dict[str, list[etree.XPath]]  # element {ns}name -> its tests

    def passes(self, tree) -> bool:
        """True when the document is valid for certain; False: let xmlschema judge it."""
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        ids: set[str] = set()
        for element in root.iter(etree.Element):
            if any(name.startswith(f"{{{XSI}}}") for name in element.attrib):
                return False
            value = element.get(_XML_ID)
            if value is not None:
                if value in ids:
                    return False  # libxml2 does not see every repeated id of a tree changed after parsing
                ids.add(value)
        if not self.schema.validate(tree):
            return False
        for name, tests in self.assertions.items():
            for element in root.iter(name):
                if not all(test(element) for test in tests):
                    return False
        return True


def build(path: str, validator) -> QuickCheck | None:
    """The quick check for the XSD 1.1 schema at ``path`` (``validator``: its xmlschema form), or
    None when the schema is beyond it."""
    from xmlschema.validators import XsdElement

    try:
        tree = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except (OSError, etree.XMLSyntaxError):
        return None
    xml_xsd = next((s.url for s in validator.maps.iter_schemas() if s.target_namespace == XML_NS), None)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _XSD11_ONLY or _XSD11_ATTRIBUTES & set(element.attrib):
            return None
        if any(name.startswith(f"{{{VC}}}") for name in element.attrib) and element is not tree.getroot():
            return None
        if element.tag in (f"{{{XS}}}include", f"{{{XS}}}redefine") or element.tag in _IDENTITY:
            return None
        if any(_ID_TYPES.search(element.get(name, "")) for name in ("type", "base", "itemType", "memberTypes")):
            return None  # an ID or IDREF of the schema's own
        if element.tag == f"{{{XS}}}import":
            if element.get("namespace") != XML_NS or element.get("schemaLocation") or not xml_xsd or \
                    not xml_xsd.startswith("file:"):
                return None
            element.set("schemaLocation", xml_xsd)
    for test in list(tree.iter(f"{{{XS}}}assert")):
        test.getparent().remove(test)
    root = tree.getroot()
    for name in [n for n in root.attrib if n.startswith(f"{{{VC}}}")]:
        del root.attrib[name]
    try:
        schema = etree.XMLSchema(tree)
    except etree.XMLSchemaParseError:
        return None
    by_name: dict[str, set[tuple]] = {}
    for component in validator.maps.iter_components():
        if isinstance(component, XsdElement) and component.name and \
                not component.name.startswith(_META):  # the XSD meta-schema's own elements
            asserts = getattr(component.type, "assertions", None) or ()
            by_name.setdefault(component.name, set()).add(
                tuple(sorted((a.path, tuple(sorted((a.namespaces or {}).items()))) for a in asserts)))
    assertions: dict[str, list[etree.XPath]] = {}
    for name, variants in by_name.items():
        if len(variants) != 1:
            return None  # declarations of one name differ in their assertions
        tests = next(iter(variants))
        compiled = []
        for test, namespaces in tests:
            match = _TEST.match(test)
            if match is None:
                return None
            expression = match.group("exists") or match.group("path")
            try:
                compiled.append(etree.XPath(f"boolean({expression})",
                                            namespaces={p: u for p, u in namespaces if p and p != "xml"}))
            except etree.XPathSyntaxError:
                return None
        if compiled:
            assertions[name] = compiled
    return QuickCheck(schema, assertions)
