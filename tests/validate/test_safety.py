"""Bad and hostile input: diagnostics with positions, never a traceback, nothing read or fetched.

Malformed XML and duplicate xml:ids are diagnostics with line and column; an external entity
cannot put a local file into any report; an entity bomb is refused before expansion; no DTD,
schema, stylesheet function or document is ever fetched over the network, by libxml2, by jing
or by Saxon.
"""

from __future__ import annotations

import pytest
from helpers import run_teikit
from validate_support import ROOT, private_cache, tei_all_env, validate  # noqa: F401 (fixtures)

SECRET = "TEIKIT-SECRET-7f3a9c"
FORMATS = ("text", "json", "junit", "github", "sarif")


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def all_reports(*args: str, cwd=None) -> list:
    return [run_teikit("validate", "--format", fmt, *args, cwd=cwd) for fmt in FORMATS]


def test_malformed_xml_is_a_diagnostic_with_line_and_column(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text><p>unclosed</text>\n</TEI>\n')
    result = run_teikit("validate", str(bad))
    assert result.returncode == 1
    line = result.stdout.decode().splitlines()[0]
    assert line.startswith(f"{bad}:2:")
    assert ": error: [xml] not well-formed XML: " in line
    assert result.stderr == b""


def test_duplicate_xml_id_is_a_validity_error_naming_the_id_and_both_places(tmp_path):
    dup = tmp_path / "dup.xml"
    dup.write_text('<root>\n <a xml:id="x"/>\n <b xml:id="x"/>\n</root>\n')
    (diagnostic,) = [d for d in validate([dup])[str(dup)].diagnostics if d.severity == "error"]
    assert (diagnostic.line, diagnostic.column, diagnostic.code, diagnostic.engine) == (3, 5, "xml-duplicate-id", "xml")
    assert diagnostic.message.startswith('duplicate xml:id "x": first declared at line 2, column 5, again at line 3')
    assert "well-formed" not in diagnostic.message


def test_a_document_with_a_duplicate_xml_id_is_still_checked_against_its_schemas(tmp_path):
    rng = tmp_path / "r.rng"
    rng.write_text('<element name="root" xmlns="http://relaxng.org/ns/structure/1.0"><zeroOrMore><element>'
                   '<anyName/><attribute name="xml:id"/></element></zeroOrMore></element>')
    dup = tmp_path / "dup.xml"
    dup.write_text('<root>\n <a xml:id="x"/>\n <b xml:id="x"/>\n <c/>\n</root>\n')
    found = validate([dup], [str(rng)])[str(dup)].diagnostics
    assert {(d.engine, d.line) for d in found} >= {("xml", 3), ("rng", 4)}


def test_an_xml_id_repeated_inside_an_example_is_valid_as_jing_says(tmp_path, tei_all_env):
    doc = tmp_path / "eg.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>'
                   '</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>'
                   '</fileDesc></teiHeader><text><body><p xml:id="a">one</p>'
                   '<egXML xmlns="http://www.tei-c.org/ns/Examples"><p xml:id="a">example</p></egXML>'
                   '</body></text></TEI>')
    assert validate([doc], [str(tei_all_env)])[str(doc)].diagnostics == []


