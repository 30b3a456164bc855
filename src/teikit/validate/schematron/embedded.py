"""The Schematron rules embedded in a RELAX NG schema (as TEI's ``tei_all.rng`` carries them).

The ``sch:ns``, ``sch:let``, ``sch:pattern`` and ``sch:diagnostics`` elements found anywhere in
the schema and in what it includes are gathered, in document order, into one ``sch:schema``
with the ``xslt2`` query binding (TEI's rules are XPath 2).
"""

from __future__ import annotations

import os

from lxml import etree

from teikit.ns import SCH
from teikit.validate.rng.schema import schema_files
from teikit.validate.schematron.schema import Schema, from_element, sch
from teikit.xmlio import parse_file

_GATHERED = {sch("ns"), sch("let"), sch("pattern"), sch("diagnostics"), sch("phase")}


def embedded_schema_element(path: str | os.PathLike) -> etree._Element:
    """A ``sch:schema`` element holding the rules embedded in the RELAX NG schema at ``path``."""
    files = schema_files(path)
    schema = etree.Element(sch("schema"), nsmap={"sch": SCH}, queryBinding="xslt2")
    title = etree.SubElement(schema, sch("title"))
    title.text = f"Schematron rules embedded in {os.path.basename(os.fspath(path))}"
    gathered = [el for f in files for el in parse_file(f).getroot().iter(*_GATHERED)
                if not any(str(a.tag).startswith(f"{{{SCH}}}") for a in el.iterancestors())]
    # ISO order: ns, then lets, phases, patterns, diagnostics
    order = [sch("ns"), sch("let"), sch("phase"), sch("pattern"), sch("diagnostics")]
    for tag in order:
        for el in gathered:
            if el.tag == tag:
                schema.append(etree.fromstring(etree.tostring(el)))
    return schema


def from_rng(path: str | os.PathLike, phase: str | None = None) -> Schema:
    """The embedded rules of a RELAX NG schema, ready to compile."""
    return from_element(embedded_schema_element(path), os.fspath(path), phase)

