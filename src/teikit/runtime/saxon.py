"""Saxon for validation (Schematron) and publishing alike: compiled stylesheets that read nothing.

What a stylesheet, a Schematron rule or a document may read while it runs: nothing. Saxon's
``allowedProtocols`` is empty on every processor before anything runs on it, so ``doc()``,
``document()``, ``unparsed-text()``, ``collection()``, ``json-doc()`` and the like fail ("Access
to URI ... has been prohibited", put in teikit's words by :func:`explain`) instead of reading a
file or fetching a URL. Documents reach Saxon as text that ``teikit.xmlio`` has parsed (no DTD,
no entities); trusted inputs teikit chooses to give a stylesheet go in the same way, as parsed
trees or parameters, never as addresses for Saxon to open.

What a stylesheet file may load while it compiles: its modules, which ``teikit.runtime.modules``
has checked first (teikit's stylesheets, through the relative hrefs between them or the catalog
address, and the stylesheet itself, such as a project's ``--xslt``). For that a processor starts
with the file protocol (and teikit's catalog address) open, and is closed for good before its
first run. Saxon can narrow a processor's access but never widen it again, so a stylesheet file
compiled after the current processor has run gets a new processor (a millisecond to make; each
executable keeps the processor that compiled it). Most processes compile before they run and use
one processor; a build worker, which validates before it publishes, uses two. Generated
stylesheets (Schematron) are compiled with no access at all.

Saxon parses the document text with the JDK's parser, whose limits in saxonche are made for
hostile input with entities (100 levels of nesting, 200 attributes on an element, names of
1,000 characters). teikit hands Saxon only text its own parser has read, without entities, so
Saxon is given the bounds of that parser instead (:data:`PARSER_LIMITS`): a document teikit can
read, Schematron and the stylesheets can read too.

Processors are made on first use, never before a fork (their threads do not survive one; see
``teikit.runtime.pool``), and used by one thread at a time.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any, Iterator, Mapping
from urllib.parse import quote

from teikit.errors import Diagnostic, TeikitError
from teikit.runtime.modules import catalog_path, stylesheet_modules
from teikit.xmlio import MAX_DEPTH

ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
MODULES = "file,https"  # while compiling checked modules: files, and https://teikit.invalid/ via the catalog
CLOSED = ""  # from the first run on: no external resource at all
# The JDK parser's limits (JAXP properties, "0": none), set to those of teikit.xmlio's parser.
_JAXP = "http://www.oracle.com/xml/jaxp/properties/"
PARSER_LIMITS = {"maxElementDepth": str(MAX_DEPTH), "elementAttributeLimit": "0", "maxXMLNameLimit": "0"}


def _parser_property(name: str) -> str:
    return "http://saxon.sf.net/feature/parserProperty?uri=" + quote(_JAXP + name, safe="")

_lock = threading.RLock()  # one thread at a time in Saxon


class _Processor:
    """A ``PySaxonProcessor`` and whether it is still open for compiling stylesheet files."""

    def __init__(self):
        from saxonche import PySaxonProcessor  # imported late: only validation and publishing need it

        self.saxon = PySaxonProcessor(license=False)
        self.saxon.set_catalog_files([str(catalog_path())])
        self.saxon.set_configuration_property(ALLOWED_PROTOCOLS, MODULES)
        for name, value in PARSER_LIMITS.items():
            self.saxon.set_configuration_property(_parser_property(name), value)
        self.open = True

    def close(self) -> None:
        """Close the processor for good, and prove it: a probe stylesheet must not see a file that
        exists. (saxonche 12.5 keeps a processor open when told to close it after compiling:
        teikit would rather not run than run open.)"""
        if self.open:
            self.saxon.set_configuration_property(ALLOWED_PROTOCOLS, CLOSED)
            self.open = False
            probe = self.saxon.new_xslt30_processor().compile_stylesheet(
                stylesheet_text=_PROBE.format(uri=catalog_path().as_uri()))
            seen = probe.transform_to_string(xdm_node=self.saxon.new_document_builder().parse_xml(xml_text="<p/>"))
            if (seen or "").strip() != "closed":
                raise TeikitError(Diagnostic("saxonche", f"{self.saxon.version} does not close file access after a "
                                                         "stylesheet compiles: teikit needs saxonche 13.1 or later",
                                             engine="xslt"))


_PROBE = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
          '<xsl:output method="text"/><xsl:template match="/">'
          '<xsl:value-of select="if (unparsed-text-available(\'{uri}\')) then \'open\' else \'closed\'"/>'
          '</xsl:template></xsl:stylesheet>')


_current: list[_Processor] = []  # the processor new compilations go to


def _for_modules() -> _Processor:
    if not _current or not _current[0].open:
        _current[:] = [_Processor()]
    return _current[0]


def _closed() -> _Processor:
    if not _current:
        _current.append(_Processor())
    _current[0].close()
    return _current[0]


class Executable:
    """A compiled stylesheet and the processor it belongs to (its parameters and the values
    given to them must come from that processor)."""

    def __init__(self, xslt, processor: _Processor):
        self.xslt = xslt  # the PyXsltExecutable (messages, parameters)
        self._processor = processor

    def transform(self, text: str, base_uri: str | None = None) -> str | None:
        """Run on a document given as XML text that teikit's safe parser has read."""
        with _lock:
            self._processor.close()
            builder = self._processor.saxon.new_document_builder()
            if base_uri:
                builder.set_base_uri(base_uri)
            return self.xslt.transform_to_string(xdm_node=builder.parse_xml(xml_text=text))

    def set_parameters(self, values: Mapping[str, Any]) -> None:
        """Replace the stylesheet's parameters: strings go as untypedAtomic (Saxon casts them to
        the parameter's declared type); other values as made by :meth:`string` or :meth:`string_map`."""
        proc = self._processor.saxon
        self.xslt.clear_parameters()
        for name, value in values.items():
            self.xslt.set_parameter(name, proc.make_atomic_value("untypedAtomic", value)
                                    if isinstance(value, str) else value)

    def string(self, value: str):
        """An xs:string of this executable's processor."""
        return self._processor.saxon.make_string_value(value)

    def string_map(self, entries: Mapping[str, str]):
        """A ``map(xs:string, xs:string)`` of this executable's processor.

        Values are single strings on purpose: saxonche 13.1 crashes the process on maps (or
        parameters) holding sequences of more than one item, so lists travel space-separated."""
        proc = self._processor.saxon
        return proc.make_map({proc.make_string_value(k): proc.make_string_value(v) for k, v in entries.items()})


