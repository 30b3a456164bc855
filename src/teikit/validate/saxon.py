"""The one Saxon processor of this process, set up so that it can read nothing by itself.

Saxon never opens a URI here: documents reach it as text that teikit's safe parser has already
read (no DTD, no entities), and ``allowedProtocols`` is empty, so ``doc()``, ``document()``,
``unparsed-text()``, ``collection()`` and friends fail instead of fetching or reading files.
The processor is created on first use, never before a fork (see :mod:`teikit.validate.runner`).
"""

from __future__ import annotations

import re
import sys
from typing import Any

ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"

_processor: Any = None


def processor():
    """The process-wide ``PySaxonProcessor`` (created on first call)."""
    global _processor
    if _processor is None:
        from saxonche import PySaxonProcessor

        proc = PySaxonProcessor(license=False)
        proc.set_configuration_property(ALLOWED_PROTOCOLS, "")
        _processor = proc
    return _processor


def started() -> bool:
    """Whether Saxon may be running in this process (teikit's publishing uses it too): forking
    is then unsafe."""
    return "saxonche" in sys.modules


def compile_xslt(text: str):
    """Compile stylesheet text (never a file or URI) into an executable."""
    return processor().new_xslt30_processor().compile_stylesheet(stylesheet_text=text)


def parse_text(text: str, base_uri: str | None = None):
    """An XDM document from XML text already checked by teikit's safe parser."""
    builder = processor().new_document_builder()
    if base_uri:
        builder.set_base_uri(base_uri)
    return builder.parse_xml(xml_text=text)


def string_map(entries: dict[str, str]):
    """An XDM ``map(xs:string, xs:string)``.

    Values are single strings on purpose: saxonche 13.1 crashes the process on maps (or
    parameters) holding sequences of more than one item, so lists travel space-separated."""
    proc = processor()
    return proc.make_map({proc.make_string_value(k): proc.make_string_value(v) for k, v in entries.items()})


def error_text(exc: BaseException) -> str:
    """Saxon's message without the stack of where-it-happened lines."""
    text = str(exc)
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    # Saxon puts the error code and its explanation on an indented line: prefer it, and name the
    # expression it was about, which is how a reader finds the rule in the schema
    coded = [" ".join(line.split()) for line in lines if re.match(r"^[A-Z]{4}\d{4}\b", line)]
    message = (coded or lines or [type(exc).__name__])[0]
    expression = re.search(r"Error in \{(.*?)\} at char", text, re.S)
    return f"{message} (in {{{expression.group(1)}}})" if expression else message
