"""Run a compiled Schematron schema with saxonche and read its SVRL back as diagnostics."""

from __future__ import annotations

import re
from typing import Sequence

from lxml import etree

from teikit.errors import Diagnostic, Severity
from teikit.ns import SVRL, XML
from teikit.runtime import saxon
from teikit.validate.documents import Document
from teikit.validate.engine import Engine, RunContext
from teikit.validate.errors import SchemaError
from teikit.validate.schematron.compile import compile_stylesheet
from teikit.validate.schematron.schema import Schema
from teikit.xmlio import parse_bytes

# roles that make an assertion a warning rather than an error (compared in lower case)
WARNING_ROLES = {"warning", "warn", "nonfatal", "non-fatal", "info", "information", "informational",
                 "caution", "minor", "hint"}
# stylesheet parameters teikit supplies from the run (declared as schema-level lets):
# xml:id -> space-separated URIs of the run's documents declaring it, and those documents' URIs
RUN_IDS = "teikit-run-ids"
RUN_DOCUMENTS = "teikit-run-documents"
_EQNAME = re.compile(r"Q\{([^}]*)\}")


def severity_of(role: str | None) -> Severity:
    return Severity.WARNING if role and role.strip().lower() in WARNING_ROLES else Severity.ERROR


class SchematronEngine(Engine):
    name = "schematron"

    def __init__(self, schema: Schema, label: str | None = None):
        super().__init__(label or schema.file)
        self.rules = schema
        self._executables: dict[bool, saxon.Executable] = {}
        self._run_values: dict[int, tuple] = {}
        self.wants_run_context = bool({RUN_IDS, RUN_DOCUMENTS} & schema.parameter_names)
        # prefixes to print paths with: the schema's own, and xml
        self._prefixes = {uri: prefix for prefix, uri in reversed(list(schema.namespaces.items()))}
        self._prefixes[XML] = "xml"

    def executable(self, fired_rules: bool = False):
        """The compiled stylesheet (compiled on first use in this process)."""
        if fired_rules not in self._executables:
            text = compile_stylesheet(self.rules, fired_rules)
            try:
                self._executables[fired_rules] = saxon.compile_text(text)
            except saxon.api_error() as exc:
                raise SchemaError.at(self.rules.file, f"rules do not compile: {saxon.error_text(exc)}",
                                     engine=self.name) from None
        return self._executables[fired_rules]

    def _parameters(self, executable: saxon.Executable, run: RunContext) -> None:
        """Set the run parameters the schema declares (converted once per run and executable, not
        per document)."""
        if not self.wants_run_context:
            return
        cached = self._run_values.get(id(executable))
        if cached is None or cached[0] is not run:
            names = self.rules.parameter_names
            values = {}
            if RUN_IDS in names:
                values[RUN_IDS] = executable.string_map({key: " ".join(uris) for key, uris in run.ids.items()})
            if RUN_DOCUMENTS in names:
                values[RUN_DOCUMENTS] = executable.string(" ".join(run.documents))
            cached = self._run_values[id(executable)] = (run, values)
        executable.set_parameters(cached[1])

    def svrl(self, doc: Document, run: RunContext | None = None, fired_rules: bool = True
             ) -> etree._ElementTree:
        """The SVRL report for one document."""
        executable = self.executable(fired_rules)
        self._parameters(executable, run or RunContext())
        result = executable.transform(doc.xml_text(), doc.uri)
        return parse_bytes("svrl", result.encode("utf-8"))

    def check(self, documents: Sequence[Document], run: RunContext) -> list[list[Diagnostic]]:
        results = []
        for doc in documents:
            try:
                report = self.svrl(doc, run, fired_rules=False)
            except saxon.api_error() as exc:
                results.append([self.diagnostic(doc, f"rules could not run: {saxon.error_text(exc)}",
                                                code="schematron-failed")])
                continue
            # SVRL groups results by pattern; readers want them in document order
            results.append(sorted(self.diagnostics(doc, report), key=lambda d: (d.line or 0, d.column or 0)))
        return results

    def diagnostics(self, doc: Document, report: etree._ElementTree):
        pattern_id = None
        for node in report.getroot():
            if node.tag == f"{{{SVRL}}}active-pattern":
                pattern_id = node.get("id")
            elif node.tag in (f"{{{SVRL}}}failed-assert", f"{{{SVRL}}}successful-report"):
                yield self._diagnostic(doc, node, pattern_id)

    def _diagnostic(self, doc: Document, node: etree._Element, pattern_id: str | None) -> Diagnostic:
        text = node.find(f"{{{SVRL}}}text")
        message = " ".join("".join(text.itertext()).split()) if text is not None else node.get("test", "")
        details = [" ".join("".join(d.itertext()).split())
                   for d in node.iterfind(f"{{{SVRL}}}diagnostic-reference")]
        details = [d for d in details if d]
        if details:
            message = f"{message} ({'; '.join(details)})"
        location = node.get("location")
        element, attribute = doc.element_at(location)
        return self.diagnostic(doc, message, element=element, attribute=attribute,
                               severity=severity_of(node.get("role")),
                               code=node.get("id") or pattern_id, xpath=self._readable(location))

    def _readable(self, location: str | None) -> str | None:
        """Saxon's ``/Q{uri}name[1]`` paths with the schema's prefixes instead (no namespace: none)."""
        if not location:
            return location

        def prefixed(match: re.Match) -> str:
            uri = match.group(1)
            if not uri:
                return ""
            return f"{self._prefixes[uri]}:" if uri in self._prefixes else match.group(0)

        return _EQNAME.sub(prefixed, location)
