"""TEI's schemas judge TEI only: a document whose root is not in the TEI namespace is an error
under --schema teikit or tei_all (an XSD once passed as valid TEI); --only-tei skips it with a
notice, for hooks over mixed XML."""

from __future__ import annotations

import json

import pytest
from helpers import run_teikit
from validate_support import ROOT, private_cache  # noqa: F401 (fixtures)

from teikit.validate.reports import render
from teikit.validate.runner import FileResult

MINIMAL = ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml"
NOT_TEI = {
    "schema.xsd": '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"/></xs:schema>',
    "style.xsl": '<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>',
    "plain.xml": "<catalogue><item/></catalogue>",
}


@pytest.fixture
def mixed(tmp_path) -> list[str]:
    paths = []
    for name, text in NOT_TEI.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    return [*paths, str(MINIMAL)]


@pytest.mark.parametrize("schema", ["teikit", "tei_all"])
def test_a_document_that_is_not_tei_is_an_error_under_teis_schemas(mixed, schema):
    result = run_teikit("validate", "--no-strict", "-f", "json", "--schema", schema, *mixed)
    assert result.returncode == 1
    files = json.loads(result.stdout)["files"]
    assert [f["valid"] for f in files] == [False, False, False, True]
    for entry in files[:3]:
        (diagnostic,) = entry["diagnostics"]
        assert (diagnostic["code"], diagnostic["severity"]) == ("not-tei", "error")
        assert diagnostic["message"].startswith("not a TEI document: its root element <")


def test_only_tei_skips_other_xml_with_a_notice(mixed):
    result = run_teikit("validate", "--no-strict", "--only-tei", "--schema", "tei_all", *mixed)
    assert result.returncode == 0, result.stdout.decode()
    lines = result.stdout.decode().splitlines()
    assert lines[-1] == "teikit validate: 4 files, 1 valid, 0 invalid, 3 skipped (0 errors, 0 warnings)"
    assert all(": info: [validate] skipped: not a TEI document" in line for line in lines[:3])
    data = json.loads(run_teikit("validate", "--no-strict", "-f", "json", "--only-tei", *mixed).stdout)
    assert [f["skipped"] for f in data["files"]] == [True, True, True, False]
    assert data["summary"]["skipped"] == 3


def test_only_tei_still_fails_invalid_tei(mixed, tmp_path):
    bad = tmp_path / "bad-tei.xml"
    bad.write_text(MINIMAL.read_text(encoding="utf-8").replace("<p>Dear", "<p><shout/>Dear"), encoding="utf-8")
    result = run_teikit("validate", "--only-tei", "--schema", "tei_all", *mixed, str(bad))
    assert result.returncode == 1


def test_other_schemas_judge_any_document(tmp_path):
    """Without TEI's schemas nothing is refused for its namespace."""
    (tmp_path / "plain.xml").write_text(NOT_TEI["plain.xml"], encoding="utf-8")
    schema = tmp_path / "catalogue.rng"
    schema.write_text('<element name="catalogue" xmlns="http://relaxng.org/ns/structure/1.0">'
                      '<element name="item"><empty/></element></element>', encoding="utf-8")
    result = run_teikit("validate", "--schema", str(schema), str(tmp_path / "plain.xml"))
    assert result.returncode == 0, result.stdout.decode()


def test_skipped_files_in_every_report_format():
    from teikit.errors import Diagnostic, Severity

    notice = Diagnostic("x.xsl", "skipped: not a TEI document", Severity.INFO, 1, None, "validate", "not-tei")
    results = [FileResult("x.xsl", [notice], skipped=True)]
    assert render(results, "github").startswith("::notice file=x.xsl,line=1,")
    sarif = json.loads(render(results, "sarif"))
    assert sarif["runs"][0]["results"][0]["level"] == "note"
    junit = render(results, "junit")
    assert 'skipped="1"' in junit and "<skipped message=" in junit and "<failure" not in junit
    assert render(results, "text").endswith("1 file, 0 valid, 0 invalid, 1 skipped (0 errors, 0 warnings)\n")
