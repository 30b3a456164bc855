"""The quick check of an XSD 1.1 schema (libxml2 + assertions as XPath 1.0) never calls valid
what xmlschema finds invalid, and is only built where it can stand for xmlschema."""

from __future__ import annotations

import copy
import random
from pathlib import Path

import pytest
from lxml import etree

from teikit.resources import data_file
from teikit.validate.xsd import XsdEngine

ROOT = Path(__file__).resolve().parents[2]
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.fixture(scope="module")
def engine() -> XsdEngine:
    return XsdEngine(str(data_file("schema", "teikit.xsd")))


def _samples() -> list[etree._ElementTree]:
    return [etree.parse(str(path)) for path in sorted((ROOT / "tei").glob("*.xml"))]


@pytest.fixture(scope="module")
def small() -> list[etree._ElementTree]:
    """Short TEI documents (the conversion test cases, each a page or two): xmlschema judges each
    mutant of them quickly."""
    from teikit.convert import convert_text
    from teikit.textio import TextInput

    trees = []
    for path in sorted((ROOT / "tests" / "convert" / "cases").glob("*.txt"))[:4]:
        tei = convert_text(TextInput(str(path), path.read_text(encoding="utf-8"), "utf-8"), name=path.stem).tei
        trees.append(etree.ElementTree(etree.fromstring(tei)))
    return trees


def _mutant(tree, rng: random.Random):
    """One small change of the kinds that make TEI invalid: an attribute dropped or given a bad
    value, an element renamed, emptied, removed or moved, text where none may be, an id repeated
    or missing."""
    tree = copy.deepcopy(tree)
    elements = list(tree.getroot().iter(etree.Element))
    element = rng.choice(elements)
    kind = rng.randrange(8)
    if kind == 0 and element.attrib:
        del element.attrib[rng.choice(list(element.attrib))]
    elif kind == 1:
        element.tag = TEI + rng.choice(["p", "div", "persName", "note", "bogus", "head", "person", "lb"])
    elif kind == 2:
        element.text = (element.text or "") + "stray text"
    elif kind == 3 and element.getparent() is not None:
        element.getparent().remove(element)
    elif kind == 4:
        element.set(rng.choice(["cert", "when", "type", "ref", XML_ID]), rng.choice(["maybe", "1999-13-40", "", "x y"]))
    elif kind == 5:
        for child in list(element):
            element.remove(child)
        element.text = None
    elif kind == 6:
        ids = [e.get(XML_ID) for e in elements if e.get(XML_ID)]
        if ids:
            element.set(XML_ID, rng.choice(ids))
    else:
        for entry in tree.getroot().iter(TEI + "person", TEI + "place", TEI + "org"):
            entry.attrib.pop(XML_ID, None)
            break
    return tree


def test_built_for_teikits_schema_with_its_assertions(engine):
    assert engine.quick is not None
    assert {f"{TEI}div", f"{TEI}standOff", f"{TEI}person", f"{TEI}place", f"{TEI}org"} <= set(engine.quick.assertions)


def test_valid_samples_pass_without_xmlschema(engine):
    for tree in _samples():
        assert engine.quick.passes(tree)
        assert not list(engine.validator.iter_errors(tree, use_location_hints=False))


def test_never_valid_where_xmlschema_finds_an_error(engine, small):
    rng = random.Random(19)
    samples = small
    invalid = 0
    for _ in range(80):
        tree = _mutant(rng.choice(samples), rng)
        errors = list(engine.validator.iter_errors(tree, use_location_hints=False))
        invalid += bool(errors)
        if errors:
            assert not engine.quick.passes(tree), errors[0].reason
    assert invalid > 25  # the mutants do test something


def test_a_document_naming_a_type_goes_to_xmlschema(engine):
    tree = _samples()[0]
    tree = copy.deepcopy(tree)
    tree.getroot().set("{http://www.w3.org/2001/XMLSchema-instance}type", "anything")
    assert not engine.quick.passes(tree)


@pytest.mark.parametrize("feature", [
    '<xs:element name="a" type="xs:string"><xs:alternative test="@x" type="xs:token"/></xs:element>',
    '<xs:element name="a"><xs:complexType><xs:attribute name="k" type="xs:ID"/>'
    '<xs:assert test="@k"/></xs:complexType></xs:element>',
    '<xs:element name="a"><xs:complexType><xs:assert test="count(*) le 2"/></xs:complexType></xs:element>',
])
def test_not_built_where_it_could_not_stand_for_xmlschema(tmp_path, feature):
    path = tmp_path / "s.xsd"
    path.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" vc:minVersion="1.1">'
                    f'{feature}</xs:schema>')
    assert XsdEngine(str(path)).quick is None


def test_a_schema_of_assertions_it_reads(tmp_path):
    path = tmp_path / "s.xsd"
    path.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                    'xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning" vc:minVersion="1.1">'
                    '<xs:element name="a"><xs:complexType><xs:sequence><xs:element name="b" minOccurs="0"/>'
                    '</xs:sequence><xs:assert test="exists(*)"/></xs:complexType></xs:element></xs:schema>')
    engine = XsdEngine(str(path))
    assert engine.quick is not None
    assert engine.quick.passes(etree.ElementTree(etree.fromstring("<a><b/></a>")))
    assert not engine.quick.passes(etree.ElementTree(etree.fromstring("<a/>")))
