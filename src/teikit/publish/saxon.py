"""Publishing with XSLT 3.0: a compiled stylesheet, run on parsed TEI, with its messages and
failures as teikit's diagnostics. Each stylesheet is compiled once per process.

Saxon itself is ``teikit.runtime.saxon``: one processor for validation and publishing, that
reads nothing by itself (``doc()``, ``unparsed-text()`` and the like are closed) and loads
stylesheet modules only from teikit's stylesheets and the stylesheet it compiles (a project's
``--xslt``). An input is parsed by ``teikit.xmlio`` (no DTD, no entity expansion, no network),
checked to be TEI, and handed over serialised without its DOCTYPE. Saxon reports errors on the
process's stderr as well as in its exception; that report is folded into one diagnostic line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from lxml import etree

from teikit.errors import Diagnostic, InputError, Severity, TeikitError
from teikit.ns import TEI
from teikit.runtime import saxon

TEI_ROOTS = (f"{{{TEI}}}TEI", f"{{{TEI}}}teiCorpus")
ENGINE = "xslt"

_compiled: dict[tuple[Path, int], "Stylesheet"] = {}


_SAXON_LOCATION = re.compile(r"\s*(?:at \S+ )?on line (\d+)(?: column (\d+))? of ([^:\s]+):?")


@dataclass(frozen=True)
class SaxonReport:
    """What Saxon said about a failure: its message, and where in which stylesheet module."""

    message: str
    line: int | None = None
    column: int | None = None
    module: str | None = None

    @classmethod
    def of(cls, exc: Exception, captured: list[str]) -> "SaxonReport":
        text = " ".join(str(exc).split()) or " ".join("".join(captured).split()) or "transformation failed"
        location = _SAXON_LOCATION.search(text) or _SAXON_LOCATION.search(" ".join("".join(captured).split()))
        if location is None:
            return cls(text)
        message = " ".join(_SAXON_LOCATION.sub(" ", text).split()).strip(" :") or text
        return cls(message, int(location.group(1)), int(location.group(2)) if location.group(2) else None,
                   location.group(3))

    @property
    def where(self) -> str:
        return f" ({self.module} line {self.line})" if self.module else ""


@dataclass
class Result:
    """The output of one transformation and what the stylesheet said while making it."""

    text: str
    messages: list[Diagnostic] = field(default_factory=list)


class Stylesheet:
    """A compiled stylesheet. Use ``compiled(path)``: it compiles each file once per process."""

    def __init__(self, path: Path):
        self.path = path
        self._error = saxon.api_error()
        failure = None
        with saxon.captured_stderr() as captured:
            try:
                self._executable = saxon.compile_file(path)
            except self._error as exc:
                failure = exc
        if failure is not None:  # (the report is complete once the capture has ended)
            report = SaxonReport.of(failure, captured)
            module = path if report.module in (None, path.name) else path.parent / report.module
            raise InputError(Diagnostic(str(module), f"stylesheet does not compile: {report.message}",
                                        line=report.line, column=report.column, engine=ENGINE))
        self._executable.xslt.set_save_xsl_message(True)
        self._params: dict[str, str] | None = None

    def _set_params(self, params: Mapping[str, str]) -> None:
        if params != self._params:
            self._executable.set_parameters(params)
            self._params = dict(params)

    def transform(self, tree: etree._ElementTree, name: str, params: Mapping[str, str],
                  roots: tuple[str, ...] | None = TEI_ROOTS) -> Result:
        """Transform a parsed TEI document (or, with ``roots=None``, any XML a stylesheet reads,
        such as the summary behind a site's corpus pages); errors become a TeikitError about ``name``."""
        root = tree.getroot()
        if roots is not None and root.tag not in roots:
            raise InputError(Diagnostic(name, f"not a TEI document: the root element is "
                                              f"{etree.QName(root).localname!r} in namespace "
                                              f"{etree.QName(root).namespace or 'none'!r}, not TEI or "
                                              f"teiCorpus in {TEI}", engine=ENGINE))
        self._set_params(params)
        failure, text = None, None
        with saxon.captured_stderr() as captured:
            try:
                text = self._executable.transform(etree.tostring(root, encoding="unicode"))
            except self._error as exc:
                failure = exc
        messages = self._messages(name)
        if failure is not None:
            # xsl:message terminate="yes": its own words say best what went wrong
            terminated = messages and "xsl:message" in str(failure)
            report = SaxonReport.of(failure, captured)
            raise TeikitError(Diagnostic(name, messages[-1].message if terminated
                                         else saxon.explain(report.message) + report.where, engine=ENGINE))
        if text is None:
            raise TeikitError(Diagnostic(name, "the stylesheet produced no output", engine=ENGINE))
        return Result(text, messages)

    def _messages(self, name: str) -> list[Diagnostic]:
        value = self._executable.xslt.get_xsl_messages()
        self._executable.xslt.clear_xsl_messages()
        if value is None:
            return []
        return [Diagnostic(name, " ".join(value.item_at(i).string_value.split()),
                           severity=Severity.WARNING, engine=ENGINE) for i in range(value.size)]


def forget() -> None:
    """Drop the stylesheets compiled so far (a long-lived worker serving build after build, whose
    stylesheets may have changed since, compiles them again)."""
    _compiled.clear()


def compiled(path: Path) -> Stylesheet:
    """The stylesheet at ``path``, compiled on first use in this process (again if it changed)."""
    path = path.resolve()
    try:
        key = (path, path.stat().st_mtime_ns)
    except FileNotFoundError:
        raise InputError(Diagnostic(str(path), "no such stylesheet", engine=ENGINE)) from None
    if key not in _compiled:
        _compiled[key] = Stylesheet(path)
    return _compiled[key]