def compile_text(text: str) -> Executable:
    """Compile stylesheet text that imports nothing (a generated one, such as Schematron's),
    on a closed processor: nothing is read while it compiles either."""
    with _lock:
        processor = _closed()
        return Executable(processor.saxon.new_xslt30_processor().compile_stylesheet(stylesheet_text=text), processor)


def compile_file(path: Path) -> Executable:
    """Compile a stylesheet file: its modules are checked first (an InputError names a refused
    one), then read by Saxon on a processor still open for them."""
    stylesheet_modules(path)
    with _lock:
        processor = _for_modules()
        return Executable(processor.saxon.new_xslt30_processor().compile_stylesheet(stylesheet_file=str(path)),
                          processor)


def started() -> bool:
    """Whether Saxon may be running in this process (forking is then unsafe)."""
    return "saxonche" in sys.modules


def api_error() -> type[Exception]:
    """saxonche's exception type (imported on first use)."""
    from saxonche import PySaxonApiError

    return PySaxonApiError


# Saxon's words for a refused read: most functions, and collection()
_PROHIBITED = re.compile(r"Access to URI \S+ has been prohibited|URI scheme '[^']*' has been disallowed")


def explain(message: str) -> str:
    """Saxon's message, with what a refused read means in teikit."""
    if _PROHIBITED.search(message) is None:
        return message
    return (f"{message}: teikit's Saxon reads nothing but the document it is given (doc(), unparsed-text(), "
            "collection() and the like are closed)")


def error_text(exc: BaseException) -> str:
    """Saxon's message without the stack of where-it-happened lines."""
    text = str(exc)
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    # Saxon puts the error code and its explanation on an indented line: prefer it, and name the
    # expression it was about, which is how a reader finds the rule in the schema
    coded = [" ".join(line.split()) for line in lines if re.match(r"^[A-Z]{4}\d{4}\b", line)]
    message = explain((coded or lines or [type(exc).__name__])[0])
    expression = re.search(r"Error in \{(.*?)\} at char", text, re.S)
    return f"{message} (in {{{expression.group(1)}}})" if expression else message


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Collect what Saxon writes to file descriptor 2 while the block runs (it reports errors
    there as well as in its exception); the text is in the list once the block has ended."""
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
