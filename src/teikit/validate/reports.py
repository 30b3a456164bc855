"""Validation reports in the formats people and CI systems read.

``text``: the project's diagnostic lines and a summary. ``json``: files, diagnostics and summary.
``junit``: one test case per file (GitLab, Jenkins, most CI test tabs). ``github``: workflow
commands that GitHub Actions shows as annotations on the changed lines. ``sarif``: SARIF 2.1.0
for code-scanning dashboards. Besides one of these, :func:`markdown_summary` gives the table a CI
job page shows (GitHub's job summary).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Callable, Sequence
from urllib.parse import quote

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
    skipped: int = 0  # not validated on purpose (--only-tei): neither valid nor invalid

    @classmethod
    def of(cls, results: Sequence[FileResult]) -> "Summary":
        diagnostics = [d for r in results for d in r.diagnostics]
        skipped = sum(r.skipped for r in results)
        valid = sum(r.valid for r in results) - skipped
        return cls(len(results), valid, len(results) - valid - skipped,
                   sum(d.severity == Severity.ERROR for d in diagnostics),
                   sum(d.severity == Severity.WARNING for d in diagnostics), skipped)

    def counts(self) -> str:
        skipped = f", {self.skipped} skipped" if self.skipped else ""
        return (f"{_plural(self.files, 'file')}, {self.valid} valid, {self.invalid} invalid{skipped} "
                f"({_plural(self.errors, 'error')}, {_plural(self.warnings, 'warning')})")

    def line(self) -> str:
        return f"teikit validate: {self.counts()}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _severity(d: Diagnostic) -> str:
    return Severity(d.severity).value


def text(results: Sequence[FileResult]) -> str:
    lines = [str(d) for r in results for d in r.diagnostics]
    lines.append(Summary.of(results).line())
    return "\n".join(lines) + "\n"


def to_json(results: Sequence[FileResult]) -> str:
    data = {
        "files": [{
            "path": r.path,
            "valid": r.valid,
            "skipped": r.skipped,
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
    counts = {"tests": str(summary.files), "failures": str(summary.invalid), "errors": "0",
              "skipped": str(summary.skipped)}
    suites = etree.Element("testsuites", name="teikit validate", **counts)
    suite = etree.SubElement(suites, "testsuite", name="teikit validate", **counts)
    for r in results:
        case = etree.SubElement(suite, "testcase", classname="teikit.validate", name=r.path, file=r.path)
        errors = [d for d in r.diagnostics if d.severity == Severity.ERROR]
        others = [d for d in r.diagnostics if d.severity != Severity.ERROR]
        if r.skipped:
            etree.SubElement(case, "skipped", message=others[0].message if others else "skipped")
        elif errors:
            failure = etree.SubElement(case, "failure", type="invalid",
                                       message=f"{_plural(len(errors), 'error')}: {errors[0].message}")
            failure.text = "\n".join(map(str, errors))
        if others:
            etree.SubElement(case, "system-out").text = "\n".join(map(str, others))
    return etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


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
            lines.append(f"::{_GITHUB_LEVELS[d.severity]} {','.join(props)}::{_escape_data(d.message)}")
    lines.append(Summary.of(results).line())
    return "\n".join(lines) + "\n"


def _artifact(path: str) -> dict:
    """A SARIF artifactLocation: a relative path as a percent-encoded URI reference against the
    checkout (%SRCROOT%), an absolute one as a file:// URI."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(pure.as_posix(), safe="/"), "uriBaseId": "%SRCROOT%"}


def sarif(results: Sequence[FileResult]) -> str:
    rules: dict[str, dict] = {}
    findings = []
    for r in results:
        for d in r.diagnostics:
            rule = d.code or d.engine or "validate"
            rules.setdefault(rule, {"id": rule, "properties": {"engine": d.engine}})
            location: dict = {"artifactLocation": _artifact(d.file)}
            if d.line is not None:
                location["region"] = {"startLine": d.line, **({"startColumn": d.column} if d.column else {})}
            entry = {"physicalLocation": location}
            if d.xpath:
                entry["logicalLocations"] = [{"fullyQualifiedName": d.xpath, "kind": "element"}]
            findings.append({"ruleId": rule, "level": _SARIF_LEVELS[d.severity],
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


# -- the job summary ---------------------------------------------------------------------------------------

SUMMARY_ROWS = 200  # files listed in a job summary at most (GitHub takes 1 MiB a step)


def _cell(text: str) -> str:
    """Text in a Markdown table cell: on one line, its bars escaped, no HTML (a message may quote tags)."""
    text = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("|", "\\|")


def _code(text: str) -> str:
    """A path as code in a table cell (entities would show as typed there)."""
    return "`" + " ".join(text.split()).replace("`", "'").replace("|", "\\|") + "`"


def markdown_summary(results: Sequence[FileResult], strict: bool = False) -> str:
    """A Markdown table of the files with problems (the first error of each, or warning), after a
    line of totals; valid files without warnings are counted, not listed."""
    summary = Summary.of(results)
    verdict = "all valid" if summary.invalid == 0 else f"{_plural(summary.invalid, 'invalid file')}"
    lines = [f"### teikit validate: {verdict}", "",
             summary.counts() + ("; strict: a file no schema could check is an error" if strict else ""), ""]
    listed = [r for r in results if any(d.severity != Severity.INFO for d in r.diagnostics)]
    if listed:
        lines += ["| file | verdict | errors | warnings | first problem |", "|---|---|---:|---:|---|"]
        for r in listed[:SUMMARY_ROWS]:
            errors = [d for d in r.diagnostics if d.severity == Severity.ERROR]
            warnings = [d for d in r.diagnostics if d.severity == Severity.WARNING]
            first = (errors or warnings)[0]
            where = f"{first.line}:" if first.line is not None else ""
            engine = f"[{first.engine}] " if first.engine else ""
            lines.append(f"| {_code(r.path)} | {'invalid' if errors else 'valid'} | {len(errors)} | "
                         f"{len(warnings)} | {_cell(f'{where} {engine}{first.message}'.strip())} |")
        if len(listed) > SUMMARY_ROWS:
            lines.append(f"\n… and {_plural(len(listed) - SUMMARY_ROWS, 'more file')} with problems "
                         "(see the annotations or the report).")
    return "\n".join(lines) + "\n\n"
