"""Report formats: golden files for each (pytest --accept rewrites them), and their contracts."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from conftest import check_golden
from lxml import etree
from validate_support import ROOT, private_cache  # noqa: F401 (fixtures)

from teikit.validate.reports import FORMATS, render
from teikit.validate.runner import Options, validate
from teikit.validate.schemas import project_schemas

GOLDEN = Path(__file__).parent / "golden"
EXTENSIONS = {"text": "txt", "json": "json", "junit": "junit.xml", "github": "github.txt", "sarif": "sarif.json"}
FILES = ["tests/schema/valid/minimal-tei.xml", "tests/schema/invalid/cert-without-resp.xml",
         "tests/schema/invalid/when-not-iso.xml", "tests/schema/invalid/duplicate-xml-id.xml"]


@pytest.fixture(scope="module")
def results():
    here = os.getcwd()
    os.chdir(ROOT)  # paths in reports stay relative, as a CI job would give them
    try:
        return validate(FILES, Options(project_schemas(), jobs=1))
    finally:
        os.chdir(here)


@pytest.mark.parametrize("fmt", FORMATS)
def test_report_matches_golden_file(results, fmt, accept):
    check_golden(GOLDEN / f"report.{EXTENSIONS[fmt]}", render(results, fmt), accept)


def test_json_report_has_the_documented_shape(results):
    data = json.loads(render(results, "json"))
    assert data["summary"] == {"files": 4, "valid": 1, "invalid": 3, "errors": 4, "warnings": 0, "skipped": 0}
    keys = {"line", "column", "severity", "engine", "code", "message", "xpath"}
    for entry in data["files"]:
        assert set(entry) == {"path", "valid", "skipped", "diagnostics"}
        assert all(set(d) == keys for d in entry["diagnostics"])


def test_junit_report_has_one_test_case_per_file(results):
    suites = etree.fromstring(render(results, "junit").encode())
    cases = suites.findall(".//testcase")
    assert [c.get("name") for c in cases] == FILES
    assert [c.find("failure") is not None for c in cases] == [False, True, True, True]
    assert suites.get("tests") == "4" and suites.get("failures") == "3"


def test_github_annotations_escape_their_data():
    from teikit.errors import Diagnostic
    from teikit.validate.reports import github
    from teikit.validate.runner import FileResult

    odd = FileResult("a,b:c.xml", [Diagnostic("a,b:c.xml", "100% wrong\nsecond line", line=3, column=4,
                                              engine="xsd", code="x")])
    first = github([odd]).splitlines()[0]
    assert first == "::error file=a%2Cb%3Ac.xml,line=3,col=4,title=teikit xsd x::100%25 wrong%0Asecond line"


def test_sarif_report_is_sarif_2_1_0(results):
    log = json.loads(render(results, "sarif"))
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in run["results"]} == rules
    first = run["results"][0]
    assert first["level"] in ("error", "warning")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert location["region"]["startLine"] >= 1


# RFC 3986 URI-reference characters: unreserved, reserved, and % only before two hex digits
URI_REFERENCE = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")


@pytest.mark.parametrize("name", ["tei/a file with spaces.xml", "tei/50% done#2.xml", "tei/é[1].xml",
                                  "/abs/path with space/x.xml"])
def test_sarif_file_uris_are_percent_encoded_uri_references(name):
    from urllib.parse import unquote, urlparse

    from teikit.errors import Diagnostic
    from teikit.validate.runner import FileResult

    log = json.loads(render([FileResult(name, [Diagnostic(name, "bad", line=1, engine="xsd")])], "sarif"))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert URI_REFERENCE.match(location["uri"]), location["uri"]
    if name.startswith("/"):
        assert "uriBaseId" not in location and unquote(urlparse(location["uri"]).path) == name
    else:
        assert location["uriBaseId"] == "%SRCROOT%" and unquote(location["uri"]) == name


def test_the_job_summary_lists_the_files_with_problems_in_a_markdown_table(results):
    from teikit.validate.reports import markdown_summary

    text = markdown_summary(results, strict=True)
    lines = text.splitlines()
    assert lines[0] == "### teikit validate: 3 invalid files"
    errors = [sum(d.severity == "error" for d in r.diagnostics) for r in results]
    assert lines[2] == f"4 files, 1 valid, 3 invalid ({sum(errors)} errors, 0 warnings); strict: a file no schema could " \
                       "check is an error"
    table = [line for line in lines if line.startswith("|")]
    assert table[0] == "| file | verdict | errors | warnings | first problem |"
    rows = table[2:]
    assert [row.split(" | ")[0] for row in rows] == [f"| `{path}`" for path in FILES[1:]]
    assert [row.split(" | ")[1:4] for row in rows] == [["invalid", str(n), "0"] for n in errors[1:]]


def test_the_job_summary_escapes_what_markdown_would_read():
    from teikit.errors import Diagnostic
    from teikit.validate.reports import markdown_summary
    from teikit.validate.runner import FileResult

    message = "<persName> has a | bar\nand a line"
    text = markdown_summary([FileResult("a|b.xml", [Diagnostic("a|b.xml", message, line=2, engine="schematron")])])
    (row,) = [line for line in text.splitlines() if line.startswith("| `")]
    assert row == "| `a\\|b.xml` | invalid | 1 | 0 | 2: [schematron] &lt;persName&gt; has a \\| bar and a line |"
