"""XSD engine: 1.0 and 1.1, stable error codes, positions, the compiled-schema cache."""

from __future__ import annotations

import os

import pytest
from validate_support import codes, private_cache, validate  # noqa: F401 (fixtures)

from teikit import cache
from teikit.validate.errors import SchemaError
from teikit.validate.xsd import CACHE_KIND, XsdEngine

SCHEMA = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning"
           vc:minVersion="1.1">
  <xs:include schemaLocation="part.xsd"/>
  <xs:element name="r">
    <xs:complexType>
      <xs:sequence><xs:element ref="item" maxOccurs="unbounded"/></xs:sequence>
      <xs:attribute name="kind" use="required">
        <xs:simpleType><xs:restriction base="xs:token"><xs:enumeration value="a"/></xs:restriction></xs:simpleType>
      </xs:attribute>
      <xs:assert test="count(item) le 2" id="at-most-two-items"/>
    </xs:complexType>
  </xs:element>
</xs:schema>"""
PART = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="item" type="xs:integer"/>
</xs:schema>"""


@pytest.fixture
def schema(tmp_path):
    (tmp_path / "part.xsd").write_text(PART)
    path = tmp_path / "s.xsd"
    path.write_text(SCHEMA)
    return path


@pytest.mark.parametrize("document, code", [
    ('<r kind="a"><item>1</item></r>', None),
    ('<r kind="b"><item>1</item></r>', "cvc-enumeration-valid"),
    ("<r><item>1</item></r>", "cvc-complex-type.4"),
    ('<r kind="a"><item>x</item></r>', "cvc-datatype-valid"),
    ('<r kind="a"><other/></r>', "cvc-complex-type.2.4"),
    ('<r kind="a"><item>1</item><item>2</item><item>3</item></r>', "at-most-two-items"),
])
def test_errors_have_stable_codes(tmp_path, schema, document, code):
    doc = tmp_path / "doc.xml"
    doc.write_text(document)
    result = validate([doc], [str(schema)])[str(doc)]
    assert codes(result) == ({("xsd", code)} if code else set())


def test_attribute_errors_point_at_the_attribute(tmp_path, schema):
    doc = tmp_path / "doc.xml"
    doc.write_text('<r\n   kind="b"><item>1</item></r>')
    (diagnostic,) = validate([doc], [str(schema)])[str(doc)].diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.xpath) == (2, 4, "/r[1]/@kind")


def test_compiled_schema_is_cached_and_a_changed_include_recompiles(tmp_path, schema, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    XsdEngine(str(schema))
    (entry,) = (tmp_path / "cache" / CACHE_KIND).iterdir()
    cached = XsdEngine(str(schema)).validator
    assert cached.elements["r"] is not None
    (tmp_path / "part.xsd").write_text(PART.replace("xs:integer", "xs:string"))
    changed = XsdEngine(str(schema)).validator
    assert changed.elements["item"].type.local_name == "string"


def test_cache_entries_others_could_write_are_ignored(tmp_path, schema, monkeypatch):
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "cache"))
    XsdEngine(str(schema))
    (entry,) = (tmp_path / "cache" / CACHE_KIND).iterdir()
    os.chmod(entry, 0o666)
    assert cache.load_private(CACHE_KIND, entry.name) is None
    os.chmod(entry, 0o644)
    assert cache.load_private(CACHE_KIND, entry.name) is not None


def test_broken_schema_is_a_schema_error(tmp_path):
    bad = tmp_path / "bad.xsd"
    bad.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="r" type="nope"/>'
                   "</xs:schema>")
    with pytest.raises(SchemaError, match="schema does not compile"):
        XsdEngine(str(bad))