def test_schematron_reads_documents_nested_deeper_than_the_jdk_parsers_default(tmp_path):
    rules = tmp_path / "deep.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                     '<sch:pattern><sch:rule context="/*"><sch:report test="count(//a) gt 200">'
                     '<sch:value-of select="count(//a)"/> levels</sch:report></sch:rule></sch:pattern></sch:schema>')
    doc = tmp_path / "deep.xml"
    doc.write_text("<r>" + "<a>" * 300 + "</a>" * 300 + "</r>")
    (diagnostic,) = validate([doc], [str(rules)])[str(doc)].diagnostics
    assert (diagnostic.engine, diagnostic.message) == ("schematron", "300 levels")


@pytest.mark.parametrize("declaration", [
    '<!DOCTYPE TEI [<!ENTITY e SYSTEM "{uri}">]>',
    '<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{uri}"> %p;]>',
])
def test_external_entity_never_leaks_a_local_file(tmp_path, secret_file, tei_all_env, declaration):
    doc = tmp_path / "xxe.xml"
    doc.write_text('<?xml version="1.0"?>\n' + declaration.format(uri=secret_file.as_uri())
                   + '\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><p>&e;</p></text></TEI>\n')
    for result in all_reports("--schema", "teikit", "--schema", "tei_all", str(doc)):
        output = result.stdout.decode() + result.stderr.decode()
        assert result.returncode == 1
        assert SECRET not in output
        assert "entit" in output and "refused" in output


def test_entity_bomb_is_refused_before_expansion(tmp_path):
    levels = "".join(f'<!ENTITY l{i} "&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};&l{i - 1};">' for i in range(1, 12))
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY l0 "lol">{levels}]>\n<r>&l11;</r>\n')
    (diagnostic,) = validate([bomb])[str(bomb)].diagnostics
    assert diagnostic.code == "xml-entity-refused" and diagnostic.line == 2


def test_external_dtd_is_not_loaded_and_undeclared_entities_are_reported(tmp_path, secret_file):
    dtd = tmp_path / "evil.dtd"
    dtd.write_text(f'<!ENTITY leak SYSTEM "{secret_file.as_uri()}">')
    doc = tmp_path / "dtd.xml"
    doc.write_text(f'<!DOCTYPE r SYSTEM "{dtd.as_uri()}">\n<r>\n<a>&leak;</a>\n</r>\n')
    result = run_teikit("validate", "--format", "json", str(doc))
    assert result.returncode == 1 and SECRET not in result.stdout.decode()
    (diagnostic,) = validate([doc])[str(doc)].diagnostics
    assert (diagnostic.code, diagnostic.line) == ("xml-undeclared-entity", 3)


def test_nothing_is_fetched_over_the_network(tmp_path, http_recorder):
    doc = tmp_path / "remote.xml"
    doc.write_text(f'<?xml version="1.0"?>\n<?xml-model href="{http_recorder.url}/schema.rng" '
                   'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
                   f'<!DOCTYPE r SYSTEM "{http_recorder.url}/r.dtd">\n<r><a/></r>\n')
    rules = tmp_path / "fetch.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                     '<sch:pattern id="p"><sch:rule context="a">'
                     f'<sch:assert test="doc-available(\'{http_recorder.url}/d.xml\')'
                     f' or unparsed-text-available(\'{http_recorder.url}/t.txt\')">no</sch:assert>'
                     '</sch:rule></sch:pattern></sch:schema>')
    plain = run_teikit("validate", "--no-strict", str(doc))
    assert b"never fetches URLs" in plain.stdout and plain.returncode == 0
    ruled = run_teikit("validate", "--schema", str(rules), str(doc))
    assert ruled.returncode == 1
    assert http_recorder.requests == []


def test_rules_cannot_read_local_files(tmp_path, secret_file):
    rules = tmp_path / "read.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">'
                     '<sch:pattern id="p"><sch:rule context="/*">'
                     f'<sch:report test="true()"><sch:value-of select="unparsed-text(\'{secret_file.as_uri()}\')"/>'
                     '</sch:report></sch:rule></sch:pattern></sch:schema>')
    doc = tmp_path / "doc.xml"
    doc.write_text("<r/>")
    (diagnostic,) = validate([doc], [str(rules)])[str(doc)].diagnostics
    assert SECRET not in diagnostic.message
    assert diagnostic.code == "teikit-evaluation-error" and "prohibited" in diagnostic.message


def test_schemas_are_never_fetched(tmp_path, http_recorder):
    rng = tmp_path / "inc.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0">'
                   f'<include href="{http_recorder.url}/other.rng"/><start><element name="r"><empty/></element></start>'
                   '</grammar>')
    sch = tmp_path / "inc.sch"
    sch.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron">'
                   f'<sch:include href="{http_recorder.url}/p.sch"/></sch:schema>')
    doc = tmp_path / "doc.xml"
    doc.write_text("<r/>")
    for schema in (rng, sch):
        result = run_teikit("validate", "--schema", str(schema), str(doc))
        assert result.returncode == 2
        assert b"refusing to fetch" in result.stderr
    assert http_recorder.requests == []


@pytest.mark.parametrize("content, message", [
    (b"", "empty file"),
    (b"\x00\x01\x02binary", "not well-formed"),
    (b"just text, no markup", "not well-formed"),
])
def test_unreadable_files_are_errors_not_crashes(tmp_path, content, message):
    path = tmp_path / "odd.xml"
    path.write_bytes(content)
    result = run_teikit("validate", str(path))
    assert result.returncode == 1
    assert message in result.stdout.decode() and result.stderr == b""


def test_missing_file_is_an_error_and_the_others_are_still_checked(tmp_path):
    good = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
    result = run_teikit("validate", "--no-strict", str(tmp_path / "absent.xml"), str(good))
    assert result.returncode == 1
    assert "absent.xml: error: no such file" in result.stdout.decode()
    assert "2 files, 1 valid, 1 invalid" in result.stdout.decode()
