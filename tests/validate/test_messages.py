"""Diagnostics speak plainly: no Python notation (``{namespace}name``, ``['a', 'b']``, exception
names), no Saxon error QNames (``err:FORG0001``), no Java class names, whatever the engine."""

from __future__ import annotations

import json
import re
import shutil

import pytest
from helpers import run_teikit
from validate_support import INVALID, ROOT, private_cache  # noqa: F401 (fixtures)

RAW = {
    "a Clark name": re.compile(r"\{(?:https?|urn):[^}\s]*\}\w"),
    "a Python list": re.compile(r"\[\s*'[^']*'(?:,\s*'[^']*')*\s*\]"),
    "a Python exception": re.compile(r"Traceback|Errno|\w+(?:Error|Exception)\(|codec can't|PySaxonApiError"),
    "a Saxon error QName": re.compile(r"\berr:[A-Z]{4}\d{4}"),
    "a Java class": re.compile(r"\bjava\.[a-z]+\.|\bnet\.sf\.saxon\.|\borg\.xml\.sax\.|com\.thaiopensource"),
    "an EQName": re.compile(r"Q\{[^}]*\}"),
}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("hostile")
    minimal = (ROOT / "tests" / "schema" / "valid" / "minimal-tei.xml").read_text(encoding="utf-8")
    files = {
        "bad-values.xml": minimal.replace('<date when="1935-09-06" type="work">', '<date when="abc" type="work">')
                                 .replace('<placeName ref=', '<placeName cert="sure" ref=')
                                 .replace('xml:lang="en"', 'xml:lang="???"', 1)
                                 .replace("<p>Dear", '<p><num value="x">one</num><foo:bar xmlns:foo="urn:x-f"/>Dear'),
        "not-tei.xml": '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:element name="a"/></xs:schema>',
        "truncated.xml": minimal[:400],
        "n-not-integer.xml": minimal.replace("<p>Dear", '<p n="x">Dear'),
    }
    paths = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    rules = folder / "rules.sch"
    rules.write_text('<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                     '<sch:ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>'
                     '<sch:pattern id="p"><sch:rule context="tei:p[@n]">'
                     '<sch:assert test="xs:integer(@n) gt 0" id="n-positive">n must be positive</sch:assert>'
                     '</sch:rule></sch:pattern></sch:schema>')
    return [*paths, *map(str, INVALID), str(rules)]


def raw_notation(data: dict) -> list[str]:
    return [f"{what}: {d['message']}" for f in data["files"] for d in f["diagnostics"]
            for what, pattern in RAW.items() if pattern.search(d["message"])]


@pytest.mark.parametrize("args", [
    ["--schema", "teikit"],
    ["--schema", "tei_all", "--embedded-rules"],
    ["--schema", "teikit", "--schema", "tei_all", "--engine", "jing"],
    [],
])
def test_no_engine_leaks_python_java_or_saxon_notation(hostile, args):
    if "jing" in args and shutil.which("jing") is None:
        pytest.skip("jing is not installed (.ci/run installs it)")
    *documents, rules = hostile
    schemas = args + (["--schema", rules] if args else [])
    result = run_teikit("validate", "--no-strict", "-f", "json", *schemas, *documents)
    assert result.returncode == 1, result.stderr.decode()
    data = json.loads(result.stdout)
    made = set(documents[:4])  # the fixture's own broken files: every engine finds something in each
    assert all(f["diagnostics"] for f in data["files"] if f["path"] in made)
    assert sum(len(f["diagnostics"]) for f in data["files"]) > len(made)
    assert raw_notation(data) == []


def test_the_checks_see_raw_notation():
    """(The control: each pattern catches what it is for.)"""
    samples = ["The content of element '{http://www.tei-c.org/ns/1.0}teiHeader' is not complete",
               "value must be one of ['high', 'medium', 'low']", "ValueError('x')",
               "rule evaluation failed: err:FORG0001 Cannot convert", "java.lang.OutOfMemoryError",
               "/Q{http://www.tei-c.org/ns/1.0}TEI[1]"]
    for sample in samples:
        assert raw_notation({"files": [{"diagnostics": [{"message": sample}]}]}), sample


def test_an_evaluation_error_says_what_failed_and_its_code_plainly(hostile):
    *documents, rules = hostile
    n_not_integer = next(d for d in documents if d.endswith("n-not-integer.xml"))
    data = json.loads(run_teikit("validate", "-f", "json", "--schema", rules, n_not_integer).stdout)
    (diagnostic,) = data["files"][0]["diagnostics"]
    assert diagnostic["code"] == "teikit-evaluation-error"
    assert re.fullmatch(r"rule evaluation failed: .+ \(XPath error FORG0001\)", diagnostic["message"])
