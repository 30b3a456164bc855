"""Report formats: golden files for each (pytest --accept rewrites them), and their contracts."""

from __future__ import annotations

import json
import os
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
    assert data["summary"] == {"files": 4, "valid": 1, "invalid": 3, "errors": 3, "warnings": 0, "skipped": 0}
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
