"""Validation reports in the formats people and CI systems read.

``text``: the project's diagnostic lines and a summary. ``json``: files, diagnostics and summary.
``junit``: one test case per file (GitLab, Jenkins, most CI test tabs). ``github``: workflow
commands that GitHub Actions shows as annotations on the changed lines. ``sarif``: SARIF 2.1.0
for code-scanning dashboards.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable, Sequence

from lxml import etree

from teikit import __version__
from teikit.errors import Diagnostic, Severity
from teikit.validate.runner import FileResult

FORMATS = ("text", "json", "junit", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


@dataclass
class Summary:
    files: int
    valid: int
    invalid: int
    errors: int
    warnings: int

    @classmethod
    def of(cls, results: Sequence[FileResult]) -> "Summary":
        diagnostics = [d for r in results for d in r.diagnostics]
        valid = sum(r.valid for r in results)
        return cls(len(results), valid, len(results) - valid,
                   sum(d.severity == Severity.ERROR for d in diagnostics),
                   sum(d.severity != Severity.ERROR for d in diagnostics))

    def line(self) -> str:
        def plural(n: int, word: str) -> str:
            return f"{n} {word}{'' if n == 1 else 's'}"

        return (f"teikit validate: {plural(self.files, 'file')}, {self.valid} valid, {self.invalid} invalid "
                f"({plural(self.errors, 'error')}, {plural(self.warnings, 'warning')})")


def _severity(d: Diagnostic) -> str:
    return "error" if d.severity == Severity.ERROR else "warning"


def text(results: Sequence[FileResult]) -> str:
    lines = [str(d) for r in results for d in r.diagnostics]
    lines.append(Summary.of(results).line())
    return "\n".join(lines) + "\n"


def to_json(results: Sequence[FileResult]) -> str:
    data = {
        "files": [{
            "path": r.path,
            "valid": r.valid,
            "diagnostics": [{
                "line": d.line, "column": d.column, "severity": _severity(d), "engine": d.engine,
                "code": d.code, "message": d.message, "xpath": d.xpath,
            } for d in r.diagnostics],
        } for r in results],
        "summary": vars(Summary.of(results)),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def junit(results: Sequence[FileResult]) -> str:
    summary = Summary.of(results)
    counts = {"tests": str(summary.files), "failures": str(summary.invalid), "errors": "0", "skipped": "0"}
    suites = etree.Element("testsuites", name="teikit validate", **counts)
    suite = etree.SubElement(suites, "testsuite", name="teikit validate", **counts)
    for r in results:
        case = etree.SubElement(suite, "testcase", classname="teikit.validate", name=r.path, file=r.path)
        errors = [d for d in r.diagnostics if d.severity == Severity.ERROR]
        others = [d for d in r.diagnostics if d.severity != Severity.ERROR]
        if errors:
            failure = etree.SubElement(case, "failure", type="invalid",
                                       message=f"{len(errors)} error{'' if len(errors) == 1 else 's'}: "
                                               f"{errors[0].message}")
            failure.text = "\n".join(map(str, errors))
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(map(str, others))
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(results: Sequence[FileResult]) -> str:
    lines = []
    for r in results:
        for d in r.diagnostics:
            props = [f"file={_escape_property(d.file)}"]
            if d.line is not None:
                props.append(f"line={d.line}")
                if d.column is not None:
                    props.append(f"col={d.column}")
            title = f"teikit {d.engine or 'validate'}" + (f" {d.code}" if d.code else "")
            props.append(f"title={_escape_property(title)}")
            lines.append(f"::{_severity(d)} {','.join(props)}::{_escape_data(d.message)}")
    lines.append(Summary.of(results).line())
    return "\n".join(lines) + "\n"


def _uri(path: str) -> str:
    return PurePath(path).as_posix()


def sarif(results: Sequence[FileResult]) -> str:
    rules: dict[str, dict] = {}
    findings = []
    for r in results:
        for d in r.diagnostics:
            rule = d.code or d.engine or "validate"
            rules.setdefault(rule, {"id": rule, "properties": {"engine": d.engine}})
            location: dict = {"artifactLocation": {"uri": _uri(d.file)}}
            if not PurePath(d.file).is_absolute():
                location["artifactLocation"]["uriBaseId"] = "%SRCROOT%"
            if d.line is not None:
                location["region"] = {"startLine": d.line, **({"startColumn": d.column} if d.column else {})}
            entry = {"physicalLocation": location}
            if d.xpath:
                entry["logicalLocations"] = [{"fullyQualifiedName": d.xpath, "kind": "element"}]
            findings.append({"ruleId": rule, "level": _severity(d),
                             "message": {"text": f"[{d.engine}] {d.message}" if d.engine else d.message},
                             "locations": [entry]})
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "teikit", "version": __version__,
                                "rules": list(rules.values())}},
            "results": findings,
            "invocations": [{"executionSuccessful": True}],
        }],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


RENDERERS: dict[str, Callable[[Sequence[FileResult]], str]] = {
    "text": text, "json": to_json, "junit": junit, "github": github, "sarif": sarif,
}


def render(results: Sequence[FileResult], fmt: str) -> str:
    return RENDERERS[fmt](results)
