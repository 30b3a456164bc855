"""Running an XSLT 3.0 stylesheet with saxonche: one processor per process, each stylesheet
compiled once, inputs handed over as parsed trees.

An input is parsed by ``teikit.xmlio`` (no DTD, no entity expansion, no network), checked to be
TEI, and serialised without its DOCTYPE for Saxon to build its tree from: Saxon never opens a
URI or a DTD on an input's behalf. Saxon reports errors on the process's stderr as well as in
its exception; that report is captured and folded into teikit's one diagnostic line.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping

from lxml import etree

from teikit.errors import Diagnostic, InputError, Severity, TeikitError
from teikit.ns import TEI
from teikit.publish.targets import catalog_path

TEI_ROOTS = (f"{{{TEI}}}TEI", f"{{{TEI}}}teiCorpus")
ENGINE = "xslt"

_processor = None
_compiled: dict[tuple[Path, int], "Stylesheet"] = {}


def processor():
    """The process's Saxon processor, created on first use (with teikit's XML catalog, which
    maps https://teikit.invalid/xslt/ to the installed stylesheets)."""
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor  # imported late: only publishing needs it

        _processor = PySaxonProcessor(license=False)
        _processor.set_catalog_files([str(catalog_path())])
    return _processor


@contextlib.contextmanager
def _captured_stderr() -> Iterator[list[str]]:
    """Collect what Saxon writes to file descriptor 2 while the block runs."""
    captured: list[str] = []
    sys.stderr.flush()
    saved = os.dup(2)
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            captured.append(sink.read().decode("utf-8", "replace"))


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
        from saxonche import PySaxonApiError

        self.path = path
        self._error = PySaxonApiError
        proc = processor()
        failure = None
        with _captured_stderr() as captured:
            try:
                self._executable = proc.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path))
            except PySaxonApiError as exc:
                failure = exc
        if failure is not None:  # (the report is complete once the capture has ended)
            report = SaxonReport.of(failure, captured)
            module = path if report.module in (None, path.name) else path.parent / report.module
            raise InputError(Diagnostic(str(module), f"stylesheet does not compile: {report.message}",
                                        line=report.line, column=report.column, engine=ENGINE))
        self._executable.set_save_xsl_message(True)
        self._params: dict[str, str] | None = None

    def _set_params(self, params: Mapping[str, str]) -> None:
        if params == self._params:
            return
        proc = processor()
        self._executable.clear_parameters()
        for name, value in params.items():
            # untypedAtomic: Saxon converts it to the parameter's declared type
            self._executable.set_parameter(name, proc.make_atomic_value("untypedAtomic", value))
        self._params = dict(params)

    def transform(self, tree: etree._ElementTree, name: str, params: Mapping[str, str]) -> Result:
        """Transform a parsed TEI document; errors become a TeikitError about ``name``."""
        root = tree.getroot()
        if root.tag not in TEI_ROOTS:
            raise InputError(Diagnostic(name, f"not a TEI document: the root element is "
                                              f"{etree.QName(root).localname!r} in namespace "
                                              f"{etree.QName(root).namespace or 'none'!r}, not TEI or "
                                              f"teiCorpus in {TEI}", engine=ENGINE))
        self._set_params(params)
        proc = processor()
        failure, text = None, None
        with _captured_stderr() as captured:
            try:
                node = proc.parse_xml(xml_text=etree.tostring(root, encoding="unicode"))
                text = self._executable.transform_to_string(xdm_node=node)
            except self._error as exc:
                failure = exc
        messages = self._messages(name)
        if failure is not None:
            # xsl:message terminate="yes": its own words say best what went wrong
            terminated = messages and "xsl:message" in str(failure)
            report = SaxonReport.of(failure, captured)
            raise TeikitError(Diagnostic(name, messages[-1].message if terminated
                                         else report.message + report.where, engine=ENGINE))
        if text is None:
            raise TeikitError(Diagnostic(name, "the stylesheet produced no output", engine=ENGINE))
        return Result(text, messages)

    def _messages(self, name: str) -> list[Diagnostic]:
        value = self._executable.get_xsl_messages()
        self._executable.clear_xsl_messages()
        if value is None:
            return []
        return [Diagnostic(name, " ".join(value.item_at(i).string_value.split()),
                           severity=Severity.WARNING, engine=ENGINE) for i in range(value.size)]


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
